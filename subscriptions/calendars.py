"""The calendar of a followed set: the meetings that what a user follows covers.

A municipality or a body covers all its meetings; a topic or a saved search covers the meetings
whose items, proposals, requests or measures it matches (the search documents, as for the
alerts: :func:`subscriptions.alerts.follow_documents`); a union representative's default follow
covers the meetings of their municipality with climate items. Everything goes through
``visible_to`` for the calendar's user, so a feed shows what its user may see and nothing else.
"""
from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from measures.services import climate_item_q
from meetings.models import AgendaItem, Meeting
from municipalities import permissions
from search.models import SearchDocument

from . import alerts
from .models import Follow


def _meetings_q(user, follow: Follow) -> Q:
    if follow.kind == Follow.Kind.MUNICIPALITY:
        return Q(body__municipality_id=follow.municipality_id)
    if follow.kind == Follow.Kind.BODY:
        return Q(body_id=follow.body_id)
    docs = alerts.follow_documents(SearchDocument.objects.visible_to(user), follow)
    return Q(pk__in=docs.filter(meeting__isnull=False).values("meeting_id"))


def default_climate_q(user) -> Q | None:
    """A union representative's default follow of their municipality's climate items, when it is on."""
    home = permissions.home_municipality_id(user)
    if permissions.role_of(user) != permissions.UNION_REP or not home or not alerts.settings_of(user).municipality_climate:
        return None
    climate = AgendaItem.objects.filter(climate_item_q(), meeting__body__municipality_id=home)
    return Q(pk__in=climate.values("meeting_id"))


def followed_meetings(user, follows: list[Follow], *, default_climate: bool) -> QuerySet:
    """Meetings the user may see that ``follows`` (and, if asked, the default follow) cover, with
    their visible items, in date order."""
    wanted = Q(pk__in=[])
    for follow in follows:
        wanted |= _meetings_q(user, follow)
    if default_climate and (climate := default_climate_q(user)) is not None:
        wanted |= climate
    return (
        Meeting.objects.visible_to(user).filter(wanted)
        .select_related("body__municipality")
        .prefetch_related(Prefetch("items", queryset=AgendaItem.objects.visible_to(user).order_by("position")))
        .order_by("date", "start_time", "id")
    )
