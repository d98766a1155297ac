"""Server-side SVG charts: accessible names, numbers written out, escaping, no inline CSS."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from django.utils import translation

from dashboards.charts import SHADES, Bar, bar_chart, heatmap, histogram_bins, shade

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}text")]


def test_bar_chart_is_an_image_with_a_title_and_description():
    with translation.override("en"):
        svg = bar_chart("c1", [Bar("2021", 42.5), Bar("2022", None), Bar("2023", 100)], title="Index <per> year",
                        desc="Same as the table", max_value=100, no_data="no data")
    root = parse(svg)
    assert (root.get("role"), root.get("aria-labelledby")) == ("img", "c1-title c1-desc")
    assert root.find(f"{SVG}title").text == "Index <per> year" and root.find(f"{SVG}title").get("id") == "c1-title"
    assert root.find(f"{SVG}desc").text == "Same as the table"
    assert [t for t in texts(root) if t in ("42.5", "no data", "100")][-3:] == ["42.5", "no data", "100"]
    assert len(root.findall(f"{SVG}rect")) == 2  # no bar for "no data"
    assert "style" not in svg and "<script" not in svg


def test_numbers_follow_the_language():
    with translation.override("nb"):
        root = parse(bar_chart("c2", [Bar("2021", 42.5)], title="t", desc="d", max_value=100))
    assert "42,5" in texts(root)


def test_count_charts_have_whole_gridlines():
    with translation.override("en"):
        root = parse(bar_chart("c3", [Bar("a", 3), Bar("b", 0)], title="t", desc="d"))
    assert {"0", "2", "4"} <= set(texts(root))


def test_histogram_bins():
    assert histogram_bins([0, 9.9, 10, 55, 100, 100]) == [
        (0, 10, 2), (10, 20, 1), (20, 30, 0), (30, 40, 0), (40, 50, 0), (50, 60, 1), (60, 70, 0), (70, 80, 0),
        (80, 90, 0), (90, 100, 2),
    ]


def test_heatmap_writes_every_number():
    root = parse(heatmap("h", ["Lillestrøm", "Sarpsborg & co"], ["Energy", "Transport"], [[0, 3], [1, 0]],
                         title="Topics", desc="Items per topic"))
    assert root.get("role") == "img"
    assert texts(root)[:2] == ["Energy", "Transport"]
    assert texts(root)[2:] == ["Lillestrøm", "0", "3", "Sarpsborg & co", "1", "0"]
    fills = [r.get("fill") for r in root.iter(f"{SVG}rect")]
    assert fills[0] == SHADES[0] and fills[1] == SHADES[-1]


def test_shades_keep_text_readable():
    assert shade(0, 5) == (SHADES[0], "#212529")
    assert shade(5, 5) == (SHADES[-1], "#ffffff")
    assert shade(1, 5)[0] == SHADES[1]
