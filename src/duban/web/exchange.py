"""Exchange a report's task table with Excel: export to xlsx (the usual 任务分解表 layout), csv and json;
import the same xlsx/csv back.

Columns: 序号, 任务内容, 牵头单位, 责任单位, 完成时限, 进展, 状态, and a hidden 外部编号 (the item's stable
external id). Import is idempotent: a row that matches what is stored changes nothing, so a supervising
office can work in Excel and re-import as often as it likes. What import changes, it changes through the
action layer (assignment: 牵头单位/责任单位/完成时限; a new 进展 text becomes a submitted progress update;
a row without an id whose 任务内容 is unknown becomes a new task). 序号 and 状态 are output only.
A bad file raises InputError (one line, naming the file and row, in the active UI language) and stores nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from duban.errors import InputError
from duban.web import access, actions
from duban.web.models import Assignment, Department, Item, ProgressUpdate, Report, Verdict

COLUMNS = ("序号", "任务内容", "牵头单位", "责任单位", "完成时限", "进展", "状态", "外部编号")
ID_COLUMN = "外部编号"
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20000
_SPLIT = re.compile(r"[、,，;；/\n]+")
_LIGHTS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯", "grey": "未开始"}


# --- export ----------------------------------------------------------------------------------------

def task_text(item: Item) -> str:
    """任务内容: the task, or the target's indicator with its value (新增学位 4290个)."""
    if item.kind == "task" or item.low is None:
        return item.indicator
    return f"{item.indicator} {item.value_text()}"


def progress_text(update: ProgressUpdate | None) -> str:
    """进展 as exported; import compares with it to tell a new progress note from an unchanged one."""
    if update is None:
        return ""
    parts = [update.note.strip()] if update.note.strip() else []
    if update.value is not None:
        parts.append(f"完成值 {update.value:g}")
    if update.percent is not None:
        parts.append(f"进度 {update.percent:g}%")
    return "；".join(parts)


def _latest_update(item: Item) -> ProgressUpdate | None:
    ups = [u for u in item.updates.all() if u.state != "draft"]
    return max(ups, key=lambda u: (u.created_at, u.pk)) if ups else None


def _status_text(item: Item) -> str:
    light = _LIGHTS.get(item.light, "")
    try:
        verdict = item.verdict.get_verdict_display()
    except Verdict.DoesNotExist:
        verdict = ""
    return "（".join(filter(None, [light, verdict])) + ("）" if light and verdict else "")


def _deadline_text(a: Assignment | None) -> str:
    if a is None:
        return ""
    return a.deadline_phrase or (a.deadline.isoformat() if a.deadline else "")


def export_items(report: Report) -> list[Item]:
    """The rows of the table: the report's targets and tasks, in report order (rejected ones left out)."""
    return list(report.items.filter(kind__in=("target", "task")).exclude(status="rejected")
                .select_related("assignment__lead", "verdict")
                .prefetch_related("assignment__co_units", "updates").order_by("order", "pk"))


def export_rows(report: Report) -> list[dict[str, Any]]:
    rows = []
    for n, item in enumerate(export_items(report), 1):
        a = getattr(item, "assignment", None) if _has_assignment(item) else None
        rows.append({
            "序号": n,
            "任务内容": task_text(item),
            "牵头单位": a.lead.name if a else "",
            "责任单位": "、".join(sorted(d.name for d in a.co_units.all())) if a else "",
            "完成时限": _deadline_text(a),
            "进展": progress_text(_latest_update(item)),
            "状态": _status_text(item),
            "外部编号": item.external_id,
        })
    return rows


def _has_assignment(item: Item) -> bool:
    try:
        item.assignment  # noqa: B018 (the attribute access is the query)
    except Assignment.DoesNotExist:
        return False
    return True


def export_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    ws.append([f"{report.title} 任务分解表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS) - 1)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(list(COLUMNS))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in export_rows(report):
        ws.append([row[c] for c in COLUMNS])
    for i, width in enumerate((6, 50, 16, 24, 14, 40, 14, 34), 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.column_dimensions[get_column_letter(len(COLUMNS))].hidden = True  # the stable id, kept for re-import
    ws.freeze_panes = "A3"
    for row in ws.iter_rows(min_row=3):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
        row[5].alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def export_csv(report: Report) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens it with the right encoding."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(export_rows(report))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_json(report: Report) -> bytes:
    items = []
    for item in export_items(report):
        a = item.assignment if _has_assignment(item) else None
        try:
            verdict = {"verdict": item.verdict.verdict, "reason": item.verdict.reason}
        except Verdict.DoesNotExist:
            verdict = None
        items.append({
            "external_id": item.external_id, "kind": item.kind, "indicator": item.indicator,
            "cmp": item.cmp or None, "low": item.low, "high": item.high, "unit": item.unit or None,
            "period": item.period or None, "quote": item.quote,
            "span": [item.span_start, item.span_end] if item.span_start is not None else None,
            "status": item.status, "light": item.light or None,
            "lead": a.lead.name if a else None,
            "co_units": sorted(d.name for d in a.co_units.all()) if a else [],
            "deadline": a.deadline.isoformat() if a and a.deadline else None,
            "deadline_phrase": a.deadline_phrase if a else None,
            "progress": progress_text(_latest_update(item)) or None, "verdict": verdict,
        })
    doc = {"report": {"id": report.pk, "title": report.title, "region": report.region.name, "year": report.year,
                      "kind": report.kind}, "items": items}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


EXPORTERS = {
    "xlsx": (export_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": (export_csv, "text/csv; charset=utf-8"),
    "json": (export_json, "application/json"),
}


def export(report: Report, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of ``report`` in ``fmt`` (xlsx | csv | json)."""
    if fmt not in EXPORTERS:
        raise ValueError(f"unknown export format {fmt!r} (use xlsx, csv or json)")
    fn, content_type = EXPORTERS[fmt]
    return fn(report), content_type, f"duban-report-{report.pk}.{fmt}"


# --- import ----------------------------------------------------------------------------------------

@dataclass
class Row:
    number: int  # the row in the file, for messages
    values: dict[str, str]


@dataclass
class ImportResult:
    rows: int = 0
    assigned: int = 0
    updates: int = 0
    added: int = 0
    unchanged: int = 0
    messages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "assigned": self.assigned, "updates": self.updates, "added": self.added,
                "unchanged": self.unchanged}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(rows: list[list[Any]], name: str) -> list[Row]:
    """Find the header (within the first rows: a title may sit above it) and read the rows under it."""
    h = next((n for n, header in enumerate(rows[:10]) if "任务内容" in [_cell(v) for v in header]), None)
    if h is None:
        raise InputError(name, _("前 10 行中没有含“任务内容”的表头行"))
    names = [_cell(v) for v in rows[h]]
    out = []
    for n, raw in enumerate(rows[h + 1:], h + 2):
        values = {k: _cell(v) for k, v in zip(names, raw, strict=False) if k}
        if any(values.values()):
            out.append(Row(n, values))
    if len(out) > MAX_ROWS:
        raise InputError(name, _("%(n)d 行，超过上限 %(limit)d 行") % {"n": len(out), "limit": MAX_ROWS})
    return out


def read_table(data: bytes, name: str) -> list[Row]:
    """The rows of an uploaded xlsx or csv. Raises InputError for anything else."""
    if len(data) > MAX_IMPORT_BYTES:
        raise InputError(name, _("文件 %(size)d 字节，超过上限 %(limit)d 字节") % {"size": len(data),
                                                                        "limit": MAX_IMPORT_BYTES})
    lower = name.lower()
    if lower.endswith(".xlsx") or data[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            ws = wb.active
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            wb.close()
        except Exception as e:  # openpyxl raises many kinds for broken files
            raise InputError(name, _("不是可读取的 xlsx 工作簿（%(error)s）") % {"error": type(e).__name__}) from None
        return _table(rows, name)
    if lower.endswith(".csv") or lower.endswith(".txt"):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise InputError(name, _("CSV 既不是 UTF-8 也不是 GB18030 编码"))
        if "\x00" in text:
            raise InputError(name, _("CSV 含有 NUL 字节（是二进制文件吗？）"))
        try:
            rows = list(csv.reader(io.StringIO(text)))
        except csv.Error as e:
            raise InputError(name, _("CSV 格式有误：%(error)s") % {"error": e}) from None
        return _table(rows, name)
    raise InputError(name, _("不支持的表格类型（请用 .xlsx 或 .csv）"))


def _departments(report: Report) -> dict[str, Department]:
    regions = [r.pk for r in report.region.ancestors()]
    found: dict[str, Department] = {}
    # nearest region first: a district's 教育局 wins over the city's
    for rid in regions:
        for d in Department.objects.filter(region_id=rid):
            found.setdefault(d.name, d)
    return found


def _parse_deadline(text: str) -> tuple[dt.date | None, str]:
    """(date, phrase): an ISO date cell gives a date; anything else is a phrase track normalizes."""
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), ""
        except ValueError:
            pass
    return None, text[:50]


@dataclass
class _Plan:
    item: Item | None
    row: Row
    text: str
    lead: Department | None
    co_units: list[Department]
    deadline: dt.date | None
    phrase: str
    progress: str


def _row_problem(number: int, problem: str) -> str:
    return _("第 %(row)d 行：%(problem)s") % {"row": number, "problem": problem}


def _plan(user, report: Report, rows: list[Row], name: str) -> list[_Plan]:
    """Check every row before anything is written; the first problem is the error."""
    items = {i.external_id: i for i in report.items.all()}
    by_text = {task_text(i): i for i in report.items.exclude(status="rejected")}
    others = set(Item.objects.filter(external_id__in=[r.values.get(ID_COLUMN, "") for r in rows])
                 .exclude(report=report).values_list("external_id", flat=True))
    departments = _departments(report)
    plans: list[_Plan] = []
    seen: set[int] = set()
    for row in rows:
        v = row.values

        def bad(problem: str, _row: Row = row) -> InputError:
            return InputError(name, _row_problem(_row.number, problem))

        ext = v.get(ID_COLUMN, "") or v.get("external_id", "")
        text = v.get("任务内容", "")
        if ext in others:
            raise bad(_("外部编号 %(id)s 属于另一份报告") % {"id": ext})
        item = items.get(ext) if ext else by_text.get(text)
        if ext and item is None:
            raise bad(_("本报告中没有外部编号为 %(id)s 的事项") % {"id": ext})
        if item is None and not text:
            raise bad(_("任务内容为空"))
        if item is not None:
            if item.pk in seen:
                raise bad(_("同一事项出现了两次"))
            seen.add(item.pk)
            if item.status == "rejected" and (v.get("牵头单位") or v.get("进展")):
                raise bad(_("该事项已被驳回，不能交办"))

        def dep(label: str, _bad: Callable[[str], InputError] = bad) -> Department:
            if label not in departments:
                raise _bad(_("未知的单位“%(name)s”（请先在本地区添加）") % {"name": label})
            return departments[label]

        lead_name = v.get("牵头单位", "")
        co_names = [s.strip() for s in _SPLIT.split(v.get("责任单位", "")) if s.strip()]
        lead = dep(lead_name) if lead_name else None
        co = [dep(c) for c in co_names]
        deadline, phrase = _parse_deadline(v.get("完成时限", ""))
        if (co or deadline or phrase) and lead is None:
            raise bad(_("填写了责任单位或完成时限，但没有牵头单位"))
        progress = v.get("进展", "")
        if progress and lead is None and (item is None or not _has_assignment(item)):
            raise bad(_("没有牵头单位的事项不能填写进展"))
        plans.append(_Plan(item, row, text, lead, co, deadline, phrase, progress))
    return plans


def import_table(user, report: Report, data: bytes, name: str) -> ImportResult:
    """Apply an edited task table to ``report`` (see the module doc). All or nothing."""
    if not access.can_edit_report(user, report):
        raise actions.Forbidden(_("无权操作：%(what)s") % {"what": _("导入任务分解表")})
    rows = read_table(data, name)
    plans = _plan(user, report, rows, name)
    result = ImportResult(rows=len(plans))
    try:
        with transaction.atomic():
            for p in plans:
                _apply(user, report, p, result)
    except actions.ActionError as e:
        raise InputError(name, _row_problem(p.row.number, str(e))) from None
    return result


def _apply(user, report: Report, p: _Plan, result: ImportResult) -> None:
    item = p.item
    if item is None:
        item = actions.do_add_item(user, report, {"kind": "task", "indicator": p.text})
        result.added += 1
    changed = False
    if p.lead is not None:
        a = Assignment.objects.filter(item=item).select_related("lead").first()
        same = a is not None and (
            a.lead_id == p.lead.pk
            and set(a.co_units.values_list("pk", flat=True)) == {d.pk for d in p.co_units if d.pk != p.lead.pk}
            and (a.deadline_phrase == p.phrase if p.phrase else (not a.deadline_phrase and a.deadline == p.deadline)))
        if not same:
            actions.do_assign(user, [item], p.lead, p.co_units, deadline=p.deadline, deadline_phrase=p.phrase)
            result.assigned += 1
            changed = True
    if p.progress:
        latest = _latest_update(Item.objects.prefetch_related("updates").get(pk=item.pk))
        if progress_text(latest) != p.progress:
            actions.do_submit_update(user, item, note=p.progress)
            result.updates += 1
            changed = True
    if not changed and p.item is not None:
        result.unchanged += 1
