"""View helpers that apply the permission module: 404 for what you may not see, 403 for
what you may see but not change."""
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from . import permissions


def get_visible_or_404(queryset, user, **lookup):
    return get_object_or_404(queryset.visible_to(user), **lookup)


def require_edit(user, municipality_id: str) -> None:
    if not permissions.can_edit(user, municipality_id):
        raise PermissionDenied


def require_involvement_recording(user, municipality_id: str) -> None:
    if not permissions.can_record_involvement(user, municipality_id):
        raise PermissionDenied
