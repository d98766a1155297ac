"""Tenant scoping for meetings and everything hanging off them."""
from django.db import models

from municipalities import permissions
from municipalities.querysets import ScopedQuerySet


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
    """Imports are working material: only HR of the municipality (and superusers) see them.

    No ``municipality_path`` on purpose: :func:`permissions.may_read` then fails closed (superusers).
    """

    def visible_to(self, user):
        return self.filter(permissions.edit_q(user, "municipality"))

    editable_by = visible_to
