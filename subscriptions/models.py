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


class Follow(models.Model):
    """What a user follows: a municipality, a body, a topic, or a saved search (a query with filters)."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        BODY = "body", _("Body")
        TOPIC = "topic", _("Topic")
        SEARCH = "search", _("Saved search")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    body = models.ForeignKey("municipalities.Body", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    topic = models.CharField(_("topic"), max_length=20, blank=True)
    query = models.JSONField(_("search"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at"]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")

    def __str__(self) -> str:
        return f"{self.user} → {self.kind}"


class AlertSettings(models.Model):
    """How a user hears about new items: at once for climate items linked to working conditions, and a digest."""

    class Digest(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        NEVER = "never", _("Never (no e-mail)")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_settings")
    digest = models.CharField(_("digest"), max_length=10, choices=Digest.choices, default=Digest.DAILY)
    immediate = models.BooleanField(
        _("e-mail me at once about climate items linked to working conditions"), default=True
    )
    municipality_climate = models.BooleanField(
        _("follow my municipality's climate items"), default=True,
        help_text=_("Union representatives follow their municipality's climate items unless they turn this off."),
    )

    class Meta:
        verbose_name = _("alert settings")
        verbose_name_plural = _("alert settings")

    def __str__(self) -> str:
        return str(self.user)


class Alert(models.Model):
    """An agenda item a user should hear about, why, and when it was mailed (at once or in a digest)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts")
    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="+")
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    immediate = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "item"], name="alert_once_per_user_and_item")]

    def __str__(self) -> str:
        return f"{self.user} {self.item_id}"
