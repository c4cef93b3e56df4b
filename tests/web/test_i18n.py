"""The English catalogue stays complete: every UI string in the templates has a translation."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parents[2] / "src" / "duban" / "web"
PO = WEB / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _catalog() -> dict:
    with PO.open("rb") as f:
        cat = read_po(f, locale="en")
    return {(m.id[0] if isinstance(m.id, tuple) else m.id): m.string for m in cat if m.id}


def test_every_entry_is_translated():
    missing = [k for k, v in _catalog().items() if not (v if isinstance(v, str) else all(v))]
    assert missing == []


def test_every_template_string_is_in_the_catalogue():
    known = _catalog()
    used = set()
    for tpl in (WEB / "templates").rglob("*.html"):
        used |= set(re.findall(r'{%\s*translate\s+"([^"]+)"', tpl.read_text("utf-8")))
        used |= set(re.findall(r"{%\s*translate\s+'([^']+)'", tpl.read_text("utf-8")))
    # templates write a literal % in `translate` strings; the catalogue keeps it doubled
    missing = sorted(s for s in used if s not in known and s.replace("%", "%%") not in known)
    assert missing == [], "run makemessages and translate: " + ", ".join(missing)
