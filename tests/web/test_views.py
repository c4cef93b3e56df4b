"""Pages through the Django test client: access, escaping, upload errors, CSRF, conflicts, the whole flow."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from duban.web import actions
from duban.web.models import Assignment, History, Item, ProgressUpdate, Report


def client_for(world, name: str) -> Client:
    c = Client()
    c.force_login(world.users[name])
    return c


def test_public_pages_need_no_login_and_show_no_edit_controls(world, client):
    actions.do_publish_report(world.users["supervisor"], world.report)
    for url in (reverse("public_index"), reverse("public_report", args=[world.report.pk]),
                reverse("public_dashboard", args=[world.report.pk]), reverse("public_item", args=[world.target.pk]),
                reverse("public_compare") + "?indicator=学位"):
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.content.decode()
        for control in ("/confirm/", "/reject/", "/edit/", "/assign/", "/review/", "/publish/", "/updates/",
                        'name="version"'):
            assert control not in html, (url, control)
    html = client.get(reverse("public_report", args=[world.report.pk])).content.decode()
    assert "新增学位4290个" in html and "/public/items/" in html


def test_unpublished_reports_are_hidden_from_the_public(world, client):
    assert client.get(reverse("public_report", args=[world.report.pk])).status_code == 404
    assert client.get(reverse("public_item", args=[world.target.pk])).status_code == 404
    assert client.get(reverse("report", args=[world.report.pk])).status_code == 404
    assert world.report.title not in client.get(reverse("public_index")).content.decode()
    # a logged-in user without a role is the public too; a supervisor elsewhere as well
    for name in ("nobody", "other_supervisor", "other_reporter"):
        assert client_for(world, name).get(reverse("report", args=[world.report.pk])).status_code == 404


def test_internal_pages_need_login_and_a_role(world, client):
    r = client.get(reverse("upload"))
    assert r.status_code == 302 and reverse("login") in r["Location"]
    assert client_for(world, "reporter").get(reverse("upload")).status_code == 403
    assert client_for(world, "reporter").get(reverse("review", args=[world.report.pk])).status_code == 404
    assert client_for(world, "supervisor").get(reverse("review", args=[world.report.pk])).status_code == 200


def test_report_text_with_html_is_shown_as_text(world, add_item):
    evil = ('<script>alert("x")</script>罗湖区<img src=x onerror=alert(1)>新增学位<b>4290</b>个。'
            '"><svg onload=alert(2)>')
    report = Report.objects.create(region=world.luohu, year=2021, title="<i>t</i>", original=evil, text=evil,
                                   checksum="e", published=True)
    add_item(report, "target", "新增学位<b>4290</b>个", "学位<script>", cmp="=", low=4290, unit="个")
    add_item(report, "task", '<script>alert("x")</script>', "<script>")
    for c, url in ((Client(), reverse("public_report", args=[report.pk])),
                   (client_for(world, "supervisor"), reverse("review", args=[report.pk])),
                   (client_for(world, "supervisor"), reverse("dashboard", args=[report.pk]))):
        html = c.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg" not in html, url
        assert "<b>4290</b>" not in html and "<i>t</i>" not in html
    html = Client().get(reverse("public_report", args=[report.pk])).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_highlights_follow_spans_exactly(world):
    from duban.web.views import highlight_segments

    items = list(world.report.items.all())
    segs = highlight_segments(world.report.original, items)
    assert "".join(s["text"] for s in segs) == world.report.original
    assert {s["text"] for s in segs if s["item"]} == {i.quote for i in items}
    overlapping = Item(kind="task", indicator="x", span_start=items[0].span_start + 1, span_end=items[0].span_end)
    segs = highlight_segments(world.report.original, [*items, overlapping])
    assert "".join(s["text"] for s in segs) == world.report.original


@pytest.mark.parametrize("upload,error", [
    (SimpleUploadedFile("report.exe", b"MZ\x90\x00"), "不支持的文件类型"),
    (SimpleUploadedFile("broken.pdf", b"%PDF-1.4 not really a pdf"), "broken.pdf"),
    (SimpleUploadedFile("big.txt", "新增学位".encode() * 400), "文件过大"),
    (SimpleUploadedFile("gbk-less.txt", b""), ""),
])
def test_bad_uploads_show_a_form_error_and_store_nothing(world, settings, upload, error):
    settings.DUBAN_MAX_UPLOAD_BYTES = 1000
    c = client_for(world, "supervisor")
    before = (Report.objects.count(), Item.objects.count(), History.objects.count())
    r = c.post(reverse("upload"), {"region": world.luohu.pk, "year": 2021, "kind": "work_report", "file": upload})
    assert r.status_code == 400
    assert 'class="errorlist' in r.content.decode()
    assert error in r.content.decode()
    assert (Report.objects.count(), Item.objects.count(), History.objects.count()) == before


def test_upload_pasted_text_then_review_shows_the_items(world):
    c = client_for(world, "supervisor")
    text = "罗湖区2021年政府工作报告\n今年主要预期目标是：地区生产总值增长5.5-6%，新增学位4290个。"
    r = c.post(reverse("upload"), {"region": world.luohu.pk, "year": "", "kind": "work_report", "text": text})
    assert r.status_code == 302
    report = Report.objects.latest("pk")
    assert r["Location"] == reverse("review", args=[report.pk])
    assert report.original == text and report.year == 2021 and report.created_by == world.users["supervisor"]
    page = c.get(r["Location"]).content.decode()
    for item in report.items.all():
        assert item.indicator in page
        assert report.original[item.span_start:item.span_end] == item.quote


def test_csrf_is_enforced(world):
    c = Client(enforce_csrf_checks=True)
    c.force_login(world.users["supervisor"])
    r = c.post(reverse("item_confirm", args=[world.target.pk]), {"version": 1})
    assert r.status_code == 403
    world.target.refresh_from_db()
    assert world.target.status == "extracted"


def test_two_editors_the_second_is_told_and_nothing_is_lost(world):
    a, b = client_for(world, "supervisor"), client_for(world, "city_supervisor")
    url = reverse("item_edit", args=[world.target.pk])
    assert 'name="version" value="1"' in a.get(url).content.decode()
    assert 'name="version" value="1"' in b.get(url).content.decode()
    form = {"kind": "target", "indicator": "新增学位", "cmp": "=", "unit": "个", "period": "2021", "version": 1}
    assert a.post(url, {**form, "low": 4300}).status_code == 302
    r = b.post(url, {**form, "low": 5000})
    assert r.status_code == 409
    assert "该事项已被supervisor修改" in r.content.decode()
    world.target.refresh_from_db()
    assert world.target.low == 4300 and world.target.version == 2
    # htmx: the row comes back with the message
    r = b.post(reverse("item_confirm", args=[world.target.pk]), {"version": 1}, HTTP_HX_REQUEST="true")
    assert r.status_code == 409 and f'id="row-{world.target.pk}"' in r.content.decode()


def test_htmx_confirm_and_reject_return_the_row(world):
    c = client_for(world, "supervisor")
    r = c.post(reverse("item_confirm", args=[world.target.pk]), {"version": 1}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    html = r.content.decode()
    assert html.lstrip().startswith("<tr") and "已确认" in html
    r = c.post(reverse("item_reject", args=[world.task.pk]), {"version": 1})
    assert r.status_code == 302
    world.task.refresh_from_db()
    assert world.task.status == "rejected" and world.task.human


def test_add_item_and_rerun_from_the_review_page(world):
    c = client_for(world, "supervisor")
    r = c.post(reverse("item_add", args=[world.report.pk]), {
        "add-kind": "target", "add-indicator": "地区生产总值增长", "add-cmp": "range", "add-low": 5.5,
        "add-high": 6, "add-unit": "%", "add-quote": "地区生产总值增长5.5-6%"})
    assert r.status_code == 302
    added = Item.objects.get(status="added")
    assert added.quote == "地区生产总值增长5.5-6%"
    assert c.post(reverse("report_rerun", args=[world.report.pk])).status_code == 302
    assert Item.objects.filter(pk=added.pk, status="added").exists()


def test_whole_flow_assign_report_approve_and_the_light_and_verdict(world):
    sup, rep = client_for(world, "supervisor"), client_for(world, "reporter")
    page = sup.get(reverse("assign", args=[world.report.pk])).content.decode()
    assert "教育局" in page  # suggested lead for 学位
    r = sup.post(reverse("assign", args=[world.report.pk]), {
        "items": [world.target.pk, world.task.pk], "lead": world.edu.pk, "co_units": [world.health.pk],
        "deadline_phrase": "年底前"})
    assert r.status_code == 302
    a = Assignment.objects.get(item=world.target)
    assert a.deadline is not None and a.deadline.isoformat() == "2021-12-31"
    inbox = rep.get(reverse("inbox")).content.decode()
    assert "新增学位" in inbox and "推进罗湖北站规划建设" in inbox
    # health is a co-unit (责任单位): its reporters see the item too; a user without a department does not
    assert "新增学位" in client_for(world, "other_reporter").get(reverse("inbox")).content.decode()
    assert "新增学位" not in client_for(world, "nobody").get(reverse("inbox")).content.decode()
    r = rep.post(reverse("item_update", args=[world.target.pk]),
                 {"value": 4290, "percent": 100, "note": "全部建成", "evidence_url": "https://example.org/x"})
    assert r.status_code == 302
    upd = ProgressUpdate.objects.get(item=world.target)
    assert upd.state == "submitted"
    assert "新增学位" in sup.get(reverse("inbox")).content.decode()
    assert rep.post(reverse("update_approve", args=[upd.pk])).status_code == 403  # not the reporter's to approve
    assert sup.post(reverse("update_approve", args=[upd.pk]), {"note": "同意"}).status_code == 302
    upd.refresh_from_db()
    assert upd.state == "approved"
    world.target.refresh_from_db()
    assert world.target.verdict.verdict == "met"
    assert world.target.light == "green"
    page = sup.get(reverse("item", args=[world.target.pk])).content.decode()
    for text in ("已完成", "approve_update", "submit_update", "item-chart-data"):
        assert text in page


def test_reporter_sees_only_its_items(world):
    actions.do_assign(world.users["supervisor"], [world.target], world.edu)
    rep, other = client_for(world, "reporter"), client_for(world, "other_reporter")
    assert rep.get(reverse("item", args=[world.target.pk])).status_code == 200
    assert rep.get(reverse("item", args=[world.task.pk])).status_code == 404
    assert other.get(reverse("item", args=[world.target.pk])).status_code == 404
    page = rep.get(reverse("report", args=[world.report.pk])).content.decode()
    assert "新增学位" in page and "推进罗湖北站规划建设" not in page.split("<aside")[1]
    r = other.post(reverse("item_update", args=[world.target.pk]), {"percent": 10})
    assert r.status_code == 404 and not ProgressUpdate.objects.exists()


def test_dashboard_and_compare_render_with_chart_data(world):
    c = client_for(world, "supervisor")
    world.target.canonical = "new_school_places"
    world.target.save()
    html = c.get(reverse("dashboard", args=[world.report.pk])).content.decode()
    assert 'id="dashboard-data"' in html and "（未分部分）" in html
    other = Report.objects.create(region=world.futian, year=2022, title="福田区2022", original="新增学位5000个",
                                  text="", checksum="f", published=True)
    Item.objects.create(report=other, kind="target", indicator="新增学位", canonical="new_school_places",
                        cmp="=", low=5000, unit="个", period="2022", quote="新增学位5000个")
    r = c.get(reverse("compare") + "?canonical=new_school_places")
    html = r.content.decode()
    assert 'id="compare-data"' in html and "4290" in html and "5000" in html
    assert "新增学位 (new_school_places)" in html
    chart = r.context["chart"]
    assert chart["periods"] == ["2021", "2022"]
    assert {s["name"]: s["data"] for s in chart["series"]} == {"罗湖区·目标": [4290, None],
                                                               "福田区·目标": [None, 5000]}
    # the public compare page sees published reports only
    html = Client().get(reverse("public_compare") + "?canonical=new_school_places").content.decode()
    assert "5000" in html and "4290" not in html


def test_english_is_available(world):
    from duban.web.assets import compile_messages

    compile_messages()
    c = Client()
    r = c.get(reverse("set_language", args=["en"]) + "?next=/public/")
    assert r.status_code == 302 and r["Location"] == "/public/"
    html = c.get(reverse("public_index")).content.decode()
    assert "Published reports" in html and "公开报告" not in html.split("<main>")[1]


def test_chinese_is_the_default_whatever_the_browser_says(world):
    html = Client().get(reverse("public_index"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "公开报告" in html and 'lang="zh-hans"' in html


def test_language_link_never_redirects_off_site(world):
    r = Client().get(reverse("set_language", args=["en"]) + "?next=https://evil.example/")
    assert r["Location"] == "/"


def test_public_pages_are_cached_until_the_report_changes(world):
    actions.do_publish_report(world.users["supervisor"], world.report)
    url = reverse("public_report", args=[world.report.pk])
    assert "新增学位" in Client().get(url).content.decode()
    Item.objects.filter(pk=world.target.pk).update(indicator="缓存中的旧名字")  # behind the actions' back
    assert "缓存中的旧名字" not in Client().get(url).content.decode()  # served from the cache
    actions.do_edit_item(world.users["supervisor"], Item.objects.get(pk=world.target.pk),
                         {"indicator": "新增公办学位"}, expected_version=1)
    html = Client().get(url).content.decode()
    assert "新增公办学位" in html  # an action writes History: the cached page is dropped
    assert "csrfmiddlewaretoken" not in html  # nothing personal in what is cached


def test_evidence_files_are_downloads_for_the_right_people_only(world):
    actions.do_assign(world.users["supervisor"], [world.target], world.edu)
    rep = client_for(world, "reporter")
    evil = SimpleUploadedFile("proof.html", b"<script>alert(1)</script>", content_type="text/html")
    r = rep.post(reverse("item_update", args=[world.target.pk]), {"percent": 30, "evidence_file": evil})
    assert r.status_code == 302
    upd = ProgressUpdate.objects.get()
    url = reverse("update_evidence", args=[upd.pk])
    r = client_for(world, "supervisor").get(url)
    assert r.status_code == 200 and r["Content-Disposition"].startswith("attachment")
    assert b"".join(r.streaming_content) == b"<script>alert(1)</script>"
    assert client_for(world, "other_supervisor").get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page


def test_uploading_a_stored_document_again_leads_to_the_stored_report(world):
    c = client_for(world, "supervisor")
    text = world.report.original.strip()  # the form strips pasted text
    form = {"region": world.luohu.pk, "year": 2021, "kind": "work_report", "text": text}
    world.report.checksum = hashlib.sha256(text.encode()).hexdigest()
    world.report.save()
    r = c.post(reverse("upload"), form)
    assert r.status_code == 302 and r["Location"] == reverse("report", args=[world.report.pk])
    assert Report.objects.count() == 1


def test_report_lists_are_paged_and_searchable(world, settings, monkeypatch):
    from duban.web import views

    monkeypatch.setattr(views, "REPORTS_PER_PAGE", 2)
    for n in range(4):
        Report.objects.create(region=world.futian, year=2010 + n, title=f"福田区{2010 + n}年报告", original="x",
                              checksum=str(n), published=True)
    html = Client().get(reverse("public_index")).content.decode()
    assert "1 / 2" in html and "福田区2013年报告" in html and "福田区2010年报告" not in html
    html = Client().get(reverse("public_index") + "?page=2").content.decode()
    assert "福田区2010年报告" in html
    html = client_for(world, "supervisor").get(reverse("home") + "?q=罗湖").content.decode()
    assert "罗湖区2021年政府工作报告" in html and "福田区2013年报告" not in html


def test_pasted_text_is_stored_as_pasted_so_the_same_file_is_a_duplicate(world):
    c = client_for(world, "supervisor")
    text = "\n  罗湖区2021年政府工作报告\n今年主要预期目标是：新增学位4290个。\n\n"
    form = {"region": world.luohu.pk, "year": 2021, "kind": "work_report"}
    # a browser sends the textarea's line breaks as CRLF
    assert c.post(reverse("upload"), {**form, "text": text.replace("\n", "\r\n")}).status_code == 302
    report = Report.objects.latest("pk")
    assert report.original == text
    assert report.checksum == hashlib.sha256(text.encode("utf-8")).hexdigest()
    r = c.post(reverse("upload"), {**form, "file": SimpleUploadedFile("r.txt", text.encode("utf-8"))})
    assert r.status_code == 302 and r["Location"] == reverse("report", args=[report.pk])
    assert Report.objects.count() == 2  # the fixture's report and this one: the file was not stored again
