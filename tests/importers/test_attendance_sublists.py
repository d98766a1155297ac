"""Attendance lists of layouts the importer had not seen: roles leading the names with more
roles and parties in parentheses, administration sub-lists inside a list of those present, and
the municipality column of a merger body's tables. All names are fictional."""

from __future__ import annotations

import pytest

from imports.parsers.attendance import read_attendance


def _flattened(text: str) -> str:
    return " ".join(text.split())


def _people(text: str, form: str) -> list[tuple[str, str | None, str | None]]:
    if form == "flattened":
        text = _flattened(text)
    return [(p.name, p.role, p.organisation) for p in read_attendance(text, protocol=True)]


ROLES_LEAD_BOKMAL = """
Møteprotokoll
Til stede:
Leder: Kari Fjellheim (AP), Ola Nordvik (H) (nestleder), Randi Storås (SP)
Medlem: Per Lien (Fagforbundet), Trine Berg, Geir Hovland (KRF)
Sak 1/24 Godkjenning av innkalling
"""

ROLES_LEAD_NYNORSK = """
Møtebok
Til stades:
Leiar Solveig Haugland (Sp), nestleiar Eirik Brekke (Ap) (utvalsleiar), Marit Eide (H)
Sak 1/24 Godkjenning av innkalling
"""


@pytest.mark.parametrize("form", ["lines", "flattened"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            ROLES_LEAD_BOKMAL,
            [
                ("Kari Fjellheim", "Leder", "AP"),
                ("Ola Nordvik", "nestleder", "H"),
                ("Randi Storås", None, "SP"),
                ("Per Lien", "Medlem", "Fagforbundet"),
                ("Trine Berg", None, None),
                ("Geir Hovland", None, "KRF"),
            ],
        ),
        (
            ROLES_LEAD_NYNORSK,
            [
                ("Solveig Haugland", "Leiar", "SP"),
                ("Eirik Brekke", "nestleiar utvalsleiar", "AP"),
                ("Marit Eide", None, "H"),
            ],
        ),
    ],
)
def test_parenthesised_attributes_stay_with_the_name_before_when_roles_lead(text, expected, form):
    assert _people(text, form) == expected


def _sides(text: str, form: str) -> list[tuple[str, str]]:
    if form == "flattened":
        text = _flattened(text)
    return [(p.name, p.side) for p in read_attendance(text, protocol=True)]


ADMIN_SUBLISTS_BOKMAL = """
Møteprotokoll
Til stede:
Kari Fjellheim (AP), Ola Nordvik (H), Randi Storås (SP)
Rådmenn: Anne Vold, Tor Moe
NUI: Siri Dal
Sak 1/24 Godkjenning av innkalling
"""

ADMIN_SUBLISTS_NYNORSK = """
Møtebok
Møtande medlemer:
Solveig Haugland Sp
Eirik Brekke Ap
Kommunalsjefar: Marit Eide, Jon Tveit
NAV: Liv Sande
Sak 1/24 Godkjenning av innkalling
"""

PARTY_GROUPS = """
Møteprotokoll
Til stede:
AP: Kari Fjellheim, Ola Nordvik
SP: Randi Storås
Sak 1/24 Godkjenning av innkalling
"""


@pytest.mark.parametrize("form", ["lines", "flattened"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            ADMIN_SUBLISTS_BOKMAL,
            [
                ("Kari Fjellheim", "political"),
                ("Ola Nordvik", "political"),
                ("Randi Storås", "political"),
                ("Anne Vold", "employer"),
                ("Tor Moe", "employer"),
                ("Siri Dal", "other"),
            ],
        ),
        (
            ADMIN_SUBLISTS_NYNORSK,
            [
                ("Solveig Haugland", "political"),
                ("Eirik Brekke", "political"),
                ("Marit Eide", "employer"),
                ("Jon Tveit", "employer"),
                ("Liv Sande", "other"),
            ],
        ),
        (
            PARTY_GROUPS,
            [("Kari Fjellheim", "political"), ("Ola Nordvik", "political"), ("Randi Storås", "political")],
        ),
    ],
)
def test_administration_sublists_inside_those_present_are_not_members(text, expected, form):
    assert _sides(text, form) == expected


MERGER_NAME_THEN_MUNICIPALITY = """
Møteprotokoll Fellesnemnda
Møtende medlemmer:
Navn Kommune Parti Funksjon
Kari Fjellheim Vestby AP Leder
Ola Nordvik Sørdal H Medlem
Per Lien Vestby SP Medlem
Forfall:
Navn Kommune Parti
Trine Berg Sørdal SV
Sak 1/24 Godkjenning av innkalling
"""

MERGER_MUNICIPALITY_LAST_NYNORSK = """
Møtebok Fellesnemnda
Møtande medlemer:
Namn Parti Kommune
Solveig Haugland Sp Austvik
Eirik Brekke Ap Vestdal
Marit Eide H Austvik
Sak 1/24 Godkjenning av innkalling
"""

MERGER_MUNICIPALITY_FIRST_NYNORSK = """
Møtebok Fellesnemnda
Til stades:
Kommune Namn Parti
Austvik Solveig Haugland Sp
Vestdal Eirik Brekke Ap
Austvik Marit Eide H
Sak 1/24 Godkjenning av innkalling
"""

MERGER_MEMBERS = [("Solveig Haugland", None, "SP"), ("Eirik Brekke", None, "AP"), ("Marit Eide", None, "H")]


@pytest.mark.parametrize("form", ["lines", "flattened"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            MERGER_NAME_THEN_MUNICIPALITY,
            [
                ("Kari Fjellheim", "Leder", "AP"),
                ("Ola Nordvik", "Medlem", "H"),
                ("Per Lien", "Medlem", "SP"),
                ("Trine Berg", None, "SV"),
            ],
        ),
        (MERGER_MUNICIPALITY_LAST_NYNORSK, MERGER_MEMBERS),
        (MERGER_MUNICIPALITY_FIRST_NYNORSK, MERGER_MEMBERS),
    ],
)
def test_a_merger_bodys_municipality_column_is_not_part_of_the_names(text, expected, form):
    assert _people(text, form) == expected


MERGER_WITHOUT_HEADING_NYNORSK = """
Møtebok for Fellesnemnd
Møtedeltakarar Parti Rolle
Solveig Haugland Austvik SP Medlem
Eirik Brekke Austvik AP Medlem
Marit Eide Solheim Austvik H Nestleiar
Torstein Myr Vestdal AP Utvalsleiar
Jorunn Hestetun Vestdal FRP Medlem
Liv Oddny Tveit Vestdal KRF Medlem
Forfall Parti Møtande varamedlem
Karen Lid Vestdal KRF Bjørnar Sandnes
Sakliste
"""

MERGER_WITHOUT_HEADING_BOKMAL = """
Møteprotokoll Fellesnemnda
Til stede:
Kari Fjellheim Vestby AP Leder
Ola Nordvik Sørdal H Nestleder
Per Lien Vestby SP Medlem
Randi Storås Sørdal AP Medlem
Geir Hovland Vestby FRP Medlem
Trine Berg Dahl Sørdal SV Medlem
Sak 1/24 Godkjenning av innkalling
"""

# a surname shared by a few members is no column
SHARED_SURNAME = """
Møteprotokoll
Til stede:
Kari Lunde Hansen AP Leder
Per Olav Hansen SP Medlem
Anne Moen AP Medlem
Trond Eliassen H Medlem
Siri Holm Dahl KRF Medlem
Geir Arne Vik SV Medlem
Sak 1/24 Godkjenning av innkalling
"""


@pytest.mark.parametrize("form", ["lines", "flattened"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            MERGER_WITHOUT_HEADING_NYNORSK,
            [
                "Solveig Haugland",
                "Eirik Brekke",
                "Marit Eide Solheim",
                "Torstein Myr",
                "Jorunn Hestetun",
                "Liv Oddny Tveit",
                "Karen Lid",
                "Bjørnar Sandnes",
            ],
        ),
        (
            MERGER_WITHOUT_HEADING_BOKMAL,
            ["Kari Fjellheim", "Ola Nordvik", "Per Lien", "Randi Storås", "Geir Hovland", "Trine Berg Dahl"],
        ),
        (
            SHARED_SURNAME,
            ["Kari Lunde Hansen", "Per Olav Hansen", "Anne Moen", "Trond Eliassen", "Siri Holm Dahl", "Geir Arne Vik"],
        ),
    ],
)
def test_a_municipality_ending_most_rows_without_a_heading_is_not_part_of_the_names(text, expected, form):
    assert [name for name, _, _ in _people(text, form)] == expected


PART_OF_THE_MEETING_NYNORSK = """
Møteprotokoll
Utval: Fylkesutvalet
Faste medlemer som møtte på heile eller delar av møtet:
Namn Funksjon Representerer
Solveig Haugland Leiar AP
Eirik Brekke Medlem H
Frå administrasjonen møtte på heile eller delar av møtet:
Namn Stilling
Marit Eide fylkesrådmann
Jon Tveit Ass fylkesrådmann
Liv Sande juridisk rådgivar
Sak 1/24 Godkjenning av innkalling
"""

PART_OF_THE_MEETING_BOKMAL = """
Møteprotokoll
Faste medlemmer som møtte på hele eller deler av møtet:
Navn Funksjon Representerer
Kari Fjellheim Leder AP
Ola Nordvik Medlem H
Fra administrasjonen møtte på hele eller deler av møtet:
Navn Stilling
Anne Vold kommunedirektør
Tor Moe økonomisjef
Sak 1/24 Godkjenning av innkalling
"""


@pytest.mark.parametrize("form", ["lines", "flattened"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PART_OF_THE_MEETING_NYNORSK,
            [
                ("Solveig Haugland", "political"),
                ("Eirik Brekke", "political"),
                ("Marit Eide", "employer"),
                ("Jon Tveit", "employer"),
                ("Liv Sande", "employer"),
            ],
        ),
        (
            PART_OF_THE_MEETING_BOKMAL,
            [("Kari Fjellheim", "political"), ("Ola Nordvik", "political"), ("Anne Vold", "employer"), ("Tor Moe", "employer")],
        ),
    ],
)
def test_met_for_all_or_part_of_the_meeting_is_part_of_the_label(text, expected, form):
    assert _sides(text, form) == expected
