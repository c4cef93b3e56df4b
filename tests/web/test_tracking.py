"""duban.web.tracking: verdicts and lights stored from duban.track, refreshed in bulk and by the calendar."""

from __future__ import annotations

import datetime as dt

from duban.web import actions, tracking
from duban.web.models import History, Item, Link, Report, Verdict


def test_light_turns_red_when_the_deadline_passes(world):
    actions.do_assign(world.users["supervisor"], [world.task], world.edu, deadline=dt.date(2021, 12, 31))
    tracking.refresh_report(world.report, today=dt.date(2021, 3, 1))
    world.task.refresh_from_db()
    assert world.task.light == "green"
    tracking.refresh_report(world.report, today=dt.date(2022, 1, 5))
    world.task.refresh_from_db()
    assert world.task.light == "red" and "2021-12-31" in world.task.light_reason
    world.report.refresh_from_db()
    assert world.report.lights_date == dt.date(2022, 1, 5)


def test_refresh_stale_only_touches_reports_not_refreshed_today(world):
    today = dt.date(2021, 6, 1)
    Report.objects.update(lights_date=None)
    assert tracking.refresh_stale(today) >= 0
    assert set(Report.objects.values_list("lights_date", flat=True)) == {today}
    tracking.refresh_stale(today)  # nothing to do the second time
    assert Report.objects.filter(lights_date=today).count() == 1


def test_a_persons_verdict_is_never_replaced(world):
    sup = world.users["supervisor"]
    actions.do_set_verdict(sup, world.target, "partly", "统计口径不同")
    actions.do_assign(sup, [world.target], world.edu)
    upd = actions.do_submit_update(world.users["reporter"], world.target, value=4290, percent=100)
    actions.do_approve_update(sup, upd)
    v = Verdict.objects.get(target=world.target)
    assert (v.verdict, v.computed, v.reason) == ("partly", False, "统计口径不同")


def test_a_confirmed_link_decides_the_verdict(world):
    later = Report.objects.create(region=world.luohu, year=2022, title="2022", original="2021年新增学位4000个",
                                  text="", checksum="z")
    actual = Item.objects.create(report=later, kind="actual", indicator="新增学位", quote="新增学位4000个",
                                 cmp="=", low=4000, unit="个", period="2021")
    link = Link.objects.create(target=world.target, actual=actual)
    actions.do_decide_link(world.users["supervisor"], link, confirm=True)
    v = Verdict.objects.get(target=world.target)
    assert v.actual_id == actual.pk and v.verdict in ("partly", "missed") and v.computed
    assert History.objects.filter(item=world.target, action="verdict_computed").exists()


def test_bulk_refresh_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    items = [Item(report=world.report, kind="target", indicator=f"指标{n}", cmp=">=", low=n, unit="个",
                  period="2021") for n in range(60)]
    Item.objects.bulk_create(items)
    actions.do_assign(world.users["supervisor"], list(world.report.items.all()), world.edu,
                      deadline=dt.date(2021, 12, 31))
    Verdict.objects.all().delete()
    qs = list(world.report.items.all())
    with django_assert_max_num_queries(14):  # new verdicts, lights and history for 60+ items
        tracking.refresh_items(qs, today=dt.date(2021, 2, 1))
    assert Verdict.objects.filter(verdict="not_yet").count() == 61
    assert History.objects.filter(action="verdict_computed", object_id__isnull=False).count() >= 61
    with django_assert_max_num_queries(14):  # every verdict and light changes with the date
        tracking.refresh_items(qs, today=dt.date(2022, 2, 1))
    assert set(world.report.items.values_list("light", flat=True)) == {"red"}
    assert Verdict.objects.filter(verdict="uncheckable").count() == 61
