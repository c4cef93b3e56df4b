"""`duban` command line: parses arguments and hands them to a command module.

Each command lives in ``duban.commands.<name>`` with ``add_parser(subparsers)`` and ``run(args)``;
the commands only call the library and own their exit codes.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ("extract", "eval", "serve", "batch", "load", "remind")


def build_parser() -> argparse.ArgumentParser:
    from duban import __version__

    parser = argparse.ArgumentParser(
        prog="duban", description="Read work reports, extract their targets, follow them through."
    )
    parser.add_argument("--version", action="version", version=f"duban {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"duban.commands.{name}")
        p = module.add_parser(sub)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("duban: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
