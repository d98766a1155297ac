"""Harvest sources and runs are working material: HR of the municipality and superusers only."""
from django.db import models

from municipalities import permissions


class HarvestQuerySet(models.QuerySet):
    municipality_path = "municipality"

    def visible_to(self, user):
        return self.filter(permissions.edit_q(user, self.municipality_path))

    editable_by = visible_to


class HarvestRunQuerySet(HarvestQuerySet):
    municipality_path = "source__municipality"
