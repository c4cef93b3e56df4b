"""Corpus readers: inputs -> shards -> documents, streamed.

A *shard* is a small, picklable description of up to ``shard_size`` documents (a list of files, or
a start position and a count in one JSONL / Parquet / WARC file). The driver plans shards by one
streaming pass over the inputs (it never holds documents); a worker opens the input itself, seeks to
the shard's start and reads its documents. Planning and reading walk the inputs with the same
iterators, so a bad record (an invalid JSONL line, a truncated WARC record) is counted once by the
planner and turned into exactly one error row by the worker.

Every record gets a ``doc_key``: a hash of its input (absolute path) and its place in that input
(byte offset, line, row, or path within a directory). Unlike ``doc_id`` (a JSONL file's own ``id``,
which two files may share), it tells every document of one run apart, and it does not depend on
the shard size or the engine, so every table of the output joins on it.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
from collections.abc import Iterator
from contextlib import redirect_stderr
from dataclasses import dataclass, field, replace
from pathlib import Path

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
PARQUET_SUFFIXES = (".parquet",)
ID_COLUMNS = ("id", "doc_id", "docid")
TEXT_COLUMNS = ("text", "content")
HTML_COLUMNS = ("html", "raw_html", "raw_content")
URL_COLUMNS = ("url", "uri", "source_url")

# WARC / HTTP content types duban reads, by the file extension that tells ingest how to decode them
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


@dataclass(frozen=True)
class Doc:
    """One document to read: bytes with a file name (its extension picks the decoder) or text."""

    doc_id: str
    source: str
    url: str | None = None
    name: str | None = None
    data: bytes | None = None
    text: str | None = None
    locator: str = ""  # where in ``source``: offset, line, row or relative path ("" for a loose file)

    @property
    def key(self) -> str:
        return doc_key(self.source, self.locator)


@dataclass(frozen=True)
class Bad:
    """A record that is not a readable document: becomes an error row."""

    doc_id: str
    source: str
    reason: str
    url: str | None = None
    locator: str = ""

    @property
    def key(self) -> str:
        return doc_key(self.source, self.locator)


def doc_key(source: str, locator: str) -> str:
    """The document's key in every output table: 20 hex digits of sha1(source + newline + locator)."""
    # surrogateescape: a file name that is not valid UTF-8 still hashes (to the bytes it was read from)
    return hashlib.sha1(f"{source}\n{locator}".encode("utf-8", "surrogateescape")).hexdigest()[:20]


@dataclass(frozen=True)
class Shard:
    kind: str  # files | jsonl | parquet | warc | missing
    source: str  # the input file (or directory for files)
    start: int = 0  # byte offset (jsonl, warc), row (parquet), line (jsonl.gz)
    count: int = 0  # documents (events) in this shard
    files: tuple[str, ...] = field(default=())  # for kind files
    stamp: str = ""  # size and mtime of the input: a changed input makes new shards

    @property
    def key(self) -> str:
        h = hashlib.sha1(
            json.dumps([self.kind, self.source, self.start, self.count, self.files, self.stamp]).encode()
        )
        return h.hexdigest()[:20]


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def kind_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "file"


# --- planning --------------------------------------------------------------------------------------

def plan(inputs: list[str], shard_size: int, exclude: Path | None = None) -> Iterator[Shard]:
    """Shards covering every document of ``inputs``, in a stable order.

    ``exclude`` (the output folder) is skipped when a directory input contains it.
    """
    loose: list[str] = []  # files named one by one (duban batch *.html): grouped into shards too

    def flush() -> Iterator[Shard]:
        if loose:
            stamp = hashlib.sha1("".join(f"{f}:{_stamp(Path(f))}" for f in loose).encode()).hexdigest()
            yield Shard("files", "", 0, len(loose), tuple(loose), stamp)
            loose.clear()

    seen: set[Path] = set()
    for raw in inputs:
        path = Path(raw).absolute()  # workers on other machines need the same, full path
        if path in seen:  # listed twice: read once (the same records would get the same keys)
            continue
        seen.add(path)
        if path.is_file() and kind_of(path) == "file":
            loose.append(str(path))
            if len(loose) == shard_size:
                yield from flush()
            continue
        yield from flush()
        if path.is_dir():
            yield from _plan_dir(path, shard_size, exclude.absolute() if exclude else None)
        elif path.is_file():
            yield from _plan_container(path, kind_of(path), shard_size)
        else:
            yield Shard("missing", raw, 0, 1)
    yield from flush()


def _plan_dir(root: Path, shard_size: int, exclude: Path | None = None) -> Iterator[Shard]:
    batch: list[str] = []
    stamp = hashlib.sha1()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and (exclude is None or Path(dirpath) / d != exclude))
        for fn in sorted(filenames):
            if fn.startswith("."):
                continue
            p = Path(dirpath) / fn
            kind = kind_of(p)
            if kind != "file":
                yield from _plan_container(p, kind, shard_size)
                continue
            batch.append(str(p))
            try:
                stamp.update(f"{p}:{_stamp(p)}".encode())
            except OSError:
                pass  # unreadable: the worker records the reason
            if len(batch) == shard_size:
                yield Shard("files", str(root), 0, len(batch), tuple(batch), stamp.hexdigest())
                batch, stamp = [], hashlib.sha1()
    if batch:
        yield Shard("files", str(root), 0, len(batch), tuple(batch), stamp.hexdigest())


def _plan_container(path: Path, kind: str, shard_size: int) -> Iterator[Shard]:
    try:
        stamp = _stamp(path)
        positions = _POSITIONS[kind](path)
        start, n = None, 0
        for pos in positions:
            if start is None:
                start = pos
            n += 1
            if n == shard_size:
                yield Shard(kind, str(path), start, n, (), stamp)
                start, n = None, 0
        if n:
            yield Shard(kind, str(path), start or 0, n, (), stamp)
    except Exception as e:  # an input that cannot be opened at all: one error row
        yield Shard("missing", str(path), 0, 1, (), f"{type(e).__name__}: {e}")


# --- reading ---------------------------------------------------------------------------------------

def read_shard(shard: Shard) -> Iterator[Doc | Bad]:
    """The documents of one shard, read lazily."""
    if shard.kind == "missing":
        reason = shard.stamp or ("no such file or directory" if not os.path.exists(shard.source)
                                 else "not a file or directory")
        yield Bad(shard.source, shard.source, reason)
        return
    if shard.kind == "files":
        for f in shard.files:
            yield _file_doc(Path(f), Path(shard.source) if shard.source else None)
        return
    n = 0
    try:
        for pos, ev in _EVENTS[shard.kind](Path(shard.source), shard.start):
            yield replace(ev, locator=str(pos))
            n += 1
            if n == shard.count:
                return
    except Exception as e:  # the input vanished or changed under us
        where = f"{shard.start}+{n}"
        yield Bad(f"{shard.source}@{where}", shard.source, f"cannot read input: {e}", locator=where)


def _file_doc(path: Path, root: Path | None) -> Doc | Bad:
    """A file of a directory input (id: its path from the directory's parent) or a loose file
    (id: parent folder and name; source: the file itself)."""
    if root is not None and root in path.parents:
        doc_id, source, where = path.relative_to(root.parent).as_posix(), str(root), path.relative_to(root).as_posix()
    else:
        doc_id, source, where = f"{path.parent.name}/{path.name}", str(path), ""
    try:
        return Doc(doc_id, source, None, str(path), path.read_bytes(), locator=where)
    except OSError as e:
        return Bad(doc_id, source, e.strerror or str(e), locator=where)


# JSONL: one event per non-blank line; position = byte offset (plain) or line number (gzip)

def _jsonl_lines(path: Path, start: int) -> Iterator[tuple[int, bytes]]:
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as f:
            for i, line in enumerate(f):
                if i >= start:
                    yield i, line
        return
    with open(path, "rb") as f:
        f.seek(start)
        pos = start
        for line in f:
            yield pos, line
            pos += len(line)


def _jsonl_positions(path: Path) -> Iterator[int]:
    for pos, line in _jsonl_lines(path, 0):
        if line.strip():
            yield pos


def _jsonl_events(path: Path, start: int) -> Iterator[tuple[int, Doc | Bad]]:
    for pos, line in _jsonl_lines(path, start):
        if line.strip():
            yield pos, _jsonl_doc(path, pos, line)


def _jsonl_doc(path: Path, pos: int, line: bytes) -> Doc | Bad:
    where = f"{path.name}@{pos}"
    try:
        rec = json.loads(line)
    except (ValueError, UnicodeDecodeError) as e:
        return Bad(where, str(path), f"invalid JSON line: {e}")
    if not isinstance(rec, dict):
        return Bad(where, str(path), "JSON line is not an object")
    doc_id = str(rec["id"]) if rec.get("id") not in (None, "") else where
    url = rec.get("url") if isinstance(rec.get("url"), str) else None
    text, html = rec.get("text"), rec.get("html")
    if isinstance(text, str):
        return Doc(doc_id, str(path), url, doc_id, text=text)
    if isinstance(html, str):
        return Doc(doc_id, str(path), url, f"{doc_id}.html", html.encode("utf-8"))
    if text is None and html is None:
        return Bad(doc_id, str(path), "no text or html field", url)
    return Bad(doc_id, str(path), "text/html field is not a string", url)


# Parquet: one event per row; position = row number

def _parquet_columns(names: list[str]) -> tuple[str | None, str | None, str | None, str | None]:
    low = {n.lower(): n for n in names}
    pick = lambda cands: next((low[c] for c in cands if c in low), None)  # noqa: E731
    return pick(ID_COLUMNS), pick(TEXT_COLUMNS), pick(HTML_COLUMNS), pick(URL_COLUMNS)


def _parquet_positions(path: Path) -> Iterator[int]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    _, text_col, html_col, _ = _parquet_columns(pf.schema_arrow.names)
    if text_col is None and html_col is None:
        raise ValueError(f"no text or html column (columns: {', '.join(pf.schema_arrow.names)})")
    yield from range(pf.metadata.num_rows)


def _parquet_events(path: Path, start: int) -> Iterator[tuple[int, Doc | Bad]]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    id_col, text_col, html_col, url_col = _parquet_columns(pf.schema_arrow.names)
    cols = [c for c in (id_col, text_col, html_col, url_col) if c]
    # skip whole row groups before start (metadata only), then batches within the group
    row0, groups = 0, []
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        if row0 + n > start or groups:
            groups.append(g)
        else:
            row0 += n
    row = row0
    for batch in pf.iter_batches(batch_size=256, row_groups=groups, columns=cols):
        for rec in batch.to_pylist():
            if row >= start:
                yield row, _row_doc(path, row, rec, id_col, text_col, html_col, url_col)
            row += 1


def _row_doc(path: Path, row: int, rec: dict, id_col, text_col, html_col, url_col) -> Doc | Bad:
    doc_id = str(rec[id_col]) if id_col and rec.get(id_col) not in (None, "") else f"{path.name}:{row}"
    url = rec.get(url_col) if url_col else None
    url = url if isinstance(url, str) else None
    text = rec.get(text_col) if text_col else None
    html = rec.get(html_col) if html_col else None
    if isinstance(text, str):
        return Doc(doc_id, str(path), url, doc_id, text=text)
    if isinstance(html, str):
        return Doc(doc_id, str(path), url, f"{doc_id}.html", html.encode("utf-8"))
    if isinstance(html, bytes):
        return Doc(doc_id, str(path), url, f"{doc_id}.html", html)
    return Bad(doc_id, str(path), "empty or non-text text/html value", url)


# WARC: one event per response/resource record, or per damaged spot; position = byte offset

DOC_RECORDS = ("response", "resource", "conversion")


def _warc_events(path: Path, start: int) -> Iterator[tuple[int, Doc | Bad]]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        f.seek(start)
        it = ArchiveIterator(f)
        records = iter(it)
        offset, last = start, -1
        try:
            while True:
                with redirect_stderr(io.StringIO()):  # warcio prints its warnings; the row says it
                    rec = next(records, None)
                    if rec is None:
                        break
                    data, cut = None, False
                    if rec.rec_type in DOC_RECORDS:
                        data = rec.content_stream().read()
                        cut = bool(getattr(rec.raw_stream, "limit", 0))  # fewer bytes than Content-Length
                    offset = it.get_record_offset()  # (reads the record to its end: payload first)
                ev = _warc_doc(path, offset, rec, data, cut)
                if ev is not None:
                    yield offset, ev
                    last = offset
                    if isinstance(ev, Bad) and ev.reason.startswith(("not a WARC record", "damaged")):
                        return  # no way to find the next record boundary
            end = it.offset
            f.seek(0, io.SEEK_END)
            if end < f.tell():  # bytes after the last whole record: a record cut short
                yield end, Bad(f"{path.name}@{end}", str(path), "truncated WARC record")
        except Exception as e:
            reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            # a position of its own, so a shard may start at the damage and still meet it once
            pos = max(offset, last + 1)
            yield pos, Bad(f"{path.name}@{pos}", str(path), f"damaged WARC record: {reason}")


def _warc_doc(path: Path, offset: int, rec, data: bytes | None, cut: bool) -> Doc | Bad | None:
    where = f"{path.name}@{offset}"
    if rec.rec_type not in DOC_RECORDS:
        if rec.rec_type is None or not rec.rec_headers.get_header("Content-Length"):
            return Bad(where, str(path), "not a WARC record (no WARC header): truncated or not a WARC file")
        return None  # request, metadata, warcinfo, revisit: not documents
    url = rec.rec_headers.get_header("WARC-Target-URI")
    doc_id = (rec.rec_headers.get_header("WARC-Record-ID") or where).strip("<>")
    if not rec.rec_headers.get_header("Content-Length"):
        return Bad(doc_id, str(path), "damaged WARC record (no Content-Length): truncated or not a WARC file", url)
    if rec.http_headers is not None:
        code = rec.http_headers.get_statuscode()
        if code and not code.startswith("2"):
            return None  # redirects and error pages carry no document
        ctype = rec.http_headers.get_header("Content-Type") or ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    if cut:
        return Bad(doc_id, str(path), "truncated WARC record (payload cut short)", url)
    mime = ctype.split(";")[0].strip().lower()
    ext = CONTENT_TYPES.get(mime) if mime else _sniff(data)
    if ext is None:
        return Bad(doc_id, str(path), f"non-text payload ({mime})", url)
    return Doc(doc_id, str(path), url, f"{doc_id}{ext}", data or b"")


def _sniff(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return ".pdf"
    if head.startswith(b"pk"):
        return ".docx"
    if head.startswith(b"<"):
        return ".html"
    return ".txt"


def _warc_positions(path: Path) -> Iterator[int]:
    for pos, _ev in _warc_events(path, 0):
        yield pos


_POSITIONS = {"jsonl": _jsonl_positions, "parquet": _parquet_positions, "warc": _warc_positions}
_EVENTS = {"jsonl": _jsonl_events, "parquet": _parquet_events, "warc": _warc_events}
