"""Case numbers in all their printed forms, and the agenda (saksliste) series they make.

A meeting document prints case numbers as ``PS 1/19``, ``RS 2/19``, ``FO 15/18``, ``Sak 21/14``,
``Saknr. 21/14``, ``Sak nr. 12/2015``, ``SAK 51/14``, ``AMU-sak 3/12``, ``FS-044/13``, ``023/17``,
``12/2015``, year first ``2013/21`` or ``PS 15/1`` (case 1 of 2015), and transcripts strip the
digits before the slash (``/13``). The same shape is used by archive numbers (``13/441``,
``2018/720-3``), journal numbers and gnr/bnr (``103/5``), so a number is read in every way its
shape allows (:func:`scan`) and the agenda keeps the readings that form one consistent series
(:func:`agenda_series`): the prefix style of the first numbers, one year (the meeting's or the
document's), increasing numbers; stripped numbers are recovered from their neighbours.

Case numbers are written ``NN/YYYY`` (``01/2015``), so year-first numbers are unambiguous.
All regexes are linear-time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

TYPE_CODES = frozenset({"PS", "RS", "OS", "DS", "FS", "OR", "FO", "ES", "KS", "US", "MS"})
_CODE_RE = "|".join(sorted(TYPE_CODES))
TOKEN_RE = re.compile(
    r"(?<![\w/.,\-])"
    r"(?:(?P<prefix>(?:" + _CODE_RE + r")(?![\w])|SAK(?:\s?NR\.?)?|Sak(?:s?\s?nr\.?)?|Saksnr\.?|"
    r"[A-ZÆØÅ]{2,6}-sak|[A-ZÆØÅ]{2,6}\s?-(?=\s?\d))\s*:?\s*)?"
    r"(?P<a>\d{1,4})?\s?/\s?(?P<b>\d{1,4})"
    r"(?![\w/]|-\d|\s?/\s?\d)"
)
# a number whose year was stripped: '31/ Etablering', '57 / / 3855 Godkjenning' (archive stripped too)
STRIPPED_YEAR_RE = re.compile(
    r"(?<![\w/.,\-])(?P<a>\d{1,3})\s?/(?:\s?/\s?\d{2,6})?(?=\s+[^\W\d_]{2})"
)
# lower-case words before a number that make it a reference ('i sak 47/13', 'jf. 12/14')
REFERENCE_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?:sak|saka|saken|sakene|saker|jf|jfr|sjå|se|vedtak|vedtaket|fondsstyresak|"
    r"arkivsak|journalpost|l\.nr|lnr|ref|nr)\.?:?|gnr|bnr|gnr/bnr|-)\s*$"
)
ARCHIVE_LABEL_BEFORE_RE = re.compile(
    r"(?:Arkivsak\w*|Arkivsaknr|Arkiv\s+sakid|Journalpost\w*|Referanse|Vår\s+ref|Dykkar\s+ref|"
    r"Deres\s+ref|Saksnr)\.?\s*:?\s*$",
    re.IGNORECASE,
)


TITLE_AFTER_RE = re.compile(r"\s*:?\s*(?:\d{1,4}/\d{0,6}(?:-\d{1,3})?\s+)?[^\W\d_]{2}")
# an agenda entry is followed by its title (or the next number of a flattened column), not by
# a comma, another reference or running text: 'FU sakene 31/12, 35/12 til behandling'
TITLED_RE = re.compile(
    r"\s*:?\s*(?:(?:\d{1,4}/\d{0,6}(?:-\d{1,3})?|/\s?\d{2,6})\s+(?:[-–]\s+)?)?"
    r"(?:[A-ZÆØÅÄÖÜÉÁ0-9«\"(]|$)"
)


NEXT_YEAR = dt.date.today().year + 1  # no meeting document is dated later
AGENDA_MAX_CHARS = 200_000


def plausible_year(year: int) -> bool:
    return 1995 <= year <= NEXT_YEAR


def two_digit_year(value: int) -> int:
    """'13' -> 2013, '98' -> 1998 (the century that keeps the year in the past or next year)."""
    return 2000 + value if value <= NEXT_YEAR % 100 else 1900 + value


@dataclass(frozen=True)
class Reading:
    """One way of reading a printed number: case ``number`` (None when stripped) of ``year``."""

    number: int | None
    year: int
    form: str  # "normal", "year_first" or "stripped"


@dataclass
class CaseToken:
    """A printed case-number-shaped token and the readings its shape allows."""

    start: int
    end: int
    prefix: str | None
    printed: str
    readings: list[Reading]
    reference: bool = False
    titled: bool = True
    chosen: Reading | None = None
    number: int | None = None
    year: int | None = None
    recovered: bool = False

    @property
    def series(self) -> str:
        """'PS', 'RS', ... for typed numbers; '' for plain and 'Sak'-labelled ones (one series)."""
        return self.prefix if self.prefix in TYPE_CODES else ""

    @property
    def case(self) -> str | None:
        if self.number is None or self.year is None:
            return None
        return format_case(self.number, self.year)


def format_case(number: int, year: int) -> str:
    return f"{number:02d}/{year}"


def normalise_prefix(raw: str | None) -> str | None:
    """'PS' -> 'PS'; 'Sak nr.' / 'SAK' / 'Saknr.' -> 'SAK'; 'AMU-sak' -> 'AMU'; 'FS-' -> 'FS'."""
    if not raw:
        return None
    word = raw.strip(" :.-").split("-")[0].split()[0]
    upper = word.upper()
    if upper.startswith("SAK"):
        return "SAK"
    return upper


def readings(prefix: str | None, a: str | None, b: str) -> list[Reading]:
    """Every plausible reading of '<a>/<b>' (a None: digits before the slash stripped)."""
    out: list[Reading] = []
    nb = int(b)
    if a is None:
        if len(b) == 2 and plausible_year(two_digit_year(nb)):
            out.append(Reading(None, two_digit_year(nb), "stripped"))
        return out
    na = int(a)
    if len(b) == 4:
        if len(a) <= 3 and na > 0 and plausible_year(nb):
            out.append(Reading(na, nb, "normal"))
        return out
    if len(a) == 4:
        if len(b) <= 3 and nb > 0 and plausible_year(na):
            out.append(Reading(nb, na, "year_first"))
        return out
    if len(b) == 2 and len(a) <= 3 and na > 0 and plausible_year(two_digit_year(nb)):
        out.append(Reading(na, two_digit_year(nb), "normal"))
    if prefix and len(a) == 2 and nb > 0 and len(b) <= 3 and plausible_year(two_digit_year(na)):
        out.append(Reading(nb, two_digit_year(na), "year_first"))
    return out


def scan(text: str, start: int = 0, end: int | None = None, *, light: bool = False) -> list[CaseToken]:
    """All case-number-shaped tokens in text[start:end] with their possible readings.

    ``light`` skips what only the agenda needs (references, titles, numbers without a year).
    """
    end = len(text) if end is None else end
    tokens: list[CaseToken] = []
    for m in _token_matches(text, start, end):
        prefix = normalise_prefix(m.group("prefix"))
        found = readings(prefix, m.group("a"), m.group("b"))
        if light:
            tokens.append(CaseToken(m.start(), m.end(), prefix, m.group(0), found))
            continue
        before = text[max(0, m.start() - 24) : m.start()]
        reference = prefix is None and m.group("a") is not None and bool(
            REFERENCE_BEFORE_RE.search(before) or ARCHIVE_LABEL_BEFORE_RE.search(before)
        )
        if m.group("a") is None and not TITLE_AFTER_RE.match(text, m.end(), min(len(text), m.end() + 40)):
            found = []  # a stripped number is a case only where a title follows it
        titled = bool(TITLED_RE.match(text, m.end(), min(len(text), m.end() + 30)))
        tokens.append(CaseToken(m.start(), m.end(), prefix, m.group(0), found, reference, titled))
    if light:
        return tokens
    for m in STRIPPED_YEAR_RE.finditer(text, start, end):
        before = text[max(0, m.start() - 24) : m.start()]
        if int(m.group("a")) > 0 and not (
            REFERENCE_BEFORE_RE.search(before) or ARCHIVE_LABEL_BEFORE_RE.search(before)
        ):
            reading = Reading(int(m.group("a")), 0, "stripped_year")
            tokens.append(CaseToken(m.start(), m.end(), None, m.group(0), [reading]))
    tokens.sort(key=lambda t: t.start)
    return tokens


TOKEN_REACH = 20  # the longest prefix and number before a slash ('SAK NR.: 100/')


def _token_matches(text: str, start: int, end: int):
    """TOKEN_RE's matches in text[start:end], tried only around each slash (fast on long texts)."""
    pos = start
    while True:
        slash = text.find("/", pos, end)
        if slash < 0:
            return
        window = max(pos, slash - TOKEN_REACH)
        m = TOKEN_RE.search(text, window, min(end, slash + 12))
        while m and m.end() <= slash:
            m = TOKEN_RE.search(text, m.end(), min(end, slash + 12))
        if m and m.start() <= slash:
            yield m
            pos = m.end()
        else:
            pos = slash + 1


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
    sample = known[:SAMPLE]  # full case numbers only
    with_prefix = sum(1 for t in sample if t.prefix) * 2
    prefixed = with_prefix > len(sample) or (with_prefix == len(sample) and bool(sample[0].prefix))
    mode = [t for t in tokens if bool(t.prefix) == prefixed]
    years = Counter(t.year for t in mode if t.number is not None and t.year)
    if not years:
        return Series()
    best = max(years.values())
    candidates = [y for y, n in years.items() if n == best]
    year = min(candidates, key=lambda y: (abs(y - year_hint) if year_hint else 0, -y))
    series = Series(prefixed=prefixed, year=year)
    seen: set[tuple[str, int]] = set()
    numbers: set[int] = set()
    last: dict[str, int] = {}
    for t in tokens:
        key = (t.series, t.number)
        if t.number is not None and t.year in (year, 0) and _repeats(key, seen, numbers):
            series.end = t.start
            break
        if t.year == 0:  # year stripped: a case only where it continues the sequence
            previous = last.get("", -1)
            if not prefixed and (not series.tokens or previous < t.number <= previous + 2):
                t.year = year
                seen.add(key)
                numbers.add(t.number)
                last[""] = t.number
                series.tokens.append(t)
            continue
        if bool(t.prefix) != prefixed or t.year is None or abs(t.year - year) > (1 if prefixed else 0):
            continue
        if t.number is not None:
            if not prefixed and t.number < last.get(t.series, 0):
                continue  # a reference out of sequence
            seen.add(key)
            numbers.add(t.number)
            last[t.series] = t.number
        series.tokens.append(t)
    recover_stripped(series.tokens)
    series.tokens = [t for t in series.tokens if t.number is not None]
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
        if before is not None and (after is None or after - before - 1 >= run):
            first = before + 1
        elif after is not None and after - run >= 1 and before is None:
            first = after - run
        else:
            first = None
        if first is not None:
            for k in range(run):
                tokens[i + k].number = first + k
                tokens[i + k].recovered = True
        i = j


def index_cases(text: str, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """Positions of every reading of every case-number-shaped token, by case number."""
    index: dict[str, list[tuple[int, int]]] = {}
    for m in _token_matches(text, start, end):
        raw = m.group("prefix")
        for r in readings(normalise_prefix(raw) if raw else None, m.group("a"), m.group("b")):
            if r.number is not None:
                index.setdefault(format_case(r.number, r.year), []).append(m.span())
    return index


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
