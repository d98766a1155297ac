"""The scorecard, national comparison, drill-down and methodology pages."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from dashboards import presentation
from dashboards.metrics import METRICS

from ..helpers import page_text

pytestmark = pytest.mark.django_db
YEAR = {"from": "2022-01-01", "to": "2022-12-31"}


def test_the_urls():
    assert reverse("dashboards:scorecard", args=["3205"]) == "/kommuner/3205/scorecard/"
    assert reverse("dashboards:national") == "/dashboards/national/"
    assert reverse("dashboards:national_export", args=["csv"]) == "/dashboards/national/export.csv"
    assert reverse("dashboards:records") == "/dashboards/records/"
    assert reverse("dashboards:records_export", args=["xlsx"]) == "/dashboards/records/export.xlsx"
    assert reverse("dashboards:methodology") == "/dashboards/methodology/"
    assert reverse("dashboards:body_calendar", args=[7]) == "/kommuner/bodies/7/meetings.ics"


def _links(html: str, element_id: str) -> list[str]:
    row = re.search(rf'<tr id="{element_id}">(.*?)</tr>', html, re.S).group(1)
    return re.findall(r'href="([^"]+)"', row)


def test_scorecard_figures_link_to_their_records(cworld, client_for):
    client = client_for("adviser")
    response = client.get(reverse("dashboards:scorecard", args=["3205"]), YEAR)
    assert response.status_code == 200
    html = response.content.decode()
    for metric in METRICS:
        if metric.kind == "index":
            continue
        (url,) = _links(html, f"figure-{metric.key}")
        query = parse_qs(urlparse(url.replace("&amp;", "&")).query)
        assert query == {"from": ["2022-01-01"], "to": ["2022-12-31"], "body_kind": ["PSU"], "metric": [metric.key],
                         "municipality": ["3205"]}
        records = client.get(url.replace("&amp;", "&"))
        assert records.status_code == 200, metric.key
    assert 'id="figure-index">69,5<' in html or 'id="figure-index">69.5<' in html
    # the index sits beside its components
    assert all(str(label) in html for label in ("Representasjon", "Stemme")) or "Representation" in html


def test_scorecard_shows_no_data_not_zero(users, client_for, municipality_a):
    response = client_for("adviser").get(reverse("dashboards:scorecard", args=["0301"]), YEAR)
    text = page_text(response)
    assert response.context["card"].meetings_held is None
    assert text.count(">ingen data<") + text.count(">no data<") >= len(METRICS)


def test_scorecard_trend_charts_and_freshness(cworld, client_for):
    response = client_for("union_rep_a").get(reverse("dashboards:scorecard", args=["3205"]),
                                              {"from": "2021-01-01", "to": "2022-12-31", "body_kind": "PSU"})
    html = response.content.decode()
    assert response.context["years"] == [2021, 2022]
    for chart in ("chart-index-trend", "chart-climate-trend"):
        svg = re.search(rf'<svg[^>]*id="{chart}"[^>]*>(.*?)</svg>', html, re.S)
        assert svg, chart
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in svg.group(0) and 'role="img"' in svg.group(0)
        assert f'<title id="{chart}-title">' in svg.group(1) and f'<desc id="{chart}-desc">' in svg.group(1)
    assert 'id="trend"' in html  # the same data as a table
    assert 'id="data-freshness"' in html
    assert response.context["coverage"].years  # the agenda-coverage matrix of the measures issue


def test_scorecard_rejects_a_bad_period(client_for, municipality_a):
    response = client_for("adviser").get(reverse("dashboards:scorecard", args=["4628"]), {"from": "2023-01-01", "to": "2022-01-01"})
    assert response.status_code == 400
    assert "card" not in response.context


def test_the_municipality_page_links_to_its_scorecard(world, client_for):
    html = client_for("adviser").get(reverse("municipalities:municipality_detail", args=["4628"])).content.decode()
    assert 'href="/kommuner/4628/scorecard/"' in html


def test_national_comparison(cworld, client_for):
    response = client_for("adviser").get(reverse("dashboards:national"), {**YEAR, "sort": "-climate_mentions"})
    assert response.status_code == 200
    table = response.context["table"]
    assert [row["municipality"].number for row in table] == ["3205"]  # by default: those with data
    html = response.content.decode()
    assert 'aria-sort="descending"><a href="?' in html
    assert html.count('aria-sort="none"') == len(METRICS) + 3
    assert 'id="chart-index-distribution"' in html and 'id="distribution"' in html
    assert 'id="chart-topic-heatmap"' in html and 'id="heatmap"' in html
    heat = response.context["heat_rows"]
    # the three climate items of 2022 (tests/dashboards/conftest.py): i5 on transport (linked to a
    # transport measure, and its evidence says parking), i2 and i3 on no topic (no topic evidence)
    assert [(r["municipality"].number, sum(r["values"])) for r in heat] == [("3205", 3)]
    columns = [code for code, _label in presentation.TOPIC_COLUMNS]
    assert {columns[i]: v for i, v in enumerate(heat[0]["values"]) if v} == {"transport": 1, "none": 2}
    # the summary comes first: who reports and since when, the map, then the table
    assert html.index('id="summary"') < html.index('id="tile-map"') < html.index('id="comparison"')
    assert "1 av 357 kommuner rapporterer data (publiserte møter siden 01.12.2021)." in html
    tiles = {t.number: (t.with_data, t.municipalities) for t in response.context["tiles"]}
    assert (len(tiles), tiles["32"], tiles["46"], tiles["03"]) == (15, (1, 21), (0, 43), (0, 1))
    assert '<li class="tile tile-row-6 tile-col-3 tile-shade-1"><a href="?from=2022-01-01&amp;to=2022-12-31&amp;' \
           'body_kind=PSU&amp;county=32&amp;sort=-climate_mentions"><span class="tile-name">Akershus</span>1 av 21</a></li>' \
           in html


def test_all_municipalities_paginated_with_the_counties_in_their_own_table(cworld, client_for):
    client = client_for("adviser")
    first = client.get(reverse("dashboards:national"), {**YEAR, "show_all": "on", "sort": "-climate_mentions"})
    assert first.context["shown_count"] == 357
    assert [row["municipality"].number for row in first.context["table"][:1]] == ["3205"]
    assert len(first.context["table"]) == 50
    assert all(not row["card"].has_data for row in first.context["table"][1:])
    assert len(first.context["county_table"]) == 15
    assert {row["municipality"].kind for row in first.context["county_table"]} == {"county_municipality"}
    html = first.content.decode()
    assert "Side 1 av 8" in html
    assert "page=2" in html and "show_all=on" in html
    last = client.get(reverse("dashboards:national"), {**YEAR, "show_all": "on", "page": "8"})
    assert len(last.context["table"]) == 357 - 7 * 50


def test_too_little_data_is_not_ranked(cworld, client_for):
    response = client_for("adviser").get(reverse("dashboards:national"), {**YEAR, "sort": "-index"})
    row = response.context["table"][0]
    assert (row["municipality"].number, row["card"].counts.substantive_items, row["ranked"]) == ("3205", 6, False)
    assert response.context["ranked_count"] == 0
    html = response.content.decode()
    assert "for lite data" in html
    assert "0 har nok data til å rangeres etter indeksen (minst 10 realitetssaker)." in html
    four_years = client_for("adviser").get(reverse("dashboards:national"),
                                           {"from": "2019-01-01", "to": "2022-12-31", "sort": "-index"})
    row = four_years.context["table"][0]
    assert (row["card"].counts.substantive_items, row["ranked"]) == (7, False)


def test_national_filters(cworld, client_for):
    client = client_for("hr_a")
    only = client.get(reverse("dashboards:national"), YEAR)
    assert [row["municipality"].number for row in only.context["table"]] == ["3205"]
    akershus = client.get(reverse("dashboards:national"), {**YEAR, "county": "32", "show_all": "on"})
    assert {row["municipality"].county_number for row in akershus.context["table"]} == {"32"}
    assert "3205" in [row["municipality"].number for row in akershus.context["table"]]
    unknown = client.get(reverse("dashboards:national"), {**YEAR, "population": "unknown", "show_all": "on"})
    assert all(row["municipality"].population is None for row in unknown.context["table"])
    amu = client.get(reverse("dashboards:national"), {**YEAR, "body_kind": "AMU"})
    assert amu.context["table"][0]["card"].meetings_held == 1
    assert client.get(reverse("dashboards:national"), {"county": "zz"}).status_code == 400


def test_sorting_puts_no_data_last(cworld, client_for):
    client = client_for("adviser")
    for sort in ("index", "-index"):
        table = client.get(reverse("dashboards:national"), {**YEAR, "sort": sort, "show_all": "on"}).context["table"]
        assert table[0]["municipality"].number == "3205"
    names = [row["municipality"].name for row in
             client.get(reverse("dashboards:national"), {**YEAR, "show_all": "on"}).context["table"]]
    assert names == sorted(names, key=str.lower)


def test_records_page(cworld, client_for):
    response = client_for("adviser").get(reverse("dashboards:records"), {**YEAR, "metric": "employee_voice_share", "municipality": "3205", "body_kind": "PSU"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 6
    assert response.context["figure"].text in ("50%", "50 %")
    text = page_text(response)
    assert "Reiseregulativ" in text and "Heltidskultur" in text
    initiatives = client_for("adviser").get(reverse("dashboards:records"), {**YEAR, "metric": "employee_initiatives", "municipality": "3205"})
    assert [m.title for m in initiatives.context["records"].second_rows] == ["mC"]
    national = client_for("adviser").get(reverse("dashboards:records"), {**YEAR, "metric": "climate_mentions"})
    assert national.status_code == 200 and national.context["figure"] is None
    assert client_for("adviser").get(reverse("dashboards:records"), {"metric": "nonsense"}).status_code == 400


def test_methodology_defines_every_figure_and_the_weights(client_for):
    response = client_for("union_rep_a").get(reverse("dashboards:methodology"))
    html = response.content.decode()
    for metric in METRICS:
        assert f'id="metric-{metric.key}"' in html
    assert [w["weight"] for w in response.context["weights"]] == [20, 25, 15, 20, 20]
    assert 'id="index"' in html


BOKMAL_PAGES = [
    "/kommuner/3205/scorecard/?from=2021-01-01&to=2022-12-31", "/kommuner/0301/scorecard/",
    "/dashboards/national/?from=2022-01-01&to=2022-12-31&sort=-index",
    "/dashboards/records/?metric=employee_voice_share&municipality=3205&from=2022-01-01&to=2022-12-31",
    "/dashboards/records/?metric=employee_seat_fill_rate&municipality=3205&from=2022-01-01&to=2022-12-31",
    "/dashboards/records/?metric=employee_initiatives&municipality=3205&from=2022-01-01&to=2022-12-31",
    "/dashboards/records/?metric=meetings_held&from=2022-01-01&to=2022-12-31",
    "/dashboards/methodology/", "/dashboards/records/?metric=x",
]


def test_bokmal_pages_have_no_english_left(cworld, client_for):
    """The dashboard pages in the default language, checked as tests/i18n checks the main pages."""
    from ..i18n.test_catalogues import _ENGLISH, visible_text

    leftovers = {}
    for url in BOKMAL_PAGES:
        response = client_for("adviser").get(url, HTTP_ACCEPT_LANGUAGE="nb")
        assert '<html lang="nb">' in response.content.decode(), url
        words = sorted(set(_ENGLISH.findall(visible_text(response.content.decode()))))
        if words:
            leftovers[url] = words
    assert not leftovers
