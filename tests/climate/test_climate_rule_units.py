"""The classifier's small named rules, each table-driven with exact results (fictional texts).

``test_climate_rules.py`` checks whole items through ``classify``; these pin down each step it is
built from: the scan (traps, phrases, bare words), the ties of ambiguous words, and how the
evidence is gathered.
"""

from __future__ import annotations

import pytest

from meetings.climate.classifier import (
    MAX_EVIDENCE,
    Evidence,
    _employees_parking,
    _field_evidence,
    _Hit,
    _is_tie,
    _item_fields,
    _phrase_hit,
    _shared_tie,
    _title_work,
    _trap_end,
    _waits_for_tie,
    _word_hit,
)


def hit_row(hit: _Hit | None) -> tuple | None:
    return None if hit is None else (hit.kind, hit.category, hit.start, hit.end, hit.phrase)


def evidence_rows(evidence: list[Evidence]) -> list[tuple]:
    return [(e.phrase, e.field, e.start, e.end, e.category) for e in evidence]


# (text, start, trap_until before, trap_until after)
TRAP_END = [
    ("Helse, miljø og sikkerhet i barnehagen", 0, 0, 25),
    ("Vurdering av klima og miljø: ingen", 0, 0, 27),
    ("Sak om psykososialt miljø", 7, 0, 25),
    # no trap starts here: unchanged
    ("Sak om psykososialt miljø", 0, 0, 0),
    ("grønt skifte", 0, 0, 0),
    # still inside an earlier trap: unchanged, not re-matched
    ("Helse, miljø og sikkerhet", 0, 30, 30),
]


@pytest.mark.parametrize(("text", "start", "before", "after"), TRAP_END)
def test_trap_end(text, start, before, after):
    assert _trap_end(text, start, before) == after


# (text, start, hit as (kind, category, start, end, phrase) or None)
PHRASE_HIT = [
    ("Parkeringsavgift for ansatte", 0, ("l", "parking_fee", 0, 28, "Parkeringsavgift for ansatte")),
    # white space folded in the phrase, offsets into the text
    ("parkering  for\ntilsette", 0, ("l", "parking_fee", 0, 23, "parkering for tilsette")),
    ("Sak: grønt skifte", 5, ("c", "green_transition", 5, 17, "grønt skifte")),
    ("parkering ved rådhuset", 0, None),
    ("Sak: grønt skifte", 0, None),
]


@pytest.mark.parametrize(("text", "start", "expected"), PHRASE_HIT)
def test_phrase_hit(text, start, expected):
    assert hit_row(_phrase_hit(text, start)) == expected


# (kind, category, token, text, start, end, hit or None)
WORD_HIT = [
    # bare words ("x") count as climate only where their context allows
    ("x", "climate", "Klima", "Klima er i endring", 0, 5, ("c", "climate", 0, 5, "Klima")),
    ("x", "climate", "klima", "godt klima på arbeidsplassen", 5, 10, None),
    ("x", "environment", "miljøet", "ta vare på miljøet", 11, 18, ("c", "environment", 11, 18, "miljøet")),
    ("x", "environment", "miljø", "eit godt miljø", 8, 13, None),
    ("x", "sustainability", "bærekraft", "bærekraft i planen", 0, 9, ("c", "sustainability", 0, 9, "bærekraft")),
    ("x", "sustainability", "bærekraftig", "bærekraftig økonomi", 0, 11, None),
    # other kinds pass through; a line break inside the token becomes a space
    ("c", "emissions", "klima-\ngass", "klima-\ngass", 0, 11, ("c", "emissions", 0, 11, "klima- gass")),
    ("a", "parking", "Parkering", "Parkering", 0, 9, ("a", "parking", 0, 9, "Parkering")),
]


@pytest.mark.parametrize(("kind", "category", "token", "text", "start", "end", "expected"), WORD_HIT)
def test_word_hit(kind, category, token, text, start, end, expected):
    assert hit_row(_word_hit(kind, category, token, text, start, end)) == expected


# (kind, category, ties an ambiguous word)
IS_TIE = [
    ("c", "climate", True),
    ("c", "emissions", True),
    ("l", "parking_fee", True),
    ("w", "commuting", True),
    ("w", "travel", True),
    ("w", "work_methods", False),
    ("a", "parking", False),
    ("e", "waste", False),
    ("p", "employees", False),
]


@pytest.mark.parametrize(("kind", "category", "expected"), IS_TIE)
def test_is_tie(kind, category, expected):
    assert _is_tie(_Hit(kind, category, 0, 1, "x")) is expected


FAR = "Avfall" + " og" * 40 + " kontrakt"

# (text, kind, category, start, end, waits for a tie from another field)
WAITS_FOR_TIE = [
    # parking always needs a tie
    ("Parkering ved rådhuset", "a", "parking", 0, 9, True),
    # waste / energy production: only in a contract, fee, tax or accounts context
    ("Kontrakt for innsamling av avfall", "e", "waste", 27, 33, True),
    ("Eiendomsskatt på kraftverk", "e", "energy_production", 17, 26, True),
    ("Lokal forskrift om brenning av avfall", "e", "waste", 31, 37, False),
    # the context must lie within ECONOMIC_WINDOW (100 characters) of the word
    (FAR, "e", "waste", 0, 6, False),
]


@pytest.mark.parametrize(("text", "kind", "category", "start", "end", "expected"), WAITS_FOR_TIE)
def test_waits_for_tie(text, kind, category, start, end, expected):
    assert _waits_for_tie(text, _Hit(kind, category, start, end, text[start:end])) is expected


# (field, staff hit) -> the parking hit becomes linked parking_fee, tied to the employees
EMPLOYEES_PARKING = [
    ("text", _Hit("p", "employees", 30, 38, "tilsette")),
    ("decision", _Hit("p", "employees", 0, 6, "ansatte")),
]


@pytest.mark.parametrize(("field_name", "staff"), EMPLOYEES_PARKING)
def test_employees_parking(field_name, staff):
    hit = _Hit("a", "parking", 10, 19, "parkering")
    _employees_parking(hit, staff, field_name)
    assert hit_row(hit) == ("l", "parking_fee", 10, 19, "parkering")
    assert hit.tie == Evidence(staff.phrase, field_name, staff.start, staff.end, "employees")


# (tie kind, tie category, category of the tie's evidence)
SHARED_TIE = [
    ("c", "emissions", "emissions"),
    ("w", "commuting", "work:commuting"),
    ("l", "parking_fee", "parking"),
    ("l", "commuting", "transport"),
    ("l", "working_rules", "environment"),
]


@pytest.mark.parametrize(("kind", "category", "evidence_category"), SHARED_TIE)
def test_shared_tie(kind, category, evidence_category):
    cache: dict[int, Evidence] = {}
    tie = _Hit(kind, category, 4, 9, "frase")
    first = _shared_tie(tie, "text", cache)
    assert first == Evidence("frase", "text", 4, 9, evidence_category)
    # the same phrase ties every hit with the one Evidence; another phrase gets its own
    assert _shared_tie(tie, "text", cache) is first
    other = _shared_tie(_Hit(kind, category, 4, 9, "frase"), "text", cache)
    assert other == first and other is not first
    assert len(cache) == 2


# (title, text, further fields, the fields classified, in order)
ITEM_FIELDS = [
    ("T", "", None, {"title": "T", "text": ""}),
    (None, None, None, {"title": "", "text": ""}),
    # empty further fields are left out; title and text are never replaced
    ("T", "B", {"decision": "D", "handling": "", "title": "X", "text": "Y"}, {"title": "T", "text": "B", "decision": "D"}),
    ("T", "B", {"proposal[2]": "P", "attachment[0]": "A"}, {"title": "T", "text": "B", "proposal[2]": "P", "attachment[0]": "A"}),
]


@pytest.mark.parametrize(("title", "text", "fields", "expected"), ITEM_FIELDS)
def test_item_fields(title, text, fields, expected):
    result = _item_fields(title, text, fields)
    assert list(result.items()) == list(expected.items())


C = _Hit("c", "emissions", 0, 7, "utslepp")
L = _Hit("l", "parking_fee", 20, 42, "parkering for tilsette")
W_NEAR = _Hit("w", "work_methods", 50, 60, "arbeidstid")
W_FAR = _Hit("w", "work_methods", 500, 510, "arbeidstid")

# (hits in field "text", climate evidence rows, linked evidence rows)
FIELD_EVIDENCE = [
    ([C], [("utslepp", "text", 0, 7, "emissions")], []),
    (
        [L],
        [("parkering for tilsette", "text", 20, 42, "parking")],
        [("parkering for tilsette", "text", 20, 42, "work:parking_fee")],
    ),
    # a working-conditions signal counts within PROXIMITY (200 characters) of a climate hit
    ([C, W_NEAR], [("utslepp", "text", 0, 7, "emissions")], [("arbeidstid", "text", 50, 60, "work:work_methods")]),
    ([C, W_FAR], [("utslepp", "text", 0, 7, "emissions")], []),
    ([W_NEAR], [], []),
    # a linked phrase is not a climate hit that working conditions can be near
    ([L, W_NEAR], [("parkering for tilsette", "text", 20, 42, "parking")], [("parkering for tilsette", "text", 20, 42, "work:parking_fee")]),
]


@pytest.mark.parametrize(("hits", "climate_rows", "linked_rows"), FIELD_EVIDENCE)
def test_field_evidence(hits, climate_rows, linked_rows):
    climate: list[Evidence] = []
    linked: list[Evidence] = []
    _field_evidence("text", hits, climate, linked)
    assert evidence_rows(climate) == climate_rows
    assert evidence_rows(linked) == linked_rows


def test_field_evidence_caps():
    """Climate hits stop at MAX_EVIDENCE and near working conditions at 10 linked; a linked
    phrase is still added to both."""
    climate = [Evidence("x", "title", 0, 1, "climate")] * MAX_EVIDENCE
    linked = [Evidence("y", "title", 0, 1, "work:travel")] * 10
    _field_evidence("text", [C, L, W_NEAR], climate, linked)
    assert len(climate) == MAX_EVIDENCE + 1
    assert evidence_rows(climate[-1:]) == [("parkering for tilsette", "text", 20, 42, "parking")]
    assert len(linked) == 11
    assert evidence_rows(linked[-1:]) == [("parkering for tilsette", "text", 20, 42, "work:parking_fee")]


# (title hits, evidence of the title's working-conditions signals)
TITLE_WORK = [
    ([], []),
    ([C], []),
    ([W_NEAR, C, W_FAR], [("arbeidstid", "title", 50, 60, "work:work_methods"), ("arbeidstid", "title", 500, 510, "work:work_methods")]),
]


@pytest.mark.parametrize(("hits", "expected"), TITLE_WORK)
def test_title_work(hits, expected):
    assert evidence_rows(_title_work(hits)) == expected
