"""`duban load OUT`: load a `duban batch` result into the tracker's database, idempotently."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("load", help="load a batch result (regions, reports, items) into the web app's database",
                       description="Load OUT (from `duban batch`) into the database of `duban serve`. "
                                   "Reports already loaded are left alone, so loading twice stores nothing new.")
    p.add_argument("out", metavar="OUT", help="a `duban batch --out` directory")
    p.add_argument("--data-dir", metavar="DIR", help="the web app's data directory (as for duban serve)")
    p.add_argument("--publish", action="store_true", help="make the loaded reports public")
    return p


def run(args: argparse.Namespace) -> int:
    from duban.batch.load import load
    from duban.web import setup

    try:
        setup(args.data_dir)
    except Exception as e:  # a database that cannot be reached or migrated: one line
        print(f"duban load: cannot set up the database: {e}", file=sys.stderr)
        return 2
    try:
        s = load(args.out, publish=args.publish)
    except FileNotFoundError as e:
        print(f"duban load: {e}", file=sys.stderr)
        return 2
    print(f"duban load: {s.reports} reports and {s.items} items stored, {s.regions} new regions, "
          f"{s.links} actual->target links proposed; "
          f"{s.already} already loaded; not loaded: {s.no_region} without region, {s.no_year} without year, "
          f"{s.not_ok} not read or skipped", file=sys.stderr)
    if s.ambiguous:
        print(f"duban load: {s.ambiguous} documents not loaded: OUT was made by an older duban batch and they "
              "share a doc_id within a shard; rerun duban batch into a new --out to load them", file=sys.stderr)
    return 0
