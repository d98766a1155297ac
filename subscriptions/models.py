"""Secret calendar addresses: one per user, for calendar programs that cannot log in."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarToken(models.Model):
    """The secret in a user's calendar addresses. Regenerating replaces it; revoking deletes it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%d.%m.%Y})"
