"""The small rules behind the agenda coverage (measures.services.coverage), table-driven and pure."""
from __future__ import annotations

import datetime

import pytest

from measures.services.coverage import CoverageTally, column_years

D = datetime.date

# (years with data, the columns)
COLUMNS = [
    (set(), ()),
    ({2021}, (2021,)),
    ({2023, 2020}, (2020, 2021, 2022, 2023)),
    ({2019, 2020}, (2019, 2020)),
]


@pytest.mark.parametrize(("years", "expected"), COLUMNS)
def test_column_years(years, expected):
    assert column_years(years) == expected


TOPICS = {1: {10}, 2: {10, 20}, 3: set()}

# (measure id, its topics in the tally: a measure without topics, or unknown, is in the last row)
TOPICS_OF = [(1, {10}), (2, {10, 20}), (3, {None}), (99, {None})]


@pytest.mark.parametrize(("measure_id", "expected"), TOPICS_OF)
def test_topics_of(measure_id, expected):
    assert CoverageTally(TOPICS).topics_of(measure_id) == expected


# (calls as (measure id, year), measures per (topic, year), years)
ACTIVE = [
    ([], {}, set()),
    ([(1, 2020)], {(10, 2020): {1}}, {2020}),
    ([(2, 2021), (1, 2021)], {(10, 2021): {1, 2}, (20, 2021): {2}}, {2021}),
    ([(3, 2020), (3, 2020), (1, 2022)], {(None, 2020): {3}, (10, 2022): {1}}, {2020, 2022}),
]


@pytest.mark.parametrize(("calls", "measures", "years"), ACTIVE)
def test_active(calls, measures, years):
    tally = CoverageTally(TOPICS)
    for measure_id, year in calls:
        tally.active(measure_id, year)
    assert dict(tally.measures) == measures
    assert tally.years == years


# (events as (measure id, year, level), the highest level per (topic, year))
LEVELS = [
    ([(1, 2020, 2)], {(10, 2020): 2}),
    ([(1, 2020, 3), (1, 2020, 1)], {(10, 2020): 3}),
    ([(1, 2020, 0), (2, 2020, 4), (2, 2021, 1)], {(10, 2020): 4, (20, 2020): 4, (10, 2021): 1, (20, 2021): 1}),
    ([(3, 2022, 0)], {(None, 2022): 0}),
]


@pytest.mark.parametrize(("events", "expected"), LEVELS)
def test_add_level(events, expected):
    tally = CoverageTally(TOPICS)
    for measure_id, year, level in events:
        tally.add_level(measure_id, year, level)
    assert tally.levels == expected
    assert tally.years == set()  # only ``active`` marks a year


# (proposal and decision dates per measure, measures per (topic, year))
DATES = [
    ({1: [None, None]}, {}),
    ({1: [D(2020, 3, 1), D(2021, 1, 5)]}, {(10, 2020): {1}, (10, 2021): {1}}),
    ({3: [None, D(2022, 6, 1)], 2: [D(2022, 1, 1), None]}, {(None, 2022): {3}, (10, 2022): {2}, (20, 2022): {2}}),
]


@pytest.mark.parametrize(("dates", "expected"), DATES)
def test_add_dates(dates, expected):
    tally = CoverageTally(TOPICS)
    tally.add_dates(dates)
    assert dict(tally.measures) == expected


def test_add_items():
    """Every item's year counts; a linked measure is active that year; items counted under their topics."""
    tally = CoverageTally(TOPICS)
    items = [(100, D(2020, 5, 1), 1), (101, D(2021, 2, 1), None), (100, D(2020, 5, 1), 2)]
    tally.add_items(items, {100: (2020, {10, 20}), 101: (2021, {None})})
    assert tally.years == {2020, 2021}
    assert dict(tally.measures) == {(10, 2020): {1, 2}, (20, 2020): {2}}
    assert dict(tally.items) == {(10, 2020): {100}, (20, 2020): {100}, (None, 2021): {101}}
