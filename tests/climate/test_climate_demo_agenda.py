"""The demo agenda reproduces the research figures (DOMAIN.md) through the classifier."""

from __future__ import annotations

from collections import Counter

import pytest

from meetings import demo_agenda as demo
from meetings.climate import assess_environment, classify


def levels(items: list[dict]) -> Counter:
    return Counter(classify(i["title"], demo.case_paper_text(i)).level for i in items)


def assessments(items: list[dict]) -> Counter:
    return Counter(assess_environment(demo.case_paper_text(i)) for i in items)


def titles_at(items: list[dict], level: str) -> list[str]:
    return [
        i["title"] for i in items if classify(i["title"], demo.case_paper_text(i)).level == level
    ]


def test_lillestrom_38_items_14_climate_2_linked():
    items = demo.LILLESTROM_ITEMS
    assert len(items) == 38
    assert levels(items) == Counter({"none": 24, "mentions": 12, "linked": 2})
    assert titles_at(items, "linked") == [
        "Parkeringsavgift for ansatte",
        "Budsjettnotat: oljepris, det grønne skiftet og lønnsdannelsen",
    ]
    assert "Miljøfyrtårn-sertifisering av vaskeri- og renholdstjenesten" in titles_at(
        items, "mentions"
    )


def test_sarpsborg_46_items_11_climate_9_assessed():
    items = demo.SARPSBORG_ITEMS
    assert len(items) == 46
    assert levels(items) == Counter({"none": 35, "mentions": 9, "linked": 2})
    climate = [t for t in titles_at(items, "mentions") + titles_at(items, "linked")]
    assert sum(t.startswith("Handlingsplan") for t in climate) == 4
    assert sum(t.startswith(("Årsrapport", "Årsmelding")) for t in climate) == 3
    assert "Energisparetiltak i kommunale bygg (PSU 29.09.2022)" in climate
    assert titles_at(items, "linked") == [
        "Miljø i arbeidsreglementet (PSU 01.12.2022)",
        "Leasing av elsykkel og elbil for ansatte",
    ]
    counts = assessments(items)
    assert counts["consequences"] == 9
    assert counts["none_found"] + counts["not_assessed"] == 37
    assert counts["none_found"] > 0 and counts["not_assessed"] > 0


def test_vaksdal_has_two_climate_items():
    """Issue 14: the union representative's demo municipality shows climate items and measures."""
    assert levels(demo.VAKSDAL_ITEMS) == Counter({"none": len(demo.VAKSDAL_ITEMS) - 2, "linked": 2})
    assert 10 <= len(demo.VAKSDAL_ITEMS) <= 15


def test_kongsberg_has_a_few_climate_items():
    assert 10 <= len(demo.KONGSBERG_ITEMS) <= 15
    assert levels(demo.KONGSBERG_ITEMS) == Counter({"none": 8, "mentions": 3, "linked": 1})


@pytest.mark.parametrize("name", list(demo.ITEMS_BY_MUNICIPALITY))
def test_item_shape(name):
    for item in demo.ITEMS_BY_MUNICIPALITY[name]:
        assert {"title", "text", "type", "procedural", "env_section"} <= set(item) <= {
            "title", "text", "type", "procedural", "env_section", "date", "proposals"
        }
        assert item["type"] in {"PS", "RS", "orientering"}
        assert isinstance(item["procedural"], bool)
        assert item["title"] and item["text"]
        sentences = item["text"].count(".")
        assert 1 <= sentences <= 4, item["title"]


def test_item_extras_name_existing_items():
    titles = {item["title"] for items in demo.ITEMS_BY_MUNICIPALITY.values() for item in items}
    assert set(demo.ITEM_EXTRAS) <= titles
    pinned = {item["title"]: item["date"] for item in demo.SARPSBORG_ITEMS if "date" in item}
    assert pinned == {
        "Energisparetiltak i kommunale bygg (PSU 29.09.2022)": "2022-09-29",
        "Miljø i arbeidsreglementet (PSU 01.12.2022)": "2022-12-01",
    }
