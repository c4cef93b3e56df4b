"""Ingest: bytes or files of any common shape -> Document with the original text (not normalized).

The format comes from the name's extension, or from the content when the name has none (stdin)
or is unknown. For HTML, PDF and Word the Document's ``original`` is the extracted text layer,
what a person reads; spans index it. ``meta`` records ``format``, ``encoding`` and how the text
was found.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from duban.document import Document
from duban.errors import InputError
from duban.ingest.decode import decode

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".csv", ".tsv", ".log", ""})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml", ".asp", ".aspx", ".php", ".jsp"})
FORMATS = ("txt", "html", "pdf", "docx")


def load_path(path: str | PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a file into a Document (not normalized); the size is checked before reading."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(str(path), "is a directory, not a file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"file is {size} bytes, over the limit of {max_bytes}")
        data = p.read_bytes()
    except OSError as e:
        raise InputError(str(path), e.strerror or str(e)) from None
    return load_bytes(data, str(path), max_bytes=max_bytes)


def sniff(data: bytes, name: str) -> str:
    """The format of ``data``: from magic bytes first (they cannot lie), else from the name."""
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(name, "old binary Word/Office file (.doc/.xls); save it as .docx")
    if head.startswith((b"\x7fELF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf")):
        raise InputError(name, "binary data (an image, archive or program), not a report")
    ext = Path(name).suffix.lower() if name and not name.startswith("<") else ""
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext == ".pdf":
        return "pdf"
    if ext == ".docx":
        return "docx"
    return "text"  # .txt, no extension, or unknown: decided after decoding


def load_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Bytes of a .txt/.html/.pdf/.docx (``name`` gives the extension, if any) -> Document.

    Raises InputError(name, reason) with a one-line reason for anything that is not a readable report.
    """
    if len(data) > max_bytes:
        raise InputError(name, f"input is {len(data)} bytes, over the limit of {max_bytes}")
    if not data or data.isspace():
        raise InputError(name, "empty input")
    fmt = sniff(data, name)
    meta: dict = {}
    if fmt == "pdf":
        from duban.ingest.pdf import pdf_to_text

        original, meta["pages"] = pdf_to_text(data, name)
        encoding = None
    elif fmt == "docx":
        from duban.ingest.docx import docx_to_text

        original = docx_to_text(data, name)
        encoding = None
    else:
        from duban.ingest.html import declared_charset, html_to_text, looks_like_html

        ext = Path(name).suffix.lower() if not name.startswith("<") else ""
        try:
            text, encoding = _decode_declared(data, name, declared_charset(data) if fmt == "html" else None)
        except InputError as e:
            if fmt == "text" and ext not in TEXT_EXTENSIONS:
                raise InputError(name, f"unknown file type {ext}: {e.reason}") from None
            raise
        if fmt == "text":
            if looks_like_html(text):
                fmt = "html"
            else:
                fmt = "txt"
                if ext not in TEXT_EXTENSIONS:
                    # an unknown extension is fine when the bytes are text; decode() refused binary
                    meta["extension"] = ext
        if fmt == "html":
            original, meta["html_extractor"] = html_to_text(text, name)
        else:
            original = text
    meta["format"] = fmt
    meta["encoding"] = encoding
    return Document(original=original, name=name, meta=meta)


def _decode_declared(data: bytes, name: str, charset: str | None) -> tuple[str, str]:
    """Use a page's declared charset when it decodes cleanly (GB2312 pages are really GB18030).

    Valid UTF-8 wins over a declaration: GBK's byte ranges accept most UTF-8 Chinese as garbage,
    while GBK text is almost never valid UTF-8, so pages that declare gbk but were re-saved as UTF-8
    read right.
    """
    if charset and not charset.startswith("utf-16"):
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            pass
        aliases = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs",
                   "utf-8": "utf-8-sig", "utf8": "utf-8-sig"}
        try:
            return data.decode(aliases.get(charset, charset)), charset
        except (UnicodeDecodeError, LookupError):
            pass
    return decode(data, name)
