"""The tracking web app (Django). Library users configure it with `setup()`::

    from duban.web import setup
    setup("/path/to/data")           # SQLite there (or DATABASE_URL), migrations applied
    from duban.web import actions, models
"""

from __future__ import annotations

import os
import secrets
from os import PathLike
from pathlib import Path


def setup(data_dir: str | PathLike | None = None, *, migrate: bool = True) -> Path:
    """Configure Django for duban outside a Django process and return the data directory.

    Creates the data directory and its secret key file (mode 0600) when missing and, unless
    ``migrate=False``, applies migrations. Calling it twice is harmless.
    """
    import django
    from django.conf import settings

    if data_dir is not None:
        os.environ["DUBAN_DATA_DIR"] = str(Path(data_dir).expanduser().resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.web.settings")
    if not settings.configured:
        from platformdirs import user_data_dir

        root = Path(os.environ.get("DUBAN_DATA_DIR") or user_data_dir("duban", appauthor=False))
        root.mkdir(parents=True, exist_ok=True)
        key = root / "secret_key"
        if not key.exists():
            fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(secrets.token_urlsafe(50))
    django.setup()
    data = Path(settings.DATA_DIR)
    for d in (data, Path(settings.MEDIA_ROOT)):
        d.mkdir(parents=True, exist_ok=True)
    if migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
    return data
