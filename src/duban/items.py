"""The result types of extraction: items and sections. Plain data, no Django."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("target", "actual", "task")
CMPS = ("=", "~", ">=", "<=", "range")


@dataclass
class Item:
    """One quantity (target or actual) or one qualitative task, with provenance.

    ``span`` indexes the ORIGINAL text of the document: ``original[span[0]:span[1]] == quote``.
    Tasks have no cmp/low/high/unit.
    """

    kind: str
    indicator: str
    quote: str
    span: tuple[int, int]
    cmp: str | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    period: str | None = None
    section: str | None = None
    canonical: str | None = None  # id in the canonical indicator catalogue
    value_base: float | None = None  # low scaled to the base unit (万 -> 1e4 ...)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span)
        if self.kind == "task":
            for k in ("cmp", "low", "high", "unit", "value_base"):
                d.pop(k)
        return d


@dataclass
class Section:
    """A heading of the report (一、 (一) 1. or a short title line) and where it sits."""

    title: str
    level: int
    span: tuple[int, int]  # of the heading line, in the original text
    parent: int | None = None  # index into Extraction.sections


@dataclass
class Extraction:
    """Everything extraction found in one document."""

    source: str | None
    items: list[Item] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    year: int | None = None  # the report year (the year whose plan the report sets)
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"source": self.source, "items": [i.to_dict() for i in self.items]}
