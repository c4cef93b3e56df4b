"""Read a spun web copy back into plain government prose (rules/unspin.toml).

A 伪原创 "spinner" swaps words for synonyms from a fixed table (政府工作报告 -> 当局事情陈诉,
目标 -> 方针, 学校 -> 黉舍), which hides every cue word and indicator from extraction. Two steps:

1. `is_spun`: one literal scan for spinner signatures (pairs that almost never occur in real
   government prose); a document is spun when it holds enough distinct ones. A plain document
   stops here and is never touched.
2. `unspin_edits`: the reverse map as edits, longest match first, each spun word only in the
   contexts its rule names (many are ordinary words: 环境, 公司, 成长, 改革). Replacements become
   a normalization Layer, so every quote still indexes the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from duban import fastre
from duban.ingest.rules import load

Edit = tuple[int, int, str]


@dataclass(frozen=True)
class _Alt:
    word: str
    repl: str
    check: re.Pattern[str]  # matched at the word's position: its context conditions
    rule: str


def _lookbehinds(items: list[str], negative: bool) -> str:
    op = "?<!" if negative else "?<="
    return "".join(f"({op}{b})" for b in items) if negative else "|".join(f"({op}{b})" for b in items)


def _check(word: str, rule: dict) -> re.Pattern[str]:
    """A pattern that matches ``word`` at a position exactly when the rule's contexts allow it.

    `before`/`after` are alternatives (either side may give the swap away), both required with
    `require_both`; `not_before` and `not_after` veto. Lookbehinds must each have a fixed width.
    """
    w = re.escape(word)
    veto = _lookbehinds(rule.get("not_before", []), negative=True)
    positive = []
    if rule.get("before"):
        positive.append(_lookbehinds(rule["before"], negative=False))
    if rule.get("after"):
        positive.append(f"(?={w}(?:{'|'.join(rule['after'])}))")
    ctx = "".join(f"(?:{p})" for p in positive) if rule.get("require_both") else (
        f"(?:{'|'.join(positive)})" if positive else "")
    tail = f"(?!{'|'.join(rule['not_after'])})" if rule.get("not_after") else ""
    return re.compile(f"{veto}{ctx}{w}{tail}", re.MULTILINE)


@cache
def _signatures() -> tuple[re.Pattern[str], int]:
    cfg = load("unspin")["detect"]
    words = sorted(set(cfg["signatures"]), key=len, reverse=True)
    # grouped by first character (fastre): most documents are plain and scanned whole
    return fastre.compile("|".join(map(re.escape, words))), cfg["min_distinct"]


@cache
def _signature_patterns() -> list[re.Pattern[str]]:
    """Signatures that need a context (a figure before 摆布): each counts once, however often it matches."""
    return [re.compile(p) for p in load("unspin")["detect"].get("patterns", [])]


@cache
def _rules() -> tuple[re.Pattern[str], dict[str, list[_Alt]]]:
    """(a literal scan for every spun word, longest first; first character -> alternatives,
    longest word first)."""
    alts = [_Alt(w, r["repl"], _check(w, r), r["name"]) for r in load("unspin")["rule"] for w in r["words"]]
    alts.sort(key=lambda a: len(a.word), reverse=True)  # stable: rule order breaks ties
    by_first: dict[str, list[_Alt]] = {}
    for a in alts:
        by_first.setdefault(a.word[0], []).append(a)
    words = sorted({a.word for a in alts}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), by_first


def signatures(text: str, enough: int | None = None) -> set[str]:
    """The distinct spinner signatures in ``text`` (the scan stops once ``enough`` are found)."""
    pat, _ = _signatures()
    found: set[str] = set()
    for m in pat.finditer(text):
        found.add(m.group())
        if enough is not None and len(found) >= enough:
            return found
    for p in _signature_patterns():
        if p.search(text):
            found.add(p.pattern)
            if enough is not None and len(found) >= enough:
                break
    return found


def is_spun(text: str) -> bool:
    need = _signatures()[1]
    return len(signatures(text, need)) >= need


def unspin_edits(text: str) -> list[Edit]:
    """Edits reading a spun text back (sorted, disjoint). Call only for a text that `is_spun`."""
    scan, by_first = _rules()
    edits: list[Edit] = []
    pos = 0
    while m := scan.search(text, pos):
        p = m.start()
        for a in by_first[text[p]]:
            if text.startswith(a.word, p) and a.check.match(text, p):
                if a.repl != a.word:
                    edits.append((p, p + len(a.word), a.repl))
                pos = p + len(a.word)
                break
        else:
            pos = p + 1  # no rule's context holds here: a shorter word may start later
    return edits


def unspin_text(text: str) -> str:
    """The whole reverse map applied to ``text`` (no detection): for rule examples and tools."""
    out, pos = [], 0
    for s, e, r in unspin_edits(text):
        out.append(text[pos:s])
        out.append(r)
        pos = e
    out.append(text[pos:])
    return "".join(out)
