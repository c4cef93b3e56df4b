"""Cached report fragments and the cached OpenAPI schema: never stale after a change, never shown to
someone who may see less, per language."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from duban.web import actions, caching
from duban.web.models import Report


def _page(user, report, name: str = "report") -> str:
    c = Client()
    if user is not None:
        c.force_login(user)
    r = c.get(reverse(name, args=[report.pk]))
    assert r.status_code == 200, r.status_code
    return r.content.decode()


def _href(name: str, pk: int) -> str:
    return f'href="{reverse(name, args=[pk])}"'


def test_report_page_shows_an_edit_made_after_it_was_cached(world):
    sup = world.users["supervisor"]
    assert "新增学位" in _page(sup, world.report)
    actions.do_edit_item(sup, world.target, {"indicator": "新增公办学位"}, expected_version=world.target.version)
    assert "新增公办学位" in _page(sup, world.report)
    actions.do_reject_item(sup, world.task)
    assert _href("item", world.task.pk) not in _page(sup, world.report)


def test_a_reporter_never_gets_the_supervisors_fragment(world):
    sup = world.users["supervisor"]
    actions.do_assign(sup, [world.task], world.edu)
    full = _page(sup, world.report)  # cached with every item
    for it in (world.target, world.task, world.actual):
        assert _href("item", it.pk) in full
    mine = _page(world.users["reporter"], world.report)
    assert _href("item", world.task.pk) in mine
    assert _href("item", world.target.pk) not in mine
    assert _href("item", world.actual.pk) not in mine
    assert "新增学位4290个" in mine  # the text itself is shown, only not as an item link
    # a new assignment changes what another reporter sees at once, and only that
    actions.do_assign(sup, [world.target], world.health)
    other = _page(world.users["other_reporter"], world.report)
    assert _href("item", world.target.pk) in other
    assert _href("item", world.task.pk) not in other
    assert _href("item", world.target.pk) not in _page(world.users["reporter"], world.report)


def test_public_pages_never_serve_internal_links_and_stop_when_unpublished(world):
    sup = world.users["supervisor"]
    actions.do_publish_report(sup, world.report)
    internal = _page(sup, world.report)
    seen_by_staff = _page(sup, world.report, "public_report")  # a logged-in user on the public page
    anonymous = _page(None, world.report, "public_report")
    for html in (seen_by_staff, anonymous):
        assert _href("public_item", world.target.pk) in html
        assert _href("item", world.target.pk) not in html
    assert _href("item", world.target.pk) in internal
    assert _href("public_item", world.target.pk) not in internal
    actions.do_publish_report(sup, world.report, published=False)
    assert Client().get(reverse("public_report", args=[world.report.pk])).status_code == 404


def test_fragments_follow_the_language(world):
    sup = world.users["supervisor"]
    zh = _page(sup, world.report)
    c = Client()
    c.force_login(sup)
    c.cookies["django_language"] = "en"
    en = c.get(reverse("report", args=[world.report.pk])).content.decode()
    assert "目标 1" in zh and "目标 1" not in en


def test_the_stamp_moves_with_history_and_the_lights_day(world):
    report = Report.objects.get(pk=world.report.pk)
    before = caching.report_stamp(report)
    assert caching.report_stamp(report) == before
    actions.do_confirm_item(world.users["supervisor"], world.target)
    after_edit = caching.report_stamp(report)
    assert after_edit != before
    report.lights_date = dt.date(2000, 1, 1)
    assert caching.report_stamp(report) != after_edit


def test_audience_keys_differ_by_what_can_be_seen():
    keys = {caching.audience(True), caching.audience(False), caching.audience(False, set()),
            caching.audience(False, {1}), caching.audience(False, {1, 2})}
    assert len(keys) == 5
    assert caching.audience(False, [2, 1]) == caching.audience(False, {1, 2})


def test_openapi_schema_is_built_once_and_served(db):
    from duban.web.api import api

    assert api.get_openapi_schema() is api.get_openapi_schema()
    r = Client().get("/api/openapi.json")
    assert r.status_code == 200 and "/api/items" in r.json()["paths"]


def test_review_rows_are_cached_with_each_viewers_own_csrf_token(world):
    import re

    sup, city = world.users["supervisor"], world.users["city_supervisor"]
    url = reverse("review", args=[world.report.pk])
    pages = {}
    for user in (sup, city):  # the second gets the rows the first one's visit cached
        c = Client(enforce_csrf_checks=True)
        c.force_login(user)
        html = c.get(url).content.decode()
        assert caching.csrf_mark() not in html
        row = re.search(rf'<tr id="row-{world.target.pk}".*?</tr>', html, re.S).group(0)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', row).group(1)
        pages[user.username] = (c, token, html)
    c, token, html = pages["city_supervisor"]
    assert f'id="row-{world.target.pk}"' in html
    # the cached row's form posts: its token is this viewer's (another's would be refused)
    other_token = pages["supervisor"][1]
    refused = c.post(reverse("item_confirm", args=[world.target.pk]),
                     {"csrfmiddlewaretoken": other_token, "version": world.target.version})
    assert refused.status_code == 403
    r = c.post(reverse("item_confirm", args=[world.target.pk]),
               {"csrfmiddlewaretoken": token, "version": world.target.version})
    assert r.status_code == 302
    again = c.get(url).content.decode()
    assert re.search(rf'id="row-{world.target.pk}" class="status-confirmed"', again)
    # a filter shows only its rows, an unknown one none
    assert f'id="row-{world.target.pk}"' in c.get(url + "?status=confirmed").content.decode()
    assert f'id="row-{world.task.pk}"' not in c.get(url + "?status=confirmed").content.decode()
    assert 'id="row-' not in c.get(url + "?status=nonsense").content.decode()
    # the add form follows the report's sections (a rerun replaces them; History moves the stamp)
    assert 'name="add-section"' in again
