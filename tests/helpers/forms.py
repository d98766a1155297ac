"""Building POST bodies from rendered forms and formsets, as a browser would send them."""
from __future__ import annotations

import datetime

from django.forms import CheckboxInput


def _as_post_value(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def form_values(form) -> dict:
    """What a browser would post for ``form`` as rendered (unchecked checkboxes are left out)."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(field.widget, CheckboxInput):
            if value:
                data[bound.html_name] = "on"
            continue
        if getattr(field.widget, "allow_multiple_selected", False) and not value:
            continue  # an empty multiple select sends nothing
        data[bound.html_name] = _as_post_value(value)
    return data


def formset_values(formset) -> dict:
    """Management form plus every row of ``formset``, as rendered."""
    data = {}
    management = formset.management_form
    for name in management.fields:
        data[management[name].html_name] = _as_post_value(management[name].value())
    for form in formset.forms:
        data.update(form_values(form))
    return data


def forms_payload(form=None, *formsets) -> dict:
    """The POST body for an unchanged ``form`` and ``formsets``."""
    data = form_values(form) if form is not None else {}
    for formset in formsets:
        data.update(formset_values(formset))
    return data


def page_payload(response, form_name: str | None = "form", *formset_names: str) -> dict:
    """The POST body of a rendered edit page: the main form and its formsets, unchanged."""
    return forms_payload(
        response.context[form_name] if form_name else None, *(response.context[name] for name in formset_names)
    )


def add_row(data: dict, prefix: str, **values) -> int:
    """Append a row to the formset ``prefix`` in ``data``; returns its index."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    set_row(data, prefix, index, **values)
    return index


def set_row(data: dict, prefix: str, index: int, **values) -> None:
    for name, value in values.items():
        key = f"{prefix}-{index}-{name}"
        if value is False:
            data.pop(key, None)
        elif value is True:
            data[key] = "on"
        else:
            data[key] = _as_post_value(value)


def empty_formset(prefix: str, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(initial),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
