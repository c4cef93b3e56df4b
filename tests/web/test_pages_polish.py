"""Page additions for newcomers: due soon / overdue lists, deadline suggestions, API tokens, demo hints."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from duban.web import actions


def client_for(world, name: str) -> Client:
    c = Client()
    c.force_login(world.users[name])
    return c


def test_inbox_and_dashboard_show_items_due_soon_and_overdue(world):
    today = timezone.localdate()
    sup = world.users["supervisor"]
    actions.do_assign(sup, [world.target], world.edu, deadline=today - dt.timedelta(days=5))
    actions.do_assign(sup, [world.task], world.edu, [world.health], deadline=today + dt.timedelta(days=3))
    actions.do_assign(sup, [world.actual], world.health, deadline=today + dt.timedelta(days=60))
    inbox = client_for(world, "reporter").get(reverse("inbox")).content.decode()
    due = inbox[inbox.index('id="due"'):inbox.index("</section>", inbox.index('id="due"'))]
    assert "新增学位" in due and "已逾期 5 天" in due
    assert "推进罗湖北站规划建设" in due and "还剩 3 天" in due
    assert "固定资产投资" not in due  # due in 60 days: not yet
    # the health bureau's reporter sees the task it shares, not the education bureau's target
    other = client_for(world, "other_reporter").get(reverse("inbox")).content.decode()
    other_due = other[other.index('id="due"'):]
    assert "推进罗湖北站规划建设" in other_due and "新增学位" not in other_due
    board = client_for(world, "supervisor").get(reverse("dashboard", args=[world.report.pk])).content.decode()
    assert 'id="due"' in board and "已逾期 5 天" in board
    # English as well
    c = client_for(world, "reporter")
    c.cookies["django_language"] = "en"
    assert "overdue by 5 days" in c.get(reverse("inbox")).content.decode()


def test_public_dashboard_has_no_due_list(world, client):
    actions.do_assign(world.users["supervisor"], [world.target], world.edu,
                      deadline=timezone.localdate() - dt.timedelta(days=5))
    actions.do_publish_report(world.users["supervisor"], world.report)
    html = client.get(reverse("public_dashboard", args=[world.report.pk])).content.decode()
    assert 'id="due"' not in html


def test_assign_page_suggests_each_items_deadline_from_its_text(world, add_item):
    from duban.web.models import Assignment, Report

    text = "罗湖区2021年政府工作报告\n三季度前建成新华医院。推进罗湖北站规划建设。\n"
    report = Report.objects.create(region=world.luohu, year=2021, title="t", original=text, text=text, checksum="d")
    hospital = add_item(report, "task", "三季度前建成新华医院", "建成新华医院")
    station = add_item(report, "task", "推进罗湖北站规划建设", "推进罗湖北站规划建设")
    c = client_for(world, "supervisor")
    page = c.get(reverse("assign", args=[report.pk])).content.decode()
    assert 'data-set-deadline="三季度前"' in page and "2021-09-30" in page
    assert page.count("data-set-deadline=") == 1  # the station's text states no deadline
    # bulk assign with no deadline typed: each item takes the one its text states (the supervisor may type one)
    r = c.post(reverse("assign", args=[report.pk]), {"items": [hospital.pk, station.pk], "lead": world.health.pk,
                                                    "deadline_from_text": "on"})
    assert r.status_code == 302
    a = Assignment.objects.get(item=hospital)
    assert (a.deadline_phrase, a.deadline) == ("三季度前", dt.date(2021, 9, 30))
    assert Assignment.objects.get(item=station).deadline is None
    # a phrase typed for the batch wins over the text's
    c.post(reverse("assign", args=[report.pk]), {"items": [hospital.pk], "lead": world.health.pk,
                                                "deadline_phrase": "年底前", "deadline_from_text": "on"})
    a.refresh_from_db()
    assert (a.deadline_phrase, a.deadline) == ("年底前", dt.date(2021, 12, 31))


def test_a_user_creates_sees_once_and_revokes_their_own_api_token(world, client):
    import re

    from duban.web.apitokens import issue_token, user_for_token
    from duban.web.apitokens.models import Token

    assert client.get(reverse("tokens")).status_code == 302  # login first
    c = client_for(world, "reporter")
    r = c.post(reverse("tokens"), {"name": "导出脚本"})
    assert r.status_code == 200 and r["Cache-Control"] == "no-store"
    key = re.search(r'id="new-token">([^<]+)<', r.content.decode()).group(1)
    assert user_for_token(key) == world.users["reporter"]
    page = c.get(reverse("tokens")).content.decode()
    assert key not in page and "导出脚本" in page and key[:8] in page  # listed by name and its start only
    # someone else's token cannot be revoked from here
    theirs = issue_token(world.users["supervisor"], "theirs")
    other = Token.objects.get(user=world.users["supervisor"])
    c.post(reverse("tokens"), {"revoke": other.pk})
    assert user_for_token(theirs) == world.users["supervisor"]
    mine = Token.objects.get(user=world.users["reporter"])
    assert c.post(reverse("tokens"), {"revoke": mine.pk}).status_code == 302
    assert user_for_token(key) is None
    assert list(world.users["reporter"].api_tokens.all()) == []


def test_dashboard_and_item_page_explain_the_verdicts_they_show(world):
    from duban.web import tracking

    actions.do_assign(world.users["supervisor"], [world.target], world.edu, deadline=dt.date(2021, 12, 31))
    tracking.refresh_report(world.report, today=dt.date(2024, 1, 1))
    world.report.refresh_from_db()
    c = client_for(world, "supervisor")
    board = c.get(reverse("dashboard", args=[world.report.pk])).content.decode()
    legend = board[board.index('id="legend"'):board.index("</section>", board.index('id="legend"'))]
    assert "无法核验" in legend and "关联确认后" in legend and "红灯" in legend
    assert "已完成" not in legend  # only the states this dashboard shows
    assert "演示报告" not in board  # the demo note is for the demo only
    page = c.get(reverse("item", args=[world.target.pk])).content.decode()
    assert 'class="muted verdict-help"' in page and "关联确认后" in page
