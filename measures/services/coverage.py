"""Agenda coverage: climate items per topic and year, with the measures that cover them."""
from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from meetings.models import AgendaItem, Meeting
from municipalities.models import Municipality

from ..models import (
    ClimateMeasure,
    Involvement,
    Level,
    Topic,
)
from ..topics import classifier_topics

# --- agenda coverage: topics x years -----------------------------------------------------------

CLIMATE_LEVELS = AgendaItem.CLIMATE_LEVELS


def climate_item_q() -> Q:
    """Agenda items whose effective climate level (a person's override, else automatic) is climate."""
    return AgendaItem.effective_climate_q(*CLIMATE_LEVELS)


#: the topic code of the coverage row of climate items on no topic (in links to a cell's items)
NO_TOPIC = "none"


@dataclass(frozen=True)
class CoverageCell:
    items: int = 0
    measures: int = 0
    max_level: int | None = None
    year: int | None = None  # None: the row's total
    topic: str = NO_TOPIC  # the row's topic code

    @property
    def shade(self) -> str:
        """A CSS class for the heat map's colour: more items, darker (static/css/app.css)."""
        return f"coverage-shade-{min(self.items, 4)}"

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
    classified: dict[int, set[int]] | None = None,
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
    - ``classified``: topic ids per climate item id, from the classifier's evidence
      (:func:`measures.topics.classifier_topics`).

    A cell (topic, year) counts the climate items on the agenda that year on the topic (linked to
    a measure with the topic, or classified under it; the last row: neither), the measures with the topic that were active that year (proposed, decided,
    on the agenda or with an involvement event), and the highest involvement level of the events
    that year. The total column counts distinct items and all measures with the topic, and the
    highest level ever.
    """
    tally = CoverageTally(measure_topics, years=set(years))
    items = list(items)
    tally.add_items(items, item_topics(items, measure_topics, classified))
    tally.add_dates(measure_dates)
    for measure_id, day, level in events:
        tally.active(measure_id, day.year)
        tally.add_level(measure_id, day.year, level)
    years_shown = column_years(tally.years)
    return Coverage(years=years_shown, rows=tuple(tally.row(topic, years_shown) for topic in [*topics, None]))


def column_years(years: set[int]) -> tuple[int, ...]:
    """The coverage's columns: every year from the first to the last of ``years``, without gaps."""
    return tuple(range(min(years), max(years) + 1)) if years else ()


@dataclass
class CoverageTally:
    """What :func:`build_coverage` counts per (topic id, year): climate items, active measures,
    the highest involvement level; and the years with data. Topic id ``None`` is the last row."""

    measure_topics: dict[int, set[int]]
    years: set[int] = field(default_factory=set)
    items: dict[tuple, set[int]] = field(default_factory=lambda: defaultdict(set))
    measures: dict[tuple, set[int]] = field(default_factory=lambda: defaultdict(set))
    levels: dict[tuple, int] = field(default_factory=dict)

    def topics_of(self, measure_id: int) -> set:
        """A measure's topic ids; ``{None}`` (the last row) when it has none."""
        return self.measure_topics.get(measure_id) or {None}

    def active(self, measure_id: int, year: int) -> None:
        """The measure was active that year: it counts under each of its topics."""
        for topic in self.topics_of(measure_id):
            self.measures[(topic, year)].add(measure_id)
        self.years.add(year)

    def add_level(self, measure_id: int, year: int, level: int) -> None:
        """An involvement event: the highest level per topic and year."""
        for topic in self.topics_of(measure_id):
            key = (topic, year)
            self.levels[key] = max(self.levels.get(key, level), level)

    def add_items(self, items: list[tuple], topics_of_items: dict[int, tuple[int, set]]) -> None:
        """Climate items on the agenda: their years, the measures they are linked to (active that
        year), and each item under its topics (:func:`item_topics`)."""
        for _item_id, day, measure_id in items:
            self.years.add(day.year)
            if measure_id is not None:
                self.active(measure_id, day.year)
        for item_id, (year, topics) in topics_of_items.items():
            for topic in topics:
                self.items[(topic, year)].add(item_id)

    def add_dates(self, measure_dates: dict[int, list[datetime.date | None]]) -> None:
        """A measure proposed or decided in a year was active that year."""
        for measure_id, dates in measure_dates.items():
            for day in dates:
                if day is not None:
                    self.active(measure_id, day.year)

    def row(self, topic: Topic | None, years: tuple[int, ...]) -> CoverageRow:
        """One topic's row (``None``: the last row): a cell per year and the total."""
        topic_id = topic.pk if topic is not None else None
        code = topic.code if topic is not None else NO_TOPIC
        cells = tuple(
            CoverageCell(
                items=len(self.items.get((topic_id, year), ())),
                measures=len(self.measures.get((topic_id, year), ())),
                max_level=self.levels.get((topic_id, year)),
                year=year,
                topic=code,
            )
            for year in years
        )
        all_items = set().union(*(self.items.get((topic_id, y), set()) for y in years))
        all_measures = {m for m, ts in self.measure_topics.items() if topic_id in (ts or {None})}
        row_levels = [lv for (t, _y), lv in self.levels.items() if t == topic_id]
        total = CoverageCell(
            items=len(all_items),
            measures=len(all_measures),
            max_level=max(row_levels) if row_levels else None,
            topic=code,
        )
        return CoverageRow(topic=topic, cells=cells, total=total)


def item_topics(items, measure_topics: dict[int, set[int]], classified: dict[int, set[int]] | None):
    """{item id: (year, topic ids)} of the coverage: the topics of the measures an item is linked
    to and those the classifier found for it; ``{None}`` when it has neither (the "no topic" row).
    ``items`` and the rest as for :func:`build_coverage`."""
    classified = classified or {}
    topics: dict[int, set] = defaultdict(set)
    years: dict[int, int] = {}
    for item_id, day, measure_id in items:
        years[item_id] = day.year
        topics[item_id] |= classified.get(item_id, set())
        if measure_id is not None:
            topics[item_id] |= measure_topics.get(measure_id) or set()
    return {item_id: (year, topics[item_id] or {None}) for item_id, year in years.items()}


def coverage_items(user, municipality: Municipality, topic_code: str, year: int) -> list[AgendaItem]:
    """The agenda items one cell of the coverage counts (topic code, or :data:`NO_TOPIC`; year),
    as ``user`` sees them, by meeting date: the same input and rule as :func:`coverage_for`."""
    inputs = _coverage_input(user, municipality)
    topic_id = next((t.pk for t in inputs["topics"] if t.code == topic_code), None)
    if topic_id is None and topic_code != NO_TOPIC:
        return []
    ids = [
        item_id
        for item_id, (item_year, topics) in item_topics(
            inputs["items"], inputs["measure_topics"], inputs["classified"]
        ).items()
        if item_year == year and topic_id in topics
    ]
    return list(
        AgendaItem.objects.filter(pk__in=ids).select_related("meeting__body").order_by("meeting__date", "position")
    )


def coverage_for(user, municipality: Municipality) -> Coverage:
    """Gather the coverage input for ``municipality`` as ``user`` sees it (six queries)."""
    return build_coverage(**_coverage_input(user, municipality))


def _coverage_input(user, municipality: Municipality) -> dict:
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
    visible = AgendaItem.objects.visible_to(user).in_municipality(municipality)
    items = visible.filter(climate_item_q() | Q(pk__in=linked)).values_list("id", "meeting__date", "climate_measures")
    topic_ids = {topic.code: topic.pk for topic in topics}
    classified = {
        item_id: {topic_ids[code] for code in classifier_topics(evidence) if code in topic_ids}
        for item_id, evidence in visible.filter(climate_item_q()).values_list("id", "climate_evidence")
    }
    return dict(
        topics=topics,
        years=meeting_years,
        measure_topics=dict(measure_topics),
        measure_dates=measure_dates,
        events=list(events),
        items=list(items),
        classified=classified,
    )
