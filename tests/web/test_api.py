"""The JSON API through Django's test client at /api/: auth, visibility, writes through the actions."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from duban.web import actions
from duban.web.apitokens import issue_token, revoke_tokens
from duban.web.models import Assignment, History, Item, ProgressUpdate, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    return Client()


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user, 'test')}"}


def test_token_from_password(client, world):
    user = world.users["supervisor"]
    user.set_password("s3cret-pass")
    user.save()
    r = client.post("/api/auth/token", {"username": "supervisor", "password": "s3cret-pass"},
                    content_type="application/json")
    assert r.status_code == 200
    token = r.json()["token"]
    assert token.startswith("dbn_")
    r = client.get("/api/reports", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert r.json()["count"] == 1
    r = client.post("/api/auth/token", {"username": "supervisor", "password": "wrong"},
                    content_type="application/json")
    assert r.status_code == 401
    revoke_tokens(user)
    assert client.get("/api/reports", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_writes_need_a_token(client, world):
    url = f"/api/items/{world.target.pk}/confirm"
    assert client.post(url, {}, content_type="application/json").status_code == 401
    assert client.post(url, {}, content_type="application/json",
                       HTTP_AUTHORIZATION="Bearer dbn_nope").status_code == 401
    client.force_login(world.users["supervisor"])  # a browser session is not enough for writes
    assert client.post(url, {}, content_type="application/json").status_code == 401
    assert Item.objects.get(pk=world.target.pk).status == "extracted"


def test_public_sees_published_only(client, world):
    assert client.get("/api/reports").json() == {"items": [], "count": 0}
    assert client.get(f"/api/reports/{world.report.pk}").status_code == 404
    assert client.get(f"/api/items/{world.target.pk}").status_code == 404
    # through the action layer, as every change is (it writes History, which moves the list caches)
    actions.do_publish_report(world.users["supervisor"], world.report)
    data = client.get("/api/reports").json()
    assert data["count"] == 1 and data["items"][0]["region"]["name"] == "罗湖区"
    assert client.get(f"/api/items/{world.target.pk}").json()["indicator"] == "新增学位"
    actions.do_reject_item(world.users["supervisor"], world.task)
    items = client.get("/api/items", {"report": world.report.pk}).json()["items"]
    assert world.task.pk not in [i["id"] for i in items]


def test_other_region_cannot_see_or_write(client, world):
    h = bearer(world.users["other_supervisor"])
    assert client.get(f"/api/reports/{world.report.pk}", **h).status_code == 404
    r = client.post(f"/api/items/{world.target.pk}/confirm", {}, content_type="application/json", **h)
    assert r.status_code == 404


def test_report_detail_and_item_filters(client, world):
    h = bearer(world.users["supervisor"])
    detail = client.get(f"/api/reports/{world.report.pk}", **h).json()
    assert detail["counts"]["kind"] == {"target": 1, "task": 1, "actual": 1}
    items = client.get("/api/items", {"kind": "target", "report": world.report.pk}, **h).json()
    assert [i["id"] for i in items["items"]] == [world.target.pk]
    assert client.get("/api/items", {"q": "罗湖北站"}, **h).json()["count"] == 1
    assert client.get("/api/items", {"kind": "nonsense"}, **h).status_code == 422
    page = client.get("/api/items", {"limit": 1, "offset": 1}, **h).json()
    assert page["count"] == 3 and len(page["items"]) == 1


def test_edit_with_version_and_conflict(client, world):
    a, b = bearer(world.users["supervisor"]), bearer(world.users["city_supervisor"])
    url = f"/api/items/{world.target.pk}"
    version = client.get(url, **a).json()["version"]
    r1 = client.patch(url, {"version": version, "low": 4300}, content_type="application/json", **a)
    assert r1.status_code == 200 and r1.json()["low"] == 4300 and r1.json()["version"] == version + 1
    # the second editor started from the same version: told, and nothing of theirs is written
    r2 = client.patch(url, {"version": version, "unit": "所"}, content_type="application/json",
                      HTTP_ACCEPT_LANGUAGE="en", **b)
    assert r2.status_code == 409 and "changed" in r2.json()["detail"]
    item = Item.objects.get(pk=world.target.pk)
    assert (item.low, item.unit, item.status) == (4300, "个", "corrected")
    bad = client.patch(url, {"version": item.version, "cmp": "range", "high": 1}, content_type="application/json",
                       **a)
    assert bad.status_code == 400


def test_assign_update_approve_flow(client, world):
    sup, rep = bearer(world.users["supervisor"]), bearer(world.users["reporter"])
    r = client.put(f"/api/items/{world.target.pk}/assignment",
                   {"lead": world.edu.pk, "co_units": [world.health.pk], "deadline_phrase": "年底前"},
                   content_type="application/json", **sup)
    assert r.status_code == 200, r.content
    assert r.json()["deadline"] == "2021-12-31" and r.json()["co_units"][0]["name"] == "卫生健康局"
    # the reporter now sees the item, may not edit it, may report on it
    assert client.get(f"/api/items/{world.target.pk}", **rep).status_code == 200
    r = client.patch(f"/api/items/{world.target.pk}", {"version": 1, "low": 1}, content_type="application/json",
                     **rep)
    assert r.status_code == 403
    r = client.post(f"/api/items/{world.target.pk}/updates", {"value": 4000, "percent": 80, "note": "进展顺利"},
                    content_type="application/json", **rep)
    assert r.status_code == 201 and r.json()["state"] == "submitted"
    upd = r.json()["id"]
    assert client.post(f"/api/updates/{upd}/approve", {}, content_type="application/json", **rep).status_code == 403
    r = client.post(f"/api/updates/{upd}/return", {"note": ""}, content_type="application/json", **sup)
    assert r.status_code == 400  # a return must say why
    r = client.post(f"/api/updates/{upd}/approve", {"note": "同意"}, content_type="application/json", **sup)
    assert r.status_code == 200 and r.json()["state"] == "approved"
    again = client.post(f"/api/updates/{upd}/approve", {}, content_type="application/json", **sup)
    assert again.status_code == 409
    detail = client.get(f"/api/items/{world.target.pk}", **sup).json()
    assert detail["assignment"]["lead"]["name"] == "教育局" and detail["updates"][0]["state"] == "approved"
    assert "教育局" in detail["suggested_departments"]
    listed = client.get("/api/assignments", {"department": world.health.pk}, **rep).json()
    assert listed["count"] == 1


def test_bulk_assign_all_or_nothing(client, world):
    sup = bearer(world.users["supervisor"])
    body = {"items": [world.target.pk, world.task.pk], "lead": world.edu.pk, "deadline": "2021-09-30"}
    r = client.post("/api/assignments", body, content_type="application/json", **sup)
    assert r.status_code == 200 and len(r.json()) == 2
    assert Assignment.objects.get(item=world.task).deadline == dt.date(2021, 9, 30)
    body = {"items": [world.target.pk], "lead": world.futian_edu.pk}  # another district's department
    r = client.post("/api/assignments", body, content_type="application/json", **sup)
    assert r.status_code == 400
    assert Assignment.objects.get(item=world.target).lead == world.edu


def test_upload_text_and_bad_files(client, world):
    sup = bearer(world.users["supervisor"])
    text = "罗湖区2022年政府工作报告\n今年主要预期目标是：地区生产总值增长6%以上，新增学位3000个。\n"
    r = client.post("/api/reports", {"region": world.luohu.pk, "year": 2022, "text": text}, **sup)
    assert r.status_code == 201, r.content
    report = Report.objects.get(pk=r.json()["id"])
    assert report.original == text and report.year == 2022
    before = (Report.objects.count(), History.objects.count())
    bad = [
        {"region": world.luohu.pk, "file": _file("x.exe", b"MZ\x90\x00")},
        {"region": world.luohu.pk, "file": _file("broken.pdf", b"%PDF-1.4 garbage")},
        {"region": world.luohu.pk, "file": _file("empty.txt", b"   ")},
        {"region": world.luohu.pk},
        {"region": 99999, "text": text},
        {"region": world.luohu.pk, "text": text, "year": 99},
    ]
    for body in bad:
        r = client.post("/api/reports", body, **sup)
        assert r.status_code == 400, (body, r.content)
        assert "\n" not in r.json()["detail"]
    assert (Report.objects.count(), History.objects.count()) == before
    r = client.post("/api/reports", {"region": world.luohu.pk, "text": text}, **bearer(world.users["reporter"]))
    assert r.status_code == 403


def _file(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_export_and_import(client, world):
    sup = bearer(world.users["supervisor"])
    r = client.get(f"/api/reports/{world.report.pk}/export", {"format": "xlsx"}, **sup)
    assert r.status_code == 200 and "attachment" in r["Content-Disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb.active
    ws["C3"] = "教育局"
    out = io.BytesIO()
    wb.save(out)
    r = client.post(f"/api/reports/{world.report.pk}/import", {"file": _file("t.xlsx", out.getvalue())}, **sup)
    assert r.status_code == 200 and r.json()["assigned"] == 1, r.content
    r = client.post(f"/api/reports/{world.report.pk}/import", {"file": _file("t.xlsx", b"junk")}, **sup)
    assert r.status_code == 400 and r.json()["detail"].startswith("t.xlsx")
    for fmt in ("csv", "json"):
        assert client.get(f"/api/reports/{world.report.pk}/export", {"format": fmt}, **sup).status_code == 200
    url = f"/api/reports/{world.report.pk}/export"
    assert client.get(url).status_code == 401  # the table is for the people who may change the report
    assert client.get(url, **bearer(world.users["reporter"])).status_code == 403
    Report.objects.filter(pk=world.report.pk).update(published=True)
    assert client.get(url).status_code == 401  # published or not: it carries unapproved progress


def test_public_item_hides_unreviewed_updates(client, world):
    sup, rep = world.users["supervisor"], world.users["reporter"]
    from duban.web import actions

    actions.do_assign(sup, [world.target], world.edu)
    actions.do_submit_update(rep, world.target, note="草稿", draft=True)
    actions.do_submit_update(rep, world.target, note="已提交")
    Report.objects.filter(pk=world.report.pk).update(published=True)
    public = client.get(f"/api/items/{world.target.pk}").json()
    assert public["updates"] == []
    mine = client.get(f"/api/items/{world.target.pk}", **bearer(rep)).json()
    assert sorted(u["note"] for u in mine["updates"]) == ["已提交", "草稿"]
    theirs = client.get(f"/api/items/{world.target.pk}", **bearer(sup)).json()
    assert [u["note"] for u in theirs["updates"]] == ["已提交"]
    assert ProgressUpdate.objects.count() == 2


def test_nul_characters_refused(client, world):
    """PostgreSQL cannot store NUL: the API says so instead of failing inside the database."""
    sup = bearer(world.users["supervisor"])
    r = client.patch(f"/api/items/{world.target.pk}", {"version": 1, "indicator": "新增\x00学位"},
                     content_type="application/json", **sup)
    assert r.status_code == 422
    r = client.post("/api/reports", {"region": world.luohu.pk, "year": 2022, "text": "报告\x00"}, **sup)
    assert r.status_code == 400
    assert Item.objects.get(pk=world.target.pk).indicator == "新增学位"


def test_links_and_verdicts(client, world):
    from duban.web.models import Link

    sup = bearer(world.users["supervisor"])
    text = "罗湖区2022年政府工作报告\n2021年新增学位4500个。\n"
    later = Report.objects.create(region=world.luohu, year=2022, title="2022", original=text, text=text, checksum="y")
    start = text.index("新增学位4500个")
    actual = Item.objects.create(report=later, kind="actual", indicator="新增学位", quote="新增学位4500个",
                                 span_start=start, span_end=start + 9, cmp="=", low=4500, unit="个", period="2021")
    link = Link.objects.create(target=world.target, actual=actual, score=3, reason="同一地区")
    listed = client.get("/api/links", {"state": "proposed"}, **sup).json()
    assert [x["id"] for x in listed["items"]] == [link.pk]
    assert client.get("/api/links").json()["count"] == 0  # the public sees no unpublished links
    other = bearer(world.users["other_supervisor"])
    assert client.post(f"/api/links/{link.pk}/decide", {"confirm": True}, content_type="application/json",
                       **other).status_code == 404
    r = client.post(f"/api/links/{link.pk}/decide", {"confirm": True}, content_type="application/json", **sup)
    assert r.status_code == 200 and r.json()["state"] == "confirmed"
    r = client.put(f"/api/items/{world.target.pk}/verdict", {"verdict": "met", "reason": "人工核定"},
                   content_type="application/json", **sup)
    assert r.status_code == 200 and r.json() == {"verdict": "met", "reason": "人工核定", "computed": False,
                                                 "actual_id": None}
    r = client.put(f"/api/items/{world.task.pk}/verdict", {"verdict": "met"}, content_type="application/json",
                   **sup)
    assert r.status_code == 400  # verdicts are for targets


def test_docs_served_locally(client, db):
    r = client.get("/api/docs")
    assert r.status_code == 200
    assert b"cdn." not in r.content and b"swagger-ui" in r.content
    schema = client.get("/api/openapi.json").json()
    assert "bearer" in str(schema["components"]["securitySchemes"]).lower()


def test_reporters_list_each_of_their_items_once(client, world):
    """The item list of a reporter: the items their department leads or co-handles, each once (an item
    with several co-units must not come back once per co-unit), and nothing else of an internal report."""
    a = Assignment.objects.create(item=world.target, lead=world.edu)
    a.co_units.set([world.health, world.futian_edu])
    Assignment.objects.create(item=world.task, lead=world.health)
    edu = client.get("/api/items", **bearer(world.users["reporter"])).json()
    assert [i["id"] for i in edu["items"]] == [world.target.pk] and edu["count"] == 1
    health = client.get("/api/items", **bearer(world.users["other_reporter"])).json()
    assert [i["id"] for i in health["items"]] == [world.target.pk, world.task.pk] and health["count"] == 2
    mine = client.get("/api/items", {"department": world.health.pk}, **bearer(world.users["other_reporter"]))
    assert mine.json()["count"] == 2
    listed = client.get("/api/assignments", **bearer(world.users["reporter"])).json()
    assert [x["item_id"] for x in listed["items"]] == [world.target.pk]
