"""The visibility rule in templates: ``{% with item=measure.decision_item|readable_by:user %}``.

A reference to another record is shown only when the viewer may read it
(:func:`municipalities.permissions.readable`); the filter gives the record or None.
"""
from django import template

from municipalities import permissions

register = template.Library()


@register.filter
def readable_by(record, user):
    return permissions.readable(user, record)
