"""Fixtures for the measures tests, on top of tests/conftest.py's users and world.

``mworld`` adds to the world (A = 4628 Vaksdal, B = 3105 Sarpsborg):

- ``item_a2`` (the parking item of ``pub_a``, 07.02.2023) classified as linked to working conditions;
- ``measure_a``: "Parkeringsavgift for tilsette" in A, decided 01.02.2023 by the council, affects
  commuting, topic transport, linked to ``item_a2``;
- ``event_hr``: a level-2 PSU event on 07.02.2023 recorded by HR (employer side);
- ``event_rep``: a level-1 information event on 10.01.2023 recorded by the union representative;
- ``measure_b``: a measure in B.
"""
from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model

from measures.models import Involvement, Level, Side
from meetings.models import AgendaItem
from tests.helpers.measures import parking_fee_measure, union_rep_informed

from .factories import InvolvementFactory, MeasureFactory


@pytest.fixture
def mworld(world):
    w = world
    AgendaItem.objects.filter(pk=w.item_a2.pk).update(climate_level=AgendaItem.ClimateLevel.LINKED)
    w.item_a2.refresh_from_db()
    w.measure_a = parking_fee_measure(w)
    w.event_hr = InvolvementFactory(
        measure=w.measure_a, date=datetime.date(2023, 2, 7), arena=Involvement.Arena.PSU, level=Level.CONSULTED,
        agenda_item=w.item_a2, recorded_by=w.users["hr_a"], recorded_by_side=Side.EMPLOYER,
        position=Involvement.Position.OPPOSES, unions=[w.org["Fagforbundet"]],
    )
    w.event_rep = union_rep_informed(w)
    w.measure_b = MeasureFactory(municipality=w.b, title="Energisparing", topics=["energy"])
    return w


@pytest.fixture
def user_named():
    def get(username):
        return get_user_model().objects.get(username=username)

    return get
