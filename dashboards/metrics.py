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
renders :data:`METRICS` (:mod:`dashboards.metric_catalogue`) and :data:`INDEX_WEIGHTS`
(:mod:`dashboards.involvement_index`); both are imported from here too.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, fields

from django.db.models.functions import ExtractYear

from measures.models import Level
from measures.services import Timing, timing_for

from . import scope
from .definitions import count_rows, latest_rows

# The index and the metric catalogue have their own modules; their names are imported from here too.
from .involvement_index import CLIMATE_SHARE_FOR_FULL_SCORE as CLIMATE_SHARE_FOR_FULL_SCORE
from .involvement_index import INDEX_COMPONENT_LABELS as INDEX_COMPONENT_LABELS
from .involvement_index import INDEX_WEIGHTS as INDEX_WEIGHTS
from .involvement_index import INITIATIVES_PER_MEETING_FOR_FULL_SCORE as INITIATIVES_PER_MEETING_FOR_FULL_SCORE
from .involvement_index import MINIMUM_INDEX_WEIGHT as MINIMUM_INDEX_WEIGHT
from .involvement_index import Component as Component
from .involvement_index import index_components, index_of
from .metric_catalogue import API_METRICS as API_METRICS
from .metric_catalogue import METRIC_BY_KEY as METRIC_BY_KEY
from .metric_catalogue import METRICS as METRICS
from .metric_catalogue import RECORD_METRICS as RECORD_METRICS
from .metric_catalogue import MetricDef as MetricDef
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


#: Counts published as they are: meeting figures are None without meetings in scope, measure
#: figures None without measures in the period.
MEETING_FIGURES = (
    "meetings_held", "meetings_cancelled", "agenda_items", "substantive_items", "climate_mentions",
    "climate_linked", "env_assessed_consequences", "env_not_assessed", "employee_requests",
)
MEASURE_FIGURES = ("measures_initiated", "measures", "measures_affecting_employees", "measures_consulted_early")


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
    meetings = {name: getattr(c, name) if m else None for name in MEETING_FIGURES}
    measures = {name: getattr(c, name) if k else None for name in MEASURE_FIGURES}
    initiatives = None if not (m or k) else (c.employee_requests if m else 0) + (c.measures_initiated if k else 0)
    seat_fill_rate = share(c.employee_seats_filled, c.employee_seats)
    voice_share = share(c.voice_items, c.substantive_items)
    early_share = share(c.measures_consulted_early, c.measures_affecting_employees)
    components = index_components(
        seat_fill_rate=seat_fill_rate,
        voice_share=voice_share,
        initiatives=initiatives,
        meetings_held=meetings["meetings_held"],
        climate_mentions=meetings["climate_mentions"],
        agenda_items=meetings["agenda_items"],
        early_share=early_share,
    )
    index, index_weight = index_of(components)
    return Scorecard(
        municipality=municipality,
        period=period,
        body_kind=body_kind,
        counts=c,
        **meetings,
        **measures,
        employee_seat_fill_rate=seat_fill_rate,
        employee_voice_share=voice_share,
        employee_initiatives=initiatives,
        early_involvement_share=early_share,
        median_max_level=median_from_histogram(c.max_level_histogram),
        index=index,
        index_weight=index_weight,
        components=components,
        data_last_imported=data_last_imported,
        data_last_changed=data_last_changed,
    )


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
