"""Spun copies read back (duban.ingest.unspin, rules/unspin.toml): every rule's examples, the
detector, the offset map, and whole spun documents that must yield their plain original's items."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban import api
from duban.document import Document
from duban.ingest.normalize import normalize
from duban.ingest.rules import load
from duban.ingest.unspin import _check, is_spun, signatures, unspin_edits, unspin_text

CFG = load("unspin")
RULES = CFG["rule"]
DATA = Path(__file__).parent / "data" / "spun"


@pytest.mark.parametrize("rule", RULES, ids=[r["name"] for r in RULES])
def test_rule_schema(rule: dict) -> None:
    assert {"name", "words", "repl", "good", "bad"} <= set(rule), rule.get("name")
    assert rule["good"] and rule["bad"], f"{rule['name']}: needs good and bad examples"
    assert all(isinstance(g, list) and len(g) == 2 for g in rule["good"]), rule["name"]
    for w in rule["words"]:
        _check(w, rule)  # compiles (fixed-width lookbehinds)


@pytest.mark.parametrize("rule", RULES, ids=[r["name"] for r in RULES])
def test_rule_examples(rule: dict) -> None:
    for spun, plain in rule["good"]:
        assert unspin_text(spun) == plain, (rule["name"], spun)
    for text in rule["bad"]:
        assert unspin_text(text) == text, (rule["name"], text)


def test_names_unique() -> None:
    names = [r["name"] for r in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("text", CFG["detect"]["good"])
def test_detect_spun(text: str) -> None:
    assert is_spun(text), signatures(text)


@pytest.mark.parametrize("text", CFG["detect"]["bad"])
def test_detect_plain(text: str) -> None:
    assert not is_spun(text), signatures(text)


def test_plain_document_untouched() -> None:
    text = CFG["detect"]["bad"][0] + "\n义务教育巩固率100%，优化营商环境，深化改革开放。"
    doc = normalize(Document(original=text))
    assert doc.text == text
    assert "spun" not in doc.meta["forms"]


def test_offsets_map_to_the_original() -> None:
    text = "2023年当局事情陈诉\n已往一年，城镇查询拜访失业率5.2%阁下，新建黉舍3所，固定财产投放增进10%。"
    doc = normalize(Document(original=text))
    assert "spun" in doc.meta["forms"]
    assert doc.text == "2023年政府工作报告\n过去一年，城镇调查失业率5.2%左右，新建学校3所，固定资产投资增长10%。"
    for plain, spun in (("调查失业率5.2%左右", "查询拜访失业率5.2%阁下"), ("学校3所", "黉舍3所"),
                        ("固定资产投资增长10%", "固定财产投放增进10%"), ("政府工作报告", "当局事情陈诉")):
        s = doc.text.index(plain)
        assert doc.quote(s, s + len(plain)) == spun


def test_edits_sorted_disjoint() -> None:
    text = "\n".join(g[0] for r in RULES for g in r["good"])
    edits = unspin_edits(text)
    assert all(a[1] <= b[0] for a, b in zip(edits, edits[1:], strict=False))


def _items(text: str) -> list[tuple]:
    ex = api.extract(text)
    return sorted((i.kind, i.indicator, i.cmp, i.low, i.high, i.unit, i.period) for i in ex.items)


PAIRS = sorted(p.stem.removesuffix(".spun") for p in DATA.glob("*.spun.txt"))


@pytest.mark.parametrize("name", PAIRS)
def test_spun_document_yields_plain_items(name: str) -> None:
    plain = (DATA / f"{name}.plain.txt").read_text(encoding="utf-8")
    spun = (DATA / f"{name}.spun.txt").read_text(encoding="utf-8")
    assert is_spun(spun) and not is_spun(plain)
    want = _items(plain)
    assert len(want) >= 5, "the plain original must yield items for the comparison to mean anything"
    assert _items(spun) == want
    for item in api.extract(spun).items:  # quotes stay in the spun text the user gave
        assert spun[item.span[0] : item.span[1]] == item.quote
