"""The records behind a figure, and the data of the comparison pages.

Each drill-down uses the same scope and conditions as :func:`dashboards.metrics.gather_counts`
(:mod:`dashboards.scope`), so the number of records listed is the figure shown.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower

from measures.models import ClimateMeasure, Level, Topic
from measures.services import Timing, summary_of
from meetings.climate import evidence_label
from meetings.models import AgendaItem, Meeting
from municipalities.models import Municipality

from . import scope
from .definitions import topic_rows
from .metrics import METRICS, RECORD_METRICS, Scorecard
from .scope import Period

# --- drill-downs -----------------------------------------------------------------------------------

_ITEM_FILTERS = {
    "agenda_items": Q(),
    "substantive_items": scope.SUBSTANTIVE_Q,
    "climate_mentions": scope.CLIMATE_Q,
    "climate_linked": scope.LINKED_Q,
    "env_assessed_consequences": scope.ENV_CONSEQUENCES_Q,
    "env_not_assessed": scope.ENV_NOT_ASSESSED_Q,
    "employee_voice_share": scope.SUBSTANTIVE_Q,
}


def items_queryset(user, period: Period, body_kind: str, ids=None, condition: Q = Q()) -> QuerySet:
    """Agenda items in scope with what the tables and exports show, in date order (one query)."""
    return (
        scope.items(user, period, body_kind, ids)
        .filter(condition)
        .select_related("meeting__body__municipality")
        .annotate(
            employee_proposal=scope.employee_proposal_exists(),
            employee_request=scope.employee_request_exists(),
            employee_statement=scope.employee_statement_exists(),
        )
        .order_by("meeting__body__municipality__name", "meeting__date", "meeting_id", "position")
    )


def meetings_queryset(user, period: Period, body_kind: str, ids=None, state: str | None = None) -> QuerySet:
    qs = scope.meetings(user, period, body_kind, ids).select_related("body__municipality")
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("body__municipality__name", "date", "start_time", "id")


def seats_queryset(user, period: Period, body_kind: str, ids=None) -> QuerySet:
    return (
        scope.seats(user, period, body_kind, ids)
        .select_related("meeting__body__municipality", "person", "membership", "organisation")
        .annotate(filled=scope.seat_filled_q())
        .order_by("meeting__body__municipality__name", "meeting__date", "meeting_id", "id")
    )


def requests_queryset(user, period: Period, body_kind: str, ids=None) -> QuerySet:
    return (
        scope.requests(user, period, body_kind, ids)
        .select_related("meeting__body__municipality", "person", "organisation", "raised_under", "resulting_item__meeting__body")
        .order_by("meeting__body__municipality__name", "meeting__date", "meeting_id", "id")
    )


def measures_list(user, period: Period, ids=None, *, affecting: bool = False, early: bool = False,
                  initiated: bool = False) -> list[ClimateMeasure]:
    """Measures in the period with ``.summary`` (timing, highest level) attached (two queries)."""
    qs = scope.measures(user, period, ids).select_related("municipality").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("order"))
    )
    if affecting or early:
        qs = qs.filter(affects_employees=True)
    if initiated:
        qs = qs.filter(max_level=Level.INITIATED)
    result = []
    for measure in qs.order_by("municipality__name", "reference_date", Lower("title"), "id"):
        measure.summary = summary_of(measure)
        if early and measure.summary.timing != Timing.EARLY:
            continue
        result.append(measure)
    return result


@dataclass
class Records:
    """The records behind a figure: one or two lists (initiatives have requests and measures)."""

    kind: str  # "meetings", "items", "seats", "requests", "measures"
    rows: object  # a queryset or a list
    flag: str = ""  # which column says whether a row counts in the numerator
    second_kind: str = ""
    second_rows: object = None


def records_for(metric: str, user, period: Period, body_kind: str, ids=None) -> Records:
    """The records behind ``metric`` (a key of :data:`dashboards.metrics.RECORD_METRICS`)."""
    if metric not in RECORD_METRICS:
        raise KeyError(metric)
    if metric == "meetings_held":
        return Records("meetings", meetings_queryset(user, period, body_kind, ids, Meeting.State.HELD))
    if metric == "meetings_cancelled":
        return Records("meetings", meetings_queryset(user, period, body_kind, ids, Meeting.State.CANCELLED))
    if metric in _ITEM_FILTERS:
        flag = "voice" if metric == "employee_voice_share" else ""
        return Records("items", items_queryset(user, period, body_kind, ids, _ITEM_FILTERS[metric]), flag)
    if metric == "employee_seat_fill_rate":
        return Records("seats", seats_queryset(user, period, body_kind, ids), "filled")
    if metric == "employee_requests":
        return Records("requests", requests_queryset(user, period, body_kind, ids))
    if metric == "employee_initiatives":
        return Records(
            "requests", requests_queryset(user, period, body_kind, ids),
            second_kind="measures", second_rows=measures_list(user, period, ids, initiated=True),
        )
    if metric == "measures":
        return Records("measures", measures_list(user, period, ids))
    if metric == "measures_initiated":
        return Records("measures", measures_list(user, period, ids, initiated=True))
    if metric == "measures_affecting_employees":
        return Records("measures", measures_list(user, period, ids, affecting=True))
    if metric == "measures_consulted_early":
        return Records("measures", measures_list(user, period, ids, early=True))
    if metric in ("early_involvement_share", "median_max_level"):
        return Records("measures", measures_list(user, period, ids, affecting=True), "early")
    raise KeyError(metric)  # pragma: no cover - every RECORD_METRICS key is handled above


def has_voice(item) -> bool:
    return bool(item.employee_proposal or item.employee_request or item.employee_statement)


def evidence_phrases(item, limit: int = 6) -> list[str]:
    """The distinct phrases the classifier matched, in order, a tied one as "phrase → tie"
    (for tables and exports)."""
    seen: list[str] = []
    for entry in item.climate_evidence or []:
        phrase = evidence_label(entry) if isinstance(entry, dict) else str(entry)
        if phrase and phrase.lower() not in (p.lower() for p in seen):
            seen.append(phrase)
    return seen[:limit]


# --- the national comparison ----------------------------------------------------------------------

@dataclass
class ComparisonRow:
    municipality: Municipality
    card: Scorecard


SORT_KEYS = {"name", "county", "population", "data_last_imported", *(m.key for m in METRICS)}


def sort_rows(rows: list[ComparisonRow], sort: str) -> list[ComparisonRow]:
    """Sort by a column; ``-`` in front sorts descending. Rows without data always come last."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        key, descending = "name", False

    def value(row: ComparisonRow):
        if key == "name":
            return row.municipality.name.lower()
        if key == "county":
            return (row.municipality.county_name.lower(), row.municipality.name.lower())
        if key == "population":
            return row.municipality.population
        return row.card.value(key)

    by_name = sorted(rows, key=lambda r: (r.municipality.name.lower(), r.municipality.number))
    present = [r for r in by_name if value(r) is not None]
    missing = [r for r in by_name if value(r) is None]
    present.sort(key=value, reverse=descending)
    return present + missing


def topic_heatmap(user, period: Period, body_kind: str, ids=None, *, raw: bool = False) -> dict[str, dict[str, int]]:
    """Agenda items on each topic per municipality: items of held meetings in scope linked to a
    climate measure with the topic (as in the agenda-coverage matrix). One query, on the
    precomputed statistics when they apply (:mod:`dashboards.statistics`)."""
    from . import statistics

    if not raw and statistics.applies(user):
        return statistics.topic_heatmap(period, body_kind, ids)
    rows = topic_rows(scope.items(user, period, body_kind, ids), number="municipality")
    result: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        result[row["number"]][row["topic"]] = row["n"]
    return dict(result)


def latest_meetings(user, municipality, limit: int = 10) -> list[Meeting]:
    """The municipality's latest meetings the user may see (drafts only for their own municipality)."""
    return list(
        Meeting.objects.visible_to(user)
        .filter(body__municipality=municipality)
        .select_related("body")
        .order_by("-date", "-start_time")[:limit]
    )


def visible_body_meetings(user, body) -> QuerySet:
    """Meetings of ``body`` the user may see, with their items, for the calendar feed."""
    return (
        Meeting.objects.visible_to(user)
        .filter(body=body)
        .prefetch_related(Prefetch("items", queryset=AgendaItem.objects.visible_to(user).order_by("position")))
        .order_by("date", "start_time", "id")
    )
