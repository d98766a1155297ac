"""Agenda coverage: climate items per topic and year, with the measures that cover them."""
from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from meetings.models import AgendaItem, Meeting
from municipalities.models import Municipality

from ..models import (
    ClimateMeasure,
    Involvement,
    Level,
    Topic,
)

# --- agenda coverage: topics x years -----------------------------------------------------------

CLIMATE_LEVELS = AgendaItem.CLIMATE_LEVELS


def climate_item_q() -> Q:
    """Agenda items whose effective climate level (a person's override, else automatic) is climate."""
    return AgendaItem.effective_climate_q(*CLIMATE_LEVELS)


@dataclass(frozen=True)
class CoverageCell:
    items: int = 0
    measures: int = 0
    max_level: int | None = None

    @property
    def empty(self) -> bool:
        return not self.items and not self.measures and self.max_level is None

    @property
    def max_level_label(self) -> str:
        return "" if self.max_level is None else Level(self.max_level).label


@dataclass(frozen=True)
class CoverageRow:
    topic: Topic | None  # None: climate items with no measure topic
    cells: tuple[CoverageCell, ...]
    total: CoverageCell


@dataclass(frozen=True)
class Coverage:
    years: tuple[int, ...]
    rows: tuple[CoverageRow, ...]


def build_coverage(
    *,
    topics: list[Topic],
    years: Iterable[int],
    measure_topics: dict[int, set[int]],
    measure_dates: dict[int, list[datetime.date | None]],
    events: Iterable[tuple[int, datetime.date, int]],
    items: Iterable[tuple[int, datetime.date, int | None]],
) -> Coverage:
    """The topics x years matrix of a municipality (pure).

    - ``topics``: the rows, in order; a last row (topic ``None``) holds climate items not linked
      to a measure with a topic, and measures without a topic.
    - ``years``: years that must appear (e.g. years with meetings); the columns run without
      gaps from the first to the last year of these and of the data, so empty years show.
    - ``measure_topics``: topic ids per measure id, for *every* measure of the municipality.
    - ``measure_dates``: proposal and decision dates per measure id.
    - ``events``: ``(measure id, date, level)`` per involvement event.
    - ``items``: ``(item id, meeting date, linked measure id or None)``, one row per link.

    A cell (topic, year) counts the climate items on the agenda that year (linked to a measure
    with the topic), the measures with the topic that were active that year (proposed, decided,
    on the agenda or with an involvement event), and the highest involvement level of the events
    that year. The total column counts distinct items and all measures with the topic, and the
    highest level ever.
    """
    item_sets: dict[tuple, set[int]] = defaultdict(set)
    measure_sets: dict[tuple, set[int]] = defaultdict(set)
    levels: dict[tuple, int] = {}
    data_years: set[int] = set(years)

    def topics_of(measure_id):
        return measure_topics.get(measure_id) or {None}

    def active(measure_id, year):
        for topic in topics_of(measure_id):
            measure_sets[(topic, year)].add(measure_id)
        data_years.add(year)

    for item_id, day, measure_id in items:
        data_years.add(day.year)
        for topic in topics_of(measure_id) if measure_id is not None else {None}:
            item_sets[(topic, day.year)].add(item_id)
        if measure_id is not None:
            active(measure_id, day.year)
    for measure_id, dates in measure_dates.items():
        for day in dates:
            if day is not None:
                active(measure_id, day.year)
    for measure_id, day, level in events:
        active(measure_id, day.year)
        for topic in topics_of(measure_id):
            key = (topic, day.year)
            levels[key] = max(levels.get(key, level), level)

    column_years = tuple(range(min(data_years), max(data_years) + 1)) if data_years else ()
    rows = []
    for topic in [*topics, None]:
        topic_id = topic.pk if topic is not None else None
        cells = tuple(
            CoverageCell(
                items=len(item_sets.get((topic_id, year), ())),
                measures=len(measure_sets.get((topic_id, year), ())),
                max_level=levels.get((topic_id, year)),
            )
            for year in column_years
        )
        all_items = set().union(*(item_sets.get((topic_id, y), set()) for y in column_years))
        all_measures = {m for m, ts in measure_topics.items() if topic_id in (ts or {None})}
        row_levels = [lv for (t, _y), lv in levels.items() if t == topic_id]
        rows.append(
            CoverageRow(
                topic=topic,
                cells=cells,
                total=CoverageCell(
                    items=len(all_items),
                    measures=len(all_measures),
                    max_level=max(row_levels) if row_levels else None,
                ),
            )
        )
    return Coverage(years=column_years, rows=tuple(rows))


def coverage_for(user, municipality: Municipality) -> Coverage:
    """Gather the coverage input for ``municipality`` as ``user`` sees it (five queries)."""
    topics = list(Topic.objects.all())
    meeting_years = [
        day.year
        for day in Meeting.objects.visible_to(user)
        .in_municipality(municipality)
        .exclude(state=Meeting.State.CANCELLED)
        .dates("date", "year")
    ]
    measure_topics: dict[int, set[int]] = defaultdict(set)
    measure_dates: dict[int, list] = {}
    for measure_id, proposed, decided, topic_id in ClimateMeasure.objects.in_municipality(
        municipality
    ).values_list("id", "proposed_date", "decision_date", "topics"):
        measure_dates[measure_id] = [proposed, decided]
        if topic_id is not None:
            measure_topics[measure_id].add(topic_id)
        else:
            measure_topics.setdefault(measure_id, set())
    events = Involvement.objects.in_municipality(municipality).values_list("measure_id", "date", "level")
    linked = ClimateMeasure.agenda_items.through.objects.filter(
        climatemeasure__municipality=municipality
    ).values("agendaitem_id")
    items = (
        AgendaItem.objects.visible_to(user)
        .in_municipality(municipality)
        .filter(climate_item_q() | Q(pk__in=linked))
        .values_list("id", "meeting__date", "climate_measures")
    )
    return build_coverage(
        topics=topics,
        years=meeting_years,
        measure_topics=dict(measure_topics),
        measure_dates=measure_dates,
        events=list(events),
        items=list(items),
    )
