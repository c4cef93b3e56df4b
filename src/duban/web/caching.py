"""Caches that keep busy pages cheap without ever showing stale or private data.

- Report fragments (the highlighted text and item list of a report page): rendered once per report
  state and kept in Django's cache. The key holds everything the HTML depends on: the report's change
  stamp (the last History row of the report; every change writes one), the day lights were refreshed,
  the UI language, and who may see which items (public, everything, or the exact set of visible item
  ids), so a change shows at once and one viewer's fragment never serves a viewer who may see less.
  Fragments are rendered without the request: they hold no user data or message, and where a form
  needs the CSRF token, a mark that `with_csrf` replaces with the viewer's token on every request.
- Dashboards: the shared part (counts, charts, flagged items) once per report state and audience
  (public or internal); the due-soon list per report state, day and the exact rows the viewer may
  see, the rows themselves computed once per report state and day and filtered per viewer.
- Lists (home, public index, the API's report/item/assignment lists): whole pages per site state
  (`site_stamp`), viewer scope (`scope`), query string and language.
- The API's OpenAPI schema: built once per process (it only changes with the code).

Stamps are read before the content they guard, so content is never older than its key. They hold the
count of History rows as well as the last id: on PostgreSQL ids are handed out before commit, so a
transaction that commits late would not move the last id, but it does move the count. Admin saves of
any model write Django's LogEntry (regions, departments and memberships also write History): its last
id is in every stamp, so a renamed or deleted department or a changed user shows at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache import caches
from django.db import connection
from django.utils import timezone
from django.utils.connection import ConnectionProxy
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

T = TypeVar("T")

# this process's own cache ("pages" in settings.CACHES): every key holds what its value depends on
cache = ConnectionProxy(caches, "pages")

FRAGMENT_SECONDS = 300  # a change never waits for this (the key moves); it only bounds memory use


def _one_row(sql: str, params: list[Any]) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return tuple(cursor.fetchone())


def _tables() -> tuple[str, str, str]:
    from django.contrib.admin.models import LogEntry

    from duban.web.models import History, Report

    q = connection.ops.quote_name
    return q(History._meta.db_table), q(LogEntry._meta.db_table), q(Report._meta.db_table)


def report_stamp(report: Any) -> str:
    """What a report's rendered pages depend on, as a string that moves with every change: the
    report's History (last id and count), the last admin change, the day lights were refreshed."""
    history, admin_log, _reports = _tables()
    row = _one_row(f"SELECT (SELECT MAX(id) FROM {history} WHERE report_id = %s), "
                   f"(SELECT COUNT(*) FROM {history} WHERE report_id = %s), "
                   f"(SELECT MAX(id) FROM {admin_log})", [report.pk, report.pk])
    return f"{report.pk}.{row[0]}.{row[1]}.{row[2]}.{report.lights_date}"


def _access_columns(report: str) -> str:
    """The report columns access depends on, with its region's parents (four levels, as `access` joins
    them): read into the row stamps themselves, so a change by a script shows at once too."""
    from duban.web.models import Region

    regions = connection.ops.quote_name(Region._meta.db_table)
    return (f"{report}.lights_date, {report}.published, {report}.region_id, g1.parent_id, g2.parent_id, "
            f"g3.parent_id, g4.parent_id", f"LEFT JOIN {regions} g1 ON g1.id = {report}.region_id "
            f"LEFT JOIN {regions} g2 ON g2.id = g1.parent_id LEFT JOIN {regions} g3 ON g3.id = g2.parent_id "
            f"LEFT JOIN {regions} g4 ON g4.id = g3.parent_id")


def item_row_stamp(pk: int) -> str | None:
    """What an item's row with its report and region chain (as `access.get_item` fetches them for a
    page) depends on: every History row and admin change (as `site_stamp`), the report's lights day and
    the columns access depends on (the item's status and report, the report's publication and region
    chain). None: no such item."""
    from duban.web.models import Item

    history, admin_log, reports = _tables()
    columns, joins = _access_columns("r")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT i.status, i.report_id, {columns}, (SELECT MAX(id) FROM {history}), "
            f"(SELECT COUNT(*) FROM {history}), (SELECT MAX(id) FROM {admin_log}) "
            f"FROM {connection.ops.quote_name(Item._meta.db_table)} i JOIN {reports} r ON r.id = i.report_id "
            f"{joins} WHERE i.id = %s", [pk])
        row = cursor.fetchone()
    return None if row is None else f"{pk}:{digest(repr(tuple(row)))}"


def report_row_stamp(pk: int) -> str | None:
    """What a report's row and region chain (as `access.get_report` fetches them for a page) depend on,
    in one plain query (cheap where the ORM's five-model join costs ~0.5 ms to build): the report's
    History, the last admin change (regions are edited there), the lights day, and the columns access
    depends on, read here rather than trusted to the stamps: published, the region and its parents.
    None: no such report."""
    history, admin_log, reports = _tables()
    columns, joins = _access_columns("r")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, (SELECT MAX(id) FROM {history} WHERE report_id = r.id), "
            f"(SELECT COUNT(*) FROM {history} WHERE report_id = r.id), (SELECT MAX(id) FROM {admin_log}) "
            f"FROM {reports} r {joins} WHERE r.id = %s", [pk])
        row = cursor.fetchone()
    return None if row is None else f"{pk}:{digest(repr(tuple(row)))}"


def site_stamp() -> str:
    """What lists of reports and items depend on: every History row (last id and count), the last
    admin change, and how many reports had their lights refreshed today (a refresh writes no History)."""
    history, admin_log, reports = _tables()
    today = timezone.localdate()
    row = _one_row(f"SELECT (SELECT MAX(id) FROM {history}), (SELECT COUNT(*) FROM {history}), "
                   f"(SELECT MAX(id) FROM {admin_log}), "
                   f"(SELECT COUNT(*) FROM {reports} WHERE lights_date = %s)", [today])
    return f"{row[0]}.{row[1]}.{row[2]}.{today}.{row[3]}"


def scope(user: Any) -> str:
    """What a viewer may see, as a key part: public, admin, or the exact supervised regions and
    departments (their subtrees and assignments are in the stamps)."""
    from duban.web import access

    r = access.roles(user)
    if not r.staff:
        return "public"
    if r.admin:
        return "admin"
    return f"r{','.join(map(str, sorted(r.regions)))}:d{','.join(map(str, sorted(r.departments)))}"


def digest(*parts: str) -> str:
    """A short fixed-size key part for free text (query strings): safe in any cache backend's keys."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def cached(key: str, compute: Callable[[], T]) -> T:
    """``compute()``'s value under ``key`` (which must hold everything the value depends on)."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, FRAGMENT_SECONDS)
    return value


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
    return mark_safe(cached(key, lambda: str(render())))  # rendered by a template or escaped by the caller


def csrf_mark() -> str:
    """What a cached fragment holds where the CSRF token goes (pass it as ``csrf_token`` when rendering;
    `with_csrf` puts the viewer's token there). Derived from the secret key: the same in every worker,
    and report text (escaped, and without the key) cannot contain it."""
    from django.conf import settings
    from django.utils.crypto import salted_hmac

    key = settings.SECRET_KEY
    if key not in _marks:  # an HMAC per fragment and request otherwise
        _marks[key] = "duban-csrf-" + salted_hmac("duban.web.caching.csrf_mark", "mark").hexdigest()[:32]
    return _marks[key]


_marks: dict[str, str] = {}


def with_csrf(request: Any, html: str) -> SafeString:
    """A cached fragment with the viewer's own CSRF token in place of the mark."""
    return mark_safe(html.replace(csrf_mark(), csrf_token(request)))  # the token is [A-Za-z0-9]


def csrf_token(request: Any) -> str:
    """The viewer's masked CSRF token, made once per request: each of Django's ``get_token`` calls masks
    the secret anew with 32 characters from the OS's random source (~0.1 ms), and any masked form of
    the viewer's own secret is valid, so the fragments of one page share one."""
    from django.middleware.csrf import get_token

    made = getattr(request, "_duban_csrf_token", None)
    # keyed by the secret: a token rotated during the request (login) is never answered with the old one
    if made is None or made[0] != request.META.get("CSRF_COOKIE"):
        token = get_token(request)  # sets CSRF_COOKIE when the viewer had none
        made = request._duban_csrf_token = (request.META.get("CSRF_COOKIE"), token)
    return made[1]


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
