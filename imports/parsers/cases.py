"""The agenda (saksliste) series that case numbers make.

The case-number-shaped tokens of a text and their readings come from :mod:`.case_tokens`
(re-exported here). The agenda keeps the readings that form one consistent series
(:func:`agenda_series`): the prefix style of the first numbers, one year (the meeting's or the
document's), increasing numbers; stripped numbers are recovered from their neighbours.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from .case_tokens import CaseToken, Reading, scan
from .case_tokens import index_cases as index_cases  # re-exported: cases.index_cases

AGENDA_MAX_CHARS = 200_000


def choose_readings(tokens: list[CaseToken], year_hint: int | None = None) -> None:
    """Give each token the reading shared by most tokens of its series (then nearest the year)."""
    groups: Counter = Counter()
    for t in tokens:
        for r in t.readings:
            if r.form not in ("stripped", "stripped_year"):
                groups[(t.series, r.form, r.year)] += 1

    def rank(t: CaseToken, r: Reading) -> tuple:
        distance = abs(r.year - year_hint) if year_hint else 0
        return (-groups[(t.series, r.form, r.year)], distance, r.form != "normal")

    for t in tokens:
        if t.readings:
            t.chosen = min(t.readings, key=lambda r, t=t: rank(t, r))
            t.number, t.year = t.chosen.number, t.chosen.year


@dataclass
class Series:
    """The case numbers of an agenda, in order, and where the agenda ends."""

    tokens: list[CaseToken] = field(default_factory=list)
    end: int | None = None
    prefixed: bool = False
    year: int | None = None


SAMPLE = 6


def agenda_series(
    text: str, start: int, end: int, year_hint: int | None = None
) -> Series:
    """The consistent series of case numbers that an agenda in text[start:end] is made of.

    The series stops where a case number repeats (the body of the document begins).
    """
    end = min(end, start + AGENDA_MAX_CHARS)
    tokens = [t for t in scan(text, start, end) if t.readings and not t.reference and t.titled]
    choose_readings(tokens, year_hint)
    known = [t for t in tokens if t.number is not None and t.year]
    if not known:
        return _year_stripped_series(tokens, year_hint)
    prefixed = prefixed_style(known[:SAMPLE])  # full case numbers only
    year = series_year(tokens, prefixed, year_hint)
    if year is None:
        return Series()
    series = _collect(tokens, Series(prefixed=prefixed, year=year), year)
    recover_stripped(series.tokens)
    series.tokens = [t for t in series.tokens if t.number is not None]
    return series


def prefixed_style(sample: list[CaseToken]) -> bool:
    """The agenda prints its numbers with a prefix ('PS 1/19', 'Sak 1/19') when most of its
    first numbers have one; on a tie, when the first has one."""
    with_prefix = sum(1 for t in sample if t.prefix) * 2
    return with_prefix > len(sample) or (with_prefix == len(sample) and bool(sample[0].prefix))


def series_year(tokens: list[CaseToken], prefixed: bool, year_hint: int | None) -> int | None:
    """The year most numbers in the agenda's style share; on a tie, the one nearest the hint, then
    the latest (None: no number of that style has a year)."""
    years = Counter(t.year for t in tokens if bool(t.prefix) == prefixed and t.number is not None and t.year)
    if not years:
        return None
    best = max(years.values())
    candidates = [y for y, n in years.items() if n == best]
    return min(candidates, key=lambda y: (abs(y - year_hint) if year_hint else 0, -y))


@dataclass
class _Listed:
    """The numbers a series has taken so far: by (series, number), by number, and the last of each series."""

    seen: set[tuple[str, int]] = field(default_factory=set)
    numbers: set[int] = field(default_factory=set)
    last: dict[str, int] = field(default_factory=dict)

    def add(self, series: str, number: int) -> None:
        self.seen.add((series, number))
        self.numbers.add(number)
        self.last[series] = number


def ends_series(t: CaseToken, listed: _Listed, year: int) -> bool:
    """A number of the series' year (or with its year stripped) listed before: the body begins."""
    return t.number is not None and t.year in (year, 0) and _repeats((t.series, t.number), listed.seen, listed.numbers)


def continues_stripped(number: int, listed: _Listed, series: Series) -> bool:
    """A number whose year was stripped belongs to an unprefixed series only where it starts the
    series or continues it (the next number, or one number skipped)."""
    if series.prefixed:
        return False
    previous = listed.last.get("", -1)
    return not series.tokens or previous < number <= previous + 2


def fits_style(t: CaseToken, prefixed: bool, year: int) -> bool:
    """The number is printed in the series' style (with or without a prefix) and of its year;
    a prefixed series also takes the years next to it ('PS 1/20' after 'PS 55/19')."""
    if bool(t.prefix) != prefixed or t.year is None:
        return False
    return abs(t.year - year) <= (1 if prefixed else 0)


def out_of_sequence(t: CaseToken, listed: _Listed, prefixed: bool) -> bool:
    """In an unprefixed series a number lower than the last of its series is a reference."""
    return t.number is not None and not prefixed and t.number < listed.last.get(t.series, 0)


def _collect(tokens: list[CaseToken], series: Series, year: int) -> Series:
    """Take the tokens that belong to the series of ``year``, in order, until a number repeats."""
    listed = _Listed()
    for t in tokens:
        if ends_series(t, listed, year):
            series.end = t.start
            break
        if t.year == 0 and t.number is not None:  # year stripped (its number is always read)
            if continues_stripped(t.number, listed, series):
                t.year = year
                listed.add(t.series, t.number)
                series.tokens.append(t)
            continue
        if not fits_style(t, series.prefixed, year) or out_of_sequence(t, listed, series.prefixed):
            continue
        if t.number is not None:
            listed.add(t.series, t.number)
        series.tokens.append(t)
    return series


def _repeats(key: tuple[str, int | None], seen: set[tuple[str, int]], numbers: set[int]) -> bool:
    """The number was listed before: in its own series, or printed once with and once without
    a type ('12/19' in the saksliste, 'PS 12/19' in the body). PS 5/11 and RS 5/11 differ."""
    series, number = key
    if key in seen:
        return True
    if series:
        return ("", number) in seen
    return number in numbers


def _year_stripped_series(tokens: list[CaseToken], year_hint: int | None) -> Series:
    """An agenda whose numbers all lost their year ('57 / / 3855 ...'): the document's year."""
    if not year_hint:
        return Series()
    series = Series(year=year_hint)
    seen: set[int] = set()
    for t in tokens:
        if t.chosen is None or t.chosen.form != "stripped_year":
            continue
        if t.number in seen:
            series.end = t.start
            break
        seen.add(t.number)
        t.year = year_hint
        series.tokens.append(t)
    return series


def recover_stripped(tokens: list[CaseToken]) -> None:
    """Number stripped tokens ('/13') from the numbers around them where the gap allows it."""
    i = 0
    while i < len(tokens):
        if tokens[i].number is not None:
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].number is None:
            j += 1
        before = tokens[i - 1].number if i > 0 else None
        after = tokens[j].number if j < len(tokens) else None
        run = j - i
        first = stripped_run_start(before, after, run)
        if first is not None:
            for k in range(run):
                tokens[i + k].number = first + k
                tokens[i + k].recovered = True
        i = j


def stripped_run_start(before: int | None, after: int | None, run: int) -> int | None:
    """The number of the first of ``run`` stripped tokens between the numbers ``before`` and
    ``after``: the next after ``before`` where the gap holds the run, else (at the start of the
    series) counted back from ``after``; None where the gap is too small."""
    if before is not None and (after is None or after - before - 1 >= run):
        return before + 1
    if before is None and after is not None and after - run >= 1:
        return after - run
    return None


def year_hint_from(text: str, date: dt.date | None) -> int | None:
    """The meeting's year, or the year most four-digit case and archive numbers share."""
    if date:
        return date.year
    years = Counter(
        r.year
        for t in scan(text, 0, min(len(text), 20_000), light=True)
        for r in t.readings
        if r.form not in ("stripped", "stripped_year") and len(t.readings) == 1
    )
    return years.most_common(1)[0][0] if years else None
