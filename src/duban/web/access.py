"""Who may see and do what. Actions and views ask these helpers; nothing else decides access.

Roles (Membership): admin (everything), supervisor of a region (that region and every region below it),
reporter of a department (the items assigned to that department, as lead or co-unit). Everyone else,
including anonymous visitors, is the public: published reports, read only.

A user's memberships are kept in the cache the worker processes share (settings.CACHES "default"), under
a version token that every membership save or delete replaces (at once and again at commit), so a
removed role holds in every worker at the next request. The same token versions the user's own row
(`CachedUserBackend`): every save or delete of the user replaces it too, so a deactivated account, a
new password (which ends the other sessions) or a new name holds in every worker at the next request.
The row itself (with its password hash) stays in each worker's own memory, never in the shared cache.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache as shared_cache
from django.core.exceptions import PermissionDenied
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


def _version(user_id: int) -> str:
    """The token of the user's current row and memberships (read before what it guards)."""
    token = shared_cache.get(_version_key(user_id))
    if token is None:  # first use, or evicted: a new token, and the rows read after it
        token = uuid.uuid4().hex
        shared_cache.set(_version_key(user_id), token, None)
    return token


def _local():
    from duban.web import caching

    return caching.cache  # this process's own memory


def _memberships(user) -> Roles:
    """The roles the user's memberships give, from this worker's memory or the shared cache when they
    have not changed."""
    key = f"duban:roles:{user.pk}:{_version(user.pk)}"
    # the entry names its user: a cache that outlived its database never gives a new user an old one's roles
    who = (user.get_username(), str(user.date_joined))
    hit = _local().get(key)
    if hit is None:
        hit = shared_cache.get(key)
        if hit is not None:
            _local().set(key, hit, ROLES_SECONDS)
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
    entry = (who, r.admin, sorted(r.regions), sorted(r.departments))
    shared_cache.set(key, entry, ROLES_SECONDS)
    _local().set(key, entry, ROLES_SECONDS)
    return r


USER_SECONDS = 60  # a change never waits for this (the token moves); a raw SQL change shows after it


class CachedUserBackend(ModelBackend):
    """Django's ModelBackend, with the user row of each request (the session's user, read to check the
    session against the password hash and the account's state) kept in this worker's memory under the
    user's version token: one query fewer per request. The token moves at every save or delete of the
    user (`user_changed`), so the row is never older than the token read before it."""

    def get_user(self, user_id):
        model = get_user_model()
        key = f"duban:user:{user_id}:{_version(user_id)}"
        fields = [f.attname for f in model._meta.concrete_fields]
        values = _local().get(key)
        if values is None:
            try:
                user = model._default_manager.get(pk=user_id)
            except model.DoesNotExist:
                return None
            _local().set(key, [getattr(user, f) for f in fields], USER_SECONDS)
        else:  # a new instance per request: nothing a request sets on it reaches another one
            user = model.from_db(model._default_manager.db, fields, values)
        return user if self.user_can_authenticate(user) else None

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None and username is not None and password is not None:
            # stop here: the stock ModelBackend listed after this one (only for sessions made before it
            # replaced it) would hash the wrong password a second time
            raise PermissionDenied
        return user


def user_changed(sender, instance, **_) -> None:
    """A user row was saved or deleted: no worker uses the row (or roles) it cached before."""
    memberships_changed(instance.pk)


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


def get_report(user, pk: int, *, page: bool = False) -> Report:
    """The report if the user may see it, else a 404. ``page``: for a page that only shows it (no
    action): the row from this worker's memory while `caching.report_row_stamp` has not moved."""
    report = _page_report(pk) if page else one(Report.objects.select_related(_UP).filter(pk=pk))
    if report is None or not can_view_report(user, report):
        raise Http404("no such report")
    return report


REPORT_ROW_SECONDS = 300  # a change never waits for this (the stamp moves); it only bounds memory use


def _kept_row(kind: str, stamp: str | None, fetch: Callable[[], Any]) -> Any:
    """A row kept in this worker's memory under its row stamp (read before the row, so a change moves
    the key first); None when the stamp says there is no such row. Each call unpickles its own instance."""
    if stamp is None:
        return None
    key = f"duban:{kind}-row:{stamp}"
    row = _local().get(key)
    if row is None:
        row = fetch()
        if row is not None:
            _local().set(key, row, REPORT_ROW_SECONDS)
    return row


def _page_report(pk: int) -> Report | None:
    """The report and its region chain, texts deferred (read on use; a cached page body needs neither)."""
    from duban.web import caching

    return _kept_row("report", caching.report_row_stamp(pk),
                     lambda: one(Report.objects.select_related(_UP).defer("original", "text").filter(pk=pk)))


def get_item(user, pk: int, *, page: bool = False) -> Item:
    """The item if the user may see it, else a 404. ``page``: for a page that only shows it (no
    action): the row from this worker's memory while `caching.item_row_stamp` has not moved."""
    item = _page_item(pk) if page else one(Item.objects.select_related(f"report__{_UP}", "section").filter(pk=pk))
    if item is None or not can_view_item(user, item):
        raise Http404("no such item")
    return item


def _page_item(pk: int) -> Item | None:
    """The item with its section, report (texts deferred) and region chain, kept per row stamp."""
    from duban.web import caching

    return _kept_row("item", caching.item_row_stamp(pk),
                     lambda: one(Item.objects.select_related(f"report__{_UP}", "section")
                                 .defer("report__original", "report__text").filter(pk=pk)))


def get_update(user, pk: int) -> ProgressUpdate:
    upd = one(ProgressUpdate.objects.select_related("item__report__region").filter(pk=pk))
    if upd is None:
        raise Http404("no such update")
    if not (can_review_update(user, upd) or reporter_departments(user, upd.item)):
        raise Http404("no such update")
    return upd
