"""The served ASGI handler (duban.web.asgi.Handler): Django's answers, one thread per request, threads reused."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.testing import ApplicationCommunicator

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
