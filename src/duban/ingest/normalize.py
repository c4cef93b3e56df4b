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
  7. spacing  PDF spacing repaired (rules/spacing.toml)
Every stage is a few regex passes over the whole text; Python only touches the matches.
Newlines are kept (the structure stage reads lines) unless a whole line is dropped.
``meta["forms"]`` receives the noise forms seen, in the corpus GUIDE's vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache

from duban.document import Document
from duban.ingest.rules import HAN, compile_pattern, load

Edit = tuple[int, int, str]

# --- 1. clean ---------------------------------------------------------------------------------
_CLEAN = re.compile("\r\n?|[\u200b-\u200d\u2060\ufeff\u00ad]")


def clean_edits(text: str) -> list[Edit]:
    if "\r" not in text and not _ZW.search(text):
        return []
    return [(m.start(), m.end(), "\n" if m.group()[0] == "\r" else "") for m in _CLEAN.finditer(text)]


_ZW = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")

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


# --- 3. pinyin annotations ----------------------------------------------------------------------
_TONED = "a-zA-Z\u00c0-\u024f\u0300-\u036f\u1e3f"  # Latin letters, tone-marked vowels, combining marks
_PINYIN = re.compile(rf"[{HAN}]\(([{_TONED}]{{1,7}})\)")


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _toneless(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).replace("v", "u")


@lru_cache(maxsize=65536)
def is_reading(char: str, latin: str) -> bool:
    """Is ``latin`` (with or without tone marks) a reading of ``char`` or of its simplified form?"""
    from pypinyin import Style, pinyin

    latin = unicodedata.normalize("NFC", latin.lower())
    plain = _toneless(latin)
    toned = any(ord(c) > 127 for c in latin)
    for c in {char, _t2s().convert(char)}:
        readings = pinyin(c, heteronym=True, style=Style.TONE, errors="ignore")
        if not readings:
            continue
        options = readings[0]
        if toned and latin in options:
            return True
        if plain in {_toneless(o) for o in options}:
            return True
    return False


def pinyin_edits(text: str) -> list[Edit]:
    if "(" not in text:
        return []
    return [(m.start(1) - 1, m.end(), "") for m in _PINYIN.finditer(text) if is_reading(m.group()[0], m.group(1))]


# --- 4. script ----------------------------------------------------------------------------------
_SEGMENT = re.compile(rf"[{HAN}]+|[^{HAN}]+")


def script_edits(text: str) -> tuple[str | None, list[Edit]]:
    """(converted text, None-edits) when t2s keeps the length, else (None, per-line/segment edits)."""
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


def _changed(a: str, b: str, limit: int = 50_000) -> tuple[int, int]:
    """(changed characters, ideographs) in the first ``limit`` characters: enough to name the script."""
    a, b = a[:limit], b[:limit]
    return sum(x != y for x, y in zip(a, b, strict=True)), len(_HAN_RE.findall(a))


_HAN_RE = re.compile(f"[{HAN}]")


# --- 5. lines -----------------------------------------------------------------------------------
@cache
def _boilerplate() -> re.Pattern[str]:
    rules = load("boilerplate")["rule"]
    body = "|".join(f"(?:{r['pattern']})" for r in rules)
    return compile_pattern(rf"^[ \t]*(?:{body})[ \t]*$\n?", "m")


@cache
def _spam_lines() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict]:
    cfg = load("spam")["lines"]

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    strong = alternation(cfg["strong"])
    line_with_strong = re.compile(rf"^[^\n]*(?:{strong})[^\n]*$\n?", re.M | re.I)
    return line_with_strong, re.compile(strong, re.I), re.compile(alternation(cfg["strong"] + cfg["weak"]), re.I), cfg


def is_spam_line(line: str) -> bool:
    _, strong, any_kw, cfg = _spam_lines()
    fields = [f for f in re.split(cfg["separators"], line.strip()) if f]
    if len(fields) < cfg["min_fields"] or not strong.search(line):
        return False
    hits = sum(1 for f in fields if any_kw.search(f))
    return hits >= cfg["min_hits"] and hits >= cfg["min_hit_ratio"] * len(fields)


def line_edits(text: str) -> tuple[list[Edit], int, int]:
    """Edits dropping whole lines; returns (edits, boilerplate lines, spam lines)."""
    drops: dict[int, int] = {}
    n_boiler = n_spam = 0
    for m in _boilerplate().finditer(text):
        if m.end() > m.start():
            drops[m.start()] = m.end()
            n_boiler += 1
    for m in _spam_lines()[0].finditer(text):
        if m.start() not in drops and is_spam_line(m.group()):
            drops[m.start()] = m.end()
            n_spam += 1
    edits = [(s, e, "") for s, e in sorted(drops.items())]
    return edits, n_boiler, n_spam


# --- 6. inline ----------------------------------------------------------------------------------
@cache
def _inline_rules() -> list[tuple[dict, re.Pattern[str]]]:
    return [(r, compile_pattern(r["pattern"], r.get("flags", ""))) for r in load("spam")["inline"]]


def _symbols_ok(rule: dict, s: str) -> bool:
    need = rule.get("min_distinct_symbols")
    return not need or len(set(s) & set(rule["symbols"])) >= need


_LINE_END_TOKEN = re.compile(r"(?<=[^\x00-\x7f]|[:;,.!?)])([0-9]{1,3}[A-Za-z]{1,2}|[A-Za-z]{1,2}[0-9]{1,3})[ \t]*$", re.M)
MIN_MARKER_REPEATS = 3


def inline_edits(text: str) -> tuple[list[Edit], int, int]:
    """Edits removing injected tokens; returns (edits, spam tokens, line-end markers)."""
    edits: list[Edit] = []
    n_spam = 0
    for rule, pat in _inline_rules():
        for m in pat.finditer(text):
            if m.end() > m.start() and _symbols_ok(rule, m.group()):
                edits.append((m.start(), m.end(), ""))
                n_spam += 1
    # a short letter+digit token ending many lines (PDF paragraph marks such as "22M") is layout
    markers = [m for m in _LINE_END_TOKEN.finditer(text)]
    n_markers = 0
    if len(markers) >= MIN_MARKER_REPEATS:
        counts = Counter(m.group(1) for m in markers)
        for m in markers:
            if counts[m.group(1)] >= MIN_MARKER_REPEATS:
                edits.append((m.start(), m.end(), ""))
                n_markers += 1
    return _disjoint(edits), n_spam, n_markers


def _disjoint(edits: list[Edit]) -> list[Edit]:
    edits.sort()
    out: list[Edit] = []
    end = -1
    for e in edits:
        if e[0] >= end:
            out.append(e)
            end = e[1]
    return out


# --- 7. spacing ---------------------------------------------------------------------------------
@cache
def _spacing_rules() -> list[tuple[dict, re.Pattern[str]]]:
    return [(r, compile_pattern(r["pattern"], r.get("flags", ""))) for r in load("spacing")["rule"]]


_SPACE_NEAR = re.compile(rf"[{HAN}0-9.%][ \t]+[{HAN}0-9%]")


def spacing_edits(text: str) -> tuple[list[Edit], int]:
    """Edits deleting PDF spacing; returns (edits, repairs that signal a PDF copy)."""
    if not _SPACE_NEAR.search(text):
        return [], 0
    edits: list[Edit] = []
    signals = 0
    for rule, pat in _spacing_rules():
        has_drop = "drop" in pat.groupindex
        for m in pat.finditer(text):
            s, e = m.span("drop") if has_drop else m.span()
            if e > s:
                edits.append((s, e, ""))
                signals += bool(rule.get("pdf_signal"))
    return _disjoint(edits), signals


MIN_PDF_SIGNALS = 3  # one "2022 年" can be a typo; several are a PDF copy
# placeholders for censored characters: 中国共产X, 习□平 (X/×/□/■/＊ after two ideographs)
_CENSORED = re.compile(rf"(?<=[{HAN}]{{2}})(?:X|×|□|■|\*)(?![A-Za-z0-9])")

# --- the stage ----------------------------------------------------------------------------------
FORMS_ORDER = ("simplified", "traditional", "pinyin_annotated", "spam", "boilerplate", "pdf_artifacts", "censored")


def normalize(doc: Document) -> Document:
    """Normalize ``doc.text`` in place (recording layers) and return ``doc``."""
    stats: dict[str, int] = {}

    def stage(name: str, edits: list[Edit]) -> None:
        stats[name] = len(edits)
        doc.apply(edits)

    stage("clean", clean_edits(doc.text))
    before = doc.text
    doc.replace_text(fold_width(before))
    stats["width"] = 0 if doc.text is before else 1
    stage("pinyin", pinyin_edits(doc.text))

    before = doc.text
    converted, edits = script_edits(before)
    if converted is not None:
        doc.replace_text(converted)
        changed, han = _changed(before, converted)
    else:
        stage("script_segments", edits)
        changed, han = sum(len(e[2]) for e in edits), len(_HAN_RE.findall(before[:50_000]))
    stats["script"] = changed

    edits, stats["boilerplate"], stats["spam_lines"] = line_edits(doc.text)
    stage("lines", edits)
    edits, stats["spam_tokens"], stats["markers"] = inline_edits(doc.text)
    stage("inline", edits)
    edits, pdf_signals = spacing_edits(doc.text)
    stage("spacing", edits)
    stats["censored"] = len(_CENSORED.findall(doc.text))

    forms = {"traditional" if changed >= 3 and changed >= 0.03 * max(han, 1) else "simplified"}
    if stats["pinyin"]:
        forms.add("pinyin_annotated")
    if stats["spam_lines"] or stats["spam_tokens"]:
        forms.add("spam")
    if stats["boilerplate"]:
        forms.add("boilerplate")
    if pdf_signals >= MIN_PDF_SIGNALS or stats["markers"]:
        forms.add("pdf_artifacts")
    if stats["censored"]:
        forms.add("censored")
    doc.meta["forms"] = [f for f in FORMS_ORDER if f in forms]
    doc.meta["normalize"] = stats
    return doc
