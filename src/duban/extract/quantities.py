"""Quantities: a number with its range, comparator, scale word and unit, found in one regex scan.

`find_quantities(text)` runs `numbers.NUMBER` over the text once, then reads the few characters
around each hit with small compiled patterns built from the rule files (units.toml,
comparators.toml, nonitems.toml). It keeps only what the GUIDE calls a quantity: a number with a
unit (or a scale word), not a date, ordinal, name, ranking, ratio or a threshold inside a definition.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path

from duban.extract.numbers import ARABIC, CHINESE, NUMBER, parse_arabic, parse_chinese
from duban.fastre import (
    AnyOf,
    by_first_character,
    fast_groups,
    literal_first,
    scan,
    split_top,
    starts_literal,
)

RULES_DIR = Path(__file__).with_name("rules")


@cache
def load_rules(name: str) -> dict:
    """A rule file of rules/ as a dict (cached)."""
    with open(RULES_DIR / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


@cache
def _converters() -> tuple:
    import opencc

    return tuple(opencc.OpenCC(c) for c in ("s2t", "s2hk", "s2tw"))


def variants(word: str) -> set[str]:
    """The word and its traditional spellings, so rules also read text that was not normalized.

    The negative lookarounds of every spelling exclude the words of all spellings ((?<![比较])上半年 ->
    (?<![比较較])上半年 in each): the spellings are tried as alternatives on any text, and one whose
    exclusion named only its own script would match text that the others exclude."""
    converted = {c.convert(word) for c in _converters()} - {word}
    if not converted:
        return {word}
    spellings = [word, *sorted(converted)]
    if ("(?!" not in word and "(?<!" not in word) or any(len(v) != len(word) for v in converted):
        return set(spellings)
    spans = _negative_lookarounds(word)
    if not spans:
        return set(spellings)
    out = set()
    for v in spellings:
        for start, end in sorted(spans, reverse=True):  # from the right: earlier offsets stay valid
            inners = [w[start:end] for w in spellings]
            v = v[:start] + _union(inners) + v[end:]
        out.add(v)
    return out


def _negative_lookarounds(word: str) -> list[tuple[int, int]]:
    """(start, end) of the contents of each outermost negative lookaround of ``word``."""
    spans: list[tuple[int, int]] = []
    stack: list[int | None] = []
    for i, ch, _ in scan(word):
        if ch == "(":
            if word.startswith("(?!", i):
                stack.append(i + 3)
            elif word.startswith("(?<!", i):
                stack.append(i + 4)
            else:
                stack.append(None)
        elif ch == ")" and stack:
            inner = stack.pop()
            if inner is not None and not any(a <= inner < b for a, b in spans):
                spans = [(a, b) for a, b in spans if not inner <= a < i] + [(inner, i)]
    return spans


_ATOM = re.compile(r"\\.|\[(?!\^)((?:\\.|[^\]\\])+)\]|[^\\()\[\]{}|.?*+^$]")


def _union(inners: list[str]) -> str:
    """One lookaround content matching what any of ``inners`` (same-shape spellings) matches: a
    sequence of characters and classes merged position by position into classes (a lookbehind stays
    one literal-led sequence, which `fastre` can move after its literal); else the alternation."""
    distinct = list(dict.fromkeys(inners))
    if len(distinct) == 1:
        return distinct[0]
    atoms = [[m for m in _ATOM.finditer(x)] for x in distinct]
    if all(sum(m.end() - m.start() for m in a) == len(x) for a, x in zip(atoms, distinct, strict=True)) \
            and len({len(a) for a in atoms}) == 1 and not any(m.group().startswith("\\") for a in atoms for m in a):
        out = []
        for column in zip(*atoms, strict=True):
            chars = "".join(dict.fromkeys("".join(m.group(1) or m.group() for m in column)))
            out.append(chars if len(chars) == 1 else "[" + chars + "]")
        return "".join(out)
    return "|".join(distinct)


def tpat(pattern: str) -> str:
    """A regex source that also matches the traditional spellings of its literal words."""
    return "(?:" + "|".join(sorted(variants(pattern.replace("$", r"\Z")))) + ")"


def _variant_sources(words: Iterable[str]) -> list[str]:
    """The regex sources of ``words`` and their traditional spellings, in `tpat`'s order."""
    return [v for w in words for v in sorted(variants(w.replace("$", r"\Z")))]


def alternation(words: Iterable[str]) -> str:
    """One flat regex alternation matching what ``"|".join(tpat(w) for w in words)`` matches, in the
    same order, each alternative rewritten to start with a literal where it can (`fastre`): the
    regex engine then skips to the alternatives' first characters (8 -> 250 M characters/s)."""
    alts = [alt for v in _variant_sources(words) for alt in literal_first(v)]
    # grouped by first character when every alternative starts with a literal (else the order
    # between a grouped literal and another alternative could change)
    return by_first_character(alts) if all(starts_literal(a) for a in alts) else "|".join(alts)


def any_of(words: Iterable[str]) -> AnyOf:
    """Does one of the regex ``words`` (or their traditional spellings) match somewhere in a string?
    ``.search(s)`` answers as ``re.compile("|".join(tpat(w) for w in words)).search(s)`` would."""
    return AnyOf(_variant_sources(words))


def _alt(words: dict[str, str] | set[str] | list[str]) -> str:
    """Regex alternation, longest first so 个百分点 wins over 个."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass
class UnitRule:
    out: str
    kind: str
    needs_left: re.Pattern | None = None
    needs_scale: bool = False
    not_before: re.Pattern | None = None  # the unit word begins another word (台 of 台阶): no quantity


@dataclass
class Quantity:
    """One quantity in a text: offsets into that text and the parsed value."""

    start: int  # first character (a comparator before the number, or the number)
    end: int  # after the last character (unit and comparator after it)
    num_start: int
    low: float
    high: float
    cmp: str
    unit: str  # scale word + unit, simplified (万平方米, 亿元, %, 百分点); "" for a bare count
    kind: str  # unit kind: percent / measure / count / scale
    scale: float = 1.0
    unit_end: int = 0  # end of the unit (before a comparator after it)

    @property
    def value_base(self) -> float:
        return self.low * self.scale


class _Grammar:
    """The compiled patterns of the rule files."""

    def __init__(self) -> None:
        units = load_rules("units")
        self.scales: dict[str, str] = {}
        for entry in units["scale"]:
            for w in entry["words"]:
                for v in variants(w):
                    self.scales[v] = w
        self.units: dict[str, UnitRule] = {}
        for entry in units["unit"]:
            left = re.compile(tpat(entry["needs_left"])) if entry.get("needs_left") else None
            not_before = re.compile(tpat(entry["not_before"])) if entry.get("not_before") else None
            for w in entry["words"]:
                rule = UnitRule(entry.get("out", w), entry["kind"], left, entry.get("needs_scale", False), not_before)
                for v in variants(w):
                    self.units.setdefault(v, rule)
        comps = load_rules("comparators")
        self.before: dict[str, str] = {}
        self.after: dict[str, str] = {}
        # a before-word that is the end of another word (签约, 节约): the characters that make it so
        self.word_ends: dict[str, str] = {}
        for entry in comps["comparator"]:
            table = self.before if entry["position"] == "before" else self.after
            for w in entry["words"]:
                for v in variants(w):
                    table[v] = entry["cmp"]
            for w, chars in entry.get("word_ends", {}).items():
                for v in variants(w):
                    self.word_ends[v] = "".join(sorted({c for ch in chars for c in variants(ch)}))
        seps = [v for entry in comps["range"] for w in entry["words"] for v in variants(w)]
        more = "多|余|餘"
        num = f"(?:{ARABIC}|{CHINESE})"
        unit_alt = _alt(self.units)
        scale_alt = _alt(self.scales)
        # the unit words that start with a scale word whose rest is no unit (千瓦, 千瓦时, 兆瓦: 瓦 alone is
        # none; 千米 stays 千 of 米), bar 百分点: its own rules
        self.scale_led = [u for u in self.units if not u.startswith("百分")
                          and any(u.startswith(w) and u[len(w):] not in self.units for w in self.scales if w != u)] or ["(?!)"]
        # after the first number: [unit] sep number, then [多] [scale] [多] [unit] [comparator]
        self.tail = re.compile(
            rf"(?:[ \u3000]?(?P<u1>(?:{scale_alt})?(?:{unit_alt})|(?:{scale_alt}))?[ \u3000]?(?P<sep>{_alt(seps)})[ \u3000]?(?P<num2>{num}))?"
            # (not a scale word that starts a unit word: 100千瓦 is 100 of 千瓦, not 100千 of 瓦)
            rf"(?P<more1>{more})?[ \u3000]?(?P<scale>(?!{_alt(self.scale_led)})(?:{scale_alt}))?(?P<more2>{more})?(?P<scale2>亿|億)?"
            # a unit that a PDF line wrap cut off its scale word (1362.7亿\n元)
            rf"(?:(?<=[万亿萬億千百])[ \u3000]*\n[ \u3000]*(?=(?:{unit_alt})))?"
            rf"(?P<unit>{unit_alt})?"
            # a PDF line wrap before it only when a bracket or punctuation closes it (8.5%\n左右))
            rf"(?:(?:[ \u3000]?|[ \u3000]*\n[ \u3000]*(?=(?:{_alt(self.after)})[)）,，。;；、]))(?P<after>{_alt(self.after)}))?"
        )
        self.before_re = re.compile(rf"(?:{_alt(self.before)})\s?\Z")
        # an explicit minus; a PDF copy may space it (增长 - 5 . 3 %), never after a digit (2020 - 2025)
        self.neg_re = re.compile(r"(?<![\d%\s])[ \u3000]*[-−－][ \u3000]?\Z")
        self.percent_words = re.compile(r"[百千]分之\Z")  # 百分之五十 -> %, 千分之七 -> ‰
        nonitems = load_rules("nonitems")["nonitem"]
        # a rule with both = true needs its left and its right to match (a verb of setting before, a
        # list's noun after: 实施33项民生工程); the others need one of them
        self.pairs = [(re.compile(f"(?:{tpat(r['left'])})\\Z"), re.compile(tpat(r["right"])), set(r.get("kinds", ())))
                      for r in nonitems if r.get("both")]
        nonitems = [r for r in nonitems if not r.get("both")]
        # a left rule matches the words that end right before the number
        self.left_any = any_of([(f"(?:{r['left']})" if len(split_top(r["left"])) > 1 else r["left"]) + "$"
                                for r in nonitems if "left" in r])
        # the right rules that apply to a unit kind, as one pattern per kind (one match call, not 8)
        rights = [(tpat(r["right"]), set(r.get("kinds", ()))) for r in nonitems if "right" in r]
        self.right_by_kind = {
            kind: re.compile("|".join(src for src, kinds in rights if not kinds or kind in kinds) or "(?!)")
            for kind in {e["kind"] for e in units["unit"]} | {"count", "scale"}  # scale: a bare 万
        }
        self.right_raw = re.compile("|".join(r["right_raw"] for r in nonitems if "right_raw" in r))
        # the sentence rules: one pattern each, and a pre-check of the whole text (most texts have none)
        sentence_rules = [r["sentence"] for r in nonitems if "sentence" in r]
        self.sentence_re = re.compile("|".join(f"(?:{tpat(x)})" for x in sentence_rules) or "(?!)")
        # (a head's ^ is the sentence's start: in the scan of the whole text, also right after a sentence mark)
        heads = [r"(?:" + _ANCHOR.sub(r"(?:^|(?<=[。！？!?；;\n]))", x.split("[^")[0]) + ")" for x in sentence_rules]
        self.sentence_pre = any_of(heads)
        # the same heads, where they are (a rule's match starts with its head's)
        self.sentence_heads = fast_groups(_variant_sources(heads))
        people = r"(?:农村|城镇|城乡|贫困|农业转移|常住|户籍|流动)*(?:人口|劳动力)"
        # the count word may carry its comparator (企业十家以上, 卫生室三个左右)
        # (新辟公交线路九条, 举办节会活动十场次; not 期: 二期 names a phase)
        self.single_count = re.compile(tpat(r"(?:所|座|家|套|台|辆|艘|架|处|栋|名|条|场次)(?:以上|左右|多|余)?(?=[,，。;；、)）]|和|及|$)"))
        # 个 ending the phrase counts too (卫生室五个), but not after 一 (建成一个,) nor after a verb of
        # stance, whose object is a slogan cut off by a quote or a line (坚持两个, 做到四个)
        self.single_ge = re.compile(tpat(r"个(?:以上|左右|多|余)?(?=[,，。;；、)）]|和|及|$)"))
        self.stance_before = re.compile(tpat(r"(?:坚持|做到|落实|践行|树牢|增强|确保|实现|推进|深化|围绕|聚焦|突出|抓好|"
                                             r"把握|牢记|贯彻|统筹|强化|[、和及与])\s*$"))
        # a single digit before a count word and its noun: after a verb of making or doing (units.toml)
        sc = units["single_count"][0]
        self.single_verb = re.compile(rf"(?:{alternation(sc['verbs'])})(?:了|共|约|近)?[ \u3000]?\Z")
        self.single_measure = re.compile("|".join(sorted(_variant_sources(sc["measures"]), key=len, reverse=True)))
        self.one_verb = re.compile(rf"(?:{alternation(sc['one_verbs'])})(?:了|共)?[ \u3000]?\Z")
        self.one_measure = re.compile("|".join(sorted(_variant_sources(sc["one_measures"]), key=len, reverse=True)))
        # 72.9万建档立卡贫困人口: a few qualifying words may stand between the figure and the people noun
        self.people_after = re.compile(tpat(people) + "|" + tpat(r"[^\s\d,，。;；、:：]{0,6}?(?:人口|劳动力|农民工)"))
        # 解决了4.6万农村群众的饮水问题, 620万农村居民: a count of people the labellers keep as written (万)
        self.residents_after = re.compile(tpat(r"[^\s\d,，。;；、:：]{0,4}?(?:居民|群众)"))
        self.visits_before = re.compile(tpat(r"人次[^\s\d,，。;；、:：]{0,6}$"))
        # 减少农村贫困人口1000万: the people noun right before a bare 万 is its unit (万人); with a verb
        # between (贫困人口减少1386万) the unit stays as written, 万 (GUIDE: unit as written)
        self.people_before = re.compile(tpat(rf"{people}(?:约|近|超过?|达到?|为)?\s*$"))
        self.scale_ok_after = re.compile(r"[\s,.;:!?，。；：、)）\]】”’\"'和及与]|$")


@cache
def grammar() -> _Grammar:
    return _Grammar()


_PLAIN_DIGITS = frozenset("一二三四五六七八九两兩")


@lru_cache(maxsize=4096)  # number tokens recur (years, 5.5, 10); a pure function of the token
def _parse(token: str) -> tuple[float, str] | None:
    """A number token -> (value, trailing scale word split off a Chinese numeral: 三万 -> 3, 万)."""
    if token[0].isdigit():
        return parse_arabic(token), ""
    scale = ""
    for big in ("万亿", "亿", "万", "萬億", "億", "萬"):
        if token.endswith(big) and len(token) > len(big):
            token, scale = token[: -len(big)], big
            break
    if len(token) == 2 and token[0] in _PLAIN_DIGITS and token[1] in _PLAIN_DIGITS:
        return None  # 三五成群, 七八个, 两三万人: two digits side by side say "three or five", no number
    if scale and any(c in token for c in "亿億万萬"):
        # 一亿五千万: the trailing 万 scales the whole (15000 万), not the 五千 after 一亿 alone
        whole = parse_chinese(token + scale)
        return None if whole is None else (whole / _SCALE_VALUES[_t2s_scale(scale)], scale)
    v = parse_chinese(token)
    if v is None:
        return None
    if len(token) == 1 and not scale:
        return float(v), "single"  # 一个, 两翼, 三甲: idiom unless a count ends the phrase (checked later)
    return float(v), scale


def _t2s_scale(scale: str) -> str:
    return scale.replace("萬", "万").replace("億", "亿")


LIST_AFTER_NONITEM = re.compile(r"(?:[、,，和及][ \u3000]?\d+(?![\d.]))+")
TRILLION_MIX = re.compile(r"兆(\d{1,4}(?:\.\d+)?)(?=[亿億])")

_SCALE_VALUES = {"万亿": 1e12, "兆": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
                 "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3}


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order."""
    g = grammar()
    out: list[Quantity] = []
    pos = 0
    for m in NUMBER.finditer(text):
        s = m.start()
        if s < pos:
            continue  # inside the previous quantity (the upper end of a range)
        token, e = m.group(), m.end()
        if len(token) > 1 and token[-1] in "两兩" and token[-2] in "万亿萬億千百":
            token, e = token[:-1], e - 1  # 跨越四千亿、五千亿两个台阶: 两 counts what follows
        # a PDF decimal "2. 2" at a line start is a list marker followed by a number
        if ". " in token and (s == 0 or text[s - 1] == "\n"):
            continue
        parsed = _parse(token)
        if parsed is None:
            continue
        low, cn_scale = parsed
        left = text[max(0, s - 12) : s]
        if cn_scale == "single":
            if not _single_counts(text, s, e, token, left, out, g):
                continue
            cn_scale = ""
        if g.left_any.search(left):
            # 第3, 排名前5, PM2.5: not a quantity (nonitems.toml), nor the rest of its range or list
            # (潜在增长率在5.5%至6.5%, 第3、4项)
            t = g.tail.match(text, e - len(cn_scale))
            pos = t.end() if t else e
            more = LIST_AFTER_NONITEM.match(text, pos)
            if more:
                pos = more.end()
            continue
        tail_at = e - len(cn_scale)  # the scale word of a Chinese numeral is part of the unit: 三万人 -> 3 万人
        trillion = TRILLION_MIX.match(text, e) if not cn_scale else None
        if trillion:
            # 1兆6655億元 (Taiwan: 兆 = 万亿): one amount in 亿, 16655亿元
            low = low * 10000 + parse_arabic(trillion.group(1))
            tail_at = trillion.end(1)
        t = g.tail.match(text, tail_at)
        q = _read(text, s, e, low, t, g, left)
        if q is None or (q.unit == "成" and BASE_YEAR_SHARE.search(left)):
            continue  # (恢复到2019年的九成: labellers keep a share of a past year's level in %, not in tenths)
        out.append(q)
        pos = q.end
    if "近" in text or "分之百" in text or any(w in text for w in _ROUND_WORDS):
        out = _with_round_numbers(text, out, g)
    _spread_respectively(text, out)
    _points_shared(text, out)
    if out and g.sentence_pre.search(text):  # a bool (AnyOf): "is not None" let every text through
        # only a quantity with a head in the 120 characters before it can be said by others; a
        # head that a longer one hides (基金 in 基金组织) starts inside that one, so the spans of the
        # heads found cover it
        heads = sorted((m.start(), m.end()) for p in g.sentence_heads for m in p.finditer(text))
        starts = [h[0] for h in heads]
        reach = list(accumulate((h[1] for h in heads), max))  # the furthest end of a head so far
        kept = []
        for q in out:
            i = bisect_left(starts, q.start)  # the heads that start before the quantity
            if i and reach[i - 1] > q.start - 120 and _said_by_others(text, q, g):
                continue
            kept.append(q)
        out = kept
    return out


# a single digit before 成 (tenths) or 倍: a share or a multiple when a comparator stands before it or
# after the unit, or a verb of share or growth before it
_SINGLE_SHARE = re.compile(r"(?:成(?!立|效|果|就|绩|功|本|熟|长|员|交|都|不变|型|片|套|批|规模)|倍(?!增))")
_SHARE_LEFT = re.compile(r"(?:占|增长|增加|提高|扩大|达到?|超过|[近超逾约])[ \u3000]?\Z")
_SHARE_AFTER = re.compile(r"以上|左右|多")
# 近百部, 近千人, 近万家: 近 and a bare round number word (no digit before it) before a unit
ROUND_NUMBER = re.compile(r"(?<=近)(?P<n>[百千万萬])(?=[^\s\d百千万萬亿億])")
# 突破千亿元。 超过百亿元; 接近千億元, 突破万亿元: a round amount reached, closing its clause (not
# 千亿级, 超百亿元企业, 突破百亿元大关, 迈上千亿台阶: a name, a modifier or a milestone's figure of speech)
# (the reaching verb checked by a lookbehind after the round word: a class first keeps the scan fast)
# (超过百万辆, 突破千万人次: a round count of a million or ten million reached, likewise)
ROUND_AMOUNT = re.compile(r"(?P<n>[百千])(?=(?:[亿億](?:元|美元|斤)|[万萬](?:辆|輛|人次|人|吨|噸|户|戶|套|台|千瓦|平方米))"
                          r"[，。；,;！!？?\n])(?<=[破过過超近逾到达達][百千])")
# 百分之百 closing its clause: the whole (100%), written with no numeral NUMBER can read (not the
# adverb of 百分之百达标, 百分之百的覆盖)
WHOLE_PERCENT = re.compile(r"(?<=百分之)(?P<n>百)(?=[，。；、,;：:）)！!？?\s]|\Z)")
STREAK_BEFORE = re.compile(r"[连連][续續][^，。；,;]*\Z")
_ROUND_WORDS = ("百亿", "千亿", "百億", "千億", "百万", "千万", "百萬", "千萬")  # where ROUND_AMOUNT can match
_ROUND_VALUES = {"百": 100.0, "千": 1000.0, "万": 1.0, "萬": 1.0}


def _round_amounts(text: str) -> list[re.Match[str]]:
    """`ROUND_AMOUNT` at each 百亿/千亿 of ``text``, found by str.find (a scan for 百 or 千 stops at
    every 百/千 of the text; 12 -> ~1 us per 1k characters)."""
    found = []
    for word in _ROUND_WORDS:
        i = text.find(word)
        while i >= 0:
            if (m := ROUND_AMOUNT.match(text, i)) is not None:
                found.append(m)
            i = text.find(word, i + 2)
    return sorted(found, key=lambda m: m.start())


def _with_round_numbers(text: str, out: list[Quantity], g: _Grammar) -> list[Quantity]:
    """``out`` with the round numbers 近百部 / 近千人 (~100 部; 近万人: ~1 万人, the scale word kept)
    and 百分之百 (100%)."""
    found = []
    rounds = ROUND_NUMBER.finditer(text) if "近" in text else ()
    wholes = WHOLE_PERCENT.finditer(text) if "分之百" in text else ()
    for m in [*rounds, *wholes, *_round_amounts(text)]:
        s = m.start()
        if m.re is ROUND_AMOUNT and STREAK_BEFORE.search(text, max(0, s - 10), s):
            continue  # 连续6年超过千亿斤: a streak's floor, not the year's amount
        if any(q.start <= s < q.end for q in out):
            continue
        n = m.group("n")
        tail_at = s if n in "万萬" else s + 1  # 万 is a scale word of the unit
        q = _read(text, s, s + 1, _ROUND_VALUES[n], g.tail.match(text, tail_at), g, text[max(0, s - 12) : s])
        if q is not None and q.kind != "scale" and q.unit not in ("万", "萬"):
            found.append(q)
    return sorted(out + found, key=lambda q: q.start) if found else out


_TIME_UNITS = frozenset(("个工作日", "工作日", "天", "日", "小时", "个小时", "分钟", "个月", "秒"))
_LIST_GAP_BEFORE = re.compile(r"[^,，。;；:：\n]{0,10}[、和及与與][ \u3000]?\Z")


# a package of measures named by its count of articles (出台稳经济十条, 落实金融十条)
_POLICY_LEFT = re.compile(tpat(r"出台|印发|制定|落实|推出|兑现|发布|用好|政策|措施"))
# 恢复到2019年(同期)的: a share of a past year's level follows (the year, 同期); indicators names such shares
BASE_YEAR_SHARE = re.compile(tpat(r"(?:恢复|回升|回到|回复)(?:到|至)?\s*((?:19|20)\d\d)\s*年(同期)?(?:水平)?的?\s*$"))
# the words 负 ends (减负250亿元 cuts a burden, 正负 is a pair): no minus
_NOT_MINUS = "减担胜抱欺辜自背肩正"


def _single_counts(text: str, s: int, e: int, token: str, left: str, out: list[Quantity], g: _Grammar) -> bool:
    """Is the single Chinese digit ``token`` at ``s`` a number? Mostly a name or slogan (一体两翼, 三甲,
    两个维护); a number in 百分之七 or before 个百分点, before a count word that ends the phrase (新建幼儿园三所), or before
    a count word and its noun after a verb of making (新建三所学校) or in a list of such counts (、两所幼儿园)."""
    if left.endswith(("数", "數", "几", "幾")):
        return False  # 数十场, 几十家: no figure is given
    if g.percent_words.search(left) or text.startswith(("个百分点", "個百分點"), e):
        return True  # (提高两个百分点: no name or slogan is counted in percentage points)
    if (r := _CN_RANGE_TAIL.match(text, e)) is not None and not g.stance_before.search(left) and (
            g.single_count.match(text, r.end()) is not None or g.single_measure.match(text, r.end()) is not None):
        return True  # 新增上市企业三至五家, 新建学校两到三所: a range of single digits before a count word
    if (c := g.single_count.match(text, e)) is not None:
        # 出台稳经济十条: a package of measures named by its count
        return not (text[c.start()] in "条條" and _POLICY_LEFT.search(left) is not None)
    if e < len(text) and text[e] in "成倍" and _SINGLE_SHARE.match(text, e) and (
            g.before_re.search(left) or _SHARE_LEFT.search(left) or _SHARE_AFTER.match(text, e + 1)):
        return True  # 近三成, 超过六成, 六成以上, 一倍多 (翻一番 and 一成不变 are words)
    if token not in "一壹" and g.single_ge.match(text, e) and not g.stance_before.search(left):
        return True
    if token in "一壹":  # 新建一批, 打造一个中心: 一 is "a"; 新建一所学校 is one school
        return g.one_measure.match(text, e) is not None and g.one_verb.search(left) is not None
    if not g.single_measure.match(text, e):
        return False
    if g.single_verb.search(left):
        return True
    prev = out[-1] if out else None
    return (prev is not None and prev.kind == "count" and s - prev.end <= 12
            and _LIST_GAP_BEFORE.search(text, prev.end, s) is not None)


_CN_RANGE_TAIL = re.compile(r"[至到~～—-][二两兩三四五六七八九十]")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_ANCHOR = re.compile(r"(?<![\\\[])\^")  # a ^ that anchors (not escaped, not a class's negation)


def _said_by_others(text: str, q: Quantity, g: _Grammar) -> bool:
    """A sentence rule of nonitems.toml (a forecast by others, a company's plan) holds before ``q``."""
    lo = max(0, q.start - 120)
    cut = lo
    for m in _SENTENCE_END.finditer(text, lo, q.start):
        cut = m.end()
    return g.sentence_re.search(text[cut:q.start]) is not None


PER_BEFORE = re.compile(tpat(r"每((?:十|百|千|万|十万)(?:人口|人|户)|立方米|平方米|平方公里)\s*$"))
# an SEO token (ASCII letters with a few characters after, or a bracketed tag) just before a figure
SEO_BEFORE = re.compile(r"(?:[A-Za-z]{2,}[\u4e00-\u9fff]{0,3}|\[[^\[\]]{1,6}\]|【[^【】]{1,6}】)\s*$")
GOAL_THEN_CMP = re.compile(tpat(r"(?:年度|全年|预期|控制|调控|既定|计划)?(?:目标|控制目标)(?:值)?\s*(以内|以下|以上|之内)"))
RESPECTIVELY = re.compile(r"分别\s*$|分別\s*$")
LIST_GAP = re.compile(r"[、，,和及与與\s]{1,3}")


def _spread_respectively(text: str, qs: list[Quantity]) -> None:
    """分别不低于7.5%和8%: a comparator before a 分别 list applies to every member of the list (one after
    its last member, 分别增长8.5%和9%左右, does not: the labellers keep the first member's = 33 to 11)."""
    for i, q in enumerate(qs):
        if q.cmp in ("=", "range") or q.start == q.num_start or not RESPECTIVELY.search(text, max(0, q.start - 4), q.start):
            continue
        prev = q
        for nxt in qs[i + 1:]:
            if nxt.cmp != "=" or nxt.start != nxt.num_start or nxt.kind != q.kind or LIST_GAP.fullmatch(text, prev.end, nxt.start) is None:
                break
            nxt.cmp = q.cmp
            prev = nxt


# between the members of a list of gaps (分别高于全国2个、高于全国0.8个百分点)
POINTS_GAP = re.compile(r"[、和与及與]\s*[^，。；,;！？\d]{0,8}")


def _points_shared(text: str, qs: list[Quantity]) -> None:
    """分别高于全国2个、高于全国0.8个百分点: 个 ends a member of a list whose last member is in 个百分点,
    which the members share."""
    for a, b in zip(qs, qs[1:], strict=False):
        if a.unit == "个" and b.unit == "百分点" and POINTS_GAP.fullmatch(text, a.end, b.start):
            a.unit, a.kind = b.unit, b.kind


def _read(text: str, s: int, num_end: int, low: float, t: re.Match, g: _Grammar, left: str) -> Quantity | None:
    """The quantity of the number at ``s`` whose tail (range, scale, unit, comparator) is ``t``;
    ``left``: the 12 characters before the number."""
    # one call for all groups (each group() call costs about as much as the tuple)
    scale1, scale2, unit_w, sep, u1, num2, more1, more2, after_w = t.group(
        "scale", "scale2", "unit", "sep", "u1", "num2", "more1", "more2", "after")
    scale1, scale2, unit_w = scale1 or "", scale2 or "", unit_w or ""
    scale_w = scale1 + scale2
    high = low
    cmp = "="
    if sep:
        p2 = _parse(num2)
        u1 = u1 or ""
        if p2 is None or (p2[1] and p2[1] != "single"):  # (三至五家: a single digit ends the range)
            return None
        high = p2[0]
        if not (high > low) or (u1 and u1 not in ("%", "％", scale_w + unit_w, scale_w)):
            return None
        if u1 in ("%", "％") and unit_w not in ("%", "％"):
            return None
        cmp = "range"
    unit_rule = g.units.get(unit_w) if unit_w else None
    if percent := g.percent_words.search(left):  # 百分之五十
        if unit_w or scale_w:
            return None
        unit_rule = UnitRule("%" if percent.group().startswith("百") else "‰", "percent")
        s = s - (percent.end() - percent.start())
    end = t.end()
    if after_w == "内" and unit_w not in _TIME_UNITS:
        after_w, end = None, t.start("after")  # 3所内容: 内 bounds a time only (1个工作日内)
    if unit_rule is None:
        if not scale_w:
            return None
        # a bare scale word: 28万, 1000万以上; only before punctuation, a comparator or a people noun
        if g.people_after.match(text, end) or g.people_before.search(text[max(0, s - 20) : s]):
            unit_out, kind = "人", "count"
        elif g.residents_after.match(text, end):
            unit_out, kind = "", "count"
        elif g.visits_before.search(text[max(0, s - 16) : s]):
            unit_out, kind = "人次", "count"  # 接待游客人次恢复到6000万: the 人次 the indicator counts
        elif g.scale_ok_after.match(text, end):
            unit_out, kind = "", "scale"
        else:
            return None
    else:
        if unit_rule.needs_scale and not scale_w:
            return None
        if unit_rule.needs_left is not None and not unit_rule.needs_left.search(text[max(0, s - 12) : s]):
            return None
        if unit_rule.not_before is not None and unit_rule.not_before.match(text, t.end("unit")):
            return None
        unit_out, kind = unit_rule.out, unit_rule.kind
        # a per-unit written before the figure (每立方米39微克, 每千人3.2名): it joins the unit, not the indicator
        if "/" not in unit_out and (per := PER_BEFORE.search(left)):
            unit_out += "/" + per.group(1)
            s -= len(left) - per.start()
            left = left[: per.start()]
    unit_end = t.start("after") if after_w else end
    if after_w:
        cmp = g.after[after_w] if cmp != "range" else cmp
    if cmp == "=" and (more1 or more2):
        cmp = ">="
    if cmp == "=" and text.startswith("的", unit_end) and (gc := GOAL_THEN_CMP.match(text, unit_end + 1)):
        cmp = g.after.get(gc.group(gc.lastindex or 0), cmp)  # 控制在3%的调控目标以内: the bound closes the goal's name
    start = s
    if cmp == "=" and not g.before_re.search(left) and (junk := SEO_BEFORE.search(left)):
        # 冲破seo快排2000家, 突破[广告]2000家: an SEO token between the comparator and its figure
        if (bj := g.before_re.search(left[: junk.start()])):
            cmp = g.before[left[bj.start() : junk.start()].rstrip()]
            start = s - (len(left) - bj.start())
    if cmp == "=":
        b = g.before_re.search(left)
        word = left[b.start():].rstrip() if b else ""
        if b and not (b.start() > 0 and left[b.start() - 1] in g.word_ends.get(word, "")):
            cmp = g.before[word]
            start = s - (len(left) - b.start())
    neg = g.neg_re.search(left)
    if neg and cmp != "range":
        low, high = -low, -high
        start = s - (len(left) - neg.start()) + (len(neg.group()) - len(neg.group().lstrip()))
    elif left.endswith("负") and cmp == "=" and left[-2:-1] not in _NOT_MINUS:
        low, high, start = -low, -high, s - 1  # 负72.5%: a minus written as a word
    # the nonitem rules that look right of the quantity
    if g.right_raw.pattern and g.right_raw.match(text, num_end):
        return None
    if g.right_by_kind[kind].match(text, unit_end):
        return None
    for pair_left, pair_right, kinds in g.pairs:
        if (not kinds or kind in kinds) and pair_right.match(text, unit_end) and pair_left.search(left):
            return None
    scale_norm = g.scales.get(scale1, scale1) + g.scales.get(scale2, scale2)
    unit = scale_norm + unit_out
    scale = _SCALE_VALUES.get(scale_norm, 1.0)
    return Quantity(start, end, s, low, high, cmp, unit, kind, scale, unit_end)
