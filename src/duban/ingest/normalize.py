"""Normalize a Document's text for extraction, keeping the map back to the original.

Stages, in order (each records a Layer when it changes anything):
  1. clean    CR LF -> LF, zero-width characters and soft hyphens dropped
  2. width    full-width ASCII variants -> ASCII, ideographic / no-break space -> space
              (Chinese sentence punctuation ，：；！？ stays: the extractor reads both)
  3. pinyin   `區(qū)` -> `區` when pypinyin confirms the reading (before script conversion, so
              OpenCC then sees whole words)
  4. script   traditional -> simplified (OpenCC t2s), exact per character
  5. lines    boilerplate and spam keyword lines dropped (rules/boilerplate.toml, rules/spam.toml)
  6. inline   injected SEO tokens, tag fragments, forum jammer text (rules/spam.toml), and
              paragraph-marker artifacts repeated at line ends
  7. unwrap   lines hard-wrapped at a PDF page's width joined into their paragraphs
  8. spacing  PDF spacing repaired (rules/spacing.toml)
Every stage is a few regex passes over the whole text; Python only touches the matches.
Newlines are kept (the structure stage reads lines) unless a whole line is dropped or a PDF's
line wrapping inside a paragraph is undone.
``meta["forms"]`` receives the noise forms seen, in the corpus GUIDE's vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import cache, lru_cache

from duban import fastre
from duban.document import Document
from duban.fastre import required_strings
from duban.ingest.rules import HAN, compile_pattern, expand_han, load
from duban.ingest.unspin import is_spun, unspin_edits

Edit = tuple[int, int, str]

# --- 1. clean ---------------------------------------------------------------------------------
_ZW = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")  # zero-width characters split numbers
_CLEAN = re.compile("\r\n?|[\u200b-\u200d\u2060\ufeff\u00ad]")


def clean_edits(text: str) -> list[Edit]:
    if "\r" not in text and not _ZW.search(text):
        return []
    return [(m.start(), m.end(), "\n" if m.group()[0] == "\r" else "") for m in _CLEAN.finditer(text)]

# --- 2. width ---------------------------------------------------------------------------------
_KEEP_WIDE = "，：；！？"
_WIDTH_TABLE = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c) not in _KEEP_WIDE}
_WIDTH_TABLE.update({"\u3000": " ", "\u00a0": " "})
_WIDE = re.compile("[" + "".join(re.escape(c) for c in _WIDTH_TABLE) + "]")


def fold_width(text: str) -> str:
    """Equal-length conversion; only the wide characters are touched (str.translate is slower)."""
    if not _WIDE.search(text):
        return text
    return _WIDE.sub(lambda m: _WIDTH_TABLE[m.group()], text)


# a year in Chinese numerals (二〇三五年, 一九九八年): written in digits, equal length, so that every
# rule on years (到2035年, 十四五 spans, a report's year) reads it
_CN_YEAR = re.compile(r"(?:二[〇零○]|一九)[〇零○一二三四五六七八九]{2}(?=\s*年)")
_CN_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_CN_YEAR_STARTS = ("二〇", "二零", "二○", "一九")


def fold_year_numerals(text: str) -> str:
    """Equal-length conversion of Chinese-numeral years to digits (a text without 二〇, 二零, 二○ or 一九
    is passed over by four substring tests: 零 alone is in every 零售)."""
    spots = []
    for start in _CN_YEAR_STARTS:  # str.find to each start: a regex scan stops at every 二 and 一 (7 -> 4 us/1k)
        i = text.find(start)
        while i >= 0:
            if (m := _CN_YEAR.match(text, i)) is not None:
                spots.append(m.span())
            i = text.find(start, i + 2)
    if not spots:
        return text
    parts, pos = [], 0
    for a, b in sorted(spots):
        if a < pos:
            continue  # (overlapping spots cannot both be years; kept safe all the same)
        parts += [text[pos:a], text[a:b].translate(_CN_YEAR_DIGITS)]
        pos = b
    return "".join(parts) + text[pos:]


# --- 3. pinyin annotations ----------------------------------------------------------------------
_TONED = "a-zA-Z\u00c0-\u024f\u0300-\u036f\u1e3f"  # Latin letters, tone-marked vowels, combining marks
# starts with "(" so the regex engine skips ahead to brackets; the lookbehind then checks the ideograph
_PINYIN = re.compile(rf"\((?<=[{HAN}]\()([{_TONED}]{{1,7}}[1-5]?)\)")  # qū, qu, qu1
PINYIN_NOTE = _PINYIN  # (for readers of the original text: tables)


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _toneless(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).replace("v", "u")


@lru_cache(maxsize=65536)
def is_reading(char: str, latin: str) -> bool:
    """Is ``latin`` a reading of ``char`` or of its simplified form (any heteronym)?

    The syllable must match; its tone (marks qū or digits qu1) may differ, since converters
    write neutral tones and sandhi their own way, and a wrong tone still names the character.
    """
    from pypinyin import Style, pinyin

    syllable = _toneless(unicodedata.normalize("NFC", latin.lower()).rstrip("12345"))
    for c in {char, _t2s().convert(char)}:
        readings = pinyin(c, heteronym=True, style=Style.TONE, errors="ignore")
        if readings and syllable in {_toneless(o) for o in readings[0]}:
            return True
    return False


def pinyin_edits(text: str) -> list[Edit]:
    if "(" not in text:
        return []
    edits = [(m.start(), m.end(), "") for m in _PINYIN.finditer(text)]
    # converters annotate the same characters again and again: judge each distinct one once
    rejected = {k for k in {text[s - 1 : e] for s, e, _ in edits} if not is_reading(k[0], k[2:-1])}
    if rejected:
        return [x for x in edits if text[x[0] - 1 : x[1]] not in rejected]
    return edits


# --- 4. script ----------------------------------------------------------------------------------
_SEGMENT = re.compile(rf"[{HAN}]+|[^{HAN}]+")


@cache
def _traditional_chars() -> re.Pattern[str]:
    """The ideographs that t2s changes on their own, as one character class.

    Built once from OpenCC itself (~40 ms): a text without any of them is simplified already
    and skips OpenCC, whose per-call cost dominates normalization of short simplified pages.
    """
    chars = "".join(chr(c) for lo, hi in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for c in range(lo, hi))
    converted = _t2s().convert("\n".join(chars)).split("\n")
    changed = [c for c, t in zip(chars, converted, strict=True) if c != t]
    return re.compile("[" + "".join(changed) + "]")


def script_edits(text: str) -> tuple[str | None, list[Edit]]:
    """(converted text, None-edits) when t2s keeps the length, else (None, per-line/segment edits)."""
    if not _traditional_chars().search(text):
        return text, []
    cc = _t2s()
    out = cc.convert(text)
    if len(out) == len(text):
        return out, []
    # rare: a phrase conversion changed the length; convert line by line, then run by run, so
    # every equal-length piece still maps character by character
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        conv = cc.convert(line)
        if conv != line:
            if len(conv) == len(line):
                edits.append((pos, pos + len(line), conv))
            else:
                for m in _SEGMENT.finditer(line):
                    seg = cc.convert(m.group())
                    if seg != m.group():
                        edits.append((pos + m.start(), pos + m.end(), seg))
        pos += len(line) + 1
    return None, edits


CHUNK = 16
SAMPLE_CHUNKS = 2048  # the first 32k characters show the script


def changed_chunks(a: str, b: str) -> tuple[int, int]:
    """(differing, total) 16-character chunks of two equal-length texts, in the first 32k: string
    compares run in C, and t2s changes most chunks of a traditional text but few of a simplified one."""
    n = min(len(a), CHUNK * SAMPLE_CHUNKS)
    total = -(-n // CHUNK)
    if a[:n] == b[:n]:
        return 0, total
    return sum(1 for i in range(0, n, CHUNK) if a[i : i + CHUNK] != b[i : i + CHUNK]), total


# --- 5. lines -----------------------------------------------------------------------------------
MAX_LINE = 160  # boilerplate lines are short; a paragraph is never dropped


def _words(words: list[str]) -> str:
    """An alternation of literal words; ASCII words also in lower, Capitalized and UPPER case.

    Plain literals keep the regex engine's fast scan for the words' first characters, which
    re.IGNORECASE or [aA]-style classes would turn off (measured: 130 vs 8 M chars/s).
    """
    variants = {v for w in words for v in ((w, w.lower(), w.capitalize(), w.upper()) if w.isascii() else (w,))}
    return "|".join(re.escape(w) for w in sorted(variants, key=len, reverse=True))


@cache
def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(trigger words of every rule, one full-line pattern of all rules)."""
    rules = load("boilerplate")["rule"]
    trigger = _words([w for r in rules for w in r["trigger"]])
    body = "|".join(f"(?P<b{i}>{r['pattern']})" for i, r in enumerate(rules))
    return re.compile(trigger), compile_pattern(rf"[ \t]*(?:{body})[ \t]*")


@cache
def _boilerplate_forms() -> dict[str, str]:
    """Group name -> the noise form its lines signal ("" for layout debris that signals none)."""
    return {f"b{i}": r.get("form", "boilerplate") for i, r in enumerate(load("boilerplate")["rule"])}


@cache
def _spam_lines() -> tuple[re.Pattern[str], re.Pattern[str], dict]:
    cfg = load("spam")["lines"]
    # the scan finds the lines of both kinds: keyword lines and shop ads ([ads])
    strong = re.compile(_words(cfg["strong"] + load("spam")["ads"]["strong"]))
    return strong, re.compile(_words(cfg["strong"] + cfg["weak"])), cfg


@cache
def _ad_words() -> tuple[re.Pattern[str], re.Pattern[str], dict]:
    cfg = load("spam")["ads"]
    return re.compile(_words(cfg["strong"])), re.compile(_words(cfg["strong"] + cfg["weak"])), cfg


def is_ad_line(line: str) -> bool:
    """A short line of shop-ad words (厂家直销 … 整箱特价398元): spam appended to a page."""
    strong, any_kw, cfg = _ad_words()
    if len(line) > cfg["max_len"] or not strong.search(line):
        return False
    return len(set(any_kw.findall(line))) >= cfg["min_hits"]


def is_spam_line(line: str) -> bool:
    strong, any_kw, cfg = _spam_lines()
    if is_ad_line(line):
        return True
    fields = [f for f in re.split(cfg["separators"], line.strip()) if f]
    if len(fields) < cfg["min_fields"] or not strong.search(line):
        return False
    hits = sum(1 for f in fields if any_kw.search(f))
    return hits >= cfg["min_hits"] and hits >= cfg["min_hit_ratio"] * len(fields)


@cache
def _boilerplate_needs() -> tuple[re.Pattern[str], dict[str, frozenset[int]], frozenset[int]]:
    """Which rules a line can match at all: every match of most rules contains one of a few
    strings (`fastre.required_strings`). Returns (a scan for those strings, longest first;
    string -> the rules it satisfies; rules that need none)."""
    rules = load("boilerplate")["rule"]
    needs = [required_strings(expand_han(r["pattern"])) for r in rules]
    words = sorted({w for n in needs if n for w in n}, key=len, reverse=True)
    # a shorter string found at the same position is a prefix of the longer one found there,
    # so each string stands for every rule whose strings it contains
    satisfies = {w: frozenset(i for i, n in enumerate(needs) if n and any(x in w for x in n)) for w in words}
    # literal alternatives, longest first: the engine skips to their first characters
    scan = re.compile("|".join(map(re.escape, words)))
    return scan, satisfies, frozenset(i for i, n in enumerate(needs) if not n)


@lru_cache(maxsize=512)
def _boilerplate_of(rules: frozenset[int]) -> re.Pattern[str]:
    """The full-line pattern of ``rules`` only (group names as in the pattern of all rules)."""
    data = load("boilerplate")["rule"]
    body = "|".join(f"(?P<b{i}>{data[i]['pattern']})" for i in sorted(rules))
    return compile_pattern(rf"[ \t]*(?:{body})[ \t]*")


def boilerplate_form(line: str) -> str | None:
    """None when ``line`` is not boilerplate, else the form it signals ("" for none)."""
    if len(line) > MAX_LINE:
        return None
    # the alternation without the rules that cannot match in this line gives the same answer:
    # those alternatives fail wherever they are tried (some rules backtrack over 40-80 characters)
    scan, satisfies, always = _boilerplate_needs()
    rules = always
    pos = 0
    while m := scan.search(line, pos):  # the longest string at every position where one starts
        rules = rules | satisfies[m.group()]
        pos = m.start() + 1
    if not rules:
        return None
    m = _boilerplate_of(rules).fullmatch(line)
    return _boilerplate_forms()[m.lastgroup] if m else None


def is_boilerplate_line(line: str) -> bool:
    return boilerplate_form(line) is not None


def line_edits(text: str) -> tuple[list[Edit], int, int]:
    """Edits dropping whole lines; returns (edits, boilerplate lines, spam lines).

    Both kinds are found from a scan for their key words; only lines holding one are judged.
    """
    drops: list[Edit] = []
    n_boiler = n_spam = 0
    n = len(text)
    seen: set[int] = set()
    for kind, pattern in (("boilerplate", _boilerplate()[0]), ("spam", _spam_lines()[0])):
        pos = 0
        while m := pattern.search(text, pos):
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            end = n if end < 0 else end
            pos = end + 1
            if start in seen:
                continue
            line = text[start:end]
            if kind == "boilerplate":
                form = boilerplate_form(line)
                if form is None:
                    continue
                n_boiler += form == "boilerplate"
            elif is_spam_line(line):
                n_spam += 1
            else:
                continue
            seen.add(start)
            drops.append((start, min(end + 1, n), ""))
    drops.sort()
    return drops, n_boiler, n_spam


# --- 6. inline ----------------------------------------------------------------------------------
@cache
def _inline_rules() -> list[tuple[dict, re.Pattern[str]]]:
    out = []
    for r in load("spam")["inline"]:
        pat = compile_pattern(r["pattern"], r.get("flags", ""))
        if not pat.flags & re.MULTILINE:
            # a leading group of words ((?:光算…|(?:谷歌|百度)(?=…))…) as literal-first alternatives: the
            # same matches, with the engine skipping to their first characters (fastre.compile)
            pat = fastre.compile(pat.pattern)
        out.append((r, pat))
    return out


def _symbols_ok(rule: dict, s: str) -> bool:
    need = rule.get("min_distinct_symbols")
    return not need or len(set(s) & set(rule["symbols"])) >= need


# line ends right after a letter or digit (newline first: the engine jumps from line to line)
_ALNUM_LINE_END = re.compile(r"\n(?:(?<=[0-9A-Za-z]\n)|(?<=[0-9A-Za-z][ \t]\n))")
_LINE_END_TOKEN = re.compile(r"([0-9A-Za-z]{2,5})[ \t]*\Z")
_MARKER = re.compile(r"[0-9]{1,3}[A-Za-z]{1,2}|[A-Za-z]{1,2}[0-9]{1,3}")
_MARKER_AFTER = re.compile(r"[^\x00-\x7f]|[:;,.!?)]")
MIN_MARKER_REPEATS = 3


def inline_edits(text: str) -> tuple[list[Edit], Counter[str], int]:
    """Edits removing injected tokens; returns (edits, removals per form, line-end markers)."""
    edits: list[Edit] = []
    forms: Counter[str] = Counter()
    for rule, pat in _inline_rules():
        has_drop = "drop" in pat.groupindex
        for m in pat.finditer(text):
            s, e = m.span("drop") if has_drop else m.span()
            if e > s and _symbols_ok(rule, text[s:e]):
                edits.append((s, e, ""))
                forms[rule.get("form", "spam")] += 1
    # a short letter+digit token ending many lines (PDF paragraph marks such as "22M") is layout
    markers: list[tuple[int, int, str]] = []
    for end in [m.start() for m in _ALNUM_LINE_END.finditer(text)] + [len(text)]:
        w = max(end - 7, 0)
        m = _LINE_END_TOKEN.search(text, w, end)
        if m and m.start() > 0 and _MARKER.fullmatch(m.group(1)) and _MARKER_AFTER.match(text[m.start() - 1]):
            markers.append((m.start(), m.end(1), m.group(1)))
    n_markers = 0
    if len(markers) >= MIN_MARKER_REPEATS:
        counts = Counter(tok for _, _, tok in markers)
        for s, e, tok in markers:
            if counts[tok] >= MIN_MARKER_REPEATS:
                edits.append((s, e, ""))
                n_markers += 1
    return _disjoint(edits), forms, n_markers


def _disjoint(edits: list[Edit]) -> list[Edit]:
    edits.sort()
    out: list[Edit] = []
    end = -1
    for e in edits:
        if e[0] >= end:
            out.append(e)
            end = e[1]
    return out


# --- 7. unwrap ---------------------------------------------------------------------------------
# A PDF's text layer breaks lines at the page width, mid-sentence ("总量迈上\n4千亿元台阶"). When
# many lines share one width, a line that fills it and does not end a sentence is joined to the
# next. Widths are display widths (GB18030 bytes: 2 per ideograph, 1 per ASCII character).
MIN_WRAPPED = 6  # lines at the common width before we believe the text was hard-wrapped
WRAPPED_SHARE = 0.3
MAX_WIDTH = 120  # an A4 page holds ~45 ideographs a line; longer common widths are paragraphs
_SENTENCE_END = frozenset("。！？!?；;：:”’」』)）】]>》…")
_HEADING_START = re.compile(r"[ \t]*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|——|第[一二三四五六七八九十\d]+[章节部条])")


def _width(line: str) -> int:
    return len(line.encode("gb18030"))


# A short PDF page (500-2000 characters) has too few lines for the common-width statistics (its
# digits and justified spacing scatter the widths): there, evidence that the text is a PDF layer
# (a page footer "— 8 —", spacing repairs, a letter-spaced line) stands in for them, and a line
# that fills most of the page width and ends mid-sentence is a wrapped one.
SHORT_MAX = 4000  # characters: longer documents have the statistics
SHORT_MIN_LONG = 3  # lines of 15+ ideographs at least
SHORT_SHARE = 0.75  # of the common width: justified lines with many digits are narrower
_PAGE_NO = r"第[ \t\u3000]*\d{1,3}[ \t\u3000]*页"  # 第 3 页
_PAGES = r"共[ \t\u3000]*\d{1,3}[ \t\u3000]*页"  # 共 8 页
_PAGE_FOOTER = re.compile(r"[ \t\u3000]*(?:[—–-]{1,2}[ \t\u3000]*\d{1,3}[ \t\u3000]*[—–-]{1,2}"
                          rf"|{_PAGE_NO}(?:[,，/][ \t\u3000]*{_PAGES})?)"
                          r"[ \t\u3000]*$", re.M)
# _PAGE_FOOTER without its leading blanks, in two scans that each start with one character or class:
# the same answer to "is there a footer line?", on the regex fast path (_PAGE_FOOTER.search itself,
# tried at every position of a text, cost ~45 us per 1k characters)
_FOOTER_DASHES = re.compile(r"[—–-][—–-]?[ \t\u3000]*\d{1,3}[ \t\u3000]*[—–-]{1,2}[ \t\u3000]*$", re.M)
_FOOTER_PAGE = re.compile(rf"{_PAGE_NO}(?:[,，/][ \t\u3000]*{_PAGES})?"
                          r"[ \t\u3000]*$", re.M)


def _has_page_footer(text: str) -> bool:
    """Does a line of ``text`` end with a page number (— 3 —, 某委员会   - 3 -, 第3页)?"""
    return _FOOTER_DASHES.search(text) is not None or ("页" in text and _FOOTER_PAGE.search(text) is not None)


# a number cut by the wrap: digits (or a decimal point) end the line, a digit starts the next
_DIGIT_END = re.compile(r"\d\.?[ \u3000]?$")
_DIGIT_START = re.compile(r"[ \t\u3000]*\.?\d")  # (.0亿元 after 3293: a decimal point wrapped to the next line)
_DECIMAL_START = re.compile(r"[ \t\u3000]*\d+\. ?\d")  # 4. 2%: a wrapped decimal, not a list number "4."


def _pdf_evidence(text: str) -> bool:
    """Signs of a PDF text layer that do not need many lines: a page footer, spacing repairs."""
    if _has_page_footer(text):
        return True
    return spacing_edits(text)[1] >= MIN_PDF_SIGNALS


# a line break inside a number, between a number and its unit (改造老旧小区2\n05个, 达到1260\n万千瓦, 新增 1583\n家,
# 增长15 \n%: a space may stand before the break),
# or inside the comparator after it (控制在 3% 以\n内, 涨幅3%左\n右)
_NUMBER_CUT = re.compile(r"\n(?:(?:(?<=\d\n)|(?<=\d[ \u3000]\n))[ \t\u3000]*(?=\.?\d|[万亿千百%‰％]|[\u4e00-\u9fff](?!、))"
                         r"|(?<=以\n)[ \t\u3000]*(?=[内上下])|(?<=[\d%％]左\n)[ \t\u3000]*(?=右))")
# (newline first: a fast scan; 以\n内, 3%左\n右: a comparator cut)


def running_header_edits(text: str) -> list[Edit]:
    """A PDF layer's running header: a short line that stands right after a page number line and
    occurs more than once (陕西省2018年计划执行情况与2019年计划草案的报告 atop every page). It is page
    furniture; left in, it reads as a heading in the middle of a part (a review title inside the plan)."""
    if not _has_page_footer(text):
        return []
    lines = text.split("\n")
    counts = Counter(st for line in lines if 4 <= len(st := line.strip()) <= 60)
    edits: list[Edit] = []
    pos, after_footer = 0, False
    for line in lines:
        st = line.strip()
        if st:
            if after_footer and counts[st] >= 2 and st[-1] not in _SENTENCE_END:
                edits.append((pos, min(pos + len(line) + 1, len(text)), ""))
            after_footer = _has_page_footer(line)  # (a line ending with a page number)
        pos += len(line) + 1
    return edits


# a page footer line with its issuer before the page number (云南省发展和改革委员会 第2页 共8页)
_ISSUER_FOOTER = re.compile(rf"^[ \t\u3000]*(?P<lead>[^\n。，,；;：:]{{0,40}}?)[ \t\u3000]*{_PAGE_NO}"
                            rf"(?:[ \t\u3000,，/]*{_PAGES})?[ \t\u3000]*$", re.M)


def page_footer_edits(text: str) -> list[Edit]:
    """A PDF layer's page footer that names its issuer before the page number, on two lines or more
    (某省发展和改革委员会 第2页 共8页). It is page furniture; left in, it stands between the two halves of
    a number or a sentence the page break cut (粮食总产量达到 19 / footer / 58 万吨), which unwrap then
    cannot join."""
    if "页" not in text:
        return []
    found = [(m.start(), m.end(), m.group("lead").strip()) for m in _ISSUER_FOOTER.finditer(text)]
    counts = Counter(lead for _, _, lead in found)
    return [(s, min(e + 1, len(text)), "") for s, e, lead in found if lead and counts[lead] >= 2]


# a page break inside a sentence: a line that runs on (no mark ends it), blank lines, the page number alone
# on its line (— 2 —, - 2 -, 第2页), blank lines, the rest of the sentence (居民人均可支配收入增长8 / — 2 — / %；…)
# (newline first: a fast scan; the line's last character is read in Python)
_PAGE_BREAK = re.compile(r"\n(?:[ \t\u3000]*\n)*"
                         r"[ \t\u3000]*(?:[—–-]{1,2}[ \t\u3000]*\d{1,3}[ \t\u3000]*[—–-]{1,2}|" + _PAGE_NO + r")"
                         r"[ \t\u3000]*\n(?:[ \t\u3000]*\n)*[ \t\u3000]*")
_VALUE_CELL_END = re.compile(r" [<>≤≥＜＞]?-?\d[\d.]*(?:%|‰|左右|以上|以内|以下)?$")
_INDENT = re.compile(r"\n(?:[ \t]{2,}|\u3000|\t)[ \t\u3000]*\Z")  # a paragraph's indent (one space is a PDF's stray one)
PAGE_BREAK_MIN_LINE = 20  # characters: a line cut by the page's end is a full one (a short line ends its paragraph)


def _page_break_edits(text: str) -> list[Edit]:
    """Joins of a sentence that a page break (its page number line and the blank lines around it) cut."""
    edits: list[Edit] = []
    for m in _PAGE_BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start:m.start()].rstrip()
        above = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)].rstrip()
        nxt_end = text.find("\n", m.end())
        nxt = text[m.end() : nxt_end if nxt_end >= 0 else len(text)]
        if (len(line.lstrip()) < PAGE_BREAK_MIN_LINE or line[-1] in _SENTENCE_END or not nxt.strip()
                or not above or _INDENT.search(text, m.start(), m.end()) is not None
                or _HEADING_START.match(nxt) or _columns(nxt) or _columns(line)
                or (line.count(" ") >= 3 and _VALUE_CELL_END.search(line))):
            # a short line (or one with none above it: a title) ends its paragraph; an
            # indented line, a heading or a table row starts a new one; a table row (its last cell a
            # value, one space after the one before: 8 居民消费价格涨幅 % 3左右 2.3 3左右) ends its table
            continue
        edits.append((line_start + len(line), m.end(), ""))
    return edits


def unwrap_edits(text: str) -> list[Edit]:
    edits = _statistical_unwrap(text)
    # (its newline-first scan costs ~2 us per 1k characters; asking _has_page_footer first cost 8)
    if "\n" in text and (breaks := _page_break_edits(text)):
        if edits:
            ends = sorted(edits)
            breaks = [b for b in breaks if not _covered(ends, b)]
        edits = sorted(edits + breaks) if breaks else edits
    if "\n" in text and _NUMBER_CUT.search(text) and (edits or _pdf_evidence(text)):
        # a PDF layer too irregular for the width statistics (some paragraphs already joined), or lines
        # the statistics left (a wrap in a shorter line): still a break inside a number is a wrap
        cuts = _number_cut_edits(text)
        if edits:
            done = {s for s, _, _ in edits}
            ends = sorted(edits)
            cuts = [c for c in cuts if c[0] not in done and not _covered(ends, c)]
            edits = sorted(edits + cuts) if cuts else edits
        else:
            edits = cuts
    return edits


def _covered(edits: list[Edit], cut: Edit) -> bool:
    """Does one of the sorted disjoint ``edits`` overlap ``cut``?"""
    i = bisect_right(edits, (cut[0], float("inf"), "")) - 1
    return (i >= 0 and edits[i][1] > cut[0]) or (i + 1 < len(edits) and edits[i + 1][0] < cut[1])


# a contents line: its page number after leader dots (工作报告 ………… 1), the next entry below
_LEADER_END = re.compile(r"(?:…|\.{3,}|·{3,})[ \t\u3000]*\d+[ \t\u3000]*$")


def _number_cut_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _NUMBER_CUT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()]
        nxt_end = text.find("\n", m.end())
        nxt = text[m.end() : nxt_end if nxt_end >= 0 else len(text)]
        if (len(line.strip()) < 8 or _PAGE_FOOTER.match(line) or _PAGE_FOOTER.match(nxt)
                or _columns(line) or _columns(nxt) or _LEADER_END.search(line)
                or (_HEADING_START.match(nxt) and not _DECIMAL_START.match(nxt))):
            continue  # a short line, a page number, a table row or a list item is no wrapped sentence
        edits.append((m.start(), m.end(), ""))
    return edits


def _statistical_unwrap(text: str) -> list[Edit]:
    lines = text.split("\n")
    if len(lines) < MIN_WRAPPED:
        return []
    widths = [_width(line.rstrip()) for line in lines]
    long = sorted(w for w in widths if w >= 30)
    if len(long) < SHORT_MIN_LONG:
        return []
    common = long[int(0.8 * (len(long) - 1))]
    near = sum(1 for w in long if abs(w - common) <= 3)
    share = 0.85
    if common > MAX_WIDTH or len(long) < MIN_WRAPPED or near < MIN_WRAPPED or near < WRAPPED_SHARE * len(long):
        if common > MAX_WIDTH or len(text) > SHORT_MAX or not _pdf_evidence(text):
            return []
        share = SHORT_SHARE
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    edits: list[Edit] = []
    skip = -1
    joined_to = -1  # the line the last join continued onto
    for i, line in enumerate(lines[:-1]):
        stripped = line.rstrip()
        j = i + 1
        # a page footer between a wrapped line and its continuation goes with the join
        if _PAGE_FOOTER.match(lines[j]) and lines[j].strip() and j + 1 < len(lines):
            j += 1
        nxt = lines[j]
        if i <= skip or not stripped or stripped[-1] in _SENTENCE_END or _PAGE_FOOTER.match(line):
            continue
        # a line cut inside a number is a wrapped one even when the cut leaves it a little short
        cut = "\t" not in line and _DIGIT_END.search(stripped) and _DIGIT_START.match(nxt)
        # (收入12 / .6亿元 after a wrapped line: the rest of a sentence, short, whose number the next wrap cut)
        if ((widths[i] >= (0.6 if cut else share) * common or (cut and joined_to == i))
                and nxt.strip() and (not _HEADING_START.match(nxt) or _DECIMAL_START.match(nxt))
                and not _PAGE_FOOTER.match(nxt)
                and not (share == SHORT_SHARE and _short_stop(i, line, nxt))):
            edits.append((starts[i] + len(stripped), starts[j] + _indent(nxt), ""))
            skip, joined_to = j - 1, j
    return edits


# columns of a table or a letter-spaced line (安 平 县 统 计 局    2 0 2 3 年) are not running prose
_COLUMNS = re.compile(r"\S(?:[ \u3000]{2,}|\t)\S|\S \S \S \S")


_SPACED_DIGIT = re.compile(r"(?<=\d) (?=[\d.])|(?<=\.) (?=\d)")


# three or more single characters (not digits) one space apart: letter spacing (增 长 , 外 贸)
_LETTER_RUN = re.compile(r"(?<!\S)[^\s\d](?: [^\s\d](?!\S)){2,}")


def _columns(line: str) -> bool:
    """Does ``line`` hold a table's column gaps? (a letter-spaced number, 1 6 8 0 . 2亿元, is none, nor
    letter-spaced words, 元 , 增 长 4.9%)"""
    if " " in line:
        line = _LETTER_RUN.sub(lambda m: m.group().replace(" ", ""), _SPACED_DIGIT.sub("", line))
    return _COLUMNS.search(line) is not None


def _short_stop(i: int, line: str, nxt: str) -> bool:
    """In a short document (no width statistics): lines that must not be joined. The first line is
    the title; a new paragraph is indented deeper than the line before it."""
    return i == 0 or _indent(nxt) > _indent(line) or bool(_COLUMNS.search(line) or _COLUMNS.search(nxt))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u3000"))


# --- 8. spacing ---------------------------------------------------------------------------------
@cache
def _spacing() -> tuple[re.Pattern[str], list[bool]]:
    """All spacing rules as one alternation (one pass); each rule is a named group."""
    data = load("spacing")
    rules = data["rule"]
    body = "|".join(f"(?P<r{i}>{r['pattern']})" for i, r in enumerate(rules))
    return compile_pattern(f"(?={data['guard']})(?:{body})"), [bool(r.get("pdf_signal")) for r in rules]


# five visible characters with single spaces between them: a candidate letter-spaced line
_SPACED_RUN = re.compile(r" (?<=\S )(?:\S ){3}\S")  # space first: the engine skips to spaces
_SINGLE_SPACE = re.compile(r"(?<=\S) (?=\S)")
_HAN_CHAR = re.compile(f"[{HAN}]")


def letter_spaced_edits(text: str) -> list[Edit]:
    """Edits removing the single spaces of letter-spaced lines (see rules/spacing.toml)."""
    cfg = load("spacing")["letter_spaced"]
    edits: list[Edit] = []
    pos = 0
    while m := _SPACED_RUN.search(text, pos):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        pos = end + 1  # each line is judged once
        line = text[start:end]
        singles = [x.start() for x in _SINGLE_SPACE.finditer(line)]
        visible = len(line) - line.count(" ") - line.count("\t")
        if (visible >= cfg["min_chars"] and len(singles) >= cfg["min_share"] * len(line.strip())
                and len(_HAN_CHAR.findall(line)) * 3 >= visible):
            edits.extend((start + i, start + i + 1, "") for i in singles)
    return edits


_COLUMN_GAP = re.compile(r"  +")


def _table_row(text: str, pos: int, seen: dict[int, bool]) -> bool:
    """Whether the line at ``pos`` has two or more runs of several spaces: a row of a table whose columns
    a text layer aligned with spaces, where such a run separates cells and must stay."""
    start = text.rfind("\n", 0, pos) + 1
    if start not in seen:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        runs = 0
        for _ in _COLUMN_GAP.finditer(text, start, end):
            runs += 1
            if runs >= 2:
                break
        seen[start] = runs >= 2
    return seen[start]


def _spaced_cell(text: str, m: re.Match) -> bool:
    """A gap between two lone ideographs (指   标): a header cell spread over its column, joined."""
    a, b = m.start(), m.end()
    return (a >= 1 and b < len(text) and _HAN_CHAR.match(text, a - 1) is not None
            and _HAN_CHAR.match(text, b) is not None
            and (a == 1 or text[a - 2] in " \n") and (b + 1 >= len(text) or text[b + 1] in " \n"))


def spacing_edits(text: str) -> tuple[list[Edit], int]:
    """Edits deleting PDF spacing; returns (edits, repairs that signal a PDF copy)."""
    if " " not in text and "\t" not in text:
        return [], 0
    pat, signal = _spacing()
    edits: list[Edit] = []
    signals = 0
    gaps: dict[int, bool] = {}  # line start -> the line is a row of a space-aligned table
    for m in pat.finditer(text):
        if m.end() - m.start() > 1 and _table_row(text, m.start(), gaps) and not _spaced_cell(text, m):
            continue  # a column gap (类别  序号  指标  2020 年), not PDF letter spacing
        edits.append((m.start(), m.end(), ""))
        signals += signal[m.lastindex - 1] if m.lastindex else 0
    spaced = letter_spaced_edits(text)
    if spaced:
        edits = _disjoint(edits + spaced)
        signals += MIN_PDF_SIGNALS
    digits = digit_spaced_edits(text)
    if digits:
        edits = _disjoint(edits + digits)
        signals += len(digits)
    return edits, signals


# a number a PDF layer spaced into runs of one to three digits, three runs or more, between a word and its
# unit (全体居民人均可支配收入 29 4 0 6 元, 7 5 106元); a table's numbers stand apart in runs of their own
# width (decimals, four digits), and a line opening with the runs is a letter-spaced line (its own rule).
# (the whole run is matched here: the one-pass rules of spacing.toml see a fixed width behind a space only)
# (two runs are enough before a decimal point spaced on both sides: 增长1 8 . 2 %, 收入1 2 6 . 5 亿元)
_DIGIT_RUNS = re.compile(r"\d{1,3}(?:(?: \d{1,3}){2,}(?: ?\. ?\d+)?|(?: \d{1,3})+ \. \d+)(?= ?[\u4e00-\u9fff%])")
_SPACED_DIGITS = re.compile(r" \d{1,3} [\d.]")
_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff，,、；;：:][ \n]?\Z")  # (a word, maybe at the end of the line before)


def digit_spaced_edits(text: str) -> list[Edit]:
    """Edits removing the spaces inside digit-spaced numbers (see `_DIGIT_RUNS`)."""
    edits: list[Edit] = []
    if _SPACED_DIGITS.search(text) is None:  # (a literal-first scan: most texts have no spaced digits)
        return edits
    for m in _DIGIT_RUNS.finditer(text):
        s = m.start()
        if s == 0 or text[s - 1].isdigit() or _RUN_BEFORE.search(text, max(0, s - 2), s) is None:
            continue
        edits.extend((i, i + 1, "") for i in range(s, m.end()) if text[i] == " ")
    return edits


TRADITIONAL_SHARE = 0.1  # of 16-char chunks changed by t2s; a traditional text changes most
MIN_PDF_SIGNALS = 3  # one "2022 年" can be a typo; several are a PDF copy
# placeholders for censored characters: 中国共产X, 习□平 (X/×/□/■/＊ after two ideographs)
_CENSORED = re.compile(rf"[X×□■*](?<=[{HAN}]{{2}}.)(?![A-Za-z0-9])")

# --- the stage ----------------------------------------------------------------------------------
FORMS_ORDER = ("simplified", "traditional", "pinyin_annotated", "spun", "spam", "boilerplate", "pdf_artifacts", "censored")


def normalize(doc: Document) -> Document:
    """Normalize ``doc.text`` in place (recording layers) and return ``doc``."""
    stats: dict[str, int] = {}

    def stage(name: str, edits: list[Edit]) -> None:
        stats[name] = len(edits)
        doc.apply(edits)

    stage("clean", clean_edits(doc.text))
    before = doc.text
    wide = fold_width(before)
    doc.replace_text(fold_year_numerals(wide))
    stats["width"] = 0 if wide is before else 1
    stats["year_numerals"] = 0 if doc.text is wide else 1
    stage("pinyin", pinyin_edits(doc.text))

    before = doc.text
    converted, edits = script_edits(before)
    if converted is not None:
        doc.replace_text(converted)
        changed, chunks = changed_chunks(before, converted)
    else:
        stage("script_segments", edits)
        changed, chunks = len(edits), before.count("\n") + 1  # per line here
    stats["script_chunks"] = changed
    # a spinner's copy read back (ingest/unspin.py); a plain document costs one literal scan
    stats["unspin"] = 0
    if is_spun(doc.text):
        stage("unspin", unspin_edits(doc.text))

    edits, stats["boilerplate"], stats["spam_lines"] = line_edits(doc.text)
    stage("lines", edits)
    edits, inline_forms, stats["markers"] = inline_edits(doc.text)
    stats["spam_tokens"], stats["inline_boilerplate"] = inline_forms["spam"], inline_forms["boilerplate"]
    stage("inline", edits)
    stage("running_headers", running_header_edits(doc.text))
    stage("page_footers", page_footer_edits(doc.text))
    stage("unwrap", unwrap_edits(doc.text))
    edits, pdf_signals = spacing_edits(doc.text)
    stage("spacing", edits)
    stats["censored"] = len(_CENSORED.findall(doc.text))

    forms = {"traditional" if changed >= max(1.0, TRADITIONAL_SHARE * chunks) else "simplified"}
    if stats["pinyin"]:
        forms.add("pinyin_annotated")
    if stats["unspin"]:
        forms.add("spun")
    if stats["spam_lines"] or stats["spam_tokens"]:
        forms.add("spam")
    if stats["boilerplate"] or stats["inline_boilerplate"]:
        forms.add("boilerplate")
    if pdf_signals >= MIN_PDF_SIGNALS or stats["markers"] or stats["unwrap"]:
        forms.add("pdf_artifacts")
    if stats["censored"]:
        forms.add("censored")
    doc.meta["forms"] = [f for f in FORMS_ORDER if f in forms]
    doc.meta["normalize"] = stats
    return doc
