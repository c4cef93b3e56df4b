"""Two people edit the same item in two browsers: the second save is told about the conflict, nothing
is overwritten, and after reloading the second person's change goes in on top of the first."""

from __future__ import annotations

import pytest

pytest_plugins = ["browser_helpers"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _demo_report_id(page) -> int:
    page.goto("/")
    href = page.locator("table.list a:has-text('演示')").first.get_attribute("href")
    return int(href.rstrip("/").split("/")[-1])


def _field(page, item_id: int, name: str) -> str:
    """A field's value as the item's edit form shows it (the stored value)."""
    page.goto(f"/items/{item_id}/edit/")
    return page.locator(f"main form [name={name}]").input_value()


def test_second_save_is_told_and_no_update_is_lost(people, shots):
    alice = people.as_user("admin")  # two different people, each in their own browser
    bob = people.as_user("supervisor")
    report_id = _demo_report_id(alice)

    # both open the review queue; pick a target with a single value
    for page in (alice, bob):
        page.goto(f"/reports/{report_id}/review/")
    rows = alice.locator("table.review tbody tr:has(.kind-target)").all()
    # a single value (not a range such as 5.5-6%), so that any new value is valid on its own
    row = next(r for r in rows if "-" not in r.locator("td").nth(3).inner_text())
    item_id = int(row.get_attribute("id").removeprefix("row-"))
    old_low = float(_field(alice, item_id, "low"))
    alice.goto(f"/reports/{report_id}/review/")

    # both start editing the same item (alice inline in the queue, bob on the full edit page)
    alice.locator(f"#row-{item_id} a:has-text('更正')").click()
    alice_form = alice.locator(f"tr#row-{item_id}.editing form")
    alice_form.wait_for()
    bob.goto(f"/items/{item_id}/edit/")
    bob_form = bob.locator("main form.card")

    # alice fixes the indicator and saves first
    alice_indicator = alice_form.locator("input[name=indicator]").input_value() + "（甲核定）"
    alice_form.locator("input[name=indicator]").fill(alice_indicator)
    alice_form.locator("button[type=submit]").click()
    alice.locator(f"tr#row-{item_id}:not(.editing) .tag.st-corrected").wait_for()
    shots(alice, "first-save", at=alice.locator(f"tr#row-{item_id}"))

    # bob, still on the version he opened, corrects the value and saves: he is told, nothing is written
    bob_low = old_low + 1
    bob_form.locator("input[name=low]").fill(f"{bob_low:g}")
    with bob.expect_response(lambda r: r.url.endswith(f"/items/{item_id}/edit/")
                             and r.request.method == "POST") as answer:
        bob_form.locator("button[type=submit]").click()
    assert answer.value.status == 409
    error = bob.locator("main form.card").inner_text()
    # who changed it, and what to do (in the UI's language: Chinese by default)
    assert "admin" in error and ("刷新" in error or "reload" in error), error
    assert bob.locator("main form.card input[name=low]").input_value() == f"{bob_low:g}"  # his typing is kept
    shots(bob, "second-save-told")
    assert _field(alice, item_id, "indicator") == alice_indicator
    assert float(_field(alice, item_id, "low")) == old_low  # the stale save wrote nothing

    # bob reloads (sees alice's fix), applies his change again, and saves
    bob.goto(f"/items/{item_id}/edit/")
    assert bob.locator("main form.card input[name=indicator]").input_value() == alice_indicator
    bob.locator("main form.card input[name=low]").fill(f"{bob_low:g}")
    bob.locator("main form.card button[type=submit]").click()
    bob.wait_for_url(f"**/reports/{report_id}/review/")
    shots(bob, "second-save-after-reload", at=bob.locator(f"tr#row-{item_id}"))

    # both changes are in the item, and its history names both people
    bob.goto(f"/items/{item_id}/")
    assert alice_indicator in bob.locator("h1").inner_text()
    assert float(_field(bob, item_id, "low")) == bob_low
    bob.goto(f"/items/{item_id}/")
    edits = [r.inner_text() for r in bob.locator("table.history tbody tr:has(td:text-is('edit'))").all()]
    assert len(edits) == 2 and any("admin" in e for e in edits) and any("supervisor" in e for e in edits), edits
    shots(bob, "history")

    # alice's queue is stale now too: confirming from it is refused in the row, not applied
    alice.goto(f"/reports/{report_id}/review/")
    bob.goto(f"/items/{item_id}/edit/")
    bob.locator("main form.card input[name=unit]").fill(bob.locator("main form.card input[name=unit]")
                                                        .input_value())
    bob.locator("main form.card button[type=submit]").click()  # a save that bumps the version again
    bob.wait_for_url(f"**/reports/{report_id}/review/")
    row = alice.locator(f"tr#row-{item_id}")
    with alice.expect_response(lambda r: r.url.endswith(f"/items/{item_id}/confirm/")) as answer:
        row.locator("button:has-text('确认')").click()
    assert answer.value.status == 409
    alice.locator(f"tr#row-{item_id} .error").wait_for()
    assert "supervisor" in alice.locator(f"tr#row-{item_id} .error").inner_text()
    assert alice.locator(f"tr#row-{item_id} .tag.st-corrected").count() == 1  # still corrected, not confirmed
    shots(alice, "stale-confirm-told", at=alice.locator(f"tr#row-{item_id}"))
