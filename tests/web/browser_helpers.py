"""Helpers for the browser tests: the real app (`duban serve` in a subprocess), Debian's chromium driven
by Playwright, logins and numbered screenshots under test-output/browser/.

Test modules load the fixtures with ``pytest_plugins = ["browser_helpers"]`` (tests/web/conftest.py belongs
to the core app's tests); the fixture names are prefixed so they clash with nothing else in the suite.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser"
CHROMIUM = Path(os.environ.get("DUBAN_CHROMIUM", "/usr/bin/chromium"))
# quiet, offline chromium: no updates, sync or background fetches while the tests run
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
START_TIMEOUT = 180  # first start migrates, extracts the demo and hashes five passwords on a busy machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running `duban serve`: its base URL and the demo passwords it printed once."""

    url: str
    data_dir: Path
    proc: subprocess.Popen
    accounts: dict[str, str] = field(default_factory=dict)
    output: list[str] = field(default_factory=list)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


_ACCOUNT = re.compile(r"^\s+(\S+)\s+(\S{8,})\s+(admin|supervisor|reporter)\b")


def start_server(data_dir: Path, *extra: str) -> Server:
    """Start `duban serve` on a free loopback port with its own data dir; wait until it answers.

    The served app is the embedded default (SQLite in the data dir), whatever database the suite uses.
    """
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DUBAN_DATA_DIR")}
    env["PYTHONUNBUFFERED"] = "1"
    cmd = [sys.executable, "-m", "duban.cli", "serve", "--data-dir", str(data_dir), "--port", str(port), *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    server = Server(f"http://127.0.0.1:{port}", data_dir, proc)

    def drain() -> None:  # keep reading so a chatty server never blocks on a full pipe
        assert proc.stdout is not None
        for line in proc.stdout:
            server.output.append(line)
            if m := _ACCOUNT.match(line):
                server.accounts[m.group(1)] = m.group(2)

    threading.Thread(target=drain, daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            time.sleep(0.2)  # let the reader catch the last lines
            raise RuntimeError(f"duban serve exited with {proc.returncode}:\n{''.join(server.output)}")
        try:
            with urllib.request.urlopen(server.url + "/", timeout=5) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"duban serve did not answer within {START_TIMEOUT}s:\n{''.join(server.output)}")


@pytest.fixture(scope="module")
def app_server(tmp_path_factory) -> Iterator[Server]:
    """A fresh app with the demo, one per test module (a module's tests share its state)."""
    srv = start_server(tmp_path_factory.mktemp("duban-data"))
    try:
        assert {"admin", "supervisor", "education"} <= set(srv.accounts), "".join(srv.output)
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.is_file():
        pytest.skip(f"no chromium at {CHROMIUM} (Debian package chromium; ./dev test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Shots:
    """Numbered full-page screenshots of one test: test-output/browser/<test>/NN-<step>.png."""

    def __init__(self, name: str) -> None:
        self.dir = SHOTS / name
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.n = 0

    def __call__(self, page, step: str, at=None) -> Path:
        """Screenshot the whole page, or only the window around the locator ``at`` (long pages)."""
        self.n += 1
        path = self.dir / f"{self.n:02d}-{step}.png"
        if at is not None:
            at.scroll_into_view_if_needed()
        page.screenshot(path=str(path), full_page=at is None)
        return path


@pytest.fixture
def shots(request) -> Shots:
    return Shots(re.sub(r"[^\w.-]+", "_", request.node.name))


class Pages:
    """Browser contexts opened by one test, all closed at its end (each context is one person)."""

    def __init__(self, browser, server: Server) -> None:
        self.browser, self.server, self.contexts = browser, server, []

    def new(self, **kwargs):
        """A page in a new context: a person with their own cookies, not logged in."""
        ctx = self.browser.new_context(base_url=self.server.url, locale="zh-CN", **kwargs)
        ctx.set_default_timeout(30_000)  # two shared cores: be patient with a busy server
        self.contexts.append(ctx)
        return ctx.new_page()

    def login(self, page, username: str) -> None:
        """Log in through the login form with the demo password `duban serve` printed."""
        page.goto("/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", self.server.accounts[username])
        page.click("form.card button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("header .who").inner_text() == username, page.content()[:2000]

    def logout(self, page) -> None:
        page.click("header form[action$='/logout/'] button")
        page.wait_for_load_state()
        assert page.locator("header .who").count() == 0

    def as_user(self, username: str):
        page = self.new()
        self.login(page, username)
        return page

    def close(self) -> None:
        for ctx in self.contexts:
            ctx.close()


@pytest.fixture
def people(chromium, app_server) -> Iterator[Pages]:
    """Open one browser context per person with ``people.new()``; each gets its own cookies."""
    p = Pages(chromium, app_server)
    try:
        yield p
    finally:
        p.close()


def watch_for_script(page) -> list[str]:
    """Record every dialog (alert/confirm/prompt) the page opens; dialogs are dismissed."""
    fired: list[str] = []

    def on_dialog(d) -> None:
        fired.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", on_dialog)
    return fired
