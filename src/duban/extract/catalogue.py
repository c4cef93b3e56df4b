"""The canonical indicator catalogue: report wordings -> one id per indicator, kept as data.

`canonical("國內生產毛額(GDP)年增")` and `canonical("地区生产总值增长")` are both "gdp_growth".
The data (rules/indicators.toml, rules/catalogue_repair.toml) holds the entries, their synonyms, the
term rewrites and qualifiers, and the substitutions that undo spun and Taiwan wordings; this module
only applies them. A lookup is a few dict probes on a short phrase, cached.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).parent / "rules"
INDICATORS_PATH = RULES_DIR / "indicators.toml"
REPAIR_PATH = RULES_DIR / "catalogue_repair.toml"

DIRECTIONS = ("higher", "lower", "none")
CHANGES = ("growth", "decline")


@dataclass(frozen=True)
class Entry:
    """One canonical indicator."""

    id: str
    zh: str  # standard Chinese name
    en: str  # English name
    unit: str  # base unit it is usually stated in
    direction: str  # "higher" (higher is better), "lower", or "none"
    synonyms: tuple[str, ...] = ()
    of: str | None = None  # for a rate of change: the id it is the change of
    change: str | None = None  # "growth" or "decline" when `of` is set
    accepts: tuple[str, ...] = ()  # changes that still mean this indicator (CPI: 上涨 is the measure)
    good: tuple[str, ...] = field(default=(), repr=False)
    bad: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class _Catalogue:
    entries: dict[str, Entry]
    exact: dict[str, str]  # prepared synonym -> id
    derived: dict[tuple[str, str], str]  # (base id, change) -> id
    prefix_re: re.Pattern[str]  # one qualifier at the start (longest first)
    suffix_re: re.Pattern[str]  # one qualifier at the end
    place: re.Pattern[str]  # a leading place name
    anywhere: re.Pattern[str]
    terms: re.Pattern[str]
    term_to: dict[str, str]
    change_re: re.Pattern[str]
    change_kind: dict[str, str]


@dataclass(frozen=True)
class _Repair:
    rules: tuple[tuple[str, re.Pattern[str], str | Callable[[re.Match[str]], str]], ...]
    any: re.Pattern[str]  # matches where some rule would: most phrases need no rule at all


def load_data(path: Path = INDICATORS_PATH) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def load_repair_data(path: Path = REPAIR_PATH) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=1)
def _converter():
    # t2s, not tw2sp: tw2sp's phrase table rewrites mainland words too (新增 -> 添加, 指标 -> 指针,
    # 显著 -> 显着); the few Taiwan terms reports use are rules in catalogue_repair.toml instead
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _repair_rules() -> _Repair:
    data = load_repair_data()
    terms = data.get("terms", {})
    rules = []
    for r in data["rule"]:
        pat = re.compile(r["pattern"])
        # an empty replacement means: look the matched term up in the `terms` table
        repl = r["repl"] or (lambda m: terms[m.group(0)])
        rules.append((r["name"], pat, repl))
    return _Repair(tuple(rules), re.compile("|".join(f"(?:{r['pattern']})" for r in data["rule"])))


@lru_cache(maxsize=4096)
def repair(phrase: str) -> str:
    """Restore spun or Taiwan wording to standard simplified Chinese.

    >>> repair("住民消费代价涨幅")
    '居民消费价格涨幅'
    """
    s = _converter().convert(phrase)
    rules = _repair_rules()
    if not rules.any.search(s):
        return s
    for _name, pat, repl in rules.rules:
        s = pat.sub(repl, s)
    return s


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _catalogue() -> _Catalogue:
    data = load_data()
    q = data["qualifiers"]
    term_to = {f: t["to"] for t in data["term"] for f in t["from"]}
    change_kind = {w: kind for kind in CHANGES for w in data["change"][kind]}
    cat = _Catalogue(
        entries={},
        exact={},
        derived={},
        prefix_re=re.compile(_alternation(q["prefixes"]).pattern),
        suffix_re=re.compile("(?:" + _alternation(q.get("suffixes", [])).pattern + ")$"),
        place=_place_pattern(q["place"]),
        anywhere=_alternation(q["anywhere"]),
        terms=_alternation(list(term_to)),
        term_to=term_to,
        change_re=re.compile("(?:" + _alternation(list(change_kind)).pattern + ")$"),
        change_kind=change_kind,
    )
    for d in data["indicator"]:
        e = Entry(id=d["id"], zh=d["zh"], en=d["en"], unit=d["unit"], direction=d["direction"],
                  synonyms=tuple(d.get("synonyms", ())), of=d.get("of"), change=d.get("change"),
                  accepts=tuple(d.get("accepts", ())), good=tuple(d.get("good", ())), bad=tuple(d.get("bad", ())))
        if e.id in cat.entries:
            raise ValueError(f"indicators.toml: duplicate id {e.id}")
        cat.entries[e.id] = e
        if e.of:
            cat.derived[(e.of, e.change or "")] = e.id
    for e in cat.entries.values():
        for phrase in (e.zh, *e.synonyms):
            key = _prepare(phrase, cat)
            other = cat.exact.setdefault(key, e.id)
            if other != e.id:
                raise ValueError(f"indicators.toml: {phrase!r} ({key}) is a synonym of both {other} and {e.id}")
    return cat


def _place_pattern(generic: str) -> re.Pattern[str]:
    names: set[str] = set()
    try:  # the region table belongs to duban.regions; read it if it is there, as it is
        with (Path(__file__).parents[1] / "rules" / "regions.toml").open("rb") as f:
            regions = tomllib.load(f)
        for p in regions.get("province", []):
            names.update(n for n in (p.get("name"), p.get("short")) if n)
            names.update(p.get("cities", []))
    except (OSError, tomllib.TOMLDecodeError, AttributeError, TypeError):
        pass
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(f"(?:{generic})" + (f"|(?:{alts})" if alts else ""))


def _strip_loop(s: str, cat: _Catalogue) -> list[str]:
    out = [s]
    while True:
        m = cat.prefix_re.match(s) or cat.suffix_re.search(s)
        if not m or not 0 < m.end() - m.start() < len(s):
            return out
        s = s[m.end():] if m.start() == 0 else s[: m.start()]
        out.append(s)


def _stripped(s: str, cat: _Catalogue) -> list[str]:
    """``s`` and what is left after taking off qualifier prefixes and suffixes one by one; each is
    looked up in turn, so a qualifier is dropped only when what remains is a known indicator.
    A leading place name is tried last, at every length the place pattern allows."""
    out = _strip_loop(s, cat)
    for i in range(2, min(len(s) - 1, 8)):
        if cat.place.fullmatch(s, 0, i):
            out.extend(_strip_loop(s[i:], cat))
    return out


def _prepare(phrase: str, cat: _Catalogue) -> str:
    s = repair(phrase.strip())
    s = s.replace("（", "(").replace("）", ")")
    s = cat.anywhere.sub("", s)
    return cat.terms.sub(lambda m: cat.term_to[m.group(0)], s)


def _find(s: str, cat: _Catalogue) -> str | None:
    for c in _stripped(s, cat):
        hit = cat.exact.get(c)
        if hit:
            return hit
    return None


@lru_cache(maxsize=8192)
def canonical(indicator: str) -> str | None:
    """The catalogue id of an indicator phrase, or None when it is not in the catalogue."""
    if not indicator or not indicator.strip():
        return None
    cat = _catalogue()
    s = _prepare(indicator, cat)
    hit = _find(s, cat)
    if hit:
        return hit
    m = cat.change_re.search(s)
    if not m or m.start() == 0:
        return None
    kind = cat.change_kind[m.group(0)]
    base_id = _find(s[: m.start()], cat)
    if base_id is None:
        return None
    derived = cat.derived.get((base_id, kind))
    if derived:
        return derived
    return base_id if kind in cat.entries[base_id].accepts else None


def lookup(indicator: str) -> Entry | None:
    """The catalogue entry of an indicator phrase (see `canonical`)."""
    i = canonical(indicator)
    return _catalogue().entries[i] if i else None


def entry(id: str) -> Entry | None:
    """The entry with this id."""
    return _catalogue().entries.get(id)


def entries() -> list[Entry]:
    """All entries, in the order of the data file."""
    return list(_catalogue().entries.values())
