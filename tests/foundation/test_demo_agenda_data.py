"""The demo agenda's data file form (meetings.demo_agenda.load_items), table-driven."""
from __future__ import annotations

import pytest

from meetings.demo_agenda import load_items

SHARED = {"innkalling": {"title": "Godkjenning av innkalling", "text": "Innkalling.", "procedural": True}}
EXTRAS = {"Parkering": {"date": "2022-09-29"}}

# (entries of one municipality, the items in the demo format)
LOAD = [
    ([], []),
    # a string names a shared item; defaults filled in
    (
        ["innkalling"],
        [{"title": "Godkjenning av innkalling", "text": "Innkalling.", "type": "PS", "procedural": True, "env_section": ""}],
    ),
    (
        [{"title": "Sykefravær", "text": "7,6 prosent.", "type": "orientering", "env_section": "Ingen."}],
        [{"title": "Sykefravær", "text": "7,6 prosent.", "type": "orientering", "procedural": False, "env_section": "Ingen."}],
    ),
    # the extras of the title are added
    (
        [{"title": "Parkering", "text": "Avgift."}],
        [{"title": "Parkering", "text": "Avgift.", "type": "PS", "procedural": False, "env_section": "", "date": "2022-09-29"}],
    ),
]


@pytest.mark.parametrize(("entries", "expected"), LOAD)
def test_load_items(entries, expected):
    data = {"shared": SHARED, "extras": EXTRAS, "items": {"Fjordby": entries}}
    assert load_items(data) == {"Fjordby": expected}


def test_shared_items_are_separate_dicts():
    items = load_items({"shared": SHARED, "extras": {}, "items": {"A": ["innkalling"], "B": ["innkalling"]}})
    assert items["A"][0] == items["B"][0] and items["A"][0] is not items["B"][0]
