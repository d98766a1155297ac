"""The pure layer of the metrics: counts add up, figures derive exactly, "no data" is never zero."""
from __future__ import annotations

import datetime

import pytest

from dashboards.metrics import (
    API_METRICS,
    INDEX_WEIGHTS,
    METRICS,
    Counts,
    api_dict,
    derive,
    index_components,
    index_of,
    median_from_histogram,
    share,
    total,
)
from dashboards.scope import Period

D = datetime.date
PERIOD = Period(D(2023, 1, 1), D(2023, 12, 31))


def test_the_api_keys_are_the_metrics_of_the_issue():
    assert API_METRICS == [
        "meetings_held", "meetings_cancelled", "agenda_items", "substantive_items", "climate_mentions",
        "climate_linked", "env_assessed_consequences", "env_not_assessed", "employee_seat_fill_rate",
        "employee_voice_share", "employee_initiatives", "measures", "measures_affecting_employees",
        "measures_consulted_early", "early_involvement_share", "median_max_level", "index",
    ]
    assert sum(INDEX_WEIGHTS.values()) == 100
    assert all(m.definition for m in METRICS)


def test_counts_add_field_by_field():
    a = Counts(meetings_held=2, agenda_items=5, max_level_histogram=(1, 0, 2, 0, 0))
    b = Counts(meetings_held=1, meetings_cancelled=1, max_level_histogram=(0, 0, 1, 0, 3))
    assert a + b == Counts(meetings_held=3, meetings_cancelled=1, agenda_items=5, max_level_histogram=(1, 0, 3, 0, 3))
    assert total([a, b, Counts()]) == a + b
    assert total([]) == Counts()


@pytest.mark.parametrize("numerator, denominator, expected", [(1, 4, 0.25), (0, 3, 0.0), (0, 0, None), (3, 3, 1.0)])
def test_share(numerator, denominator, expected):
    assert share(numerator, denominator) == expected


@pytest.mark.parametrize(
    "histogram, expected",
    [
        ((0, 0, 0, 0, 0), None),
        ((0, 0, 1, 0, 0), 2.0),
        ((0, 0, 1, 0, 1), 3.0),  # even count: mean of the middle two
        ((1, 1, 0, 0, 0), 0.5),
        ((2, 0, 1, 0, 3), 3.0),  # 0 0 2 4 4 4 -> (2 + 4) / 2
        ((0, 3, 0, 1, 1), 1.0),  # 1 1 1 3 4
    ],
)
def test_median_from_histogram(histogram, expected):
    assert median_from_histogram(histogram) == expected


def test_empty_counts_are_no_data_everywhere():
    card = derive("4628", PERIOD, "PSU", Counts())
    assert {key: card.value(key) for key in API_METRICS} == {key: None for key in API_METRICS}
    assert not card.has_data
    assert card.index_weight == 0


def test_only_cancelled_meetings():
    card = derive("4628", PERIOD, "PSU", Counts(meetings_cancelled=2))
    assert (card.meetings_held, card.meetings_cancelled, card.agenda_items, card.substantive_items) == (0, 2, 0, 0)
    assert (card.climate_mentions, card.employee_initiatives) == (0, 0)
    assert (card.employee_seat_fill_rate, card.employee_voice_share, card.index) == (None, None, None)
    assert card.measures is None
    assert card.has_data


def test_every_figure_from_counts_exactly():
    counts = Counts(
        meetings_held=4, meetings_cancelled=1, agenda_items=20, substantive_items=16, climate_mentions=5,
        climate_linked=2, env_assessed_consequences=3, env_not_assessed=12, employee_seats=16,
        employee_seats_filled=12, voice_items=4, employee_requests=2, measures=5, measures_affecting_employees=4,
        measures_consulted_early=1, measures_initiated=1, max_level_histogram=(1, 1, 1, 0, 1),
    )
    card = derive("3205", PERIOD, "PSU", counts)
    assert {key: card.value(key) for key in API_METRICS} == {
        "meetings_held": 4, "meetings_cancelled": 1, "agenda_items": 20, "substantive_items": 16,
        "climate_mentions": 5, "climate_linked": 2, "env_assessed_consequences": 3, "env_not_assessed": 12,
        "employee_seat_fill_rate": 0.75, "employee_voice_share": 0.25, "employee_initiatives": 3,
        "measures": 5, "measures_affecting_employees": 4, "measures_consulted_early": 1,
        "early_involvement_share": 0.25, "median_max_level": 1.5,
        # representation 0.75*20 + voice 0.25*25 + initiative min(1, 3/4)*15 + climate min(1, 0.25/0.25)*20
        # + early 0.25*20 = 15 + 6.25 + 11.25 + 20 + 5 = 57.5
        "index": 57.5,
    }
    assert card.index_weight == 100
    assert [(c.key, c.value, c.weight) for c in card.components] == [
        ("representation", 0.75, 20), ("voice", 0.25, 25), ("initiative", 0.75, 15), ("climate", 1.0, 20),
        ("early_involvement", 0.25, 20),
    ]


def test_index_over_the_components_with_data():
    components = index_components(
        seat_fill_rate=1.0, voice_share=0.5, initiatives=1, meetings_held=2, climate_mentions=0, agenda_items=3,
        early_share=None,
    )
    # (20*1 + 25*0.5 + 15*0.5 + 20*0) / 80
    assert index_of(components) == (50.0, 80)


def test_index_is_no_data_below_half_the_weight():
    components = index_components(
        seat_fill_rate=None, voice_share=None, initiatives=None, meetings_held=None, climate_mentions=None,
        agenda_items=None, early_share=1.0,
    )
    assert index_of(components) == (None, 20)


def test_capped_components():
    components = {c.key: c.value for c in index_components(
        seat_fill_rate=None, voice_share=None, initiatives=9, meetings_held=3, climate_mentions=30, agenda_items=40,
        early_share=None,
    )}
    assert (components["initiative"], components["climate"]) == (1.0, 1.0)


def test_measures_without_meetings():
    card = derive("3205", PERIOD, "PSU", Counts(measures=2, measures_affecting_employees=1, measures_initiated=1,
                                                 measures_consulted_early=1, max_level_histogram=(0, 0, 0, 0, 1)))
    assert card.meetings_held is None and card.agenda_items is None
    assert (card.employee_initiatives, card.measures, card.early_involvement_share, card.median_max_level) == (1, 2, 1.0, 4.0)
    assert card.index is None  # early involvement alone carries 20 points


def test_api_dict_contract():
    counts = Counts(meetings_held=1, agenda_items=3, substantive_items=3, voice_items=1, employee_seats=3,
                    employee_seats_filled=2)
    data = api_dict(derive("3205", Period(D(2020, 5, 27), D(2023, 5, 31)), "PSU", counts))
    assert list(data)[:4] == ["municipality", "from", "to", "body_kind"]
    assert (data["municipality"], data["from"], data["to"], data["body_kind"]) == ("3205", "2020-05-27", "2023-05-31", "PSU")
    assert set(API_METRICS) <= set(data)
    assert (data["employee_seat_fill_rate"], data["employee_voice_share"]) == (0.6667, 0.3333)
    assert data["counts"]["employee_seats"] == 3
