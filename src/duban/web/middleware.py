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
