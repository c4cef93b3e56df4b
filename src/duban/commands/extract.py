"""`duban extract PATH...|- [--format table|jsonl|csv|xlsx] [-o FILE]`.

Reads each input with the library (`duban.read`, `duban.extract`) and prints its items. A bad input
gets a one-line error on stderr and the other inputs are still done; the exit code is 1 when any
input failed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import unicodedata
from pathlib import Path

import duban
from duban.errors import InputError
from duban.ingest import DEFAULT_MAX_BYTES

COLUMNS = ("source", "section", "kind", "indicator", "cmp", "low", "high", "unit", "period", "quote",
           "span_start", "span_end", "canonical")


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("extract", help="extract targets, actuals and tasks from report files")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files to read; - reads stdin")
    p.add_argument("--format", choices=("table", "jsonl", "csv", "xlsx"), default="table")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (required for xlsx)")
    p.add_argument("--year", type=int, help="the report year, when the text does not say")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse larger inputs")
    return p


def _read(path: str, max_bytes: int) -> duban.Document:
    if path == "-":
        return duban.read_bytes(sys.stdin.buffer.read(), "<stdin>", max_bytes=max_bytes)
    return duban.read(path, max_bytes=max_bytes)


def run(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and not args.output:
        print("duban: --format xlsx needs -o FILE", file=sys.stderr)
        return 2
    results: list[duban.Extraction] = []
    failed = 0
    out = io.StringIO() if args.output and args.format != "xlsx" else sys.stdout
    writer = None
    for path in args.paths:
        try:
            result = duban.extract(_read(path, args.max_bytes), year=args.year)
        except InputError as e:
            print(f"duban: {e}", file=sys.stderr)
            failed += 1
            continue
        result.source = path
        # stream what can be streamed, so a long run shows its results as it goes
        if args.format == "jsonl":
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif args.format == "csv":
            if writer is None:
                writer = csv.writer(out)
                writer.writerow(COLUMNS)
            writer.writerows(_rows(result))
        elif args.format == "table":
            out.write(table(result) + "\n")
        else:
            results.append(result)
        out.flush()
    if args.format == "xlsx":
        try:
            write_xlsx(results, Path(args.output))
        except OSError as e:
            print(f"duban: {args.output}: {e.strerror or e}", file=sys.stderr)
            return 1
    elif args.output:
        try:
            Path(args.output).write_text(out.getvalue(), encoding="utf-8")
        except OSError as e:
            print(f"duban: {args.output}: {e.strerror or e}", file=sys.stderr)
            return 1
    return 1 if failed else 0


def _rows(result: duban.Extraction) -> list[list]:
    rows = []
    for it in result.items:
        rows.append([result.source, it.section or "", it.kind, it.indicator, it.cmp or "",
                     _num(it.low), _num(it.high), it.unit or "", it.period or "", it.quote,
                     it.span[0], it.span[1], it.canonical or ""])
    return rows


def _num(v: float | None) -> str | float:
    if v is None:
        return ""
    return int(v) if float(v).is_integer() else v


# -- terminal table ----------------------------------------------------------------------------------

def width(s: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def fit(s: str, w: int) -> str:
    """``s`` cut or padded to display width ``w``."""
    out, used = [], 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        if used + cw > w - 1 and len(s) > len(out) + 1 or used + cw > w:
            if used < w:
                out.append("…")
                used += 1
            break
        out.append(c)
        used += cw
    return "".join(out) + " " * max(0, w - used)


def _value(it: duban.Item) -> str:
    if it.kind == "task":
        return ""
    sign = {"=": "", "~": "≈", ">=": "≥", "<=": "≤", "range": ""}.get(it.cmp or "", "")
    v = f"{_num(it.low)}-{_num(it.high)}" if it.cmp == "range" else f"{_num(it.low)}"
    return f"{sign}{v}{it.unit or ''}"


def table(result: duban.Extraction) -> str:
    """Items grouped by section, one line each, aligned for a terminal."""
    lines = [f"== {result.source}  (report year {result.year or '?'}, {len(result.items)} items)"]
    section: str | None = object()  # type: ignore[assignment]
    kinds = {"target": "目标 target", "actual": "实绩 actual", "task": "任务 task"}
    for it in sorted(result.items, key=lambda i: i.span[0]):
        if it.section != section:
            section = it.section
            lines.append(f"  [{section or '-'}]")
        lines.append("    " + "  ".join((fit(kinds.get(it.kind, it.kind), 11), fit(it.indicator, 30),
                                         fit(_value(it), 14), fit(it.period or "", 9),
                                         fit(it.quote.replace("\n", " "), 40))).rstrip())
    return "\n".join(lines)


# -- xlsx --------------------------------------------------------------------------------------------

def write_xlsx(results: list[duban.Extraction], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "items"
    ws.append(list(COLUMNS))
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in results:
        for row in _rows(r):
            ws.append(row)
    ws.freeze_panes = "A2"
    for col, w in zip("ABCDEFGHIJKLM", (24, 24, 8, 30, 6, 10, 10, 10, 10, 40, 10, 10, 18), strict=True):
        ws.column_dimensions[col].width = w
    wb.save(path)
