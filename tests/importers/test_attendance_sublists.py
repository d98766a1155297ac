"""Attendance lists of layouts the importer had not seen: roles leading the names with more
roles and parties in parentheses, administration sub-lists inside a list of those present, and
the municipality column of a merger body's tables. All names are fictional."""

from __future__ import annotations

import pytest

from imports.parsers.attendance import read_attendance


def _flattened(text: str) -> str:
    return " ".join(text.split())


def _read(text: str, form: str):
    return read_attendance(_flattened(text) if form == "flattened" else text, protocol=True)


def _people(text: str, form: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.role, p.organisation) for p in _read(text, form)]


def _sides(text: str, form: str) -> dict[str, list[str]]:
    """The names on each side, in order."""
    sides: dict[str, list[str]] = {}
    for p in _read(text, form):
        sides.setdefault(p.side, []).append(p.name)
    return sides


def _presence(text: str, form: str) -> list[tuple[str, bool, str | None]]:
    return [(p.name, p.present, p.substitute_for) for p in _read(text, form)]


def _names(text: str, form: str) -> list[str]:
    return [p.name for p in _read(text, form)]


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


FROM_OTHER_BODIES_BOKMAL = """
Møteprotokoll
Til stede: Kari Fjellheim (AP), Ola Nordvik (H)
Forfall: Randi Storås (SP)
Fra kontrollutvalget møtte: Per Lien og Trine Berg
Fra adm.: Geir Hovland
Sak 1/24 Godkjenning av innkalling
"""

FROM_OTHER_BODIES_NYNORSK = """
Møtebok
Til stades: Solveig Haugland (Sp), Eirik Brekke (Ap)
Frå Vestdal revisjon møtte Marit Eide, Jon Tveit.
Sak 1/24 Godkjenning av innkalling
"""

GLUED_INITIALS = """
Møtebok
Møtande medlemer:
Anna K.Valle AP Leiar
Per O.Dal H Medlem
Stein T.B. Høyer SP Medlem
Sak 1/24 Godkjenning av innkalling
"""

SUBSTITUTE_IN_BOTH_LISTS = """
Møtebok
Møtedeltakarar Parti Rolle
Solveig Haugland AP Leiar
Eirik Brekke H Varamedlem
Forfall Parti Møtande varamedlem
Marit Eide H Eirik Brekke
Sak 1/24 Godkjenning av innkalling
"""

# Each case: the document, what is read of each person, and what is expected.
CASES = {
    # roles lead the names: a role or party in parentheses after a name is that name's
    "roles_lead_bokmal": (
        ROLES_LEAD_BOKMAL,
        _people,
        [
            ("Kari Fjellheim", "Leder", "AP"),
            ("Ola Nordvik", "nestleder", "H"),
            ("Randi Storås", None, "SP"),
            ("Per Lien", "Medlem", "Fagforbundet"),
            ("Trine Berg", None, None),
            ("Geir Hovland", None, "KRF"),
        ],
    ),
    "roles_lead_nynorsk": (
        ROLES_LEAD_NYNORSK,
        _people,
        [
            ("Solveig Haugland", "Leiar", "SP"),
            ("Eirik Brekke", "nestleiar utvalsleiar", "AP"),
            ("Marit Eide", None, "H"),
        ],
    ),
    # administration sub-lists inside a list of those present are not members; a party's short name still groups members
    "admin_sublists_bokmal": (
        ADMIN_SUBLISTS_BOKMAL,
        _sides,
        {
            "political": ["Kari Fjellheim", "Ola Nordvik", "Randi Storås"],
            "employer": ["Anne Vold", "Tor Moe"],
            "other": ["Siri Dal"],
        },
    ),
    "admin_sublists_nynorsk": (
        ADMIN_SUBLISTS_NYNORSK,
        _sides,
        {
            "political": ["Solveig Haugland", "Eirik Brekke"],
            "employer": ["Marit Eide", "Jon Tveit"],
            "other": ["Liv Sande"],
        },
    ),
    "party_groups": (
        PARTY_GROUPS,
        _sides,
        {"political": ["Kari Fjellheim", "Ola Nordvik", "Randi Storås"]},
    ),
    # a merger body's municipality column, by its heading, is not part of the names
    "merger_name_then_municipality": (
        MERGER_NAME_THEN_MUNICIPALITY,
        _people,
        [
            ("Kari Fjellheim", "Leder", "AP"),
            ("Ola Nordvik", "Medlem", "H"),
            ("Per Lien", "Medlem", "SP"),
            ("Trine Berg", None, "SV"),
        ],
    ),
    "merger_municipality_last_nynorsk": (MERGER_MUNICIPALITY_LAST_NYNORSK, _people, MERGER_MEMBERS),
    "merger_municipality_first_nynorsk": (MERGER_MUNICIPALITY_FIRST_NYNORSK, _people, MERGER_MEMBERS),
    # a municipality ending most rows without a heading is not part of the names (a shared surname is no column)
    "merger_without_heading_nynorsk": (
        MERGER_WITHOUT_HEADING_NYNORSK,
        _names,
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
    "merger_without_heading_bokmal": (
        MERGER_WITHOUT_HEADING_BOKMAL,
        _names,
        ["Kari Fjellheim", "Ola Nordvik", "Per Lien", "Randi Storås", "Geir Hovland", "Trine Berg Dahl"],
    ),
    "shared_surname": (
        SHARED_SURNAME,
        _names,
        ["Kari Lunde Hansen", "Per Olav Hansen", "Anne Moen", "Trond Eliassen", "Siri Holm Dahl", "Geir Arne Vik"],
    ),
    # 'møtte på heile eller delar av møtet' is part of the label
    "part_of_the_meeting_nynorsk": (
        PART_OF_THE_MEETING_NYNORSK,
        _sides,
        {"political": ["Solveig Haugland", "Eirik Brekke"], "employer": ["Marit Eide", "Jon Tveit", "Liv Sande"]},
    ),
    "part_of_the_meeting_bokmal": (
        PART_OF_THE_MEETING_BOKMAL,
        _sides,
        {"political": ["Kari Fjellheim", "Ola Nordvik"], "employer": ["Anne Vold", "Tor Moe"]},
    ),
    # 'Fra kontrollutvalget møtte', 'Frå Vestdal revisjon møtte': others present
    "from_other_bodies_bokmal": (
        FROM_OTHER_BODIES_BOKMAL,
        _sides,
        {
            "political": ["Kari Fjellheim", "Ola Nordvik", "Randi Storås"],
            "other": ["Per Lien", "Trine Berg"],
            "employer": ["Geir Hovland"],
        },
    ),
    "from_other_bodies_nynorsk": (
        FROM_OTHER_BODIES_NYNORSK,
        _sides,
        {"political": ["Solveig Haugland", "Eirik Brekke"], "other": ["Marit Eide", "Jon Tveit"]},
    ),
    # an initial printed against the surname ('K.Valle') is an initial of the name
    "glued_initials": (
        GLUED_INITIALS,
        _people,
        [("Anna K. Valle", "Leiar", "AP"), ("Per O. Dal", "Medlem", "H"), ("Stein T.B. Høyer", "Medlem", "SP")],
    ),
    # a substitute among those present and again in the forfall table keeps the member replaced
    "substitute_in_both_lists": (
        SUBSTITUTE_IN_BOTH_LISTS,
        _presence,
        [("Solveig Haugland", True, None), ("Eirik Brekke", True, "Marit Eide"), ("Marit Eide", False, None)],
    ),
}


@pytest.mark.parametrize("form", ["lines", "flattened"])
@pytest.mark.parametrize("case", list(CASES))
def test_attendance_sublists_and_columns(case, form):
    text, read, expected = CASES[case]
    assert read(text, form) == expected
