"""Reading errors off rendered pages the way a screen reader does (crispy-forms markup)."""
from __future__ import annotations

from ..helpers import _ById, squash


def error_of(response, field_id: str) -> str:
    """The error text tied to ``field_id`` (an input, or a radio group's ``id_x``) by aria-describedby.

    Crispy forms describes an input by its help text and its error (``id_x_helptext id_x_error``)
    and a radio group by its fieldset; only the error element's text is returned.
    """
    parser = _ById()
    parser.feed(response.content.decode())
    attrs = parser.attrs.get(field_id) or parser.attrs.get(f"{field_id}_0")
    assert attrs is not None, f"no element {field_id}"
    assert attrs.get("aria-invalid") == "true", f"{field_id} is not marked invalid"
    described = (attrs.get("aria-describedby") or "").split()
    if not described:  # a radio group: the fieldset carries the description
        described = [f"{field_id}_error"]
    errors = [i for i in described if i.endswith(("_error", "_errors"))]
    assert errors, f"{field_id} is not described by an error"
    return " ".join(squash("".join(parser.text[i])) for i in errors)
