"""`duban serve [--data-dir D] [--host H] [--port P]`: the tracking web app, served by uvicorn.

First start in a data directory: SQLite created there (unless DATABASE_URL points elsewhere), migrations
applied, the demo report loaded and published, and one demo account per role printed once.
"""

from __future__ import annotations

import argparse
import os
import sys


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("serve", help="run the tracking web app (SQLite + demo report by default)")
    p.add_argument("--data-dir", metavar="DIR", help="database, uploads and secret key (default: user data dir)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--no-demo", action="store_true", help="do not load the demo report on first start")
    p.add_argument("--workers", type=int, default=None,
                   help="uvicorn worker processes (default: one per CPU core this process may use)")
    p.add_argument("--threads", type=int, default=None,
                   help="request threads per worker, each keeping one database connection (default 20;"
                        " with PostgreSQL keep workers x threads under its max_connections)")
    p.add_argument("--new-demo-passwords", action="store_true",
                   help="give the demo accounts new random passwords and print them (the old ones stop working)")
    return p


def cores() -> int:
    """CPU cores this process may run on (the container's or taskset's share, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def connections_note(engine: str, workers: int, threads: int, limit: int = 100) -> str | None:
    """A warning when the workers may open more PostgreSQL connections than its default max_connections."""
    if engine.endswith("sqlite3") or workers * threads < limit:
        return None
    return (f"duban serve: {workers} workers x {threads} threads may hold {workers * threads} database connections;"
            f" PostgreSQL allows {limit} by default (lower --threads or raise max_connections)")


def _allowed_hosts(host: str) -> str:
    hosts = {"127.0.0.1", "localhost", "[::1]"}
    if host not in ("0.0.0.0", "::"):
        hosts.add(host)
    else:
        hosts.add("*")  # listening everywhere: the operator chose to accept any Host header
    return ",".join(sorted(hosts))


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DUBAN_ALLOWED_HOSTS", _allowed_hosts(args.host))
    if args.threads is not None:
        if args.threads < 1:
            print("duban serve: --threads must be at least 1", file=sys.stderr)
            return 2
        os.environ["DUBAN_REQUEST_THREADS"] = str(args.threads)  # read by the workers' settings
    from duban.web import setup

    try:
        data = setup(args.data_dir)
    except Exception as e:  # a database that cannot be reached or migrated: one line, not a traceback
        print(f"duban serve: cannot set up the database: {' '.join(str(e).split())}", file=sys.stderr)
        return 1
    from django.conf import settings

    from duban.web.assets import compile_messages

    try:
        compile_messages()
    except OSError as e:  # a read-only install: the UI falls back to Chinese
        print(f"duban serve: translations not compiled ({e})", file=sys.stderr)
    if not (settings.BASE_DIR / "static" / "vendor" / "htmx.min.js").is_file():
        print("duban serve: front-end files missing (run ./dev serve, or npm ci && python -m duban.web.assets);"
              " pages work without charts", file=sys.stderr)
    if not args.no_demo:
        from duban.web.demo import load_demo, reset_demo_passwords

        accounts = load_demo()
        if accounts:
            print("duban: demo report loaded. Demo accounts (passwords shown only this once):")
        elif args.new_demo_passwords:
            accounts = reset_demo_passwords()
            print("duban: new passwords for the demo accounts (shown only this once):")
        for a in accounts:
            print(f"  {a.username:<12} {a.password:<18} {a.role}{' · ' + a.scope if a.scope else ''}")
    from duban.web import tracking

    tracking.refresh_stale()  # deadlines passed while the app was down turn lights red now
    db = settings.DATABASES["default"]
    where = db["NAME"] if db["ENGINE"].endswith("sqlite3") else f"{db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}"
    print(f"duban: data in {data}; database {where}")
    workers = args.workers or cores()
    if note := connections_note(db["ENGINE"], workers, settings.DUBAN_REQUEST_THREADS):
        print(note, file=sys.stderr)
    print(f"duban: serving on http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)
    # one process runs Python on one core at a time: a worker per core serves pages side by side (SQLite
    # in WAL mode takes readers and writers from several processes; writes queue on its lock)
    from duban.web.server import config as server_config

    config = server_config(host=args.host, port=args.port, workers=workers)
    try:
        if config.workers > 1:
            from uvicorn.supervisors import Multiprocess

            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            import uvicorn

            uvicorn.Server(config).run()
    except KeyboardInterrupt:
        pass
    return 0

