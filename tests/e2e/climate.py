"""Climate measures for the browser tests' world (A = 4628 Vaksdal, B = 3105 Sarpsborg).

Added to tests/conftest.py's world by the ``world`` fixture of tests/e2e/conftest.py, so every
measure page listed in pages.py shows real content:

- ``item_a2`` (the parking item of ``pub_a``, 07.02.2023) is linked to working conditions;
- ``measure_a``: "Parkeringsavgift for tilsette", decided 01.02.2023 by the council, affects
  commuting, topic transport, on the agenda as ``item_a2``, one process question answered;
- ``event_hr``: a level-2 PSU event on 07.02.2023 under ``item_a2``, recorded by HR (employer side);
- ``event_rep``: a level-1 information meeting on 10.01.2023, recorded by the union representative;
- ``green_a``: Lina Sørbø, green representative for Fagforbundet in A;
- ``measure_b``: a measure in B.
"""
from __future__ import annotations

import datetime

from measures.models import Involvement, Level, ProcessAnswer, Side
from meetings.models import AgendaItem
from tests.helpers.measures import parking_fee_measure, union_rep_informed
from tests.measures.factories import (
    GreenRepresentativeFactory,
    InvolvementFactory,
    MeasureFactory,
    ProcessAnswerFactory,
)


def add_climate(w):
    w.item_a2.climate_level = AgendaItem.ClimateLevel.LINKED
    w.item_a2.save()  # save(), not update(): derived data may follow saves
    w.measure_a = parking_fee_measure(w)
    ProcessAnswerFactory(
        measure=w.measure_a, question=ProcessAnswer.Question.PURPOSE, answer=ProcessAnswer.Answer.PARTLY,
        note="Behovet er greitt skildra, men ikkje korleis tilsette vert påverka.",
    )
    w.event_hr = InvolvementFactory(
        measure=w.measure_a, date=datetime.date(2023, 2, 7), arena=Involvement.Arena.PSU, level=Level.CONSULTED,
        agenda_item=w.item_a2, recorded_by=w.users["hr_a"], recorded_by_side=Side.EMPLOYER,
        position=Involvement.Position.OPPOSES, position_text="Avgifta rammar dei lågast lønte.",
        unions=[w.org["Fagforbundet"]],
    )
    w.event_rep = union_rep_informed(w)
    w.green_a = GreenRepresentativeFactory(municipality=w.a, person=w.rep.person, union=w.org["Fagforbundet"])
    w.measure_b = MeasureFactory(municipality=w.b, title="Energisparing", topics=["energy"])
    return w
