"""Structure of a report: headings and their tree, paragraphs, sentences, and review/plan parts.

Works line by line over the normalized text with regexes kept as data (rules/headings.toml).
Headings are numbered (一、 (一) 1. 第一部分 ...) or short title lines that stand alone
("谋新局 推进在莲塘口岸港车北上", "2024年工作回顾", "财政政策:"). Web pages rarely number their
headings, so a short line counts as a title when it is followed by body text, or when it names a
part of the report (回顾 / 预期目标 / 重点工作 ...). Lookups (`section_at`, `part_at`) bisect
sorted offsets, so callers may ask for every quantity of a long report.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from duban import fastre
from duban.document import Document
from duban.items import Section

Part = Literal["review", "plan", "unknown"]

RULES_PATH = Path(__file__).parent / "rules" / "headings.toml"

_CJK = re.compile(r"[\u3400-\u9fff]")
# a pinyin annotation left in a title by a converter: 區(qū)
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
_SPACE = re.compile(r"[\s\u3000]+")
# where a numbered heading's title ends; ";;" is a censored quote mark in some PDF copies, not a stop
_TITLE_STOP = re.compile(r"[。:：；]|(?<!;);(?!;)")
_LEAD = re.compile(r"[^\w\u3400-\u9fff]*")
# a line that opens with a figure and its unit (2.9个百分点, 617.5亿斤): the line before is wrapped there
_FIGURE_GOES_ON = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|个百分点|[十百千万亿]*(?:元|斤|吨|人|户|家|个|项|套|倍))")
_SENT_END = re.compile(r"[。！!？?…]+[\"”’」』）)\]】]*")


@dataclass(frozen=True)
class _Numbered:
    name: str
    pattern: re.Pattern[str]
    level: int


@dataclass(frozen=True)
class _Rules:
    numbered: tuple[_Numbered, ...]
    number_first: frozenset[str]
    max_len: int
    min_cjk: int
    max_numbered_title: int
    sentence_end: frozenset[str]
    closers: str
    not_title: tuple[re.Pattern[str], ...]
    furniture: fastre.AnyOf  # any of not_title, on the regex fast path (7.2 -> 2.1 us a line)
    review: re.Pattern[str]
    review_end: re.Pattern[str]
    plan: re.Pattern[str]
    # part, anchor, pattern, window (how near a sentence start a match must be; -1: anywhere)
    inline: tuple[tuple[str, re.Pattern[str], re.Pattern[str], int], ...]
    cue_plan: re.Pattern[str]
    cue_review: re.Pattern[str]
    cue_margin: int


def load_rules(path: Path = RULES_PATH) -> dict:
    """The raw rule data (for tests that run each rule's examples)."""
    with open(path, "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_rules()
    parts = {p["part"]: [] for p in data["part"]}
    for p in data["part"]:
        parts[p["part"]].append(p["pattern"])
    t = data["title"]
    return _Rules(
        numbered=tuple(_Numbered(n["name"], re.compile(n["pattern"]), n["level"]) for n in data["numbered"]),
        number_first=frozenset("".join(n["first"] for n in data["numbered"])),
        max_len=t["max_len"],
        min_cjk=t["min_cjk"],
        max_numbered_title=t["max_numbered_title"],
        sentence_end=frozenset(t["sentence_end"]),
        closers=t["closers"],
        not_title=tuple(re.compile(n["pattern"]) for n in data["not_title"]),
        furniture=fastre.AnyOf(n["pattern"] for n in data["not_title"]),
        review=re.compile("|".join(parts["review"])),
        review_end=re.compile("|".join(p["ends"] for p in data["part"] if p["part"] == "review" and "ends" in p) or "(?!)"),
        plan=re.compile("|".join(parts["plan"])),
        # only the positions of inline matches are used: without capturing groups they can take
        # the regex fast path (searched in a window around every anchor hit: 工作 is frequent)
        inline=tuple((p["part"], re.compile(p["anchor"]), fastre.compile(fastre.noncapturing(p["pattern"])),
                      p.get("window", -1)) for p in data["inline_part"]),
        cue_plan=fastre.compile(data["cues"]["plan"]),
        cue_review=re.compile(data["cues"]["review"]),
        cue_margin=data["cues"]["margin"],
    )


@lru_cache(maxsize=1)
def _t2s():
    # titles are shown to people: simplify them even when a copy reached us unnormalized
    import opencc

    return opencc.OpenCC("t2s")


def simplify(s: str) -> str:
    """Simplified script, pinyin annotations dropped: what a heading says whatever its copy."""
    return _t2s().convert(_PINYIN.sub("", s))


def clean_title(s: str) -> str:
    """A heading's text as people should see it: simplified, no pinyin annotations, single spaces."""
    return _clean_simplified(simplify(s))


def _clean_simplified(s: str) -> str:
    """`clean_title` of a line whose `simplify` is ``s`` (stripped or not: the same title)."""
    return _SPACE.sub(" ", s).strip(" :：【】[]■□●○◆◇▲△★☆·")


_GOAL_MET = re.compile(r"(?:目标|任务)+[^，。,；;\n]{0,4}?(?:有望|能够|可以|全面|圆满|顺利|基本|超额)?(?:实现|完成|达成)")


_INDICATORS_FARED = re.compile(r"(?:主要)?(?:经济)?指标[^，。,；;\n]{0,2}?(?:稳中|持续|总体|好于|优于|增速|呈现|向好|回升|平稳|企稳|均|实现|完成|过半)")


def heading_part(title: str) -> Part:
    """The part a heading opens, from its words ("2024年工作回顾" -> review); "unknown" when it
    names neither or both."""
    r = _rules()
    title = _t2s().convert(title)
    review = bool(r.review.search(title))
    if "目标" in title or "任务" in title:
        # 全年目标有望实现, 目标任务全面完成: a goal said to be (nearly) met names no plan part
        title = _GOAL_MET.sub("", title)
    if "指标" in title or "指標" in title:
        # 主要指标稳中有进, 主要经济指标好于预期: a headline on how the figures fared, no plan's list
        title = _INDICATORS_FARED.sub("", title)
    plan = bool(r.plan.search(title))
    if plan and r.review_end.search(title.rstrip(" 。.:：")):
        return "review"  # 重点工作推进情况: progress on the plan's work, a review
    if review == plan:
        return "unknown"
    return "review" if review else "plan"


def numbered_heading(line: str) -> tuple[int, int] | None:
    """(level, title offset) when ``line`` (stripped) starts with a heading number."""
    r = _rules()
    if not line or line[0] not in r.number_first:
        return None  # most lines: no regex needed
    for n in r.numbered:
        m = n.pattern.match(line)
        if m:
            return n.level, m.end()
    return None


def is_furniture(line: str) -> bool:
    """Page furniture, bylines, dates and salutations that are never headings."""
    return _rules().furniture.search(line)


def _is_title_shape(line: str) -> bool:
    """Whether a stripped line looks like a title (short, not a sentence, not page furniture)."""
    return _title_words(line) is not None


def _title_words(line: str) -> str | None:
    """The simplified words of a stripped line that looks like a title (`_is_title_shape`), else
    None: `structure` cleans the title from them instead of simplifying the line again."""
    r = _rules()
    if len(line) > 2 * r.max_len or _last(line) in r.sentence_end or "。" in line:
        return None  # (pinyin annotations may double a title's length before they are dropped)
    line = simplify(line).strip()  # judge the words, not a converter's pinyin or the script
    if len(line) > r.max_len:
        return None
    if len(_CJK.findall(line)) < r.min_cjk:
        return None
    if line.count(",") + line.count("，") > 1 or "。" in line or ";" in line or "；" in line:
        return None  # (…失业率5.1%;居民消费价格上涨0.2%;…: a wrapped line of a list of figures)
    return None if is_furniture(line) else line


def _last(line: str) -> str:
    """The last character of a line that is not a closing quote or bracket."""
    return line.rstrip(_rules().closers)[-1:]


def _is_body(line: str) -> bool:
    r = _rules()
    return _last(line) in r.sentence_end or len(line) > r.max_len


@dataclass
class Structure:
    """Headings, paragraphs and sentences of one document.

    ``sections`` carry spans in the ORIGINAL text; every other span here indexes ``doc.text``.
    """

    sections: list[Section] = field(default_factory=list)
    heading_spans: list[tuple[int, int]] = field(default_factory=list)  # per section, in doc.text
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)  # per section, from its heading (or its parent's)
    inferred: list[Part] = field(default_factory=list)  # per section, from the cue words of its body
    doc_part: Part = "unknown"  # from the cue words of the whole text
    zones: list[tuple[int, int, Part]] = field(default_factory=list)  # inline part phrases, sorted
    extra_headings: list[tuple[int, int]] = field(default_factory=list)  # repeated titles, sorted

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.heading_spans]
        self._para_starts = [s for s, _ in self.paragraphs]
        self._sent_starts = [s for s, _ in self.sentences]
        self._zone_starts = [s for s, _, _ in self.zones]
        self._extra_starts = [s for s, _ in self.extra_headings]

    def section_at(self, pos: int) -> int | None:
        """Index of the innermost section containing ``pos`` (an offset of doc.text)."""
        i = bisect_right(self._starts, pos) - 1
        return i if i >= 0 else None

    def section_title(self, pos: int) -> str | None:
        i = self.section_at(pos)
        return self.sections[i].title if i is not None else None

    def section_path(self, pos: int) -> list[str]:
        """Titles from the outermost section down to the one containing ``pos``."""
        i = self.section_at(pos)
        out: list[str] = []
        while i is not None:
            out.append(self.sections[i].title)
            i = self.sections[i].parent
        return out[::-1]

    def in_heading(self, pos: int) -> bool:
        """Whether ``pos`` lies in a heading line (a heading that may repeat the body)."""
        # (written out for the two lists: it runs for every sentence of the tasks scan)
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.heading_spans[i][1]:
            return True
        i = bisect_right(self._extra_starts, pos) - 1
        return i >= 0 and pos < self.extra_headings[i][1]

    def paragraph_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self._para_starts, pos) - 1
        if i >= 0 and pos < self.paragraphs[i][1]:
            return self.paragraphs[i]
        return None

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def part_at(self, pos: int, *, infer: bool = False) -> Part:
        """Whether ``pos`` is in a review part, a plan part, or unknown.

        Inline phrases ("主要预期目标是:") decide first, then the headings containing ``pos``.
        With ``infer``, sections (and documents) whose headings say nothing are judged by the
        balance of their plan and review cue words; that is a guess, so it is opt-in.
        """
        i = bisect_right(self._zone_starts, pos) - 1
        if i >= 0 and pos < self.zones[i][1]:
            return self.zones[i][2]
        j = self.section_at(pos)
        if j is not None and self.parts[j] != "unknown":
            return self.parts[j]
        if infer:
            while j is not None:
                if self.inferred[j] != "unknown":
                    return self.inferred[j]
                j = self.sections[j].parent
            return self.doc_part
        return "unknown"


# a line stripped of " \t\u3000\xa0": from its first character that is none of them to its last one
# (a line of them only has no match); one scan instead of a Python loop per line and character
_LINE = re.compile("[^\n\r \t\u3000\xa0](?:[^\n\r]*[^\n\r \t\u3000\xa0])?")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stripped non-blank line."""
    return [m.span() for m in _LINE.finditer(text)]


def _wrap_width(lines: list[tuple[int, int]]) -> int:
    """The line width of a hard-wrapped text (a PDF's), or 0 when lines are whole paragraphs."""
    lens = sorted(e - s for s, e in lines)
    if len(lens) < 6:
        return 0
    w = lens[int(0.75 * (len(lens) - 1))]
    if w < 28 or w > 120:
        return 0
    near = sum(1 for n in lens if 0.85 * w <= n <= 1.1 * w)
    return w if near >= 0.3 * len(lens) else 0


def _near(anchor: re.Pattern[str], pat: re.Pattern[str], text: str, reach: int = 20):
    """Matches of ``pat`` around the hits of its ``anchor``: a literal scan is many times faster
    than trying a pattern with optional parts at every offset."""
    for h in anchor.finditer(text):
        m = pat.search(text, max(0, h.start() - reach), h.end() + reach)
        if m:
            yield m


def _vote(plan_at: list[int], review_at: list[int], start: int, end: int, margin: int) -> Part:
    """The part whose cue words outnumber the other's by ``margin`` in text[start:end]."""
    p = bisect_left(plan_at, end) - bisect_left(plan_at, start)
    v = bisect_left(review_at, end) - bisect_left(review_at, start)
    if p >= v + margin:
        return "plan"
    if v >= p + margin:
        return "review"
    return "unknown"


def structure(doc: Document) -> Structure:
    """Find the headings, paragraphs, sentences and review/plan parts of ``doc.text``."""
    r = _rules()
    text = doc.text
    lines = _lines(text)
    n = len(lines)

    # 1. headings: (line index, level, span start, span end, title, part)
    heads: list[tuple[int, int, int, int, str, Part]] = []
    last_anchor = 1  # level of the last numbered or part-naming heading; plain titles go below it
    seen_numbered = False
    seen_titles: set[str] = set()
    extra: list[tuple[int, int]] = []
    is_head = [False] * n
    rest: dict[int, int] = {}  # line -> start of the body text after a numbered heading on that line
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        num = numbered_heading(line)
        if num:
            level, off = num
            body = line[off:]
            lead = _LEAD.match(body).end()  # type: ignore[union-attr]
            stop = _TITLE_STOP.search(body, lead)
            title_end = s + off + (stop.start() if stop else len(body))
            if title_end - (s + off) > r.max_numbered_title or title_end == s + off:
                continue
            title = clean_title(text[s + off:title_end])
            if not title or len(_CJK.findall(title)) < 1:
                continue
            part = heading_part(title)
            heads.append((k, level, s, title_end, title, part))
            is_head[k] = True
            if stop and title_end + 1 < e:
                rest[k] = title_end + 1  # "1.扩大有效投资。推进重大项目建设…": the body goes on
            seen_numbered = True
            last_anchor = level
            continue
        words = _title_words(line)
        if words is None:
            continue
        nxt = lines[k + 1] if k + 1 < n else None
        if nxt is not None and text[nxt[0]].isdigit() and _FIGURE_GOES_ON.match(text, nxt[0]):
            continue  # …低于预期目标\n2.9个百分点;…: a line wrapped before the figure it goes on to
        part = heading_part(line)
        label = line.endswith((":", "：")) and len(line) <= 13
        if part != "unknown" and nxt is not None:
            level = last_anchor + 1 if seen_numbered else 2
        elif label or (nxt is not None and _is_body(text[nxt[0]:nxt[1]])
                       and numbered_heading(text[nxt[0]:nxt[1]]) is None):
            level = last_anchor + 1
        else:
            continue
        title = _clean_simplified(words)
        if title in seen_titles:
            extra.append((s, e))  # a title repeated (page title shown twice): not a new section
            is_head[k] = True
            continue
        seen_titles.add(title)
        heads.append((k, level, s, e, title, part))
        is_head[k] = True
        if part != "unknown":
            last_anchor = level

    sections: list[Section] = []
    spans: list[tuple[int, int]] = []
    parts: list[Part] = []
    stack: list[int] = []
    for _k, level, s, e, title, part in heads:
        while stack and sections[stack[-1]].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        sections.append(Section(title=title, level=level, span=doc.to_original(s, e), parent=parent))
        spans.append((s, e))
        parts.append(part if part != "unknown" or parent is None else parts[parent])
        stack.append(len(sections) - 1)

    # 2. paragraphs: one per line, except that hard-wrapped lines (PDF) join the next line
    width = _wrap_width(lines)
    paragraphs: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for k, (s, e) in enumerate(lines):
        if is_head[k]:
            if cur:
                paragraphs.append((cur[0], cur[1]))
            cur = None
            if k in rest:
                b = rest[k]
                while b < e and text[b] in " \t\u3000":
                    b += 1
                if b < e:
                    cur = [b, e, b]
            continue
        if cur is not None:
            prev = text[cur[2]:cur[1]]
            # a line cut mid-sentence continues on the next: hard wraps of a PDF, or a long web
            # line broken inside a sentence (title-length lines without a stop are titles or list rows)
            wrapped = (not _is_body_end(prev) and numbered_heading(text[s:e]) is None
                       and ((width and len(prev) >= 0.85 * width) or len(prev) > r.max_len))
            if wrapped:
                cur[1], cur[2] = e, s
                continue
            paragraphs.append((cur[0], cur[1]))
        cur = [s, e, s]
    if cur:
        paragraphs.append((cur[0], cur[1]))

    # 3. sentences inside paragraphs; headings are sentences of their own
    sentences: list[tuple[int, int]] = []
    for ps, pe in sorted(paragraphs + spans + extra):
        pos = ps
        for m in _SENT_END.finditer(text, ps, pe):
            sentences.append((pos, m.end()))
            pos = m.end()
        # a sentence up to an end mark holds the mark; only the rest of a paragraph may be blank
        if pos < pe and not text[pos:pe].isspace():
            sentences.append((pos, pe))

    # 4. inline part phrases, each running to the next one or the paragraph's end (one scan of the
    # whole text per pattern; marks are then assigned to paragraphs by bisect)
    zones: list[tuple[int, int, Part]] = []
    sent_starts = [s for s, _ in sentences]
    para_starts = [s for s, _ in paragraphs]
    found: set[tuple[int, Part]] = set()
    for part, anchor, pat, window in r.inline:
        for m in _near(anchor, pat, text):
            if window >= 0:
                si = bisect_right(sent_starts, m.start()) - 1
                if si < 0 or m.start() - sentences[si][0] > window:
                    continue
            found.add((m.start(), part))  # type: ignore[arg-type]
    marks = sorted(found)
    for i, (ms, part) in enumerate(marks):
        pi = bisect_right(para_starts, ms) - 1
        if pi < 0 or ms >= paragraphs[pi][1]:
            continue  # in a heading: headings carry their own part
        pe = paragraphs[pi][1]
        end = min(marks[i + 1][0], pe) if i + 1 < len(marks) else pe
        if end > ms:
            zones.append((ms, end, part))

    # 5. cue-word votes per section body and for the whole text (used by part_at(infer=True))
    plan_at = [m.start() for m in r.cue_plan.finditer(text)]
    review_at = [m.start() for m in r.cue_review.finditer(text)]
    inferred = [_vote(plan_at, review_at, e, spans[i + 1][0] if i + 1 < len(spans) else len(text), r.cue_margin)
                for i, (_s, e) in enumerate(spans)]
    doc_part = _vote(plan_at, review_at, 0, len(text), r.cue_margin)

    return Structure(sections=sections, heading_spans=spans, paragraphs=paragraphs, sentences=sentences,
                     parts=parts, inferred=inferred, doc_part=doc_part, zones=zones,
                     extra_headings=sorted(extra))


_BODY_END = frozenset("。！!？?；;:：…")


def _is_body_end(line: str) -> bool:
    """Whether a line ends a sentence or a clause (so the next line does not continue it)."""
    return _last(line) in _BODY_END
