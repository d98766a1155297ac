"""Big synthetic documents (fictional): many Sing notices in one file, each with many items."""
from __future__ import annotations

import datetime


def notices(meetings: int, items: int, *, first: datetime.date = datetime.date(2024, 1, 9)) -> str:
    """``meetings`` notices a week apart, each with an agenda of ``items`` cases (NN/YYYY)."""
    parts = []
    for m in range(meetings):
        day = first + datetime.timedelta(weeks=m)
        agenda = "\n".join(f"{i + 1:02d}/{day.year} Sak {i + 1} om arbeidsmiljø i møte {m + 1}" for i in range(items))
        parts.append(
            f"Vaksdal kommune\n\nMØTEINNKALLING\n\nADMINISTRASJONSUTVALET\n\nMøtedato: {day:%d.%m.%Y}\n"
            f"Møtestad: Kommunestyresalen\nMøtetid: 10:00 - 11:30\n\nSAKSLISTE\nSAKSNR TITTEL\n{agenda}\n\nhttps://mote.sing.no/vaksdal/\n"
        )
    return "\n".join(parts)
