"""Settings for Partssamarbeid, read from the environment.

Fail closed: DEBUG is off unless the environment says DEBUG=1 (``make run`` and the test settings
do), and with DEBUG off the web application refuses to start without a SECRET_KEY (wsgi.py).
Development (DEBUG=1) gets SQLite and a throwaway key; a command run without DEBUG and without
a key (an import or a migration from the command line) gets a random key for that process only.
Production sets SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (see README).
"""
import datetime
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from imports import limits as import_limits

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
SECRET_KEY_FROM_ENVIRONMENT = bool(SECRET_KEY)
if not SECRET_KEY:
    SECRET_KEY = (
        "django-insecure-development-only-key-do-not-use-in-production"
        if DEBUG
        else "django-insecure-" + secrets.token_urlsafe(50)  # this process only: nothing signed survives it
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_tasks",
    "rest_framework",
    "django_filters",
    "rest_framework.authtoken",
    "drf_spectacular",
    "csp",
    "axes",
    # {% partialdef %}/{% partial %} (built into Django 6.0); wraps the template loaders in its own
    "template_partials",
    "municipalities",
    "meetings",
    # before django_tasks_db: its db_worker command (reconnecting, recovering lost imports) replaces the library's
    "imports",
    "django_tasks_db",
    "measures",
    "dashboards",
    "search",
    "subscriptions",
    "harvest",
    "partssamarbeid",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "partssamarbeid.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "partssamarbeid.middleware.BadInputMiddleware",
    "partssamarbeid.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "partssamarbeid.urls"
WSGI_APPLICATION = "partssamarbeid.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "municipalities.context_processors.user_role",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite (the embedded default): the web process and the task worker write to one file. A
# transaction takes the write lock when it starts and waits up to 20 s for it, rather than failing
# at once with "database is locked" when its first read turns into a write while the other holds it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Panels that apps above meetings add to an agenda item's page (templates included with ``item``
# in the context): meetings does not know the apps that build on it, the project wires them here.
ITEM_PAGE_PANELS = ["measures/_item_panel.html"]

# Dashboards read figures from precomputed statistics (dashboards.statistics); 0 counts from the records.
DASHBOARDS_STATISTICS = os.environ.get("DASHBOARDS_STATISTICS", "1") != "0"

# Freeze what a process holds after startup and its first requests, so the garbage collector's
# full passes stop walking it (partssamarbeid/gc_policy.py); 0 turns it off.
GC_FREEZE_LONG_LIVED = env_bool("GC_FREEZE_LONG_LIVED", True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("nn", _("Norwegian Nynorsk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Uploads are bounded: the importer accepts files up to 20 MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# Security headers and cookies; strict in production.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-passord")

# Background work (imports of large files): a task queue in the database, run by
# `python manage.py db_worker` (started by `make run`). Tests use the immediate backend.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Imports (imports/tasks.py, imports/parsers/isolation.py): each document is parsed in a
# child process within a budget of wall-clock/CPU seconds and memory, else "too complex to read".
# The worker renews its lease on a run while it parses; a run whose lease is older than
# IMPORT_LEASE_SECONDS lost its worker and is tried again, IMPORT_MAX_ATTEMPTS times in all.
IMPORT_PARSE_SECONDS = float(os.environ.get("IMPORT_PARSE_SECONDS", "20"))
IMPORT_PARSE_MEMORY_MB = int(os.environ.get("IMPORT_PARSE_MEMORY_MB", "512"))
IMPORT_LEASE_SECONDS = float(os.environ.get("IMPORT_LEASE_SECONDS", "60"))
IMPORT_MAX_ATTEMPTS = 2
# A big document is saved by the worker in one transaction; a run still "being saved" after this
# long lost its worker (nothing was saved) and goes back to review.
IMPORT_SAVE_SECONDS = float(os.environ.get("IMPORT_SAVE_SECONDS", "1800"))
IMPORT_PARSER = "imports.parsers.pipeline.parse_document"

# Harvesting meeting records from eInnsyn (harvest/): the API and its key, requests per second
# per source, retries (with exponential backoff from EINNSYN_BACKOFF_SECONDS) on 429/5xx/timeouts,
# the hour (local time) of the nightly run, and the lease a worker holds on the source it harvests.
EINNSYN_API_URL = os.environ.get("EINNSYN_API_URL", "https://api.einnsyn.no")
EINNSYN_API_KEY = os.environ.get("EINNSYN_API_KEY", "")
EINNSYN_REQUESTS_PER_SECOND = float(os.environ.get("EINNSYN_REQUESTS_PER_SECOND", "2"))
EINNSYN_MAX_RETRIES = int(os.environ.get("EINNSYN_MAX_RETRIES", "4"))
EINNSYN_BACKOFF_SECONDS = float(os.environ.get("EINNSYN_BACKOFF_SECONDS", "2"))
EINNSYN_TIMEOUT_SECONDS = float(os.environ.get("EINNSYN_TIMEOUT_SECONDS", "30"))
HARVEST_HOUR = int(os.environ.get("HARVEST_HOUR", "2"))
HARVEST_LEASE_SECONDS = float(os.environ.get("HARVEST_LEASE_SECONDS", "120"))

# The read-only JSON API under /api/v1/ (session or token authentication).
REST_FRAMEWORK = {
    # Token first: an anonymous request gets 401 with "WWW-Authenticate: Token" (session
    # authentication has no such header, so it would be a 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "partssamarbeid.pagination.Pagination",
    "PAGE_SIZE": 100,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Partssamarbeid API",
    "DESCRIPTION": "Read-only data on local employer-employee cooperation on climate measures.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Imports: the largest file accepted (the parser's limit, imports/limits.py) and where source files are kept.
IMPORT_MAX_BYTES = import_limits.IMPORT_MAX_BYTES


# --- Security hardening -------------------------------------------------------------------
# (Cookies, HSTS, X-Frame-Options and the referrer policy are set above.) Tested by
# tests/security/ and, in a real browser, by tests/e2e/ (which fails on any CSP violation).

# Content-Security-Policy (django-csp 4): only the app's own files. No inline scripts or
# styles anywhere (templates use classes in static/css/app.css, never style="..."), so neither
# script-src nor style-src needs 'unsafe-inline'. data: images are Bootstrap's SVG icons
# (select arrows, the navbar toggler, checkbox ticks) embedded in its CSS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for the same
# username from the same address, that combination is locked for AXES_COOLOFF_TIME; a
# successful login resets the count. Django's LoginView passes the request to authenticate(),
# which the axes backend needs. Behind a reverse proxy set TRUSTED_PROXY_COUNT (the number of
# proxies that append to X-Forwarded-For) so the client's address, not the proxy's, is used;
# the default 0 trusts no header (a spoofed X-Forwarded-For cannot dodge the lock).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = True
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "partssamarbeid.security.client_ip"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))


# --- E-mail (alerts) ---------------------------------------------------------------------------
# Alerts and digests are sent by the background worker. Development prints mail to the console;
# production sets EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and the SMTP server
# (README: "Mail in production"). SITE_URL makes the links in the mails absolute.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Partssamarbeid <varsel@partssamarbeid.invalid>")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
