"""People in a real browser: the admin creates a reporter account for the demo's education bureau on the
人员 page, hands over the password shown once, and the new person logs in, sees their department's inbox
and changes their password."""

from __future__ import annotations

import pytest

pytest_plugins = ["browser_helpers"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_admin_creates_a_reporter_who_logs_in_and_sees_the_inbox(people, shots):
    admin = people.as_user("admin")
    admin.click("header nav >> text=人员")
    admin.wait_for_url("**/people/")
    shots(admin, "people-list")

    admin.click("main >> text=新建账号")
    admin.wait_for_url("**/people/add/")
    admin.fill("input[name=username]", "zhang.wei")
    admin.fill("input[name=name]", "张伟")
    admin.select_option("select[name=role]", "reporter")
    admin.select_option("select[name=department]", label="罗湖区 · 教育局")
    shots(admin, "new-account-form")
    admin.click("main form button[type=submit]")
    password = admin.locator("#new-password").inner_text().strip()
    assert len(password) >= 12
    shots(admin, "password-shown-once")
    # shown once: the person's page, opened again, no longer holds it
    admin.goto("/people/")
    admin.click("main table.people >> text=zhang.wei")
    admin.wait_for_url("**/people/*/")
    assert admin.locator("#new-password").count() == 0
    assert "教育局" in admin.locator("main table.roles").inner_text()

    # the new person logs in with the handed-over password and sees the education bureau's items
    page = people.new()
    page.goto("/login/")
    page.fill("input[name=username]", "zhang.wei")
    page.fill("input[name=password]", password)
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("header .who").inner_text() == "zhang.wei"
    page.click("header nav >> text=待办")
    page.wait_for_url("**/inbox/")
    rows = page.locator("main table.list tbody tr:has(a[href^='/items/'])")
    assert rows.count() > 0, page.content()[:2000]
    assert "教育局" in page.locator("main table.list").first.inner_text()
    shots(page, "new-reporter-inbox")

    # and changes the password to one of their own
    page.click("header >> text=修改密码")
    page.fill("input[name=old_password]", password)
    page.fill("input[name=new_password1]", "my-own-secret-42")
    page.fill("input[name=new_password2]", "my-own-secret-42")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/account/password/done/")
    shots(page, "password-changed")
