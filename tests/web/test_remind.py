"""`duban remind`: who is told about what, finished work left alone, the CLI's summary."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from duban.cli import main
from duban.web import actions
from duban.web.models import Item, Membership, Verdict
from duban.web.reminders import due_items, send_reminders


def add_item(report, kind: str, quote: str, indicator: str, **values) -> Item:
    start = report.original.index(quote)
    return Item.objects.create(report=report, kind=kind, indicator=indicator, quote=quote,
                               span_start=start, span_end=start + len(quote), **values)


pytestmark = pytest.mark.django_db

TODAY = dt.date(2021, 12, 20)


@pytest.fixture
def due(world):
    """target due in 5 days (edu + health), task overdue (health), actual-free far item (edu, in 60 days)."""
    sup = world.users["supervisor"]
    world.users["reporter"].email = "edu@example.org"
    world.users["reporter"].save()
    world.users["other_reporter"].email = "health@example.org"
    world.users["other_reporter"].save()
    actions.do_assign(sup, [world.target], world.edu, [world.health], deadline=TODAY + dt.timedelta(days=5))
    actions.do_assign(sup, [world.task], world.health, deadline=TODAY - dt.timedelta(days=3))
    far = add_item(world.report, "task", "推进罗湖北站规划建设", "远期任务", order=9)
    actions.do_assign(sup, [far], world.edu, deadline=TODAY + dt.timedelta(days=60))
    return world


def test_due_list(due):
    found = due_items(7, today=TODAY)
    assert [(r.item.pk, r.days_left) for r in found] == [(due.task.pk, -3), (due.target.pk, 5)]
    assert found[0].overdue and found[0].departments == ["卫生健康局"]
    assert {u.username for u in found[1].recipients} == {"reporter", "other_reporter"}
    assert "已逾期 3 天" in found[0].line() and "还剩 5 天" in found[1].line("https://d.example")
    assert len(due_items(0, today=TODAY)) == 1
    assert len(due_items(100, today=TODAY)) == 3


def test_one_mail_per_owner(due):
    counts = send_reminders(7, today=TODAY, base_url="https://d.example")
    assert counts == {"items": 2, "emails": 2, "no_email": 0, "unowned": 0}
    by_to = {m.to[0]: m for m in mail.outbox}
    assert set(by_to) == {"edu@example.org", "health@example.org"}
    health = by_to["health@example.org"]
    assert "2 项" in health.subject and "1 项已逾期" in health.subject
    assert "新增学位" in health.body and "推进罗湖北站规划建设" in health.body
    assert f"https://d.example/items/{due.task.pk}/" in health.body
    assert "推进罗湖北站" not in by_to["edu@example.org"].body


def test_finished_and_rejected_not_reminded(due):
    sup, rep = due.users["supervisor"], due.users["other_reporter"]
    upd = actions.do_submit_update(rep, due.task, percent=100, note="已完成")
    actions.do_approve_update(sup, upd)
    Verdict.objects.update_or_create(target=due.target, defaults={"verdict": "met", "reason": "x"})
    assert due_items(7, today=TODAY) == []
    Verdict.objects.filter(target=due.target).update(verdict="partly")
    Item.objects.filter(pk=due.target.pk).update(status="rejected")
    assert due_items(7, today=TODAY) == []


def test_owner_without_email_and_item_without_owner(due):
    due.users["reporter"].email = ""
    due.users["reporter"].save()
    Membership.objects.filter(user=due.users["other_reporter"]).delete()
    counts = send_reminders(7, today=TODAY)
    assert counts == {"items": 2, "emails": 0, "no_email": 1, "unowned": 1}
    assert mail.outbox == []


def test_pages_see_their_own_list(due):
    assert [r.item.pk for r in due_items(7, today=TODAY, user=due.users["reporter"])] == [due.target.pk]
    assert len(due_items(7, today=TODAY, user=due.users["supervisor"])) == 2
    assert due_items(7, today=TODAY, user=due.users["other_supervisor"]) == []
    assert due_items(7, today=TODAY, user=due.users["anonymous"]) == []


def test_cli(due, capsys):
    assert main(["remind", "--days", "7", "--today", TODAY.isoformat(), "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "would send 2 emails" in captured.err and "to edu@example.org" in captured.out
    assert mail.outbox == []
    assert main(["remind", "--days", "7", "--today", TODAY.isoformat()]) == 0
    assert len(mail.outbox) == 2
    assert main(["remind", "--days", "-1"]) == 2
