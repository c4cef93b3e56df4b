"""ASGI entry point (uvicorn serves this; `duban serve` sets the environment first).

Django's own ASGI handler costs several ms of CPU per request on top of the page (measured in
docs/benchmarks.md, "## Web"): it starts a new thread for every request (a fresh executor per
ThreadSensitiveContext) and, because duban's middleware and views are all synchronous, hops between
that thread and the event loop several times per request (chain -> async_to_sync -> view -> render).
`Handler` keeps Django's request handling but reuses the per-request threads and runs the whole
synchronous middleware chain, view and render in one hop. Each request still has its own thread for
its whole life (thread-sensitive code and the request's DB connection stay on one thread).

Threads are reused, so each keeps its database connection between requests (settings.CONN_MAX_AGE).
`settings.DUBAN_REQUEST_THREADS` bounds the threads of a worker process, and so its database
connections: a request that finds them all busy waits for the next free one. A thread beyond
`settings.DUBAN_IDLE_THREADS` ends after its request, and closes its connections first."""

from __future__ import annotations

import asyncio
import os
from collections import deque
from concurrent.futures import ThreadPoolExecutor

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.web.settings")

import django  # noqa: E402  (the settings module must be set first)
from asgiref.sync import ThreadSensitiveContext, sync_to_async  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.handlers.asgi import ASGIHandler  # noqa: E402
from django.db import connections  # noqa: E402


class Handler(ASGIHandler):
    def __init__(self, max_threads: int | None = None, max_idle: int | None = None) -> None:
        self.max_threads = max(1, max_threads or settings.DUBAN_REQUEST_THREADS)
        self.max_idle = min(self.max_threads, settings.DUBAN_IDLE_THREADS if max_idle is None else max_idle)
        self._idle: list[ThreadPoolExecutor] = []
        self._threads = 0  # started and not yet shut down
        self._waiting: deque[asyncio.Future] = deque()  # requests waiting for a thread, first come first served
        super().__init__()

    def load_middleware(self, is_async: bool = False) -> None:
        # the synchronous chain (no async middleware or views in duban), entered once per request
        super().load_middleware(is_async=False)
        self._middleware_chain = sync_to_async(self._middleware_chain, thread_sensitive=True)

    async def _take(self) -> ThreadPoolExecutor:
        if self._idle:
            return self._idle.pop()
        if self._threads < self.max_threads:
            self._threads += 1
            return ThreadPoolExecutor(1, thread_name_prefix="duban-request")
        waiter = asyncio.get_running_loop().create_future()
        self._waiting.append(waiter)
        try:
            return await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():  # handed a thread just as the request ended
                self._give_back(waiter.result())
            raise

    def _give_back(self, executor: ThreadPoolExecutor) -> None:
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(executor)
                return
        if len(self._idle) < self.max_idle:
            self._idle.append(executor)
            return
        # not kept: the thread closes its DB connections (thread-local, they would linger until
        # garbage collection) and ends once that is done
        self._threads -= 1
        executor.submit(connections.close_all)
        executor.shutdown(wait=False)

    def close(self) -> None:
        """End the idle threads, closing their database connections first (tests, shutdown)."""
        idle, self._idle = self._idle, []
        for executor in idle:
            self._threads -= 1
            executor.submit(connections.close_all)
            executor.shutdown(wait=True)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        # one thread per request as in Django, but taken from the idle ones instead of started anew
        executor = await self._take()
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            self._give_back(executor)


django.setup(set_prefix=False)
application = Handler()
