"""Exact metric values from hand-built records (tests/dashboards/conftest.py explains every number)."""
from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dashboards import queries
from dashboards.metrics import (
    API_METRICS,
    RECORD_METRICS,
    Counts,
    gather_counts,
    metrics_by_municipality,
    scorecard,
    scorecard_with_trend,
    total,
)
from dashboards.scope import Period
from measures.models import ClimateMeasure
from municipalities.models import Municipality

from ..helpers.scorecard import LILLESTROM, expected_2022
from . import factories as df

pytestmark = pytest.mark.django_db
D = datetime.date
YEAR = Period(D(2022, 1, 1), D(2022, 12, 31))


def figures(card) -> dict:
    return {key: card.value(key) for key in API_METRICS}


def test_every_figure_for_the_hand_built_municipality(cworld, users):
    card = scorecard(cworld.c, YEAR, "PSU", users["adviser"])
    assert figures(card) == expected_2022()
    assert card.counts.employee_seats == 5 and card.counts.employee_seats_filled == 3
    assert card.counts.max_level_histogram == (1, 0, 2, 0, 1)


@pytest.mark.parametrize("role", ["superuser", "hr_a", "hr_b", "union_rep_a", "adviser"])
def test_the_figures_are_the_same_for_every_role(cworld, users, role):
    """Published records only, for everyone: even HR of the municipality does not see its draft counted."""
    assert figures(scorecard(cworld.c, YEAR, "PSU", users[role])) == expected_2022()


def test_drafts_of_the_own_municipality_are_not_counted_for_its_hr(world, users):
    card = scorecard(world.a, Period(D(2023, 1, 1), D(2023, 12, 31)), "PSU", users["hr_a"])
    # pub_a and pub_a2 held; draft_a (and its item) left out
    assert (card.meetings_held, card.agenda_items) == (2, 3)


def test_the_shared_world_scorecard(world, users):
    """Vaksdal 2023: a union proposal and a request on the parking item; the substitute fills a seat."""
    card = scorecard(world.a, Period(D(2023, 1, 1), D(2023, 12, 31)), "PSU", users["union_rep_a"])
    assert figures(card) == {
        "meetings_held": 2, "meetings_cancelled": 0, "agenda_items": 3, "substantive_items": 2,
        "climate_mentions": 0, "climate_linked": 0, "env_assessed_consequences": 0, "env_not_assessed": 3,
        "employee_seat_fill_rate": 1.0, "employee_voice_share": 0.5, "employee_initiatives": 1,
        "measures": None, "measures_affecting_employees": None, "measures_consulted_early": None,
        "early_involvement_share": None, "median_max_level": None,
        "index": 50.0,  # (20 + 12.5 + 7.5 + 0) / 80 points with data
    }
    assert card.index_weight == 80


def test_anonymous_and_users_without_a_role_count_nothing(cworld):
    from django.contrib.auth.models import AnonymousUser

    from ..factories import UserFactory

    for user in (AnonymousUser(), UserFactory(username="utan_rolle")):
        card = scorecard(cworld.c, YEAR, "PSU", user)
        assert figures(card) == {key: None for key in API_METRICS}


def test_an_empty_period(cworld, users):
    card = scorecard(cworld.c, Period(D(2015, 1, 1), D(2015, 12, 31)), "PSU", users["adviser"])
    assert figures(card) == {key: None for key in API_METRICS}
    assert not card.has_data


def test_only_cancelled_meetings_in_the_period(cworld, users):
    card = scorecard(cworld.c, Period(D(2022, 7, 1), D(2022, 7, 31)), "PSU", users["adviser"])
    assert (card.meetings_held, card.meetings_cancelled, card.agenda_items, card.climate_mentions) == (0, 1, 0, 0)
    assert (card.employee_seat_fill_rate, card.employee_voice_share, card.index) == (None, None, None)
    assert card.measures is None  # no measure has its reference date in July


def test_items_without_proposals_have_no_voice(cworld, users):
    card = scorecard(cworld.c, Period(D(2021, 12, 1), D(2021, 12, 31)), "PSU", users["adviser"])
    assert (card.substantive_items, card.employee_voice_share) == (1, 0.0)
    assert (card.employee_seat_fill_rate, card.measures) == (None, 1)  # mE, decided 31.12.2021


def test_another_body_kind(cworld, users):
    card = scorecard(cworld.c, YEAR, "AMU", users["adviser"])
    assert (card.meetings_held, card.agenda_items, card.climate_mentions) == (1, 1, 1)
    assert card.measures == 5  # measures belong to the municipality, whatever the body kind


def test_not_recorded_attendance_is_left_out_not_absent(cworld, users):
    period = Period(D(2022, 5, 1), D(2022, 5, 1))
    assert scorecard(cworld.c, period, "PSU", users["adviser"]).employee_seat_fill_rate == 0.75
    seats = list(queries.seats_queryset(users["adviser"], period, "PSU", [LILLESTROM]))
    assert sorted((s.display_name, s.status, s.filled) for s in seats) == [
        ("Tillitsvalgt 1", "present", True),
        ("Tillitsvalgt 2", "absent", True),  # the substitute met
        ("Tillitsvalgt 4", "absent", False),
        ("Tillitsvalgt uten sete", "present", True),
    ]


def test_a_measure_without_any_date_counts_when_it_was_registered(cworld, users):
    measure = df.MeasureFactory(municipality=cworld.c, title="Udatert", status=ClimateMeasure.Status.IDEA,
                                decision_date=None, affects_employees=False)
    today = timezone.localdate()
    card = scorecard(cworld.c, Period(today - datetime.timedelta(days=1), today), "PSU", users["adviser"])
    assert card.measures == 1
    assert [m.pk for m in queries.measures_list(users["adviser"], Period(today, today), [LILLESTROM])] == [measure.pk]


def test_the_trend_adds_up_to_the_whole(cworld, users):
    period = Period(D(2021, 6, 1), D(2022, 12, 31))
    whole, trend = scorecard_with_trend(cworld.c, period, "PSU", users["adviser"])
    assert list(trend) == [2021, 2022]
    assert total(t.counts for t in trend.values()) == whole.counts
    assert figures(trend[2022]) == expected_2022()
    assert trend[2021].period == Period(D(2021, 6, 1), D(2021, 12, 31))
    assert (trend[2021].meetings_held, trend[2021].measures) == (1, 1)
    assert whole.meetings_held == 3


def test_counts_are_keyed_by_municipality_and_year(cworld, users):
    counts = gather_counts(users["adviser"], Period(D(2021, 1, 1), D(2023, 12, 31)), "PSU", None)
    assert set(counts) == {("3205", 2021), ("3205", 2022), ("4628", 2023), ("3105", 2023)}
    assert counts[("3105", 2023)] == Counts(meetings_held=1, agenda_items=1, substantive_items=1, env_not_assessed=1,
                                            employee_seats=0)


def test_many_municipalities_at_once(cworld, users):
    period = Period(D(2022, 1, 1), D(2023, 12, 31))
    every = metrics_by_municipality(None, period, "PSU", users["adviser"])
    assert sorted(every) == ["3105", "3205", "4628"]  # municipalities with data
    chosen = metrics_by_municipality(["3205", "0301", "4628"], period, "PSU", users["adviser"])
    assert list(chosen) == ["3205", "0301", "4628"]
    assert not chosen["0301"].has_data and chosen["0301"].meetings_held is None
    assert figures(chosen["3205"]) == figures(every["3205"])
    assert figures(chosen["4628"]) == figures(scorecard("4628", period, "PSU", users["adviser"]))


def test_a_constant_number_of_queries_whatever_the_number_of_municipalities(
    cworld, users, django_capture_on_commit_callbacks
):
    period = Period(D(2021, 1, 1), D(2023, 12, 31))
    user = users["adviser"]
    user.profile  # noqa: B018 - load the profile before counting
    with CaptureQueriesContext(connection) as one:
        metrics_by_municipality(["3205"], period, "PSU", user)
    with django_capture_on_commit_callbacks(execute=True):
        for n, number in enumerate(["1103", "4601", "5001", "1804"]):
            body = df.body(Municipality.objects.get(number=number))
            meeting = df.meeting(body, D(2022, 3, n + 1))
            df.item(meeting, 1, climate_level="mentions")
    with CaptureQueriesContext(connection) as many:
        result = metrics_by_municipality(None, period, "PSU", user)
    assert len(result) == 7
    assert len(one) == len(many) == 3  # two reads of the statistics and one of the measures
    with CaptureQueriesContext(connection) as raw:
        assert metrics_by_municipality(None, period, "PSU", user, raw=True) == result
    assert len(raw) == 6


def test_every_drill_down_lists_exactly_what_its_figure_counts(cworld, users):
    user = users["adviser"]
    card = scorecard(cworld.c, YEAR, "PSU", user)
    for metric, definition in RECORD_METRICS.items():
        found = queries.records_for(metric, user, YEAR, "PSU", [LILLESTROM])
        listed = len(found.rows) if isinstance(found.rows, list) else found.rows.count()
        if metric == "employee_initiatives":
            assert listed + len(found.second_rows) == card.employee_initiatives
        elif definition.is_share:
            counted = [r for r in found.rows if (r.filled if metric == "employee_seat_fill_rate" else
                                                   queries.has_voice(r) if metric == "employee_voice_share" else
                                                   r.summary.timing == "early")]
            assert (len(counted), listed) == (getattr(card.counts, definition.numerator),
                                               getattr(card.counts, definition.denominator)), metric
        elif metric == "median_max_level":
            assert listed == card.measures_affecting_employees
        else:
            assert listed == card.value(metric), metric


def test_drill_down_titles(cworld, users):
    found = queries.records_for("climate_mentions", users["adviser"], YEAR, "PSU", [LILLESTROM])
    assert [i.title for i in found.rows] == ["Referatsaker: klimaregnskap", "Reiseregulativ",
                                             "Parkeringsavgift for ansatte"]
    voice = queries.records_for("employee_voice_share", users["adviser"], YEAR, "PSU", [LILLESTROM])
    assert [(i.title, queries.has_voice(i)) for i in voice.rows] == [
        ("Reiseregulativ", True), ("Arbeidsmiljø i barnehagene", False), ("Parkeringsavgift for ansatte", False),
        ("Orientering om omstilling", True), ("Lønnspolitisk plan", False), ("Heltidskultur", True),
    ]
    early = queries.records_for("measures_consulted_early", users["adviser"], YEAR, "PSU", [LILLESTROM])
    assert [m.title for m in early.rows] == ["mA", "mC"]
    assert [m.title for m in queries.records_for("measures_initiated", users["adviser"], YEAR, "PSU", [LILLESTROM]).rows] == ["mC"]


def test_state_changes_move_the_figures(cworld, users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the statistics refresh after the commit
        cworld.m_draft.published = True
        cworld.m_draft.save()
    card = scorecard(cworld.c, YEAR, "PSU", users["adviser"])
    assert (card.meetings_held, card.agenda_items, card.climate_linked) == (3, 9, 2)
