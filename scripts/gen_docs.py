"""Rewrite the generated blocks of duban's docs (datasette's cog style, without cog).

A generated block sits between two HTML comments in a Markdown file::

    <!-- gen: help extract -->
    ...whatever the generator writes...
    <!-- gen: end -->

``help NAME`` writes the ``--help`` text of ``duban NAME`` (``help`` alone: of ``duban``).
Run ``python scripts/gen_docs.py`` after changing a command's options; ``--check`` only reports
stale files (exit 1), which is what tests/test_docs.py runs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "docs" / "cli.md"]
BLOCK = re.compile(r"(<!-- gen: (?P<spec>[^>]*?) -->\n)(?P<body>.*?)(<!-- gen: end -->)", re.S)
WIDTH = "80"  # argparse wraps at the terminal width; fixed so the output is the same everywhere


def command_help(name: str | None) -> str:
    """The --help text of ``duban`` or ``duban NAME``, as a terminal 80 columns wide shows it."""
    from duban.cli import build_parser

    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH
    try:
        parser = build_parser()
        if name is not None:
            sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
            parser = sub.choices[name]
        return parser.format_help()
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def render(spec: str) -> str:
    kind, *args = spec.split()
    if kind == "help":
        return "```\n" + command_help(args[0] if args else None).rstrip() + "\n```\n"
    raise ValueError(f"unknown generated block: {spec!r}")


def rewrite(text: str) -> str:
    """``text`` with every generated block filled in afresh."""
    return BLOCK.sub(lambda m: m.group(1) + render(m.group("spec")) + m.group(4), text)


def blocks(text: str) -> list[str]:
    """The specs of the generated blocks in ``text``, e.g. ``["help", "help extract"]``."""
    return [m.group("spec") for m in BLOCK.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="report stale files, change nothing")
    args = p.parse_args(argv)
    stale = []
    for path in FILES:
        old = path.read_text(encoding="utf-8")
        new = rewrite(old)
        if new != old:
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    for path in stale:
        verb = "is stale (run python scripts/gen_docs.py)" if args.check else "rewritten"
        print(f"{path.relative_to(ROOT)} {verb}", file=sys.stderr)
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
