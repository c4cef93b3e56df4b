"""duban.fastre: the fast forms give the answers of the plain patterns they stand for."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duban import fastre, relevance
from duban.demo import demo_text
from duban.fastre import (
    AnyOf,
    GroupCounter,
    Guarded,
    Spots,
    fast_groups,
    literal_first,
    literal_guard,
    split_top,
    starts_literal,
)
from duban.regions import simplify

# sources that overlap, tie at one position, start with classes, look behind and ahead
SOURCE_SETS = [
    ["ab|b", "[0-9]+a", "a[0-9]", "(?:x|y)z", "b[0-9]{2}", "z"],
    ["a", "[ab]b", "[0-9]", "b?x", "(?<!a)b", "x(?=a)"],
    ["[0-9]{2}", "1a|2b", "a", "[a-b]+1"],
    ["a", "ab", "(?:a|b)+y", "x?"],  # x? matches "": the plain scan is used
    ["[0-9]+a", "[0-9]{2}b|[ab]{2,3}", "a", "[ab]{1,}x", "[0-9]{0,2}y", r"\d+?z"],  # repeated first classes
    ["[0-]x", "[a]y", "b", "[-a]3"],  # a dash at a class edge must not make a range in the union
    ["(?=a)b?", "a", "[0-9]"],  # matches "" before an a: found while scanning, the plain scan is used
]


def _plain_counts(sources: list[str], s: str) -> list[int]:
    grouped = re.compile("|".join(f"(?P<f{i}>{src})" for i, src in enumerate(sources)))
    out = [0] * len(sources)
    for m in grouped.finditer(s):
        out[int(m.lastgroup[1:])] += 1  # type: ignore[index]
    return out


@pytest.mark.parametrize(("src", "parts"), [("a|(?:b|c)|d", ["a", "(?:b|c)", "d"]), ("[|]|a", ["[|]", "a"]),
                                            (r"\||a", [r"\|", "a"]), ("a", ["a"])])
def test_split_top(src: str, parts: list[str]) -> None:
    assert split_top(src) == parts


def test_fast_groups_are_literal_first_then_one_each() -> None:
    patterns = fast_groups(["(?<!比)去年|[0-9]+年", "(?:今|本)年"])
    assert [p.pattern for p in patterns] == ["去(?:(?<!比去)年)|今(?:年)|本(?:年)", "[0-9](?:(?<=[0-9])[0-9]*年)"]
    assert starts_literal("去(?<!比去)年") and not starts_literal("[0-9]+年") and not starts_literal("a?b")


@pytest.mark.parametrize("sources", SOURCE_SETS)
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab0123xyz-", max_size=30))
def test_group_counter_random(sources: list[str], s: str) -> None:
    assert GroupCounter(sources).counts(s) == _plain_counts(sources, s)


@pytest.mark.parametrize("sources", SOURCE_SETS)
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab0123xyz-", max_size=20))
def test_any_of_random(sources: list[str], s: str) -> None:
    assert AnyOf(sources).search(s) == bool(re.search("|".join(sources), s))


# alternatives anchored at the start (^x) are tested with match; (?m) and backreferences keep the plain way
ANCHORED_SETS = [["^ab|b0", "x"], ["a1|^b|^[0-9]y"], ["^x", "^a?b"], ["(?m)^ab|x"], [r"(a)\1|^b"]]


@pytest.mark.parametrize("sources", ANCHORED_SETS)
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab0123xyz\n", max_size=20))
def test_any_of_anchored_random(sources: list[str], s: str) -> None:
    assert AnyOf(sources).search(s) == bool(re.search("|".join(sources), s))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab0123xyz", max_size=20))
def test_literal_first_same_matches(s: str) -> None:
    for src in ("(?<!a)b", "x?ab", "(?:a|b|x)[0-9]", "(?:a|bx?)y", "(?<![ab])x(?=a)", "(?:a|b)?x",
                "(?:ab)?[0-9]y|a", "(?:a|y)?(?:x|b)?[0-9]"):
        plain = re.compile(src)
        fast = re.compile("|".join(literal_first(src)))
        assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)], src


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abxy01", max_size=20))
def test_behind_after_same_matches(s: str) -> None:
    for src in ("x(?<![ab])y|(?<!a)b*", "^(?:[^0]{0,4}?(?:(?<!x)a|(?<![xy])b))?(?:ab|y)+", r"((?<!1)0)+\(?x",
                "[(?<!a)b]x"):
        fast = fastre.behind_after(src)
        assert [m.span() for m in re.finditer(fast, s)] == [m.span() for m in re.finditer(src, s)], src
        assert [m.groups() for m in re.finditer(fast, s)] == [m.groups() for m in re.finditer(src, s)], src
    assert fastre.behind_after("(?<!即)将|(?<![主重])要") == "将(?<!即将)|要(?<![主重]要)"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab0123xy()[", max_size=20))
def test_noncapturing_same_matches(s: str) -> None:
    for src in ("(a|b)?x", r"[(](a)\((b|x)+", "(?:a)(?P<n>b)(x)?", r"(a)\1|b"):
        fast = fastre.noncapturing(src)
        assert [m.span() for m in re.finditer(fast, s)] == [m.span() for m in re.finditer(src, s)], src
    assert fastre.noncapturing("(a|b)?[(]x(?=y)") == "(?:a|b)?[(]x(?=y)"
    assert fastre.noncapturing(r"(a)\1") == r"(a)\1"  # refers to its group: left as it is


REQUIRED_SOURCES = ["(?:a|bc)?x+[0-9]{2}", "ab|c", "a?b", "(?:ab|ba)y+", "[ab]{0,3}?(?:xy|y0)[0-9]|1",
                    "(a(?:b|x))+?0", "(?>ab|b)y", "x(?=ab)", "(?:a|)b"]


@pytest.mark.parametrize("src", REQUIRED_SOURCES)
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abxy01", max_size=20))
def test_required_strings_in_every_match(src: str, s: str) -> None:
    need = fastre.required_strings(src)
    assert need is not None  # (for x(?=ab): x; the lookahead's ab lies outside the match)
    for m in re.finditer(src, s):
        assert need is None or any(w in m.group() for w in need), (src, m.group(), need)
    assert fastre.required_strings("(?i)ab") is None and fastre.required_strings("[ab]+") is None


def _relevance_texts(corpus: Path | None) -> list[str]:
    texts = [demo_text()]
    if corpus is not None:
        texts += [json.loads(p.read_text("utf-8"))["text"] for p in sorted(corpus.glob("*.json"))]
    return [simplify(t) for t in texts]


def test_relevance_features_as_the_plain_scan() -> None:
    model = relevance._model()
    for s in _relevance_texts(None):
        assert model.counter.counts(s) == _plain_counts([f.pattern for f in model.features], s)


def test_relevance_features_on_the_corpus(corpus_dev: Path) -> None:
    model = relevance._model()
    for s in _relevance_texts(corpus_dev):
        assert model.counter.counts(s) == _plain_counts([f.pattern for f in model.features], s)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="规划时期间到2019年ab", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_spots_as_slice_search(text: str, lo: int, hi: int) -> None:
    pattern = re.compile("规划|时期|期间|到20[0-9][0-9]年|ab")
    assert Spots(pattern, text).search(lo, hi) == (pattern.search(text[lo:hi]) is not None)


def test_spots_refuses_patterns_that_look_around() -> None:
    for src in ("(?<!a)b", "a(?=b)", "^a", "a$", r"\ba", "a*"):
        with pytest.raises(ValueError):
            Spots(re.compile(src), "ab")


def _plan_cue_sources() -> list[str]:
    from duban.extract import sections, tasks

    return [sections.load_rules()["cues"]["plan"], tasks.load_rules()["cues"]["plan"]]


@pytest.mark.parametrize("src", ["(?<!比)去年|今年|将(?![近其])", "规划|计划|纲要", "(?:a|b)c|ab", "a(b)|c", "[0-9]+年|年"])
@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="比去年今将近其规划计纲要abc0123", max_size=30))
def test_compile_same_matches(src: str, s: str) -> None:
    assert [m.span() for m in fastre.compile(src).finditer(s)] == [m.span() for m in re.finditer(src, s)]


def test_compile_rule_patterns(corpus_dev: Path) -> None:
    texts = [demo_text()] + [json.loads(p.read_text("utf-8"))["text"] for p in sorted(corpus_dev.glob("*.json"))]
    for src in _plan_cue_sources():
        fast, plain = fastre.compile(src), re.compile(src)
        assert fast.pattern != plain.pattern  # the rewrite applies to these rules
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(("src", "guard"), [
    ("ab+c", ("ab",)), ("a?bc|d", ("bc", "d")), (r"\dab", ("ab",)), ("a{2,3}bc", ("bc",)), ("(?<!x)yz", ("yz",)),
    ("a|b*", None), ("abc(?i:d)", None), ("第?([一二]+)届全国人(?:民代表)?大", ("届全国人",)),
    (r"\u4e00abc", ("abc",)), (r"\x41bc|\N{DIGIT ONE}23", ("bc", "23")),
])
def test_literal_guard(src: str, guard: tuple[str, ...] | None) -> None:
    assert literal_guard(src) == guard


@pytest.mark.parametrize("src", ["ab+c", "a?bc|d", r"\dab", "a{2,3}bc", "(?<!x)yz", "x(?:yz)?b", "[ab]{2}c|0a"])
@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abcdxyz0123", max_size=20))
def test_guarded_search(src: str, s: str) -> None:
    plain = re.compile(src)
    found = Guarded(plain).search(s)
    assert (found.span() if found else None) == (m.span() if (m := plain.search(s)) else None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abxy01", max_size=20))
def test_long_lookbehind_moved_after_literal(s: str) -> None:
    # a lookbehind of several characters (or classes) before a literal: the same test after it
    for src in ("(?<!ab)x|y", "(?<!a[xy])b0", "(?<![ab]1)0(?=x)|a"):
        fast = "|".join(literal_first(src))
        assert [m.span() for m in re.finditer(fast, s)] == [m.span() for m in re.finditer(src, s)], src
        after = fastre.behind_after(src)
        assert [m.span() for m in re.finditer(after, s)] == [m.span() for m in re.finditer(src, s)], src
    assert literal_first("(?<!承诺的)民生实事") == ["民(?<!承诺的民)生实事"]


_OLD_CANDIDATE = re.compile(r"[^\n]*?\S(?:\t|[ \u3000]*\|[ \u3000]*|[ \u3000]{2,})\S[^\n]*")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab| \t\u3000\n", max_size=40))
def test_table_candidate_lines(s: str) -> None:
    # tables._candidates tests the separator runs of a line, not the whole line: the same lines
    from duban.extract import tables

    want = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", s)
            if m.start() == 0 or s[m.start() - 1] == "\n"]
    want = [span for span in want if _OLD_CANDIDATE.fullmatch(s, *span)]
    assert [m.span() for m in tables._candidates(s)] == want


FIRST_SOURCES = [r"(?<![ab.])(?:\d+(?:\.\d+)?|[xy]+(?=[ab]))\s*(?:a|b0)", r"(?<!x)a?b", r"(?:ab|[0-9]x)+y?",
                 r"^\s*x", r"\bab", r"(?=a)[ab]0", r"(?<=a)b|y", r"(?:a|)b"]


@pytest.mark.parametrize("src", FIRST_SOURCES)
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.xy01 ", max_size=24))
def test_first_class_search(src: str, s: str) -> None:
    plain = re.compile(src)
    first = fastre.first_class(src)
    assert first is not None
    for m in plain.finditer(s):  # every match starts with a character of the class
        assert m.end() == m.start() or first.match(s, m.start()), (src, s, m)
    found = fastre.FirstClass(plain).search(s)
    assert (found.span() if found else None) == (m.span() if (m := plain.search(s)) else None)


@pytest.mark.parametrize("src", [r"\d*", r".a", r"[^a]b", r"(?i)a", r"a|", r"(?:a|(?i:b))", r"\Da"])
def test_first_class_unknown(src: str) -> None:
    assert fastre.first_class(src) is None


def test_first_class_of_the_task_quantity_rule() -> None:
    # tasks.toml's quantity pattern starts with a lookbehind: searched from its first class, the
    # same answers on the rule's examples
    from duban.extract import tasks

    rule = tasks.load_rules()["quantity"]
    plain = re.compile(rule["pattern"])
    fast = fastre.FirstClass(plain)
    assert fast.first is not None
    for s in [*rule["good"], *rule["bad"]]:
        got, want = fast.search(s), plain.search(s)
        assert (got.span() if got else None) == (want.span() if want else None), s


_TASK_PIECES = ["推进", "加快", "建设", "同时", "将", "要", "即将", "主要", "坚持", "进一步", "”", " ", "、", "\n",
                "，", "。", "！", "；", "城市", "项目", "的", "3", "个", "全面", "习近平", "（", "）"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TASK_PIECES), max_size=30))
def test_clause_head_in_the_sentence(pieces: list[str]) -> None:
    # tasks: the head matched in the sentence at each clause start gives the tasks that cutting,
    # stripping and testing each clause gives
    import dataclasses

    from duban.extract import tasks

    r = tasks._rules()
    assert r.clause_head is not None
    plain = dataclasses.replace(r, clause_head=None)
    text = "前文。" + "".join(pieces)
    s, e = 3, len(text)
    assert list(tasks._clause_tasks(text, s, e, text[s:e], r)) == list(tasks._clause_tasks(text, s, e, text[s:e], plain))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \u3000\t|", max_size=30))
def test_table_cell_split(s: str) -> None:
    # tables._CELL_SPLIT, written to start with one class: the separators of its plain form
    from duban.extract import tables

    plain = re.compile(r"[ \u3000]*(?:\t|\|)[ \u3000]*|[ \u3000]{2,}|(?<=\S)\u3000(?=\S)")
    assert [m.span() for m in tables._CELL_SPLIT.finditer(s)] == [m.span() for m in plain.finditer(s)]


@pytest.mark.parametrize("sources", SOURCE_SETS)
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab0123xyz-", max_size=60), st.integers(0, 6))
def test_group_counter_stops_with_lower_bounds(sources: list[str], s: str, need: int) -> None:
    # counts(enough=...) stops once enough holds: each count at most the full one; never stopped,
    # the full counts
    counter = GroupCounter(sources)
    full = _plain_counts(sources, s)
    part = counter.counts(s, enough=lambda c: sum(c) >= need)
    assert all(p <= f for p, f in zip(part, full, strict=True))
    assert sum(part) >= min(need, sum(full)) or sum(part) == sum(full)
    assert counter.counts(s, enough=lambda c: False) == full


_NOISE_PAGES = ["体育新闻：主队三比一获胜，球迷欢呼。" * 40, "特价促销 包邮 优惠券 立即购买 " * 60, ""]
_THRESHOLDS = [0.05, 0.2, 0.5, 0.9, 0.999]


def _at_least_as_score(texts: list[str]) -> None:
    for s in texts:
        for t in _THRESHOLDS:
            assert relevance.at_least(s, t, simplified=True) == (relevance.score(s, simplified=True) >= t)


def test_relevance_at_least_as_the_score() -> None:
    # the early stop of at_least gives the answer of the full score, on a report and on noise pages
    _at_least_as_score(_relevance_texts(None) + [simplify(t) for t in _NOISE_PAGES])


def test_relevance_at_least_with_negative_words_late() -> None:
    # a report head with words of negative features after it (company, shop, forum): the early stop
    # may not take them at 0, whichever comes first and however many
    report = _relevance_texts(None)[0]
    tails = ["公司股东净利润每股股价董事会。" * k for k in (1, 3, 8)] + ["包邮下单秒杀。楼主回复网友。" * 5, "彩票"]
    _at_least_as_score([report + t for t in tails] + [t + report for t in tails] + [report[:200] + tails[-2]])


def test_relevance_at_least_on_the_corpus(corpus_dev: Path) -> None:
    _at_least_as_score(_relevance_texts(corpus_dev))


@settings(max_examples=300)
@given(st.text(alphabet="的年度全预期目标任务计划居位列排名第一十首前国省市中部，、 ,。5", max_size=24))
def test_classify_after_cue_guards_pass_every_match(s: str) -> None:
    # classify skips the after-quantity cue patterns when their guard fails: it must hold for every match
    from duban.extract.classify import cues

    c = cues()
    if c.after_target.match(s):
        assert c.after_target_first is None or s[:1] in c.after_target_first
    if c.after_actual.match(s):
        assert c.after_actual_needs is None or c.after_actual_needs.search(s)
    assert c.after_target_first is not None and c.after_actual_needs is not None  # the guards are in use


_HEADING_PIECES = ["\n", " ", "\u3000", "【", "[", "2024", "1999", "年", "，", "、", "我们", "我們", "这样干", "這樣幹",
                   "这么干", "怎么干", "干了啥", "干了什么", "幹了什麼", "成绩单", "成績單", "答卷", "】", "!", "这样",
                   "干", "单", "成绩", "x"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_HEADING_PIECES), max_size=10))
def test_year_heading_guard_passes_every_match(pieces: list[str]) -> None:
    # classify tries YEAR_HEADING only on a stretch where YEAR_HEADING_WORD is found
    from duban.extract.classify import YEAR_HEADING, may_end_in_year_heading

    s = "".join(pieces)
    if YEAR_HEADING.search(s):
        assert may_end_in_year_heading(s), s
    for heading in ("2024年，我们这样干\n", "【2023年成绩单】 \u3000\n", "2022 答卷", "2021年這樣幹", "x\n2020干了什么！\n"):
        assert YEAR_HEADING.search(heading) and may_end_in_year_heading(heading)
    assert not may_end_in_year_heading("2024年，我们这样干。下一句说的是别的")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abxy01 ,", max_size=20))
def test_positive_and_group_lookbehind_moved_after_literal(s: str) -> None:
    # (?<=X)c -> c(?<=Xc), and a lookbehind before a group of alternatives taken into each of them
    # (the anecdote rule's clause-start head: (?:^|(?<=[，,\s]))(?:他们|他|我家))
    for src in ("(?<=a)x|y", "(?<=[, ])(?:ab|a|x0)", "(?:^|(?<=[,\\s]))(?:ab|a|by)", "(?<!a)(?:x|yb)0",
                "(?<=a[\\sx])(?:b|y)?0"):
        fast = "|".join(literal_first(src))
        assert [m.span() for m in re.finditer(fast, s)] == [m.span() for m in re.finditer(src, s)], src
        after = fastre.behind_after(src)
        assert [m.span() for m in re.finditer(after, s)] == [m.span() for m in re.finditer(src, s)], src
    assert literal_first("(?<=[,\\s])(?:他们|他)") == ["他(?<=[,\\s]他)们", "他(?<=[,\\s]他)"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abxy01", max_size=20))
def test_lookbehind_before_optional_moved_after_literal(s: str) -> None:
    # (?<!X)c?rest and (?<!X)(?:a|b)?rest: each alternative literal-first, the same matches
    for src in ("(?<![ab])x?y0", "(?<!a)(?:xb|y)?0", "(?<=[ab])x?y|0"):
        alts = literal_first(src)
        assert all(fastre.starts_literal(a) for a in alts), alts
        assert [m.span() for m in re.finditer("|".join(alts), s)] == [m.span() for m in re.finditer(src, s)], src


def test_cue_words_stay_on_the_fast_path() -> None:
    # one cue word the rewrite cannot make literal-first takes the whole cue alternation off the
    # regex fast path (classify twice as slow): every unanchored cue word must start with a literal
    import tomllib
    from pathlib import Path

    from duban.extract.quantities import _variant_sources

    rules = Path(fastre.__file__).parent / "extract" / "rules" / "cues.toml"
    # (an "after" cue is matched at one position, anchored by design; an anchored word of another
    # scope joins an alternation searched along a clause or a stretch, and takes it off the fast path)
    words = [(w, cue["scope"]) for cue in tomllib.loads(rules.read_text("utf-8"))["cue"] for w in cue["words"]]
    slow = [w for w, scope in words if not (w.startswith("^") and scope == "after")
            and not all(fastre.starts_literal(a) for v in _variant_sources([w]) for a in literal_first(v))]
    assert not slow


def test_negative_lookarounds_of_every_spelling_exclude_both_scripts() -> None:
    # tpat's spellings are alternatives tried on any text: an exclusion must hold in each
    from duban.extract.quantities import tpat

    part = re.compile(tpat("(?<![比较])上半年"))
    assert part.search("比较上半年") is None and part.search("比較上半年") is None
    assert part.search("全市上半年") is not None
    year = re.compile(tpat("全年(?!目标|任务)"))
    assert year.search("完成全年目标") is None and year.search("完成全年目標") is None
    assert year.search("全年增长") is not None


@settings(max_examples=500)
@given(st.text(alphabet="，。 \n\t、年增长5%“”ab:：\u3000", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_quote_start_as_the_loop_over_marks(s: str, at: int, floor: int) -> None:
    # extract._span finds the last clause mark or run of blanks in one match: the start of the
    # quote is the one a loop over every mark in the window gives
    extract = importlib.import_module("duban.extract")
    at, floor = min(at, len(s)), min(floor, at, len(s))
    start = max(0, at - 16, floor)
    for m in re.finditer(r"[,，;；:：。！？!?\n、“”\"]|\s{2,}", s[:at]):
        if m.start() >= start:
            start = m.end()
    while start < at and s[start].isspace():
        start += 1
    assert extract._span(s, SimpleNamespace(start=at, end=at), floor) == (start, at)
