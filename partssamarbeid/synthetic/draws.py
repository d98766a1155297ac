"""Random draws and the calendar: weighted choices, meeting days and election periods."""
from __future__ import annotations

import datetime
import random

from .config import ELECTION_YEARS


def weighted(rng: random.Random, pairs):
    """One value of ``pairs`` ((value, weight) ...), drawn with one ``rng.random()``."""
    total = sum(w for _v, w in pairs)
    x = rng.random() * total
    for value, weight in pairs:
        x -= weight
        if x < 0:
            return value
    return pairs[-1][0]


def weekday_in(rng: random.Random, year: int, month: int) -> datetime.date:
    """A Tuesday, Wednesday or Thursday early in the month."""
    day = datetime.date(year, month, rng.randint(2, 22))
    while day.weekday() not in (1, 2, 3):  # Tuesday to Thursday
        day += datetime.timedelta(days=1)
    return day


def periods(first: datetime.date, last: datetime.date) -> list[tuple[datetime.date, datetime.date | None]]:
    """Election periods overlapping [first, last]: (start, end), the current one open-ended."""
    starts = [datetime.date(y, 10, 15) for y in ELECTION_YEARS]
    found = []
    for index, start in enumerate(starts[:-1]):
        end = starts[index + 1] - datetime.timedelta(days=1)
        if end < first or start > last:
            continue
        found.append((start, end if end < last else None))
    return found


def period_index(spans: list[tuple[datetime.date, datetime.date | None]], day: datetime.date) -> int:
    """The index of the period in ``spans`` (from :func:`periods`) that holds ``day``."""
    return next(i for i, (s, e) in enumerate(spans) if s <= day and (e is None or day <= e))
