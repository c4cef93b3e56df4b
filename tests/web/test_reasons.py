"""Verdict and light reasons from duban.track read in the UI language (English pages read English)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from django.test import Client
from django.utils import translation

from duban.track import attainment, lights, messages
from duban.web import actions, reasons
from duban.web.models import Item, Verdict

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_track_message_has_a_translatable_template_with_the_same_chinese():
    assert set(reasons.TEMPLATES) == set(messages.MESSAGES)
    with translation.override("zh-hans"):
        for key, chinese in messages.MESSAGES.items():
            assert str(reasons.TEMPLATES[key]) == chinese, key


def test_every_template_has_english_with_the_same_placeholders():
    with translation.override("en"):
        for key, chinese in messages.MESSAGES.items():
            english = str(reasons.TEMPLATES[key])
            assert not CJK.search(english), (key, english)
            assert sorted(re.findall(r"%\((\w+)\)s", english)) == sorted(re.findall(r"%\((\w+)\)s", chinese)), key


TARGET = {"kind": "target", "cmp": ">=", "low": 5, "unit": "%", "indicator": "增长"}
VERDICTS = [
    attainment.judge(TARGET, {"cmp": "=", "low": 6, "unit": "%"}),
    attainment.judge(TARGET, {"cmp": "=", "low": 4.8, "unit": "%"}),
    attainment.judge(TARGET, {"cmp": "=", "low": 1, "unit": "%"}),
    attainment.judge(TARGET, {"cmp": "=", "low": 1, "unit": "亿元"}),
    attainment.judge(TARGET, {"cmp": "=", "low": 1, "unit": ""}),
    attainment.judge({**TARGET, "cmp": "~"}, {"cmp": "=", "low": 7, "unit": "%"}),
    attainment.judge({**TARGET, "cmp": "~", "unit": "亿元"}, {"cmp": "=", "low": 4.9, "unit": "亿元"}),
    attainment.judge(TARGET, None, due=dt.date(2021, 12, 31), today=dt.date(2021, 6, 1)),
    attainment.judge(TARGET, None, due=dt.date(2021, 12, 31), today=dt.date(2022, 6, 1)),
    attainment.judge({"kind": "task"}),
]
DUE = dt.date(2021, 12, 31)
LIGHTS = [lights.light(today=today, due=DUE, **kw) for today, kw in [
    (dt.date(2021, 3, 1), {}), (dt.date(2021, 8, 1), {}), (dt.date(2021, 8, 1), {"progress": 20}),
    (dt.date(2021, 12, 31), {"progress": 90}), (dt.date(2021, 12, 30), {"progress": 90}),
    (dt.date(2021, 12, 10), {"progress": 90}), (dt.date(2022, 1, 1), {}), (dt.date(2021, 3, 1), {"done": True}),
    (dt.date(2021, 3, 1), {"verdict": "met"}), (dt.date(2021, 3, 1), {"verdict": "missed"}),
    (dt.date(2021, 3, 1), {"verdict": "partly"}), (dt.date(2021, 3, 1), {"state": "returned"})]]
LIGHTS.append(lights.light(today=DUE))


@pytest.mark.parametrize("said", VERDICTS + LIGHTS, ids=lambda v: v.code)
def test_reasons_render_chinese_as_track_says_and_english_without_chinese(said):
    stored = messages.to_json(said.parts)  # as the database keeps them
    with translation.override("zh-hans"):
        assert reasons.render(stored) == said.reason
    with translation.override("en"):
        english = reasons.render(stored)
    # units are the report's own words (亿元) and stay; everything else is English
    assert english and not CJK.search(english.replace("亿元", "")), english


def test_unreadable_or_missing_parts_fall_back_to_the_stored_text():
    assert reasons.render([], "目标未完成") == "目标未完成"
    assert reasons.render([["no_such_key", {}]], "原文") == "原文"
    assert reasons.render([["light_overdue", {}]], "原文") == "原文"


def test_track_stays_free_of_django():
    code = ("import sys, duban.track.attainment, duban.track.lights, duban.track.messages; "
            "assert not any(m.startswith('django') for m in sys.modules), 'django imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def _client(world, name: str, language: str) -> Client:
    c = Client()
    c.force_login(world.users[name])
    c.cookies["django_language"] = language
    return c


@pytest.mark.django_db
def test_pages_and_api_show_reasons_in_the_ui_language(world):
    actions.do_assign(world.users["supervisor"], [world.target], world.edu, [], deadline=dt.date(2021, 12, 31))
    item = Item.objects.get(pk=world.target.pk)
    verdict = Verdict.objects.get(target=item)
    assert verdict.reason_parts and item.light_parts and item.light == "red"
    assert verdict.reason == "期限 2021-12-31 已过，尚无实际值" and item.light_reason == "已逾期（期限 2021-12-31）"
    for language, said in (("zh-hans", ["期限 2021-12-31 已过，尚无实际值", "已逾期（期限 2021-12-31）"]),
                           ("en", ["The deadline 2021-12-31 has passed and there is no actual value yet",
                                   "Overdue (deadline 2021-12-31)"])):
        c = _client(world, "supervisor", language)
        html = c.get(f"/items/{item.pk}/").content.decode()
        assert all(s in html for s in said), (language, said)
        assert said[1] in c.get(f"/reports/{world.report.pk}/dashboard/").content.decode()
        assert said[1] in c.get(f"/reports/{world.report.pk}/assign/").content.decode()
        assert said[1] in c.get(f"/reports/{world.report.pk}/").content.decode()
        inbox = _client(world, "reporter", language).get("/inbox/").content.decode()
        assert said[1] in inbox
    from duban.web.apitokens import issue_token

    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(world.users['supervisor'], 't')}"}
    en = Client().get(f"/api/items/{item.pk}", HTTP_ACCEPT_LANGUAGE="en", **auth).json()
    zh = Client().get(f"/api/items/{item.pk}", **auth).json()
    assert en["verdict"]["reason"].startswith("The deadline") and zh["verdict"]["reason"].startswith("期限")


@pytest.mark.django_db
def test_a_persons_reason_is_shown_as_written(world):
    actions.do_assign(world.users["supervisor"], [world.target], world.edu, [], deadline=dt.date(2021, 12, 31))
    actions.do_set_verdict(world.users["supervisor"], world.target, "met", "统计局年报确认")
    v = Verdict.objects.get(target=world.target)
    assert not v.computed and v.reason_parts == []
    html = _client(world, "supervisor", "en").get(f"/items/{world.target.pk}/").content.decode()
    assert "统计局年报确认" in html


# --- link proposals ----------------------------------------------------------------------------------

def _link_reasons() -> list[str]:
    """Reasons as duban.web.links stores them, for proposals duban.track.linking makes."""
    from duban.track.linking import propose_links

    def q(kind: str, **kw) -> dict:
        return {"kind": kind, "region": 1, "canonical": "gdp_growth", "indicator": "地区生产总值增长",
                "period": "2021", "cmp": "=", "low": 6.0, "high": None, "unit": "%", **kw}

    pairs = propose_links([q("actual"), q("actual", unit="亿元"), q("actual", canonical=None, period="2025")],
                          [q("target", cmp=">="), q("target", canonical=None, period="2021-2025")])
    assert len(pairs) >= 3
    return ["；".join(p.reasons) for p in pairs]


@pytest.mark.parametrize("stored", _link_reasons())
def test_link_reasons_render_chinese_as_stored_and_english_without_chinese(stored):
    with translation.override("zh-hans"):
        assert reasons.render_link(stored) == stored
    with translation.override("en"):
        english = reasons.render_link(stored)
    assert english and not CJK.search(english), english
    assert re.findall(r"\d{4}(?:-\d{4})?", english) == re.findall(r"\d{4}(?:-\d{4})?", stored)  # periods kept


def test_unknown_link_reason_pieces_are_shown_as_stored():
    with translation.override("en"):
        assert reasons.render_link("同一地区；新的理由") == "Same region; 新的理由"
        assert reasons.render_link("") == ""


def test_stored_link_reasons_render_in_english(world):
    from duban.web.links import propose_links_for_item
    from duban.web.models import Link

    world.target.canonical = world.actual.canonical = "fixed_asset_investment"
    world.target.period = world.actual.period = "2020"
    for it in (world.target, world.actual):
        it.save()
    assert propose_links_for_item(world.actual) == 1
    link = Link.objects.get()
    with translation.override("en"):
        english = reasons.render_link(link.reason)
    assert english.startswith("Same region; same canonical indicator; period 2020") and not CJK.search(english)


def test_item_page_shows_a_link_proposal_with_its_reason_in_the_page_language(world, client):
    from duban.web.links import propose_links_for_item

    world.target.canonical = world.actual.canonical = "fixed_asset_investment"
    world.target.period = world.actual.period = "2020"
    for it in (world.target, world.actual):
        it.save()
    assert propose_links_for_item(world.actual) == 1
    client.force_login(world.users["supervisor"])
    page = client.get(f"/items/{world.target.pk}/").content.decode()
    assert "同一地区" in page
    client.get("/lang/en/")
    page = client.get(f"/items/{world.target.pk}/").content.decode()
    assert "Same region; same canonical indicator; period 2020" in page and "同一地区" not in page
