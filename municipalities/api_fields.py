"""The visibility rule in the JSON API: a reference to another record is its id, or null when the
caller may not read that record (:func:`municipalities.permissions.readable`)."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from . import permissions


@extend_schema_field({"type": "integer", "nullable": True})
class ReadableReferenceField(serializers.Field):
    """Read-only: ``source`` names the referenced record (e.g. ``decision_item``)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        record = permissions.readable(self.context["request"].user, value)
        return record.pk if record is not None else None
