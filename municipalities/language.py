"""The default interface language of a user: their municipality's written standard (målform).

At login the municipality's written standard is kept in the session; the language middleware
uses it when the user has not picked a language with the switch in the header (a cookie).
"""
from __future__ import annotations

from .models import Profile

SESSION_KEY = "default_language"


def default_language_for(user) -> str | None:
    profile = Profile.objects.filter(user=user).select_related("municipality").first()
    return profile.municipality.written_standard if profile and profile.municipality_id else None


def remember_default_language(sender, request, user, **kwargs) -> None:
    language = default_language_for(user)
    if language and hasattr(request, "session"):
        request.session[SESSION_KEY] = language
