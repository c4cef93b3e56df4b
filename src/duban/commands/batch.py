"""`duban batch INPUT... --out DIR`: extract a corpus into a Parquet dataset.

Exit status: 0 when every document was read (documents below --min-relevance are skipped, not
errors); 1 when some documents could not be read (their rows in OUT/documents say why); 2 when the
run could not start (bad options, OUT made with other options) or a shard failed as a whole (a worker
died): the finished shards are kept and rerunning the same command resumes.
"""

from __future__ import annotations

import argparse
import sys

from duban.batch import BatchError
from duban.batch import run as run_batch
from duban.batch.process import DEFAULT_DOC_TIMEOUT, DEFAULT_MAX_DOC_CHARS


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "batch", help="extract a corpus (dirs, JSONL, Parquet, WARC) into a Parquet dataset",
        description="Read every document of the inputs, extract its items, and write OUT/items, "
                    "OUT/documents and OUT/sections as Parquet datasets, joined on their doc_key column "
                    "(doc_id is the input's own id, which two inputs may share). OUT holds the result of one list of inputs: "
                    "rerunning with the same inputs resumes (finished shards are skipped); results of "
                    "inputs no longer listed are removed.",
        epilog="exit status: 0 all documents read; 1 some documents had errors (see OUT/documents); "
               "2 the run could not start or a shard failed (rerun to resume)",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="directory of files (txt, html, pdf, docx), .jsonl[.gz] (id, text or html, url), "
                        ".parquet (text or html column), .warc[.gz]")
    p.add_argument("--out", required=True, metavar="DIR", help="output dataset directory")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--workers", type=int, default=2,
                   help="worker processes (local: 0 runs in this process; dask: LocalCluster size)")
    p.add_argument("--scheduler", metavar="ADDR", help="dask scheduler to join, e.g. tcp://host:8786")
    p.add_argument("--min-relevance", type=float, default=0.0, metavar="X",
                   help="skip extraction of pages whose relevance score is below X (0..1; 0.5 is the judged cut)")
    p.add_argument("--shard-size", type=int, default=100, metavar="N",
                   help="documents per shard: the unit of work, of resuming, and of worker memory")
    p.add_argument("--doc-timeout", type=float, default=DEFAULT_DOC_TIMEOUT, metavar="SECONDS",
                   help="a document taking longer becomes an error row and the run goes on (0: no limit; "
                        "default %(default)g)")
    p.add_argument("--max-doc-chars", type=int, default=DEFAULT_MAX_DOC_CHARS, metavar="N",
                   help="a longer document becomes an error row without being processed (0: no limit; "
                        "default %(default)d)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    return p


def run(args: argparse.Namespace) -> int:
    if args.scheduler and args.engine != "dask":
        print("duban batch: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    try:
        s = run_batch(args.inputs, args.out, engine=args.engine, workers=args.workers,
                      scheduler=args.scheduler, min_relevance=args.min_relevance,
                      shard_size=args.shard_size, progress=not args.no_progress,
                      doc_timeout=args.doc_timeout, max_doc_chars=args.max_doc_chars)
    except BatchError as e:
        print(f"duban batch: {e}", file=sys.stderr)
        return 2
    resumed = f", {s.shards_done_before} of {s.shards} shards done before" if s.shards_done_before else ""
    print(f"duban batch: {s.docs} documents, {s.items} items, {s.skipped} skipped, {s.errors} errors"
          f"{resumed} -> {args.out}", file=sys.stderr)
    if s.errors:
        for reason, n in error_reasons(args.out):
            print(f"  {n:>8}  {reason}", file=sys.stderr)
    return 1 if s.errors else 0


def error_reasons(out: str, top: int = 5) -> list[tuple[str, int]]:
    """The most common kinds of error in OUT/documents (the reason up to its first colon)."""
    from collections import Counter

    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(f"{out}/documents", columns=["status", "error"])
    errors = table.filter(pc.equal(table["status"], "error"))["error"].to_pylist()
    return Counter((e or "unknown").split(":")[0][:100] for e in errors).most_common(top)
