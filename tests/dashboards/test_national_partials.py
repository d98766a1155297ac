"""The national table's markup lives in template partials (``national-row`` and ``figure-cell`` in
dashboards/national.html) fed by :class:`dashboards.presentation.NationalRows`: the exact markup of
a figure with its link, a zero (a figure, linked like any other), "no data", an unranked index and
a row without data. Municipality C, PSU, 2022 (tests/dashboards/conftest.py)."""
from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from dashboards import presentation
from dashboards.metrics import METRICS, Counts, Period, scorecard
from municipalities.models import Municipality

pytestmark = pytest.mark.django_db
YEAR = {"from": "2022-01-01", "to": "2022-12-31", "body_kind": "PSU"}
RECORDS = "/dashboards/records/?from=2022-01-01&amp;to=2022-12-31&amp;body_kind=PSU&amp;metric="
KEYS = [m.key for m in METRICS]


@pytest.fixture
def card(cworld, users):
    return scorecard("3205", Period(datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)), "PSU", users["adviser"])


def cell_html(card, key: str, *, ranked: bool = True, language: str = "nb") -> str:
    with translation.override(language):
        cells = presentation.NationalRows(YEAR).cells(card, ranked)
        return render_to_string("dashboards/national.html#figure-cell", {"cell": cells[KEYS.index(key)]})


def test_a_figure_links_to_its_records_with_a_hidden_label(card):
    assert card.agenda_items == 8
    assert cell_html(card, "agenda_items") == (
        f'<td><a href="{RECORDS}agenda_items&amp;municipality=3205">8'
        '<span class="visually-hidden"> – grunnlaget for «Saker»</span></a></td>'
    )
    assert cell_html(card, "employee_voice_share", language="en") == (
        f'<td><a href="{RECORDS}employee_voice_share&amp;municipality=3205">50%'
        '<span class="visually-hidden"> – records behind “Employee voice”</span></a></td>'
    )


def test_a_zero_is_a_figure_not_no_data(card):
    zero = dataclasses.replace(card, meetings_cancelled=0)
    assert cell_html(zero, "meetings_cancelled") == (
        f'<td><a href="{RECORDS}meetings_cancelled&amp;municipality=3205">0'
        '<span class="visually-hidden"> – grunnlaget for «Avlyste møter»</span></a></td>'
    )


def test_no_data_and_an_unranked_index(card):
    missing = dataclasses.replace(card, median_max_level=None)
    assert cell_html(missing, "median_max_level") == '<td><span class="text-body-secondary">ingen data</span></td>'
    assert cell_html(missing, "median_max_level", language="en") == (
        '<td><span class="text-body-secondary">no data</span></td>'
    )
    assert cell_html(card, "index", ranked=False) == '<td><span class="text-body-secondary">for lite data</span></td>'


def test_a_row_without_data_spans_the_figures(cworld, card):
    empty = dataclasses.replace(card, counts=Counts())
    assert not empty.has_data
    municipality = Municipality.objects.get(number="3205")
    municipality.population = None
    with translation.override("nb"):
        row = presentation.NationalRows(YEAR).row(municipality, empty, ranked=False)
        html = render_to_string("dashboards/national.html#national-row", {
            "row": row, "params_query": "from=2022-01-01&to=2022-12-31&body_kind=PSU", "figure_columns": len(METRICS) + 1,
        })
    assert html == (
        '<tr><th scope="row"><a href="/kommuner/3205/scorecard/?from=2022-01-01&amp;to=2022-12-31&amp;body_kind=PSU">'
        f'{municipality.name}</a> <span class="text-body-secondary">3205</span></th><td>{municipality.county_name}</td>'
        '<td><span class="text-body-secondary">ikke registrert</span></td>'
        '<td class="text-nowrap"><span class="text-body-secondary">ingen data</span></td>'
        f'<td colspan="{len(METRICS) + 1}" class="text-body-secondary">ingen data</td></tr>'
    )
