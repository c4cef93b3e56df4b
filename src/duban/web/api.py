"""The JSON API (django-ninja), mounted at /api/ with OpenAPI docs at /api/docs.

Endpoints stay thin: they parse and validate, fetch through `duban.web.access` and change state only
through `duban.web.actions` (and `duban.web.exchange` for task tables, which uses the actions too).

Authentication: writes need a token (``Authorization: Bearer dbn_...``, from ``POST /api/auth/token``).
Reads work without one and then show what the public sees (published reports); with a token (or a
logged-in browser session) they show what that user may see.
Errors: 400 bad request or unreadable document, 401 no or bad token, 403 not allowed, 404 not found or
not visible, 409 changed meanwhile (stale ``version``), 422 malformed parameters.
"""
# no `from __future__ import annotations`: django-ninja reads the annotations at runtime

import datetime as dt
from typing import Annotated, Literal

from django.contrib.auth import authenticate
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer
from ninja.throttling import AnonRateThrottle
from pydantic import AfterValidator, conint

from duban.errors import InputError

try:
    from ninja import Status
except ImportError:  # django-ninja before 1.5 takes a plain (status, body) tuple
    def Status(status_code, value):  # noqa: N802
        return status_code, value
from duban.web import access, actions, caching, exchange
from duban.web.apitokens import issue_token, user_for_token
from duban.web.models import Assignment, Department, Item, Link, ProgressUpdate, Region, Verdict

# Database ids: bounded so that no request can ask the database for an integer it cannot hold.
Id = conint(ge=1, le=2**63 - 1)


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")  # PostgreSQL cannot store them
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


class Pages(LimitOffsetPagination):
    """Limit/offset pages, at most 1000 items, offsets within what the database can count."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=1000)
        offset: int = Field(0, ge=0, le=2**31)


# --- authentication ------------------------------------------------------------------------------


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


token_auth = TokenAuth()

api = NinjaAPI(
    title="duban API",
    version="1",
    description=__doc__,
    urls_namespace="api",
)


def viewer(request: HttpRequest):
    """The user a read request acts for: the token's, else the session's (anonymous = public)."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _sep, token = header.partition(" ")
        user = user_for_token(token.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            raise AuthenticationError()
        request.user = user
        return user
    return request.user


def _error(request: HttpRequest, status: int, message: str) -> HttpResponse:
    return api.create_response(request, {"detail": message}, status=status)


@api.exception_handler(actions.Forbidden)
def _forbidden(request, exc):
    return _error(request, 403, str(exc))


@api.exception_handler(actions.Conflict)
def _conflict(request, exc):
    return _error(request, 409, str(exc))


@api.exception_handler(actions.Invalid)
def _invalid(request, exc):
    return _error(request, 400, str(exc))


@api.exception_handler(InputError)
def _input_error(request, exc):
    return _error(request, 400, str(exc))


# --- schemas -------------------------------------------------------------------------------------

class Message(Schema):
    detail: str


class ValidationErrors(Schema):
    detail: list[dict]


# every answer an endpoint may give is in the OpenAPI schema (schemathesis checks it)
READ = {401: Message, 404: Message, 422: ValidationErrors}
WRITE = {400: Message, 401: Message, 403: Message, 404: Message, 409: Message, 422: ValidationErrors}


class RegionOut(Schema):
    id: int
    name: str
    level: str


class DepartmentOut(Schema):
    id: int
    name: str
    region_id: int


class ReportOut(Schema):
    id: int
    title: str
    region: RegionOut
    year: int
    kind: str
    published: bool
    source_name: str
    checksum: str
    created_at: dt.datetime
    n_items: int = 0


class SectionOut(Schema):
    id: int
    title: str
    level: int
    parent_id: int | None
    span_start: int
    span_end: int


class ReportDetail(ReportOut):
    sections: list[SectionOut]
    counts: dict[str, dict[str, int]]


class ItemOut(Schema):
    id: int
    report_id: Id
    section_id: int | None
    kind: str
    indicator: str
    canonical: str
    cmp: str
    low: float | None
    high: float | None
    unit: str
    period: str
    quote: str
    span_start: int | None
    span_end: int | None
    status: str
    version: int
    light: str
    external_id: str


# ItemOut's columns, by model field name
ITEM_OUT_FIELDS = [f.removesuffix("_id") if f in ("report_id", "section_id") else f for f in ItemOut.model_fields]


class AssignmentOut(Schema):
    item_id: Id
    lead: DepartmentOut
    co_units: list[DepartmentOut]
    deadline: dt.date | None
    deadline_phrase: str

    @staticmethod
    def resolve_co_units(obj: Assignment) -> list[Department]:
        return list(obj.co_units.all())


class UpdateOut(Schema):
    id: int
    item_id: Id
    department_id: int | None
    value: float | None
    percent: float | None
    note: str
    evidence_url: str
    state: str
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    review_note: str


class VerdictOut(Schema):
    verdict: str
    reason: str = Field(description="why, in the request's language (Accept-Language; a person's reason as written)")
    computed: bool
    actual_id: int | None

    @staticmethod
    def resolve_reason(obj: Verdict) -> str:
        return obj.reason_text


class ItemDetail(ItemOut):
    assignment: AssignmentOut | None
    verdict: VerdictOut | None
    updates: list[UpdateOut]
    suggested_departments: list[str]


class TokenIn(Schema):
    username: Text = Field(..., max_length=150)
    password: Text = Field(..., max_length=200)
    name: Text = Field("", max_length=100)


class TokenOut(Schema):
    token: str


class ItemEdit(Schema):
    version: int = Field(..., ge=1, le=2**31, description="the version the edit started from (optimistic locking)")
    kind: Literal["target", "actual", "task"] | None = None
    indicator: Text | None = Field(None, max_length=500)
    canonical: Text | None = Field(None, max_length=100)
    cmp: Literal["=", "~", ">=", "<=", "range", ""] | None = None
    low: float | None = None
    high: float | None = None
    unit: Text | None = Field(None, max_length=30)
    period: Text | None = Field(None, max_length=20)


class VersionIn(Schema):
    version: int | None = Field(None, ge=1, le=2**31)


class RejectIn(VersionIn):
    reason: Text = Field("", max_length=1000)


class AssignIn(Schema):
    lead: Id
    co_units: list[Id] = Field(default_factory=list, max_length=50)
    deadline: dt.date | None = None
    deadline_phrase: Text = Field("", max_length=50)


class BulkAssignIn(AssignIn):
    items: list[Id] = Field(..., min_length=1, max_length=1000)


class UpdateIn(Schema):
    value: float | None = None
    percent: float | None = Field(None, ge=0, le=100)
    note: Text = Field("", max_length=5000)
    evidence_url: Text = Field("", max_length=500)
    draft: bool = False


class ReviewIn(Schema):
    note: Text = Field("", max_length=2000)


class LinkOut(Schema):
    id: int
    target_id: int
    actual_id: int
    state: str
    score: float
    reason: str


class DecideIn(Schema):
    confirm: bool


class VerdictIn(Schema):
    verdict: Literal["met", "partly", "missed", "not_yet", "uncheckable"]
    reason: Text = Field("", max_length=2000)
    actual: Id | None = Field(None, description="the actual item the verdict rests on")


class ImportOut(Schema):
    rows: int
    assigned: int
    updates: int
    added: int
    unchanged: int


class ItemFilter(Schema):
    report: Id | None = None
    kind: Literal["target", "actual", "task"] | None = None
    status: Literal["extracted", "confirmed", "corrected", "rejected", "added"] | None = None
    light: Literal["green", "yellow", "red", "grey"] | None = None
    department: Id | None = Field(None, description="lead or co-responsible department id")
    q: Text | None = Field(None, max_length=100, description="text in the indicator")


# --- helpers -------------------------------------------------------------------------------------

def visible_items(user) -> QuerySet[Item]:
    """Items the user may see: the same rule as `access.can_view_item`, as one query."""
    regions = access.supervised_region_ids(user)
    if regions is None:
        return Item.objects.all()
    q = Q(report__published=True) & ~Q(status="rejected")
    if regions:
        q |= Q(report__region_id__in=regions)
    deps = access.roles(user).departments
    if deps:
        # a subquery, not a join through co_units: no duplicate rows, so no DISTINCT over every column
        # (which made the item list 3-4x slower at 10,000 items)
        q |= Q(pk__in=Assignment.objects.filter(Q(lead_id__in=deps) | Q(co_units__in=deps)).values("item_id"))
    return Item.objects.filter(q)


def _item_detail(user, item: Item) -> dict:
    from duban.web import tracking

    data = ItemOut.from_orm(item).dict()
    a = Assignment.objects.filter(item=item).select_related("lead").first()
    v = Verdict.objects.filter(target=item).first()
    if access.can_supervise(user, item.report.region) or access.reporter_departments(user, item):
        updates = item.updates.filter(~Q(state="draft") | Q(author=user))  # drafts: the author's own
    else:
        updates = item.updates.filter(state="approved")  # the public sees reviewed progress only
    data.update(assignment=a, verdict=v, updates=list(updates.order_by("created_at", "pk")),
                suggested_departments=tracking.suggest_departments(item.indicator) if item.kind != "actual"
                else [])
    return data


def _department(pk: int) -> Department:
    dep = Department.objects.filter(pk=pk).first()
    if dep is None:
        raise actions.Invalid(_("没有编号为 %(pk)s 的部门") % {"pk": pk})
    return dep


# --- auth ----------------------------------------------------------------------------------------

@api.post("/auth/token", response={200: TokenOut, 401: Message, 422: ValidationErrors, 429: Message}, tags=["auth"],
          throttle=[AnonRateThrottle("30/m")])
def create_token(request, body: TokenIn):
    """Exchange a username and password for an API token (shown once; keep it secret)."""
    user = authenticate(request, username=body.username, password=body.password)
    if user is None or not user.is_active:
        return Status(401, {"detail": _("用户名或密码错误")})
    return Status(200, {"token": issue_token(user, body.name)})


# --- reports -------------------------------------------------------------------------------------

@api.get("/reports", response={200: list[ReportOut], **READ}, tags=["reports"])
@paginate(Pages)
def list_reports(request, region: Id | None = None, year: int | None = Query(None, ge=1900, le=2200),
                 kind: Literal["work_report", "plan", "bulletin"] | None = None):
    """Reports the caller may see (the public: published reports)."""
    qs = (access.visible_reports(viewer(request)).select_related("region").defer("original", "text")
          .annotate(n_items=Count("items", filter=~Q(items__status="rejected"))))
    if region is not None:
        qs = qs.filter(region_id=region)
    if year is not None:
        qs = qs.filter(year=year)
    if kind is not None:
        qs = qs.filter(kind=kind)
    return qs.order_by("-year", "pk")


@api.get("/reports/{report_id}", response={200: ReportDetail, **READ}, tags=["reports"])
def get_report(request, report_id: Id):
    user = viewer(request)
    report = access.get_report(user, report_id)
    items = visible_items(user).filter(report=report)
    counts: dict[str, dict[str, int]] = {"kind": {}, "status": {}, "light": {}}
    for field_name in counts:
        for row in items.order_by().values(field_name).annotate(n=Count("pk", distinct=True)):
            counts[field_name][row[field_name] or ""] = row["n"]
    report.n_items = items.exclude(status="rejected").count()
    data = ReportOut.from_orm(report).dict()
    data.update(sections=list(report.sections.all()), counts=counts)
    return data


@api.post("/reports", response={201: ReportOut, **WRITE}, auth=token_auth, tags=["reports"])
def upload_report(request, region: Form[Id], year: Form[int | None] = None,
                  kind: Form[Literal["work_report", "plan", "bulletin"]] = "work_report",
                  title: Form[str] = "", text: Form[str | None] = None, publish: Form[bool] = False,
                  file: File[UploadedFile] | None = None):
    """Upload a report (a file, or pasted ``text``); extraction runs and its items are stored."""
    from django.conf import settings

    if "\x00" in (title or "") + (text or ""):
        raise actions.Invalid(_("标题和正文不能含 NUL 字符"))
    if year is not None and not 1900 <= year <= 2200:
        raise actions.Invalid(_("年份 %(year)s 超出范围") % {"year": year})
    reg = Region.objects.filter(pk=region).first()
    if reg is None:
        raise actions.Invalid(_("没有编号为 %(pk)s 的地区") % {"pk": region})
    data = name = None
    if file is not None:
        limit = settings.DUBAN_MAX_UPLOAD_BYTES
        if file.size is not None and file.size > limit:
            raise InputError(file.name, _("文件有 %(size)s 字节，超过上限 %(limit)s 字节")
                             % {"size": file.size, "limit": limit})
        data, name = file.read(limit + 1), file.name
    report = actions.do_upload_report(request.auth, region=reg, year=year, kind=kind, title=title, data=data,
                                      name=name, text=text if file is None else None, publish=publish)
    report.n_items = report.items.count()
    return Status(201, report)


_FILE = {"type": "string", "format": "binary"}


@api.get("/reports/{report_id}/export", tags=["exchange"], response={200: bytes, **WRITE}, auth=token_auth,
         openapi_extra={"responses": {"200": {"description": "the task table", "content": {
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": _FILE},
             "text/csv": {"schema": _FILE}, "application/json": {"schema": {"type": "object"}}}}}})
def export_report(request, report_id: Id, format: Literal["xlsx", "csv", "json"] = "xlsx"):  # noqa: A002
    """The report's task table (任务分解表) as xlsx, csv or json, for the people who may change the report
    (the table carries every item's assignment and latest progress, approved or not)."""
    report = access.get_report(request.auth, report_id)
    if not access.can_edit_report(request.auth, report):
        raise actions.Forbidden(_("导出任务分解表需要督查人员"))
    content, content_type, filename = exchange.export(report, format)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@api.post("/reports/{report_id}/import", response={200: ImportOut, **WRITE}, auth=token_auth, tags=["exchange"])
def import_report(request, report_id: Id, file: File[UploadedFile]):
    """Apply an edited task table (xlsx or csv, as exported). All rows or none; re-importing is harmless."""
    report = access.get_report(request.auth, report_id)
    data = file.read(exchange.MAX_IMPORT_BYTES + 1)
    return exchange.import_table(request.auth, report, data, file.name or "upload").to_dict()


# --- items ---------------------------------------------------------------------------------------

@api.get("/items", response={200: list[ItemOut], **READ}, tags=["items"])
@paginate(Pages)
def list_items(request, filters: Query[ItemFilter]):
    """Items the caller may see, filtered."""
    qs = visible_items(viewer(request))
    if filters.report is not None:
        qs = qs.filter(report_id=filters.report)
    for name in ("kind", "status", "light"):
        value = getattr(filters, name)
        if value is not None:
            qs = qs.filter(**{name: value})
    if filters.department is not None:
        qs = qs.filter(Q(assignment__lead_id=filters.department)
                       | Q(assignment__co_units=filters.department)).distinct()
    if filters.q:
        qs = qs.filter(indicator__contains=filters.q)
    # only what ItemOut shows (not the light's reason parts, dates, human flag)
    return qs.only(*ITEM_OUT_FIELDS).order_by("report_id", "order", "pk")


@api.get("/items/{item_id}", response={200: ItemDetail, **READ}, tags=["items"])
def get_item(request, item_id: Id):
    user = viewer(request)
    return _item_detail(user, access.get_item(user, item_id))


@api.patch("/items/{item_id}", response={200: ItemOut, **WRITE}, auth=token_auth, tags=["items"])
def edit_item(request, item_id: Id, body: ItemEdit):
    """Correct an item. Send the ``version`` you read: if someone saved since, the answer is 409."""
    item = access.get_item(request.auth, item_id)
    changes = body.dict(exclude_unset=True)
    version = changes.pop("version")
    if not changes:
        raise actions.Invalid(_("没有要修改的内容"))
    return actions.do_edit_item(request.auth, item, changes, expected_version=version)


@api.post("/items/{item_id}/confirm", response={200: ItemOut, **WRITE}, auth=token_auth, tags=["items"])
def confirm_item(request, item_id: Id, body: VersionIn):
    item = access.get_item(request.auth, item_id)
    return actions.do_confirm_item(request.auth, item, expected_version=body.version)


@api.post("/items/{item_id}/reject", response={200: ItemOut, **WRITE}, auth=token_auth, tags=["items"])
def reject_item(request, item_id: Id, body: RejectIn):
    item = access.get_item(request.auth, item_id)
    return actions.do_reject_item(request.auth, item, expected_version=body.version, reason=body.reason)


# --- assignments ---------------------------------------------------------------------------------

@api.get("/assignments", response={200: list[AssignmentOut], **READ}, tags=["assignments"])
@paginate(Pages)
def list_assignments(request, report: Id | None = None, department: Id | None = None):
    items = visible_items(viewer(request))
    qs = (Assignment.objects.filter(item__in=items.values("pk")).select_related("lead")
          .prefetch_related("co_units"))
    if report is not None:
        qs = qs.filter(item__report_id=report)
    if department is not None:
        qs = qs.filter(Q(lead_id=department) | Q(co_units=department)).distinct()
    return qs.order_by("item__report_id", "item__order", "pk")


def _assign(user, items: list[Item], body: AssignIn) -> list[Assignment]:
    lead = _department(body.lead)
    co = [_department(pk) for pk in body.co_units]
    return actions.do_assign(user, items, lead, co, deadline=body.deadline, deadline_phrase=body.deadline_phrase)


@api.put("/items/{item_id}/assignment", response={200: AssignmentOut, **WRITE}, auth=token_auth, tags=["assignments"])
def assign_item(request, item_id: Id, body: AssignIn):
    """Assign one item to a lead department (and co-units) with a deadline date or phrase (年底前)."""
    item = access.get_item(request.auth, item_id)
    return _assign(request.auth, [item], body)[0]


@api.post("/assignments", response={200: list[AssignmentOut], **WRITE}, auth=token_auth, tags=["assignments"])
def bulk_assign(request, body: BulkAssignIn):
    """Assign many items at once (all or none)."""
    items = [access.get_item(request.auth, pk) for pk in dict.fromkeys(body.items)]
    return _assign(request.auth, items, body)


@api.get("/departments", response={200: list[DepartmentOut], **READ}, tags=["assignments"])
def list_departments(request, region: Id | None = None):
    viewer(request)
    qs = Department.objects.all()
    if region is not None:
        qs = qs.filter(region_id=region)
    return qs.order_by("region_id", "name")[:2000]


# --- progress updates ----------------------------------------------------------------------------

@api.post("/items/{item_id}/updates", response={201: UpdateOut, **WRITE}, auth=token_auth, tags=["updates"])
def submit_update(request, item_id: Id, body: UpdateIn):
    """A department reports progress (``draft`` keeps it unsent)."""
    item = access.get_item(request.auth, item_id)
    upd = actions.do_submit_update(request.auth, item, value=body.value, percent=body.percent, note=body.note,
                                   evidence_url=body.evidence_url, draft=body.draft)
    return Status(201, upd)


def _update(user, update_id: Id) -> ProgressUpdate:
    return access.get_update(user, update_id)


@api.post("/updates/{update_id}/approve", response={200: UpdateOut, **WRITE}, auth=token_auth, tags=["updates"])
def approve_update(request, update_id: Id, body: ReviewIn):
    return actions.do_approve_update(request.auth, _update(request.auth, update_id), note=body.note)


@api.post("/updates/{update_id}/return", response={200: UpdateOut, **WRITE}, auth=token_auth, tags=["updates"])
def return_update(request, update_id: Id, body: ReviewIn):
    return actions.do_return_update(request.auth, _update(request.auth, update_id), note=body.note)


# --- verdicts and links --------------------------------------------------------------------------

@api.get("/links", response={200: list[LinkOut], **READ}, tags=["verdicts"])
@paginate(Pages)
def list_links(request, report: Id | None = None,
               state: Literal["proposed", "confirmed", "rejected"] | None = None):
    """Proposed and decided links from reported actuals to earlier targets (both must be visible)."""
    items = visible_items(viewer(request)).values("pk")
    qs = Link.objects.filter(target__in=items, actual__in=items)
    if report is not None:
        qs = qs.filter(Q(target__report_id=report) | Q(actual__report_id=report))
    if state is not None:
        qs = qs.filter(state=state)
    return qs.order_by("-score", "pk")


@api.post("/links/{link_id}/decide", response={200: LinkOut, **WRITE}, auth=token_auth, tags=["verdicts"])
def decide_link(request, link_id: Id, body: DecideIn):
    """Confirm (the target's verdict then rests on this actual) or reject a proposed link."""
    link = Link.objects.select_related("target__report__region").filter(pk=link_id).first()
    if link is None or not access.can_view_item(request.auth, link.target):
        raise Http404("no such link")
    return actions.do_decide_link(request.auth, link, body.confirm)


@api.put("/items/{item_id}/verdict", response={200: VerdictOut, **WRITE}, auth=token_auth, tags=["verdicts"])
def set_verdict(request, item_id: Id, body: VerdictIn):
    """A person's verdict on a target; it stands until a person changes it."""
    item = access.get_item(request.auth, item_id)
    actual = access.get_item(request.auth, body.actual) if body.actual is not None else None
    return actions.do_set_verdict(request.auth, item, body.verdict, body.reason, actual=actual)


# the schema changes only with the code: build it once per process, not per request
caching.cache_openapi_schema(api)
