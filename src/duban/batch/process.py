"""One shard in a worker: read each document, score it, extract it, write two Parquet parts.

Every document yields exactly one row of the documents table (ok, skipped or error, with the
reason), one row per item in the items table and one per heading in the sections table; all three
carry the document's ``doc_key`` (see `sources`), the column to join them on: ``doc_id`` is the
input's own name for the document and two inputs may use the same one. Parts are written under a hidden temporary name
and renamed, so a part file is either whole or absent.
"""

from __future__ import annotations

import os
import resource
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import duban
from duban import regions, relevance
from duban.batch.limits import DocTimeout, deadline
from duban.batch.sources import Bad, Doc, Shard, read_shard
from duban.errors import InputError
from duban.ingest import DEFAULT_MAX_BYTES, load_bytes
from duban.ingest.normalize import normalize

DEFAULT_DOC_TIMEOUT = 60.0  # seconds for one document, read to rows
DEFAULT_MAX_DOC_CHARS = 5_000_000  # a whole province's report is ~50 k characters

REGION_FIELDS = [
    pa.field("region", pa.string()),
    pa.field("region_level", pa.string()),
    pa.field("region_parent", pa.string()),
    pa.field("year", pa.int32()),
]

DOCUMENTS_SCHEMA = pa.schema([
    # unique in the run: hash of source and locator. Always set by duban batch; nullable so that tables
    # written by hand (tests, other tools) still load: without it `duban load` joins on doc_id
    pa.field("doc_key", pa.string()),
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source", pa.string()),  # the input: a directory, a loose file, a JSONL/Parquet/WARC file
    pa.field("locator", pa.string()),  # where in it: relative path, byte offset (JSONL, WARC), line (.gz), row
    pa.field("url", pa.string()),
    pa.field("status", pa.string(), nullable=False),  # ok | skipped (below --min-relevance) | error
    pa.field("error", pa.string()),
    pa.field("n_items", pa.int32()),
    pa.field("chars", pa.int64()),
    pa.field("relevance", pa.float64()),
    *REGION_FIELDS,
    pa.field("extract_year", pa.int32()),  # the year extraction worked with (Extraction.year)
    pa.field("shard", pa.string()),
    pa.field("position", pa.int32()),  # order of the document within its shard
    pa.field("original", pa.string()),  # the text item spans index (ok rows only): what `duban load` stores
])

# every field of duban.items.Item (span as two columns), plus the document's place in the corpus
ITEMS_SCHEMA = pa.schema([
    pa.field("doc_key", pa.string()),
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("url", pa.string()),
    pa.field("item_index", pa.int32(), nullable=False),
    pa.field("kind", pa.string()),
    pa.field("indicator", pa.string()),
    pa.field("quote", pa.string()),
    pa.field("span_start", pa.int64()),
    pa.field("span_end", pa.int64()),
    pa.field("cmp", pa.string()),
    pa.field("low", pa.float64()),
    pa.field("high", pa.float64()),
    pa.field("unit", pa.string()),
    pa.field("period", pa.string()),
    pa.field("section", pa.string()),
    pa.field("canonical", pa.string()),
    pa.field("value_base", pa.float64()),
    *REGION_FIELDS,
])


# the headings extraction found (Extraction.sections): `duban load` rebuilds the report's outline
SECTIONS_SCHEMA = pa.schema([
    pa.field("doc_key", pa.string()),
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("section_index", pa.int32(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("level", pa.int32()),
    pa.field("span_start", pa.int64()),
    pa.field("span_end", pa.int64()),
    pa.field("parent", pa.int32()),  # section_index of the parent heading
])


@dataclass(frozen=True)
class Options:
    min_relevance: float = 0.0
    max_bytes: int = DEFAULT_MAX_BYTES
    doc_timeout: float = DEFAULT_DOC_TIMEOUT  # 0: no limit
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS  # 0: no limit


def _float(v) -> float | None:
    return None if v is None else float(v)


def item_row(doc_key: str, doc_id: str, url: str | None, index: int, it: duban.Item, place: dict) -> dict:
    return {
        "doc_key": doc_key, "doc_id": doc_id, "url": url, "item_index": index, "kind": it.kind, "indicator": it.indicator,
        "quote": it.quote, "span_start": it.span[0], "span_end": it.span[1], "cmp": it.cmp,
        "low": _float(it.low), "high": _float(it.high), "unit": it.unit, "period": it.period,
        "section": it.section, "canonical": it.canonical, "value_base": _float(it.value_base), **place,
    }


def _place(text: str) -> dict:
    region, year = regions.detect(text)
    return {
        "region": region.name if region else None,
        "region_level": region.level if region else None,
        "region_parent": region.parent if region else None,
        "year": year,
    }


def process_doc(ev: Doc | Bad, opts: Options) -> tuple[dict, list[dict], list[dict]]:
    """The documents-table row, the items-table rows and the sections-table rows of one document.

    The whole of it (reading included) runs under ``opts.doc_timeout``; a document that runs over,
    or is longer than ``opts.max_doc_chars``, becomes an error row saying so.
    """
    row: dict = {"doc_key": ev.key, "doc_id": ev.doc_id, "source": ev.source, "locator": ev.locator, "url": ev.url, "status": "error", "error": None,
                 "n_items": 0, "chars": None, "relevance": None, "region": None, "region_level": None,
                 "region_parent": None, "year": None, "extract_year": None, "original": None}
    if isinstance(ev, Bad):
        row["error"] = ev.reason
        return row, [], []
    try:
        with deadline(opts.doc_timeout):
            return _process(ev, opts, row)
    except DocTimeout:
        row["error"] = f"timed out after {opts.doc_timeout:g} s (--doc-timeout)"
    except InputError as e:
        row["error"] = e.reason
    except Exception as e:  # a bug in a stage must not stop the corpus: record it, keep going
        row["error"] = f"internal error: {type(e).__name__}: {e}"
    row["status"] = "error"
    row["original"] = None
    row["n_items"] = 0
    return row, [], []


def _too_long(n: int, opts: Options) -> str | None:
    if opts.max_doc_chars and n > opts.max_doc_chars:
        return f"too long: {n} characters, over the limit of {opts.max_doc_chars} (--max-doc-chars)"
    return None


def _process(ev: Doc, opts: Options, row: dict) -> tuple[dict, list[dict], list[dict]]:
    # the length is checked before normalizing, the costliest part of reading
    name = ev.name or ev.doc_id
    if ev.text is not None:
        if reason := _too_long(len(ev.text), opts):
            row["chars"] = len(ev.text)
            raise InputError(name, reason)
        doc = duban.read_text(ev.text, ev.name)
    else:
        raw = load_bytes(ev.data or b"", name, max_bytes=opts.max_bytes)  # = duban.read_bytes, in two steps
        if reason := _too_long(len(raw.original), opts):
            row["chars"] = len(raw.original)
            raise InputError(name, reason)
        doc = normalize(raw)
    row["chars"] = len(doc.original)
    simple = regions.simplify(doc.text)
    row["relevance"] = relevance.score(simple, simplified=True)
    place = _place(simple)
    row.update(place)
    if row["relevance"] < opts.min_relevance:
        row["status"] = "skipped"  # below the threshold: extraction, the costly part, never runs
        return row, [], []
    result = duban.extract(doc)
    row["status"] = "ok"
    row["original"] = doc.original
    row["n_items"] = len(result.items)
    row["extract_year"] = result.year
    items = [item_row(row["doc_key"], ev.doc_id, ev.url, i, it, place) for i, it in enumerate(result.items)]
    sections = [{"doc_key": row["doc_key"], "doc_id": ev.doc_id, "section_index": i, "title": sec.title, "level": sec.level,
                 "span_start": sec.span[0], "span_end": sec.span[1], "parent": sec.parent}
                for i, sec in enumerate(result.sections)]
    return row, items, sections


_warm = threading.Lock()
_warmed = False


def warm_up() -> None:
    """Load every stage's rule tables once per process, outside any document's time limit: the first
    document of a worker must not pay ~0.3 s of loading, nor be interrupted half-way through it."""
    global _warmed
    with _warm:
        if not _warmed:
            doc = duban.read_text("2024年政府工作报告\n今年地区生产总值增长5%左右,新增学位4290个。", "<warm-up>")
            simple = regions.simplify(doc.text)
            relevance.score(simple, simplified=True)
            regions.detect(simple)
            duban.extract(doc)
            _warmed = True


def run_shard(shard: Shard, out: str, opts: Options) -> dict:
    """Process one shard and write its parts; returns the counts for the manifest."""
    t0, cpu0 = time.perf_counter(), time.process_time()
    if opts.doc_timeout:
        warm_up()
    docs: list[dict] = []
    items: list[dict] = []
    sections: list[dict] = []
    for pos, ev in enumerate(read_shard(shard)):
        row, rows, secs = process_doc(ev, opts)
        row["shard"] = shard.key
        row["position"] = pos
        docs.append(row)
        items.extend(rows)
        sections.extend(secs)
    out_dir = Path(out)
    _write(pa.Table.from_pylist(items, schema=ITEMS_SCHEMA), out_dir / "items", shard.key)
    _write(pa.Table.from_pylist(sections, schema=SECTIONS_SCHEMA), out_dir / "sections", shard.key)
    _write(pa.Table.from_pylist(docs, schema=DOCUMENTS_SCHEMA), out_dir / "documents", shard.key)
    return {
        "shard": shard.key, "docs": len(docs), "items": len(items),
        "errors": sum(d["status"] == "error" for d in docs),
        "skipped": sum(d["status"] == "skipped" for d in docs),
        "chars": sum(d["chars"] or 0 for d in docs),
        "seconds": round(time.perf_counter() - t0, 3), "pid": os.getpid(),
        "cpu_seconds": round(time.process_time() - cpu0, 3),  # unlike seconds, not inflated by other jobs
        # the worker's peak resident memory so far (Linux reports KiB): bench/batch.py reads it
        "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _write(table: pa.Table, folder: Path, key: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".part-{key}.parquet.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, folder / f"part-{key}.parquet")
