"""Helpers the tests import (fixtures stay in conftest.py): the world, form payloads, page reading."""
from .forms import add_row, empty_formset, form_values, forms_payload, formset_values, page_payload, set_row
from .pages import _ById, field_error, invalid_fields, nb, page_text, squash
from .world import ROLES, build_users, build_world, committed, counts, make_client

__all__ = [
    "ROLES", "_ById", "add_row", "build_users", "build_world", "committed", "counts", "empty_formset", "field_error",
    "form_values", "forms_payload", "formset_values", "invalid_fields", "make_client", "nb", "page_payload",
    "page_text", "set_row", "squash",
]
