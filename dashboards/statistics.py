"""Precomputed statistics: rebuilding them from the records, and reading them.

:func:`refresh_statistics` rebuilds :class:`~dashboards.models.MeetingDayStatistics` and
:class:`~dashboards.models.TopicDayStatistics` for some or all municipalities with the same
grouped queries and conditions as the raw computation (:mod:`dashboards.scope`), grouped per
municipality, body kind and day: DELETE, then a handful of grouped SELECTs and one bulk INSERT.
It runs after an import or a save (the ``meetings_changed`` and ``measures_changed`` signals,
connected in :class:`dashboards.apps.DashboardsConfig`), after ``generate_synthetic`` and
``seed_demo``, and by ``manage.py refresh_statistics``.

:func:`applies` says whether a request may read them: figures count published records for
every role (:mod:`dashboards.scope`), so the statistics hold what any user with a role sees.
Users without a role see nothing and are counted from the records (which gives nothing).
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from types import SimpleNamespace

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Max, Q, Sum
from django.db.models.functions import ExtractYear

from measures.models import ClimateMeasure
from meetings.models import Meeting
from municipalities import permissions

from . import scope
from .models import MeetingDayStatistics, TopicDayStatistics
from .scope import Period

#: the additive counts stored per day (the meeting part of :class:`dashboards.metrics.Counts`)
MEETING_FIELDS = (
    "meetings_held", "meetings_cancelled", "agenda_items", "substantive_items", "climate_mentions",
    "climate_linked", "env_assessed_consequences", "env_not_assessed", "employee_seats",
    "employee_seats_filled", "voice_items", "employee_requests",
)
#: reads every published record (the statistics are the same for every role)
EVERYONE = SimpleNamespace(is_authenticated=True, is_superuser=True, pk=None)
ALL_TIME = Period(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))


def applies(user) -> bool:
    """Whether ``user``'s figures may be read from the statistics (setting DASHBOARDS_STATISTICS)."""
    return getattr(settings, "DASHBOARDS_STATISTICS", True) and permissions.role_of(user) is not None


# --- rebuilding -------------------------------------------------------------------------------------


def _day_rows(queryset, municipality_path: str, kind_path: str, date_path: str, **aggregates):
    return (
        queryset.values(number=F(municipality_path), kind=F(kind_path), day=F(date_path))
        .annotate(**aggregates)
        .order_by()
    )


def compute_meeting_days(ids=None) -> dict[tuple[str, str, datetime.date], dict]:
    """The per-day counts from the records: {(municipality, body kind, day): {field: value}}."""
    acc: dict[tuple, dict] = defaultdict(lambda: dict.fromkeys(MEETING_FIELDS, 0))
    for row in _day_rows(
        _all_kinds(scope.meetings, ids), "body__municipality_id", "body__kind", "date",
        meetings_held=Count("id", filter=Q(state=Meeting.State.HELD)),
        meetings_cancelled=Count("id", filter=Q(state=Meeting.State.CANCELLED)),
        last_imported_at=Max("last_imported_at"),
        last_changed_at=Max("updated_at"),
    ):
        acc[(row.pop("number"), row.pop("kind"), row.pop("day"))].update(row)
    m, k, d = "meeting__body__municipality_id", "meeting__body__kind", "meeting__date"
    for row in _day_rows(
        _all_kinds(scope.items, ids), m, k, d,
        agenda_items=Count("id"),
        substantive_items=Count("id", filter=scope.SUBSTANTIVE_Q),
        climate_mentions=Count("id", filter=scope.CLIMATE_Q),
        climate_linked=Count("id", filter=scope.LINKED_Q),
        env_assessed_consequences=Count("id", filter=scope.ENV_CONSEQUENCES_Q),
        env_not_assessed=Count("id", filter=scope.ENV_NOT_ASSESSED_Q),
        voice_items=Count("id", filter=scope.SUBSTANTIVE_Q & scope.voice_q()),
    ):
        acc[(row.pop("number"), row.pop("kind"), row.pop("day"))].update(row)
    for row in _day_rows(
        _all_kinds(scope.seats, ids), m, k, d,
        employee_seats=Count("id"),
        employee_seats_filled=Count("id", filter=scope.seat_filled_q()),
    ):
        acc[(row.pop("number"), row.pop("kind"), row.pop("day"))].update(row)
    for row in _day_rows(_all_kinds(scope.requests, ids), m, k, d, employee_requests=Count("id")):
        acc[(row.pop("number"), row.pop("kind"), row.pop("day"))].update(row)
    return acc


def _all_kinds(scoped, ids):
    """``scoped`` (a function of :mod:`dashboards.scope`) for every body kind and all time."""
    return scoped(EVERYONE, ALL_TIME, None, ids)


def compute_topic_days(ids=None) -> dict[tuple[str, str, datetime.date, str], int]:
    """Agenda items per topic from the records (as :func:`dashboards.queries.topic_heatmap`)."""
    link = ClimateMeasure.agenda_items.through
    items = _all_kinds(scope.items, ids).values("pk")
    rows = (
        link.objects.filter(agendaitem__in=items, climatemeasure__topics__isnull=False)
        .values(
            number=F("agendaitem__meeting__body__municipality_id"),
            kind=F("agendaitem__meeting__body__kind"),
            day=F("agendaitem__meeting__date"),
            topic=F("climatemeasure__topics__code"),
        )
        .annotate(n=Count("agendaitem_id", distinct=True))
        .order_by()
    )
    return {(r["number"], r["kind"], r["day"], r["topic"]): r["n"] for r in rows}


@transaction.atomic
def refresh_statistics(municipality_ids=None) -> int:
    """Rebuild the statistics of ``municipality_ids`` (municipality numbers; None: all). Returns
    how many day rows were written."""
    ids = None if municipality_ids is None else sorted({str(i) for i in municipality_ids if i})
    if ids == []:
        return 0
    for model in (MeetingDayStatistics, TopicDayStatistics):
        qs = model.objects.all() if ids is None else model.objects.filter(municipality_id__in=ids)
        qs._raw_delete(qs.db)
    days = compute_meeting_days(ids)
    MeetingDayStatistics.objects.bulk_create(
        [
            MeetingDayStatistics(municipality_id=number, body_kind=kind, date=day, **values)
            for (number, kind, day), values in days.items()
        ],
        batch_size=2000,
    )
    TopicDayStatistics.objects.bulk_create(
        [
            TopicDayStatistics(municipality_id=number, body_kind=kind, date=day, topic=topic, agenda_items=n)
            for (number, kind, day, topic), n in compute_topic_days(ids).items()
        ],
        batch_size=2000,
    )
    return len(days)


# --- reading ------------------------------------------------------------------------------------------


def _in_scope(model, period: Period, body_kind: str, ids):
    qs = model.objects.filter(body_kind=body_kind, date__gte=period.start, date__lte=period.end)
    if ids is not None:
        qs = qs.filter(municipality_id__in=list(ids))
    return qs


def meeting_counts(period: Period, body_kind: str, ids=None) -> dict[tuple[str, int], dict]:
    """The meeting part of the counts per (municipality number, year), from the statistics: one query."""
    rows = (
        _in_scope(MeetingDayStatistics, period, body_kind, ids)
        .values(number=F("municipality_id"), year=ExtractYear("date"))
        .annotate(**{name: Sum(name) for name in MEETING_FIELDS})
        .order_by()
    )
    return {(row.pop("number"), row.pop("year")): row for row in rows}


def last_imported(ids=None) -> dict[str, tuple]:
    """When each municipality's published meetings were last imported and changed: one query."""
    qs = MeetingDayStatistics.objects.all()
    if ids is not None:
        qs = qs.filter(municipality_id__in=list(ids))
    rows = (
        qs.values(number=F("municipality_id"))
        .annotate(imported=Max("last_imported_at"), changed=Max("last_changed_at"))
        .order_by()
    )
    return {row["number"]: (row["imported"], row["changed"]) for row in rows}


def topic_heatmap(period: Period, body_kind: str, ids=None) -> dict[str, dict[str, int]]:
    rows = (
        _in_scope(TopicDayStatistics, period, body_kind, ids)
        .values(number=F("municipality_id"), code=F("topic"))
        .annotate(n=Sum("agenda_items"))
        .order_by()
    )
    result: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        result[row["number"]][row["code"]] = row["n"]
    return dict(result)
