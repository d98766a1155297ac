"""Presentation helpers for the dashboard templates (no business logic)."""
from django import template

from ..queries import evidence_phrases, has_voice

register = template.Library()


@register.filter
def evidence(item) -> str:
    """The classifier's matched phrases, joined for a table cell."""
    return ", ".join(evidence_phrases(item))


@register.filter
def voiced(item) -> bool:
    return has_voice(item)
