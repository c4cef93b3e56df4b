"""A newcomer's path through the served app in a real browser, one screenshot per step:
upload a real report, review and correct an item, assign it, report progress as the department,
approve it as supervisor (verdict and light change), publish, and read it as the public."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from duban.demo import demo_text

pytest_plugins = ["browser_helpers"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DEV = Path(os.environ.get("DUBAN_SHARED", ROOT.parent / "shared")) / "corpus" / "dev"
# the Luohu 2021 report as the web carried it (traditional script, pinyin after characters, spam lines):
# a real document of the region the demo supervisor looks after
REAL_REPORT = CORPUS_DEV / "seed-luohu-2021.json"
TITLE = "罗湖区2021年政府工作报告（网络转载）"


def _report_file(tmp_path: Path) -> Path:
    """The gold file's text as a .txt upload; our own demo text when the corpus is absent."""
    text = json.loads(REAL_REPORT.read_text("utf-8"))["text"] if REAL_REPORT.is_file() else demo_text()
    path = tmp_path / "luohu-2021.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _message(page) -> str:
    return " ".join(page.locator("ul.messages li").all_inner_texts())


def _verdict_and_light(page, item_id: int) -> tuple[str, str]:
    """On the item page: the verdict's label and the light's colour ('' when none)."""
    page.goto(f"/items/{item_id}/")
    verdict = page.locator("section.card:has(h2:text-is('结论')) span.tag").first.inner_text()
    lights = page.locator("h1 span.light")
    light = lights.get_attribute("class").split("light-")[-1] if lights.count() else ""
    return verdict, light


def _meeting_value(cmp: str, low: float, high: float | None) -> float:
    """A reported value that meets a target under its comparison."""
    if cmp == "range" and high is not None:
        return (low + high) / 2
    return low  # =, ~, >= and <= all accept the target value itself


def test_newcomer_path(people, shots, tmp_path):
    page = people.new()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    # 1. the supervising office logs in
    page.goto("/")
    shots(page, "start-public-index")
    page.click("header >> text=登录")
    shots(page, "login-form")
    people.login(page, "supervisor")
    shots(page, "logged-in-home")

    # 2. uploads a real report as a file
    page.click("header nav >> text=上传报告")
    page.wait_for_url("**/upload/")
    page.fill("input[name=title]", TITLE)
    page.set_input_files("input[name=file]", str(_report_file(tmp_path)))
    shots(page, "upload-form")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/reports/*/review/")
    assert "已读取报告" in _message(page), _message(page)
    report_id = int(page.url.rstrip("/").split("/")[-2])
    shots(page, "review-queue")

    # 3. sees the extracted items, highlighted in the text and listed by theme
    page.click("nav.tabs >> text=原文与事项")
    page.wait_for_url(f"**/reports/{report_id}/")
    n_targets = page.locator("aside.items li.kind-target").count()
    assert n_targets >= 5, "a work report has several quantified targets"
    assert page.locator("article.report-text a.hl-target").count() >= 1
    shots(page, "report-with-highlights")

    # 4. picks the target to follow: one the app suggests for the education bureau (whose reporter
    #    has a demo account); any target when there is no such suggestion
    page.click("nav.tabs >> text=交办")
    page.wait_for_url(f"**/reports/{report_id}/assign/")
    targets = page.locator("table.list tbody tr").filter(has=page.locator("td:nth-child(3) b"))
    suggested = targets.filter(has=page.locator("button.suggest", has_text="教育局"))
    pick = suggested.first if suggested.count() else targets.first
    item_id = int(pick.locator("input[name=items]").get_attribute("value"))

    # 5. reviews: confirms another target and corrects the picked one (inline, htmx)
    page.click("nav.tabs >> text=审核")
    other = page.locator(f"table.review tbody tr:has(.kind-target):not(#row-{item_id})").first
    confirm_id = int(other.get_attribute("id").removeprefix("row-"))
    other.locator("button:has-text('确认')").click()
    page.locator(f"#row-{confirm_id} .tag.st-confirmed").wait_for()
    page.locator(f"#row-{item_id} a:has-text('更正')").click()
    form = page.locator(f"tr#row-{item_id}.editing form")
    form.wait_for()
    old_indicator = form.locator("input[name=indicator]").input_value()
    corrected = f"{old_indicator}（核定）"
    cmp = form.locator("select[name=cmp]").input_value()
    low = float(form.locator("input[name=low]").input_value())
    high_text = form.locator("input[name=high]").input_value()
    form.locator("input[name=indicator]").fill(corrected)
    shots(page, "correcting-an-item", at=form)
    form.locator("button[type=submit]").click()
    row = page.locator(f"tr#row-{item_id}:not(.editing)")
    row.wait_for()
    assert row.locator(".tag.st-corrected").count() == 1, row.inner_html()
    assert corrected in row.inner_text()
    shots(page, "item-corrected", at=row)

    # 6. assigns it to the education bureau (the suggestion button picks lead and row), due by year end
    page.click("nav.tabs >> text=交办")
    page.wait_for_url(f"**/reports/{report_id}/assign/")
    mine = page.locator(f"table.list tbody tr:has(input[name=items][value='{item_id}'])")
    button = mine.locator("button.suggest", has_text="教育局")
    if button.count():
        button.click()
        assert page.locator(f"input[name=items][value='{item_id}']").is_checked()
    else:
        page.check(f"input[name=items][value='{item_id}']")
        page.select_option("select[name=lead]", label="教育局")
    assert page.locator("select[name=lead] option:checked").inner_text() == "教育局"
    page.fill("input[name=deadline_phrase]", "年底前")
    shots(page, "assigning", at=mine)
    page.click(".bulk button[type=submit]")
    page.wait_for_url(f"**/reports/{report_id}/assign/")
    assert "已交办 1 项" in _message(page), _message(page)
    assigned = page.locator(f"tr:has(input[name=items][value='{item_id}'])")
    assert "教育局" in assigned.inner_text() and "年底前" in assigned.inner_text()
    shots(page, "assigned", at=assigned)
    verdict_before, light_before = _verdict_and_light(page, item_id)
    shots(page, "item-before-update")
    # a 2021 target due at the end of 2021 without any reported value: overdue, not met
    assert verdict_before != "已完成" and light_before == "red", (verdict_before, light_before)

    # 7. the department's reporter logs in and submits progress from the inbox
    people.logout(page)
    people.login(page, "education")
    page.click("header nav >> text=待办")
    page.wait_for_url("**/inbox/")
    # the row of the department's own list (the page may also list what is due or overdue)
    mine = page.locator("table.list tr").filter(has=page.locator(f"a[href='/items/{item_id}/#report']"))
    assert corrected in mine.inner_text()
    shots(page, "reporter-inbox")
    mine.locator("a:has-text('填报进展')").click()
    page.wait_for_url(f"**/items/{item_id}/#report")
    value = _meeting_value(cmp, low, float(high_text) if high_text else None)
    page.fill("form#report input[name=value]", f"{value:g}")
    page.fill("form#report input[name=percent]", "100")
    page.fill("form#report textarea[name=note]", "全年任务已完成，数据经统计部门核实。")
    shots(page, "reporter-update-form", at=page.locator("form#report"))
    page.click("form#report button[type=submit]")
    page.wait_for_url(f"**/items/{item_id}/")
    assert "已提交" in _message(page), _message(page)
    assert page.locator("span.tag.up-submitted").count() == 1
    shots(page, "update-submitted")
    assert page.locator("nav.tabs >> text=审核").count() == 0  # a reporter does not review

    # 8. the supervisor approves it; the verdict and the light change
    people.logout(page)
    people.login(page, "supervisor")
    page.goto("/inbox/")
    waiting = page.locator(f"#review ~ table tr:has(a[href='/items/{item_id}/'])")
    assert "全年任务已完成" in waiting.inner_text()
    shots(page, "review-queue-of-updates")
    waiting.locator("button:has-text('审核通过')").click()
    page.wait_for_load_state()
    assert "已审核通过" in _message(page), _message(page)
    verdict_after, light_after = _verdict_and_light(page, item_id)
    shots(page, "item-after-approval")
    assert (verdict_after, light_after) == ("已完成", "green"), (verdict_after, light_after)
    assert page.locator("span.tag.up-approved").count() == 1
    history = page.locator("table.history").inner_text()
    for action in ("edit", "assign", "submit_update", "approve_update"):
        assert action in history, history

    # 9. publishes the report
    page.goto(f"/reports/{report_id}/")
    page.click("nav.tabs button:has-text('公开')")
    page.wait_for_load_state()
    assert page.locator(".report-head .tag.ok").inner_text() == "已公开"
    shots(page, "published")

    # 10. the public reads it without logging in: the corrected item, its verdict, no edit controls
    visitor = people.new()
    visitor.goto("/public/")
    visitor.click(f"text={TITLE}")
    visitor.wait_for_url(f"**/public/reports/{report_id}/")
    listed = visitor.locator(f"aside.items li:has(a[href='/public/items/{item_id}/'])")
    assert corrected in listed.inner_text() and "已完成" in listed.inner_text()
    shots(visitor, "public-report")
    forms = visitor.eval_on_selector_all("form[action]", "els => els.map(e => e.getAttribute('action'))")
    assert all(a.startswith("/i18n/") for a in forms), forms
    assert visitor.locator("text=审核").count() == 0 and visitor.locator("text=更正").count() == 0
    visitor.click(f"a[href='/public/items/{item_id}/']:not(.jump)")
    visitor.wait_for_url(f"**/public/items/{item_id}/")
    assert visitor.locator("span.tag.up-approved").count() == 1  # the approved update is public
    assert visitor.locator("table.history, form#report").count() == 0
    shots(visitor, "public-item")
    assert dialogs == []
