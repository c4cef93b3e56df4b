"""`duban serve` for real: a subprocess on a free port answers HTTP, then is stopped."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.status, r.read().decode()


@pytest.mark.slow
def test_serve_starts_with_the_demo_and_answers_http(tmp_path: Path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["PYTHONUNBUFFERED"] = "1"  # the embedded default (SQLite in the data dir), whatever the suite runs on
    cmd = [sys.executable, "-m", "duban.cli", "serve", "--data-dir", str(tmp_path), "--port", str(port),
           "--threads", "3"]  # the per-worker bound on request threads and DB connections
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        deadline = time.monotonic() + 120
        status, body = 0, ""
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"duban serve exited with {proc.returncode}: {proc.stdout.read()}")
            try:
                status, body = _get(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                time.sleep(0.3)
        assert status == 200
        assert "罗湖区2021年政府工作报告" in body  # the demo report, published on first start
        report = re.search(r'href="(/public/reports/\d+/)"', body).group(1)
        status, page = _get(f"http://127.0.0.1:{port}{report}")
        assert status == 200 and 'class="hl hl-target"' in page
        status, css = _get(f"http://127.0.0.1:{port}/static/duban/app.css")  # whitenoise
        assert status == 200 and "--target" in css
    finally:
        proc.terminate()
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    # accounts printed once, with their passwords; the secret key file is private; SQLite in the data dir
    assert re.search(r"^\s+admin\s+\S{12,}\s+admin", out, re.M), out
    assert "supervisor" in out and "reporter" in out
    assert (tmp_path / "duban.sqlite3").is_file()
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_serve_with_an_unreachable_database_says_so_in_one_line(tmp_path: Path):
    env = {**os.environ, "DATABASE_URL": f"postgresql://nobody@127.0.0.1:{_free_port()}/none"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    r = subprocess.run([sys.executable, "-m", "duban.cli", "serve", "--data-dir", str(tmp_path), "--port",
                        str(_free_port())], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1
    assert r.stderr.startswith("duban serve: cannot set up the database:") and r.stderr.count("\n") == 1
    assert "Traceback" not in r.stderr


def test_serve_refuses_zero_threads(tmp_path: Path):
    r = subprocess.run([sys.executable, "-m", "duban.cli", "serve", "--data-dir", str(tmp_path), "--threads", "0"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr == "duban serve: --threads must be at least 1\n"


def test_workers_share_a_tcp_socket_so_nagle_is_off():
    # asyncio sets TCP_NODELAY only on connections of a socket whose proto is TCP; with proto 0 every
    # keep-alive answer of a multi-worker server waited ~40 ms for the client's delayed ACK
    from duban.web.server import config

    sock = config(host="127.0.0.1", port=0, workers=2).bind_socket()
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


def test_connections_note_only_when_postgresql_may_run_out():
    from duban.commands.serve import connections_note

    assert connections_note("django.db.backends.sqlite3", 8, 20) is None
    assert connections_note("django.db.backends.postgresql", 2, 20) is None
    note = connections_note("django.db.backends.postgresql", 5, 20)
    assert note is not None and "100 database connections" in note and note.count("\n") == 0
