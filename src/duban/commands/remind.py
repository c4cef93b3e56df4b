"""`duban remind [--days N]`: email the owners of items due within N days or overdue (for cron).

The rules live in `duban.web.reminders` (the pages show the same list); this module parses options,
sets Django up for a separate process and prints the summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("remind", help="email owners of items due soon or overdue")
    p.add_argument("--days", type=int, default=7, help="remind of items due within this many days (default 7)")
    p.add_argument("--data-dir", metavar="DIR", help="the web app's data directory (as for duban serve)")
    p.add_argument("--today", type=dt.date.fromisoformat, help="pretend today is this date (YYYY-MM-DD)")
    p.add_argument("--base-url", default="", help="site address for links in the mail, e.g. https://duban.example")
    p.add_argument("--dry-run", action="store_true", help="list what would be sent, send nothing")
    return p


def run(args: argparse.Namespace) -> int:
    if args.days < 0:
        print("duban remind: --days must be 0 or more", file=sys.stderr)
        return 2
    from django.apps import apps

    if not apps.ready:  # a separate process (cron): configure Django as `duban serve` does
        from duban.web import setup

        try:
            setup(args.data_dir)
        except Exception as e:  # a database that cannot be reached: one line, not a traceback
            print(f"duban remind: cannot set up the database: {e}", file=sys.stderr)
            return 1
    from duban.web.reminders import send_reminders

    counts = send_reminders(args.days, today=args.today, base_url=args.base_url, dry_run=args.dry_run)
    verb = "would send" if args.dry_run else "sent"
    print(f"duban remind: {counts['items']} items due within {args.days} days or overdue; {verb} "
          f"{counts['emails']} emails; {counts['no_email']} owners without an email address; "
          f"{counts['unowned']} items with no reporter to tell", file=sys.stderr)
    return 0
