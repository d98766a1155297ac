"""The one place that answers "may this user see or change this?".

Roles (``Profile.role``):

- superuser: everything, including ``/admin/``;
- HR staff: read and edit everything in their own municipality, read published records elsewhere;
- union representative: read everything in their own municipality (drafts too), read published
  records elsewhere, record involvement (measures issue);
- KS adviser: read published records of every municipality.

Querysets call :func:`read_q` / :func:`edit_q` with the path from their model to the
municipality; views call :func:`can_edit` and friends on single objects. Nothing else
re-implements these rules.

A *reference* to another record (the agenda item a measure was decided in, the item a request
led to, the item an involvement event happened in) is shown only to users who may read that
record: every template, export and serializer passes it through :func:`readable` (the template
filter ``readable_by``, the serializer field ``ReadableReferenceField``), never a check of its own.
"""
from __future__ import annotations

from django.db.models import Q

HR = "hr"
UNION_REP = "union_rep"
ADVISER = "adviser"
SUPERUSER = "superuser"

_NOTHING = Q(pk__in=[])


def profile_of(user):
    if not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "profile", None)


def role_of(user) -> str | None:
    """The user's role name, or None for anonymous users and users without a role."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.is_superuser:
        return SUPERUSER
    profile = profile_of(user)
    return profile.role if profile else None


def home_municipality_id(user) -> str | None:
    profile = profile_of(user)
    return profile.municipality_id if profile else None


def read_q(user, municipality_path: str, published_path: str | None = None) -> Q:
    """Rows the user may read. ``published_path`` names a boolean: unpublished rows are drafts."""
    role = role_of(user)
    if role == SUPERUSER:
        return Q()
    if role is None:
        return _NOTHING
    if published_path is None:
        return Q()
    visible = Q(**{published_path: True})
    home = home_municipality_id(user)
    if role in (HR, UNION_REP) and home:
        visible |= Q(**{municipality_path: home})
    return visible


def edit_q(user, municipality_path: str) -> Q:
    """Rows the user may change: HR staff in their own municipality, and superusers."""
    role = role_of(user)
    if role == SUPERUSER:
        return Q()
    if role == HR and home_municipality_id(user):
        return Q(**{municipality_path: home_municipality_id(user)})
    return _NOTHING


def can_read(user, municipality_id: str, published: bool = True) -> bool:
    role = role_of(user)
    if role is None:
        return False
    if role == SUPERUSER or published:
        return True
    return role in (HR, UNION_REP) and home_municipality_id(user) == municipality_id


def _follow(record, path: str):
    """The value at the end of a queryset path (``meeting__body__municipality``) on an instance;
    a foreign key at the end gives its id (no query)."""
    *hops, last = path.split("__")
    for hop in hops:
        record = getattr(record, hop, None)
        if record is None:
            return None
    field = record._meta.get_field(last)
    return getattr(record, field.attname)


def may_read(user, record) -> bool:
    """The single-object form of :func:`read_q`: may ``user`` read ``record``?

    The paths come from the record's queryset (``municipality_path`` and, for records that can be
    drafts, ``published_path``), where each model declares them once. Reference data without a
    ``visible_to`` (municipalities, organisations, topics) is read by every role; a scoped model
    that declares no path is read by superusers only (fail closed).
    """
    queryset = type(record)._default_manager.all()
    municipality_path = getattr(queryset, "municipality_path", None)
    published_path = getattr(queryset, "published_path", None)
    if not municipality_path:
        if hasattr(queryset, "visible_to"):
            return role_of(user) == SUPERUSER
        return role_of(user) is not None
    published = bool(_follow(record, published_path)) if published_path else True
    return can_read(user, _follow(record, municipality_path), published)


def readable(user, record):
    """``record`` if ``user`` may read it, else None: the one rule for showing a reference."""
    if record is None or not may_read(user, record):
        return None
    return record


def can_edit(user, municipality_id: str) -> bool:
    role = role_of(user)
    return role == SUPERUSER or (role == HR and home_municipality_id(user) == municipality_id)


def can_record_involvement(user, municipality_id: str) -> bool:
    """HR and union representatives of the municipality (measures issue)."""
    role = role_of(user)
    if role == SUPERUSER:
        return True
    return role in (HR, UNION_REP) and home_municipality_id(user) == municipality_id


def can_view_history(user, municipality_id: str) -> bool:
    return can_edit(user, municipality_id)
