"""The front page after login, one per role: what each role needs to see first.

The page combines apps, so it lives in the project package (ARCHITECTURE.md). It adds no rule of
its own: every list goes through the querysets' ``visible_to`` / ``editable_by`` and the measures
app's timing rules (:func:`measures.services.not_consulted_before_decision`,
:func:`measures.services.employee_requests`), and what a user follows is read as the follows page
reads it (:func:`subscriptions.alerts.label`).

- Union representative: the coming meetings of their municipality that have climate items (with
  those items), the measures that affect employees and were not consulted before the decision,
  the employee side's requests for an agenda item that has not come yet, and what they follow.
- HR: imports waiting for review, draft meetings not yet published, and meetings whose date has
  passed but which are still only a notice (planned: no protocol recorded).
- KS adviser: what changed nationally since the last visit (meetings published or changed,
  climate measures added or changed), and their follows. The last visit is stored per user
  (:class:`partssamarbeid.models.HomeVisit`, rule in :func:`next_visit`).
- Superusers and users without a role get the latest meetings they may see (every role's page
  shows them too).

Each ``*_home`` function runs a fixed number of queries whatever the data (tests/foundation/test_home.py).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from measures import services as measure_services
from measures.models import ClimateMeasure
from meetings.models import AgendaItem, ImportRun, Meeting
from municipalities import permissions
from subscriptions import alerts
from subscriptions.models import Follow

from .models import HomeVisit

#: Rows shown per list (the count above each list is the full number).
LIMIT = 10
#: Visits closer together than this are one visit: reloading the page keeps showing the same changes.
VISIT_GAP = datetime.timedelta(minutes=30)
#: On the first visit, "since your last visit" means the last week.
FIRST_VISIT_WINDOW = datetime.timedelta(days=7)


# --- shared pieces -------------------------------------------------------------------------------


@dataclass
class FollowRow:
    label: str
    follow: Follow | None = None  # None: the union representative's default follow


@dataclass
class Listing:
    """A list shown on a home page: the first ``LIMIT`` rows and how many there are in all."""

    rows: list
    total: int

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.rows))


def _listing(queryset, limit: int = LIMIT) -> Listing:
    """The first rows and the total: two queries, however many there are."""
    return Listing(list(queryset[:limit]), queryset.count())


def recent_meetings(user, municipality=None) -> list[Meeting]:
    meetings = Meeting.objects.visible_to(user).select_related("body__municipality").order_by("-date", "-start_time")
    if municipality is not None:
        meetings = meetings.in_municipality(municipality)
    return list(meetings[:LIMIT])


def follow_rows(user, *, municipality_climate_default: bool = False, municipality=None) -> list[FollowRow]:
    """What the user follows, labelled as on the follows page; a union representative's default
    follow of their municipality's climate items first, when it is on."""
    rows = []
    if municipality_climate_default and municipality is not None and alerts.settings_of(user).municipality_climate:
        rows.append(FollowRow(alerts.municipality_climate_label(municipality)))
    follows = Follow.objects.filter(user=user).select_related("municipality", "body__municipality")
    rows += [FollowRow(alerts.label(follow), follow) for follow in follows]
    return rows


# --- union representative ------------------------------------------------------------------------


@dataclass
class UnionRepHome:
    municipality: object
    upcoming: list[Meeting]  # each with .climate_items
    not_consulted: list[ClimateMeasure]
    open_requests: list
    follows: list[FollowRow]
    recent: list[Meeting] = field(default_factory=list)


def upcoming_climate_meetings(user, municipality, today: datetime.date) -> list[Meeting]:
    """Meetings of the municipality from today on (not cancelled) with climate items the user may
    see, soonest first, each with ``climate_items`` in agenda order."""
    climate = measure_services.climate_item_q()
    items = AgendaItem.objects.visible_to(user).filter(climate).order_by("position")
    return list(
        Meeting.objects.visible_to(user).in_municipality(municipality)
        .filter(date__gte=today).exclude(state=Meeting.State.CANCELLED)
        .filter(pk__in=AgendaItem.objects.filter(climate).values("meeting_id"))
        .select_related("body")
        .prefetch_related(Prefetch("items", queryset=items, to_attr="climate_items"))
        .order_by("date", "start_time", "pk")[:LIMIT]
    )


def open_requests(user, municipality) -> list:
    """The employee side's requests for an agenda item that has not reached an agenda the user may
    read yet (:class:`measures.services.RequestOutcome` ``WAITING``), newest first."""
    return [r for r in measure_services.employee_requests(user, municipality)
            if r.outcome == measure_services.RequestOutcome.WAITING]


def union_rep_home(user, today: datetime.date | None = None) -> UnionRepHome:
    municipality = permissions.profile_of(user).municipality
    today = today or timezone.localdate()
    return UnionRepHome(
        municipality=municipality,
        upcoming=upcoming_climate_meetings(user, municipality, today),
        not_consulted=measure_services.not_consulted_before_decision(municipality),
        open_requests=open_requests(user, municipality),
        follows=follow_rows(user, municipality_climate_default=True, municipality=municipality),
        recent=recent_meetings(user, municipality),
    )


# --- HR ------------------------------------------------------------------------------------------


@dataclass
class HRHome:
    municipality: object
    imports: Listing
    drafts: Listing
    without_protocol: Listing
    recent: list[Meeting] = field(default_factory=list)


def hr_home(user, today: datetime.date | None = None) -> HRHome:
    today = today or timezone.localdate()
    meetings = Meeting.objects.editable_by(user).select_related("body")
    return HRHome(
        municipality=permissions.profile_of(user).municipality,
        imports=_listing(
            ImportRun.objects.visible_to(user).filter(status=ImportRun.Status.READY)
            .select_related("created_by").order_by("created_at")
        ),
        drafts=_listing(meetings.filter(published=False).order_by("date", "start_time", "pk")),
        without_protocol=_listing(
            meetings.filter(state=Meeting.State.PLANNED, date__lt=today).order_by("-date", "-start_time", "pk")
        ),
        recent=recent_meetings(user, permissions.profile_of(user).municipality),
    )


# --- KS adviser ----------------------------------------------------------------------------------


def next_visit(visit: HomeVisit | None, now: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    """``(since, seen_at)`` to store for a visit at ``now``: the changes shown are those after ``since``.

    The first visit shows the last week. A visit more than :data:`VISIT_GAP` after the previous
    one is a new visit: it shows what changed since the previous one. A visit within the gap
    (a reload, coming back from a meeting page) keeps showing the same changes.
    """
    if visit is None:
        return now - FIRST_VISIT_WINDOW, now
    if now - visit.seen_at > VISIT_GAP:
        return visit.seen_at, now
    return visit.since, now


def record_visit(user, now: datetime.datetime | None = None) -> datetime.datetime:
    """Store this visit and return the time the changes are counted from."""
    now = now or timezone.now()
    visit = HomeVisit.objects.filter(user=user).first()
    since, seen_at = next_visit(visit, now)
    HomeVisit.objects.update_or_create(user=user, defaults={"since": since, "seen_at": seen_at})
    return since


@dataclass
class AdviserHome:
    since: datetime.datetime
    first_visit: bool
    meetings: Listing  # each with .climate_count
    municipalities: int
    climate_meetings: int
    measures: Listing
    follows: list[FollowRow]


def adviser_home(user, now: datetime.datetime | None = None) -> AdviserHome:
    first_visit = not HomeVisit.objects.filter(user=user).exists()
    since = record_visit(user, now)
    climate = measure_services.climate_item_q()
    changed = Meeting.objects.visible_to(user).filter(updated_at__gt=since)
    totals = changed.aggregate(
        n=Count("pk", distinct=True),
        municipalities=Count("body__municipality", distinct=True),
        climate=Count("pk", distinct=True, filter=Q(pk__in=AgendaItem.objects.filter(climate).values("meeting_id"))),
    )
    rows = list(
        changed.select_related("body__municipality")
        .annotate(climate_count=Count("items", filter=_prefixed(climate)))
        .order_by("-updated_at", "pk")[:LIMIT]
    )
    measures = ClimateMeasure.objects.visible_to(user).filter(updated_at__gt=since)
    return AdviserHome(
        since=since,
        first_visit=first_visit,
        meetings=Listing(rows, totals["n"]),
        municipalities=totals["municipalities"],
        climate_meetings=totals["climate"],
        measures=_listing(measures.select_related("municipality").order_by("-updated_at", "pk")),
        follows=follow_rows(user),
    )


def _prefixed(q: Q, prefix: str = "items__") -> Q:
    """``q`` (conditions on an agenda item) as conditions on a meeting's ``items``."""
    clone = Q(*(_prefixed(c, prefix) if isinstance(c, Q) else (prefix + c[0], c[1]) for c in q.children),
              _connector=q.connector, _negated=q.negated)
    return clone
