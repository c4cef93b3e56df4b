"""The first-start demo: region, departments, one account per role, the published demo report."""

from __future__ import annotations

from django.contrib.auth.models import User

from duban.web.demo import DEMO_ACCOUNTS, load_demo, reset_demo_passwords
from duban.web.models import Assignment, Membership, Report


def test_demo_loads_once_with_accounts_for_every_role(db):
    accounts = load_demo()
    assert {a.role for a in accounts} == {"admin", "supervisor", "reporter"}
    assert len(accounts) == len(DEMO_ACCOUNTS)
    report = Report.objects.get()
    assert report.published and report.year == 2021 and report.region.name == "罗湖区"
    assert report.items.exists()
    for a in accounts:
        user = User.objects.get(username=a.username)
        assert user.check_password(a.password)
        assert a.password not in user.password  # stored as a hash only
        assert Membership.objects.filter(user=user, role=a.role).exists()
    # items go to their suggested lead departments, so the demo reporters have work in their inbox
    for item in report.items.filter(indicator__contains="学位"):
        assert Assignment.objects.get(item=item).lead.name == "教育局"
    assert load_demo() == []  # second start: nothing new, no password shown again
    assert Report.objects.count() == 1


def test_new_demo_passwords_replace_the_old_ones(db):
    old = {a.username: a.password for a in load_demo()}
    new = {a.username: a.password for a in reset_demo_passwords()}
    assert set(new) == set(old)
    for name, password in new.items():
        user = User.objects.get(username=name)
        assert user.check_password(password) and not user.check_password(old[name])
