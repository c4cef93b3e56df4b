"""Caches that keep busy pages cheap without ever showing stale or private data.

- Report fragments (the highlighted text and item list of a report page): rendered once per report
  state and kept in Django's cache. The key holds everything the HTML depends on: the report's change
  stamp (the last History row of the report; every change writes one), the day lights were refreshed,
  the UI language, and who may see which items (public, everything, or the exact set of visible item
  ids), so a change shows at once and one viewer's fragment never serves a viewer who may see less.
  Fragments are rendered without the request: they hold no user data or message, and where a form
  needs the CSRF token, a mark that `with_csrf` replaces with the viewer's token on every request.
- The API's OpenAPI schema: built once per process (it only changes with the code).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db.models import Max
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

FRAGMENT_SECONDS = 300  # a change never waits for this (the key moves); it only bounds memory use


def report_stamp(report: Any) -> str:
    """What a report's rendered pages depend on, as a string that moves with every change."""
    from duban.web.models import History

    last = History.objects.filter(report=report).aggregate(m=Max("pk"))["m"]
    return f"{report.pk}.{last}.{report.lights_date}"


def audience(public: bool, visible: Iterable[int] | None = None) -> str:
    """Who a fragment is for: ``public`` pages, ``all`` items (editors), or exactly these item ids."""
    if public:
        return "public"
    if visible is None:
        return "all"
    ids = ",".join(map(str, sorted(visible)))
    return "ids-" + hashlib.sha256(ids.encode()).hexdigest()[:32]


def report_fragment(report: Any, name: str, who: str, render: Callable[[], str], stamp: str | None = None
                    ) -> SafeString:
    """The HTML ``render()`` returns for this report, name and audience, from the cache when the report
    has not changed since it was rendered. ``render`` must return escaped HTML that depends only on
    the report's state, the language and ``who``. ``stamp``: the report's, when the caller has it."""
    key = f"duban:frag:{name}:{stamp or report_stamp(report)}:{who}:{get_language()}"
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, FRAGMENT_SECONDS)
    return mark_safe(html)  # rendered by a template or escaped by the caller


def csrf_mark() -> str:
    """What a cached fragment holds where the CSRF token goes (pass it as ``csrf_token`` when rendering;
    `with_csrf` puts the viewer's token there). Derived from the secret key: the same in every worker,
    and report text (escaped, and without the key) cannot contain it."""
    from django.utils.crypto import salted_hmac

    return "duban-csrf-" + salted_hmac("duban.web.caching.csrf_mark", "mark").hexdigest()[:32]


def with_csrf(request: Any, html: str) -> SafeString:
    """A cached fragment with the viewer's own CSRF token in place of the mark."""
    from django.middleware.csrf import get_token

    return mark_safe(html.replace(csrf_mark(), get_token(request)))  # the token is [A-Za-z0-9]


def cache_openapi_schema(api: Any) -> None:
    """Build the API's OpenAPI schema once per path prefix and language instead of on every request
    of /api/openapi.json (about 50 ms of CPU each): the schema changes only with the code."""
    build = api.get_openapi_schema
    built: dict[tuple, Any] = {}

    def get_openapi_schema(*, path_prefix: str | None = None, path_params: dict | None = None) -> Any:
        key = (path_prefix, tuple(sorted((path_params or {}).items())), get_language())
        if key not in built:
            built[key] = build(path_prefix=path_prefix, path_params=path_params)
        return built[key]

    api.get_openapi_schema = get_openapi_schema
