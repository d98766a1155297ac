"""Tenant scoping for the municipalities app: every view lists through these methods."""
from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q

from . import permissions


class ScopedQuerySet(models.QuerySet):
    """The one base of every tenant-scoped queryset, in every app.

    A subclass names the path from its model to the municipality (``municipality_path``) and,
    for records that can be drafts, to the meeting's publish flag (``published_path``); the rules
    themselves are :func:`permissions.read_q` and :func:`permissions.edit_q`.
    """

    municipality_path: str = "municipality"
    published_path: str | None = None

    def visible_to(self, user):
        return self.filter(permissions.read_q(user, self.municipality_path, self.published_path))

    def editable_by(self, user):
        return self.filter(permissions.edit_q(user, self.municipality_path))

    def in_municipality(self, municipality):
        return self.filter(**{self.municipality_path: municipality})


class PeriodQuerySet(models.QuerySet):
    """For records that hold from a first day to an optional last day (both included), in the
    fields a subclass names in ``period_fields``: (first day, last day or null while open)."""

    period_fields: tuple[str, str]

    def active_on(self, day: datetime.date):
        start, end = self.period_fields
        return self.filter(**{f"{start}__lte": day}).filter(Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": day}))


class MunicipalityQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(kind="municipality")

    def editable_by(self, user):
        return self.filter(permissions.edit_q(user, "number"))


class PersonQuerySet(ScopedQuerySet):
    municipality_path = "municipality"


class BodyQuerySet(ScopedQuerySet):
    municipality_path = "municipality"


class MembershipQuerySet(ScopedQuerySet, PeriodQuerySet):
    municipality_path = "body__municipality"
    period_fields = ("start_date", "end_date")
