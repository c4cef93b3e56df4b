"""normalize.boilerplate_form tries only the rules a line can match; the answer must be the one
of the pattern of all rules (the same rule wins, the same form)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from duban.demo import demo_text
from duban.ingest import normalize
from duban.ingest.rules import load


def _all_rules(line: str) -> str | None:
    if len(line) > normalize.MAX_LINE:
        return None
    m = normalize._boilerplate()[1].fullmatch(line)
    return normalize._boilerplate_forms()[m.lastgroup] if m else None


def _lines() -> list[str]:
    rules = load("boilerplate")["rule"]
    lines = [x for r in rules for x in r.get("good", []) + r.get("bad", [])]
    lines += demo_text().split("\n")
    rng = random.Random(3)
    # pieces and joins of the examples: lines that hold several rules' words, or half of one
    for _ in range(3000):
        a, b = rng.choice(lines), rng.choice(lines)
        i, j = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
        lines.append(a[:i] + b[j:])
        lines.append("  " + a[i:] + " ")
    return lines


def test_same_form_as_all_rules() -> None:
    lines = _lines()
    assert sum(_all_rules(x) is not None for x in lines) > 50  # the sample reaches the rules
    for line in lines:
        assert normalize.boilerplate_form(line) == _all_rules(line), line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="来源作者编辑:：| >-摄图记者页共第1 分享到微信评论条", max_size=30))
def test_same_form_random(line: str) -> None:
    assert normalize.boilerplate_form(line) == _all_rules(line)
