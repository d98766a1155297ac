"""The item page and the import review show an ambiguous word's tie to climate."""

from __future__ import annotations

import pytest

from meetings.classification import classify_item
from meetings.climate import evidence_phrases


@pytest.mark.django_db
def test_item_page_shows_the_tie(world, client_for):
    item = world.item_a2
    item.title = "Parkering ved rådhuset"
    item.text = "Færre parkeringsplassar skal kutte utslepp frå bilkøyring."
    item.save()
    classify_item(item)
    item.refresh_from_db()
    assert item.climate_evidence[0]["tie"]["phrase"] == "utslepp"
    html = " ".join(client_for("hr_a").get(f"/items/{item.pk}/").content.decode().split())
    assert '<td lang="no">parkeringsplassar</td><td>Saksframlegg</td><td>Parkering</td><td><span lang="no">utslepp</span> (Saksframlegg)</td>' in html


def test_review_phrases_show_the_tie_and_keep_untied_phrases():
    evidence = [
        {"phrase": "Parkering", "field": "title", "start": 0, "end": 9, "category": "parking",
         "tie": {"phrase": "klimaplanen", "field": "text", "start": 30, "end": 41, "category": "climate"}},
        {"phrase": "klimaplanen", "field": "text", "start": 30, "end": 41, "category": "climate"},
        {"phrase": "klimaplanen", "field": "decision", "start": 0, "end": 11, "category": "climate"},
    ]
    assert evidence_phrases(evidence) == ["Parkering → klimaplanen", "klimaplanen"]


def test_dashboard_evidence_phrases_show_the_tie():
    from dashboards.queries import evidence_phrases as dashboard_phrases

    class Item:
        climate_evidence = [
            {"phrase": "parkering", "field": "text", "category": "parking",
             "tie": {"phrase": "klimaplanen", "field": "text", "category": "climate"}},
            {"phrase": "Parkering", "field": "title", "category": "parking"},
            {"phrase": "klimaplanen", "field": "text", "category": "climate"},
        ]

    assert dashboard_phrases(Item()) == ["parkering → klimaplanen", "Parkering", "klimaplanen"]
