"""A fresh app in a real browser: the demo report's 22 targets under their themes, public without login."""

from __future__ import annotations

import pytest

from duban.demo import demo_text

pytest_plugins = ["browser_helpers"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

DEMO_TARGETS = 22  # the bundled demo report's quantified targets (issue 4)
EDIT_LINKS = ("/review/", "/assign/", "/edit/", "/publish/", "/confirm/", "/reject/", "/updates/", "/upload/")


def _targets_by_theme(page) -> dict[str, int]:
    """Theme heading -> number of targets listed under it, from the report page's item list."""
    out: dict[str, int] = {}
    for theme in page.locator("aside.items section.theme").all():
        n = theme.locator("li.kind-target").count()
        if n:
            out[theme.locator("h3").inner_text().strip()] = n
    return out


def _assert_no_edit_controls(page) -> None:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    actions = page.eval_on_selector_all("form[action]", "els => els.map(e => e.getAttribute('action'))")
    assert not [h for h in hrefs if any(k in h for k in EDIT_LINKS)], hrefs
    # the only forms a visitor sees are the language switch (and nothing that changes data)
    assert all(a.startswith("/i18n/") for a in actions), actions
    assert page.locator("textarea, input[type=file], input[name=version]").count() == 0
    assert not [h for h in hrefs if h.startswith(("/items/", "/reports/"))], "internal links on a public page"


def test_fresh_app_shows_the_demo_targets_under_their_themes_to_the_public(people, shots):
    page = people.new()
    page.goto("/")
    shots(page, "public-index")
    assert page.locator("header .who").count() == 0  # nobody logged in
    page.click("text=深圳市罗湖区2021年政府工作报告（演示）")
    page.wait_for_url("**/public/reports/*/")
    shots(page, "public-report")
    by_theme = _targets_by_theme(page)
    assert sum(by_theme.values()) == DEMO_TARGETS, by_theme
    text = demo_text()
    # every target sits under a real heading of the report, and the targets spread over several themes
    assert all(title in text for title in by_theme), by_theme
    assert len(by_theme) >= 4, by_theme
    assert page.locator("article.report-text a.hl-target").count() == DEMO_TARGETS  # highlighted in the text
    _assert_no_edit_controls(page)

    page.click("nav.tabs >> text=概览")
    page.wait_for_url("**/public/reports/*/dashboard/")
    shots(page, "public-dashboard")
    # the per-theme table: its 目标 column adds up to the same 22
    col = page.eval_on_selector_all("table.list tbody tr td:nth-child(2)", "els => els.map(e => +e.innerText)")
    assert sum(col) == DEMO_TARGETS, col
    _assert_no_edit_controls(page)

    page.go_back()  # to the report page
    page.locator("aside.items li.kind-target a:not(.jump)").first.click()
    page.wait_for_url("**/public/items/*/")
    shots(page, "public-item")
    _assert_no_edit_controls(page)


def test_supervisor_sees_the_same_targets_with_edit_controls(people, shots):
    page = people.as_user("supervisor")
    shots(page, "home")
    page.click("text=深圳市罗湖区2021年政府工作报告（演示）")
    page.wait_for_url("**/reports/*/")
    assert "/public/" not in page.url
    shots(page, "report")
    assert sum(_targets_by_theme(page).values()) == DEMO_TARGETS
    assert page.locator("nav.tabs >> text=审核").count() == 1  # the supervisor can review ...
    assert page.locator("nav.tabs >> text=交办").count() == 1  # ... and assign
