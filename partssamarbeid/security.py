"""Small security helpers referenced from settings."""
from __future__ import annotations

from django.conf import settings


def client_ip(request) -> str | None:
    """The client's address for login throttling (django-axes).

    ``REMOTE_ADDR`` unless ``TRUSTED_PROXY_COUNT`` reverse proxies sit in front of the app:
    then the address the outermost trusted proxy saw, counted from the right of
    X-Forwarded-For (entries further left are set by the client and cannot be trusted).
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR")
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) >= count:
        return forwarded[-count]
    return remote
