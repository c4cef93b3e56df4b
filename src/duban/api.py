"""The library's front door: read a report, extract its items. Adapters only call these."""

from __future__ import annotations

from os import PathLike

from duban.document import Document
from duban.extract import run as _run
from duban.ingest import DEFAULT_MAX_BYTES, load_bytes, load_path
from duban.ingest.normalize import normalize
from duban.items import Extraction


def read(path: str | PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a file (txt, html, pdf, docx; any encoding) into a normalized Document.

    Raises ``duban.InputError`` with a one-line reason for input that cannot be read.
    """
    return normalize(load_path(path, max_bytes=max_bytes))


def read_bytes(data: bytes, name: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Like `read`, for bytes in memory; ``name`` (with its extension) names the input."""
    return normalize(load_bytes(data, name, max_bytes=max_bytes))


def read_text(text: str, name: str | None = None) -> Document:
    """A normalized Document from text already decoded."""
    return normalize(Document(original=text, name=name))


def extract(source: Document | str, *, year: int | None = None) -> Extraction:
    """Extract targets, actuals and tasks. ``source`` is a Document or plain text.

    ``year`` is the report year when known (otherwise detected from the text).
    """
    doc = source if isinstance(source, Document) else read_text(source)
    return _run(doc, year=year)


def extract_file(path: str | PathLike, *, year: int | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """`read` then `extract`."""
    return extract(read(path, max_bytes=max_bytes), year=year)
