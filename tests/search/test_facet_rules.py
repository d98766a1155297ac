"""The small rules behind the counts per filter value (search.facets), table-driven."""

from __future__ import annotations

import pytest

from search.facets import FACETS, FacetValue, _found, _label, is_selected, sort_values

# (facet, value, filters, selected)
SELECTED = [
    ("municipality", "4628", {"municipality": "4628"}, True),
    ("municipality", "4628", {"municipality": "3105"}, False),
    ("municipality", "4628", {}, False),
    ("topic", "energy", {"topic": "energy", "municipality": "4628"}, True),
    # a year is chosen only when the period is that one year
    ("year", "2023", {"year_from": "2023", "year_to": "2023"}, True),
    ("year", "2023", {"year_from": 2023, "year_to": 2023}, True),
    ("year", "2023", {"year_from": "2022", "year_to": "2023"}, False),
    ("year", "2023", {"year_from": "2023"}, False),
    ("year", "2023", {"year": "2023"}, False),
]


@pytest.mark.parametrize(("facet", "value", "filters", "expected"), SELECTED)
def test_is_selected(facet, value, filters, expected):
    assert is_selected(facet, value, filters) is expected


def fv(value: str, label: str, count: int) -> FacetValue:
    return FacetValue(value, label, count)


CHOICES = {"transport": "Transport", "energy": "Energy", "waste": "Waste"}

# (facet, values as (value, label, count), choices, the values in order)
ORDER = [
    # years newest first
    ("year", [("2021", "2021", 9), ("2023", "2023", 1), ("2022", "2022", 5)], {}, ["2023", "2022", "2021"]),
    # places by count, then by name
    (
        "municipality",
        [("3105", "Sarpsborg", 2), ("4628", "Vaksdal", 7), ("0301", "Oslo", 2)],
        {},
        ["4628", "0301", "3105"],
    ),
    ("county", [("46", "Vestland", 1), ("31", "Østfold", 3)], {}, ["31", "46"]),
    # coded values in the order of their choices, unknown codes last
    (
        "topic",
        [("waste", "Waste", 9), ("gone", "gone", 10), ("transport", "Transport", 1), ("energy", "Energy", 4)],
        CHOICES,
        ["transport", "energy", "waste", "gone"],
    ),
]


@pytest.mark.parametrize(("facet", "values", "choices", "expected"), ORDER)
def test_sort_values(facet, values, choices, expected):
    assert [v.value for v in sort_values(facet, [fv(*v) for v in values], choices)] == expected


NAMES = {("municipality", "4628"): "Vaksdal", ("county", "46"): "Vestland"}

# (facet, value, choices, label)
LABELS = [
    ("topic", "energy", CHOICES, "Energy"),
    ("municipality", "4628", {}, "Vaksdal"),
    ("county", "46", {}, "Vestland"),
    # a number that is a municipality's is not a county's name
    ("county", "4628", {}, "4628"),
    ("topic", "unknown", CHOICES, "unknown"),
    ("year", "2023", {}, "2023"),
]


@pytest.mark.parametrize(("facet", "value", "choices", "expected"), LABELS)
def test_label(facet, value, choices, expected):
    assert _label(facet, value, choices, NAMES) == expected


# (rows as the statement returns them, the (value, count) pairs per facet that has any)
FOUND = [
    ([], {}),
    (
        [("year", 2023, 4, None), ("year", 2022, 1, None), ("type", "item", 5, None)],
        {"year": [("2023", 4), ("2022", 1)], "type": [("item", 5)]},
    ),
    # empty values, zero counts, the total and the page's hits are left out
    (
        [
            ("county", None, 3, None),
            ("county", "", 3, None),
            ("topic", "energy", 0, None),
            ("__total", None, 9, None),
            ("__hit", "12", 1, 0.5),
        ],
        {},
    ),
]


@pytest.mark.parametrize(("rows", "expected"), FOUND)
def test_found(rows, expected):
    assert _found(rows) == {facet: expected.get(facet, []) for facet in FACETS}
