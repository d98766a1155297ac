"""Project-level models: the marker of a synthetic dataset (see :mod:`partssamarbeid.synthetic`)
and the last visit to the home page (see :mod:`partssamarbeid.home`)."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SyntheticDataset(models.Model):
    """A dataset made by ``manage.py generate_synthetic``, with the rows it created.

    The bodies, people and climate measures it lists are synthetic; so is everything under them
    (memberships, meetings with their attendance, agenda items, proposals and requests,
    involvement events, process answers, green representatives). Any other body, person, meeting
    or measure in the database is real data, which ``generate_synthetic`` refuses to mix with
    unless given ``--force``. Strings are not marked for translation: this is an operator's tool.
    """

    seed = models.BigIntegerField()
    municipalities = models.PositiveIntegerField()
    years = models.PositiveIntegerField()
    end_year = models.PositiveIntegerField()
    generator_version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    seconds = models.FloatField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    bodies = models.ManyToManyField("municipalities.Body", related_name="+", blank=True)
    people = models.ManyToManyField("municipalities.Person", related_name="+", blank=True)
    measures = models.ManyToManyField("measures.ClimateMeasure", related_name="+", blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "synthetic dataset"
        verbose_name_plural = "synthetic datasets"

    def __str__(self) -> str:
        return f"synthetic seed={self.seed} {self.municipalities} municipalities x {self.years} years (to {self.end_year})"


class HomeVisit(models.Model):
    """A user's last visit to the home page: the KS adviser's page shows what changed ``since``
    (the rule is :func:`partssamarbeid.home.next_visit`)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="home_visit")
    seen_at = models.DateTimeField(_("last visit"))
    since = models.DateTimeField(_("changes shown since"))

    class Meta:
        verbose_name = _("home page visit")
        verbose_name_plural = _("home page visits")

    def __str__(self) -> str:
        return f"{self.user} {self.seen_at:%d.%m.%Y %H:%M}"
