"""Score extraction against gold files (../shared/corpus/GUIDE.md; matching rule in DESIGN.md).

A predicted item hits a gold item when kind, cmp and the scaled values agree (万=1e4, 亿=1e8,
万亿=1e12; 个百分点 = 百分点; base units compared as text) and either its span overlaps an
occurrence of the gold quote or its indicator resembles the gold one (character F1 >= 0.5 after
conversion to simplified). Gold items equal in kind, cmp, values, unit and indicator form one group:
recall counts groups, precision counts predicted target/actual items. Optional gold items count in
neither: they are not needed for recall and a prediction hitting one is ignored.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from duban.items import Item

SCALES = {"万亿": 1e12, "兆": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7,
          "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3}
# units that start with a scale character but are units of their own
_UNSCALED = ("千瓦", "千米", "千克", "百分点", "兆瓦")


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(s: str) -> str:
    return _t2s().convert(s) if s else s


def split_unit(unit: str | None) -> tuple[float, str]:
    """'万平方米' -> (1e4, '平方米'); '个百分点' -> (1, '百分点'); '%' -> (1, '%')."""
    u = simplified(unit or "").strip()
    if u.startswith("个百分点"):
        u = u[1:]
    for base in _UNSCALED:
        if u.startswith(base):
            return 1.0, u
    for w in sorted(SCALES, key=len, reverse=True):
        if u.startswith(w):
            rest = u[len(w):]
            for base in _UNSCALED:
                if rest.startswith(base):
                    return SCALES[w], rest
            return SCALES[w], rest
    return 1.0, u


def char_f1(a: str, b: str) -> float:
    """F1 of the character multisets of two strings (after conversion to simplified)."""
    ca, cb = Counter(simplified(a)), Counter(simplified(b))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(ca.values()), common / sum(cb.values())
    return 2 * p * r / (p + r)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


@dataclass
class Gold:
    kind: str
    quote: str
    indicator: str
    cmp: str
    low: float
    high: float
    unit: str
    period: str | None
    optional: bool
    occurrences: list[tuple[int, int]]
    group: int = 0

    def key(self) -> tuple:
        return (self.kind, self.cmp, self.low, self.high, simplified(self.unit), simplified(self.indicator))


@dataclass
class GoldDoc:
    id: str
    path: Path
    text: str
    forms: list[str]
    category: str
    items: list[Gold]
    n_groups: int


def load_gold(path: str | Path) -> list[GoldDoc]:
    """All gold files under ``path`` (a directory of JSON files, searched recursively, or one file)."""
    p = Path(path)
    files = [p] if p.is_file() else sorted(p.rglob("*.json"))
    docs = []
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        if "text" not in d or "items" not in d:
            continue
        text = d["text"]
        items = []
        for it in d["items"]:
            occ = _occurrences(text, it["quote"])
            items.append(Gold(it["kind"], it["quote"], it.get("indicator", ""), it["cmp"], it["low"],
                              it["high"], it.get("unit", ""), it.get("period"), bool(it.get("optional")), occ))
        groups: dict[tuple, int] = {}
        for g in items:
            if not g.optional:
                g.group = groups.setdefault(g.key(), len(groups))
        docs.append(GoldDoc(d.get("id", f.stem), f, text, list(d.get("forms", [])), d.get("category", ""),
                            items, len(groups)))
    return docs


def gold_hash(docs: Iterable[GoldDoc]) -> str:
    """A hash of the gold files' contents, to pin a baseline to one version of the gold set."""
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.path.name):
        h.update(d.path.name.encode())
        h.update(d.path.read_bytes())
    return h.hexdigest()[:16]


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0 and quote:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def hits(pred: Item, gold: Gold) -> bool:
    if pred.kind != gold.kind or pred.cmp != gold.cmp:
        return False
    ps, pu = split_unit(pred.unit)
    gs, gu = split_unit(gold.unit)
    if pu != gu:
        return False
    if pred.low is None or pred.high is None:
        return False
    if not (_close(pred.low * ps, gold.low * gs) and _close(pred.high * ps, gold.high * gs)):
        return False
    s, e = pred.span
    if any(s < ge and gs_ < e for gs_, ge in gold.occurrences):
        return True
    return char_f1(pred.indicator, gold.indicator) >= 0.5


@dataclass
class DocScore:
    doc: GoldDoc
    tp: int = 0  # predictions that hit a required gold item
    fp: int = 0
    ignored: int = 0  # predictions that hit only optional gold items
    groups_hit: set[int] = field(default_factory=set)
    indicator_ok: int = 0
    period_ok: int = 0
    misses: list[Gold] = field(default_factory=list)
    false_positives: list[Item] = field(default_factory=list)
    wrong_indicator: list[tuple[Item, Gold]] = field(default_factory=list)
    wrong_period: list[tuple[Item, Gold]] = field(default_factory=list)


def score_doc(doc: GoldDoc, predicted: Iterable[Item]) -> DocScore:
    ds = DocScore(doc)
    required = [g for g in doc.items if not g.optional]
    optional = [g for g in doc.items if g.optional]
    for p in predicted:
        if p.kind not in ("target", "actual"):
            continue
        matched = [g for g in required if hits(p, g)]
        if matched:
            # the best of several: the one whose quote the span overlaps, then the closest indicator
            g = max(matched, key=lambda g: (any(p.span[0] < e and s < p.span[1] for s, e in g.occurrences),
                                            char_f1(p.indicator, g.indicator)))
            ds.tp += 1
            ds.groups_hit.add(g.group)
            if char_f1(p.indicator, g.indicator) >= 0.5:
                ds.indicator_ok += 1
            else:
                ds.wrong_indicator.append((p, g))
            if p.period == g.period:
                ds.period_ok += 1
            else:
                ds.wrong_period.append((p, g))
        elif any(hits(p, g) for g in optional):
            ds.ignored += 1
        else:
            ds.fp += 1
            ds.false_positives.append(p)
    seen: set[int] = set()
    for g in required:
        if g.group not in ds.groups_hit and g.group not in seen:
            ds.misses.append(g)
            seen.add(g.group)
    return ds


@dataclass
class Totals:
    tp: int = 0
    fp: int = 0
    groups: int = 0
    groups_hit: int = 0
    indicator_ok: int = 0
    period_ok: int = 0
    docs: int = 0

    def add(self, ds: DocScore) -> None:
        self.tp += ds.tp
        self.fp += ds.fp
        self.groups += ds.doc.n_groups
        self.groups_hit += len(ds.groups_hit)
        self.indicator_ok += ds.indicator_ok
        self.period_ok += ds.period_ok
        self.docs += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.groups_hit / self.groups if self.groups else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def indicator_accuracy(self) -> float:
        return self.indicator_ok / self.tp if self.tp else 1.0

    @property
    def period_accuracy(self) -> float:
        return self.period_ok / self.tp if self.tp else 1.0

    def as_dict(self) -> dict:
        return {"f1": round(self.f1, 4), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "indicator_accuracy": round(self.indicator_accuracy, 4),
                "period_accuracy": round(self.period_accuracy, 4), "docs": self.docs}


@dataclass
class Result:
    docs: list[DocScore]
    overall: Totals
    by_form: dict[str, Totals]
    gold_hash: str

    def as_dict(self) -> dict:
        return {"overall": self.overall.as_dict(), "by_form": {k: v.as_dict() for k, v in self.by_form.items()},
                "gold_hash": self.gold_hash}


def evaluate(docs: list[GoldDoc], predict: Callable[[GoldDoc], Iterable[Item]]) -> Result:
    """Score ``predict`` (gold doc -> items) over ``docs``."""
    scores = [score_doc(d, predict(d)) for d in docs]
    overall = Totals()
    by_form: dict[str, Totals] = {}
    for ds in scores:
        overall.add(ds)
        for f in ds.doc.forms:
            by_form.setdefault(f, Totals()).add(ds)
    return Result(scores, overall, dict(sorted(by_form.items())), gold_hash(docs))


def extract_predict(doc: GoldDoc) -> list[Item]:
    """The library's own extraction of a gold document's text."""
    import duban

    return duban.extract(duban.read_text(doc.text, name=doc.id)).items


# -- the CI gate: floors pinned in a baseline file, allowed only to rise ---------------------------

GATED = ("f1", "precision", "recall", "indicator_accuracy")
EPSILON = 0.005


def floors_from(result: Result) -> dict:
    return {"gold_hash": result.gold_hash,
            "overall": {k: round(getattr(result.overall, k), 4) for k in GATED},
            "by_form": {f: round(t.f1, 4) for f, t in result.by_form.items()}}


def check_floors(result: Result, baseline: dict, epsilon: float = EPSILON) -> list[str]:
    """Where ``result`` falls below the pinned floors (minus epsilon); empty when it holds."""
    problems = []
    if baseline.get("gold_hash") != result.gold_hash:
        problems.append(f"gold set changed (pinned {baseline.get('gold_hash')}, now {result.gold_hash}): "
                        "re-pin with duban eval GOLD_DIR --update-baseline FILE")
        return problems
    for k, floor in baseline.get("overall", {}).items():
        v = getattr(result.overall, k)
        if v < floor - epsilon:
            problems.append(f"overall {k} {v:.4f} < floor {floor:.4f}")
    for form, floor in baseline.get("by_form", {}).items():
        t = result.by_form.get(form)
        if t is None or t.f1 < floor - epsilon:
            problems.append(f"form {form} f1 {t.f1 if t else 0:.4f} < floor {floor:.4f}")
    return problems


def raised_baseline(result: Result, old: dict | None) -> tuple[dict, list[str]]:
    """New floors: the higher of old and new for each number. Returns (baseline, refusals).

    A floor is never lowered on the same gold set; refusals name the numbers that would have gone
    down. A changed gold set starts a fresh baseline.
    """
    new = floors_from(result)
    if not old or old.get("gold_hash") != new["gold_hash"]:
        return new, []
    refused = []
    for section in ("overall", "by_form"):
        for k, v in old.get(section, {}).items():
            if new[section].get(k, 0.0) < v:
                refused.append(f"{section} {k}: {new[section].get(k, 0.0):.4f} < pinned {v:.4f}")
                new[section][k] = v
    return new, refused


# -- report -------------------------------------------------------------------------------------------

def _fmt(name: str, t: Totals) -> str:
    return (f"{name:<18} docs {t.docs:>3}  P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}  "
            f"indicator {t.indicator_accuracy:.3f}  period {t.period_accuracy:.3f}  "
            f"(tp {t.tp}, fp {t.fp}, groups {t.groups_hit}/{t.groups})")


def _item_line(p: Item) -> str:
    v = f"{p.low:g}" if p.cmp != "range" else f"{p.low:g}-{p.high:g}"
    return f"{p.kind} {p.cmp} {v} {p.unit} | {p.indicator} | {p.quote!r} | {p.period}"


def _gold_line(g: Gold) -> str:
    v = f"{g.low:g}" if g.cmp != "range" else f"{g.low:g}-{g.high:g}"
    return f"{g.kind} {g.cmp} {v} {g.unit} | {g.indicator} | {g.quote!r} | {g.period}"


def report(result: Result, *, by_form: bool = False, verbose: bool = False) -> str:
    """The text `duban eval` prints; the last lines are the overall summary."""
    lines = []
    for ds in result.docs:
        t = Totals()
        t.add(ds)
        lines.append(_fmt(ds.doc.id[:18], t) if verbose else "")
        if verbose:
            for g in ds.misses:
                lines.append(f"    MISS  {_gold_line(g)}")
            for p in ds.false_positives:
                lines.append(f"    FP    {_item_line(p)}")
            for p, g in ds.wrong_indicator:
                lines.append(f"    IND   {p.indicator!r} vs gold {g.indicator!r}")
            for p, g in ds.wrong_period:
                lines.append(f"    PER   {p.period} vs gold {g.period} ({g.quote!r})")
    lines = [x for x in lines if x]
    if by_form or verbose:
        lines.append("")
        for f, t in result.by_form.items():
            lines.append(_fmt(f, t))
    o = result.overall
    lines.append("")
    lines.append(_fmt("overall", o))
    lines.append(f"F1 {o.f1:.4f}  precision {o.precision:.4f}  recall {o.recall:.4f}  "
                 f"indicator accuracy {o.indicator_accuracy:.4f}  period accuracy {o.period_accuracy:.4f}")
    return "\n".join(lines)
