"""Small presentation helpers for templates (no business logic)."""
from django import template
from django.forms import BoundField

register = template.Library()


@register.simple_tag
def cell_field(field: BoundField, row_label: str = ""):
    """Render a formset field inside a table cell, tied to its error list for screen readers."""
    attrs = {}
    css = "form-check-input" if field.widget_type == "checkbox" else (
        "form-select form-select-sm" if field.widget_type in ("select", "selectmultiple") else "form-control form-control-sm"
    )
    if field.errors:
        css += " is-invalid"
        attrs["aria-describedby"] = f"{field.auto_id}_errors"
        attrs["aria-invalid"] = "true"
    attrs["class"] = css
    return field.as_widget(attrs=attrs)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
