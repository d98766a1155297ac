"""Exact values of the derived involvement summary: first date, highest level, timing, flag."""
from __future__ import annotations

import datetime

import pytest

from measures import services
from measures.models import ClimateMeasure
from measures.services import Timing, is_flagged, timing_for

from .factories import InvolvementFactory, MeasureFactory

D = datetime.date
S = ClimateMeasure.Status
DECISION = D(2022, 6, 1)


# --- the pure rule ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "decision, first_involvement, first_consultation, expected",
    [
        (DECISION, None, None, "never"),
        (DECISION, D(2022, 5, 1), D(2022, 5, 1), "early"),
        (DECISION, DECISION, DECISION, "early"),  # on the decision date: early
        (DECISION, D(2022, 6, 2), D(2022, 6, 2), "late"),  # the day after
        (DECISION, D(2022, 5, 1), None, "late"),  # informed before, never consulted
        (DECISION, D(2022, 5, 1), D(2022, 7, 1), "late"),  # informed before, consulted after
        (None, D(2022, 5, 1), D(2022, 5, 1), "early"),  # no decision date: consultation counts as early
        (None, D(2022, 5, 1), None, "late"),  # no decision date, only informed
        (None, None, None, "never"),
    ],
)
def test_timing_for(decision, first_involvement, first_consultation, expected):
    assert timing_for(decision, first_involvement, first_consultation) == expected


@pytest.mark.parametrize(
    "affects, decided, timing, expected",
    [
        (True, True, Timing.LATE, True),
        (True, True, Timing.NEVER, True),
        (True, True, Timing.EARLY, False),
        (True, False, Timing.NEVER, False),  # not decided yet: still time to consult
        (False, True, Timing.NEVER, False),  # does not affect employees
    ],
)
def test_is_flagged(affects, decided, timing, expected):
    assert is_flagged(affects_employees=affects, decided=decided, timing=timing) is expected


# --- the same rule over stored events ---------------------------------------------------------


def summary(measure) -> tuple:
    loaded = ClimateMeasure.objects.with_involvement_dates().get(pk=measure.pk)
    s = services.summary_of(loaded)
    return (s.first_involvement_date, s.first_consultation_date, s.max_level, s.timing, s.flagged)


def measure_with(events, **values):
    measure = MeasureFactory(**{"decision_date": DECISION, "status": S.DECIDED, **values})
    for day, level in events:
        InvolvementFactory(measure=measure, date=day, level=level)
    return measure


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values, events, expected",
    [
        # consulted on the decision date: early
        ({}, [(DECISION, 2)], (DECISION, DECISION, 2, "early", False)),
        # consulted the day after: late and flagged
        ({}, [(D(2022, 6, 2), 2)], (D(2022, 6, 2), D(2022, 6, 2), 2, "late", True)),
        # informed before, co-developed after: late, highest level 3, first involvement the information
        ({}, [(D(2022, 5, 2), 1), (D(2022, 8, 1), 3)], (D(2022, 5, 2), D(2022, 8, 1), 3, "late", True)),
        # several events, the earliest consultation decides: early, highest level 4 (after the decision)
        (
            {},
            [(D(2022, 3, 1), 1), (D(2022, 4, 1), 2), (D(2022, 9, 1), 4), (D(2022, 2, 1), 0)],
            (D(2022, 3, 1), D(2022, 4, 1), 4, "early", False),
        ),
        # only "not involved" events: never, highest level 0
        ({}, [(D(2022, 5, 1), 0), (D(2022, 7, 1), 0)], (None, None, 0, "never", True)),
        # no events at all
        ({}, [], (None, None, 0, "never", True)),
        # does not affect employees: never flagged
        ({"affects_employees": False}, [(D(2022, 7, 1), 2)], (D(2022, 7, 1), D(2022, 7, 1), 2, "late", False)),
        # no decision date, still a proposal: consultation is early, nothing flagged
        ({"status": S.PROPOSED, "decision_date": None}, [(D(2022, 5, 1), 2)],
         (D(2022, 5, 1), D(2022, 5, 1), 2, "early", False)),
        # no decision date, still an idea, nobody involved: never, not flagged (not decided)
        ({"status": S.IDEA, "decision_date": None}, [], (None, None, 0, "never", False)),
        # no decision date but implemented (decided): only informed -> late and flagged
        ({"status": S.IMPLEMENTED, "decision_date": None}, [(D(2021, 5, 1), 1)],
         (D(2021, 5, 1), None, 1, "late", True)),
        # stopped after a decision without consultation: flagged
        ({"status": S.STOPPED, "stopped_date": D(2022, 9, 1)}, [], (None, None, 0, "never", True)),
        # stopped before any decision: not decided, not flagged
        ({"status": S.STOPPED, "decision_date": None, "stopped_date": D(2022, 9, 1)}, [(D(2022, 8, 1), 1)],
         (D(2022, 8, 1), None, 1, "late", False)),
    ],
)
def test_summary_from_stored_events(values, events, expected):
    assert summary(measure_with(events, **values)) == expected


@pytest.mark.django_db
def test_summary_of_many_measures_in_one_query(django_assert_num_queries):
    early = measure_with([(DECISION, 2)])
    never = measure_with([])
    with django_assert_num_queries(1):
        result = {m.pk: m.summary.timing for m in services.with_summaries(ClimateMeasure.objects.with_involvement_dates())}
    assert result == {early.pk: "early", never.pk: "never"}


@pytest.mark.django_db
def test_timeline_puts_events_on_the_decision_date_before_the_decision():
    measure = measure_with([(D(2022, 6, 2), 1), (DECISION, 2), (D(2022, 5, 1), 1)])
    entries = services.timeline(measure.involvements.all(), DECISION)
    assert [(e.kind, e.date) for e in entries] == [
        ("event", D(2022, 5, 1)), ("event", DECISION), ("decision", DECISION), ("event", D(2022, 6, 2)),
    ]
    assert [e.kind for e in services.timeline(measure.involvements.all(), None)] == ["event"] * 3


@pytest.mark.django_db
def test_not_consulted_list(mworld):
    consulted = measure_with([(DECISION, 2)], municipality=mworld.a, title="Drøfta i tide")
    unaffected = measure_with([], municipality=mworld.a, title="Berører ikke ansatte", affects_employees=False)
    flagged = [m.title for m in services.not_consulted_before_decision(mworld.a)]
    assert flagged == ["Parkeringsavgift for tilsette"]
    assert consulted.title not in flagged and unaffected.title not in flagged
