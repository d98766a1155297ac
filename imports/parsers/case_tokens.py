"""Case-number-shaped tokens and every way their shape allows them to be read.

A meeting document prints case numbers as ``PS 1/19``, ``RS 2/19``, ``FO 15/18``, ``Sak 21/14``,
``Saknr. 21/14``, ``Sak nr. 12/2015``, ``SAK 51/14``, ``AMU-sak 3/12``, ``FS-044/13``, ``023/17``,
``AMU 16/2013``, ``12/2015``, year first ``2013/21`` or ``PS 15/1`` (case 1 of 2015), and transcripts strip the
digits before the slash (``/13``). The same shape is used by archive numbers (``13/441``,
``2018/720-3``), journal numbers and gnr/bnr (``103/5``), so a number is read in every way its
shape allows (:func:`scan`); :mod:`.cases` picks the readings that form the agenda's series.

Case numbers are written ``NN/YYYY`` (``01/2015``), so year-first numbers are unambiguous.
All regexes are linear-time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

TYPE_CODES = frozenset({"PS", "RS", "OS", "DS", "FS", "OR", "FO", "ES", "KS", "US", "MS"})
_CODE_RE = "|".join(sorted(TYPE_CODES))
#: a partssamarbeid body's abbreviation printed before each of its case numbers ('AMU 16/2013')
BODY_CODES = frozenset({"AMU", "HAMU", "PSU", "ADMU"})
_BODY_CODE_RE = "|".join(sorted(BODY_CODES))
TOKEN_RE = re.compile(
    r"(?<![\w/.,\-])"
    r"(?:(?P<prefix>(?:" + _CODE_RE + r")(?![\w])|(?:" + _BODY_CODE_RE + r")(?=\s)|SAK(?:\s?NR\.?)?|Sak(?:s?\s?nr\.?)?|Saksnr\.?|"
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
# a meeting's own number is no case: 'Møte: 6/2014', 'Møte nr. 5/2009', 'Møtenr.: 3/15' (a bare
# 'møte' without a colon may end the previous title: 'protokoll frå førre møte 12/15 Budsjett')
MEETING_NUMBER_BEFORE_RE = re.compile(
    r"(?<![\w])(?:Møte\s*(?:nr\.?|nummer)|Møtenr\.?|Møte(?=\s*:))\s*:?\s*$", re.IGNORECASE
)

# a saksliste's section heading ('Politiske saker 1/16 Ås kommune - ...'), not a reference, where a
# title follows the number
SECTION_HEADING_BEFORE_RE = re.compile(r"(?<![\w])[A-ZÆØÅ][\wæøå]+\s+saker\s*$")


TITLE_AFTER_RE = re.compile(r"\s*:?\s*(?:\d{1,4}/\d{0,6}(?:-\d{1,3})?\s+)?[^\W\d_]{2}")
# an agenda entry is followed by its title (or the next number of a flattened column), not by
# a comma, another reference or running text: 'FU sakene 31/12, 35/12 til behandling'
TITLED_RE = re.compile(
    r"\s*:?\s*(?:(?:\d{1,4}/\d{0,6}(?:-\d{1,3})?|/\s?\d{2,6})\s+(?:[-–]\s+)?)?"
    r"(?:[A-ZÆØÅÄÖÜÉÁ0-9«\"(]|$)"
)


NEXT_YEAR = dt.date.today().year + 1  # no meeting document is dated later


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
    if a is None:
        return stripped_reading(b)
    if len(b) == 4:
        return full_year_reading(a, b)
    if len(a) == 4:
        return year_first_reading(a, b)
    return short_year_readings(prefix, a, b)


def stripped_reading(b: str) -> list[Reading]:
    """'/13': the number before the slash was stripped; the year is read from two digits."""
    year = two_digit_year(int(b))
    return [Reading(None, year, "stripped")] if len(b) == 2 and plausible_year(year) else []


def full_year_reading(a: str, b: str) -> list[Reading]:
    """'12/2015': case 12 of 2015 (a case has at most three digits and is not 0)."""
    number, year = int(a), int(b)
    return [Reading(number, year, "normal")] if len(a) <= 3 and number > 0 and plausible_year(year) else []


def year_first_reading(a: str, b: str) -> list[Reading]:
    """'2013/21': case 21 of 2013."""
    year, number = int(a), int(b)
    return [Reading(number, year, "year_first")] if len(b) <= 3 and number > 0 and plausible_year(year) else []


def short_year_readings(prefix: str | None, a: str, b: str) -> list[Reading]:
    """'4/19': case 4 of 2019; a typed number with two digits first may also be year first
    ('PS 15/1': case 1 of 2015)."""
    na, nb = int(a), int(b)
    out: list[Reading] = []
    if len(b) == 2 and len(a) <= 3 and na > 0 and plausible_year(two_digit_year(nb)):
        out.append(Reading(na, two_digit_year(nb), "normal"))
    if prefix and len(a) == 2 and nb > 0 and len(b) <= 3 and plausible_year(two_digit_year(na)):
        out.append(Reading(nb, two_digit_year(na), "year_first"))
    return out


def refers_elsewhere(before: str, titled: bool) -> bool:
    """Whether the words ``before`` a number make it no case of this agenda: a reference ('jf. sak'),
    an archive label or the meeting's own number; a saksliste's section heading ('Politiske saker')
    is none where a title follows the number (``titled``)."""
    if REFERENCE_BEFORE_RE.search(before) and not (titled and SECTION_HEADING_BEFORE_RE.search(before)):
        return True
    return bool(ARCHIVE_LABEL_BEFORE_RE.search(before) or MEETING_NUMBER_BEFORE_RE.search(before))


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
        titled = bool(TITLED_RE.match(text, m.end(), min(len(text), m.end() + 30)))
        reference = prefix is None and m.group("a") is not None and refers_elsewhere(before, titled)
        if m.group("a") is None and not TITLE_AFTER_RE.match(text, m.end(), min(len(text), m.end() + 40)):
            found = []  # a stripped number is a case only where a title follows it
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


def index_cases(text: str, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """Positions of every reading of every case-number-shaped token, by case number."""
    index: dict[str, list[tuple[int, int]]] = {}
    for m in _token_matches(text, start, end):
        raw = m.group("prefix")
        for r in readings(normalise_prefix(raw) if raw else None, m.group("a"), m.group("b")):
            if r.number is not None:
                index.setdefault(format_case(r.number, r.year), []).append(m.span())
    return index
