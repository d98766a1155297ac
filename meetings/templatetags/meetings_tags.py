"""Template filters for meeting pages: the classifier's evidence in words."""
from django import template

from ..climate.labels import category_label, place_label

register = template.Library()


@register.filter
def evidence_place(code: str) -> str:
    """Where the classifier found a phrase, in words ("The administration's proposal")."""
    return place_label(code)


@register.filter
def evidence_category(code: str) -> str:
    """What a matched phrase signals, in words ("Working conditions: Parking fees for employees")."""
    return category_label(code)
