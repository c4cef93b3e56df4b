"""Qualitative tasks: commitments without a number (推进罗湖北站规划建设), one item per clause.

Only plan text gives tasks: review parts report what was done with the same verbs. A clause is a
task when it opens with a commitment verb (after an optional subject with a modal, connectives and
adverbs), carries no quantity (that would be a target), and is not a political formula. The verbs,
adverbs, quantity pattern and boilerplate are data (rules/tasks.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from duban import fastre
from duban.document import Document
from duban.extract.catalogue import repair
from duban.extract.sections import Structure
from duban.items import Item

RULES_PATH = Path(__file__).parent / "rules" / "tasks.toml"

_SPACES = " \t\u3000\n"
# what a cut may leave at the start of a clause: closing marks of the previous one, list commas
_LEAD_JUNK = _SPACES + "\"'”’」』)）》、"
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "(": ")", "（": "）"}
_CLOSING = {c: o for o, c in _PAIRS.items()}


@dataclass(frozen=True)
class _Rules:
    split: re.Pattern[str]
    min_len: int
    max_len: int
    head: re.Pattern[str]  # subject? connectives* (adverbs* verb)
    quantity: fastre.FirstClass  # its leading lookbehind keeps it off the fast path: tried from a digit on
    boilerplate: re.Pattern[str]
    review: re.Pattern[str]
    plan: re.Pattern[str]
    boilerplate_any: fastre.AnyOf  # the boilerplate test on the regex fast path
    verbs: re.Pattern[str]  # any commitment verb: a clause without one is no task
    # the head test tried on the sentence at each clause start (`_clause_head`), or None when the
    # rules' shapes do not allow it
    clause_head: re.Pattern[str] | None


def load_rules(path: Path = RULES_PATH) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def _alt(words: list[str]) -> str:
    alts = [re.escape(w) for w in sorted(set(words), key=len, reverse=True)]
    if all(fastre.starts_literal(a) for a in alts):
        # grouped by first character (the same matches, the same order of trials): the head
        # pattern tries one branch per character instead of every word (2.8 -> 1.7 us a clause)
        return fastre.by_first_character(alts)
    return "|".join(alts)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = load_rules()
    c = d["clause"]
    v = d["verbs"]
    head = (c["subject"] + f"(?:(?:{_alt(c['connectives'])}))*"
            + f"(?P<task>(?:{_alt(v['adverbs'])})*(?:{_alt(v['verbs'])}))")
    return _Rules(
        split=re.compile(c["split"]),
        min_len=c["min_len"],
        max_len=c["max_len"],
        head=re.compile(fastre.behind_after(head)),  # (?<!即)将 -> 将(?<!即将): 0.76 -> 0.5 us a clause
        quantity=fastre.FirstClass(re.compile(d["quantity"]["pattern"])),
        boilerplate=re.compile(d["boilerplate"]["pattern"]),
        review=re.compile(d["cues"]["review"]),
        plan=fastre.compile(d["cues"]["plan"]),
        boilerplate_any=fastre.AnyOf([d["boilerplate"]["pattern"]]),
        verbs=re.compile(_alt(v["verbs"])),
        clause_head=_clause_head(fastre.behind_after(head), c["split"]),
    )


_LOOKBEHIND = re.compile(r"\(\?<!([^()]*)\)")
_END_TESTS = re.compile(r"\(\?[=!<]|\\[AZbB]|\(\?\(")


def _no_end_test(src: str) -> bool:
    """No lookaround, anchor or word boundary in ``src`` (outside character classes): whether a
    match can depend on the text after it or on where the string starts."""
    return not _END_TESTS.search(src) and not any(ch in "^$" for _, ch, _ in fastre._scan(src))


def _clause_head(head: str, split: str) -> re.Pattern[str] | None:
    """``head`` (anchored with ^) after a clause's lead junk, to be matched in the sentence at the
    clause start instead of on the clause cut out and stripped. A match there is the clause's own
    when it holds no split mark (the head has no lookahead or end anchor, so the text after the
    clause changes no path that stays inside it); one that reaches across a mark is redone on the
    clause. The character before a clause is a mark (or none), which the head's negative
    lookbehinds must not name: then they fail there as at the start of the clause alone. None when
    the rules leave that shape."""
    if not head.startswith("^") or not re.fullmatch(r"\[[^\]\\^-]+\]", split):  # one class of plain characters
        return None
    body = head[1:]
    marks = set(re.sub(r"[\[\]]", "", split)) | set(_LEAD_JUNK)
    behinds = _LOOKBEHIND.findall(body)
    if any(ch in marks for b in behinds for ch in b) or not _no_end_test(_LOOKBEHIND.sub("", body)):
        return None
    junk = "[" + "".join(re.escape(ch) for ch in _LEAD_JUNK) + "]*+"  # possessive, as lstrip takes all
    return re.compile(f"{junk}(?P<body>{body})")


def task_start(clause: str) -> int | None:
    """Offset in ``clause`` where its task text starts, or None when the clause is no task."""
    m = _rules().head.match(clause)
    if not m:
        return None
    return _after_head(clause, m.start("task"), m.end())


def _after_head(clause: str, start: int, end: int) -> int | None:
    """`task_start` of a ``clause`` whose head matched, its task running from ``start``, its head
    to ``end``."""
    r = _rules()
    size = len(clause[start:].rstrip(_SPACES))
    # long enough, with an object after the verb (推进 alone is no task)
    if not r.min_len <= size <= r.max_len or size - (end - start) < 2:
        return None
    if r.quantity.search(clause) or r.boilerplate_any.search(clause):
        return None
    return start


def _clause_tasks(text: str, s: int, e: int, sentence: str, r: _Rules) -> Iterator[tuple[int, int]]:
    """(task start, clause end) in ``text`` of the clauses of the sentence ``text[s:e]`` that state a
    task, in order: each clause cut at the split marks, stripped of its lead junk, tested by
    `task_start`; with ``r.clause_head``, the same answers with fewer slices and calls per clause."""
    if r.clause_head is None:
        pos = s
        for m in [*r.split.finditer(text, s, e), None]:
            cend = m.start() if m else e
            cstart = pos
            pos = m.end() if m else e
            if r.verbs.search(text, cstart, cend) is None:
                continue
            clause = text[cstart:cend]
            lead = len(clause) - len(clause.lstrip(_LEAD_JUNK))
            i = task_start(clause[lead:])
            if i is not None:
                yield cstart + lead + i, cend
        return
    head = r.clause_head.match
    split = r.split.search
    pos = 0
    while True:
        m = head(sentence, pos)
        cut = split(sentence, pos)
        if m is not None:
            hs = m.start("body")
            cend = cut.start() if cut else len(sentence)
            clause = sentence[hs:cend]
            if m.end() <= cend:
                i = _after_head(clause, m.start("task") - hs, m.end() - hs)
            else:
                i = task_start(clause)  # the match reached across a mark: the clause's own test
            if i is not None:
                yield s + hs + i, s + cend
        if cut is None:
            return
        pos = cut.end()  # the next clause starts after the mark


def task_text(clause: str) -> str | None:
    """The task a clause states (clean text), or None. For tests and callers holding bare text."""
    s = clause.lstrip(_LEAD_JUNK).rstrip(_SPACES)
    i = task_start(s)
    return None if i is None else _clean(s[i:])


def _clean(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    # drop a trailing closing mark whose opening mark the clause cut left out
    while s and s[-1] in _CLOSING and s.count(s[-1]) > s.count(_CLOSING[s[-1]]):
        s = s[:-1]
    return s


_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=年)")


def _where(pattern: re.Pattern[str], text: str) -> Callable[[int, int], bool]:
    """``lambda lo, hi: pattern.search(text[lo:hi]) is not None``, answered from one scan of
    ``text`` when the pattern allows (`fastre.Spots`)."""
    if fastre.is_plain(pattern.pattern) and pattern.fullmatch("") is None:
        return fastre.Spots(pattern, text).search
    return lambda lo, hi: pattern.search(text[lo:hi]) is not None


def find_tasks(doc: Document, structure: Structure, year: int | None = None) -> list[Item]:
    """Qualitative ``task`` items of the plan parts of ``doc`` (spans in the original text)."""
    r = _rules()
    text = doc.text
    found: list[tuple[str, int, int]] = []  # (task, start, end in text), mapped to the original at the end
    period = str(year) if year else None
    seen: set[str] = set()
    seen_raw: set[str] = set()
    has_review = _where(r.review, text)  # one scan of the text, then asked per sentence
    # a task's head ends in a verb: a sentence or clause without one (a third to two thirds of all
    # clauses) is passed over by one regex call instead of the Python of its tests
    verb = r.verbs.search
    para_plan: dict[tuple[int, int], bool] = {}  # a paragraph's plan cue, looked up once for its sentences
    plan = r.plan.search
    part_at, in_heading = structure.part_at, structure.in_heading
    for s, e in structure.sentences:
        if verb(text, s, e) is None or in_heading(s):
            continue  # a theme heading repeats the tasks of its body
        # plans only: not in a review part, no review cue (review prose reports with the same verbs)
        part = part_at(s, infer=True)
        if part == "review" or has_review(s, e):
            continue
        sentence = text[s:e]
        cue = None  # the sentence's plan cue, searched at most once
        if year is not None and "年" in sentence:
            # a sentence about an earlier year reviews it, unless it also names a plan cue
            years = _YEARS.findall(sentence)
            if years and max(map(int, years)) < year:
                cue = plan(sentence) is not None
                if not cue:
                    continue
        if part != "plan":
            # outside a known plan part: a plan cue in the sentence, else in its paragraph
            if cue is None:
                cue = plan(sentence) is not None
            if not cue:
                para = structure.paragraph_at(s)
                if para is None:
                    continue
                if para not in para_plan:
                    para_plan[para] = plan(text[para[0]:para[1]]) is not None
                if not para_plan[para]:
                    continue
        for ts, te in _clause_tasks(text, s, e, sentence, r):
            while te > ts and text[te - 1] in _SPACES:
                te -= 1
            raw = text[ts:te]
            if raw in seen_raw:
                continue  # its task (a function of the words) is in seen already
            seen_raw.add(raw)
            indicator = repair(_clean(raw))  # spun copies: 巩固规复性增长底子 -> 恢复性增长基础
            if indicator in seen:
                continue  # news copies repeat their lead paragraph
            seen.add(indicator)
            found.append((indicator, ts, te))
    original = doc.original
    return [Item(kind="task", indicator=indicator, quote=original[os_:oe], span=(os_, oe), period=period,
                 section=structure.section_title(ts))
            for (indicator, ts, _), (os_, oe) in zip(found, doc.to_original_spans([f[1:] for f in found]), strict=True)]
