"""Presentation helpers for the dashboard templates (no business logic)."""
from django import template
from django.utils.formats import number_format

from ..queries import evidence_phrases, has_voice

register = template.Library()


@register.filter
def evidence(item) -> str:
    """The classifier's matched phrases, joined for a table cell."""
    return ", ".join(evidence_phrases(item))


@register.filter
def voiced(item) -> bool:
    return has_voice(item)


@register.filter
def grouped(value) -> str:
    """A whole number with the language's thousand separator ("92 000" in Norwegian)."""
    return "" if value is None else number_format(value, 0, force_grouping=True)
