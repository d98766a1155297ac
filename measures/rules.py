"""The rules a climate measure must keep, one small named function each.

``ClimateMeasure.clean`` runs them in order and attaches each message to the field a person
must change; the database constraints in ``ClimateMeasure.Meta`` hold the same rules for rows
written without a form. A rule takes the measure and yields ``(field, message)`` pairs.
"""
from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

Problem = tuple[str, str]


def decided_after_proposed(m) -> Iterator[Problem]:
    if m.proposed_date and m.decision_date and m.decision_date < m.proposed_date:
        yield "decision_date", _("The decision date cannot be before the proposal date.")


def decision_date_means_decided(m) -> Iterator[Problem]:
    if m.decision_date and m.status in m.UNDECIDED_STATUSES:
        yield "status", _("A measure with a decision date is decided or later; choose another status or clear the date.")


def stopped_has_stop_date(m) -> Iterator[Problem]:
    if m.status == m.Status.STOPPED and not m.stopped_date:
        yield "stopped_date", _("Give the date the measure was stopped.")
    if m.status != m.Status.STOPPED and m.stopped_date:
        yield "stopped_date", _("Only a stopped measure has a stop date.")


def stopped_after_decided_or_proposed(m) -> Iterator[Problem]:
    if not m.stopped_date:
        return
    if m.decision_date and m.stopped_date < m.decision_date:
        yield "stopped_date", _("A measure cannot be stopped before it was decided.")
    elif m.proposed_date and m.stopped_date < m.proposed_date:
        yield "stopped_date", _("A measure cannot be stopped before it was proposed.")


def no_involvement_after_stop(m) -> Iterator[Problem]:
    if m.stopped_date and m.pk and m.involvements.filter(date__gt=m.stopped_date).exists():
        yield "stopped_date", _("Involvement is recorded after this date: a measure cannot be stopped before it.")


def emission_estimate_has_source(m) -> Iterator[Problem]:
    if m.expected_emission_effect is not None and not m.emission_effect_source.strip():
        yield "emission_effect_source", _("Give the source of the emission estimate.")


def employee_effects_known_and_ticked(m) -> Iterator[Problem]:
    unknown = set(m.employee_effects or []) - set(m.EmployeeEffect.values)
    if not isinstance(m.employee_effects, list) or unknown:
        yield "employee_effects", _("Unknown effect on employees.")
    elif m.employee_effects and not m.affects_employees:
        yield "affects_employees", _("Tick this when you say how the measure affects employees.")


def funding_amount_has_source(m) -> Iterator[Problem]:
    if m.funding_amount is not None and not m.funding:
        yield "funding", _("Say where the money comes from.")


def decision_item_in_the_municipality(m) -> Iterator[Problem]:
    if m.decision_item_id and m.municipality_id and m.decision_item.meeting.body.municipality_id != m.municipality_id:
        yield "decision_item", _("The agenda item belongs to another municipality.")


MEASURE_RULES = (
    decided_after_proposed,
    decision_date_means_decided,
    stopped_has_stop_date,
    stopped_after_decided_or_proposed,
    no_involvement_after_stop,
    emission_estimate_has_source,
    employee_effects_known_and_ticked,
    funding_amount_has_source,
    decision_item_in_the_municipality,
)


def problems(measure, rules=MEASURE_RULES) -> dict[str, list[str]]:
    """Every rule's messages, by field (empty when the measure keeps all rules)."""
    errors: dict[str, list[str]] = {}
    for rule in rules:
        for field, message in rule(measure):
            errors.setdefault(field, []).append(message)
    return errors
