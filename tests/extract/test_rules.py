"""Every rule file entry carries good and bad examples; this runs them (and checks the schema)."""

from __future__ import annotations

import re

import pytest

import duban
from duban.extract.quantities import find_quantities, load_rules
from duban.items import CMPS

UNIT_KINDS = {"percent", "measure", "count", "scale"}
SCALE_WORDS = set(load_rules("units")["scale"][0]["words"])


def _entries(name: str, key: str) -> list[dict]:
    return load_rules(name)[key]


def _ids(entries: list[dict]) -> list[str]:
    return [e.get("name") or "/".join(e.get("words", []))[:30] for e in entries]


@pytest.mark.parametrize(("name", "key"), [("units", "unit"), ("units", "scale"), ("comparators", "comparator"),
                                           ("comparators", "range"), ("nonitems", "nonitem"), ("cues", "cue")])
def test_schema(name: str, key: str) -> None:
    for e in _entries(name, key):
        assert e.get("good") and e.get("bad"), f"{name}: every entry needs good and bad examples: {e}"
        if key == "unit":
            assert e["kind"] in UNIT_KINDS and e["words"]
            for k in ("needs_left", "not_before"):
                if k in e:
                    re.compile(e[k])
        if key == "comparator":
            assert e["cmp"] in CMPS and e["position"] in ("before", "after") and e["words"]
        if key == "nonitem":
            assert e.get("name") and e.get("why") and ("left" in e or "right" in e or "sentence" in e)
            for k in ("left", "right", "right_raw"):
                if k in e:
                    re.compile(e[k])
        if key == "cue":
            assert e["kind"] in ("target", "actual") and e["scope"] in ("mode", "clause", "after")
            for w in e["words"]:
                re.compile(w)


def _base_unit(unit: str) -> str:
    for w in sorted(SCALE_WORDS, key=len, reverse=True):
        if unit.startswith(w) and len(unit) > len(w):
            return unit[len(w):]
    return unit


def _units(text: str) -> list[str]:
    return [q.unit for q in find_quantities(text)]


@pytest.mark.parametrize("entry", _entries("units", "unit"), ids=_ids(_entries("units", "unit")))
def test_unit_examples(entry: dict) -> None:
    outs = {entry.get("out", w) for w in entry["words"]}
    for text in entry["good"]:
        # a per-unit written before the figure joins the unit (每立方米39微克 -> 微克/立方米): the word is 微克
        # (a unit word that starts with a scale word, 千瓦, is that word itself)
        assert any(u in outs or _base_unit(u) in outs or _base_unit(u).split("/")[0] in outs for u in _units(text)), (text, _units(text))
    for text in entry["bad"]:
        assert not any(_base_unit(u) in outs for u in _units(text)), (text, _units(text))


def test_scale_examples() -> None:
    entry = _entries("units", "scale")[0]
    for text in entry["good"]:
        assert any(u != _base_unit(u) for u in _units(text)), text
    for text in entry["bad"]:
        assert not any(u != _base_unit(u) for u in _units(text)), text


@pytest.mark.parametrize("entry", _entries("comparators", "comparator"),
                         ids=_ids(_entries("comparators", "comparator")))
def test_comparator_examples(entry: dict) -> None:
    for text in entry["good"]:
        qs = find_quantities(text)
        assert qs and qs[0].cmp == entry["cmp"], (text, qs)
    for text in entry["bad"]:
        qs = find_quantities(text)
        assert not qs or qs[0].cmp != entry["cmp"], (text, qs)


def test_range_examples() -> None:
    entry = _entries("comparators", "range")[0]
    for text in entry["good"]:
        assert any(q.cmp == "range" for q in find_quantities(text)), text
    for text in entry["bad"]:
        assert not any(q.cmp == "range" for q in find_quantities(text)), text


def _marked(example: str) -> tuple[str, int | None]:
    """'引入营收超[10]亿元' -> ('引入营收超10亿元', 5): the text and where the marked number starts."""
    m = re.search(r"\[([^\]]+)\]", example)
    if not m:
        return example, None
    return example[: m.start()] + m.group(1) + example[m.end():], m.start()


@pytest.mark.parametrize("entry", _entries("nonitems", "nonitem"), ids=_ids(_entries("nonitems", "nonitem")))
def test_nonitem_examples(entry: dict) -> None:
    for example in entry["good"]:
        text, at = _marked(example)
        qs = find_quantities(text)
        if at is None:
            assert not qs, (text, qs)
        else:
            assert all(q.num_start != at for q in qs), (text, qs)
    for example in entry["bad"]:
        text, at = _marked(example)
        qs = find_quantities(text)
        if at is None:
            assert qs, text
        else:
            assert any(q.num_start == at for q in qs), (text, qs)


def _first_kind(text: str) -> str | None:
    items = [i for i in duban.extract(text).items if i.kind in ("target", "actual")]
    return items[0].kind if items else None


@pytest.mark.parametrize("entry", _entries("cues", "cue"), ids=_ids(_entries("cues", "cue")))
def test_cue_examples(entry: dict) -> None:
    for text in entry["good"]:
        # an "after" cue speaks of the quantity it follows: the last one before it
        items = [i for i in duban.extract(text).items if i.kind in ("target", "actual")]
        kinds = [i.kind for i in items]
        assert entry["kind"] in kinds, (text, kinds)
    for text in entry["bad"]:
        assert _first_kind(text) not in (entry["kind"],), text


def test_single_count_examples() -> None:
    entry = _entries("units", "single_count")[0]
    assert entry["verbs"] and entry["measures"] and entry["good"] and entry["bad"]
    for text in entry["good"]:
        assert any(q.kind == "count" for q in find_quantities(text)), text
    for text in entry["bad"]:
        assert not find_quantities(text), (text, find_quantities(text))
