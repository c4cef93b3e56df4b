"""`duban serve`: not built yet."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> argparse.ArgumentParser:
    return sub.add_parser("serve", help="(not built yet)")


def run(args: argparse.Namespace) -> int:
    print("duban serve: not built yet", file=sys.stderr)
    return 2
