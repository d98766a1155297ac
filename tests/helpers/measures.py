"""Measures the world fixtures share (A = 4628 Vaksdal): the parking fee decided on ``item_a2``."""
from __future__ import annotations

import datetime

from measures.models import ClimateMeasure, Involvement, Level, Side
from tests.measures.factories import InvolvementFactory, MeasureFactory


def parking_fee_measure(w):
    """"Parkeringsavgift for tilsette" in A, decided 01.02.2023 by the council, topic transport, on ``item_a2``."""
    return MeasureFactory(
        municipality=w.a,
        title="Parkeringsavgift for tilsette",
        status=ClimateMeasure.Status.DECIDED,
        decision_date=datetime.date(2023, 2, 1),
        decided_by="Kommunestyret",
        topics=["transport"],
        agenda_items=[w.item_a2],
    )


def union_rep_informed(w):
    """A level-1 information meeting on 10.01.2023 about ``measure_a``, recorded by the union representative."""
    return InvolvementFactory(
        measure=w.measure_a, date=datetime.date(2023, 1, 10), arena=Involvement.Arena.INFORMATION,
        level=Level.INFORMED, recorded_by=w.users["union_rep_a"], recorded_by_side=Side.EMPLOYEE,
    )
