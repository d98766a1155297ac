"""Header fields a notice or protocol gives in words rather than labels
(imports.parsers.header): the body after 'møte i' ('Protokoll fra møte i Fylkesutvalget',
'Vi kallar inn til møte i Arbeidsmiljøutvalet') and the place where the body 'har møte ... i/på
<place>' (bokmål and nynorsk, line-broken and flattened)."""

from __future__ import annotations

import pytest

from imports.parsers import parse_text
from imports.parsers.header import held_place, meeting_in_body, parse_header
from tests.importers.synthetic_docs import flattened


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protokoll fra møte i Fylkesutvalget Møtested: Fylkeshuset", "Fylkesutvalget"),
        ("Vi kallar med dette inn til møte i arbeidsmiljøutvalet.", "Arbeidsmiljøutvalet"),
        ("Møte i kontrollutvalet i Fjordby kommune", "Kontrollutvalet"),
        ("Innkalling til møte i Partssammensatt utvalg 12.03.2024", "Partssammensatt utvalg"),
        ("Møte i Fjordby kommune", None),  # a municipality, no body
        ("Møte i morgon", None),
    ],
)
def test_meeting_in_body(text, expected):
    assert meeting_in_body(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Formannskapet har møte tysdag 12.03.2024 kl. 10.00 i kommunestyresalen.", "kommunestyresalen"),
        ("Kommunestyret holder møte torsdag kl. 18.00 på Rådhuset. Innkalte:", "Rådhuset"),
        ("Møtet holdes i formannskapssalen med møtestart kl. 08:00.", "formannskapssalen"),
        ("Administrasjonsutvalget har møte i Fjordby rådhus, Lille sal kl. 10.00", "Fjordby rådhus, Lille sal"),
        ("Partssamansett utval held møte på Heradshuset, møterom 2 måndag 4. mars 2024", "Heradshuset, møterom 2"),
        ("Saka har vore handsama i formannskapet.", None),
        ("Det vert halde møte i Administrasjonsutvalet 4. mars.", None),
    ],
)  # fmt: skip
def test_held_place(text, expected):
    assert held_place(text) == expected


def test_a_labelled_body_that_says_meeting_in():
    head = parse_header("Utvalg/styre/råd : Møte i kontrollutvalget i Fjordby kommune Møtedato/tid : 19.02.2009")
    assert head.body == "Kontrollutvalget"


NOTICE_NB = """FJORDBY KOMMUNE
MØTEINNKALLING
Arbeidsmiljøutvalget har møte i Fjordby rådhus, Lille sal 24.04.2024 kl. 12.00
Møtet er åpent for publikum.

Saksliste
PS 3/24 Årsmelding for arbeidsmiljøutvalget
PS 4/24 Sykefravær første kvartal
"""
NOTICE_NN = """Møteinnkalling
Vi kallar med dette inn til møte i Arbeidsmiljøutvalet.
Møtet vert halde på Heradshuset, møterom 2 tysdag 10.09.2024 kl. 12.00.

Sakliste
PS 3/24 Årsmelding for arbeidsmiljøutvalet
PS 4/24 Sjukefråvær første kvartal
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NOTICE_NB, ("Arbeidsmiljøutvalget", "Fjordby rådhus, Lille sal")),
        (flattened(NOTICE_NB), ("Arbeidsmiljøutvalget", "Fjordby rådhus, Lille sal")),
        (NOTICE_NN, ("Arbeidsmiljøutvalet", "Heradshuset, møterom 2")),
        (flattened(NOTICE_NN), ("Arbeidsmiljøutvalet", "Heradshuset, møterom 2")),
    ],
)
def test_notice_says_body_and_place_in_words(text, expected):
    meeting = parse_text(text).meetings[0]
    assert (meeting.body_name, meeting.place) == expected
    assert [i.case_number for i in meeting.items] == ["03/2024", "04/2024"]
