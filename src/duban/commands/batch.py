"""`duban batch`: not built yet."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> argparse.ArgumentParser:
    return sub.add_parser("batch", help="(not built yet)")


def run(args: argparse.Namespace) -> int:
    print("duban batch: not built yet", file=sys.stderr)
    return 2
