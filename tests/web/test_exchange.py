"""Task table exchange: export layout, idempotent re-import through the action layer, bad files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.utils import translation
from openpyxl import Workbook, load_workbook

from duban.errors import InputError
from duban.web import actions
from duban.web.exchange import COLUMNS, export, export_csv, export_xlsx, import_table, read_table
from duban.web.models import Assignment, History, Item, ProgressUpdate

pytestmark = pytest.mark.django_db


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def _edit(data: bytes, row_of: str, **cells) -> bytes:
    """Change cells of the row whose 任务内容 starts with ``row_of`` in an exported workbook."""
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    header = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3):
        if str(row[1].value).startswith(row_of):
            for k, v in cells.items():
                row[header.index(k)].value = v
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_xlsx_layout(world):
    ws = _sheet(export_xlsx(world.report))
    assert "任务分解表" in ws["A1"].value
    assert tuple(c.value for c in ws[2]) == COLUMNS
    assert ws.column_dimensions["H"].hidden
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert [r[1] for r in rows] == ["新增学位 4290个", "推进罗湖北站规划建设"]  # actuals are not tasks
    assert [r[0] for r in rows] == [1, 2]
    assert rows[0][7] == world.target.external_id


def test_round_trip_assigns_once(world):
    sup = world.users["supervisor"]
    data = _edit(export_xlsx(world.report), "新增学位", 牵头单位="教育局", 责任单位="卫生健康局", 完成时限="年底前")
    result = import_table(sup, world.report, data, "table.xlsx")
    assert (result.assigned, result.unchanged, result.rows) == (1, 1, 2)
    a = Assignment.objects.get(item=world.target)
    assert (a.lead, a.deadline, a.deadline_phrase) == (world.edu, dt.date(2021, 12, 31), "年底前")
    assert list(a.co_units.all()) == [world.health]
    history = History.objects.count()
    again = import_table(sup, world.report, data, "table.xlsx")
    assert (again.assigned, again.updates, again.added, again.unchanged) == (0, 0, 0, 2)
    assert History.objects.count() == history
    # our own export of the new state re-imports as no change at all
    fresh = import_table(sup, world.report, export_xlsx(world.report), "fresh.xlsx")
    assert (fresh.assigned, fresh.unchanged) == (0, 2)


def test_date_cells_and_progress(world):
    sup = world.users["supervisor"]
    data = _edit(export_xlsx(world.report), "推进罗湖北站", 牵头单位="教育局", 完成时限=dt.datetime(2021, 9, 30),
                 进展="已完成方案设计")
    result = import_table(sup, world.report, data, "t.xlsx")
    assert (result.assigned, result.updates) == (1, 1)
    a = Assignment.objects.get(item=world.task)
    assert (a.deadline, a.deadline_phrase) == (dt.date(2021, 9, 30), "")
    [upd] = ProgressUpdate.objects.filter(item=world.task)
    assert (upd.note, upd.state) == ("已完成方案设计", "submitted")
    assert import_table(sup, world.report, data, "t.xlsx").updates == 0
    assert ProgressUpdate.objects.filter(item=world.task).count() == 1
    ws = _sheet(export_xlsx(world.report))
    assert [c.value for c in ws[4]][4:6] == ["2021-09-30", "已完成方案设计"]


def test_new_row_becomes_task_once(world):
    sup = world.users["supervisor"]
    wb = load_workbook(io.BytesIO(export_xlsx(world.report)))
    wb.active.append([3, "开展无障碍设施整改提升专项行动", "教育局", "", "上半年", "", "", None])
    out = io.BytesIO()
    wb.save(out)
    first = import_table(sup, world.report, out.getvalue(), "t.xlsx")
    assert (first.added, first.assigned) == (1, 1)
    item = Item.objects.get(indicator="开展无障碍设施整改提升专项行动")
    assert (item.kind, item.status, item.assignment.deadline) == ("task", "added", dt.date(2021, 6, 30))
    second = import_table(sup, world.report, out.getvalue(), "t.xlsx")
    assert (second.added, second.assigned) == (0, 0)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_round_trip(world, encoding):
    sup = world.users["supervisor"]
    text = export_csv(world.report).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(COLUMNS)
    rows[1]["牵头单位"], rows[1]["完成时限"] = "卫生健康局", "三季度"
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(COLUMNS))
    w.writeheader()
    w.writerows(rows)
    data = out.getvalue().encode(encoding)
    assert import_table(sup, world.report, data, "t.csv").assigned == 1
    assert Assignment.objects.get(item=world.task).deadline == dt.date(2021, 9, 30)
    assert import_table(sup, world.report, data, "t.csv").assigned == 0


def test_json_export(world):
    content, ctype, filename = export(world.report, "json")
    doc = json.loads(content)
    assert ctype == "application/json" and filename.endswith(".json")
    assert doc["report"]["year"] == 2021
    assert {i["external_id"] for i in doc["items"]} == {world.target.external_id, world.task.external_id}
    with pytest.raises(ValueError):
        export(world.report, "pdf")


def _xlsx(rows) -> bytes:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


BAD = [
    ("garbage.xlsx", b"PK\x03\x04 not really a zip", "not a readable xlsx"),
    ("report.pdf", b"%PDF-1.4", "unsupported table type"),
    ("empty.csv", b"", "no header row"),
    ("noheader.csv", b"a,b,c\n1,2,3\n", "no header row"),
    ("binary.csv", b"\x00\x01\x02abc", "NUL"),
    ("latin.csv", b"\xff\xfe\xff\x80\x80", "neither UTF-8 nor GB18030"),
    ("dept.xlsx", _xlsx([list(COLUMNS), [1, "新任务", "不存在局", "", "", "", "", ""]]), "unknown department"),
    ("id.xlsx", _xlsx([list(COLUMNS), [1, "x", "", "", "", "", "", "nope"]]), "no item with 外部编号"),
    ("nolead.xlsx", _xlsx([list(COLUMNS), [1, "新任务", "", "", "年底前", "", "", ""]]), "without a 牵头单位"),
    ("empty-task.xlsx", _xlsx([list(COLUMNS), [1, "", "教育局", "", "", "", "", ""]]), "任务内容 is empty"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_files_store_nothing(world, name, data, message):
    before = (History.objects.count(), Item.objects.count(), Assignment.objects.count())
    with translation.override("en"), pytest.raises(InputError) as e:
        import_table(world.users["supervisor"], world.report, data, name)
    assert message in str(e.value) and str(e.value).startswith(name) and "\n" not in str(e.value)
    assert (History.objects.count(), Item.objects.count(), Assignment.objects.count()) == before


@pytest.mark.parametrize(("name", "data", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_file_messages_follow_the_ui_language(world, name, data, message):
    reasons = {}
    for language in ("zh-hans", "en"):
        with translation.override(language), pytest.raises(InputError) as e:
            import_table(world.users["supervisor"], world.report, data, name)
        reasons[language] = e.value.reason
    assert reasons["zh-hans"] != reasons["en"]
    # column names stay Chinese in both languages (they are the table's own words); the rest is Chinese
    rest = reasons["zh-hans"]
    for column in COLUMNS:
        rest = rest.replace(column, "")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rest), reasons


def test_bad_row_late_in_file_stores_nothing(world):
    rows = [list(COLUMNS), [1, "新增学位 4290个", "教育局", "", "", "", "", world.target.external_id],
            [2, "另一项", "不存在局", "", "", "", "", ""]]
    with translation.override("en"), pytest.raises(InputError, match="row 3"):
        import_table(world.users["supervisor"], world.report, _xlsx(rows), "t.xlsx")
    with translation.override("zh-hans"), pytest.raises(InputError, match="第 3 行：未知的单位“不存在局”"):
        import_table(world.users["supervisor"], world.report, _xlsx(rows), "t.xlsx")
    assert not Assignment.objects.exists()


def test_only_supervisors_import(world):
    data = export_xlsx(world.report)
    for name in ("reporter", "other_supervisor", "anonymous"):
        with pytest.raises(actions.Forbidden):
            import_table(world.users[name], world.report, data, "t.xlsx")


def test_read_table_finds_header_under_title(world):
    rows = read_table(export_xlsx(world.report), "t.xlsx")
    assert rows[0].number == 3 and rows[0].values["任务内容"] == "新增学位 4290个"
