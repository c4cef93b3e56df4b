"""ASGI entry point (uvicorn serves this; `duban serve` sets the environment first).

Django's own ASGI handler costs several ms of CPU per request on top of the page (measured in
docs/benchmarks.md, "## Web"): it starts a new thread for every request (a fresh executor per
ThreadSensitiveContext) and, because duban's middleware and views are all synchronous, hops between
that thread and the event loop several times per request (chain -> async_to_sync -> view -> render).
`Handler` keeps Django's request handling but reuses the per-request threads and runs the whole
synchronous middleware chain, view and render in one hop. Each request still has its own thread for
its whole life (thread-sensitive code and the request's DB connection stay on one thread)."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.web.settings")

import django  # noqa: E402  (the settings module must be set first)
from asgiref.sync import ThreadSensitiveContext, sync_to_async  # noqa: E402
from django.core.handlers.asgi import ASGIHandler  # noqa: E402

MAX_IDLE_THREADS = 64  # threads kept for reuse; a burst beyond that gets threads that end afterwards


class Handler(ASGIHandler):
    def __init__(self) -> None:
        self._idle: list[ThreadPoolExecutor] = []
        super().__init__()

    def load_middleware(self, is_async: bool = False) -> None:
        # the synchronous chain (no async middleware or views in duban), entered once per request
        super().load_middleware(is_async=False)
        self._middleware_chain = sync_to_async(self._middleware_chain, thread_sensitive=True)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        # one thread per request as in Django, but taken from the idle ones instead of started anew
        executor = self._idle.pop() if self._idle else ThreadPoolExecutor(1, thread_name_prefix="duban-request")
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            if len(self._idle) < MAX_IDLE_THREADS:
                self._idle.append(executor)
            else:
                executor.shutdown(wait=False)


django.setup(set_prefix=False)
application = Handler()
