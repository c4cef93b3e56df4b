"""`duban eval GOLD_DIR [--by-form] [--verbose] [--json] [--update-baseline FILE]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("eval", help="score extraction against gold files (precision, recall, F1)")
    p.add_argument("gold", metavar="GOLD_DIR", help="directory of gold JSON files (see corpus/GUIDE.md)")
    p.add_argument("--by-form", action="store_true", help="also score each noise form")
    p.add_argument("--verbose", action="store_true", help="list misses and false positives per document")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--update-baseline", metavar="FILE",
                   help="raise the floors pinned in FILE to this run's scores (never lowers them)")
    return p


def run(args: argparse.Namespace) -> int:
    from duban.evaluate import evaluate, extract_predict, load_gold, raised_baseline, report

    gold = Path(args.gold)
    if not gold.exists():
        print(f"duban: {gold}: no such file or directory", file=sys.stderr)
        return 2
    try:
        docs = load_gold(gold)
    except (OSError, ValueError, KeyError) as e:
        print(f"duban: {gold}: cannot read gold files ({e})", file=sys.stderr)
        return 2
    if not docs:
        print(f"duban: {gold}: no gold files", file=sys.stderr)
        return 2
    result = evaluate(docs, extract_predict)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report(result, by_form=args.by_form, verbose=args.verbose))
    if args.update_baseline:
        path = Path(args.update_baseline)
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
        new, refused = raised_baseline(result, old)
        path.write_text(json.dumps(new, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        for r in refused:
            print(f"duban: kept the higher pinned floor ({r})", file=sys.stderr)
        if refused:
            return 1
    return 0
