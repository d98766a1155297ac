"""Charts people can read: each titled on the page, with its text alternative, readable on a phone."""
from __future__ import annotations

import re

import pytest
from django.urls import reverse

from dashboards import presentation

pytestmark = pytest.mark.django_db
YEAR = {"from": "2022-01-01", "to": "2022-12-31"}


def test_the_scorecard_charts_have_visible_titles(cworld, client_for):
    html = client_for("adviser").get(reverse("dashboards:scorecard", args=["3205"]), YEAR).content.decode()
    captions = re.findall(r'<figcaption class="small fw-semibold">(.*?)</figcaption><svg[^>]*id="([^"]+)"', html)
    name = re.search(r'<svg[^>]*id="chart-index-trend".*?<title[^>]*>(.*?)</title>', html, re.S).group(1)
    assert [chart for _title, chart in captions] == ["chart-index-trend", "chart-climate-trend"]
    assert captions[0][0] == name  # the visible title is the chart's own title
    assert name.startswith("Indeks per år,")


def test_the_heat_map_keeps_its_size_in_a_labelled_scroll_box(cworld, client_for):
    html = client_for("adviser").get(reverse("dashboards:national"), YEAR).content.decode()
    figure = re.search(r'<figure class="overflow-auto"[^>]*id="heatmap-figure">(<svg[^>]*>)', html)
    assert 'tabindex="0" role="region" aria-labelledby="heatmap-heading"' in figure.group(0)
    svg = figure.group(1)
    # 170 + 54 x 11 columns (the ten topics and "other") + 150: not shrunk to the phone
    assert (len(presentation.TOPIC_COLUMNS), 'class=""' in svg, 'width="914"' in svg) == (11, True, True)
