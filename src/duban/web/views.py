"""Pages. Views stay thin: parse the request (forms), fetch through `access`, call an action, render.

Requests from htmx (``HX-Request`` header) get the fragment they swap in; plain form posts are redirected
(so the app works without JavaScript as well).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.errors import InputError
from duban.web import access, actions, caching, reasons, tracking
from duban.web.forms import (
    AssignForm,
    ImportForm,
    ItemForm,
    ReviewForm,
    UpdateForm,
    UploadForm,
    VerdictForm,
)
from duban.web.models import (
    Assignment,
    Department,
    History,
    Item,
    Link,
    ProgressUpdate,
    Region,
    Report,
    Verdict,
)


def context(request: HttpRequest) -> dict[str, Any]:
    """Template context for every page: the user's roles drive the navigation."""
    r = access.roles(getattr(request, "user", None))
    return {"roles": r, "is_staff_user": r.staff, "can_supervise_any": r.admin or bool(r.regions)}


def _say(e: Exception) -> str:
    """An action's error for people (the actions' messages are in the UI language already)."""
    return str(e)


def _htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _back(request: HttpRequest, default: str) -> HttpResponse:
    nxt = request.POST.get("next") or ""
    # only local paths: never redirect to another site
    return redirect(nxt if nxt.startswith("/") and not nxt.startswith("//") else default)


def set_language(request: HttpRequest, code: str) -> HttpResponse:
    """Choose the UI language (a cookie; Chinese without one). A plain link, so pages carry no form
    and public pages can be cached for everyone."""
    nxt = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        nxt = "/"
    response = redirect(nxt)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def _public_cached(request: HttpRequest, report: Report, page: str, render_page: Callable[[], HttpResponse]
                   ) -> HttpResponse:
    """Public pages of a published report, cached for anonymous visitors until the report changes
    (every change writes History, and the daily light refresh moves ``lights_date``)."""
    if request.user.is_authenticated:
        return render_page()
    key = f"duban:public:{page}:{caching.report_stamp(report)}:{get_language()}"
    html = caching.cache.get(key)
    if html is not None:
        return HttpResponse(html)
    response = render_page()
    if response.status_code == 200:
        caching.cache.set(key, response.content, 300)
    return response


# --- home, public index --------------------------------------------------------------------------

REPORTS_PER_PAGE = 50


def _report_page(request: HttpRequest, reports):
    """One page of a report list (filtered by ?q= on title or region), with item counts."""
    q = request.GET.get("q", "").strip()
    if q:
        reports = reports.filter(Q(title__icontains=q) | Q(region__name__icontains=q))
    # the lists never show the texts: not reading them keeps a page of long reports cheap
    page = Paginator(reports.select_related("region").defer("original", "text")
                     .order_by("-year", "region__name", "pk"),
                     REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    counts = dict(Item.objects.filter(report__in=[r.pk for r in page]).exclude(status="rejected")
                  .values_list("report").annotate(n=Count("pk")).order_by())
    for r in page:
        r.n_items = counts.get(r.pk, 0)
    return page, q


def _report_list(request: HttpRequest, reports: Callable[[], Any], *, public: bool, stamp: str) -> SafeString:
    """The report list (search box, table, pager) as HTML, once per site state, viewer scope, search,
    page and language: the same for everyone who may see the same reports."""
    who = "public" if public else caching.scope(request.user)
    key = (f"duban:report-list:{stamp}:{who}:{get_language()}:"
           f"{caching.digest(request.GET.get('page', ''), request.GET.get('q', ''))}")

    def render_list() -> str:
        page, q = _report_page(request, reports())
        return render_to_string("duban/_report_list.html", {"reports": page, "page": page, "q": q,
                                                            "public": public})

    return mark_safe(caching.cached(key, render_list))  # a rendered template


def home(request: HttpRequest) -> HttpResponse:
    if not access.roles(request.user).staff:
        return public_index(request)
    user, stamp = request.user, caching.site_stamp()
    # the counts follow from the viewer's scope and the site's state, as the list does
    counts = caching.cached(f"duban:home-counts:{stamp}:{caching.scope(user)}", lambda: (
        access.inbox_items(user).count(), access.review_queue_updates(user).count()))
    return render(request, "duban/home.html", {
        "report_list": _report_list(request, lambda: access.visible_reports(user), public=False, stamp=stamp),
        "inbox_count": counts[0], "review_count": counts[1],
    })


def public_index(request: HttpRequest) -> HttpResponse:
    return render(request, "duban/public_index.html", {
        "report_list": _report_list(request, lambda: Report.objects.filter(published=True), public=True,
                                    stamp=caching.site_stamp()),
        "public": True})


# --- upload ----------------------------------------------------------------------------------------

def _upload_regions(user):
    ids = access.supervised_region_ids(user)
    return Region.objects.all() if ids is None else Region.objects.filter(pk__in=ids)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    regions = _upload_regions(request.user)
    if not regions.exists():
        raise actions.Forbidden(_("只有督查人员可以上传报告"))
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, regions=regions)
        if form.is_valid():
            d = form.cleaned_data
            f = d.get("file")
            try:
                report = actions.do_upload_report(
                    request.user, region=d["region"], year=d.get("year"), kind=d["kind"], title=d.get("title", ""),
                    data=f.read() if f else None, name=f.name if f else None,
                    text=None if f else d["text"], publish=d.get("publish", False))
            except InputError as e:
                form.add_error(None, _("无法读取：%(reason)s") % {"reason": e})
            except actions.Duplicate as e:
                messages.info(request, _("这份报告已经上传过，以下是已有的记录。"))
                return redirect("report", pk=e.report.pk)
            except actions.ActionError as e:
                form.add_error(None, _say(e))
            else:
                messages.success(request, _("已读取报告，提取出 %(n)d 项") % {"n": report.items.count()})
                return redirect("review", pk=report.pk)
        status = 400
    else:
        form = UploadForm(regions=regions, initial={"region": regions.first()})
    return render(request, "duban/upload.html", {"form": form}, status=status)


# --- report view with highlights -----------------------------------------------------------------

def highlight_segments(original: str, items: list[Item]) -> list[dict[str, Any]]:
    """Cut the original text into plain and highlighted pieces from the items' spans.

    Overlapping spans: the earlier (then longer) one is highlighted, the other stays in the list only.
    The template escapes every piece, so report text containing HTML is shown as text.
    """
    spans = sorted(
        (i for i in items if i.span_start is not None and i.span_end is not None
         and 0 <= i.span_start < i.span_end <= len(original)),
        key=lambda i: (i.span_start, -(i.span_end - i.span_start)),
    )
    out, pos = [], 0
    for it in spans:
        if it.span_start < pos:
            continue
        if it.span_start > pos:
            out.append({"text": original[pos:it.span_start], "item": None})
        out.append({"text": original[it.span_start:it.span_end], "item": it})
        pos = it.span_end
    if pos < len(original):
        out.append({"text": original[pos:], "item": None})
    return out


def highlighted_html(original: str, items: list[Item]) -> SafeString:
    """The report text as HTML with each item's span as a link to the item (``item.url``).

    Built in Python (a template loop over hundreds of pieces is slow); every piece of report text goes
    through ``escape``, so text containing HTML or script is shown as text."""
    parts = []
    for seg in highlight_segments(original, items):
        it = seg["item"]
        if it is None:
            parts.append(escape(seg["text"]))
        else:
            title = f"{it.get_kind_display()}：{it.indicator} {it.value_text()}"
            parts.append(format_html('<a class="hl hl-{}" id="hl-{}" href="{}" title="{}">{}</a>',
                                     it.kind, it.pk, it.url, title, seg["text"]))
    return mark_safe("".join(parts))  # every part above is escaped


def _grouped_by_section(items: list[Item]) -> list[tuple[str, list[Item]]]:
    groups: dict[str, list[Item]] = defaultdict(list)
    # reading order: sections as they come in the text, items by where they sit
    for it in sorted(items, key=lambda i: (i.span_start is None, i.span_start or 0, i.order)):
        groups[it.section.title if it.section else _("（未分部分）")].append(it)
    return list(groups.items())


def _fresh(report: Report) -> Report:
    """Verdicts and lights move with the calendar: refresh them once a day, when the report is shown."""
    if report.lights_date != timezone.localdate():
        tracking.refresh_report(report)
    return report


def _report_items(report: Report, include_rejected: bool = False) -> list[Item]:
    qs = report.items.select_related("section", "verdict", "assignment__lead")
    if not include_rejected:
        qs = qs.exclude(status="rejected")
    return list(qs)


def _published_report(pk: int) -> Report:
    report = access.one(Report.objects.select_related("region").filter(pk=pk, published=True))
    if report is None:
        raise Http404("no such published report")
    return report


def report_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report(request.user, pk, page=True)
    if report.published and not access.roles(request.user).staff:
        return redirect("public_report", pk=pk)
    return _render_report(request, report, public=False)


def public_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = _published_report(pk)
    return _public_cached(request, _fresh(report), "report", lambda: _render_report(request, report, public=True))


def _render_report(request: HttpRequest, report: Report, *, public: bool) -> HttpResponse:
    _fresh(report)
    can_edit = not public and access.can_edit_report(request.user, report)
    mine = None  # None: every item; else the ids of the items this viewer may see
    if not public and not can_edit:
        mine = set(access.inbox_items(request.user).filter(report=report).values_list("pk", flat=True))

    def body() -> str:  # the costly part (text with highlights, item list): no request, no user data
        items = _report_items(report)
        if mine is not None:
            items = [i for i in items if i.pk in mine]
        name = "public_item" if public else "item"
        for it in items:
            it.url = reverse(name, args=[it.pk])
        return render_to_string("duban/_report_body.html", {
            "text_html": highlighted_html(report.original, items), "groups": _grouped_by_section(items),
            "counts": Counter(i.kind for i in items)})

    stamp = caching.report_stamp(report)
    return render(request, "duban/report.html", {
        "report": report, "public": public, "can_edit": can_edit,
        "nav_html": _report_nav(request, report, public=public, can_edit=can_edit, stamp=stamp),
        "body": caching.report_fragment(report, "report", caching.audience(public, mine), body, stamp),
    })


def _report_nav(request: HttpRequest, report: Report, *, public: bool, can_edit: bool, stamp: str) -> SafeString:
    """The report's title line and tabs (a dozen links and translations, ~1 ms): once per report state,
    audience, path (the publish form's "next") and language; the CSRF mark swapped per viewer."""
    who = f"{'public' if public else 'edit' if can_edit else 'view'}-{caching.digest(request.get_full_path())}"
    html = caching.report_fragment(report, "nav", who, lambda: render_to_string("duban/_report_nav.html", {
        "report": report, "public": public, "can_edit": can_edit, "request": request,
        "csrf_token": caching.csrf_mark()}), stamp)
    return caching.with_csrf(request, html)


# --- review queue --------------------------------------------------------------------------------

@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report(request.user, pk)
    if not access.can_edit_report(request.user, report):
        raise actions.Forbidden(_("审核需要本报告所属地区的督查人员"))
    status_filter = request.GET.get("status", "")
    counts = Counter(dict(report.items.values_list("status").annotate(n=Count("pk")).order_by()))
    # the rows and the add form are the same for every editor of the report: rendered once per report
    # state (an unknown filter shows no rows: one key for all of them)
    shown = status_filter if not status_filter or status_filter in dict(Item.STATUSES) else "?"
    stamp = caching.report_stamp(report)

    def rows() -> str:
        every = _report_items(report, include_rejected=True)
        items = [i for i in every if i.status == status_filter] if status_filter else every
        return render_to_string("duban/_review_rows.html", {"items": items, "csrf_token": caching.csrf_mark()})

    return render(request, "duban/review.html", {
        "report": report, "status_filter": status_filter,
        "rows": caching.with_csrf(request, caching.report_fragment(report, f"review-rows-{shown}", "editors",
                                                                    rows, stamp)),
        "status_tabs": [(code, name, counts[code]) for code, name in Item.STATUSES],
        "add_form_html": caching.report_fragment(report, "review-add", "editors",
                                                 lambda: ItemForm(report=report, prefix="add").as_div(), stamp),
    })


def _item_row(request: HttpRequest, item: Item, error: str = "", status: int = 200) -> HttpResponse:
    item = Item.objects.select_related("section", "report", "verdict").get(pk=item.pk)
    return render(request, "duban/_review_row.html", {"item": item, "error": error, "report": item.report},
                  status=status)


def _item_action(request: HttpRequest, pk: int, run: Callable[[Item, int | None], Any]) -> HttpResponse:
    item = access.get_item(request.user, pk)
    raw = request.POST.get("version")
    version = int(raw) if raw and raw.isdigit() else None
    try:
        run(item, version)
    except actions.Conflict as e:
        if _htmx(request):
            return _item_row(request, item, _say(e), status=409)
        messages.error(request, _say(e))
    except actions.Invalid as e:
        if _htmx(request):
            return _item_row(request, item, _say(e), status=400)
        messages.error(request, _say(e))
    if _htmx(request):
        return _item_row(request, item)
    return _back(request, reverse("review", args=[item.report_id]))


@login_required
@require_POST
def item_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    return _item_action(request, pk, lambda it, v: actions.do_confirm_item(request.user, it, v))


@login_required
@require_POST
def item_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _item_action(request, pk, lambda it, v: actions.do_reject_item(
        request.user, it, v, reason=request.POST.get("reason", "")))


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item(request.user, pk)
    if not access.can_edit_report(request.user, item.report):
        raise actions.Forbidden(_("修改事项需要督查人员"))
    status = 200
    if request.method == "POST":
        form = ItemForm(request.POST, report=item.report)
        if form.is_valid():
            version = form.cleaned_data.get("version") or item.version
            try:
                actions.do_edit_item(request.user, item, form.changes(), expected_version=version)
            except actions.Conflict as e:
                form.add_error(None, _say(e))
                status = 409
            except actions.Invalid as e:
                form.add_error(None, _say(e))
                status = 400
            else:
                if _htmx(request):
                    return _item_row(request, item)
                messages.success(request, _("已保存"))
                return redirect("review", pk=item.report_id)
        else:
            status = 400
    else:
        form = ItemForm(report=item.report, initial={
            "kind": item.kind, "indicator": item.indicator, "canonical": item.canonical, "cmp": item.cmp,
            "low": item.low, "high": item.high, "unit": item.unit, "period": item.period,
            "section": item.section_id, "quote": item.quote, "version": item.version})
    form.fields.pop("quote", None)  # an edit keeps the item's place in the text; only adding sets a quote
    template = "duban/_item_form.html" if _htmx(request) else "duban/item_edit.html"
    return render(request, template, {"form": form, "item": item, "report": item.report}, status=status)


@login_required
@require_POST
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report(request.user, pk)
    form = ItemForm(request.POST, report=report, prefix="add")
    if form.is_valid():
        try:
            item = actions.do_add_item(request.user, report, form.changes(), quote=form.cleaned_data["quote"])
        except actions.Invalid as e:
            messages.error(request, _say(e))
        else:
            messages.success(request, _("已添加：%(name)s") % {"name": item.indicator})
    else:
        messages.error(request, "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
    return redirect("review", pk=report.pk)


@login_required
@require_POST
def report_rerun(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report(request.user, pk)
    counts = actions.do_rerun_extraction(request.user, report)
    messages.success(request, _("重新提取完成：新增 %(added)d，更新 %(updated)d，删除 %(removed)d，保留 %(kept)d")
                     % counts)
    return redirect("review", pk=pk)


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report(request.user, pk)
    actions.do_publish_report(request.user, report, published=request.POST.get("published", "1") == "1")
    messages.success(request, _("已公开") if report.published else _("已取消公开"))
    return _back(request, reverse("report", args=[pk]))


# --- assignment ----------------------------------------------------------------------------------

@login_required
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report(request.user, pk)
    if not access.can_edit_report(request.user, report):
        raise actions.Forbidden(_("交办需要督查人员"))
    status = 200
    if request.method == "POST":
        form = AssignForm(request.POST, report=report)
        if form.is_valid():
            d = form.cleaned_data
            try:
                done = actions.do_assign(request.user, d["items"], d["lead"], d["co_units"],
                                         deadline=d.get("deadline"), deadline_phrase=d.get("deadline_phrase", ""),
                                         deadline_from_text=d.get("deadline_from_text", False))
            except actions.Invalid as e:
                form.add_error(None, _say(e))
                status = 400
            else:
                messages.success(request, _("已交办 %(n)d 项") % {"n": len(done)})
                return redirect("assign", pk=pk)
        else:
            status = 400
    else:
        form = AssignForm(report=report)
    return _render_assign(request, report, form, ImportForm(), status)


def _render_assign(request: HttpRequest, report: Report, form: AssignForm, import_form: ImportForm,
                   status: int = 200) -> HttpResponse:
    items = _report_items(report)
    deps = {d.name: d for d in Department.objects.filter(region__in=report.region.ancestors())}
    rows = []
    for it in items:
        names = tracking.suggest_departments(f"{it.indicator} {it.quote}")
        found = tracking.deadline_in_text(it.quote or it.indicator, report.year)
        rows.append({"item": it, "suggested": [deps[n] for n in names if n in deps][:1],
                     "suggested_names": names[:2], "assignment": getattr(it, "assignment", None),
                     "deadline": found})
    return render(request, "duban/assign.html", {"report": report, "rows": rows, "form": form,
                                                 "import_form": import_form, "can_exchange": True,
                                                 "departments": deps.values()}, status=status)


# --- exchange: the task table (任务分解表) out to Excel and back -----------------------------------

@login_required
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The report's task table as xlsx, csv or json, for the people who may change it (the table lists
    every item with its assignment and latest progress, more than a reporter or the public may see)."""
    from duban.web import exchange

    report = access.get_report(request.user, pk)
    if not access.can_edit_report(request.user, report):
        raise actions.Forbidden(_("导出任务分解表需要督查人员"))
    if fmt not in exchange.EXPORTERS:
        raise Http404("no such export format")
    content, content_type, filename = exchange.export(report, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def report_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Apply an edited task table (all rows or none); a bad file is a form error on the assignment page."""
    from duban.web import exchange

    report = access.get_report(request.user, pk)
    if not access.can_edit_report(request.user, report):
        raise actions.Forbidden(_("导入任务分解表需要督查人员"))
    if request.method != "POST":
        return redirect("assign", pk=pk)
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        f = form.cleaned_data["file"]
        try:
            result = exchange.import_table(request.user, report, f.read(exchange.MAX_IMPORT_BYTES + 1), f.name)
        except InputError as e:
            form.add_error("file", str(e))
        else:
            messages.success(request, _("已导入 %(rows)d 行：交办 %(assigned)d，进展 %(updates)d，新增 %(added)d，"
                                        "未变 %(unchanged)d") % result.to_dict())
            return redirect("assign", pk=pk)
    return _render_assign(request, report, AssignForm(report=report), form, status=400)


# --- API tokens ----------------------------------------------------------------------------------

@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The user's own API tokens: create one (its key is shown on this answer only), revoke one."""
    from duban.web.apitokens.models import Token

    new_key = ""
    if request.method == "POST":
        try:
            if request.POST.get("revoke"):
                actions.do_revoke_token(request.user, int(request.POST["revoke"]) if
                                        request.POST["revoke"].isdigit() else 0)
                messages.success(request, _("令牌已撤销"))
                return redirect("tokens")
            new_key = actions.do_issue_token(request.user, request.POST.get("name", "")[:100])
        except actions.ActionError as e:
            messages.error(request, _say(e))
            return redirect("tokens")
    response = render(request, "duban/tokens.html", {
        "tokens": Token.objects.filter(user=request.user).order_by("-created_at", "-pk"), "new_key": new_key,
        "api_url": request.build_absolute_uri(reverse("api:openapi-view")),
    })
    response["Cache-Control"] = "no-store"  # the new key must not stay in a cache
    return response


# --- due soon / overdue -------------------------------------------------------------------------

DUE_DAYS = 7  # as `duban remind`'s default: the pages show what the reminder mail lists
DUE_SHOWN = 50


def _due(user, report: Report | None = None) -> dict[str, Any]:
    """Template context for _due.html: the user's assigned items due within DUE_DAYS or overdue."""
    from duban.web.reminders import due_items

    found = due_items(DUE_DAYS, user=user, report=report)
    rows = [{"item": r.item, "due": r.due, "overdue": r.overdue, "days_left": r.days_left,
             "days_late": -r.days_left, "lead": r.departments[0], "more": len(r.departments) - 1}
            for r in found[:DUE_SHOWN]]
    return {"due": rows, "due_total": len(found), "due_days": DUE_DAYS, "one_report": report is not None}


def _due_rows(report: Report, stamp: str) -> list[dict[str, Any]]:
    """Every due row of the report (as `_due` builds them, with the departments' ids for filtering),
    once per report state and day (days left move with the day)."""
    from duban.web.reminders import due_items

    today = timezone.localdate()

    def compute() -> list[dict[str, Any]]:
        found = due_items(DUE_DAYS, today=today, report=report)
        return [{"item": _DueItem(r.item.pk, r.item.indicator), "due": r.due, "overdue": r.overdue,
                 "days_left": r.days_left, "days_late": -r.days_left, "lead": r.departments[0],
                 "more": len(r.departments) - 1, "deps": _assigned_deps(r.item)} for r in found]

    return caching.cached(f"duban:due-rows:{stamp}:{today}", compute)


class _DueItem:
    """What _due.html reads of an item (a cached row holds no model instance)."""

    def __init__(self, pk: int, indicator: str) -> None:
        self.pk, self.indicator = pk, indicator


def _assigned_deps(item: Item) -> frozenset[int]:
    a = item.assignment  # due_items' rows are assignments: prefetched lead and co-units
    return frozenset([a.lead_id, *(d.pk for d in a.co_units.all())])


def _due_html(user, report: Report, stamp: str) -> SafeString:
    """The dashboard's due list for this viewer: all the report's due rows for its supervisors, a
    reporter's departments' rows for a reporter (as `due_items(user=...)` chooses them)."""
    def html(rows: list[dict[str, Any]]) -> str:
        return render_to_string("duban/_due.html", {"due": rows[:DUE_SHOWN], "due_total": len(rows),
                                                    "due_days": DUE_DAYS, "one_report": True})

    name = f"due-{timezone.localdate()}"
    if access.can_supervise(user, report.region):
        # every row: the HTML straight from the cache, without unpickling the rows (~70 per report)
        return caching.report_fragment(report, name, "all-rows", lambda: html(_due_rows(report, stamp)), stamp)
    deps = access.roles(user).departments
    rows = [r for r in _due_rows(report, stamp) if r["deps"] & deps]
    who = f"{caching.audience(False, [r['item'].pk for r in rows[:DUE_SHOWN]])}-of{len(rows)}"
    return caching.report_fragment(report, name, who, lambda: html(rows), stamp)


# --- department inbox and updates ----------------------------------------------------------------

@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    latest = Prefetch("updates", queryset=ProgressUpdate.objects.order_by("-created_at", "-pk"))
    mine = (access.inbox_items(request.user).select_related("report__region", "assignment__lead", "verdict")
            .prefetch_related(latest).order_by("assignment__deadline", "pk"))
    to_review = (access.review_queue_updates(request.user)
                 .select_related("item__report", "department", "author").order_by("submitted_at"))
    return render(request, "duban/inbox.html", {"items": mine, "to_review": to_review, **_due(request.user),
                                                "update_form": UpdateForm(), "review_form": ReviewForm()})


@login_required
@require_POST
def item_update(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item(request.user, pk)
    form = UpdateForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        cont = None
        if request.POST.get("update"):
            cont = item.updates.filter(pk=request.POST["update"]).first()
        try:
            actions.do_submit_update(request.user, item, value=d["value"], percent=d["percent"], note=d["note"],
                                     evidence_url=d["evidence_url"], evidence_file=d["evidence_file"],
                                     draft=d["draft"], update=cont)
        except actions.Invalid as e:
            messages.error(request, _say(e))
        else:
            messages.success(request, _("已保存草稿") if d["draft"] else _("已提交，等待审核"))
    else:
        messages.error(request, "; ".join(" ".join(v) for v in form.errors.values()))
    return _back(request, reverse("item", args=[pk]))


def _review_action(request: HttpRequest, pk: int, approve: bool) -> HttpResponse:
    upd = access.get_update(request.user, pk)
    form = ReviewForm(request.POST)
    note = form.data.get("note", "")
    try:
        if approve:
            actions.do_approve_update(request.user, upd, note)
        else:
            actions.do_return_update(request.user, upd, note)
    except (actions.Invalid, actions.Conflict) as e:
        messages.error(request, _say(e))
    else:
        messages.success(request, _("已审核通过") if approve else _("已退回"))
    return _back(request, reverse("item", args=[upd.item_id]))


@login_required
@require_POST
def update_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_action(request, pk, True)


@login_required
@require_POST
def update_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_action(request, pk, False)


@login_required
def update_evidence(request: HttpRequest, pk: int) -> FileResponse:
    upd = access.get_update(request.user, pk)
    if not upd.evidence_file:
        raise Http404("no evidence file")
    # served as a download, never inline: an uploaded HTML file must not run in our origin
    return FileResponse(upd.evidence_file.open("rb"), as_attachment=True,
                        filename=upd.evidence_file.name.rsplit("/", 1)[-1])


# --- item page -----------------------------------------------------------------------------------

def _item_chart(item: Item, updates: list[ProgressUpdate], verdict: Verdict | None) -> dict[str, Any]:
    """Chart data: reported values over time against the target band."""
    points = [{"t": u.reviewed_at.date().isoformat() if u.reviewed_at else u.created_at.date().isoformat(),
               "value": u.value, "state": u.state} for u in updates if u.value is not None and u.state != "draft"]
    if verdict is not None and verdict.actual is not None and verdict.actual.low is not None:
        points.append({"t": f"{verdict.actual.period or ''}", "value": verdict.actual.low, "state": "report"})
    lo = item.low
    hi = item.high if item.cmp == "range" else item.low
    return {"indicator": item.indicator, "unit": item.unit, "cmp": item.cmp, "low": lo, "high": hi,
            "period": item.period or str(item.report.year), "points": points,
            "labels": {"target": _("目标"), "actual": _("实际")}}


def item_view(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item(request.user, pk, page=True)
    if not access.roles(request.user).staff:
        return redirect("public_item", pk=pk)
    return _render_item(request, item, public=False)


def public_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.one(Item.objects.select_related("report__region", "section").filter(
        pk=pk, report__published=True).exclude(status="rejected"))
    if item is None:
        raise Http404("no such published item")
    return _public_cached(request, _fresh(item.report), f"item{item.pk}",
                          lambda: _render_item(request, item, public=True))


def _render_item(request: HttpRequest, item: Item, *, public: bool) -> HttpResponse:
    if public:  # the public page is cached whole per report state (_public_cached)
        return render(request, "duban/item.html", _item_data(request, item, public=True))
    # The internal page's body (13 queries, forms, history: ~18 ms) once per site state, viewer scope
    # (what they may do on the item follows from it), day (deadline lights), language and path (the
    # forms' "next"); rendered without the viewer's session, the CSRF mark replaced per request.
    user = request.user
    key = (f"duban:item:{item.pk}:{caching.site_stamp()}:{caching.scope(user)}:{timezone.localdate()}:"
           f"{get_language()}:{caching.digest(request.get_full_path())}")
    body = caching.cached(key, lambda: render_to_string("duban/_item_body.html", {
        **_item_data(request, item, public=False), "request": request, "csrf_token": caching.csrf_mark()}))
    return render(request, "duban/item.html", {"item": item, "body": caching.with_csrf(request, body)})


def _item_data(request: HttpRequest, item: Item, *, public: bool) -> dict[str, Any]:
    report = item.report
    assignment = Assignment.objects.filter(item=item).select_related("lead").prefetch_related("co_units").first()
    updates = list(item.updates.select_related("author", "department", "reviewer").order_by("created_at", "pk"))
    if public:
        updates = [u for u in updates if u.state == "approved"]
    verdict = Verdict.objects.filter(target=item).select_related("actual__report").first()
    context_text = None
    if item.span_start is not None and item.span_end is not None:
        a, b = max(0, item.span_start - 80), min(len(report.original), item.span_end + 80)
        context_text = (report.original[a:item.span_start], report.original[item.span_start:item.span_end],
                        report.original[item.span_end:b])
    user = request.user
    data = {
        "verdict_help": verdict_help().get(verdict.verdict, "") if verdict else "",
        "item": item, "report": report, "assignment": assignment, "updates": updates, "verdict": verdict,
        "public": public, "context_text": context_text, "chart": _item_chart(item, updates, verdict),
        "links": Link.objects.filter(Q(target=item) | Q(actual=item)).select_related("target__report",
                                                                                    "actual__report"),
    }
    if not public:
        data.update({
            "history": [(h, _change_text(h.before), _change_text(h.after))
                        for h in History.objects.filter(item=item).order_by("-at", "-pk")[:200]],
            "can_edit": access.can_edit_report(user, report),
            "can_report": assignment is not None and access.can_report_on(user, item),
            "can_review": access.can_supervise(user, report.region),
            "update_form": UpdateForm(), "review_form": ReviewForm(),
            "verdict_form": VerdictForm(initial={"verdict": verdict.verdict if verdict else "not_yet"}),
            "open_update": item.updates.filter(state__in=("draft", "returned")).order_by("-pk").first(),
        })
    return data


def _change_text(data) -> str:
    """History JSON for people: key: value pairs on one line."""
    if not data:
        return ""
    if not isinstance(data, dict):
        return str(data)
    return "; ".join(f"{k}: {'' if v is None else v}" for k, v in data.items())


@login_required
@require_POST
def item_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item(request.user, pk)
    form = VerdictForm(request.POST)
    if form.is_valid():
        try:
            actions.do_set_verdict(request.user, item, form.cleaned_data["verdict"], form.cleaned_data["reason"])
        except actions.Invalid as e:
            messages.error(request, _say(e))
    return redirect("item", pk=pk)


@login_required
@require_POST
def link_decide(request: HttpRequest, pk: int) -> HttpResponse:
    link = Link.objects.select_related("target__report__region").filter(pk=pk).first()
    if link is None or not access.can_view_item(request.user, link.target):
        raise Http404("no such link")
    actions.do_decide_link(request.user, link, confirm=request.POST.get("confirm") == "1")
    return _back(request, reverse("item", args=[link.target_id]))


# --- dashboard -----------------------------------------------------------------------------------

def verdict_help() -> dict[str, str]:
    """What each verdict means and what moves it: the dashboard's legend and the item page say it."""
    return {
        "not_yet": _("期限未到，还不能判断。"),
        "uncheckable": _("期限已过，但还没有可以核验的实际值。下一年的政府工作报告或统计公报上传后，其中的实绩会被"
                         "提议关联到这个目标；关联确认后，结论自动更新。"),
        "met": _("实际值达到了目标。"),
        "partly": _("实际值接近目标，但没有完全达到。"),
        "missed": _("实际值没有达到目标。"),
    }


def light_help() -> dict[str, str]:
    return {"red": _("目标未完成，或已过期限而没有办结。"),
            "yellow": _("进展被退回、目标部分完成、进度落后于时间，或 30 天内到期而未完成。"),
            "green": _("按期推进，或已完成。")}


def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report(request.user, pk, page=True)
    if report.published and not access.roles(request.user).staff:
        return redirect("public_dashboard", pk=pk)
    return _render_dashboard(request, report, public=False)


def public_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    report = _published_report(pk)
    return _public_cached(request, _fresh(report), "dashboard",
                          lambda: _render_dashboard(request, report, public=True))


def _theme(sections: dict, section_id: int) -> str:
    """The theme of a section: its second-level ancestor (（一）谋新局 under 三、重点工作), else the top one."""
    chain, node = [], sections.get(section_id)
    while node is not None and len(chain) < 20:
        chain.append(node)
        node = sections.get(node.parent_id)
    return (chain[-2] if len(chain) >= 2 else chain[-1]).title


def _render_dashboard(request: HttpRequest, report: Report, *, public: bool) -> HttpResponse:
    _fresh(report)
    stamp = caching.report_stamp(report)
    # the costly part (every item counted, charts, flagged items) is the same for every internal viewer
    # (and for the public): rendered once per report state, without the request
    who = "public" if public else "internal"
    key = f"duban:dashboard:{stamp}:{who}:{get_language()}"
    shared = caching.cached(key, lambda: _dashboard_parts(report, public))
    can_edit = not public and access.can_edit_report(request.user, report)
    flagged_html = shared["flagged"]
    if not public and not can_edit:  # a department reporter: only the flagged items it may open
        mine = set(access.inbox_items(request.user).filter(report=report).values_list("pk", flat=True))
        flagged_html = render_to_string("duban/_dashboard_flagged.html",
                                        {"flagged": [f for f in shared["flagged_rows"] if f["pk"] in mine]})
    return render(request, "duban/dashboard.html", {
        "report": report, "public": public, "can_edit": can_edit, "can_exchange": can_edit,
        "nav_html": _report_nav(request, report, public=public, can_edit=can_edit, stamp=stamp),
        "exchange_html": can_edit and caching.report_fragment(report, "exchange", "editor", lambda: render_to_string(
            "duban/_exchange.html", {"report": report}), stamp),
        "top": mark_safe(shared["top"]), "flagged_html": mark_safe(flagged_html),  # rendered templates
        "due_html": "" if public else _due_html(request.user, report, stamp),
    })


def _dashboard_parts(report: Report, public: bool) -> dict[str, str]:
    """The dashboard's shared HTML: ``top`` (counts, legend, charts, table) and ``flagged``."""
    # plain rows, not model instances: a dashboard only counts (and lists what needs attention)
    rows_ = list(report.items.exclude(status="rejected").order_by("span_start", "order").values_list(
        "pk", "kind", "status", "light", "light_reason", "section_id", "indicator", "verdict__verdict",
        "light_parts"))
    kinds = dict(Item.KINDS)
    by_section: dict[str, Counter] = defaultdict(Counter)
    top_of: dict[int, str] = {}
    sections = {s.pk: s for s in report.sections.only("pk", "parent_id", "title")}
    for _pk, kind, _st, _l, _r, section_id, _i, _v, _lp in rows_:  # in text order, so themes are too
        theme = _("（未分部分）")
        if section_id in sections:
            theme = top_of.get(section_id) or top_of.setdefault(section_id, _theme(sections, section_id))
        by_section[theme][kind] += 1
    status_names, light_names, verdict_names = dict(Item.STATUSES), dict(Item.LIGHTS), dict(Verdict.VERDICTS)
    statuses = Counter(status_names[r[2]] for r in rows_)
    light_counts = Counter(r[3] for r in rows_ if r[3])
    verdicts = Counter(verdict_names[r[7]] for r in rows_ if r[7])
    chart = {
        "themes": list(by_section),
        "series": [{"name": str(kinds[k]), "data": [by_section[t][k] for t in by_section]} for k in kinds],
        "status": [{"name": str(k), "value": v} for k, v in statuses.items()],
        "lights": [{"name": str(light_names[k]), "value": v, "color": k} for k, v in light_counts.items()],
        "verdicts": [{"name": str(k), "value": v} for k, v in verdicts.items()],
    }
    rows = [{"theme": t, **{k: c[k] for k in kinds}, "total": sum(c.values())} for t, c in by_section.items()]
    name = "public_item" if public else "item"
    flagged = [{"pk": r[0], "url": reverse(name, args=[r[0]]), "light": r[3],
                "reason": str(reasons.render(r[8], r[4])), "indicator": r[6]}
               for r in rows_ if r[3] in ("red", "yellow")][:50]
    data = {
        "report": report, "public": public, "rows": rows, "chart": chart, "total": len(rows_),
        "light_counts": [(light_names[k], k, light_counts.get(k, 0)) for k in ("red", "yellow", "green")],
        "statuses": statuses.items(), "verdicts": verdicts.items(), "flagged": flagged,
        "legend": _legend(rows_, light_counts), "is_demo": report.source_name == _demo_name(),
    }
    return {"top": render_to_string("duban/_dashboard_top.html", data),
            "flagged": render_to_string("duban/_dashboard_flagged.html", data), "flagged_rows": flagged}


def _demo_name() -> str:
    from duban.demo import DEMO_PATH

    return DEMO_PATH.name


def _legend(rows_: list[tuple], light_counts: Counter) -> list[tuple[str, str]]:
    """Explanations of the verdicts and lights this dashboard shows (only those)."""
    names, shown = dict(Verdict.VERDICTS), {r[7] for r in rows_ if r[7]}
    verdict_text, light_text, light_names = verdict_help(), light_help(), dict(Item.LIGHTS)
    out = [(str(names[v]), verdict_text[v]) for v in names if v in shown]
    return out + [(str(light_names[k]), light_text[k]) for k in ("red", "yellow", "green") if light_counts.get(k)]


# --- compare -------------------------------------------------------------------------------------

def compare(request: HttpRequest, public: bool = False) -> HttpResponse:
    reports = Report.objects.filter(published=True) if public else access.visible_reports(request.user)
    items = Item.objects.filter(report__in=reports).exclude(status="rejected").exclude(kind="task")
    # each catalogue id with the wording reports use most for it
    names: dict[str, Counter] = defaultdict(Counter)
    for c, ind, n in (items.exclude(canonical="").values_list("canonical", "indicator")
                      .annotate(n=Count("pk")).order_by()):
        names[c][ind] += n
    choices = sorted((c, cnt.most_common(1)[0][0]) for c, cnt in names.items())
    canonical = request.GET.get("canonical", "").strip()
    indicator = request.GET.get("indicator", "").strip()
    rows: list[Item] = []
    if canonical:
        rows = list(items.filter(canonical=canonical).select_related("report__region", "verdict"))
    elif indicator:
        rows = list(items.filter(indicator__icontains=indicator).select_related("report__region", "verdict")[:500])
    rows.sort(key=lambda i: (i.report.region.name, i.report.year, i.kind))
    # one line per region and kind over the periods, aligned on one sorted axis (gaps stay gaps)
    series: dict[str, dict[str, float | None]] = defaultdict(dict)
    for it in rows:
        series[f"{it.report.region.name}·{dict(Item.KINDS)[it.kind]}"][it.period or str(it.report.year)] = it.low
    periods = sorted({p for values in series.values() for p in values})
    chart = {"unit": rows[0].unit if rows else "", "periods": periods,
             "series": [{"name": k, "data": [v.get(p) for p in periods]} for k, v in series.items()]}
    return render(request, "duban/compare.html", {
        "choices": choices, "canonical": canonical, "indicator": indicator, "rows": rows, "chart": chart,
        "public": public or not access.roles(request.user).staff,
    })


def public_compare(request: HttpRequest) -> HttpResponse:
    return compare(request, public=True)

