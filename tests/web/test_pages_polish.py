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
