"""An agenda title printed with no label after it ends where the minutes' first sentence begins
(imports.parsers.titles.cut_sentence), in flattened and line-broken protocols, bokmål and nynorsk."""

from __future__ import annotations

import pytest

from imports.parsers import parse_text
from imports.parsers import titles as t
from tests.importers.synthetic_docs import flattened


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Budsjett for skolen Kommunedirektøren orienterte om saken.", "Budsjett for skolen"),
        ("Reguleringsplan for sentrum Saka vart utsett.", "Reguleringsplan for sentrum"),
        ("Godkjenning av innkalling og saksliste Innkalling og saksliste ble godkjent.",
         "Godkjenning av innkalling og saksliste"),
        ("Plan for Nordre Vik Saken ble utsatt til neste møte.", "Plan for Nordre Vik"),
        # present tense, and a subject that opens with an acronym (a web transcript of a case paper)
        ("Oppføring av lager - samtykke ABC Bygg ønsker å oppføre et lager.", "Oppføring av lager - samtykke"),
        ("Tilskot til lag og foreiningar Kommunedirektøren meiner at ordninga bør halde fram.",
         "Tilskot til lag og foreiningar"),
        ("Søknad om løyve til NAV Fjordby", "Søknad om løyve til NAV Fjordby"),
        # no sentence: names, organisations and a title ending in a full stop stay whole
        ("Avtale med Fjordby kommune om vegane", "Avtale med Fjordby kommune om vegane"),
        ("Søknad om tilskot frå Fjordby Idrettslag", "Søknad om tilskot frå Fjordby Idrettslag"),
        ("Oppfølging av selskaper mv. - Sammen om framtida AS", "Oppfølging av selskaper mv. - Sammen om framtida AS"),
        ("Spørsmål fra Nils Vik om skolen.", "Spørsmål fra Nils Vik om skolen."),
    ],
)  # fmt: skip
def test_cut_sentence(title, expected):
    assert t.cut_sentence(title) == expected


PROTOCOL_NB = """Møteprotokoll
Formannskapet
Dato: 12.03.2024
Tid: 10:00 - 14:00
Sted: Rådhuset

PS 12/24 Godkjenning av innkalling og saksliste
Innkalling og saksliste ble godkjent.
PS 13/24 Budsjett for skolen
Kommunedirektøren orienterte om saken. Enstemmig vedtatt.
PS 14/24 Reguleringsplan for sentrum
Saken ble utsatt til neste møte.
"""
PROTOCOL_NN = """Møtebok
Formannskapet
Dato: 12.03.2024
Tid: 10:00 - 14:00
Stad: Heradshuset

Sak 12/24 Godkjenning av innkalling og sakliste
Innkalling og sakliste vart godkjend utan merknader.
Sak 13/24 Budsjett for skulen
Formannskapet drøfta saka. Samrøystes vedteke.
Sak 14/24 Reguleringsplan for sentrum
Saka vart utsett.
"""
TITLES_NB = ["Godkjenning av innkalling og saksliste", "Budsjett for skolen", "Reguleringsplan for sentrum"]
TITLES_NN = ["Godkjenning av innkalling og sakliste", "Budsjett for skulen", "Reguleringsplan for sentrum"]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (PROTOCOL_NB, TITLES_NB),
        (flattened(PROTOCOL_NB), TITLES_NB),
        (PROTOCOL_NN, TITLES_NN),
        (flattened(PROTOCOL_NN), TITLES_NN),
    ],
)
def test_titles_without_a_saksliste_end_before_the_minutes(text, titles):
    meeting = parse_text(text).meetings[0]
    assert [(i.case_number, i.title) for i in meeting.items] == list(
        zip(["12/2024", "13/2024", "14/2024"], titles, strict=True)
    )
