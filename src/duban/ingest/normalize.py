"""Normalize a Document's text for extraction, keeping the map back to the original."""

from __future__ import annotations

from duban.document import Document


def normalize(doc: Document) -> Document:
    # placeholder until the normalize stage lands
    return doc
