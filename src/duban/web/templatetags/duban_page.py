"""`{% page_header %}`: the page header (navigation, languages, account links) from the page cache.

The header costs a dozen URL reversals and translations on every page (~0.5 ms). It is the same for
every request with the same language, audience, roles, user name and path (the language links carry
the path), so it is rendered once per such combination (duban.web.caching's per-process cache) and the
logout form gets the viewer's own CSRF token on every request."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from duban.web import caching

register = template.Library()


@register.simple_tag(takes_context=True)
def page_header(context) -> SafeString:
    request = context.get("request")
    user = context.get("user")
    flags = {"public": bool(context.get("public")), "is_staff_user": bool(context.get("is_staff_user")),
             "can_supervise_any": bool(context.get("can_supervise_any"))}
    if request is None or user is None:  # rendered without a request (e.g. an error page): no cache
        return render_to_string("duban/_header.html", {**flags, "user": user, "request": request})
    authenticated = bool(user.is_authenticated)
    who = (authenticated, user.get_username() if authenticated else "", bool(getattr(user, "is_staff", False)))
    key = f"duban:header:{get_language()}:{caching.digest(repr((flags, who, request.get_full_path())))}"
    html = caching.cached(key, lambda: render_to_string("duban/_header.html", {
        **flags, "user": user, "request": request, "csrf_token": caching.csrf_mark()}))
    return caching.with_csrf(request, html)
