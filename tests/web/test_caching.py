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


# --- round two: dashboard, report lists, API lists, admin saves --------------------------------------

def _get(user, url: str, **extra) -> str:
    c = Client()
    if user is not None:
        c.force_login(user)
    r = c.get(url, **extra)
    assert r.status_code == 200, (url, r.status_code)
    return r.content.decode()


def _due_section(html: str) -> str:
    import re

    return re.search(r'<section class="card due".*?</section>', html, re.S).group(0)


def _assign_due(world, items, dep, days: int = 3):
    from django.utils import timezone

    return actions.do_assign(world.users["supervisor"], items, dep, [],
                             deadline=timezone.localdate() + dt.timedelta(days=days))


def test_dashboard_due_list_is_each_viewers_own_and_follows_changes(world):
    _assign_due(world, [world.target], world.edu)
    _assign_due(world, [world.task], world.health)
    url = reverse("dashboard", args=[world.report.pk])
    sup = _due_section(_get(world.users["supervisor"], url))  # caches the shared part and every due row
    assert _href("item", world.target.pk) in sup and _href("item", world.task.pk) in sup
    edu = _due_section(_get(world.users["reporter"], url))
    assert _href("item", world.target.pk) in edu and _href("item", world.task.pk) not in edu
    health = _due_section(_get(world.users["other_reporter"], url))
    assert _href("item", world.task.pk) in health and _href("item", world.target.pk) not in health
    # a new assignment and a rejection show at once, in the due list and in the counts
    _assign_due(world, [world.task], world.edu)
    assert _href("item", world.task.pk) in _due_section(_get(world.users["reporter"], url))
    before = _get(world.users["supervisor"], url)
    actions.do_reject_item(world.users["supervisor"], world.task)
    after = _get(world.users["supervisor"], url)
    assert _href("item", world.task.pk) not in _due_section(after)
    assert '<div class="stat"><b>3</b>' in before and '<div class="stat"><b>2</b>' in after


def test_public_dashboard_never_carries_internal_parts(world):
    _assign_due(world, [world.target], world.edu)
    sup = world.users["supervisor"]
    actions.do_publish_report(sup, world.report)
    internal = _get(sup, reverse("dashboard", args=[world.report.pk]))  # cached first
    assert 'class="card due"' in internal
    for user in (None, sup):  # anonymous, and staff on the public page
        html = _get(user, reverse("public_dashboard", args=[world.report.pk]))
        assert 'class="card due"' not in html and 'id="exchange"' not in html
        assert _href("item", world.target.pk) not in html


def test_report_lists_follow_scope_and_changes(world):
    sup, other = world.users["supervisor"], world.users["other_supervisor"]
    title = world.report.title
    assert title in _get(sup, "/")  # the unpublished report, cached for the supervisor's scope
    assert title not in _get(other, "/")  # another region's supervisor: not from that cache
    assert title not in _get(None, "/")
    actions.do_publish_report(sup, world.report)
    assert title in _get(None, "/") and title in _get(other, "/")
    assert title in _get(None, reverse("public_index"))
    actions.do_publish_report(sup, world.report, published=False)
    assert title not in _get(None, reverse("public_index"))
    assert title not in _get(None, "/?q=" + "罗湖")


def test_home_counts_follow_changes(world):
    rep, sup = world.users["reporter"], world.users["supervisor"]
    assert "本部门有" not in _get(rep, "/")
    actions.do_assign(sup, [world.task], world.edu)
    assert "本部门有 1 项督办事项" in _get(rep, "/")
    actions.do_submit_update(rep, world.task, percent=50, note="进行中")
    assert "1 份进展待审核" in _get(sup, "/")


def _api(client: Client, path: str, user=None, **params) -> dict:
    from duban.web.apitokens import issue_token

    extra = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user)}"} if user is not None else {}
    r = client.get(path, params, **extra)
    assert r.status_code == 200, (path, r.status_code)
    return r.json()


def test_api_lists_are_never_stale_nor_shared_across_scopes(world):
    c = Client()
    sup, other, rep = world.users["supervisor"], world.users["other_supervisor"], world.users["reporter"]
    ids = lambda data: {i["id"] for i in data["items"]}  # noqa: E731
    mine = _api(c, "/api/items", sup, report=world.report.pk)  # cached for the supervisor's scope
    assert ids(mine) == {world.target.pk, world.task.pk, world.actual.pk}
    assert _api(c, "/api/items", other, report=world.report.pk)["count"] == 0
    assert _api(c, "/api/items", report=world.report.pk)["count"] == 0  # the public
    assert _api(c, "/api/items", rep, report=world.report.pk)["count"] == 0
    actions.do_assign(sup, [world.task], world.edu)
    assert ids(_api(c, "/api/items", rep, report=world.report.pk)) == {world.task.pk}
    assert [a["item_id"] for a in _api(c, "/api/assignments", rep)["items"]] == [world.task.pk]
    actions.do_edit_item(sup, world.target, {"indicator": "新增公办学位"}, expected_version=world.target.version)
    edited = {i["id"]: i for i in _api(c, "/api/items", sup, report=world.report.pk)["items"]}
    assert edited[world.target.pk]["indicator"] == "新增公办学位"
    assert _api(c, "/api/reports")["count"] == 0
    actions.do_publish_report(sup, world.report)
    assert _api(c, "/api/reports")["items"][0]["n_items"] == 3
    # a session's list is its own too, and a bad token is still refused
    c.force_login(other)
    assert c.get("/api/reports").json()["count"] == 1
    assert c.get("/api/items", HTTP_AUTHORIZATION="Bearer dbn_nonsense").status_code == 401


def test_the_lights_refresh_moves_the_site_stamp(world):
    before = caching.site_stamp()
    assert caching.site_stamp() == before
    from django.utils import timezone

    Report.objects.filter(pk=world.report.pk).update(lights_date=timezone.localdate())
    assert caching.site_stamp() != before


def test_admin_saves_move_the_stamps_and_show_at_once(world):
    """An admin edit of any model writes Django's LogEntry: a renamed department shows in the cached
    due list at once, and a user changed in the admin (no History of ours) moves the stamps too."""
    admin = world.users["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    admin_client = Client()
    admin_client.force_login(admin)
    _assign_due(world, [world.target], world.edu)
    url = reverse("dashboard", args=[world.report.pk])
    sup = world.users["supervisor"]
    assert "教育局" in _due_section(_get(sup, url))
    report = Report.objects.get(pk=world.report.pk)
    site, rep_stamp = caching.site_stamp(), caching.report_stamp(report)
    r = admin_client.post(reverse("admin:duban_department_change", args=[world.edu.pk]),
                          {"name": "教育和体育局", "region": world.luohu.pk})
    assert r.status_code == 302, r.content.decode()[:2000]
    assert "教育和体育局" in _due_section(_get(sup, url))
    site2, rep2 = caching.site_stamp(), caching.report_stamp(report)
    assert site2 != site and rep2 != rep_stamp
    nobody = world.users["nobody"]
    r = admin_client.post(reverse("admin:auth_user_change", args=[nobody.pk]), {
        "username": "nobody2", "is_active": "on", "date_joined_0": "2024-01-01", "date_joined_1": "00:00:00",
        "initial-date_joined_0": "2024-01-01", "initial-date_joined_1": "00:00:00"})
    assert r.status_code == 302, r.content.decode()[:2000]
    assert caching.site_stamp() != site2 and caching.report_stamp(report) != rep2


def test_dashboard_flags_only_what_a_reporter_may_open(world):
    """The shared part of the dashboard lists the red and yellow items; a department reporter sees there only
    the items of its own departments, like everywhere else."""
    _assign_due(world, [world.target], world.edu, days=-3)
    _assign_due(world, [world.task], world.health, days=-3)
    url = reverse("dashboard", args=[world.report.pk])
    sup = _get(world.users["supervisor"], url)  # renders and caches the shared part first
    assert _href("item", world.target.pk) in sup and _href("item", world.task.pk) in sup
    edu = _get(world.users["reporter"], url)
    assert _href("item", world.target.pk) in edu and _href("item", world.task.pk) not in edu


# --- the internal item page's body -------------------------------------------------------------------

def test_item_page_follows_changes_and_each_viewers_rights(world):
    import re

    sup, reporter = world.users["supervisor"], world.users["reporter"]
    url = reverse("item", args=[world.task.pk])
    edit = f'href="{reverse("item_edit", args=[world.task.pk])}"'
    actions.do_assign(sup, [world.task], world.edu)
    first = _get(sup, url)
    assert edit in first and "教育局" in first
    # the reporter's page (after the supervisor's was cached): no edit link, the update form instead
    c = Client(enforce_csrf_checks=True)
    c.force_login(reporter)
    mine = c.get(url).content.decode()
    assert edit not in mine and 'id="report"' in mine
    assert caching.csrf_mark() not in mine
    token = re.search(r'id="report".*?name="csrfmiddlewaretoken" value="([^"]+)"', mine, re.S).group(1)
    r = c.post(reverse("item_update", args=[world.task.pk]),  # the cached form posts with this viewer's token
               {"csrfmiddlewaretoken": token, "note": "已开工", "percent": "30", "next": url})
    assert r.status_code == 302, r.status_code
    # the update shows at once, on both pages; so does an edit and a new lead unit
    assert "已开工" in c.get(url).content.decode()
    assert "已开工" in _get(sup, url)
    actions.do_edit_item(sup, world.task, {"indicator": "推进罗湖北站建设"}, expected_version=world.task.version)
    actions.do_assign(sup, [world.task], world.health)
    after = _get(sup, url)
    assert "推进罗湖北站建设" in after and "卫生健康局" in after
    # the reporter's department no longer has the item: no page at all (checked before any cache)
    assert c.get(url).status_code == 404


def test_item_page_follows_the_language(world):
    sup = world.users["supervisor"]
    url = reverse("item", args=[world.target.pk])
    assert "交办" in _get(sup, url)
    from django.conf import settings

    c = Client()
    c.force_login(sup)
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = c.get(url).content.decode()
    assert "Assignment" in english or "Assign" in english
    assert "交办" not in english.split("<main", 1)[-1]


def test_report_tabs_follow_rights_publication_and_carry_each_viewers_token(world):
    import re

    sup, reporter = world.users["supervisor"], world.users["reporter"]
    actions.do_assign(sup, [world.task], world.edu)
    review = f'href="{reverse("review", args=[world.report.pk])}"'
    for name in ("report", "dashboard"):
        url = reverse(name, args=[world.report.pk])
        c = Client(enforce_csrf_checks=True)
        c.force_login(sup)
        page = c.get(url).content.decode()
        assert review in page and caching.csrf_mark() not in page
        token = re.search(r'action="[^"]*/publish/".*?name="csrfmiddlewaretoken" value="([^"]+)"', page, re.S).group(1)
        assert review not in _get(reporter, url)  # the reporter after the supervisor: no editor tabs
        r = c.post(reverse("report_publish", args=[world.report.pk]),
                   {"csrfmiddlewaretoken": token, "published": "0" if world.report.published else "1", "next": url})
        assert r.status_code == 302  # the cached form posts with this viewer's token
        world.report.refresh_from_db()
        shown = c.get(url).content.decode()  # the new state shows at once (the button, not the message)
        button = re.search(r'<button class="small">([^<]+)</button>', shown).group(1)
        assert button == ("取消公开" if world.report.published else "公开")


def test_page_header_is_each_viewers_own(world):
    import re

    from django.conf import settings

    url = reverse("home")
    pages = {}
    for name in ("supervisor", "city_supervisor", "reporter"):  # same path, one after the other
        c = Client(enforce_csrf_checks=True)
        c.force_login(world.users[name])
        html = c.get(url).content.decode()
        header = re.search(r'<header class="top">.*?</header>', html, re.S).group(0)
        assert f'<span class="who">{name}</span>' in header and caching.csrf_mark() not in header
        pages[name] = (c, header)
    # the people link only for supervisors; the reporter's header is not the supervisors'
    people = f'href="{reverse("people")}"'
    assert people in pages["supervisor"][1] and people not in pages["reporter"][1]
    # each logout form posts with its viewer's token and ends that session only
    c, header = pages["city_supervisor"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', header).group(1)
    assert c.post(reverse("logout"), {"csrfmiddlewaretoken": token}).status_code == 302
    anonymous = re.search(r'<header class="top">.*?</header>', c.get(url).content.decode(), re.S).group(0)
    assert 'class="who"' not in anonymous and f'href="{reverse("login")}"' in anonymous
    assert '<span class="who">supervisor</span>' in pages["supervisor"][0].get(url).content.decode()
    # and in the viewer's language
    c = pages["supervisor"][0]
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = re.search(r'<header class="top">.*?</header>', c.get(url).content.decode(), re.S).group(0)
    assert "退出" not in english and "退出" in pages["supervisor"][1]
