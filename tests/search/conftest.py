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

#: B's items c1 to c4 in ``pub_b`` (positions 2 to 5): name, case number, title, texts.
CORPUS = (
    ("c1", "11/2023", "Sykkelparkering ved rådhuset", {"text": "Det blir bygd nye sykkelstativ under tak."}),
    ("c2", "12/2023", "Nye parkeringsplassar ved sjukeheimen",
     {"text": "Kommunen vil byggje parkeringsplassar for tilsette og besøkande."}),
    ("c3", "13/2023", "Reglement for ansatte", {"decision": "Forslaget ble vedtatt."}),
    ("c4", "14/2023", "Budsjett 2024", {"text": "Framlegg frå Fagforbundet om fleire lærlingar."}),
)


@pytest.fixture
def corpus(world):
    w = world
    for position, (name, case_number, title, texts) in enumerate(CORPUS, start=2):
        setattr(w, name, f.AgendaItemFactory(meeting=w.pub_b, position=position, case_number=case_number, title=title,
                                             **texts))
    w.measure = MeasureFactory(
        municipality=w.a, title="Ladestasjonar for elbil", description="Tilsette kan lade bilen på jobb.",
        status=ClimateMeasure.Status.DECIDED, topics=["transport"],
    )
    return w
