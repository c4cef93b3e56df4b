"""Is this page a government work report, plan, statistical bulletin, or coverage of one?

A fast score in [0, 1] so that a crawl segment can be cut down to the pages worth extracting
(`duban batch --min-relevance`). The features are regular expressions with weights, kept as data
in ``rules/relevance.toml`` (each with examples that run as tests); the score is a logistic of the
capped, weighted feature counts over the simplified head of the page. One compiled alternation
scans the text once, so a page costs about as much as one regex pass.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from duban.fastre import AnyOf, GroupCounter
from duban.regions import simplify

THRESHOLD = 0.5  # the default cut of `duban batch --min-relevance` is 0 (keep all); this is the judged side


@dataclass(frozen=True)
class Feature:
    name: str
    pattern: str
    weight: float
    cap: int
    anchor: bool = False  # a region's government speaks (全市, 政府, a report's title): one is needed


@dataclass(frozen=True)
class _Model:
    bias: float
    features: tuple[Feature, ...]
    scan: re.Pattern  # one alternation, a named group per feature
    counter: GroupCounter  # the counts of `scan`'s matches per feature, on the regex fast path (3x faster)
    negative: AnyOf  # does any negative feature match somewhere (one fast scan)
    each: tuple[AnyOf | None, ...]  # per feature: does it match somewhere (negative features only)


@cache
def rules() -> dict:
    return tomllib.loads(resources.files("duban").joinpath("rules/relevance.toml").read_text("utf-8"))


@cache
def _model() -> _Model:
    data = rules()
    feats = tuple(Feature(f["name"], f["pattern"], float(f["weight"]), int(f["cap"]), bool(f.get("anchor")))
                  for f in data["feature"])
    scan = re.compile("|".join(f"(?P<f{i}>{f.pattern})" for i, f in enumerate(feats)))
    return _Model(float(data["bias"]), feats, scan, GroupCounter([f.pattern for f in feats]),
                  AnyOf([f.pattern for f in feats if f.weight < 0]),
                  tuple(AnyOf([f.pattern]) if f.weight < 0 else None for f in feats))


def features(text: str, *, simplified: bool = False) -> dict[str, int]:
    """How often each feature occurs (uncapped), by feature name."""
    s = text if simplified else simplify(text)
    model = _model()
    counts = model.counter.counts(s)
    return {f.name: n for f, n in zip(model.features, counts, strict=True)}


def score(text: str, *, simplified: bool = False) -> float:
    """Relevance of one page in [0, 1]; above 0.5 means "a report, plan, bulletin or coverage of one"."""
    return _score(_model(), features(text, simplified=simplified))


def _score(model: _Model, counts: dict[str, int]) -> float:
    if not any(counts[f.name] for f in model.features if f.anchor):
        # only figures, policy verbs and the names of indicators: any organisation's page (a company's
        # year summary, an industrial park's news), no region's government speaking
        return 0.0
    z = model.bias + sum(f.weight * min(counts[f.name], f.cap) for f in model.features)
    return 1.0 / (1.0 + math.exp(-z))


def at_least(text: str, threshold: float, *, simplified: bool = False) -> bool:
    """``score(text) >= threshold``, with the scan of the page stopped as soon as that is certain:
    when the counts so far, with every negative feature taken at its cap, already score the
    threshold (counts only grow, and the score grows with each positive count and falls with each
    negative one, so the full score is at least that). A negative feature that matches nowhere in the
    page (one fast scan for all of them: none in most reports) is taken at 0 instead: with all of them
    at their caps the bound could never reach the threshold, and every report was scanned to the end.
    A page that is no report is scanned to the end, as by `score`."""
    s = text if simplified else simplify(text)
    model = _model()
    names = [f.name for f in model.features]
    # a feature that matches nowhere counts 0 in the scan too (each of its counts is a match of its own)
    caps = [0] * len(model.features)
    if model.negative.search(s):
        caps = [f.cap if each is not None and each.search(s) else 0 for f, each in zip(model.features, model.each, strict=True)]
    negative = [f.weight < 0 for f in model.features]

    def bound(counts: list[int]) -> float:
        return _score(model, dict(zip(names, [c if not neg else cap for c, cap, neg
                                              in zip(counts, caps, negative, strict=True)], strict=True)))

    counts = model.counter.counts(s, enough=lambda c: bound(c) >= threshold)
    if bound(counts) >= threshold:
        return True  # (also when the scan stopped early: the full score is at least the bound)
    return _score(model, dict(zip(names, counts, strict=True))) >= threshold


def precision_recall(positives: list[str], negatives: list[str], threshold: float = THRESHOLD
                     ) -> dict[str, float]:
    """Precision and recall of ``score >= threshold`` on a labelled sample."""
    tp = sum(score(t) >= threshold for t in positives)
    fp = sum(score(t) >= threshold for t in negatives)
    fn = len(positives) - tp
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn,
            "positives": len(positives), "negatives": len(negatives)}
