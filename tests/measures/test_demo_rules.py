"""The rules that place the demo measures and their events around the anchor meeting, table-driven."""
from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

from measures.demo import MEASURE_DEFAULTS, DemoEvent, DemoMeasure, event_day, event_values, measure_values
from measures.models import Involvement, Level

D = datetime.date
ANCHOR = D(2022, 9, 29)
ITEM = SimpleNamespace(meeting=SimpleNamespace(body=SimpleNamespace(name="PSU Sarpsborg")))


def spec(values=None, decision="", proposed_offset=None) -> DemoMeasure:
    return DemoMeasure("3105", "T", "T", D(2020, 1, 1), values or {}, (), (), decision, proposed_offset)


# (spec, item, the values that differ from MEASURE_DEFAULTS)
MEASURE_VALUES = [
    (spec(), ITEM, {}),
    (spec({"status": "decided", "decision_date": D(2021, 1, 1)}), ITEM, {"status": "decided", "decision_date": D(2021, 1, 1)}),
    # decided in the anchor meeting: its date and item override the spec's own
    (spec({"decision_date": D(2021, 1, 1)}, decision="anchor"), ITEM, {"decision_date": ANCHOR, "decision_item": ITEM}),
    (spec(decision="anchor"), None, {"decision_date": ANCHOR}),
    # proposed some days before (or after) the anchor
    (spec(proposed_offset=-30), ITEM, {"proposed_date": D(2022, 8, 30)}),
    (spec(proposed_offset=0), None, {"proposed_date": ANCHOR}),
]


@pytest.mark.parametrize(("demo", "item", "changed"), MEASURE_VALUES)
def test_measure_values(demo, item, changed):
    assert measure_values(demo, item, ANCHOR) == {**MEASURE_DEFAULTS, **changed}


def event(offset_or_date, **kwargs) -> DemoEvent:
    return DemoEvent(offset_or_date, Involvement.Arena.PSU, Level.CONSULTED, Involvement.RaisedBy.EMPLOYER, **kwargs)


# (offset or date, the event's day)
EVENT_DAY = [(0, ANCHOR), (14, D(2022, 10, 13)), (-29, D(2022, 8, 31)), (D(2013, 5, 2), D(2013, 5, 2))]


@pytest.mark.parametrize(("offset_or_date", "expected"), EVENT_DAY)
def test_event_day(offset_or_date, expected):
    assert event_day(event(offset_or_date), ANCHOR) == expected


# (event, item, arena detail, agenda item)
EVENT_VALUES = [
    (event(0), ITEM, "", None),
    (event(0, arena_detail="Arbeidsgruppe"), ITEM, "Arbeidsgruppe", None),
    # in the meeting: the item, and the body's name unless the event names its own arena
    (event(0, in_meeting=True), ITEM, "PSU Sarpsborg", ITEM),
    (event(0, in_meeting=True, arena_detail="Drøftingsmøte"), ITEM, "Drøftingsmøte", ITEM),
    # the anchor item is absent in this database
    (event(0, in_meeting=True), None, "", None),
]


@pytest.mark.parametrize(("demo_event", "item", "arena_detail", "agenda_item"), EVENT_VALUES)
def test_event_values(demo_event, item, arena_detail, agenda_item):
    assert event_values(demo_event, item) == {
        "level": Level.CONSULTED,
        "raised_by": Involvement.RaisedBy.EMPLOYER,
        "arena_detail": arena_detail,
        "position": Involvement.Position.NOT_STATED,
        "position_text": "",
        "agenda_item": agenda_item,
        "recorded_by_side": "employer",
    }
