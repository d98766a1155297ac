"""Elements / ePhorte (Sikri, Tieto) layout, usually bokmål.

Header 'Møtedato/Møtested/Tidspunkt', tables 'Faste medlemmer som møtte: Navn Funksjon
Representerer', 'Forfall', 'Varamedlemmer som møtte: Navn Møtte for Representerer', 'Fra
administrasjonen møtte', 'Saksliste Saksnr Tittel', items 'PS 4/24 ...' with 'Rådmannens
innstilling', 'Behandling', 'Vedtak'.
"""

from __future__ import annotations

from .generic import GENERIC, compile_markers, marker_share, parse_with_layout
from .types import ParsedMeeting

NAME = "elements"

MARKERS = compile_markers(
    r"Faste\s+medlemmer\s+(?:som\s+)?møtte",
    r"Varamedlemmer\s+(?:som\s+)?møtte",
    r"Fra\s+administrasjonen\s+møtte",
    r"Navn\s+Funksjon\s+Representerer",
    r"Navn\s+Møtte\s+for\s+Representerer",
    r"Rådmannens\s+innstilling|Kommunedirektørens\s+(?:innstilling|forslag\s+til\s+vedtak)",
    r"Behandling\s+i\s+\w+",
    r"Vedtak\s+i\s+\w+",
    r"Saksnr\s+Tittel|Utvalgs-?\s*saksnr",
    r"Tidspunkt\s*:",
    r"(?<![\w])(?:PS|RS)\s+\d{1,3}/\d{2,4}",
    r"medlemmer\s+(?:som\s+)?(?:hadde|meldte)\s+forfall",
)

ELEMENTS = GENERIC  # Elements' item labels are the common ones


def detect(text: str) -> float:
    """Share of Elements markers found (1.0 = certainly Elements)."""
    return marker_share(text, MARKERS)


def parse(text: str) -> tuple[list[ParsedMeeting], list[str]]:
    """One meeting from an Elements notice or protocol."""
    return parse_with_layout(text, ELEMENTS)
