"""Tenant scoping for the municipalities app: every view lists through these methods."""
from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q

from . import permissions


class MunicipalityQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(kind="municipality")

    def editable_by(self, user):
        return self.filter(permissions.edit_q(user, "number"))


class PersonQuerySet(models.QuerySet):
    municipality_path = "municipality"

    def in_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def visible_to(self, user):
        return self.filter(permissions.read_q(user, self.municipality_path))

    def editable_by(self, user):
        return self.filter(permissions.edit_q(user, self.municipality_path))


class BodyQuerySet(models.QuerySet):
    municipality_path = "municipality"

    def in_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def visible_to(self, user):
        return self.filter(permissions.read_q(user, self.municipality_path))

    def editable_by(self, user):
        return self.filter(permissions.edit_q(user, self.municipality_path))


class MembershipQuerySet(models.QuerySet):
    municipality_path = "body__municipality"

    def active_on(self, day: datetime.date):
        return self.filter(start_date__lte=day).filter(Q(end_date__isnull=True) | Q(end_date__gte=day))

    def visible_to(self, user):
        return self.filter(permissions.read_q(user, self.municipality_path))

    def editable_by(self, user):
        return self.filter(permissions.edit_q(user, self.municipality_path))
