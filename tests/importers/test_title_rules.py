"""Table-driven tests of the small rules that divide flattened saksliste titles and find the
capitals of an upper-case saksliste (imports.parsers.titles)."""

from __future__ import annotations

import pytest

from imports.parsers import titles as t


@pytest.mark.parametrize(
    ("word", "prev", "expected"),
    [
        ("Budsjett", "plan.", True),
        ("budsjett", "plan.", False),  # lower case
        ("Vaksdal", "i", False),  # after a connector
        ("Vaksdal", "Og", False),
        ("Bergen", "Nord-", False),  # after a hyphen
        ("Bergen", "Voss/", False),
        ("Bergen", "Voss", True),
    ],
)
def test_can_start_title(word, prev, expected):
    assert t.can_start_title(word, prev) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Godkjenning", 2), ("Referatsaker:", 2), ("Utbygging", 1), ("Tilstandsrapport,", 2), ("Vaksdal", 0)],
)
def test_title_word_score(word, expected):
    assert t.title_word_score(word) == expected


@pytest.mark.parametrize(
    ("prev", "expected"),
    [("2024.", 2), ("(AMU)", 2), ("skule,", -3), ("skule", 0), ("skule:", 0)],
)
def test_after_punctuation_score(prev, expected):
    assert t.after_punctuation_score(prev) == expected


@pytest.mark.parametrize(
    ("word", "prev", "expected"),
    [
        ("NAV", "om", -2),
        ("NAVET", "om", 0),  # longer than an acronym
        ("Vaksdal", "Nye", -1),
        ("NAV", "Nye", -3),
        ("Vaksdal", "Plan.", 0),
        ("Vaksdal", "plan", 0),
    ],
)
def test_name_shape_score(word, prev, expected):
    assert t.name_shape_score(word, prev) == expected


@pytest.mark.parametrize(
    ("words", "word", "expected"),
    [
        (["Porsanger", "skule", "Porsanger,", "kyrkje"], "Porsanger", -2),
        (["Porsanger", "skule", "kyrkje"], "Porsanger", 0),
        (["Søknad", "om", "Søknad", "frå"], "Søknad", 0),  # a word that starts titles
        (["porsanger", "Porsanger"], "Porsanger", 0),  # case matters
    ],
)
def test_repeated_name_score(words, word, expected):
    assert t.repeated_name_score(words, word) == expected


@pytest.mark.parametrize(
    ("words", "i", "expected"),
    [
        (["Vaksdal", "kommune"], 0, -3),
        (["Vaksdal", "Kommune"], 0, -3),
        (["Bergen", "Havn", "AS"], 1, -3),
        (["Vaksdal", "skule"], 0, 0),
        (["Vaksdal"], 0, 0),  # the last word
    ],
)
def test_organisation_score(words, i, expected):
    assert t.organisation_score(words, i) == expected


@pytest.mark.parametrize(
    ("block", "i", "expected"),
    [
        ("Budsjett 2024. Godkjenning av protokoll", 2, 1 + 2 + 2),  # 'Godkjenning' after '2024.'
        ("Budsjett Plan. Godkjenning av protokoll", 2, 1 + 2 + 2 + 0),  # 'Plan.' ends with a full stop
        ("Budsjett Plan Godkjenning av protokoll", 2, 1 + 2 + 0 - 1),
        ("Plan for skule og Vaksdal kommune", 4, None),  # after 'og'
        ("Plan for skule Vaksdal kommune", 3, 1 + 0 + 0 + 0 + 0 - 3),
        ("Tiltak NAV Bergen", 1, 1 + 0 + 0 - 3 + 0 + 0),
    ],
)
def test_split_score(block, i, expected):
    assert t._split_score(block.split(), i) == expected


@pytest.mark.parametrize(
    ("words", "i", "expected"),
    [
        (["KLAGE", "PÅ"], 0, True),
        (["A", "KLAGE"], 0, True),  # two capitalised words
        (["A", "klage"], 0, False),  # one letter alone
        (["Klage", "PÅ"], 0, False),
        (["KLAGE"], 0, True),
        (["-", "KLAGE"], 0, False),  # no letters
    ],
)
def test_starts_caps_run(words, i, expected):
    assert t.starts_caps_run(words, i) is expected


@pytest.mark.parametrize(
    ("title", "i", "expected"),
    [
        ("KLAGE PÅ VEDTAK Vaksdal", 0, 3),
        ("BUDSJETT 2024/25 - PLAN Vaksdal", 0, 4),  # words without letters continue the run
        ("KLAGE", 0, 1),
        ("Klage PÅ", 0, 0),
    ],
)
def test_caps_run_end(title, i, expected):
    assert t.caps_run_end(title.split(), i) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("12/345 KLAGE PÅ VEDTAK Klage på vedtak", (1, 4)),
        ("AMU Arbeidsmiljøutvalet KLAGE PÅ VEDTAK", (2, 5)),  # the longest
        ("AB CD Arbeid EF GH", (0, 2)),  # the first of two equally long
        ("Klage på vedtak", (0, 0)),
    ],
)
def test_longest_caps_run(title, expected):
    assert t.longest_caps_run(title.split()) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("12/345 KLAGE PÅ VEDTAK Klage på vedtak", "KLAGE PÅ VEDTAK"),
        ("KLAGE - Klage på vedtak", "KLAGE - Klage på vedtak"),  # one real word: the whole title
        ("12/345 Klage på vedtak", "Klage på vedtak"),  # no capitals: leading numbers dropped
        ("BUDSJETT 2024 - Budsjett", "BUDSJETT 2024 - Budsjett"),  # one real word
        ("KLAGE PÅ VEDTAK 2024 - Klage", "KLAGE PÅ VEDTAK 2024"),
    ],
)
def test_caps_run(title, expected):
    assert t.caps_run(title) == expected
