"""Login throttling (django-axes) through the real login form, and password rules."""
from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse

from tests import factories


def attempt(client: Client, username: str, password: str, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_axes_is_enabled_and_configured():
    assert settings.AXES_ENABLED
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_COOLOFF_TIME.total_seconds() >= 15 * 60
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_lockout_after_five_failed_logins(users):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "hr_a", "wrong-password")
        assert response.status_code == 200  # the form again, with an error
    response = attempt(client, "hr_a", "wrong-password")
    assert response.status_code == 429
    # locked: even the right password is refused, with a friendly page in bokmål
    response = attempt(client, "hr_a", factories.PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "For mange mislykkede innlogginger" in page
    assert "_auth_user_id" not in client.session

    # the same user from another address, and another user from this one, are not locked
    assert attempt(Client(REMOTE_ADDR="10.9.8.7"), "hr_a", factories.PASSWORD).status_code == 302
    assert attempt(Client(), "hr_b", factories.PASSWORD).status_code == 302


def test_success_resets_the_count(users):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "hr_a", "wrong-password")
    assert attempt(client, "hr_a", factories.PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "hr_a", "wrong-password").status_code == 200


def test_a_forged_forwarded_for_header_does_not_dodge_the_lock(users):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(Client(), "hr_a", "wrong-password", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert attempt(Client(), "hr_a", factories.PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_client_address_counts(users):
    # the proxy (REMOTE_ADDR 127.0.0.1) appends the address it saw; what the client sent is ignored
    def via_proxy(client_ip, password, forged="198.51.100.1"):
        return attempt(Client(), "hr_a", password, HTTP_X_FORWARDED_FOR=f"{forged}, {client_ip}")

    for n in range(settings.AXES_FAILURE_LIMIT):
        via_proxy("192.0.2.10", "wrong-password", forged=f"198.51.100.{n}")
    assert via_proxy("192.0.2.10", factories.PASSWORD).status_code == 429
    assert via_proxy("192.0.2.20", factories.PASSWORD).status_code == 302


@pytest.mark.parametrize("password", ["12345678", "passord", "password123", "kort1", "qwertyuiop"])
def test_password_validators_reject_weak_passwords(users, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=users["hr_a"])


def test_password_validators_accept_a_good_password(users):
    validate_password("Grønt-partssamarbeid-2024", user=users["hr_a"])
