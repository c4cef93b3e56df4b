"""SMTP settings come from the environment (DUBAN_EMAIL_*), next to DUBAN_EMAIL_BACKEND."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

_READ = ("import json, duban.web.settings as s; print(json.dumps({k: getattr(s, k) for k in "
         "('EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', 'EMAIL_HOST_PASSWORD', "
         "'EMAIL_USE_TLS', 'EMAIL_USE_SSL')}))")


def _settings(**env: str) -> dict:
    # a fresh interpreter: the settings module reads the environment once, at import
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DUBAN_EMAIL_")}
    out = subprocess.run([sys.executable, "-c", _READ], env={**clean, **env}, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_defaults_are_console_and_local_smtp():
    s = _settings()
    assert s["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert (s["EMAIL_HOST"], s["EMAIL_PORT"], s["EMAIL_HOST_USER"]) == ("localhost", 25, "")
    assert not s["EMAIL_USE_TLS"] and not s["EMAIL_USE_SSL"]


@pytest.mark.parametrize(("tls", "starttls", "ssl"), [("1", True, False), ("true", True, False),
                                                      ("ssl", False, True), ("0", False, False)])
def test_smtp_server_from_the_environment(tls, starttls, ssl):
    s = _settings(DUBAN_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                  DUBAN_EMAIL_HOST="mail.example", DUBAN_EMAIL_PORT="587", DUBAN_EMAIL_USER="duban",
                  DUBAN_EMAIL_PASSWORD="secret", DUBAN_EMAIL_USE_TLS=tls)
    assert (s["EMAIL_HOST"], s["EMAIL_PORT"], s["EMAIL_HOST_USER"], s["EMAIL_HOST_PASSWORD"]) == (
        "mail.example", 587, "duban", "secret")
    assert (s["EMAIL_USE_TLS"], s["EMAIL_USE_SSL"]) == (starttls, ssl)
