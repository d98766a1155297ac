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
    own_class = field.field.widget.attrs.get("class")
    if own_class:
        css += f" {own_class}"
    if field.errors:
        css += " is-invalid"
        attrs["aria-describedby"] = f"{field.auto_id}_errors"
        attrs["aria-invalid"] = "true"
    attrs["class"] = css
    return field.as_widget(attrs=attrs)


@register.filter
def choice_label(value, field_path: str):
    """The display label of a stored choice: ``{{ "held"|choice_label:"meetings.Meeting.state" }}``.

    For data kept as raw codes (the import preview), so pages show "Avholdt", not "held".
    """
    from django.apps import apps

    app_label, model_name, field_name = field_path.split(".")
    field = apps.get_model(app_label, model_name)._meta.get_field(field_name)
    return dict(field.flatchoices).get(value, value)
