"""The published metrics, for pages, exports, the API and the methodology page: each one's key,
label, definition and kind, declared once (:data:`METRICS`).
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


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
