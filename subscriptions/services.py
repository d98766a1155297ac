"""Calendar tokens: create, regenerate, revoke, and find the user behind a token."""
from __future__ import annotations

import secrets

from .models import CalendarToken


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def token_of(user) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user).first()


def regenerate(user) -> CalendarToken:
    """A new secret (the old addresses stop working at once)."""
    token, _created = CalendarToken.objects.update_or_create(user=user, defaults={"token": new_secret()})
    return token


def revoke(user) -> None:
    CalendarToken.objects.filter(user=user).delete()


def user_for(token: str):
    """The active user behind a token, or None (unknown, revoked, or the user is deactivated)."""
    found = CalendarToken.objects.select_related("user", "user__profile").filter(token=token).first()
    return found.user if found and found.user.is_active else None
