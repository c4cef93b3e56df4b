"""The cache the worker processes share (settings.CACHES "default"): sessions and roles. A logout or a
removed role holds at once in every worker; another worker is simulated by a second cache object on
the same directory (as a second process has)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.test import Client
from django.urls import reverse

from duban.web import access
from duban.web.models import Membership
from duban.web.settings import _shared_cache


def _other_worker(settings) -> FileBasedCache:
    """A second cache object on the shared directory, as another worker process has."""
    conf = settings.CACHES["default"]
    return FileBasedCache(conf["LOCATION"], {"KEY_PREFIX": conf.get("KEY_PREFIX", "")})


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)  # as the next request loads it (no roles kept on the object)


def test_roles_come_from_the_shared_cache_and_a_removed_role_holds_in_every_worker(
        world, settings, monkeypatch, django_assert_num_queries):
    sup = world.users["supervisor"]
    assert access.roles(_fresh(sup)).regions == {world.luohu.pk}  # worker A reads and caches them
    monkeypatch.setattr(access, "shared_cache", _other_worker(settings))  # worker B from here on
    u = _fresh(sup)
    with django_assert_num_queries(0):  # from the shared cache, no query
        assert access.roles(u).regions == {world.luohu.pk}
    monkeypatch.undo()  # worker A removes the role
    Membership.objects.filter(user=sup).get().delete()
    monkeypatch.setattr(access, "shared_cache", _other_worker(settings))
    assert access.roles(_fresh(sup)).regions == set()  # worker B at its next request
    assert not access.roles(_fresh(sup)).staff
    # a new role likewise, through the app's own action
    actions_user = world.users["admin"]
    from duban.web import actions

    actions.do_grant_role(actions_user, sup, "reporter", department=world.edu)
    assert access.roles(_fresh(sup)).departments == {world.edu.pk}


def test_roles_read_before_a_commit_are_not_kept_after_it(world, django_capture_on_commit_callbacks):
    sup = world.users["supervisor"]
    access.roles(_fresh(sup))
    with django_capture_on_commit_callbacks(execute=False) as at_commit:
        Membership.objects.filter(user=sup).get().delete()
        # meanwhile another request, which still sees the committed rows, caches the old roles under
        # the token the delete set
        token = caches["default"].get(access._version_key(sup.pk))
        stale = ((sup.get_username(), str(sup.date_joined)), False, [world.luohu.pk], [])
        caches["default"].set(f"duban:roles:{sup.pk}:{token}", stale)
        assert access.roles(_fresh(sup)).regions == {world.luohu.pk}  # (what that request would get)
    assert at_commit  # the token moves again at commit
    for callback in at_commit:
        callback()
    assert access.roles(_fresh(sup)).regions == set()


def test_roles_cached_for_another_user_with_the_same_id_are_ignored(world):
    sup = world.users["supervisor"]
    token = "t" * 32
    caches["default"].set(access._version_key(sup.pk), token, None)
    # e.g. left from a database that was replaced: same id, another person, admin there
    caches["default"].set(f"duban:roles:{sup.pk}:{token}", (("someone", "2020-01-01"), True, [], []))
    r = access.roles(_fresh(sup))
    assert not r.admin and r.regions == {world.luohu.pk}


def test_logout_ends_the_session_in_every_worker(world, settings):
    settings.CACHES = {**settings.CACHES, "worker2": dict(settings.CACHES["default"])}
    c = Client()
    c.force_login(world.users["supervisor"])
    home = reverse("home")
    assert c.get(home).status_code == 200
    settings.SESSION_CACHE_ALIAS = "worker2"  # the next requests reach the other worker
    assert c.get(home).status_code == 200  # the same session there
    assert c.post(reverse("logout")).status_code == 302
    settings.SESSION_CACHE_ALIAS = "default"  # back to the first worker
    r = c.get(reverse("inbox"))
    assert r.status_code == 302 and reverse("login") in r["Location"]


def test_cache_url():
    assert _shared_cache("redis://cache:6379/1")["BACKEND"].endswith("RedisCache")
    assert _shared_cache("memcached://cache:11211")["LOCATION"] == "cache:11211"
    assert _shared_cache("file:///srv/duban-cache")["LOCATION"] == "/srv/duban-cache"
    assert _shared_cache("")["BACKEND"].endswith("FileBasedCache")
    with pytest.raises(ValueError, match="CACHE_URL 'ftp://x'"):
        _shared_cache("ftp://x")
