"""The served ASGI handler (duban.web.asgi.Handler): Django's answers, one thread per request, threads reused."""

from __future__ import annotations

import asyncio
import threading

import pytest
from asgiref.testing import ApplicationCommunicator
from django.core.signals import request_finished
from django.db import connections

from duban.web.asgi import Handler


def _scope(path: str) -> dict:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
            "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
            "root_path": "", "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 5000),
            "server": ("testserver", 80)}


async def _get(app: Handler, path: str) -> tuple[int, dict, bytes]:
    comm = ApplicationCommunicator(app, _scope(path))
    await comm.send_input({"type": "http.request", "body": b"", "more_body": False})
    start = await comm.receive_output(10)
    body = b""
    while True:
        msg = await comm.receive_output(10)
        body += msg.get("body", b"")
        if not msg.get("more_body"):
            break
    await comm.wait(10)
    return start["status"], {k.lower(): v for k, v in start["headers"]}, body


@pytest.mark.django_db(transaction=True)  # requests run on other threads: they must see committed rows
def test_pages_answered_and_threads_reused():
    app = Handler()
    try:
        _pages_answered_and_threads_reused(app)
    finally:
        app.close()  # idle threads keep DB connections: PostgreSQL could not drop the test database


def _pages_answered_and_threads_reused(app: Handler) -> None:

    async def run() -> None:
        status, headers, body = await _get(app, "/login/")
        assert status == 200 and headers[b"content-language"] == b"zh-hans"
        assert b"csrfmiddlewaretoken" in body  # the whole middleware chain and template ran
        first = list(app._idle)
        assert len(first) == 1
        status, _, _ = await _get(app, "/public/")  # a page that reads the database
        assert status == 200
        assert app._idle == first  # the same thread served the next request
        status, _, _ = await _get(app, "/no/such/page/")
        assert status == 404
        # two requests at once each get their own thread (thread-sensitive code never shares one)
        results = await asyncio.gather(_get(app, "/login/"), _get(app, "/public/"))
        assert [r[0] for r in results] == [200, 200]
        assert len(app._idle) == 2

    asyncio.run(run())


def test_not_http_refused():
    with pytest.raises(ValueError, match="websocket"):
        asyncio.run(Handler()({"type": "websocket"}, None, None))


class _Seen:
    """Per request (on its thread, after Django's own request_finished handlers): the thread and its
    connection; and every close() of a database connection, by thread."""

    def __init__(self, monkeypatch) -> None:
        self.requests: list[tuple[threading.Thread, object, bool]] = []
        self.closed: list[int] = []
        wrapper = type(connections["default"])
        original = wrapper.close

        def close(conn) -> None:
            self.closed.append(threading.get_ident())
            original(conn)

        monkeypatch.setattr(wrapper, "close", close)
        request_finished.connect(self._finished)

    def _finished(self, **_) -> None:
        conn = connections["default"]
        self.requests.append((threading.current_thread(), conn, conn.connection is not None))

    def stop(self) -> None:
        request_finished.disconnect(self._finished)


@pytest.mark.django_db(transaction=True)
def test_connection_kept_by_a_reused_thread(monkeypatch):
    seen = _Seen(monkeypatch)
    app = Handler(max_threads=4)
    try:
        asyncio.run(_get(app, "/public/"))
        asyncio.run(_get(app, "/public/"))
    finally:
        seen.stop()
        app.close()
    (t1, c1, open1), (t2, c2, open2) = seen.requests
    assert t1 is t2 and c1 is c2  # the same thread and connection object served both
    assert open1 and open2  # still open after each request (persistent, CONN_MAX_AGE)
    assert seen.closed.count(t1.ident) == 1  # closed once, when the handler ended its idle thread


@pytest.mark.django_db(transaction=True)
def test_thread_beyond_idle_limit_closes_its_connection(monkeypatch):
    seen = _Seen(monkeypatch)
    app = Handler(max_threads=4, max_idle=0)
    try:
        status, _, _ = asyncio.run(_get(app, "/public/"))
    finally:
        seen.stop()
    assert status == 200
    [(thread, _conn, was_open)] = seen.requests
    assert was_open
    thread.join(10)  # the discarded thread ends once it has closed its connections
    assert not thread.is_alive()
    assert thread.ident in seen.closed
    assert app._idle == [] and app._threads == 0


@pytest.mark.django_db(transaction=True)
def test_threads_bounded_requests_wait(monkeypatch):
    seen = _Seen(monkeypatch)
    app = Handler(max_threads=2)

    async def run() -> list[int]:
        results = await asyncio.gather(*(_get(app, p) for p in ["/public/", "/login/"] * 3))
        return [r[0] for r in results]

    try:
        statuses = asyncio.run(run())
    finally:
        seen.stop()
        app.close()
    assert statuses == [200] * 6  # all six answered, none refused
    assert len({t for t, _, _ in seen.requests}) <= 2  # by at most two threads (two DB connections)
    assert app._threads == 0 and not app._waiting


def test_pool_hands_a_thread_to_the_first_waiting_request():
    app = Handler(max_threads=1)

    async def run() -> None:
        first = await app._take()
        waiting = [asyncio.create_task(app._take()) for _ in range(2)]
        await asyncio.sleep(0)
        assert not any(w.done() for w in waiting)  # no second thread beyond the bound
        app._give_back(first)
        assert await waiting[0] is first and not waiting[1].done()
        waiting[1].cancel()  # a request that gave up waiting leaves the queue
        app._give_back(first)
        assert app._idle == [first] and app._threads == 1

    asyncio.run(run())
    app.close()
    assert app._threads == 0
