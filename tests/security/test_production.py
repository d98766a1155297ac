"""Production settings: `check --deploy` is clean, cookies are secure and HttpOnly, HSTS is on,
sessions expire, and the settings actually put the headers and cookie flags on responses."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests import factories

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "test-production-settings-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
    "ALLOWED_HOSTS": "partssamarbeid.example.no",
    "DJANGO_SETTINGS_MODULE": "partssamarbeid.settings",
}


def run_production(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | PRODUCTION_ENV
    return subprocess.run(
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean():
    result = run_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_values():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ["
        "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'LANGUAGE_COOKIE_SECURE', "
        "'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', "
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'X_FRAME_OPTIONS', 'SECURE_REFERRER_POLICY', 'SESSION_COOKIE_AGE', "
        "'SESSION_EXPIRE_AT_BROWSER_CLOSE', 'AXES_ENABLED']}))"
    )
    result = run_production("-c", code)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    for name in ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
                 "CSRF_COOKIE_HTTPONLY", "SECURE_SSL_REDIRECT", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
                 "SESSION_EXPIRE_AT_BROWSER_CLOSE", "AXES_ENABLED"):
        assert values[name] is True, name
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 60 * 60
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["SESSION_COOKIE_AGE"] <= 8 * 60 * 60


PRODUCTION_FLAGS = dict(
    SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True, LANGUAGE_COOKIE_SECURE=True,
    SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True,
)


@override_settings(**PRODUCTION_FLAGS)
def test_hsts_and_cookie_flags_on_responses(client, users):
    login_page = client.get(reverse("login"), secure=True)
    hsts = login_page["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
    csrf = login_page.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    response = client.post(
        reverse("login"), {"username": "hr_a", "password": factories.PASSWORD}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert not session["max-age"], "the session cookie ends when the browser closes"

    language = client.post(reverse("set_language"), {"language": "en", "next": "/"}, secure=True)
    cookie = language.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"]


def test_sessions_expire(client, users):
    client.post(reverse("login"), {"username": "hr_a", "password": factories.PASSWORD})
    age = timedelta(seconds=client.session.get_expiry_age())
    assert timedelta(0) < age <= timedelta(hours=8)
    assert client.session.get_expire_at_browser_close()


def test_uploads_are_bounded():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 10000
    assert settings.IMPORT_MAX_BYTES <= 20 * 1024 * 1024


def test_stored_files_never_use_the_uploaded_name(municipality_a):
    from meetings.models import SourceDocument, source_upload_path

    doc = SourceDocument(municipality=municipality_a, sha256="a" * 64, kind=SourceDocument.Kind.PDF)
    path = source_upload_path(doc, "../../../etc/passwd.pdf")
    assert path == f"sources/{municipality_a.number}/{'a' * 64}.pdf"


def _settings_without(*names: str, code: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", *names)} | {
        k: v for k, v in PRODUCTION_ENV.items() if k not in names
    }
    code = code or "import django; django.setup(); from django.conf import settings as s; print(s.DEBUG)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_debug_is_off_unless_asked_for():
    """Fail closed: a deployment that forgets DEBUG=0 still runs without debugging."""
    result = _settings_without("DEBUG")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_without_debug_and_without_a_secret_key_it_refuses_to_start():
    served = "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'partssamarbeid.settings'; import partssamarbeid.wsgi"
    result = _settings_without("DEBUG", "SECRET_KEY", code=served)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_commands_without_debug_and_without_a_secret_key_still_run():
    """An import or a migration from the command line needs no key: it gets one for the process."""
    result = _settings_without("DEBUG", "SECRET_KEY")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"
