"""Precomputed statistics: computing them from the records, storing them, and reading them.

:class:`~dashboards.models.MeetingDayStatistics` and :class:`~dashboards.models.TopicDayStatistics`
hold the counts declared in :mod:`dashboards.definitions`, grouped per municipality, body kind
and day, computed with the same declarations as the raw computation.

Keeping them current: a change to any record they count marks the (municipality, body kind,
day) it touches as stale (model signals, :mod:`dashboards.stale`, in the transaction of the
change); after the commit the background worker runs :func:`refresh_stale`
(:mod:`dashboards.tasks`), which recomputes only those keys and upserts them (a key with nothing
left is deleted). Bulk writes that bypass model signals (``generate_synthetic``, ``seed_demo``)
call :func:`refresh_statistics`, which rebuilds whole municipalities, as does
``manage.py refresh_statistics``. When the computation itself changes, raise
:data:`STATISTICS_GENERATION`: ``migrate`` then rebuilds everything once (a ``post_migrate``
handler, :func:`rebuild_if_outdated`), with the schema complete. Migrations never compute
statistics themselves: the live code they would call may read columns added by later migrations.

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
from django.db.models import F, Max, Q, Sum
from django.db.models.functions import ExtractYear

from municipalities import permissions

from . import scope, summary_cache
from .definitions import ITEMS, MEETING_FIELDS, count_rows, topic_rows
from .models import MeetingDayStatistics, StaleStatistics, TopicDayStatistics
from .scope import Period

#: reads every published record (the statistics are the same for every role)
EVERYONE = SimpleNamespace(is_authenticated=True, is_superuser=True, pk=None)
ALL_TIME = Period(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))
#: (municipality number, body kind, day)
Key = tuple[str, str, datetime.date]
_DAY_FIELDS = ("municipality_id", "body_kind", "date")
_TOPIC_FIELDS = (*_DAY_FIELDS, "topic")
#: keys recomputed per round of grouped queries (bounds the size of the IN lists)
_KEYS_PER_ROUND = 400


def applies(user) -> bool:
    """Whether ``user``'s figures may be read from the statistics (setting DASHBOARDS_STATISTICS)."""
    return getattr(settings, "DASHBOARDS_STATISTICS", True) and permissions.role_of(user) is not None


# --- computing -------------------------------------------------------------------------------------


def _by_day(source) -> dict:
    return source.group(number="municipality", kind="kind", day="date")


def _within(keys):
    """Restricts a source to the days of ``keys`` (a superset: per municipality, its kinds and days)."""
    per_municipality: dict[str, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for number, kind, day in keys:
        per_municipality[number][0].add(kind)
        per_municipality[number][1].add(day)

    def within(source) -> Q:
        q = Q(pk__in=[])
        for number, (kinds, days) in per_municipality.items():
            q |= Q(**{source.municipality: number, f"{source.kind}__in": kinds, f"{source.date}__in": days})
        return q

    return within


def compute_meeting_days(ids=None, keys=None) -> dict[Key, dict]:
    """The per-day counts from the records: {(municipality, body kind, day): {field: value}}, for
    the municipalities ``ids`` (None: all), or only for ``keys``."""
    acc: dict[Key, dict] = defaultdict(lambda: dict.fromkeys(MEETING_FIELDS, 0))
    within = None if keys is None else _within(keys)
    for row in count_rows(EVERYONE, ALL_TIME, None, ids, _by_day, within, latest=True):
        acc[(row.pop("number"), row.pop("kind"), row.pop("day"))].update(row)
    return dict(acc) if keys is None else {key: acc[key] for key in keys if key in acc}


def compute_topic_days(ids=None, keys=None) -> dict[tuple[str, str, datetime.date, str], int]:
    """Agenda items per topic from the records (as :func:`dashboards.queries.topic_heatmap`)."""
    items = scope.items(EVERYONE, ALL_TIME, None, ids)
    within = None if keys is None else _within(keys)
    if within is not None:
        items = items.filter(within(ITEMS))
    rows = topic_rows(items, within, number="municipality", kind="kind", day="date")
    result = {(r["number"], r["kind"], r["day"], r["topic"]): r["n"] for r in rows}
    return result if keys is None else {k: n for k, n in result.items() if k[:3] in keys}


# --- storing ----------------------------------------------------------------------------------------


def _store(model, key_fields, rows: dict[tuple, dict], existing) -> None:
    """Make the rows of ``existing`` (a queryset of ``model``) exactly ``rows`` ({key: values}):
    upsert every row, delete the existing ones whose key has no row."""
    gone = [pk for pk, *key in existing.values_list("pk", *key_fields) if tuple(key) not in rows]
    for start in range(0, len(gone), 5000):
        model.objects.filter(pk__in=gone[start:start + 5000]).delete()
    if rows:
        model.objects.bulk_create(
            [model(**dict(zip(key_fields, key)), **values) for key, values in rows.items()],
            batch_size=1000, update_conflicts=True, unique_fields=list(key_fields),
            update_fields=list(next(iter(rows.values()))),
        )


def _write(days: dict[Key, dict], topics: dict[tuple, int], existing_days, existing_topics) -> int:
    _store(MeetingDayStatistics, _DAY_FIELDS, days, existing_days)
    _store(TopicDayStatistics, _TOPIC_FIELDS, {k: {"agenda_items": n} for k, n in topics.items()}, existing_topics)
    summary_cache.bump()
    return len(days)


#: Raise when what the statistics count changes (a rule in :mod:`dashboards.definitions`), so that
#: the stored rows must be rebuilt. 1: a substitute named for a member without a registered seat
#: fills that seat; climate items count by the classifier's topics too.
STATISTICS_GENERATION = 1


def rebuild_if_outdated() -> bool:
    """Rebuild every municipality's statistics when they were computed by another generation of the
    rules (after ``migrate``); True when it rebuilt."""
    from .models import StatisticsVersion

    row, _created = StatisticsVersion.objects.get_or_create(pk=1)
    if row.generation == STATISTICS_GENERATION:
        return False
    refresh_statistics()
    StatisticsVersion.objects.filter(pk=1).update(generation=STATISTICS_GENERATION)
    return True


@transaction.atomic
def refresh_statistics(municipality_ids=None) -> int:
    """Rebuild the statistics of ``municipality_ids`` (municipality numbers; None: all). Returns
    how many day rows were written."""
    ids = None if municipality_ids is None else sorted({str(i) for i in municipality_ids if i})
    if ids == []:
        return 0
    in_scope = Q() if ids is None else Q(municipality_id__in=ids)
    return _write(
        compute_meeting_days(ids), compute_topic_days(ids),
        MeetingDayStatistics.objects.filter(in_scope), TopicDayStatistics.objects.filter(in_scope),
    )


@transaction.atomic
def refresh_keys(keys) -> int:
    """Recompute the statistics of ``keys`` ((municipality, body kind, day) triples) only."""
    keys = sorted(set(keys))
    for start in range(0, len(keys), _KEYS_PER_ROUND):
        part = set(keys[start:start + _KEYS_PER_ROUND])
        in_keys = Q(pk__in=[])
        for number, kind, day in part:
            in_keys |= Q(municipality_id=number, body_kind=kind, date=day)
        _write(
            compute_meeting_days(keys=part), compute_topic_days(keys=part),
            MeetingDayStatistics.objects.filter(in_keys), TopicDayStatistics.objects.filter(in_keys),
        )
    return len(keys)


def refresh_stale(batch: int = 5000) -> int:
    """Recompute what :class:`~dashboards.models.StaleStatistics` marks, then remove those marks.

    Run by the background worker after each commit that marked something (:mod:`dashboards.tasks`).
    The marks are locked while they are recomputed (on PostgreSQL), so two workers never write an
    older result over a newer one; a change committed meanwhile leaves its own mark and task.
    Returns how many marks were handled."""
    handled = 0
    while True:
        with transaction.atomic():
            marks = list(
                StaleStatistics.objects.select_for_update().order_by("pk")
                .values_list("pk", "municipality_id", "body_kind", "date")[:batch]
            )
            if not marks:
                return handled
            whole = {number for _pk, number, _kind, day in marks if day is None}
            refresh_statistics(whole)
            refresh_keys((number, kind, day) for _pk, number, kind, day in marks if day and number not in whole)
            StaleStatistics.objects.filter(pk__in=[mark[0] for mark in marks]).delete()
        handled += len(marks)


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
