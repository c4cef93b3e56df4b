"""Suggested lead department for an item or task, from a keyword table kept as data
(``data/departments.toml``: 学位 -> 教育局, 社康 -> 卫生健康局, 住房 -> 住房和建设局, ...).

Longest keywords are matched first and a stretch of text counts once, so 人才住房 suggests housing
and not talent; departments are ranked by the total length of text their keywords cover.
A suggestion is only a proposal: people assign.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Suggestion:
    department: str
    score: int  # characters of the text covered by this department's keywords
    keywords: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.department


@dataclass(frozen=True)
class Rule:
    department: str
    keywords: tuple[str, ...]
    good: tuple[str, ...]
    bad: tuple[str, ...]


def load_rules(path: str | Path | None = None) -> tuple[Rule, ...]:
    """The keyword table: the packaged one, or ``path``. Raises ValueError on a malformed entry."""
    text = (Path(path).read_text("utf-8") if path
            else resources.files("duban.track").joinpath("data/departments.toml").read_text("utf-8"))
    rules = []
    for n, entry in enumerate(tomllib.loads(text).get("department", []), 1):
        name, keywords = entry.get("name"), entry.get("keywords")
        if not name or not keywords or not all(isinstance(k, str) and k for k in keywords):
            raise ValueError(f"department entry {n}: needs a name and non-empty keywords")
        rules.append(Rule(name, tuple(keywords), tuple(entry.get("good", ())), tuple(entry.get("bad", ()))))
    return tuple(rules)


@cache
def _packaged() -> tuple[tuple[Rule, ...], tuple[tuple[str, str], ...]]:
    rules = load_rules()
    table = sorted(((k, r.department) for r in rules for k in r.keywords), key=lambda kd: -len(kd[0]))
    return rules, tuple(table)


@cache
def _t2s():
    import opencc  # lazy: only texts with traditional characters need it

    return opencc.OpenCC("t2s")


def _simplified(text: str) -> str:
    converted = _t2s().convert(text)
    return converted if len(converted) == len(text) else text


def suggest(text: str | None, *, limit: int = 3) -> list[Suggestion]:
    """Departments whose keywords occur in ``text``, best first (at most ``limit``)."""
    if not text:
        return []
    text = _simplified(text)
    _, table = _packaged()
    taken = [False] * len(text)
    scores: dict[str, int] = {}
    found: dict[str, list[str]] = {}
    order = {r.department: i for i, r in enumerate(_packaged()[0])}
    for keyword, department in table:
        start = text.find(keyword)
        while start != -1:
            end = start + len(keyword)
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                scores[department] = scores.get(department, 0) + len(keyword)
                if keyword not in found.setdefault(department, []):
                    found[department].append(keyword)
            start = text.find(keyword, start + 1)
    ranked = sorted(scores, key=lambda d: (-scores[d], order[d]))
    return [Suggestion(d, scores[d], tuple(found[d])) for d in ranked[:limit]]


def suggest_lead(text: str | None) -> str | None:
    """The first suggestion's department name, or None."""
    best = suggest(text, limit=1)
    return best[0].department if best else None


def departments() -> list[str]:
    """Every department the table knows, in file order (to seed a department list)."""
    return [r.department for r in _packaged()[0]]
