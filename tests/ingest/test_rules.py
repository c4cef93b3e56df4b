"""Every ingest rule's good and bad examples (src/duban/ingest/rules/*.toml) run here."""

from __future__ import annotations

import re

import pytest

from duban.document import Document
from duban.ingest.normalize import (
    _inline_rules,
    _symbols_ok,
    inline_edits,
    is_boilerplate_line,
    is_spam_line,
    letter_spaced_edits,
    line_edits,
    spacing_edits,
)
from duban.ingest.rules import compile_pattern, load

BOILERPLATE = load("boilerplate")["rule"]
SPAM = load("spam")
SPACING = load("spacing")["rule"]


def _apply(text: str, edits) -> str:
    doc = Document(original=text)
    doc.apply(edits)
    return doc.text


def _schema(rule: dict, pairs: bool) -> None:
    assert {"name", "why", "pattern", "good", "bad"} <= set(rule), rule.get("name")
    assert rule["good"] and rule["bad"], f"{rule['name']}: needs good and bad examples"
    compile_pattern(rule["pattern"], rule.get("flags", ""))
    if pairs:
        assert all(isinstance(g, list) and len(g) == 2 for g in rule["good"]), rule["name"]


@pytest.mark.parametrize("rule", BOILERPLATE, ids=lambda r: r["name"])
def test_boilerplate_rule(rule: dict) -> None:
    _schema(rule, pairs=False)
    alone = compile_pattern(rf"[ \t]*(?:{rule['pattern']})[ \t]*")
    trigger = re.compile("|".join(re.escape(w) for w in rule["trigger"]), re.I)
    for line in rule["good"]:
        assert alone.fullmatch(line), f"{rule['name']} should drop {line!r}"
        assert trigger.search(line), f"{rule['name']}: trigger misses {line!r}"
        assert is_boilerplate_line(line)
        assert line_edits(f"正文\n{line}\n正文")[0] == [(3, 4 + len(line), "")]
    for line in rule["bad"]:
        # no rule of the file, combined as normalize() uses them, may drop a line meant to stay
        assert not is_boilerplate_line(line), f"{line!r} must stay"
        assert line_edits(line)[0] == []


def test_spam_lines() -> None:
    cfg = SPAM["lines"]
    assert cfg["good"] and cfg["bad"]
    for line in cfg["good"]:
        assert is_spam_line(line), line
    for line in cfg["bad"]:
        assert not is_spam_line(line), line


@pytest.mark.parametrize("rule", SPAM["inline"], ids=lambda r: r["name"])
def test_inline_rule(rule: dict) -> None:
    _schema(rule, pairs=True)
    pat = compile_pattern(rule["pattern"], rule.get("flags", ""))
    for before, after in rule["good"]:
        spans = [m.span("drop") if "drop" in pat.groupindex else m.span() for m in pat.finditer(before)]
        edits = [(s, e, "") for s, e in spans if _symbols_ok(rule, before[s:e])]
        assert _apply(before, edits) == after, rule["name"]
        assert _apply(before, inline_edits(before)[0]) == after, rule["name"]
    for text in rule["bad"]:
        spans = [m.span("drop") if "drop" in pat.groupindex else m.span() for m in pat.finditer(text)]
        assert not [1 for s, e in spans if _symbols_ok(rule, text[s:e])], f"{rule['name']}: {text!r}"
        edits, _, _ = inline_edits(text)
        assert _apply(text, edits) == text


def test_inline_rules_load() -> None:
    assert len(_inline_rules()) == len(SPAM["inline"])


@pytest.mark.parametrize("rule", SPACING, ids=lambda r: r["name"])
def test_spacing_rule(rule: dict) -> None:
    _schema(rule, pairs=True)
    pat = compile_pattern(rule["pattern"], rule.get("flags", ""))
    assert pat.groups == 0, "spacing rules run as one alternation: no capturing groups"
    assert rule["pattern"].startswith(" "), "spacing rules start at a space (a tab separates columns: kept)"
    for before, after in rule["good"]:
        # the rule alone moves the text towards the result; all rules together reach it
        assert pat.search(before), f"{rule['name']} should fire on {before!r}"
        assert _apply(before, spacing_edits(before)[0]) == after
    for text in rule["bad"]:
        assert not pat.search(text), f"{rule['name']} must not fire on {text!r}"


def test_spacing_guard_admits_every_rule() -> None:
    guard = compile_pattern(load("spacing")["guard"])
    for rule in SPACING:
        for before, _ in rule["good"]:
            pat = compile_pattern(rule["pattern"])
            for m in pat.finditer(before):
                assert guard.match(before, m.start()), (rule["name"], before)


def test_letter_spaced_lines() -> None:
    cfg = load("spacing")["letter_spaced"]
    for before, after in cfg["good"]:
        assert _apply(before, spacing_edits(before)[0]) == after
    for text in cfg["bad"]:
        assert not letter_spaced_edits(text), text
