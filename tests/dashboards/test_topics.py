"""Climate items count under the classifier's topics as well as their measures' topics (issue 14).

On top of the hand-built Lillestrøm of tests/dashboards/conftest.py (2022: i2 and i3 mention
climate without topic evidence, i5 is linked to a transport measure and its evidence says
parking), a Miljøfyrtårn item that the classifier tagged as certification and that no measure is
linked to. The heat map is read from the precomputed statistics and checked against the records.
"""
from __future__ import annotations

import datetime

import pytest
from django.test import TestCase

from dashboards import queries, statistics
from dashboards.scope import Period
from measures.services import coverage_for
from measures.topics import classifier_topics
from meetings.climate.classifier import classify

from ..helpers.scorecard import LILLESTROM
from . import factories as df

pytestmark = pytest.mark.django_db
D = datetime.date
YEAR = Period(D(2022, 1, 1), D(2022, 12, 31))
TITLE = "Miljøfyrtårn-sertifisering av sjukeheimen"


def test_the_classifier_tags_miljofyrtarn_as_certification():
    result = classify(TITLE).to_dict()
    assert result["level"] == "mentions"
    assert classifier_topics(result["evidence"]) == {"certification"}


def test_evidence_that_only_says_climate_gives_no_topic():
    assert classifier_topics([{"phrase": "klima", "field": "title", "start": 0, "end": 5, "category": "climate"}]) == set()
    assert classifier_topics([{"category": "work:parking_fee"}, {"category": "certification"}]) == {
        "transport", "certification"
    }


@pytest.fixture
def certified(cworld):
    result = classify(TITLE).to_dict()
    with TestCase.captureOnCommitCallbacks(execute=True):
        cworld.i9 = df.item(cworld.m1, 9, TITLE, climate_level=result["level"], climate_evidence=result["evidence"])
    return cworld


def test_the_heat_map_counts_the_classified_item(certified, users):
    adviser = users["adviser"]
    assert statistics.applies(adviser)
    heat = queries.topic_heatmap(adviser, YEAR, "PSU")
    assert heat == {LILLESTROM: {"transport": 1, "certification": 1, "none": 2}}
    assert queries.topic_heatmap(adviser, YEAR, "PSU", raw=True) == heat


def test_an_item_counts_under_its_classified_topics_and_its_measures_topics(certified, users):
    with TestCase.captureOnCommitCallbacks(execute=True):
        certified.mD.agenda_items.add(certified.i9)  # mD has no topic: i9 stays under certification only
        certified.mA.agenda_items.add(certified.i2)  # mA is on transport: i2 leaves "no topic"
    heat = queries.topic_heatmap(users["adviser"], YEAR, "PSU")
    assert heat == {LILLESTROM: {"transport": 2, "certification": 1, "none": 1}}
    assert queries.topic_heatmap(users["adviser"], YEAR, "PSU", raw=True) == heat


def test_the_coverage_counts_the_classified_item_under_its_topic(certified, users):
    coverage = coverage_for(users["adviser"], certified.c)
    year = coverage.years.index(2022)
    items = {(row.topic.code if row.topic else None): row.cells[year].items for row in coverage.rows}
    # the coverage counts every visible meeting of the municipality: beside i9 and i5, the climate
    # items without topic evidence are i2, i3, the cancelled meeting's item and the AMU item (the
    # adviser does not see the draft)
    assert {code: n for code, n in items.items() if n} == {"certification": 1, "transport": 1, None: 4}
    certified.i9.delete()
    coverage = coverage_for(users["adviser"], certified.c)
    items = {(row.topic.code if row.topic else None): row.cells[year].items for row in coverage.rows}
    assert {code: n for code, n in items.items() if n} == {"transport": 1, None: 4}


def test_each_coverage_cell_links_to_the_items_it_counts(certified, client_for):
    from django.urls import reverse

    client = client_for("adviser")
    html = client.get(reverse("measures:coverage", args=[LILLESTROM])).content.decode()
    cell_url = reverse("measures:coverage_cell", args=[LILLESTROM, "certification", 2022])
    assert f'href="{cell_url}"' in html
    assert 'class="coverage-shade-1"' in html
    response = client.get(cell_url)
    assert response.status_code == 200
    assert [item.pk for item in response.context["items"]] == [certified.i9.pk]
    assert TITLE in response.content.decode()
    no_topic = client.get(reverse("measures:coverage_cell", args=[LILLESTROM, "none", 2022])).context["items"]
    assert len(no_topic) == 4 and certified.i9.pk not in {item.pk for item in no_topic}
    assert client.get(reverse("measures:coverage_cell", args=[LILLESTROM, "unknown", 2022])).status_code == 404


def test_the_national_page_is_cached_until_a_figure_changes(cworld, client_for, django_assert_max_num_queries):
    """The summary of every municipality is kept until the statistics version changes: a change
    that commits (here a new measure, counted from the records) shows on the next request."""
    from django.urls import reverse

    from dashboards.models import StatisticsVersion

    client = client_for("adviser")
    url = reverse("dashboards:national")
    params = {"from": "2022-01-01", "to": "2022-12-31"}

    def measures_of_lillestrom(response):
        [row] = [r for r in response.context["table"] if r["municipality"].number == LILLESTROM]
        return row["card"].measures

    assert measures_of_lillestrom(client.get(url, params)) == 5
    with django_assert_max_num_queries(8):  # the version, the session and user, the page's own lists
        assert measures_of_lillestrom(client.get(url, params)) == 5
    before = StatisticsVersion.objects.get().number
    with TestCase.captureOnCommitCallbacks(execute=True):
        df.MeasureFactory(municipality=cworld.c, title="Ny", decision_date=D(2022, 10, 1))
    assert StatisticsVersion.objects.get().number > before
    assert measures_of_lillestrom(client.get(url, params)) == 6
