"""Whether two spellings in one document name the same person (imports.parsers.attendance.names).

All names are fictional.
"""

from __future__ import annotations

import pytest

from imports.parsers.attendance import names as n

SAME_PERSON = [
    # middle initials aside
    ("Andreas W. Wiesel", "Andreas Wiesel"),
    ("Kari M. Nordvik", "Kari Nordvik"),
    # a name of three words or more cut at a cell border
    ("Bjørg Eva Eliassen", "Bjørg Eva Eliassen Hamsvik"),
    # a first (or middle) name cut to its initial
    ("K. Nilsen", "Kari Nilsen"),
    ("K. M. Nilsen", "Kari Marie Nilsen"),
    ("Kari M. Nilsen", "Kari Marie Nilsen"),
    # one letter misread (OCR) in a name of twelve characters or more
    ("Ingrid Haugeland", "Ingrid Haugeiand"),
    ("Marit Brekke", "Marit Brekkc"),
    ("Torbjørn Sandvik", "Torbjørn Sandvlk"),
    ("Sigrid Ødegård", "Sigrid Ødegard"),
    ("Eva Marie Johannessen", "Eva Maria Johannessen"),
    # old and new spelling of å
    ("Haakon Aasen", "Håkon Åsen"),
    ("Åse Lid", "Aase Lid"),
    # surname first
    ("Nilsen Kari", "Kari Nilsen"),
    ("Ola Nordmann", "Ola Nordmann"),
]

NOT_SAME_PERSON = [
    # two members sharing a surname
    ("Kari Nilsen", "Kjell Nilsen"),
    ("Kristin Haugen", "Kristine Haugen"),
    # a letter more or less is another name, not a misreading
    ("Kari Lie", "Kari Lien"),
    ("Anne Berg", "Anne Berge"),
    ("Per Dal", "Per Dahl"),
    ("Kari Nilsen", "Kari Nilssen"),
    ("Mia Hansen", "Mia Hanssen"),
    ("Jon Vik", "Jo Vik"),
    # one letter misread in a short name: too close to tell from another name
    ("Kari Hansen", "Kari Hanson"),
    # another name altogether, or a first name spelt another way
    ("Ragnhild Solberg", "Ragnhild Solbakken"),
    ("Kristian Lunde", "Christian Lunde"),
    # two words are too few to tell a wrapped surname from another person
    ("Eva Eliassen", "Eva Eliassen Hamsvik"),
    # an initial does not stand for a name with another surname, or for a longer name
    ("K. Nilsen", "Kari Nilsen Berg"),
    ("K. Nilsen", "Kari Olsen"),
    # one word is not a name
    ("Kari", "Kari"),
    ("Kari Nilsen", "Nilsen"),
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_same_person(a, b):
    assert n.same_person(a, b) is True
    assert n.same_person(b, a) is True


@pytest.mark.parametrize(("a", "b"), NOT_SAME_PERSON)
def test_not_same_person(a, b):
    assert n.same_person(a, b) is False
    assert n.same_person(b, a) is False


# the rules known_as tries, each on its own: rule name -> [(a, b, whether the rule holds)]
PAIR_RULES = {
    "same_words": [
        ("Andreas W. Wiesel", "Andreas Wiesel", True),
        ("Haakon Aasen", "Håkon Åsen", True),
        ("K. Nilsen", "Kari Nilsen", False),
        ("Kari Nilsen", "Kari Nilsen Berg", False),
        ("Kari", "Kari", False),
    ],
    "wrapped_surname": [
        ("Bjørg Eva Eliassen", "Bjørg Eva Eliassen Hamsvik", True),
        ("Bjørg Eva Eliassen Hamsvik", "Bjørg Eva Eliassen", True),
        ("Eva Eliassen", "Eva Eliassen Hamsvik", False),
        ("Bjørg Eva Eliassen", "Bjørg Eliassen Eva Hamsvik", False),
    ],
    "initial_for_first_name": [
        ("K. Nilsen", "Kari Nilsen", True),
        ("Kari Nilsen", "K. Nilsen", True),
        ("K Nilsen", "Kari Nilsen", True),
        ("K. M. Nilsen", "Kari Marie Nilsen", True),
        ("K. Nilsen", "Kjell Nilsen", True),  # known_as refuses when both are known
        ("P. Nilsen", "Kari Nilsen", False),
        ("Kari N.", "Kari Nilsen", False),  # the surname is written out in both
        ("K. Nilsen", "K. Nilsen", False),
        ("Kari Nilsen", "Kari Nilsen", False),
        ("K. Nilsen", "Kari Olsen", False),
    ],
    "misspelt_as": [
        ("Ingrid Haugeland", "Ingrid Haugeiand", True),  # 1 of 16 letters misread
        ("Marit Brekke", "Marit Brekkc", True),  # 1 of 12
        ("Kari Hansen", "Kari Hanson", False),  # 1 of 11: below the cutoff
        ("Kari Nilsen", "Kari Nilssen", False),  # a letter more counts double
        ("Nilsen Kari", "Kari Nilsen", True),
        ("Ingrid Haugeland", "Ingrid", False),
        ("Ingrid Haugeland Berg", "Ingrid Haugeland", False),  # not the same number of words
    ],
}


@pytest.mark.parametrize(
    ("rule", "a", "b", "expected"),
    [(rule, a, b, expected) for rule, cases in PAIR_RULES.items() for a, b, expected in cases],
)
def test_pair_rule(rule, a, b, expected):
    assert getattr(n, rule)(a, b) is expected


def test_typo_cutoff_is_one_misread_letter_in_twelve():
    assert n.TYPO_CUTOFF == 0.91
    assert n.NAME_EDIT_WEIGHTS == (2, 2, 1)
    assert 1 - 1 / 12 >= n.TYPO_CUTOFF > 1 - 1 / 11


@pytest.mark.parametrize(
    ("name", "known", "expected"),
    [
        ("Andreas Wiesel", ["Per Dal", "Andreas W. Wiesel"], "Andreas W. Wiesel"),
        # the exact rules win over a closer spelling later in the list
        ("Kari Nilsen", ["K. Nilsen", "Kari Nilsen"], "Kari Nilsen"),
        # an initial fits one known name: that one; two: neither
        ("K. Nilsen", ["Per Dal", "Kari Nilsen"], "Kari Nilsen"),
        ("K. Nilsen", ["Kari Nilsen", "Kjell Nilsen"], None),
        # the closest of the known spellings within the cutoff
        ("Ingrid Haugeiand", ["Ingrid Hauge", "Ingrid Haugeland", "Ingrid Haugelund"], "Ingrid Haugeland"),
        ("Kari Lien", ["Kari Lie", "Per Dal"], None),
        ("Kari Lie", [], None),
    ],
)
def test_known_as(name, known, expected):
    assert n.known_as(name, known) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kari Nilsen", True),
        ("Hans Kr. Enge", True),
        ("Anne Lise Bergo Amalie Johnsen Lunde", True),
        ("Kari", False),
        ("K. M. Nilsen", False),  # one written-out word
        ("Kari Nilsen Møtte", False),  # a heading word
        ("A B C D E F G", False),
    ],
)
def test_plausible_name(name, expected):
    assert n.plausible_name(name) is expected


@pytest.mark.parametrize(
    ("word", "first", "surname", "strict_surname", "initial", "abbreviation"),
    [
        ("Kari", True, False, False, False, False),
        ("Anne-Lise", True, False, False, False, False),
        ("Nilsen", False, True, True, False, False),
        ("Moe", False, False, False, False, False),
        ("Lie", False, True, True, False, False),
        ("Bø", False, True, False, False, False),  # '-bø': an ending of two letters, not strict
        ("K.", False, False, False, True, True),
        ("Kr.", False, False, False, True, True),
        ("K", False, False, False, True, False),
        ("Bø.", False, False, False, True, False),  # a surname before a full stop, not an abbreviation
    ],
)
def test_name_word_shapes(word, first, surname, strict_surname, initial, abbreviation):
    assert n.is_first_name(word) is first
    assert n.surname_like(word) is surname
    assert n.surname_like(word, strict=True) is strict_surname
    assert n.is_initial(word) is initial
    assert n.is_abbreviation(word) is abbreviation
