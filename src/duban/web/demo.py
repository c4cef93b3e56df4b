"""The first-start demo: the bundled Luohu 2021 report, its region and departments, one account per role.

Passwords are random, returned once for printing, and stored only as Django password hashes.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from duban.demo import DEMO_PATH, demo_text
from duban.web import actions, tracking
from duban.web.models import Department, Membership, Region, Report

DEMO_REGIONS = [("广东省", "province", "44"), ("深圳市", "city", "4403"), ("罗湖区", "district", "440303")]
# the accounts: username, role, department (reporters)
DEMO_ACCOUNTS = [("admin", "admin", None), ("supervisor", "supervisor", None),
                 ("education", "reporter", "教育局"), ("health", "reporter", "卫生健康局"),
                 ("housing", "reporter", "住房和建设局")]


@dataclass
class Account:
    username: str
    role: str
    scope: str
    password: str


def demo_loaded() -> bool:
    return Report.objects.filter(source_name=DEMO_PATH.name).exists()


def load_demo() -> list[Account]:
    """Create the demo region, departments, accounts and the published demo report. Idempotent:
    returns [] when the demo is already there (no password is ever shown twice)."""
    if demo_loaded():
        return []
    with transaction.atomic():
        parent = None
        for name, level, code in DEMO_REGIONS:
            parent, _ = Region.objects.get_or_create(name=name, parent=parent,
                                                     defaults={"level": level, "code": code})
        luohu = parent
        for name in tracking.known_departments():
            Department.objects.get_or_create(region=luohu, name=name)
        accounts = []
        for username, role, dep_name in DEMO_ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue  # someone made this account: leave it and its password alone
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(username, password=password)
            if role == "admin":  # the organisation pages (/admin/) are Django's admin
                user.is_staff = user.is_superuser = True
                user.save(update_fields=["is_staff", "is_superuser"])
            dep = Department.objects.get_or_create(region=luohu, name=dep_name)[0] if dep_name else None
            Membership.objects.create(user=user, role=role, region=luohu if role == "supervisor" else None,
                                      department=dep)
            scope = luohu.full_name() if role == "supervisor" else (dep.name if dep else "")
            accounts.append(Account(username, role, scope, password))
        admin = User.objects.filter(memberships__role="admin").first()
    report = actions.do_upload_report(admin, region=luohu, year=2021, text=demo_text(), name=DEMO_PATH.name,
                                      title="深圳市罗湖区2021年政府工作报告（演示）", publish=True)
    _assign_suggested(admin, report)
    return accounts


def _assign_suggested(user, report: Report) -> None:
    """Give the demo a working task table: each item goes to its suggested lead department by year end."""
    deps = {d.name: d for d in Department.objects.filter(region=report.region)}
    by_lead: dict[int, list] = {}
    for item in report.items.exclude(kind="actual"):
        names = tracking.suggest_departments(f"{item.indicator} {item.quote}", limit=1)
        if names and names[0] in deps:
            by_lead.setdefault(deps[names[0]].pk, []).append(item)
    for dep_id, items in by_lead.items():
        actions.do_assign(user, items, Department.objects.get(pk=dep_id), deadline_phrase="年底前")


def reset_demo_passwords() -> list[Account]:
    """New random passwords for the demo accounts that exist (when the printed ones are lost)."""
    accounts = []
    for username, role, dep_name in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        accounts.append(Account(username, role, dep_name or "", password))
    return accounts
