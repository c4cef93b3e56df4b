"""Exchange in the pages: export buttons on the dashboard and assignment page, the import form."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from duban.web.exchange import export_xlsx
from duban.web.models import Assignment, History, Item

pytestmark = pytest.mark.django_db


def _client(world, name: str, language: str = "zh-hans") -> Client:
    c = Client()
    c.force_login(world.users[name])
    c.cookies["django_language"] = language
    return c


def _edited(world, **cells) -> bytes:
    """The exported workbook with cells of the target's row changed."""
    wb = load_workbook(io.BytesIO(export_xlsx(world.report)))
    ws = wb.active
    header = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3):
        if row[header.index("外部编号")].value == world.target.external_id:
            for k, v in cells.items():
                row[header.index(k)].value = v
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_supervisor_sees_export_buttons_and_downloads_each_format(world):
    c = _client(world, "supervisor")
    for page in ("dashboard", "assign"):
        html = c.get(f"/reports/{world.report.pk}/{page}/").content.decode()
        for fmt in ("xlsx", "csv", "json"):
            assert f'href="/reports/{world.report.pk}/export.{fmt}"' in html, (page, fmt)
    assert f'action="/reports/{world.report.pk}/import/"' in c.get(f"/reports/{world.report.pk}/assign/").content.decode()
    xlsx = c.get(f"/reports/{world.report.pk}/export.xlsx")
    assert xlsx.status_code == 200 and "attachment" in xlsx["Content-Disposition"]
    assert load_workbook(io.BytesIO(xlsx.content)).active["B3"].value == "新增学位 4290个"
    assert c.get(f"/reports/{world.report.pk}/export.csv").content.decode("utf-8-sig").startswith("序号,任务内容")
    assert c.get(f"/reports/{world.report.pk}/export.json").json()["report"]["id"] == world.report.pk
    assert c.get(f"/reports/{world.report.pk}/export.pdf").status_code == 404


@pytest.mark.parametrize("name", ["reporter", "other_supervisor"])
def test_others_get_no_exchange(world, name):
    c = _client(world, name)
    assert "export.xlsx" not in c.get(f"/reports/{world.report.pk}/dashboard/").content.decode()
    assert c.get(f"/reports/{world.report.pk}/export.xlsx").status_code in (403, 404)
    data = _edited(world, 牵头单位="教育局")
    r = c.post(f"/reports/{world.report.pk}/import/", {"file": SimpleUploadedFile("t.xlsx", data)})
    assert r.status_code in (403, 404) and not Assignment.objects.exists()


def test_public_dashboard_has_no_exchange(world):
    world.report.published = True
    world.report.save()
    html = Client().get(f"/public/reports/{world.report.pk}/dashboard/").content.decode()
    assert "export." not in html and "import" not in html


def test_import_assigns_once_and_says_what_changed(world):
    c = _client(world, "supervisor")
    data = _edited(world, 牵头单位="教育局", 完成时限="年底前")
    url = f"/reports/{world.report.pk}/import/"
    r = c.post(url, {"file": SimpleUploadedFile("tasks.xlsx", data)}, follow=True)
    assert r.redirect_chain[-1][0] == f"/reports/{world.report.pk}/assign/"
    assert "已导入 2 行：交办 1" in r.content.decode()
    a = Assignment.objects.get(item=world.target)
    assert a.lead == world.edu and a.deadline_phrase == "年底前"
    history = History.objects.count()
    again = c.post(url, {"file": SimpleUploadedFile("tasks.xlsx", data)}, follow=True)
    assert "交办 0" in again.content.decode() and "未变 2" in again.content.decode()
    assert History.objects.count() == history  # idempotent: nothing written the second time


@pytest.mark.parametrize(("language", "said"), [("zh-hans", "未知的单位“不存在局”"),
                                                ("en", "unknown department “不存在局”")])
def test_bad_import_is_a_form_error_in_the_ui_language_and_stores_nothing(world, language, said):
    c = _client(world, "supervisor", language)
    before = (History.objects.count(), Item.objects.count(), Assignment.objects.count())
    r = c.post(f"/reports/{world.report.pk}/import/",
               {"file": SimpleUploadedFile("tasks.xlsx", _edited(world, 牵头单位="不存在局"))})
    assert r.status_code == 400
    html = r.content.decode()
    assert said in html and 'role="alert"' in html and "tasks.xlsx" in html
    assert (History.objects.count(), Item.objects.count(), Assignment.objects.count()) == before


@pytest.mark.parametrize(("name", "data"), [("notes.pdf", b"%PDF-1.4"), ("broken.xlsx", b"PK\x03\x04 junk"),
                                            ("empty.csv", b"")])
def test_wrong_or_broken_files_are_form_errors(world, name, data):
    c = _client(world, "supervisor")
    r = c.post(f"/reports/{world.report.pk}/import/", {"file": SimpleUploadedFile(name, data)})
    assert r.status_code == 400 and 'role="alert"' in r.content.decode()
    assert not Assignment.objects.exists() and History.objects.count() == 0
