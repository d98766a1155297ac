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
