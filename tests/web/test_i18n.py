"""The English catalogue stays complete: every UI string in the templates has a translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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


def test_every_python_string_marked_for_translation_is_in_the_catalogue():
    # actions, views, forms, models and the API mark their messages with _("...")
    known = _catalog()
    used = set()
    for py in WEB.rglob("*.py"):
        if "migrations" not in py.parts:
            # a message may be split over lines as adjacent literals: join them
            for parts in re.findall(r'\b_\(\s*((?:"[^"]*"\s*)+)', py.read_text("utf-8")):
                used.add("".join(re.findall(r'"([^"]*)"', parts)))
    missing = sorted(s for s in used if s not in known)
    assert missing == [], "run makemessages and translate: " + ", ".join(missing)


def test_action_errors_speak_the_active_language(world):
    from django.utils import translation

    from duban.web import actions

    for language, words in (("zh-hans", "没有选择事项"), ("en", "No items selected"),
                            ("zh-hans", "无权操作：交办事项"), ("en", "Not allowed: assign items")):
        user = world.users["supervisor" if "选择" in words or "selected" in words else "reporter"]
        items = [] if user.username == "supervisor" else [world.target]
        with translation.override(language):
            with pytest.raises(actions.ActionError) as e:
                actions.do_assign(user, items, world.edu)
            assert str(e.value) == words, (language, str(e.value))


def test_api_errors_follow_accept_language(world, client):
    from duban.web.apitokens import issue_token

    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(world.users['supervisor'], 't')}"}
    url, body = f"/api/items/{world.target.pk}", {"version": world.target.version}
    zh = client.patch(url, body, content_type="application/json", **auth)
    en = client.patch(url, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en", **auth)
    assert zh.status_code == en.status_code == 400
    assert zh.json()["detail"] == "没有要修改的内容" and en.json()["detail"] == "Nothing to change"
