"""Table-driven tests of the small rules that read case numbers (imports.parsers.case_tokens)
and keep the agenda's series (imports.parsers.cases)."""

from __future__ import annotations

import pytest

from imports.parsers import case_tokens as ct
from imports.parsers import cases as cs
from imports.parsers.case_tokens import CaseToken, Reading


def _token(prefix: str | None, number: int | None, year: int | None, start: int = 0) -> CaseToken:
    t = CaseToken(start, start + 5, prefix, "", [Reading(number, year or 0, "normal")])
    t.number, t.year = number, year
    return t


@pytest.mark.parametrize(
    ("prefix", "a", "b", "expected"),
    [
        (None, None, "13", [(None, 2013, "stripped")]),
        (None, None, "5", []),  # one digit is no year
        (None, None, "1234", []),
        (None, "12", "2015", [(12, 2015, "normal")]),
        (None, "1234", "2015", []),  # a case has at most three digits
        (None, "0", "2015", []),
        (None, "12", "1970", []),  # implausible year
        (None, "2013", "21", [(21, 2013, "year_first")]),
        (None, "2013", "0", []),
        (None, "2013", "1234", []),
        (None, "4", "19", [(4, 2019, "normal")]),
        ("PS", "15", "1", [(1, 2015, "year_first")]),
        ("PS", "15", "19", [(15, 2019, "normal"), (19, 2015, "year_first")]),
        (None, "15", "1", []),  # year first needs a prefix
        ("PS", "150", "1", []),
        (None, "13", "441", []),  # an archive number
    ],
)
def test_readings(prefix, a, b, expected):
    assert [(r.number, r.year, r.form) for r in ct.readings(prefix, a, b)] == expected


@pytest.mark.parametrize(
    ("b", "expected"),
    [("13", [(None, 2013)]), ("98", [(None, 1998)]), ("90", []), ("7", [])],
)
def test_stripped_reading(b, expected):
    assert [(r.number, r.year) for r in ct.stripped_reading(b)] == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("1", "2019", [(1, 2019)]), ("123", "2019", [(123, 2019)]), ("0", "2019", []), ("1", "1980", [])],
)
def test_full_year_reading(a, b, expected):
    assert [(r.number, r.year) for r in ct.full_year_reading(a, b)] == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("2013", "21", [(21, 2013)]), ("2013", "0", []), ("1980", "21", []), ("2013", "1000", [])],
)
def test_year_first_reading(a, b, expected):
    assert [(r.number, r.year) for r in ct.year_first_reading(a, b)] == expected


@pytest.mark.parametrize(
    ("prefixes", "expected"),
    [
        (["PS", "PS", None], True),
        ([None, None, "PS"], False),
        (["PS", None], True),  # a tie: the first decides
        ([None, "PS"], False),
        (["SAK"], True),
        ([None], False),
    ],
)
def test_prefixed_style(prefixes, expected):
    assert cs.prefixed_style([_token(p, 1, 2019) for p in prefixes]) is expected


@pytest.mark.parametrize(
    ("tokens", "prefixed", "hint", "expected"),
    [
        ([("PS", 1, 2019), ("PS", 2, 2019), ("PS", 3, 2018)], True, None, 2019),
        ([("PS", 1, 2019), ("PS", 2, 2018)], True, None, 2019),  # a tie: the latest
        ([("PS", 1, 2019), ("PS", 2, 2018)], True, 2018, 2018),  # a tie: nearest the hint
        ([(None, 1, 2017), ("PS", 2, 2019), ("PS", 3, 2019)], False, None, 2017),  # the style's numbers only
        ([(None, None, 2017)], False, None, None),  # a stripped number has no case
        ([("PS", 1, 2019)], False, None, None),
    ],
)
def test_series_year(tokens, prefixed, hint, expected):
    assert cs.series_year([_token(*t) for t in tokens], prefixed, hint) == expected


def _listed(*entries: tuple[str, int]) -> cs._Listed:
    listed = cs._Listed()
    for series, number in entries:
        listed.add(series, number)
    return listed


@pytest.mark.parametrize(
    ("token", "listed", "expected"),
    [
        (("PS", 1, 2019), [("PS", 1)], True),
        (("PS", 1, 2019), [("RS", 1)], False),  # PS 1/19 and RS 1/19 differ
        (("PS", 1, 2019), [("", 1)], True),  # listed without its type, then with it
        ((None, 1, 2019), [("PS", 1)], True),
        ((None, 1, 0), [("", 1)], True),  # year stripped
        (("PS", 1, 2018), [("PS", 1)], False),  # another year
        (("PS", None, 2019), [("PS", 1)], False),
    ],
)
def test_ends_series(token, listed, expected):
    assert cs.ends_series(_token(*token), _listed(*listed), 2019) is expected


@pytest.mark.parametrize(
    ("number", "listed", "prefixed", "taken", "expected"),
    [
        (5, [], False, 0, True),  # starts the series
        (3, [("", 2)], False, 1, True),
        (4, [("", 2)], False, 1, True),  # one number skipped
        (5, [("", 2)], False, 1, False),
        (2, [("", 2)], False, 1, False),
        (5, [], True, 0, False),  # a prefixed series has no stripped numbers
    ],
)
def test_continues_stripped(number, listed, prefixed, taken, expected):
    series = cs.Series(tokens=[_token(None, 1, 2019)] * taken, prefixed=prefixed, year=2019)
    assert cs.continues_stripped(number, _listed(*listed), series) is expected


@pytest.mark.parametrize(
    ("token", "prefixed", "expected"),
    [
        (("PS", 1, 2019), True, True),
        (("PS", 1, 2020), True, True),  # a prefixed series spans the turn of the year
        (("PS", 1, 2021), True, False),
        ((None, 1, 2019), True, False),
        ((None, 1, 2019), False, True),
        ((None, 1, 2020), False, False),
        (("PS", 1, 2019), False, False),
        (("PS", 1, None), True, False),
    ],
)
def test_fits_style(token, prefixed, expected):
    assert cs.fits_style(_token(*token), prefixed, 2019) is expected


@pytest.mark.parametrize(
    ("token", "listed", "prefixed", "expected"),
    [
        ((None, 3, 2019), [("", 5)], False, True),
        ((None, 6, 2019), [("", 5)], False, False),
        (("PS", 3, 2019), [("PS", 5)], True, False),  # a prefixed series may restart (PS after RS)
        (("RS", 3, 2019), [("PS", 5)], False, False),  # each series has its own last number
        ((None, None, 2019), [("", 5)], False, False),
    ],
)
def test_out_of_sequence(token, listed, prefixed, expected):
    assert cs.out_of_sequence(_token(*token), _listed(*listed), prefixed) is expected


@pytest.mark.parametrize(
    ("text", "expected_cases", "stops"),
    [
        ("Saksliste PS 1/19 Budsjett PS 2/19 Plan PS 1/19 Budsjett", ["01/2019", "02/2019"], True),
        ("Saksliste 1/2019 Budsjett 2/2019 Plan 9/2018 Gammal", ["01/2019", "02/2019"], False),
        ("Saksliste 5/2019 Budsjett 3/2019 Tilbake 6/2019 Plan", ["05/2019", "06/2019"], False),
    ],
)
def test_agenda_series(text, expected_cases, stops):
    series = cs.agenda_series(text, 0, len(text))
    assert [t.case for t in series.tokens] == expected_cases
    assert (series.end is not None) is stops


@pytest.mark.parametrize(
    ("before", "after", "run", "expected"),
    [
        (3, 6, 2, 4),  # 3, /, /, 6 -> 4, 5
        (3, 5, 2, None),  # the gap is too small
        (3, None, 3, 4),  # at the end of the series
        (None, 4, 3, 1),  # at its start: counted back
        (None, 3, 3, None),  # no room before
        (None, None, 1, None),
    ],
)
def test_stripped_run_start(before, after, run, expected):
    assert cs.stripped_run_start(before, after, run) == expected


def test_recover_stripped():
    tokens = [_token(None, n, 2019) for n in (None, 2, None, None, 5, None)]
    cs.recover_stripped(tokens)
    assert [(t.number, t.recovered) for t in tokens] == [
        (1, True), (2, False), (3, True), (4, True), (5, False), (6, True)
    ]


@pytest.mark.parametrize(
    ("before", "titled", "expected"),
    [
        ("viser til vedtak i sak ", False, True),  # a reference
        ("jf. ", True, True),
        ("Arkivsak: ", True, True),  # an archive label
        ("Vår ref ", False, True),
        ("Møte: ", True, True),  # the meeting's own number
        ("Møte nr. ", False, True),
        ("Møtenr.: ", True, True),
        ("Politiske saker ", True, False),  # a saksliste's section heading before a titled case
        ("Politiske saker ", False, True),  # ... without a title it stays a reference
        ("Følgende saker ", False, True),
        ("protokoll frå førre møte ", True, False),  # a bare 'møte' may end the previous title
        ("Saksliste ", True, False),
        ("", True, False),
    ],
)
def test_refers_elsewhere(before, titled, expected):
    assert ct.refers_elsewhere(before, titled) is expected
