"""A small search corpus on top of tests/conftest.py's world (whose rows are indexed by signals).

World rows that matter here: A (Vaksdal) ``item_a2`` "05/2023 Parkeringsavgift for tilsette" with
the administration's proposal "Parkeringsavgift vert innført frå 1. juni." and a union amendment;
a request about trepartssamarbeid; the draft item "12/2023 Utkast: klimabudsjett" (A) and
"20/2023 Utkast: reiseregulativ" (B). Added below in B's published meeting ``pub_b``:
``c1`` to ``c4``, and a measure in A.
"""
from __future__ import annotations

import pytest

from measures.models import ClimateMeasure
from tests import factories as f
from tests.measures.factories import MeasureFactory


@pytest.fixture
def corpus(world):
    w = world
    w.c1 = f.AgendaItemFactory(
        meeting=w.pub_b, position=2, case_number="11/2023", title="Sykkelparkering ved rådhuset",
        text="Det blir bygd nye sykkelstativ under tak.",
    )
    w.c2 = f.AgendaItemFactory(
        meeting=w.pub_b, position=3, case_number="12/2023", title="Nye parkeringsplassar ved sjukeheimen",
        text="Kommunen vil byggje parkeringsplassar for tilsette og besøkande.",
    )
    w.c3 = f.AgendaItemFactory(
        meeting=w.pub_b, position=4, case_number="13/2023", title="Reglement for ansatte",
        decision="Forslaget ble vedtatt.",
    )
    w.c4 = f.AgendaItemFactory(
        meeting=w.pub_b, position=5, case_number="14/2023", title="Budsjett 2024",
        text="Framlegg frå Fagforbundet om fleire lærlingar.",
    )
    w.measure = MeasureFactory(
        municipality=w.a, title="Ladestasjonar for elbil", description="Tilsette kan lade bilen på jobb.",
        status=ClimateMeasure.Status.DECIDED, topics=["transport"],
    )
    return w
