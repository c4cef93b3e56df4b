"""Who may see and do what. Actions and views ask these helpers; nothing else decides access.

Roles (Membership): admin (everything), supervisor of a region (that region and every region below it),
reporter of a department (the items assigned to that department, as lead or co-unit). Everyone else,
including anonymous visitors, is the public: published reports, read only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    r = Roles(admin=user.is_superuser)
    for m in Membership.objects.filter(user=user).only("role", "region_id", "department_id"):
        if m.role == "admin":
            r.admin = True
        elif m.role == "supervisor" and m.region_id:
            r.regions.add(m.region_id)
        elif m.role == "reporter" and m.department_id:
            r.departments.add(m.department_id)
    setattr(user, _CACHE_ATTR, r)
    return r


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


def get_report(user, pk: int) -> Report:
    report = Report.objects.select_related(_UP).filter(pk=pk).first()
    if report is None or not can_view_report(user, report):
        raise Http404("no such report")
    return report


def get_item(user, pk: int) -> Item:
    item = Item.objects.select_related(f"report__{_UP}", "section").filter(pk=pk).first()
    if item is None or not can_view_item(user, item):
        raise Http404("no such item")
    return item


def get_update(user, pk: int) -> ProgressUpdate:
    upd = ProgressUpdate.objects.select_related("item__report__region").filter(pk=pk).first()
    if upd is None:
        raise Http404("no such update")
    if not (can_review_update(user, upd) or reporter_departments(user, upd.item)):
        raise Http404("no such update")
    return upd
