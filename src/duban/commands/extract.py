"""`duban extract PATH... [--format table|jsonl|csv|xlsx]`."""

from __future__ import annotations

import argparse
import json
import sys

import duban
from duban.errors import InputError
from duban.ingest import DEFAULT_MAX_BYTES


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("extract", help="extract targets, actuals and tasks from report files")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files to read; - reads stdin")
    p.add_argument("--format", choices=("table", "jsonl", "csv", "xlsx"), default="table")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse larger inputs")
    return p


def _read(path: str, max_bytes: int) -> duban.Document:
    if path == "-":
        return duban.read_bytes(sys.stdin.buffer.read(), "<stdin>", max_bytes=max_bytes)
    return duban.read(path, max_bytes=max_bytes)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.paths:
        try:
            result = duban.extract(_read(path, args.max_bytes))
        except InputError as e:
            print(f"duban: {e}", file=sys.stderr)
            failed += 1
            continue
        result.source = path
        if args.format == "jsonl":
            print(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            for it in result.items:
                print(it.kind, it.indicator, it.cmp, it.low, it.high, it.unit, it.period, sep="\t")
    return 1 if failed else 0
