"""Elements / ePhorte (Sikri, Tieto) layout, usually bokmål.

Header 'Møtedato/Møtested/Tidspunkt', tables 'Faste medlemmer som møtte: Navn Funksjon
Representerer', 'Forfall', 'Varamedlemmer som møtte: Navn Møtte for Representerer', 'Fra
administrasjonen møtte', 'Saksliste Saksnr Tittel', items 'PS 4/24 ...' with 'Rådmannens
innstilling', 'Behandling', 'Vedtak'.
"""

from __future__ import annotations

import re

from . import common as c
from . import sections as sec
from .generic import ADMIN_STOP_RE, TAIL_RE, Layout, parse_with_layout
from .types import ParsedMeeting

NAME = "elements"
_I = re.IGNORECASE
DETECT_CHARS = 60_000

MARKERS = [
    re.compile(p, _I)
    for p in (
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
]

ELEMENTS = Layout(
    labels=sec.ItemLabels(
        admin=c.ADMIN_LABEL_RE,
        handling=sec.HANDLING_RE,
        decision=sec.DECISION_LABEL_RE,
        admin_stop=ADMIN_STOP_RE,
    ),
    tail=TAIL_RE,
)


def detect(text: str) -> float:
    """Share of Elements markers found (1.0 = certainly Elements)."""
    head = text[:DETECT_CHARS]
    return min(1.0, sum(1 for m in MARKERS if m.search(head)) / 4)


def parse(text: str) -> tuple[list[ParsedMeeting], list[str]]:
    """One meeting from an Elements notice or protocol."""
    return parse_with_layout(text, ELEMENTS)
