"""Fixtures for the web app: a small region tree, departments, one user per role, a report with items.

Reports here are built from our own short text with items placed by hand, so these tests do not depend
on how good extraction is today."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser, User

from duban.web.models import Department, Item, Membership, Region, Report

REPORT_TEXT = (
    "罗湖区2021年政府工作报告\n"
    "一、主要目标\n"
    "地区生产总值增长5.5-6%，新增学位4290个。\n"
    "二、重点工作\n"
    "推进罗湖北站规划建设。2020年完成固定资产投资380亿元。\n"
)


@dataclass
class World:
    province: Region
    city: Region
    luohu: Region
    futian: Region
    edu: Department
    health: Department
    futian_edu: Department
    users: dict
    report: Report
    target: Item
    task: Item
    actual: Item


def _user(name: str) -> User:
    return User.objects.create(username=name)  # no password: hashing would slow every test


def add_item(report: Report, kind: str, quote: str, indicator: str, **values) -> Item:
    start = report.original.index(quote)
    return Item.objects.create(report=report, kind=kind, indicator=indicator, quote=quote,
                               span_start=start, span_end=start + len(quote), **values)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # the real hasher takes a second or more per password on a small machine
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"  # evidence files never land in the user's data dir
    # the shared cache (sessions, roles) as served, in a fresh directory: ids repeat from one test
    # database to the next, and the user's data dir is not the tests' business
    settings.CACHES = {**settings.CACHES, "default": {
        **settings.CACHES["default"], "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(tmp_path / "cache")}}


@pytest.fixture(autouse=True)
def _empty_cache(_test_settings):
    # cached public pages are keyed by ids that repeat from one test database to the next
    from django.core.cache import caches

    for c in caches.all():
        c.clear()
    yield
    for c in caches.all():
        c.clear()


@pytest.fixture(name="add_item")
def add_item_fixture():
    """`add_item(report, kind, quote, indicator, **values)`: an Item placed on its quote."""
    return add_item


@pytest.fixture
def world(db) -> World:
    province = Region.objects.create(name="广东省", level="province")
    city = Region.objects.create(name="深圳市", level="city", parent=province)
    luohu = Region.objects.create(name="罗湖区", level="district", parent=city)
    futian = Region.objects.create(name="福田区", level="district", parent=city)
    edu = Department.objects.create(region=luohu, name="教育局")
    health = Department.objects.create(region=luohu, name="卫生健康局")
    futian_edu = Department.objects.create(region=futian, name="教育局")
    users = {name: _user(name) for name in
             ("admin", "supervisor", "city_supervisor", "other_supervisor", "reporter", "other_reporter",
              "nobody")}
    Membership.objects.create(user=users["admin"], role="admin")
    Membership.objects.create(user=users["supervisor"], role="supervisor", region=luohu)
    Membership.objects.create(user=users["city_supervisor"], role="supervisor", region=city)
    Membership.objects.create(user=users["other_supervisor"], role="supervisor", region=futian)
    Membership.objects.create(user=users["reporter"], role="reporter", department=edu)
    Membership.objects.create(user=users["other_reporter"], role="reporter", department=health)
    users["anonymous"] = AnonymousUser()
    report = Report.objects.create(region=luohu, year=2021, title="罗湖区2021年政府工作报告",
                                   original=REPORT_TEXT, text=REPORT_TEXT, checksum="x")
    target = add_item(report, "target", "新增学位4290个", "新增学位", cmp="=", low=4290, unit="个",
                      period="2021", order=1)
    task = add_item(report, "task", "推进罗湖北站规划建设", "推进罗湖北站规划建设", order=2)
    actual = add_item(report, "actual", "完成固定资产投资380亿元", "固定资产投资", cmp="=", low=380,
                      unit="亿元", period="2020", order=3)
    return World(province, city, luohu, futian, edu, health, futian_edu, users, report, target, task, actual)
