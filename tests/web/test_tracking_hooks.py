"""Link proposals across reports (duban.web.links) and the verdict they lead to once confirmed."""

from __future__ import annotations

import pytest

from duban.web import actions
from duban.web.links import propose_links_for_item, propose_links_for_report
from duban.web.models import Item, Link, Report, Verdict


def add_item(report, kind: str, quote: str, indicator: str, **values) -> Item:
    start = report.original.index(quote)
    return Item.objects.create(report=report, kind=kind, indicator=indicator, quote=quote,
                               span_start=start, span_end=start + len(quote), **values)


pytestmark = pytest.mark.django_db(transaction=True)  # verdicts are refreshed on commit

LATER = "罗湖区2022年政府工作报告\n2021年新增学位4100个。\n"


def _later(region, year=2022) -> Report:
    return Report.objects.create(region=region, year=year, title=str(year), original=LATER, text=LATER,
                                 checksum="y")


def test_later_actual_is_proposed_then_confirmed(world):
    later = _later(world.luohu)
    actual = add_item(later, "actual", "新增学位4100个", "新增学位", cmp="=", low=4100, unit="个", period="2021")
    add_item(_later(world.futian), "actual", "新增学位4100个", "新增学位", cmp="=", low=4100, unit="个",
             period="2021")
    assert propose_links_for_report(later) == 1
    [link] = Link.objects.all()  # the other district's figure is not linked
    assert (link.target_id, link.actual_id, link.state) == (world.target.pk, actual.pk, "proposed")
    assert "同一地区" in link.reason
    assert propose_links_for_item(actual) == 0  # idempotent
    actions.do_decide_link(world.users["supervisor"], link, confirm=True)
    v = Verdict.objects.get(target=world.target)
    assert (v.verdict, v.actual_id) == ("partly", actual.pk)


def test_target_finds_existing_actual_and_decided_links_stay(world):
    actual = add_item(_later(world.luohu), "actual", "新增学位4100个", "新增学位", cmp="=", low=4100, unit="个",
                      period="2021")
    assert propose_links_for_item(world.target) == 1
    link = Link.objects.get()
    actions.do_decide_link(world.users["supervisor"], link, confirm=False)
    assert propose_links_for_item(world.target) == 0
    assert Link.objects.get().state == "rejected"
    assert propose_links_for_item(actual) == 0


@pytest.mark.parametrize("period", ["2020", "2021H1", ""])
def test_other_periods_not_linked(world, period):
    actual = add_item(_later(world.luohu), "actual", "新增学位4100个", "新增学位", cmp="=", low=4100, unit="个",
                      period=period)
    assert propose_links_for_item(actual) == 0


def test_tasks_not_linked(world):
    assert propose_links_for_item(world.task) == 0
