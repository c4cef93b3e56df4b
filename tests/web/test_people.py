"""People management: accounts and roles by admins and supervisors, the pages, and "change my password"."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import translation

from duban.web import actions, caching, people
from duban.web.models import History, Membership


@pytest.fixture(autouse=True)
def _english():
    # the messages asserted below are the English ones; the pages' Chinese is checked separately
    with translation.override("en"):
        yield


def client_for(world, name: str) -> Client:
    c = Client(HTTP_ACCEPT_LANGUAGE="en")
    c.cookies["django_language"] = "en"
    c.force_login(world.users[name])
    return c


def _counts() -> tuple[int, int, int]:
    return User.objects.count(), Membership.objects.count(), History.objects.count()


# --- actions ----------------------------------------------------------------------------------------

def test_supervisor_creates_a_reporter_of_their_department_with_a_generated_password(world):
    sup = world.users["supervisor"]
    member, password = people.do_create_person(sup, username="li.na", name="李娜", email="li@example.cn",
                                               role="reporter", department=world.edu)
    assert len(password) == people.PASSWORD_LENGTH and member.check_password(password)
    assert member.first_name == "李娜" and member.is_active
    assert list(member.memberships.values_list("role", "department")) == [("reporter", world.edu.pk)]
    rows = list(History.objects.filter(actor=sup).order_by("pk").values_list("action", "object_type"))
    assert rows == [("create_user", "user"), ("grant_role", "membership")]
    # the password is in no History row
    assert not any(password in str(h.before) + str(h.after) for h in History.objects.all())


def test_given_password_is_kept_and_checked_by_the_validators(world):
    admin = world.users["admin"]
    member, generated = people.do_create_person(admin, username="wang", password="a-long-secret")
    assert generated == "" and member.check_password("a-long-secret")
    assert not member.memberships.exists()  # an admin may create an account without a role
    before = _counts()
    with pytest.raises(actions.Invalid, match="too short"):
        people.do_create_person(admin, username="zhao", password="short")
    assert _counts() == before


@pytest.mark.parametrize("kwargs,message", [
    ({"username": ""}, "empty"),
    ({"username": "has space"}, "letters, digits"),
    ({"username": "REPORTER"}, "already taken"),  # case-insensitively unique
    ({"username": "ok", "email": "not-an-address"}, "e-mail"),
])
def test_bad_account_input_is_refused_and_nothing_is_stored(world, kwargs, message):
    before = _counts()
    with pytest.raises(actions.Invalid, match=message):
        people.do_create_person(world.users["admin"], **kwargs)
    assert _counts() == before


def test_supervisor_may_not_create_admins_supervisors_or_other_regions_reporters(world):
    sup = world.users["supervisor"]
    before = _counts()
    for kwargs in ({"role": "admin"}, {"role": "supervisor", "region": world.luohu},
                   {"role": "reporter", "department": world.futian_edu}):
        with pytest.raises(actions.Forbidden):
            people.do_create_person(sup, username="x", **kwargs)
    with pytest.raises(actions.Invalid, match="department"):  # no role: the account would be nobody's
        people.do_create_person(sup, username="x")
    assert _counts() == before


def test_a_failed_role_leaves_no_account_behind(world):
    before = _counts()
    with pytest.raises(actions.Invalid):
        people.do_create_person(world.users["admin"], username="x", role="supervisor")  # no region
    assert _counts() == before


def test_who_a_supervisor_manages(world):
    sup, reporter = world.users["supervisor"], world.users["reporter"]
    assert people.can_manage_account(sup, reporter)
    assert people.can_manage_account(world.users["city_supervisor"], reporter)  # the city holds 罗湖区
    assert not people.can_manage_account(world.users["other_supervisor"], reporter)
    for other in ("admin", "city_supervisor", "other_supervisor", "nobody"):
        assert not people.can_manage_account(sup, world.users[other]), other
    # a reporter who also holds a role in another region is the admin's to manage
    Membership.objects.create(user=reporter, role="reporter", department=world.futian_edu)
    assert not people.can_manage_account(sup, reporter)
    assert people.can_manage_account(world.users["admin"], reporter)
    visible = set(people.visible_people(sup).values_list("username", flat=True))
    assert visible == {"reporter", "other_reporter"}
    assert not people.visible_people(world.users["reporter"]).exists()


def test_roles_are_given_and_removed_through_the_model_and_logged(world, monkeypatch):
    sup, reporter = world.users["supervisor"], world.users["reporter"]
    calls = []
    real_save, real_delete = Membership.save, Membership.delete
    monkeypatch.setattr(Membership, "save", lambda self, *a, **k: (calls.append("save"), real_save(self, *a, **k)))
    monkeypatch.setattr(Membership, "delete",
                        lambda self, *a, **k: (calls.append("delete"), real_delete(self, *a, **k)))
    m = people.do_give_role(sup, reporter, "reporter", department=world.health)
    with pytest.raises(actions.Invalid, match="already"):
        people.do_give_role(sup, reporter, "reporter", department=world.health)
    people.do_remove_role(sup, m)
    assert calls == ["save", "delete"]
    assert not Membership.objects.filter(pk=m.pk).exists()
    assert list(History.objects.filter(actor=sup).values_list("action", flat=True)) == ["grant_role", "remove_role"]


def test_supervisor_never_removes_a_last_role_nor_roles_outside_their_regions(world):
    sup = world.users["supervisor"]
    only = Membership.objects.get(user=world.users["reporter"])
    with pytest.raises(actions.Invalid, match="only role"):
        people.do_remove_role(sup, only)
    with pytest.raises(actions.Forbidden):
        people.do_remove_role(sup, Membership.objects.get(user=world.users["other_supervisor"]))
    with pytest.raises(actions.Forbidden):  # not on their page: another region's account
        people.do_give_role(world.users["other_supervisor"], world.users["reporter"], "reporter",
                            department=world.futian_edu)
    assert Membership.objects.filter(pk=only.pk).exists()


def test_an_admin_cannot_remove_their_own_admin_role(world):
    admin = world.users["admin"]
    with pytest.raises(actions.Invalid):
        people.do_remove_role(admin, Membership.objects.get(user=admin))
    other = User.objects.create(username="admin2")
    people.do_give_role(admin, other, "admin")
    people.do_remove_role(admin, Membership.objects.get(user=other))


def test_deactivated_accounts_cannot_log_in_and_are_reactivated(world):
    sup, reporter = world.users["supervisor"], world.users["reporter"]
    reporter.set_password("old-password-1")
    reporter.save()
    c = Client()
    c.force_login(reporter)
    assert c.get(reverse("inbox")).status_code == 200
    people.do_set_active(sup, reporter, False)
    assert not Client().login(username="reporter", password="old-password-1")
    assert c.get(reverse("inbox")).status_code == 302  # the open session ends
    with translation.override("en"), pytest.raises(actions.Invalid, match="already"):  # a request set zh
        people.do_set_active(sup, reporter, False)
    people.do_set_active(sup, reporter, True)
    assert Client().login(username="reporter", password="old-password-1")
    assert User.objects.filter(pk=reporter.pk).exists()  # never deleted
    with pytest.raises(actions.Invalid):
        people.do_set_active(world.users["admin"], world.users["admin"], False)


def test_reset_password_gives_a_new_one_and_ends_sessions(world):
    sup, reporter = world.users["supervisor"], world.users["reporter"]
    c = Client()
    c.force_login(reporter)
    new = people.do_reset_password(sup, reporter)
    reporter.refresh_from_db()
    assert reporter.check_password(new)
    assert c.get(reverse("inbox")).status_code == 302
    assert History.objects.filter(action="reset_password", object_id=reporter.pk).exists()
    with pytest.raises(actions.Forbidden):
        people.do_reset_password(sup, world.users["admin"])


def test_changes_move_the_site_stamp(world):
    stamp = caching.site_stamp()
    people.do_reset_password(world.users["supervisor"], world.users["reporter"])
    assert caching.site_stamp() != stamp


# --- pages ------------------------------------------------------------------------------------------

def test_people_page_lists_and_filters(world):
    html = client_for(world, "admin").get(reverse("people")).content.decode()
    for name in ("admin", "supervisor", "reporter", "nobody"):
        assert f">{name}</a>" in html
    c = client_for(world, "admin")
    html = c.get(reverse("people") + f"?department={world.health.pk}").content.decode()
    assert ">other_reporter</a>" in html and ">reporter</a>" not in html
    html = c.get(reverse("people") + f"?region={world.futian.pk}").content.decode()
    assert ">other_supervisor</a>" in html and ">supervisor</a>" not in html
    html = c.get(reverse("people") + f"?region={world.city.pk}").content.decode()  # the subtree
    assert ">supervisor</a>" in html and ">other_supervisor</a>" in html and ">nobody</a>" not in html
    html = client_for(world, "supervisor").get(reverse("people")).content.decode()
    assert ">reporter</a>" in html and ">other_reporter</a>" in html
    assert ">admin</a>" not in html and ">other_supervisor</a>" not in html
    assert "福田区" not in html  # other regions and their departments are not offered


def test_people_pages_need_a_supervisor_or_admin(world):
    for name in ("reporter", "nobody"):
        assert client_for(world, name).get(reverse("people")).status_code == 403
    assert Client().get(reverse("people")).status_code == 302  # to the login page
    # another region's account: as absent
    c = client_for(world, "other_supervisor")
    assert c.get(reverse("person", args=[world.users["reporter"].pk])).status_code == 404
    assert c.post(reverse("person_password", args=[world.users["reporter"].pk])).status_code == 404


def test_create_account_page_shows_the_password_once(world):
    c = client_for(world, "supervisor")
    before = _counts()
    r = c.post(reverse("person_add"), {"username": "li.na", "name": "李娜", "email": "",
                                        "password": "", "role": "reporter", "department": world.edu.pk})
    assert r.status_code == 200 and r["Cache-Control"] == "no-store"
    password = re.search(r'id="new-password">([^<]+)<', r.content.decode()).group(1)
    member = User.objects.get(username="li.na")
    assert member.check_password(password)
    assert _counts() == (before[0] + 1, before[1] + 1, before[2] + 2)
    page = c.get(reverse("person", args=[member.pk])).content.decode()
    assert password not in page and "new-password" not in page
    # the new person logs in and sees their department's inbox
    new = Client()
    assert new.login(username="li.na", password=password)
    assert new.get(reverse("inbox")).status_code == 200


@pytest.mark.parametrize("data,error", [
    ({"username": "reporter", "role": "reporter"}, "already taken"),
    ({"username": "x", "role": "reporter"}, "needs a department"),
    ({"username": "x", "role": "reporter", "password": "short"}, "too short"),
    ({"username": "x", "role": "reporter", "email": "nope"}, "valid email"),
])
def test_rejected_create_form_shows_the_error_and_stores_nothing(world, data, error):
    c = client_for(world, "supervisor")
    data = {"name": "", "email": "", "password": "", "department": world.edu.pk, **data}
    if error == "needs a department":
        del data["department"]
    before = _counts()
    r = c.post(reverse("person_add"), data)
    assert r.status_code == 400
    assert error in r.content.decode()
    assert _counts() == before


def test_supervisor_form_offers_no_admin_role_and_a_forged_one_is_refused(world):
    c = client_for(world, "supervisor")
    html = c.get(reverse("person_add")).content.decode()
    assert 'value="admin"' not in html and 'value="supervisor"' not in html
    before = _counts()
    r = c.post(reverse("person_add"), {"username": "x", "role": "admin"})
    assert r.status_code == 400 and _counts() == before


def test_person_page_roles_deactivate_and_reset(world):
    c = client_for(world, "supervisor")
    reporter = world.users["reporter"]
    url = reverse("person", args=[reporter.pk])
    r = c.post(reverse("person_role_add", args=[reporter.pk]), {"role": "reporter", "department": world.health.pk})
    assert r.status_code == 302
    m = Membership.objects.get(user=reporter, department=world.health)
    # a department of another region: a form error, nothing stored
    n = Membership.objects.count()
    r = c.post(reverse("person_role_add", args=[reporter.pk]),
               {"role": "reporter", "department": world.futian_edu.pk})
    assert r.status_code == 400 and Membership.objects.count() == n
    assert c.post(reverse("person_role_remove", args=[reporter.pk, m.pk])).status_code == 302
    assert not Membership.objects.filter(pk=m.pk).exists()
    r = c.post(reverse("person_password", args=[reporter.pk]))
    password = re.search(r'id="new-password">([^<]+)<', r.content.decode()).group(1)
    reporter.refresh_from_db()
    assert reporter.check_password(password)
    c.post(reverse("person_active", args=[reporter.pk]), {"active": "0"})
    reporter.refresh_from_db()
    assert not reporter.is_active
    assert "Deactivated" in c.get(url).content.decode()
    c.post(reverse("person_edit", args=[reporter.pk]), {"name": "张三", "email": "z@example.cn"})
    reporter.refresh_from_db()
    assert (reporter.first_name, reporter.email) == ("张三", "z@example.cn")


def test_only_the_admin_manages_a_supervisor_page_controls(world):
    html = client_for(world, "city_supervisor").get(
        reverse("person", args=[world.users["reporter"].pk])).content.decode()
    assert "reset-password" in html
    Membership.objects.create(user=world.users["reporter"], role="reporter", department=world.futian_edu)
    html = client_for(world, "supervisor").get(reverse("person", args=[world.users["reporter"].pk])).content.decode()
    assert "reset-password" not in html and "福田区" not in html  # no controls, no other region's role


def test_csrf_is_enforced_on_people_forms(world):
    c = Client(enforce_csrf_checks=True)
    c.force_login(world.users["admin"])
    before = _counts()
    assert c.post(reverse("person_add"), {"username": "x"}).status_code == 403
    assert c.post(reverse("person_password", args=[world.users["reporter"].pk])).status_code == 403
    assert _counts() == before


def test_everyone_changes_their_own_password(world):
    reporter = world.users["reporter"]
    reporter.set_password("old-password-1")
    reporter.save()
    c = Client()
    c.force_login(reporter)
    assert c.get(reverse("password_change")).status_code == 200
    r = c.post(reverse("password_change"), {"old_password": "wrong", "new_password1": "new-password-2",
                                            "new_password2": "new-password-2"})
    assert r.status_code == 200  # the form again, with its error
    reporter.refresh_from_db()
    assert reporter.check_password("old-password-1")
    r = c.post(reverse("password_change"), {"old_password": "old-password-1", "new_password1": "new-password-2",
                                            "new_password2": "new-password-2"})
    assert r.status_code == 302 and r["Location"] == reverse("password_change_done")
    reporter.refresh_from_db()
    assert reporter.check_password("new-password-2")
    assert History.objects.filter(action="change_password", actor=reporter).count() == 1
    assert c.get(reverse("inbox")).status_code == 200  # still logged in


def test_the_nav_links(world):
    html = client_for(world, "supervisor").get(reverse("home")).content.decode()
    assert f'href="{reverse("people")}"' in html and f'href="{reverse("password_change")}"' in html
    html = client_for(world, "reporter").get(reverse("home")).content.decode()
    assert f'href="{reverse("people")}"' not in html and f'href="{reverse("password_change")}"' in html


def test_pages_are_chinese_by_default(world):
    c = Client()
    c.force_login(world.users["admin"])
    html = c.get(reverse("person_add")).content.decode()
    assert "新建账号" in html and "用户名" in html
    c.cookies["django_language"] = "en"
    html = c.get(reverse("person_add")).content.decode()
    assert "New account" in html and "Username" in html


def test_people_list_pages_keep_the_filters(world):
    for n in range(people.PEOPLE_PER_PAGE + 1):
        m = User.objects.create(username=f"p{n:03d}")
        Membership.objects.create(user=m, role="reporter", department=world.edu)
    html = client_for(world, "supervisor").get(reverse("people") + "?q=p0&state=active").content.decode()
    assert "?q=p0&amp;state=active&amp;page=2" in html
