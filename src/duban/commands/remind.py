"""`duban remind`: not built yet."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> argparse.ArgumentParser:
    return sub.add_parser("remind", help="(not built yet)")


def run(args: argparse.Namespace) -> int:
    print("duban remind: not built yet", file=sys.stderr)
    return 2
