"""Who may see and do what. Actions and views ask these helpers; nothing else decides access.

Roles (Membership): admin (everything), supervisor of a region (that region and every region below it),
reporter of a department (the items assigned to that department, as lead or co-unit). Everyone else,
including anonymous visitors, is the public: published reports, read only.

A user's memberships are kept in the cache the worker processes share (settings.CACHES "default"), under
a version token that every membership save or delete replaces (at once and again at commit), so a
removed role holds in every worker at the next request.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache as shared_cache
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404

from duban.web.models import Item, Membership, ProgressUpdate, Region, Report

_CACHE_ATTR = "_duban_roles"


@dataclass
class Roles:
    admin: bool = False
    regions: set[int] = field(default_factory=set)  # supervised region ids (not yet their descendants)
    departments: set[int] = field(default_factory=set)

    @property
    def staff(self) -> bool:
        """Anyone with a role (sees the internal pages)."""
        return self.admin or bool(self.regions) or bool(self.departments)


def roles(user) -> Roles:
    """The user's roles, cached on the user object for the request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Roles()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    r = _memberships(user)
    r.admin = r.admin or user.is_superuser  # read from the user row, loaded on every request anyway
    setattr(user, _CACHE_ATTR, r)
    return r


ROLES_SECONDS = 300  # a change never waits for this (the token moves); raw SQL changes show after it


def _version_key(user_id: int) -> str:
    return f"duban:roles-version:{user_id}"


def _memberships(user) -> Roles:
    """The roles the user's memberships give, from the shared cache when they have not changed."""
    token = shared_cache.get(_version_key(user.pk))
    if token is None:  # first use, or evicted: a new token, and the memberships read after it
        token = uuid.uuid4().hex
        shared_cache.set(_version_key(user.pk), token, None)
    key = f"duban:roles:{user.pk}:{token}"
    # the entry names its user: a cache that outlived its database never gives a new user an old one's roles
    who = (user.get_username(), str(user.date_joined))
    hit = shared_cache.get(key)
    if hit is not None and hit[0] == who:
        return Roles(admin=hit[1], regions=set(hit[2]), departments=set(hit[3]))
    r = Roles()
    for m in Membership.objects.filter(user=user).only("role", "region_id", "department_id"):
        if m.role == "admin":
            r.admin = True
        elif m.role == "supervisor" and m.region_id:
            r.regions.add(m.region_id)
        elif m.role == "reporter" and m.department_id:
            r.departments.add(m.department_id)
    shared_cache.set(key, (who, r.admin, sorted(r.regions), sorted(r.departments)), ROLES_SECONDS)
    return r


def memberships_changed(user_id: int) -> None:
    """A membership of the user was saved or deleted: no worker uses the roles it cached before.
    The token moves now (this transaction's later reads) and again at commit: a request that read the
    old rows while the change was not committed yet cached them under the token replaced then."""
    def bump() -> None:
        shared_cache.set(_version_key(user_id), uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)


def _membership_saved_or_deleted(sender, instance: Membership, **_) -> None:
    memberships_changed(instance.user_id)


def forget_roles(user) -> None:
    """Drop the cached roles (after a membership change)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def supervised_region_ids(user) -> set[int] | None:
    """Ids of every region the user supervises, descendants included; None means all (admin)."""
    r = roles(user)
    if r.admin:
        return None
    found = set(r.regions)
    frontier = set(r.regions)
    while frontier:  # region trees are shallow (5 levels): one query per level
        frontier = set(Region.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


def can_supervise(user, region: Region) -> bool:
    r = roles(user)
    if r.admin:
        return True
    if not r.regions:
        return False
    # walk up only as far as needed: the region itself usually decides (no query for its parents)
    node, seen = region, set()
    while node is not None and node.pk not in seen:
        if node.pk in r.regions:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


def assigned_department_ids(item: Item) -> set[int]:
    try:
        a = item.assignment
    except Item.assignment.RelatedObjectDoesNotExist:
        return set()
    return {a.lead_id, *a.co_units.values_list("pk", flat=True)}


def reporter_departments(user, item: Item) -> set[int]:
    """The user's departments that the item is assigned to."""
    r = roles(user)
    if not r.departments:
        return set()
    return r.departments & assigned_department_ids(item)


def can_view_report(user, report: Report) -> bool:
    if report.published or can_supervise(user, report.region):
        return True
    r = roles(user)
    return bool(r.departments) and _reporter_items(r.departments).filter(report=report).exists()


def can_view_item(user, item: Item) -> bool:
    if item.report.published and item.status != "rejected":
        return True
    return can_supervise(user, item.report.region) or bool(reporter_departments(user, item))


def can_edit_report(user, report: Report) -> bool:
    return can_supervise(user, report.region)


def can_report_on(user, item: Item) -> bool:
    """May submit progress on the item: its department's reporters, or a supervisor of its region."""
    if item.status == "rejected":
        return False
    return can_supervise(user, item.report.region) or bool(reporter_departments(user, item))


def can_review_update(user, update: ProgressUpdate) -> bool:
    return can_supervise(user, update.item.report.region)


def _reporter_items(department_ids: set[int]) -> QuerySet[Item]:
    return Item.objects.filter(
        Q(assignment__lead_id__in=department_ids) | Q(assignment__co_units__in=department_ids)
    ).distinct()


def visible_reports(user) -> QuerySet[Report]:
    """Reports the user may open: published ones, plus the internal ones of their scope."""
    regions = supervised_region_ids(user)
    if regions is None:
        return Report.objects.all()
    q = Q(published=True) | Q(region_id__in=regions)
    deps = roles(user).departments
    if deps:
        q |= Q(pk__in=_reporter_items(deps).values("report_id"))
    return Report.objects.filter(q)


def inbox_items(user) -> QuerySet[Item]:
    """Items assigned to the user's departments (the department inbox)."""
    deps = roles(user).departments
    if not deps:
        return Item.objects.none()
    return _reporter_items(deps).exclude(status="rejected")


def review_queue_updates(user) -> QuerySet[ProgressUpdate]:
    """Submitted updates the user may approve or return."""
    regions = supervised_region_ids(user)
    qs = ProgressUpdate.objects.filter(state="submitted")
    if regions is None:
        return qs
    return qs.filter(item__report__region_id__in=regions)


# Object fetchers for views: a 404 (not a 403) for what the user may not see, so ids leak nothing.

# a region and up to four levels above it (the tree is national > province > city > district/county),
# joined into the one query: access checks and titles walk up the tree without a query per level
_UP = "region__parent__parent__parent__parent"


def one(qs: QuerySet):
    """The one row of ``qs`` or None. Not ``first()``: its ORDER BY (the model's default ordering, or the
    pk) makes Django compare every selected column of the joined models, ~1 ms of CPU per request."""
    try:
        return qs.get()
    except qs.model.DoesNotExist:
        return None


def get_report(user, pk: int) -> Report:
    report = one(Report.objects.select_related(_UP).filter(pk=pk))
    if report is None or not can_view_report(user, report):
        raise Http404("no such report")
    return report


def get_item(user, pk: int) -> Item:
    item = one(Item.objects.select_related(f"report__{_UP}", "section").filter(pk=pk))
    if item is None or not can_view_item(user, item):
        raise Http404("no such item")
    return item


def get_update(user, pk: int) -> ProgressUpdate:
    upd = one(ProgressUpdate.objects.select_related("item__report__region").filter(pk=pk))
    if upd is None:
        raise Http404("no such update")
    if not (can_review_update(user, upd) or reporter_departments(user, upd.item)):
        raise Http404("no such update")
    return upd
