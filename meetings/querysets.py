"""Tenant scoping for meetings and everything hanging off them."""
from django.db import models

from municipalities import permissions


class ScopedQuerySet(models.QuerySet):
    """A queryset that knows the path to its municipality and to its meeting's publish flag."""

    municipality_path: str = ""
    published_path: str | None = None

    def visible_to(self, user):
        return self.filter(permissions.read_q(user, self.municipality_path, self.published_path))

    def editable_by(self, user):
        return self.filter(permissions.edit_q(user, self.municipality_path))

    def in_municipality(self, municipality):
        return self.filter(**{self.municipality_path: municipality})


class MeetingQuerySet(ScopedQuerySet):
    municipality_path = "body__municipality"
    published_path = "published"

    def held(self):
        return self.filter(state="held")


class MeetingChildQuerySet(ScopedQuerySet):
    municipality_path = "meeting__body__municipality"
    published_path = "meeting__published"


class ProposalQuerySet(ScopedQuerySet):
    municipality_path = "item__meeting__body__municipality"
    published_path = "item__meeting__published"


class ImportRunQuerySet(models.QuerySet):
    """Imports are working material: only HR of the municipality (and superusers) see them."""

    def visible_to(self, user):
        return self.filter(permissions.edit_q(user, "municipality"))

    editable_by = visible_to
