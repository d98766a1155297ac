"""Measure-specific access rules, composed from :mod:`municipalities.permissions` only.

Involvement events carry the side that recorded them. Either side may record events (HR staff
and union representatives of the municipality, via ``can_record_involvement``), but an event
is changed or deleted only by the side that recorded it, so neither side can rewrite the
other's account of a position. Superusers may change everything.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied

from municipalities import permissions

from .models import Involvement, Side


def recorder_side(user) -> str:
    """The side a user records for: union representatives for the employee side, others for the employer."""
    return Side.EMPLOYEE if permissions.role_of(user) == permissions.UNION_REP else Side.EMPLOYER


def can_change_involvement(user, involvement: Involvement, municipality_id: str) -> bool:
    if not permissions.can_record_involvement(user, municipality_id):
        return False
    return permissions.role_of(user) == permissions.SUPERUSER or involvement.recorded_by_side == recorder_side(user)


def require_involvement_change(user, involvement: Involvement, municipality_id: str) -> None:
    if not can_change_involvement(user, involvement, municipality_id):
        raise PermissionDenied
