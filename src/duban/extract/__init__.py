"""Extraction: a normalized Document -> targets, actuals and tasks with provenance."""

from __future__ import annotations

from duban.document import Document
from duban.items import Extraction


def run(doc: Document, *, year: int | None = None) -> Extraction:
    # placeholder until the extraction stages land
    return Extraction(source=doc.name, year=year)
