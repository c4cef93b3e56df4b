"""Round four of the per-request cost (issue 4): the session's user row kept in each worker's memory under
the user's version token, the report row of the report pages kept per row stamp, one CSRF token per
request. Every cache here must never serve a stale account, report or access decision, in any worker;
another worker is simulated by a second shared-cache object on the same directory and a second
per-process cache (as a second process has)."""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from django.urls import reverse

from duban.web import access, actions, caching
from duban.web.models import Region, Report


@pytest.fixture(autouse=True)
def _other_workers_memory():
    LocMemCache("duban-other-worker", {}).clear()  # kept across a test's switches, not across tests
    yield
    LocMemCache("duban-other-worker", {}).clear()


def _other_worker(settings, monkeypatch) -> None:
    """From here on this test runs as another worker process: its own memory (which keeps what it read
    before in this test), the same shared cache."""
    conf = settings.CACHES["default"]
    monkeypatch.setattr(access, "shared_cache",
                        FileBasedCache(conf["LOCATION"], {"KEY_PREFIX": conf.get("KEY_PREFIX", "")}))
    own = LocMemCache("duban-other-worker", {})
    monkeypatch.setattr(access, "_local", lambda: own)


def _client(user: User) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _dashboard(world) -> str:
    return reverse("dashboard", args=[world.report.pk])


# --- the session's user ------------------------------------------------------------------------------

def test_the_user_row_is_read_once_per_token_and_each_request_gets_its_own_instance(world):
    sup = world.users["supervisor"]
    backend = access.CachedUserBackend()
    a = backend.get_user(sup.pk)
    a._duban_roles = access.Roles(admin=True)  # what a request may set on its user
    a.first_name = "changed in memory"
    b = backend.get_user(sup.pk)
    assert a is not b and not hasattr(b, "_duban_roles") and b.first_name == sup.first_name
    assert b.pk == sup.pk and b.get_username() == "supervisor" and b.password == sup.password
    assert access.roles(b).regions == {world.luohu.pk}


def test_a_cached_page_request_reads_no_user_row(world, django_assert_num_queries):
    c = _client(world.users["supervisor"])
    url = _dashboard(world)
    c.get(url)  # (the first view refreshes the report's lights for the day)
    c.get(url)
    with django_assert_num_queries(2):  # the report's row stamp and its page stamp: no session, user, roles
        assert c.get(url).status_code == 200


@pytest.mark.parametrize("change", ["deactivate", "password", "delete"])
def test_a_changed_account_ends_its_sessions_in_every_worker_at_once(world, settings, monkeypatch, change):
    sup = world.users["supervisor"]
    Report.objects.filter(pk=world.report.pk).update(published=False)
    sup.set_password("old-secret-1")
    sup.save()
    c = Client()
    assert c.login(username="supervisor", password="old-secret-1")
    url = _dashboard(world)
    _other_worker(settings, monkeypatch)  # worker B serves the session and keeps the user row
    assert c.get(url).status_code == 200 and c.get(url).status_code == 200
    monkeypatch.undo()  # worker A changes the account (people pages, admin, password form: all save it)
    if change == "deactivate":
        sup.is_active = False
        sup.save(update_fields=["is_active"])
    elif change == "password":
        sup.set_password("new-secret-2")
        sup.save(update_fields=["password"])
    else:
        sup.delete()
    _other_worker(settings, monkeypatch)  # worker B at the next request: logged out
    assert c.get(url).status_code == 404  # the unpublished report is not the public's
    r = c.get(reverse("inbox"))
    assert r.status_code == 302 and reverse("login") in r["Location"]


def test_a_renamed_user_shows_at_once_in_every_worker(world, settings, monkeypatch):
    sup = world.users["supervisor"]
    c = _client(sup)
    _other_worker(settings, monkeypatch)
    assert ">supervisor<" in c.get(_dashboard(world)).content.decode()
    monkeypatch.undo()
    sup.username = "luohu_sup"
    sup.save()
    _other_worker(settings, monkeypatch)
    page = c.get(_dashboard(world)).content.decode()
    assert ">luohu_sup<" in page and ">supervisor<" not in page


def test_a_user_row_read_before_a_commit_is_not_kept_after_it(world, django_capture_on_commit_callbacks):
    sup = world.users["supervisor"]
    backend = access.CachedUserBackend()
    assert backend.get_user(sup.pk).is_active
    with django_capture_on_commit_callbacks(execute=False) as at_commit:
        sup.is_active = False
        sup.save(update_fields=["is_active"])  # moves the token now
        # meanwhile another request, which still saw the committed (active) row, keeps it under that token
        token = access._version(sup.pk)
        fields = [f.attname for f in User._meta.concrete_fields]
        stale = User.objects.get(pk=sup.pk)
        stale.is_active = True
        caching.cache.set(f"duban:user:{sup.pk}:{token}", [getattr(stale, f) for f in fields])
        assert backend.get_user(sup.pk) is not None  # (what that request would get)
    for run in at_commit:
        run()
    assert backend.get_user(sup.pk) is None  # the commit moved the token again


def test_the_shared_cache_never_holds_a_password_hash(world, settings):
    sup = world.users["supervisor"]
    sup.set_password("a-secret-3")
    sup.save()
    c = Client()
    assert c.login(username="supervisor", password="a-secret-3")
    for _ in range(2):
        assert c.get(_dashboard(world)).status_code == 200
    files = list(Path(settings.CACHES["default"]["LOCATION"]).rglob("*.djcache"))
    assert files  # sessions and roles are there
    hash_ = sup.password.encode()
    for f in files:
        with f.open("rb") as fh:
            pickle.load(fh)  # the expiry
            value = zlib.decompress(fh.read())
        assert hash_ not in value, f
        assert sup.password.split("$")[-1].encode() not in value


def test_sessions_made_with_the_stock_backend_keep_working(world):
    c = Client()
    c.force_login(world.users["supervisor"], backend="django.contrib.auth.backends.ModelBackend")
    page = c.get(_dashboard(world))
    assert page.status_code == 200 and ">supervisor<" in page.content.decode()


def test_a_wrong_password_is_hashed_once(world, monkeypatch):
    sup = world.users["supervisor"]
    sup.set_password("right-secret-4")
    sup.save()
    from django.contrib.auth.hashers import MD5PasswordHasher

    calls = []
    real = MD5PasswordHasher.verify
    monkeypatch.setattr(MD5PasswordHasher, "verify", lambda self, *a: calls.append(1) or real(self, *a))
    assert not Client().login(username="supervisor", password="wrong")
    assert len(calls) == 1
    assert Client().login(username="supervisor", password="right-secret-4")


# --- the report row of the report pages --------------------------------------------------------------

def _report_pages(world) -> list[str]:
    return [reverse("report", args=[world.report.pk]), _dashboard(world)]


def test_report_pages_read_the_report_row_once_per_state(world, django_assert_max_num_queries):
    c = _client(world.users["supervisor"])
    for url in _report_pages(world):
        c.get(url)
        c.get(url)
        with django_assert_max_num_queries(2):  # row stamp, page stamp
            assert c.get(url).status_code == 200


def test_a_region_moved_outside_the_admin_changes_access_at_once(world):
    """Access follows the region chain read in the row stamp itself, not a stamp of changes: a district
    moved to another city by a script (no History, no admin log) leaves its old city's supervisor."""
    city_sup = world.users["city_supervisor"]
    world.report.published = False
    world.report.save()
    c = _client(city_sup)
    for url in _report_pages(world):
        assert c.get(url).status_code == 200
    other_city = Region.objects.create(name="东莞市", level="city", parent=world.province)
    Region.objects.filter(pk=world.luohu.pk).update(parent=other_city)
    for url in _report_pages(world):
        assert c.get(url).status_code == 404


def test_unpublishing_outside_the_actions_changes_access_at_once(world):
    """A reporter sees a published report's pages; unpublished by a script (no History), at once no more
    (the published column is in the row stamp)."""
    Report.objects.filter(pk=world.report.pk).update(published=True)
    nobody = world.users["other_reporter"]  # no item of this report assigned to them
    c = _client(nobody)
    for url in _report_pages(world):
        assert c.get(url).status_code == 200
    Report.objects.filter(pk=world.report.pk).update(published=False)
    for url in _report_pages(world):
        assert c.get(url).status_code == 404


def test_report_pages_follow_an_admin_rename_and_publication_at_once(world):
    admin = world.users["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    sup = world.users["supervisor"]
    c = _client(sup)
    for url in _report_pages(world):
        assert "罗湖区" in c.get(url).content.decode()
    r = _client(admin).post(reverse("admin:duban_region_change", args=[world.luohu.pk]),
                            {"name": "罗湖新区", "level": "district", "parent": world.city.pk})
    assert r.status_code == 302, r.content.decode()[:2000]
    for url in _report_pages(world):
        assert "罗湖新区" in c.get(url).content.decode()
    # publication (through the action, which writes History) shows on the report's tabs at once
    publish = reverse("report_publish", args=[world.report.pk])
    assert 'name="published" value="1"' in c.get(reverse("report", args=[world.report.pk])).content.decode()
    actions.do_publish_report(sup, Report.objects.get(pk=world.report.pk), published=True)
    page = c.get(reverse("report", args=[world.report.pk])).content.decode()
    assert publish in page and 'name="published" value="0"' in page


def test_each_request_gets_its_own_report_instance(world):
    a = access.get_report(world.users["supervisor"], world.report.pk, page=True)
    a.title = "changed in memory"
    b = access.get_report(world.users["supervisor"], world.report.pk, page=True)
    assert a is not b and b.title == world.report.title and b.region.parent.pk == world.city.pk
    assert b.original == world.report.original  # deferred, read on use


# --- one CSRF token per request ------------------------------------------------------------------------

def test_a_page_carries_one_valid_csrf_token_of_its_viewer(world):
    import re

    sup = world.users["supervisor"]
    c = Client(enforce_csrf_checks=True)
    c.force_login(sup)
    page = c.get(reverse("report", args=[world.report.pk])).content.decode()
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
    assert len(tokens) == 1 and caching.csrf_mark() not in page
    r = c.post(reverse("report_publish", args=[world.report.pk]),
               {"csrfmiddlewaretoken": tokens.pop(), "published": "0"})
    assert r.status_code == 302
    assert not Report.objects.get(pk=world.report.pk).published


# --- the item row of the item page ---------------------------------------------------------------------

def test_the_item_page_reads_the_item_row_once_per_state(world, django_assert_max_num_queries):
    c = _client(world.users["supervisor"])
    url = reverse("item", args=[world.target.pk])
    c.get(url)
    c.get(url)
    with django_assert_max_num_queries(2):  # row stamp, site stamp
        assert c.get(url).status_code == 200


def test_the_item_page_follows_access_changed_outside_the_actions_at_once(world):
    """A region moved, a report unpublished or an item rejected by a script (no History, no admin log):
    the item page follows at once, since those columns are in the item's row stamp."""
    url = reverse("item", args=[world.target.pk])
    city_sup, other = _client(world.users["city_supervisor"]), _client(world.users["other_reporter"])
    Report.objects.filter(pk=world.report.pk).update(published=True)
    assert city_sup.get(url).status_code == 200 and other.get(url).status_code == 200
    Report.objects.filter(pk=world.report.pk).update(published=False)
    assert other.get(url).status_code == 404  # nothing of it assigned to their department
    Report.objects.filter(pk=world.report.pk).update(published=True)
    assert other.get(url).status_code == 200
    world.target.__class__.objects.filter(pk=world.target.pk).update(status="rejected")
    assert other.get(url).status_code == 404
    assert city_sup.get(url).status_code == 200
    other_city = Region.objects.create(name="东莞市", level="city", parent=world.province)
    Region.objects.filter(pk=world.luohu.pk).update(parent=other_city)
    assert city_sup.get(url).status_code == 404


def test_the_item_page_shows_an_edit_at_once(world):
    sup = world.users["supervisor"]
    c = _client(sup)
    url = reverse("item", args=[world.target.pk])
    assert "新增学位" in c.get(url).content.decode()
    item = access.get_item(sup, world.target.pk)
    actions.do_edit_item(sup, item, {"indicator": "新增公办学位"}, expected_version=item.version)
    page = c.get(url).content.decode()
    assert "<title>新增公办学位" in page


def test_each_request_gets_its_own_item_instance(world):
    sup = world.users["supervisor"]
    a = access.get_item(sup, world.target.pk, page=True)
    a.indicator = "changed in memory"
    b = access.get_item(sup, world.target.pk, page=True)
    assert a is not b and b.indicator == world.target.indicator and b.report.region.parent.pk == world.city.pk
    assert b.report.original == world.report.original  # deferred, read on use
