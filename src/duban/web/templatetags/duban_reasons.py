"""`{{ link.reason|link_reason }}`: a link proposal's stored reason in the page's language."""

from __future__ import annotations

from django import template

from duban.web import reasons

register = template.Library()


@register.filter
def link_reason(reason: str) -> str:
    return reasons.render_link(reason or "")
