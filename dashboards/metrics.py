"""How well a municipality involves union representatives: the scorecard metrics.

Three layers, each testable on its own:

1. :class:`Counts`: additive numerators and denominators (plain integers, and a histogram for
   the median). Counts for a period are the sum of counts for its parts, so they could be
   precomputed per (municipality, body kind, month) and summed; :func:`gather_counts` is the
   reference implementation straight from the records, with grouped aggregate queries (a fixed
   number of queries, whatever the number of municipalities or years).
2. :func:`derive`: pure functions from counts to the published figures (shares, median, index).
3. :func:`metrics_by_municipality`, :func:`scorecard` and :func:`scorecard_with_trend`: gather
   and derive for many municipalities at once, for one, and per year.

Every definition is on the methodology page (``templates/dashboards/methodology.html``), which
renders :data:`METRICS` and :data:`INDEX_WEIGHTS` from here.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, fields

from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from measures.models import Level
from measures.services import Timing, timing_for

from . import scope
from .definitions import count_rows, latest_rows
from .scope import Period

LEVELS = tuple(int(level) for level in Level.values)  # 0..4

# --- layer 1: counts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """Additive numerators and denominators for one municipality and one stretch of time."""

    meetings_held: int = 0
    meetings_cancelled: int = 0
    agenda_items: int = 0
    substantive_items: int = 0
    climate_mentions: int = 0
    climate_linked: int = 0
    env_assessed_consequences: int = 0
    env_not_assessed: int = 0
    employee_seats: int = 0
    employee_seats_filled: int = 0
    voice_items: int = 0
    employee_requests: int = 0
    measures: int = 0
    measures_affecting_employees: int = 0
    measures_consulted_early: int = 0
    measures_initiated: int = 0
    #: how many measures affecting employees reached each ladder level (index = level 0..4)
    max_level_histogram: tuple[int, ...] = (0, 0, 0, 0, 0)

    def __add__(self, other: Counts) -> Counts:
        values = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = tuple(a + b for a, b in zip(mine, theirs)) if isinstance(mine, tuple) else mine + theirs
        return Counts(**values)

    @property
    def has_meetings(self) -> bool:
        return bool(self.meetings_held or self.meetings_cancelled)

    @property
    def has_measures(self) -> bool:
        return bool(self.measures)


def total(counts) -> Counts:
    result = Counts()
    for part in counts:
        result = result + part
    return result


# --- layer 2: derived figures (pure) ----------------------------------------------------------------


def share(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``, or None (no data) when there is nothing to divide by."""
    return numerator / denominator if denominator else None


def median_from_histogram(histogram) -> float | None:
    """The median of values 0, 1, 2, ... given how many times each occurs; None for no values."""
    n = sum(histogram)
    if not n:
        return None
    values = [value for value, count in enumerate(histogram) for _ in range(count)]
    middle = n // 2
    return float(values[middle]) if n % 2 else (values[middle - 1] + values[middle]) / 2


#: Weights of the index components (points out of 100).
INDEX_WEIGHTS: dict[str, int] = {
    "representation": 20,
    "voice": 25,
    "initiative": 15,
    "climate": 20,
    "early_involvement": 20,
}
#: Initiatives per held meeting that give the initiative component its full score.
INITIATIVES_PER_MEETING_FOR_FULL_SCORE = 1.0
#: Share of agenda items mentioning climate that gives the climate component its full score.
CLIMATE_SHARE_FOR_FULL_SCORE = 0.25
#: The index needs components worth at least this many points; otherwise it is "no data".
MINIMUM_INDEX_WEIGHT = 50

INDEX_COMPONENT_LABELS = {
    "representation": _("Representation"),
    "voice": _("Voice"),
    "initiative": _("Initiative"),
    "climate": _("Climate on the agenda"),
    "early_involvement": _("Early involvement"),
}


@dataclass(frozen=True)
class Component:
    key: str
    value: float | None  # 0..1, None: no data
    weight: int

    @property
    def label(self) -> str:
        return str(INDEX_COMPONENT_LABELS[self.key])

    @property
    def points(self) -> float | None:
        return None if self.value is None else self.value * self.weight


def index_components(
    *,
    seat_fill_rate: float | None,
    voice_share: float | None,
    initiatives: int | None,
    meetings_held: int | None,
    climate_mentions: int | None,
    agenda_items: int | None,
    early_share: float | None,
) -> tuple[Component, ...]:
    """The five components of the index, each scaled to 0..1 (None when it has no data)."""
    initiative = (
        min(1.0, initiatives / meetings_held / INITIATIVES_PER_MEETING_FOR_FULL_SCORE)
        if meetings_held and initiatives is not None
        else None
    )
    climate = (
        min(1.0, climate_mentions / agenda_items / CLIMATE_SHARE_FOR_FULL_SCORE)
        if agenda_items and climate_mentions is not None
        else None
    )
    values = {
        "representation": seat_fill_rate,
        "voice": voice_share,
        "initiative": initiative,
        "climate": climate,
        "early_involvement": early_share,
    }
    return tuple(Component(key, values[key], weight) for key, weight in INDEX_WEIGHTS.items())


def index_of(components) -> tuple[float | None, int]:
    """The 0-100 index over the components that have data, and the weight they carry.

    Components without data are left out and the others re-weighted to 100; with less than
    :data:`MINIMUM_INDEX_WEIGHT` points of data the index is None (no data).
    """
    available = [c for c in components if c.value is not None]
    weight = sum(c.weight for c in available)
    if weight < MINIMUM_INDEX_WEIGHT:
        return None, weight
    return round(100 * sum(c.value * c.weight for c in available) / weight, 1), weight


@dataclass(frozen=True)
class Scorecard:
    """The published figures for one municipality, period and body kind. None means "no data"."""

    municipality: str
    period: Period
    body_kind: str
    counts: Counts
    meetings_held: int | None
    meetings_cancelled: int | None
    agenda_items: int | None
    substantive_items: int | None
    climate_mentions: int | None
    climate_linked: int | None
    env_assessed_consequences: int | None
    env_not_assessed: int | None
    employee_seat_fill_rate: float | None
    employee_voice_share: float | None
    employee_initiatives: int | None
    employee_requests: int | None
    measures_initiated: int | None
    measures: int | None
    measures_affecting_employees: int | None
    measures_consulted_early: int | None
    early_involvement_share: float | None
    median_max_level: float | None
    index: float | None
    index_weight: int
    components: tuple[Component, ...]
    data_last_imported: datetime.datetime | None = None
    data_last_changed: datetime.datetime | None = None

    @property
    def has_data(self) -> bool:
        return self.counts.has_meetings or self.counts.has_measures

    def value(self, key: str):
        return getattr(self, key)


#: What each index component is computed from: (numerator, denominator) as figures of the scorecard
#: (a count of :class:`Counts` or a published figure).
COMPONENT_BASES: dict[str, tuple[str, str]] = {
    "representation": ("employee_seats_filled", "employee_seats"),
    "voice": ("voice_items", "substantive_items"),
    "initiative": ("employee_initiatives", "meetings_held"),
    "climate": ("climate_mentions", "agenda_items"),
    "early_involvement": ("measures_consulted_early", "measures_affecting_employees"),
}


def component_base(card: Scorecard, key: str) -> tuple[int | None, int | None]:
    """The numbers a component's score is computed from, e.g. (14, 38); None where there is no data."""
    return tuple(
        getattr(card.counts, name) if hasattr(card.counts, name) else card.value(name)
        for name in COMPONENT_BASES[key]
    )


def derive(
    municipality: str,
    period: Period,
    body_kind: str,
    counts: Counts,
    *,
    data_last_imported: datetime.datetime | None = None,
    data_last_changed: datetime.datetime | None = None,
) -> Scorecard:
    """The figures from the counts (pure).

    Meeting figures are None when the municipality has no held or cancelled meeting in scope;
    measure figures are None when it has no measure in the period; shares are None when their
    denominator is 0. Nothing without data is shown as zero.
    """
    c = counts
    m = c.has_meetings
    k = c.has_measures

    def meeting(value):
        return value if m else None

    def measure(value):
        return value if k else None

    initiatives = None if not (m or k) else (c.employee_requests if m else 0) + (c.measures_initiated if k else 0)
    early_share = share(c.measures_consulted_early, c.measures_affecting_employees)
    components = index_components(
        seat_fill_rate=share(c.employee_seats_filled, c.employee_seats),
        voice_share=share(c.voice_items, c.substantive_items),
        initiatives=initiatives,
        meetings_held=meeting(c.meetings_held),
        climate_mentions=meeting(c.climate_mentions),
        agenda_items=meeting(c.agenda_items),
        early_share=early_share,
    )
    index, index_weight = index_of(components)
    return Scorecard(
        municipality=municipality,
        period=period,
        body_kind=body_kind,
        counts=c,
        meetings_held=meeting(c.meetings_held),
        meetings_cancelled=meeting(c.meetings_cancelled),
        agenda_items=meeting(c.agenda_items),
        substantive_items=meeting(c.substantive_items),
        climate_mentions=meeting(c.climate_mentions),
        climate_linked=meeting(c.climate_linked),
        env_assessed_consequences=meeting(c.env_assessed_consequences),
        env_not_assessed=meeting(c.env_not_assessed),
        employee_seat_fill_rate=share(c.employee_seats_filled, c.employee_seats),
        employee_voice_share=share(c.voice_items, c.substantive_items),
        employee_initiatives=initiatives,
        employee_requests=meeting(c.employee_requests),
        measures_initiated=measure(c.measures_initiated),
        measures=measure(c.measures),
        measures_affecting_employees=measure(c.measures_affecting_employees),
        measures_consulted_early=measure(c.measures_consulted_early),
        early_involvement_share=early_share,
        median_max_level=median_from_histogram(c.max_level_histogram),
        index=index,
        index_weight=index_weight,
        components=components,
        data_last_imported=data_last_imported,
        data_last_changed=data_last_changed,
    )


# --- the metrics, for pages, exports, the API and the methodology page ------------------------------


@dataclass(frozen=True)
class MetricDef:
    key: str
    label: str
    definition: str
    kind: str  # "count", "share", "level" or "index"
    numerator: str | None = None  # Counts field, for shares
    denominator: str | None = None
    records: str = ""  # what the drill-down lists: meetings, items, seats, requests, measures, initiatives

    @property
    def is_share(self) -> bool:
        return self.kind == "share"


METRICS: tuple[MetricDef, ...] = (
    MetricDef(
        "meetings_held", _("Meetings held"),
        _("Published meetings of the body kind in the period whose state is held."),
        "count", records="meetings",
    ),
    MetricDef(
        "meetings_cancelled", _("Meetings cancelled"),
        _("Published meetings of the body kind in the period whose state is cancelled."),
        "count", records="meetings",
    ),
    MetricDef(
        "agenda_items", _("Agenda items"),
        _("Items on the agenda of the held meetings, procedural items included (as the researchers counted)."),
        "count", records="items",
    ),
    MetricDef(
        "substantive_items", _("Substantive items"),
        _("Agenda items that are not procedural (approval of the notice, agenda or minutes) and not reports (RS, referatsaker)."),
        "count", records="items",
    ),
    MetricDef(
        "climate_mentions", _("Items mentioning climate"),
        _("Agenda items whose climate relevance is “mentions” or “linked to working conditions”: a person's override when there is one, else the classifier's level with its evidence."),
        "count", records="items",
    ),
    MetricDef(
        "climate_linked", _("Items linking climate to working conditions"),
        _("Agenda items whose climate relevance is “linked to working conditions”."),
        "count", records="items",
    ),
    MetricDef(
        "env_assessed_consequences", _("Environmental consequences assessed"),
        _("Agenda items whose case paper assesses the matter as having environmental consequences."),
        "count", records="items",
    ),
    MetricDef(
        "env_not_assessed", _("Environmental consequences not assessed"),
        _("Agenda items whose case paper does not assess environmental consequences (no such section, or “not assessed”)."),
        "count", records="items",
    ),
    MetricDef(
        "employee_seat_fill_rate", _("Employee seats filled"),
        _("Employee-side seats filled at held meetings, over employee-side seats. A seat is an employee-side attendance row that is not a substitute; it is filled when the member was present or a substitute met in their place. Attendance marked “not recorded” is left out of both numbers, not counted as absent."),
        "share", "employee_seats_filled", "employee_seats", records="seats",
    ),
    MetricDef(
        "employee_voice_share", _("Employee voice"),
        _("Substantive items with at least one proposal from the employee side (a union or federation among the proposers), a request or question raised under the item, or a recorded employee-side statement (an involvement event on the item with a stated position or raised by the employee side), over substantive items."),
        "share", "voice_items", "substantive_items", records="items",
    ),
    MetricDef(
        "employee_initiatives", _("Employee-side initiatives"),
        _("Employee-side requests and questions at held meetings, plus climate measures initiated by the employee side (an involvement event at level 4) in the period."),
        "count", records="initiatives",
    ),
    MetricDef(
        "measures", _("Climate measures"),
        _("Climate measures whose reference date falls in the period: the decision date; for an undecided measure the proposal date; without either, the first involvement event; failing all, the day it was registered. Measures belong to the municipality, whatever the body kind."),
        "count", records="measures",
    ),
    MetricDef(
        "measures_affecting_employees", _("Measures affecting employees"),
        _("Climate measures in the period that change employees' working day or terms."),
        "count", records="measures",
    ),
    MetricDef(
        "measures_consulted_early", _("Measures consulted early"),
        _("Measures affecting employees where the employee side was consulted or more (level 2 or higher) on or before the decision date; for an undecided measure, consulted so far."),
        "count", records="measures",
    ),
    MetricDef(
        "early_involvement_share", _("Early involvement"),
        _("Measures consulted early, over measures affecting employees."),
        "share", "measures_consulted_early", "measures_affecting_employees", records="measures",
    ),
    MetricDef(
        "median_max_level", _("Median involvement level"),
        _("The median of the highest involvement level (0–4) reached by each measure affecting employees."),
        "level", records="measures",
    ),
    MetricDef(
        "index", _("Index (0–100)"),
        _("A weighted combination of representation, voice, initiative, climate on the agenda and early involvement. Always read it beside its components."),
        "index",
    ),
)
METRIC_BY_KEY = {m.key: m for m in METRICS}
#: Metrics that the drill-down page and exports can list, with the component counts.
RECORD_METRICS = {m.key: m for m in METRICS if m.records} | {
    "employee_requests": MetricDef(
        "employee_requests", _("Employee-side requests"),
        _("Requests and questions from the employee side at held meetings."), "count", records="requests",
    ),
    "measures_initiated": MetricDef(
        "measures_initiated", _("Measures initiated by the employee side"),
        _("Climate measures in the period with an involvement event at level 4 (initiated by the employee side)."),
        "count", records="measures",
    ),
}
#: The keys the scorecard API returns, in order.
API_METRICS = [m.key for m in METRICS]


# --- layer 3: gathering from the records ------------------------------------------------------------

def gather_counts(user, period: Period, body_kind: str, ids=None, *, raw: bool = False) -> dict[tuple[str, int], Counts]:
    """Counts per (municipality number, year): five queries.

    The meeting part comes from the precomputed statistics (:mod:`dashboards.statistics`) when
    they apply to ``user`` (one query), else straight from the records (:func:`gather_raw_meeting_counts`,
    four queries; always with ``raw=True``, the reference implementation). Measures are counted
    from the records. ``ids``: municipality numbers, or None for every municipality. Only keys
    with data appear.
    """
    from . import statistics

    acc: dict[tuple[str, int], dict] = defaultdict(lambda: defaultdict(int))
    if not raw and statistics.applies(user):
        for key, values in statistics.meeting_counts(period, body_kind, ids).items():
            acc[key].update(values)
    else:
        gather_raw_meeting_counts(acc, user, period, body_kind, ids)
    return _add_measure_counts(acc, user, period, ids)


def _by_year(source) -> dict:
    return {**source.group(number="municipality"), "year": ExtractYear(source.date)}


def gather_raw_meeting_counts(acc, user, period: Period, body_kind: str, ids=None) -> None:
    """Add the meeting part of the counts to ``acc`` straight from the records (four queries),
    as :mod:`dashboards.definitions` declares them."""
    for row in count_rows(user, period, body_kind, ids, _by_year):
        acc[(row.pop("number"), row.pop("year"))].update(row)


def _add_measure_counts(acc, user, period: Period, ids) -> dict[tuple[str, int], Counts]:
    histograms: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0] * len(LEVELS))
    for number, reference, decision, affects, first_consultation, first_involvement, max_level in scope.measures(
        user, period, ids
    ).values_list(
        "municipality_id", "reference_date", "decision_date", "affects_employees",
        "first_consultation_date", "first_involvement_date", "max_level",
    ):
        key = (number, reference.year)
        bucket = acc[key]
        bucket["measures"] += 1
        if max_level == Level.INITIATED:
            bucket["measures_initiated"] += 1
        if affects:
            bucket["measures_affecting_employees"] += 1
            if timing_for(decision, first_involvement, first_consultation) == Timing.EARLY:
                bucket["measures_consulted_early"] += 1
            histograms[key][max_level or 0] += 1
    empty = Counts().max_level_histogram
    return {
        key: Counts(**values, max_level_histogram=tuple(histograms[key]) if key in histograms else empty)
        for key, values in acc.items()
    }


def last_imported(user, ids=None, *, raw: bool = False) -> dict[str, tuple[datetime.datetime | None, datetime.datetime | None]]:
    """When each municipality's published meetings were last imported and last changed (one query)."""
    from . import statistics

    if not raw and statistics.applies(user):
        return statistics.last_imported(ids)
    return {row["number"]: (row["last_imported_at"], row["last_changed_at"]) for row in latest_rows(user, ids)}


def _by_municipality(counts: dict[tuple[str, int], Counts]) -> dict[str, dict[int, Counts]]:
    grouped: dict[str, dict[int, Counts]] = defaultdict(dict)
    for (number, year), value in counts.items():
        grouped[number][year] = value
    return grouped


def metrics_by_municipality(ids, period: Period, body_kind: str, user, *, raw: bool = False) -> dict[str, Scorecard]:
    """Scorecards for many municipalities at once, in six queries whatever their number.

    ``ids``: municipality numbers (each gets a scorecard, "no data" where there is none), or
    None: every municipality with data.
    """
    grouped = _by_municipality(gather_counts(user, period, body_kind, ids, raw=raw))
    imports = last_imported(user, ids, raw=raw)
    numbers = list(ids) if ids is not None else sorted(grouped)
    result = {}
    for number in numbers:
        imported, changed = imports.get(number, (None, None))
        result[number] = derive(
            number, period, body_kind, total(grouped.get(number, {}).values()),
            data_last_imported=imported, data_last_changed=changed,
        )
    return result


def scorecard(municipality, period: Period, body_kind: str, user, *, raw: bool = False) -> Scorecard:
    """The scorecard of one municipality: the one-municipality case of :func:`metrics_by_municipality`."""
    number = getattr(municipality, "number", municipality)
    return metrics_by_municipality([number], period, body_kind, user, raw=raw)[number]


def scorecard_with_trend(
    municipality, period: Period, body_kind: str, user, *, raw: bool = False
) -> tuple[Scorecard, dict[int, Scorecard]]:
    """The scorecard for the period and one per calendar year in it (six queries in all)."""
    number = getattr(municipality, "number", municipality)
    per_year = _by_municipality(gather_counts(user, period, body_kind, [number], raw=raw)).get(number, {})
    imported, changed = last_imported(user, [number], raw=raw).get(number, (None, None))
    whole = derive(
        number, period, body_kind, total(per_year.values()), data_last_imported=imported, data_last_changed=changed
    )
    trend = {
        year: derive(number, period.year(year), body_kind, per_year.get(year, Counts()))
        for year in period.years
    }
    return whole, trend


def api_dict(card: Scorecard) -> dict:
    """The scorecard as the API returns it: one key per metric, plus the components behind them."""
    def rounded(value):
        return round(value, 4) if isinstance(value, float) else value

    data = {
        "municipality": card.municipality,
        "from": card.period.start.isoformat(),
        "to": card.period.end.isoformat(),
        "body_kind": card.body_kind,
    }
    data.update({key: rounded(card.value(key)) for key in API_METRICS})
    data["index_weight_with_data"] = card.index_weight
    data["index_components"] = {
        c.key: {"value": rounded(c.value), "weight": c.weight,
                **dict(zip(("numerator", "denominator"), component_base(card, c.key), strict=True))}
        for c in card.components
    }
    c = card.counts
    data["counts"] = {
        "employee_seats": c.employee_seats,
        "employee_seats_filled": c.employee_seats_filled,
        "voice_items": c.voice_items,
        "employee_requests": c.employee_requests,
        "measures_initiated": c.measures_initiated,
        "max_level_histogram": list(c.max_level_histogram),
    }
    data["data_last_imported"] = card.data_last_imported.isoformat() if card.data_last_imported else None
    data["data_last_changed"] = card.data_last_changed.isoformat() if card.data_last_changed else None
    return data


__all__ = [
    "Counts", "Scorecard", "Component", "Period", "METRICS", "METRIC_BY_KEY", "RECORD_METRICS", "INDEX_WEIGHTS",
    "COMPONENT_BASES", "component_base", "derive", "share", "median_from_histogram", "index_components", "index_of", "gather_counts",
    "metrics_by_municipality", "scorecard", "scorecard_with_trend", "api_dict",
]
