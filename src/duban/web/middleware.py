"""Language choice: simplified Chinese unless the person picked another language.

Django's LocaleMiddleware would follow the browser's Accept-Language header, which turns the UI English
for anyone with an English browser; duban's users expect Chinese by default and choose English
explicitly (the language menu sets Django's language cookie). The JSON API (/api/) also follows
Accept-Language, so a script gets its errors in the language it asks for."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen not in self.supported and request.path.startswith("/api/"):
            # API clients are programs: they ask for a language with Accept-Language
            chosen = translation.get_language_from_request(request)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class CachedApiListsMiddleware:
    """Answers the API's list endpoints (reports, items, assignments, links) from the cache.

    A list page is the same for every viewer with the same scope (public, admin, or the same
    supervised regions and departments) as long as nothing changed: the key holds the site's stamp
    (every History row, admin change and daily light refresh moves it), the viewer's scope, the
    path, the query string and the language. Only 200 answers are kept; a bad token or bad
    parameters go to the API as always."""

    PATHS = ("/api/reports", "/api/items", "/api/assignments", "/api/links")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or request.path_info not in self.PATHS:
            return self.get_response(request)
        from django.http import HttpResponse
        from ninja.errors import AuthenticationError

        from duban.web import caching
        from duban.web.api import viewer

        try:
            user = viewer(request)  # the token's user (and records its use), else the session's
        except AuthenticationError:  # a bad token: the API answers 401 as usual
            return self.get_response(request)
        stamp = caching.site_stamp()  # before the content it guards
        key = (f"duban:api:{request.path_info}:{stamp}:{caching.scope(user)}:{translation.get_language()}:"
               f"{caching.digest(request.META.get('QUERY_STRING', ''))}")
        hit = caching.cache.get(key)
        if hit is not None:
            return HttpResponse(hit[0], content_type=hit[1])
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming:
            caching.cache.set(key, (response.content, response["Content-Type"]), caching.FRAGMENT_SECONDS)
        return response
