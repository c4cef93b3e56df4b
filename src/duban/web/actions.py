"""The action layer: every change of tracking state happens here, never in views or API endpoints.

Each ``do_*`` function takes the acting user first, checks permission through `duban.web.access`, runs
under ``transaction.atomic`` and appends History rows. Errors:
  Forbidden (a PermissionDenied: HTTP 403)  the user may not do this
  Conflict                                  the object changed since the caller read it (stale version)
  Invalid                                   the request itself is wrong (bad value, wrong state);
                                            Duplicate (an Invalid) names the report already stored
  duban.InputError                          an uploaded document cannot be read (nothing is stored)
Derived state (verdicts, lights) is refreshed through `duban.web.tracking` inside the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import duban
from duban.errors import InputError
from duban.web import access, tracking
from duban.web.models import (
    Assignment,
    Department,
    History,
    Item,
    Link,
    Membership,
    ProgressUpdate,
    Region,
    Report,
    Section,
    Verdict,
)


class ActionError(Exception):
    """Base of the errors actions raise; ``str(e)`` is the message for the user."""


class Forbidden(ActionError, PermissionDenied):
    pass


class Conflict(ActionError):
    pass


class Invalid(ActionError):
    pass


class Duplicate(Invalid):
    """The same document (same text) is already stored for that region and year: ``report``."""

    def __init__(self, message: str, report: Report) -> None:
        super().__init__(message)
        self.report = report


# --- helpers ---------------------------------------------------------------------------------------

def _require(ok: bool, what: str) -> None:
    if not ok:
        raise Forbidden(_("无权操作：%(what)s") % {"what": what})


def _actor_name(user) -> str:
    return user.get_username() if user is not None and user.is_authenticated else ""


def record(user, action: str, obj, *, before: dict | None = None, after: dict | None = None,
           report: Report | None = None, item: Item | None = None) -> History:
    """Append one History row."""
    if item is None and isinstance(obj, Item):
        item = obj
    if report is None:
        report = obj if isinstance(obj, Report) else (item.report if item is not None else None)
    return History.objects.create(
        actor=user if user is not None and user.is_authenticated else None,
        actor_name=_actor_name(user), action=action, object_type=type(obj).__name__.lower(),
        object_id=obj.pk, report=report, item=item, before=before, after=after,
    )


def item_state(item: Item) -> dict[str, Any]:
    """The reviewable fields of an item, as History stores them."""
    d = {f: getattr(item, f) for f in Item.EDITABLE}
    d.update(status=item.status, version=item.version)
    return d


def update_state(upd: ProgressUpdate) -> dict[str, Any]:
    return {"state": upd.state, "value": upd.value, "percent": upd.percent, "note": upd.note,
            "evidence_url": upd.evidence_url, "evidence_file": upd.evidence_file.name or "",
            "review_note": upd.review_note}


# field names as people see them (the forms' labels)
_LABELS = {"value": _("完成值"), "percent": _("完成进度%"), "low": _("下限/数值"), "high": _("上限")}


def _float(value, name: str) -> float | None:
    if value in (None, ""):
        return None
    label = _LABELS.get(name, name)
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise Invalid(_("%(name)s不是数字：%(value)s") % {"name": label, "value": repr(value)}) from None
    if x != x or x in (float("inf"), float("-inf")):
        raise Invalid(_("%(name)s不是有限的数") % {"name": label})
    return x


def clean_item_fields(fields: dict[str, Any], *, partial: bool = True) -> dict[str, Any]:
    """Validate reviewer input for an item; returns the model field values to set."""
    unknown = set(fields) - set(Item.EDITABLE) - {"section"}
    if unknown:
        raise Invalid(_("未知的事项字段：%(names)s") % {"names": ", ".join(sorted(unknown))})
    out: dict[str, Any] = {}
    if "kind" in fields or not partial:
        if fields.get("kind") not in dict(Item.KINDS):
            raise Invalid(_("类别须为以下之一：%(choices)s") % {"choices": ", ".join(dict(Item.KINDS))})
        out["kind"] = fields["kind"]
    if "indicator" in fields or not partial:
        indicator = (fields.get("indicator") or "").strip()
        if not indicator:
            raise Invalid(_("指标/任务不能为空"))
        out["indicator"] = indicator[:500]
    for name in ("canonical", "unit", "period"):
        if name in fields:
            out[name] = (fields[name] or "").strip()
    if "cmp" in fields:
        cmp = fields["cmp"] or ""
        if cmp and cmp not in dict(Item.CMPS):
            raise Invalid(_("比较方式须为以下之一：%(choices)s") % {"choices": ", ".join(dict(Item.CMPS))})
        out["cmp"] = cmp
    for name in ("low", "high"):
        if name in fields:
            out[name] = _float(fields[name], name)
    if "section" in fields:
        sec = fields["section"]
        out["section_id"] = sec.pk if isinstance(sec, Section) else sec
    elif "section_id" in fields:
        out["section_id"] = fields["section_id"]
    return out


def _check_item_shape(item: Item) -> None:
    """An item's fields must agree with its kind: tasks carry no number, quantities do."""
    if item.kind == "task":
        item.cmp, item.low, item.high, item.unit, item.value_base = "", None, None, "", None
        return
    if item.low is None:
        raise Invalid(_("目标或实绩需要一个数值（下限/数值）"))
    if not item.cmp:
        item.cmp = "="
    if item.cmp == "range":
        if item.high is None:
            raise Invalid(_("区间需要上限"))
        if item.high < item.low:
            raise Invalid(_("上限小于下限"))
    else:
        item.high = None


def _section_for(report: Report, section_id) -> Section | None:
    if section_id in (None, ""):
        return None
    sec = Section.objects.filter(pk=section_id, report=report).first()
    if sec is None:
        raise Invalid(_("所选部分属于另一份报告"))
    return sec


# --- reports ---------------------------------------------------------------------------------------

def read_upload(*, data: bytes | None = None, name: str | None = None, text: str | None = None,
                max_bytes: int | None = None) -> duban.Document:
    """Read an upload (bytes of a file, or pasted text) into a Document. Raises InputError."""
    from django.conf import settings

    limit = max_bytes or settings.DUBAN_MAX_UPLOAD_BYTES
    if data is not None:
        name = name or "upload"
        if len(data) > limit:
            raise InputError(name, _("文件有 %(size)s 字节，超过上限 %(limit)s 字节")
                             % {"size": len(data), "limit": limit})
        if not name.lower().endswith(tuple(settings.DUBAN_UPLOAD_TYPES)):
            raise InputError(name, _("不支持的文件类型（可用：%(types)s）")
                             % {"types": ", ".join(settings.DUBAN_UPLOAD_TYPES)})
        doc = duban.read_bytes(data, name, max_bytes=limit)
    elif text is not None:
        name = name or "pasted text"
        if len(text.encode("utf-8")) > limit:
            raise InputError(name, _("正文超过上限 %(limit)s 字节") % {"limit": limit})
        doc = duban.read_text(text, name)
    else:
        raise InputError(name, _("没有文件，也没有正文"))
    if not doc.original.strip():
        raise InputError(name, _("文档是空的"))
    return doc


def do_upload_report(user, *, region: Region, year: int | None = None, kind: str = "work_report",
                     title: str = "", data: bytes | None = None, name: str | None = None,
                     text: str | None = None, publish: bool = False) -> Report:
    """Read a document, extract its items and store report + sections + items in one transaction.

    A document that cannot be read raises InputError before anything is stored.
    """
    _require(access.can_supervise(user, region), _("上传%(region)s的报告") % {"region": region})
    if kind not in dict(Report.KINDS):
        raise Invalid(_("未知的报告类型：%(kind)s") % {"kind": repr(kind)})
    doc = read_upload(data=data, name=name, text=text)
    checksum = hashlib.sha256(doc.original.encode("utf-8")).hexdigest()
    same = Report.objects.filter(region=region, checksum=checksum).filter(**({"year": year} if year else {}))
    if (existing := same.first()) is not None:
        raise Duplicate(_("这份文档已存为报告 %(pk)s（%(title)s）") % {"pk": existing.pk, "title": existing.title},
                        existing)
    # extraction is CPU work: run it before the transaction so the database is not held meanwhile
    extraction = duban.extract(doc, year=year)
    year = year or extraction.year
    if not year:
        raise InputError(doc.name, _("没有给出报告年份，正文中也找不到年份"))
    with transaction.atomic():
        report = Report.objects.create(
            region=region, year=year, kind=kind, title=(title or _guess_title(doc.original, name))[:300],
            source_name=(name or "")[:300], original=doc.original, text=doc.text,
            checksum=checksum, created_by=user if user.is_authenticated else None, extracted_at=timezone.now(),
        )
        sections = _store_sections(report, extraction.sections)
        items = [_new_item(report, it, sections, n) for n, it in enumerate(extraction.items)]
        Item.objects.bulk_create(items)
        record(user, "upload", report, after={"title": report.title, "year": year, "kind": kind,
                                              "items": len(items), "checksum": report.checksum})
        if publish:
            _set_published(user, report, True)
        tracking.refresh_report(report)
        tracking.propose_links(report)
    return report


def _guess_title(original: str, name: str | None) -> str:
    for line in original.splitlines():
        if line.strip():
            return line.strip()[:120]
    return name or "report"


def _store_sections(report: Report, found: list[duban.Section]) -> list[Section]:
    rows: list[Section] = []
    for n, s in enumerate(found):
        parent = rows[s.parent] if s.parent is not None and 0 <= s.parent < len(rows) else None
        rows.append(Section.objects.create(report=report, parent=parent, title=s.title[:300], level=s.level,
                                           span_start=s.span[0], span_end=s.span[1], order=n))
    return rows


def _section_of(it: duban.Item, sections: list[Section]) -> Section | None:
    """The section an extracted item sits in: the nearest heading before it, preferring its title."""
    before = [s for s in sections if s.span_start <= it.span[0]]
    if it.section:
        named = [s for s in before if s.title == it.section] or [s for s in sections if s.title == it.section]
        if named:
            return named[-1]
    return before[-1] if before else None


def _new_item(report: Report, it: duban.Item, sections: list[Section], order: int) -> Item:
    return Item(
        report=report, section=_section_of(it, sections), kind=it.kind, indicator=(it.indicator or "")[:500],
        canonical=it.canonical or "", cmp=it.cmp or "", low=it.low, high=it.high, unit=it.unit or "",
        period=it.period or "", value_base=it.value_base, span_start=it.span[0], span_end=it.span[1],
        quote=it.quote, order=order,
    )


_EXTRACTED_FIELDS = ("section", "kind", "indicator", "canonical", "cmp", "low", "high", "unit", "period",
                     "value_base", "quote", "order")


def do_rerun_extraction(user, report: Report) -> dict[str, int]:
    """Extract the report again. Items a person decided on are never touched; extracted items at the
    same place are refreshed in place (keeping ids, assignments and updates); vanished extracted items
    go unless they are in use (assigned, reported on, linked)."""
    _require(access.can_edit_report(user, report), _("重新提取"))
    doc = duban.read_text(report.original, report.source_name or None)
    extraction = duban.extract(doc, year=report.year)
    counts = {"added": 0, "updated": 0, "removed": 0, "kept": 0}
    with transaction.atomic():
        Report.objects.select_for_update().filter(pk=report.pk).first()  # one re-run at a time
        existing = list(report.items.all())
        human_keys = {(i.kind, i.span_start, i.span_end) for i in existing if i.human}
        machine = {(i.kind, i.span_start, i.span_end): i for i in existing if not i.human}
        # sections are rebuilt; items keep pointing at the new ones
        report.sections.all().delete()
        sections = _store_sections(report, extraction.sections)
        seen: set[tuple] = set()
        new_rows = []
        for n, it in enumerate(extraction.items):
            key = (it.kind, it.span[0], it.span[1])
            if key in human_keys or key in seen:
                continue
            seen.add(key)
            fresh = _new_item(report, it, sections, n)
            old = machine.get(key)
            if old is None:
                new_rows.append(fresh)
                continue
            for f in _EXTRACTED_FIELDS:
                setattr(old, f, getattr(fresh, f))
            old.version += 1
            old.updated_at = timezone.now()
            old.save()
            counts["updated"] += 1
        Item.objects.bulk_create(new_rows)
        counts["added"] = len(new_rows)
        for key, old in machine.items():
            if key in seen:
                continue
            if _in_use(old):
                counts["kept"] += 1
            else:
                old.delete()
                counts["removed"] += 1
        Report.objects.filter(pk=report.pk).update(extracted_at=timezone.now(), text=doc.text)
        record(user, "rerun_extraction", report, after=counts)
        tracking.refresh_report(report)
        tracking.propose_links(report)
    return counts


def _in_use(item: Item) -> bool:
    return (Assignment.objects.filter(item=item).exists() or item.updates.exists()
            or Link.objects.filter(actual=item).exists() or Link.objects.filter(target=item).exists())


def _set_published(user, report: Report, published: bool) -> None:
    before = {"published": report.published}
    report.published = published
    report.published_at = timezone.now() if published else None
    report.save(update_fields=["published", "published_at"])
    record(user, "publish" if published else "unpublish", report, before=before,
           after={"published": published})


@transaction.atomic
def do_publish_report(user, report: Report, published: bool = True) -> Report:
    _require(access.can_edit_report(user, report), _("公开这份报告"))
    if report.published != published:
        _set_published(user, report, published)
    return report


# --- review --------------------------------------------------------------------------------------

_ACTION_NAMES = {"confirm": _("确认事项"), "edit": _("修改事项"), "reject": _("驳回事项")}


def _apply_versioned(user, item: Item, expected_version: int | None, action: str,
                     changes: dict[str, Any], note: str = "") -> Item:
    """Write ``changes`` to the item only if it is still at ``expected_version`` (None: current)."""
    _require(access.can_edit_report(user, item.report), _ACTION_NAMES.get(action, action))
    if expected_version is None:
        expected_version = item.version
    fresh = Item.objects.select_for_update().filter(pk=item.pk).first()
    if fresh is None:
        raise Conflict(_("该事项已被删除"))
    if fresh.version != expected_version:
        who = (History.objects.filter(item=fresh).exclude(actor_name="").order_by("-at", "-pk")
               .values_list("actor_name", flat=True).first())
        raise Conflict(_("该事项已被%(who)s修改（您看到的是第 %(yours)s 版，现在是第 %(now)s 版），请刷新后重新修改")
                       % {"who": who or _("他人"), "yours": expected_version, "now": fresh.version})
    before = item_state(fresh)
    for k, v in changes.items():
        setattr(fresh, k, v)
    if fresh.section_id is not None:
        _section_for(fresh.report, fresh.section_id)
    _check_item_shape(fresh)
    fresh.version = expected_version + 1
    fresh.human = True
    fresh.updated_at = timezone.now()
    # the version check again in the UPDATE itself: safe even where select_for_update is a no-op
    n = Item.objects.filter(pk=fresh.pk, version=expected_version).update(
        **{f: getattr(fresh, f) for f in (*Item.EDITABLE, "value_base", "status", "human", "updated_at")},
        version=F("version") + 1,
    )
    if n != 1:
        raise Conflict(_("该事项已被他人修改，请刷新后重新修改"))
    after = item_state(fresh)
    if note:
        after["note"] = note[:1000]
    record(user, action, fresh, before=before, after=after)
    item.__dict__.update({k: v for k, v in fresh.__dict__.items() if not k.startswith("_")})
    return item


@transaction.atomic
def do_confirm_item(user, item: Item, expected_version: int | None = None) -> Item:
    status = item.status if item.status in ("corrected", "added") else "confirmed"
    item = _apply_versioned(user, item, expected_version, "confirm", {"status": status})
    tracking.refresh_item(item)
    return item


@transaction.atomic
def do_edit_item(user, item: Item, changes: dict[str, Any], expected_version: int) -> Item:
    """Correct an item. ``expected_version`` is the version the editor started from; if someone else
    saved meanwhile this raises Conflict and nothing is written."""
    fields = clean_item_fields(changes)
    if "low" in fields or "unit" in fields or "cmp" in fields:
        fields["value_base"] = None  # the scaled value no longer matches; track rescales when it can
    fields["status"] = "added" if item.status == "added" else "corrected"
    item = _apply_versioned(user, item, expected_version, "edit", fields)
    tracking.refresh_item(item)
    if {"kind", "canonical", "indicator", "period"} & set(fields):
        tracking.propose_links(item)
    return item


@transaction.atomic
def do_reject_item(user, item: Item, expected_version: int | None = None, reason: str = "") -> Item:
    return _apply_versioned(user, item, expected_version, "reject", {"status": "rejected"}, note=reason)


@transaction.atomic
def do_add_item(user, report: Report, fields: dict[str, Any], quote: str = "") -> Item:
    """Add an item the extraction missed. ``quote``, when found in the original text, gives the span."""
    _require(access.can_edit_report(user, report), _("添加事项"))
    values = clean_item_fields({"kind": fields.get("kind"), "indicator": fields.get("indicator"),
                                **{k: v for k, v in fields.items() if k not in ("kind", "indicator")}},
                               partial=False)
    item = Item(report=report, status="added", human=True, **values)
    quote = (quote or "").strip()
    if quote:
        pos = report.original.find(quote)
        if pos < 0:
            raise Invalid(_("报告原文中没有这段引用"))
        item.span_start, item.span_end, item.quote = pos, pos + len(quote), quote
    if item.section_id is not None:
        _section_for(report, item.section_id)
    _check_item_shape(item)
    last = report.items.order_by("-order").values_list("order", flat=True).first()
    item.order = (last or 0) + 1
    item.save()
    record(user, "add", item, after=item_state(item))
    tracking.refresh_item(item)
    tracking.propose_links(item)
    return item


# --- assignment and progress -----------------------------------------------------------------------

def _check_department(report: Report, dep: Department) -> None:
    if dep.region_id not in {r.pk for r in report.region.ancestors()}:
        raise Invalid(_("%(dep)s不是%(region)s或其上级地区的部门") % {"dep": dep, "region": report.region})


@transaction.atomic
def do_assign(user, items: Iterable[Item], lead: Department, co_units: Iterable[Department] = (),
              deadline: dt.date | None = None, deadline_phrase: str = "",
              deadline_from_text: bool = False) -> list[Assignment]:
    """Assign items (bulk) to a lead department and co-units, with a deadline.

    A deadline phrase without a date (年底前, 三季度) is normalized through duban.track. With
    ``deadline_from_text`` and no deadline given, each item gets the deadline its own text states
    (…年底前完成), phrase kept; items whose text states none get no deadline."""
    items = list(items)
    co_units = [d for d in co_units if d.pk != lead.pk]
    if not items:
        raise Invalid(_("没有选择事项"))
    deadline_phrase = (deadline_phrase or "").strip()[:50]
    done = []
    for item in items:
        report = item.report
        _require(access.can_edit_report(user, report), _("交办事项"))
        if item.status == "rejected":
            raise Invalid(_("事项 %(pk)s 已驳回，不能交办") % {"pk": item.pk})
        for dep in (lead, *co_units):
            _check_department(report, dep)
        phrase = deadline_phrase
        if deadline_from_text and deadline is None and not phrase:
            found = tracking.deadline_in_text(item.quote or item.indicator, report.year)
            phrase = found.phrase[:50] if found is not None else ""
        date = deadline or (tracking.normalize_deadline(phrase, report.year) if phrase else None)
        a = Assignment.objects.select_for_update().filter(item=item).first()
        before = _assignment_state(a) if a else None
        if a is None:
            a = Assignment(item=item)
        a.lead, a.deadline, a.deadline_phrase = lead, date, phrase
        a.assigned_by = user if user.is_authenticated else None
        a.assigned_at = timezone.now()
        a.save()
        a.co_units.set(co_units)
        record(user, "assign", a, before=before, after=_assignment_state(a), item=item)
        done.append(a)
    for i in items:
        tracking.refresh_item(i)
    return done


def _assignment_state(a: Assignment) -> dict[str, Any]:
    return {"lead": a.lead.name, "co_units": sorted(a.co_units.values_list("name", flat=True)),
            "deadline": a.deadline.isoformat() if a.deadline else None, "deadline_phrase": a.deadline_phrase}


@transaction.atomic
def do_submit_update(user, item: Item, *, value=None, percent=None, note: str = "", evidence_url: str = "",
                     evidence_file: UploadedFile | None = None, draft: bool = False,
                     update: ProgressUpdate | None = None) -> ProgressUpdate:
    """A department reports progress (``draft=True`` keeps it as a draft). Passing ``update`` continues a
    draft or a returned update of the same item."""
    _require(access.can_report_on(user, item), _("填报此事项的进展"))
    assignment = Assignment.objects.filter(item=item).first()
    if assignment is None:
        raise Invalid(_("此事项尚未交办给部门"))
    value, percent = _float(value, "value"), _float(percent, "percent")
    if percent is not None and not 0 <= percent <= 100:
        raise Invalid(_("完成进度须在 0 到 100 之间"))
    note = (note or "").strip()
    if value is None and percent is None and not note:
        raise Invalid(_("请填写完成值、完成进度或进展情况"))
    evidence_url = (evidence_url or "").strip()
    if evidence_url and not evidence_url.lower().startswith(("http://", "https://")):
        raise Invalid(_("佐证链接须以 http:// 或 https:// 开头"))
    mine = access.reporter_departments(user, item)
    department_id = min(mine) if mine else assignment.lead_id
    if update is not None:
        update = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
        if update.item_id != item.pk:
            raise Invalid(_("这条进展属于另一个事项"))
        if update.state not in ("draft", "returned"):
            raise Invalid(_("状态为“%(state)s”的进展不能再修改") % {"state": update.get_state_display()})
        before = update_state(update)
    else:
        update = ProgressUpdate(item=item, author=user, department_id=department_id)
        before = None
    update.value, update.percent, update.note, update.evidence_url = value, percent, note, evidence_url
    if evidence_file is not None:
        update.evidence_file = evidence_file
    update.state = "draft" if draft else "submitted"
    update.submitted_at = None if draft else timezone.now()
    update.save()
    record(user, "save_draft" if draft else "submit_update", update, before=before,
           after=update_state(update), item=item)
    tracking.refresh_item(item)
    return update


def _review(user, update: ProgressUpdate, state: str, note: str) -> ProgressUpdate:
    _require(access.can_review_update(user, update), _("审核进展"))
    locked = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
    if locked.state != "submitted":
        raise Conflict(_("这条进展的状态是“%(state)s”，不在待审核中") % {"state": locked.get_state_display()})
    before = update_state(locked)
    locked.state, locked.review_note = state, (note or "").strip()
    locked.reviewer, locked.reviewed_at = user, timezone.now()
    locked.save()
    record(user, "approve_update" if state == "approved" else "return_update", locked, before=before,
           after=update_state(locked), item=locked.item)
    item = locked.item
    tracking.refresh_item(item)
    return locked


@transaction.atomic
def do_approve_update(user, update: ProgressUpdate, note: str = "") -> ProgressUpdate:
    return _review(user, update, "approved", note)


@transaction.atomic
def do_return_update(user, update: ProgressUpdate, note: str) -> ProgressUpdate:
    if not (note or "").strip():
        raise Invalid(_("请说明退回的理由"))
    return _review(user, update, "returned", note)


# --- verdicts and links --------------------------------------------------------------------------

@transaction.atomic
def do_set_verdict(user, target: Item, verdict: str, reason: str = "", actual: Item | None = None) -> Verdict:
    """A person's verdict on a target (overrides the computed one until a person changes it again)."""
    _require(access.can_edit_report(user, target.report), _("给出结论"))
    if target.kind != "target":
        raise Invalid(_("只有目标才有结论"))
    if verdict not in dict(Verdict.VERDICTS):
        raise Invalid(_("结论须为以下之一：%(choices)s") % {"choices": ", ".join(dict(Verdict.VERDICTS))})
    if actual is not None and actual.kind != "actual":
        raise Invalid(_("关联的事项必须是实绩"))
    v = Verdict.objects.select_for_update().filter(target=target).first()
    before = {"verdict": v.verdict, "reason": v.reason, "computed": v.computed} if v else None
    v = v or Verdict(target=target)
    v.verdict, v.reason, v.actual, v.computed = verdict, reason.strip(), actual, False
    v.reason_parts = []  # a person's reason is shown as written
    v.decided_by, v.decided_at = user, timezone.now()
    v.save()
    record(user, "set_verdict", v, before=before, after={"verdict": verdict, "reason": v.reason,
                                                          "actual": actual.pk if actual else None}, item=target)
    return v


@transaction.atomic
def do_decide_link(user, link: Link, confirm: bool) -> Link:
    """Confirm or reject a proposed link from an actual to an earlier target."""
    _require(access.can_edit_report(user, link.target.report), _("确认或否决关联"))
    before = {"state": link.state}
    link.state = "confirmed" if confirm else "rejected"
    link.decided_by = user
    link.save(update_fields=["state", "decided_by"])
    record(user, "confirm_link" if confirm else "reject_link", link, before=before,
           after={"state": link.state, "actual": link.actual_id}, item=link.target)
    target = link.target
    tracking.refresh_item(target)
    return link


# --- organisation ----------------------------------------------------------------------------------

@transaction.atomic
def do_add_department(user, region: Region, name: str) -> Department:
    _require(access.can_supervise(user, region), _("为%(region)s添加部门") % {"region": region})
    name = (name or "").strip()
    if not name:
        raise Invalid(_("部门名称不能为空"))
    dep, created = Department.objects.get_or_create(region=region, name=name[:100])
    if created:
        record(user, "add_department", dep, after={"region": region.name, "name": dep.name})
    return dep


@transaction.atomic
def do_grant_role(user, member, role: str, *, region: Region | None = None,
                  department: Department | None = None) -> Membership:
    """Give ``member`` a role. Admins grant anything; supervisors grant reporter roles in their region."""
    if role == "reporter" and department is not None:
        _require(access.can_supervise(user, department.region), _("在该地区授予填报人角色"))
    else:
        _require(access.roles(user).admin, _("授予此角色"))
    if role == "supervisor" and region is None:
        raise Invalid(_("督查人员需要指定地区"))
    if role == "reporter" and department is None:
        raise Invalid(_("填报人需要指定部门"))
    if role not in dict(Membership.ROLES):
        raise Invalid(_("未知的角色：%(role)s") % {"role": repr(role)})
    m, created = Membership.objects.get_or_create(
        user=member, role=role, region=region if role == "supervisor" else None,
        department=department if role == "reporter" else None)
    if created:
        record(user, "grant_role", m, after={"user": member.get_username(), "role": role,
                                             "region": region.name if region else None,
                                             "department": department.name if department else None})
    access.forget_roles(member)
    return m


# --- API tokens ------------------------------------------------------------------------------------

@transaction.atomic
def do_issue_token(user, name: str = "") -> str:
    """A new API token for the user themself; returns the raw key, which is never available again."""
    from duban.web.apitokens import issue_token
    from duban.web.apitokens.models import Token

    _require(user is not None and user.is_authenticated, _("创建 API 令牌"))
    raw = issue_token(user, (name or "").strip())
    token = Token.objects.filter(user=user).latest("pk")
    record(user, "issue_token", token, after={"name": token.name, "hint": token.hint})
    return raw


@transaction.atomic
def do_revoke_token(user, token_id: int) -> None:
    """Revoke one of the user's own tokens (another user's token is as good as absent)."""
    from duban.web.apitokens.models import Token

    _require(user is not None and user.is_authenticated, _("撤销 API 令牌"))
    token = Token.objects.filter(pk=token_id, user=user).first()
    if token is None:
        raise Invalid(_("没有这个令牌"))
    record(user, "revoke_token", token, before={"name": token.name, "hint": token.hint})
    token.delete()
