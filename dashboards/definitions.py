"""Every count behind the scorecards and the topic heat map, declared once.

A :class:`CountDef` says what one additive count counts: which rows (a :class:`Source`, the
scope functions of :mod:`dashboards.scope`) and which of them (a condition). From these
declarations come

- the raw computation (:func:`dashboards.metrics.gather_raw_meeting_counts`: grouped per
  municipality and year, for one user, period and body kind),
- the precomputed statistics (:func:`dashboards.statistics.compute_meeting_days`: grouped per
  municipality, body kind and day, for everyone and all time) and their columns
  (:class:`dashboards.models.MeetingDayStatistics` has one column per count).

Both call :func:`count_rows` with a different grouping, so they cannot count differently.
:func:`topic_rows` does the same for the topic heat map, :data:`LATEST` for "data last imported".
Measure counts are not declared here: they are counted from the records only
(:func:`dashboards.metrics._add_measure_counts`).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import Count, F, Max, Q, QuerySet

from measures.models import ClimateMeasure
from measures.services.coverage import NO_TOPIC as COVERAGE_NO_TOPIC
from measures.topics import classifier_topics
from meetings.models import Meeting

from . import scope


@dataclass(frozen=True)
class Source:
    """Rows some counts count: a scope function and the paths to municipality, body kind and day."""

    rows: Callable[..., QuerySet]  # (user, period, body_kind, ids) -> QuerySet
    municipality: str
    kind: str
    date: str

    def group(self, **paths: str) -> dict:
        """Group expressions, e.g. ``group(number="municipality", day="date")``."""
        return {name: F(getattr(self, path)) for name, path in paths.items()}


_MEETING = Source(scope.meetings, "body__municipality_id", "body__kind", "date")
_ITEM = Source(scope.items, "meeting__body__municipality_id", "meeting__body__kind", "meeting__date")
_SEAT = Source(scope.seats, _ITEM.municipality, _ITEM.kind, _ITEM.date)
_REQUEST = Source(scope.requests, _ITEM.municipality, _ITEM.kind, _ITEM.date)


@dataclass(frozen=True)
class CountDef:
    """One additive count: rows of ``source`` that meet ``condition`` (a Q, or a function giving
    one, for conditions with subqueries); None counts every row."""

    field: str  # the name in dashboards.metrics.Counts and the statistics column
    source: Source
    condition: Q | Callable[[], Q] | None = None

    def aggregate(self) -> Count:
        condition = self.condition() if callable(self.condition) else self.condition
        return Count("id") if condition is None else Count("id", filter=condition)


MEETING_COUNTS: tuple[CountDef, ...] = (
    CountDef("meetings_held", _MEETING, Q(state=Meeting.State.HELD)),
    CountDef("meetings_cancelled", _MEETING, Q(state=Meeting.State.CANCELLED)),
    CountDef("agenda_items", _ITEM),
    CountDef("substantive_items", _ITEM, scope.SUBSTANTIVE_Q),
    CountDef("climate_mentions", _ITEM, scope.CLIMATE_Q),
    CountDef("climate_linked", _ITEM, scope.LINKED_Q),
    CountDef("env_assessed_consequences", _ITEM, scope.ENV_CONSEQUENCES_Q),
    CountDef("env_not_assessed", _ITEM, scope.ENV_NOT_ASSESSED_Q),
    CountDef("voice_items", _ITEM, lambda: scope.SUBSTANTIVE_Q & scope.voice_q()),
    CountDef("employee_seats", _SEAT),
    CountDef("employee_seats_filled", _SEAT, scope.seat_filled_q),
    CountDef("employee_requests", _REQUEST),
)
#: the names of the counts, in declaration order
MEETING_FIELDS: tuple[str, ...] = tuple(c.field for c in MEETING_COUNTS)

#: when a municipality's published meetings were last imported and last changed
LATEST = {"last_imported_at": Max("last_imported_at"), "last_changed_at": Max("updated_at")}

#: the paths of every source, for rows a caller wants restricted (see :func:`count_rows`)
Within = Callable[[Source], Q]


def count_rows(user, period, body_kind, ids, group: Callable[[Source], dict], within: Within | None = None,
               *, latest: bool = False) -> Iterator[dict]:
    """Every count of :data:`MEETING_COUNTS`, grouped by ``group(source)``: one grouped query per
    source. Each row holds the group values and the counts of that source (the meeting source
    also :data:`LATEST` when ``latest``). ``within(source)`` restricts the rows further."""
    for source in dict.fromkeys(c.source for c in MEETING_COUNTS):
        aggregates = {c.field: c.aggregate() for c in MEETING_COUNTS if c.source is source}
        if latest and source is _MEETING:
            aggregates |= LATEST
        qs = source.rows(user, period, body_kind, ids)
        if within is not None:
            qs = qs.filter(within(source))
        yield from qs.values(**group(source)).annotate(**aggregates).order_by()


def latest_rows(user, ids=None) -> QuerySet:
    """:data:`LATEST` per municipality over all published meetings the user may see (one query)."""
    qs = Meeting.objects.visible_to(user).filter(published=True)
    if ids is not None:
        qs = qs.filter(body__municipality_id__in=list(ids))
    return qs.values(number=F("body__municipality_id")).annotate(**LATEST).order_by()


#: the topic heat map counts agenda items (of :data:`ITEMS`) on each topic
ITEMS = _ITEM


#: the agenda items of the topic heat map, seen from the measure-item links
LINKED_ITEMS = Source(None, *("agendaitem__" + path for path in (ITEMS.municipality, ITEMS.kind, ITEMS.date)))

#: the heat map's column for climate items with neither a classified topic nor a linked measure's
#: (the same code as the coverage's "no topic" row)
NO_TOPIC = COVERAGE_NO_TOPIC


def topic_rows(items: QuerySet, within: Within | None = None, **group: str) -> list[dict]:
    """Agenda items among ``items`` per topic code and ``group`` (names to paths of :data:`ITEMS`,
    e.g. ``number="municipality"``): two queries. An item counts under the topics of the climate
    measures it is linked to and, when it is a climate item, under the topics the classifier's
    evidence signals (:func:`measures.topics.classifier_topics`); a climate item with neither
    counts under :data:`NO_TOPIC`. ``within(source)`` narrows the links first (so a few days need
    not scan every link). Each row: the group values, ``topic`` and ``n`` (distinct items)."""
    link = ClimateMeasure.agenda_items.through
    links = link.objects.filter(within(LINKED_ITEMS)) if within is not None else link.objects.all()
    linked_paths = {name: F(getattr(LINKED_ITEMS, path)) for name, path in group.items()}
    item_paths = {name: F(getattr(ITEMS, path)) for name, path in group.items()}
    topics: dict[int, set[str]] = defaultdict(set)
    groups: dict[int, tuple] = {}
    for row in (
        links.filter(agendaitem__in=items.values("pk"), climatemeasure__topics__isnull=False)
        .values("agendaitem_id", topic=F("climatemeasure__topics__code"), **linked_paths)
        .order_by()
    ):
        item_id = row.pop("agendaitem_id")
        topics[item_id].add(row.pop("topic"))
        groups[item_id] = tuple(row.items())
    for row in items.filter(scope.CLIMATE_Q).values("pk", "climate_evidence", **item_paths).order_by():
        item_id, evidence = row.pop("pk"), row.pop("climate_evidence")
        topics[item_id] |= classifier_topics(evidence) or ({NO_TOPIC} if item_id not in groups else set())
        groups[item_id] = tuple(row.items())
    counts: Counter = Counter()
    for item_id, codes in topics.items():
        for code in codes:
            counts[(groups[item_id], code)] += 1
    return [{**dict(values), "topic": code, "n": n} for (values, code), n in counts.items()]
