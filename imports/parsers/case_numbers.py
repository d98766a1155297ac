"""Case numbers in running text ('PS 4/24' -> '04/2024'), item types and procedural items."""

from __future__ import annotations

import re

from .dates import full_year

_I = re.IGNORECASE

CASE_RE = re.compile(
    r"(?<![\w/.])(?:(PS|RS|OS|DS|FS|OR|Sak|Saknr\.?|Sak\s+nr\.?)\s*)?(\d{1,4})\s?/\s?(\d{4}|\d{2})(?![\w/])"
)


def case_number(prefix: str | None, number: str, year: str) -> str | None:
    """Normalise '4/24' -> '04/2024'; reject archive ids like '23/1070'."""
    if len(year) == 2 and not prefix:
        return None
    yr = full_year(year)
    if not 1990 <= yr <= 2099 or len(number) > 3 or int(number) == 0:
        return None
    return f"{int(number):02d}/{yr}"


def find_cases(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[str, int, int, str | None]]:
    """All case numbers in text[start:end] as (case, start, end, prefix)."""
    out = []
    for m in CASE_RE.finditer(text, start, len(text) if end is None else end):
        cn = case_number(m.group(1), m.group(2), m.group(3))
        if cn:
            out.append((cn, m.start(), m.end(), m.group(1)))
    return out


TYPE_PREFIXES = {"PS": "PS", "RS": "RS", "OS": "orientering", "OR": "orientering", "DS": "drofting"}


def item_type(prefix: str | None, title: str) -> str:
    """PS/RS/orientering/drofting from a printed prefix or the title."""
    if prefix and prefix.upper() in TYPE_PREFIXES:
        return TYPE_PREFIXES[prefix.upper()]
    low = title.lower().lstrip()
    if low.startswith(("orientering", "orienteringssak", "informasjon om", "informasjonssak")):
        return "orientering"
    if low.startswith(("drøfting", "drøftingssak", "drøftingsmøte")):
        return "drofting"
    return "PS"


PROCEDURAL_RE = re.compile(
    r"godkjenn\w*\s+(?:av\s+)?(?:møte)?(?:innkalling|saksliste|sakliste|dagsorden|protokoll|"
    r"møtebok|referat)|innkalling\s+og\s+saksliste|referatsak\w*|referat-?\s*og\s+"
    r"(?:orientering|melding)\w*|\bmeldingar\b|\bmeldinger\b|delegerte\s+vedtak|"
    r"(?:val|valg)\s+av\s+\w+\s+(?:\w+\s+)?til\s+(?:å\s+)?(?:signere|underskrive|godkjenne)|"
    r"underskriving\s+av\s+protokoll|protokollunderskri\w*|protokollen\s+godkjennes|"
    r"konstituering",
    _I,
)


def is_procedural(title: str, type_: str = "PS") -> bool:
    """Approval of notice/agenda/minutes, referatsaker and similar formalities."""
    return type_ == "RS" or bool(PROCEDURAL_RE.search(title))
