"""Ingest: bytes or files of any common shape -> Document with the original text (not normalized)."""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from duban.document import Document
from duban.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def load_path(path: str | PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"file is {size} bytes, over the limit of {max_bytes}")
        data = p.read_bytes()
    except OSError as e:
        raise InputError(str(path), e.strerror or str(e)) from None
    return load_bytes(data, str(path), max_bytes=max_bytes)


def load_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    # placeholder until the ingest stage lands: UTF-8 text only
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text") from None
    return Document(original=text, name=name)
