"""Django settings for the duban web app.

Everything configurable comes from the environment so `duban serve`, `duban.web.setup()` and pytest share
one settings module:
  DUBAN_DATA_DIR    where the SQLite database, uploaded evidence and the secret key live
                    (default: the user data dir from platformdirs)
  DATABASE_URL      e.g. postgresql://user@host:5432/db; overrides the SQLite default
  DUBAN_SECRET_KEY  overrides the key kept in DATA_DIR/secret_key
  DUBAN_DEBUG       "1" for Django's debug pages
  DUBAN_ALLOWED_HOSTS  comma separated; `duban serve` sets it from --host
  DUBAN_CONN_MAX_AGE  seconds a request thread keeps its database connection (default 600; 0: one per request)
  DUBAN_REQUEST_THREADS  request threads per worker process (default 20), so also its most database
                    connections: with PostgreSQL keep workers x threads under its max_connections (100)
  DUBAN_IDLE_THREADS  threads (and connections) kept between requests (default: all of them)
  CACHE_URL         the cache the worker processes share (sessions, roles): redis://host:6379/0,
                    memcached://host:11211, file:///path (default: file cache in DATA_DIR/cache);
                    locmem:// only for one worker process
  DUBAN_EMAIL_BACKEND, DUBAN_FROM_EMAIL, DUBAN_EMAIL_HOST, _PORT, _USER, _PASSWORD, _USE_TLS  mail
Importing this module has no side effects (no directories or files are created): `setup()` does that.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from platformdirs import user_data_dir

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("DUBAN_DATA_DIR") or user_data_dir("duban", appauthor=False))


def _secret_key() -> str:
    if key := os.environ.get("DUBAN_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    # no key file yet (setup() writes one): a per-process key, sessions end with the process
    return secrets.token_urlsafe(50)


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("DUBAN_DEBUG") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("DUBAN_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",  # organisation only: regions, departments, roles, users (see web/admin.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "duban.web.apps.DubanWebConfig",
    "duban.web.apitokens.apps.ApiTokensConfig",  # API tokens (duban.web.api)
    "ninja",  # serves the API docs' swagger-ui from the package instead of a CDN (works offline)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "duban.web.middleware.ChosenLanguageMiddleware",  # Chinese unless the person chose otherwise
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "duban.web.middleware.CachedApiListsMiddleware",  # after auth: list pages per viewer scope
]

ROOT_URLCONF = "duban.web.urls"
ASGI_APPLICATION = "duban.web.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "duban.web.views.context",
            ],
        },
    },
]

# Persistent connections: duban.web.asgi reuses request threads, so each thread keeps its connection
# (opening one costs ~2 ms of CPU per request on SQLite: connect, PRAGMAs, SQL functions). The health
# check drops a connection the server closed meanwhile instead of failing the next request.
CONN_MAX_AGE = int(os.environ.get("DUBAN_CONN_MAX_AGE") or 600)
DUBAN_REQUEST_THREADS = int(os.environ.get("DUBAN_REQUEST_THREADS") or 20)
DUBAN_IDLE_THREADS = int(os.environ.get("DUBAN_IDLE_THREADS") or DUBAN_REQUEST_THREADS)

_db_url = os.environ.get("DATABASE_URL")
if _db_url:
    DATABASES = {"default": dj_database_url.parse(_db_url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "duban.sqlite3",
            # a web app with several writers: wait for the lock instead of failing at once
            # WAL: pages keep reading while someone saves; NORMAL sync is safe with WAL
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE",
                        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"},
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "CONN_HEALTH_CHECKS": True,
        }
    }
if name := os.environ.get("DUBAN_TEST_DB_NAME"):  # parallel test runs on one PostgreSQL server
    DATABASES["default"]["TEST"] = {"NAME": name}


def _shared_cache(url: str) -> dict:
    """The CACHES entry for CACHE_URL (empty: a file cache in the data dir)."""
    if not url:
        # a file cache works for every worker on this machine, with nothing to install or run
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(DATA_DIR / "cache"), "OPTIONS": {"MAX_ENTRIES": 100_000}}
    parts = urlsplit(url)
    if parts.scheme in ("redis", "rediss", "unix"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if parts.scheme in ("memcached", "pymemcache"):
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": parts.netloc}
    if parts.scheme == "file" and parts.path:
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": parts.path,
                "OPTIONS": {"MAX_ENTRIES": 100_000}}
    if parts.scheme == "locmem":  # one process only: another worker would not see a logout
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "duban"}
    raise ValueError(f"CACHE_URL {url!r}: use redis://, memcached://, file:///path or locmem://")


_db = DATABASES["default"]
CACHES = {
    # shared by the worker processes: sessions and each user's roles, so a logout or a removed role
    # holds in every worker at once. The prefix names the database: a data dir that moves to another
    # database never serves a session or roles cached for the first one.
    "default": {**_shared_cache(os.environ.get("CACHE_URL", "")),
                "KEY_PREFIX": hashlib.sha256(repr([str(_db.get(k, "")) for k in ("ENGINE", "HOST", "PORT", "NAME")])
                                             .encode()).hexdigest()[:12]},
    # per process: pages and fragments keyed by everything they show (duban.web.caching), so a worker's
    # own copy is never stale, and large pages are not pickled to disk
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "duban-pages",
              "OPTIONS": {"MAX_ENTRIES": 5000}},  # Django's 300 would cull pages of 100 reports x viewers
}
# the session from the shared cache (no query per request), written through to the database
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# the session's user row from each worker's memory, versioned in the shared cache (duban.web.access);
# the stock backend only keeps sessions made before it was listed first
AUTHENTICATION_BACKENDS = ["duban.web.access.CachedUserBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("DUBAN_STATIC_ROOT") or None  # only for a collectstatic deployment
# whitenoise serves straight from the app's static folder (no collectstatic step for `duban serve`)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "media"  # evidence files; served only through a permission-checked view

# upload limits: the form checks the file size itself, these bound what Django keeps in memory
DUBAN_MAX_UPLOAD_BYTES = int(os.environ.get("DUBAN_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
DUBAN_UPLOAD_TYPES = (".txt", ".html", ".htm", ".pdf", ".docx")
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024  # pasted text

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads it to send X-CSRFToken
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

EMAIL_BACKEND = os.environ.get("DUBAN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DUBAN_FROM_EMAIL", "duban@localhost")
# the SMTP backend's server (used when DUBAN_EMAIL_BACKEND is django.core.mail.backends.smtp.EmailBackend)
EMAIL_HOST = os.environ.get("DUBAN_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DUBAN_EMAIL_PORT") or 25)
EMAIL_HOST_USER = os.environ.get("DUBAN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DUBAN_EMAIL_PASSWORD", "")
# STARTTLS (usually port 587); "ssl" instead asks for implicit TLS (usually port 465)
_tls = os.environ.get("DUBAN_EMAIL_USE_TLS", "").strip().lower()
EMAIL_USE_TLS = _tls in ("1", "true", "yes", "on", "starttls")
EMAIL_USE_SSL = _tls == "ssl"
EMAIL_TIMEOUT = 30  # a hung mail server must not hang `duban remind` forever

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
