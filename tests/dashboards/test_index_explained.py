"""The index explained wherever it is shown: each part's score, weight and base, and a link to its
definition (scorecard, national table, API). Municipality C, PSU, 2022 (tests/dashboards/conftest.py):
representation 3 of 5 seats, voice 3 of 6 items, initiative 2 initiatives in 2 meetings, climate 3
of 8 items, early involvement 2 of 4 measures -> 69.5."""
from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from dashboards import presentation, scope
from dashboards.metrics import Period, component_base, scorecard

pytestmark = pytest.mark.django_db
YEAR = {"from": "2022-01-01", "to": "2022-12-31"}


def test_component_bases_and_rows(cworld, users):
    import datetime

    card = scorecard("3205", Period(datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)), "PSU", users["adviser"])
    assert {key: component_base(card, key) for key in presentation.metrics.COMPONENT_BASES} == {
        "representation": (3, 5), "voice": (3, 6), "initiative": (2, 2), "climate": (3, 8), "early_involvement": (2, 4),
    }
    with translation.override("en"):
        rows = [(r["key"], r["weight"], r["value"], r["base"], r["points"], r["url"]) for r in presentation.component_rows(card)]
        (index,) = [c for c in presentation.NationalRows(YEAR).cells(card) if c.get("parts")]
        cell = render_to_string("dashboards/national.html#figure-cell", {"cell": index})
    assert rows == [
        ("representation", 20, "60%", "3 of 5", "12.0", "/dashboards/methodology/#index-representation"),
        ("voice", 25, "50%", "3 of 6", "12.5", "/dashboards/methodology/#index-voice"),
        ("initiative", 15, "100%", "2 of 2", "15.0", "/dashboards/methodology/#index-initiative"),
        ("climate", 20, "100%", "3 of 8", "20.0", "/dashboards/methodology/#index-climate"),
        ("early_involvement", 20, "50%", "2 of 4", "10.0", "/dashboards/methodology/#index-early_involvement"),
    ]
    assert cell == (
        '<td><details class="index-parts"><summary>69.5<span class="visually-hidden"> – the index\'s components'
        '</span></summary><ul class="list-unstyled mb-1"><li>Representation: 60%, weight 20, 3 of 5</li>'
        "<li>Voice: 50%, weight 25, 3 of 6</li><li>Initiative: 100%, weight 15, 2 of 2</li>"
        "<li>Climate on the agenda: 100%, weight 20, 3 of 8</li><li>Early involvement: 50%, weight 20, 2 of 4</li>"
        '</ul><a href="/dashboards/methodology/#index">How the index is computed</a></details></td>'
    )


def test_the_scorecard_shows_each_part_with_a_link_to_its_definition(cworld, client_for):
    client = client_for("adviser")
    html = client.get(reverse("dashboards:scorecard", args=["3205"]), YEAR).content.decode()
    row = re.search(r'<tr id="component-voice">(.*?)</tr>', html, re.S).group(1)
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)]
    assert cells == ["Stemme – definisjon", "25", "50 %", "3 av 6", "12,5"]
    assert 'href="/dashboards/methodology/#index-voice"' in row
    methodology = client.get(reverse("dashboards:methodology")).content.decode()
    assert all(f'<tr id="index-{key}">' in methodology for key in presentation.metrics.COMPONENT_BASES)


def test_the_national_table_folds_the_parts_under_the_index(cworld, client_for, monkeypatch):
    monkeypatch.setattr(scope, "MIN_SUBSTANTIVE_ITEMS_FOR_RANKING", 1)  # C has 6 substantive items in 2022
    html = client_for("adviser").get(reverse("dashboards:national"), YEAR).content.decode()
    (cell,) = re.findall(r'<details class="index-parts">.*?</details>', html)
    assert re.findall(r"<li>(.*?)</li>", cell) == [
        "Representasjon: 60 %, vekt 20, 3 av 5", "Stemme: 50 %, vekt 25, 3 av 6",
        "Initiativ: 100 %, vekt 15, 2 av 2", "Klima på sakslisten: 100 %, vekt 20, 3 av 8",
        "Tidlig medvirkning: 50 %, vekt 20, 2 av 4",
    ]
    assert '<summary>69,5<span class="visually-hidden">' in cell and 'href="/dashboards/methodology/#index"' in cell
