"""Dates ('12.03.2019', '7. februar 2023') and times ('kl. 10:00 - 11:30') in meeting documents.

All regexes are linear-time.
"""

from __future__ import annotations

import datetime as dt
import re

_I = re.IGNORECASE


MONTHS = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}  # fmt: skip
DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])")
LONG_DATE_RE = re.compile(
    r"(?<!\d)(\d{1,2})\.?\s+(januar|februar|mars|april|mai|juni|juli|august|september|oktober|"
    r"november|desember)\s+(\d{4})(?!\d)",
    _I,
)
ANY_DATE_RE = re.compile(DATE_RE.pattern + "|" + LONG_DATE_RE.pattern, _I)
TIME_RANGE_RE = re.compile(
    r"(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:\s*(?:-|–|—|til)\s*|\s+)(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?!\d)",
    _I,
)
TIME_RE = re.compile(r"(?:kl\.?\s*)?(?<!\d)(\d{1,2})[:.](\d{2})(?![\d.])", _I)


def full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def make_date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(full_year(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """First date in ``text`` (dd.mm.yyyy or '7. februar 2023')."""
    m = ANY_DATE_RE.search(text)
    if not m:
        return None
    if m.group(1):
        return make_date(m.group(1), m.group(2), m.group(3))
    return make_date(m.group(4), str(MONTHS[m.group(5).lower()]), m.group(6))


def make_time(hour: str, minute: str) -> dt.time | None:
    try:
        return dt.time(int(hour), int(minute))
    except ValueError:
        return None


def parse_time_range(text: str) -> tuple[dt.time | None, dt.time | None]:
    """('10:00 - 11:30') -> (10:00, 11:30); a single time gives (start, None)."""
    m = TIME_RANGE_RE.search(text)
    if m:
        return make_time(m.group(1), m.group(2)), make_time(m.group(3), m.group(4))
    m = TIME_RE.search(text)
    if m:
        return make_time(m.group(1), m.group(2)), None
    return None, None


_HHMM = r"([01]\d|2[0-3])([0-5]\d)(?![\d.,:/])"
COMPACT_TIME_RE = re.compile(rf"(?:kl\.?\s*)?{_HHMM}(?:\s*(?:-|–|—|til)\s*(?:kl\.?\s*)?{_HHMM})?", _I)


def parse_compact_time(value: str) -> tuple[dt.time | None, dt.time | None]:
    """A time printed without a separator at the start of a time field ('Tidspunkt: 1300',
    'kl 1000 - 1130'); only where a field or 'kl' says it is a time."""
    m = COMPACT_TIME_RE.match(value)
    if not m or (m.group(1) in ("19", "20") and not m.group(3) and not m.group(0)[:1].isalpha()):
        return None, None  # a bare '2019' is a year, not 20:19
    end = make_time(m.group(3), m.group(4)) if m.group(3) else None
    return make_time(m.group(1), m.group(2)), end
