"""API tokens: a small app of its own so the core models stay untouched.

A token is shown once when issued; only its sha256 is stored, so a leaked database leaks no tokens.
"""

from __future__ import annotations

import hashlib
import secrets

PREFIX = "dbn_"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def issue_token(user, name: str = "") -> str:
    """Create a token for ``user`` and return the raw key (the only time it is available)."""
    from duban.web.apitokens.models import Token

    raw = PREFIX + secrets.token_urlsafe(32)
    Token.objects.create(user=user, name=(name or "")[:100], key_hash=_digest(raw), hint=raw[:8])
    return raw


def user_for_token(raw: str | None):
    """The active user a raw token belongs to, or None. Records when the token was last used."""
    from django.utils import timezone

    from duban.web.apitokens.models import Token

    if not raw or not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    token = Token.objects.select_related("user").filter(key_hash=_digest(raw)).first()
    if token is None or not token.user.is_active:
        return None
    Token.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def revoke_tokens(user) -> int:
    """Delete every token of ``user``; returns how many."""
    from duban.web.apitokens.models import Token

    return Token.objects.filter(user=user).delete()[0]
