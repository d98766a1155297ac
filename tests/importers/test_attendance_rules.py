"""The named rules of the attendance parsers, one table each (imports.parsers.attendance).

All names are fictional.
"""

from __future__ import annotations

import pytest

from imports.parsers.attendance import assemble, labels, rosters, rows, sections, split, substitutes, tokens
from imports.parsers.attendance.rows import Row
from imports.parsers.attendance.tokens import Tok
from imports.parsers.attendance.vocabulary import is_substitute_role
from imports.parsers.types import ParsedAttendance

# ---------------------------------------------------------------------------- tokens

TOKEN_RULE_CASES = [
    # (rule, word, decision or None)
    (tokens.tick_mark, "X", ("other", None)),
    (tokens.tick_mark, "✓", ("other", None)),
    (tokens.tick_mark, "K.", None),
    (tokens.initial_letter, "K.", ("name", None)),
    (tokens.initial_letter, "K.M.", ("name", None)),
    (tokens.initial_letter, "J", ("name", None)),
    (tokens.initial_letter, "A", None),  # party A (Arbeidarpartiet)
    (tokens.initial_letter, "Kari", None),
    (tokens.empty_cell, "Ingen", ("empty", None)),
    (tokens.empty_cell, "-", ("empty", None)),
    (tokens.empty_cell, "Kari", None),
    (tokens.known_org, "AP", ("org", "AP")),
    (tokens.known_org, "Frp", ("org", "FRP")),
    (tokens.known_org, "Senterpartiet", ("org", "SP")),
    (tokens.known_org, "Fagforbundet", ("org", "Fagforbundet")),
    (tokens.known_org, "Kari", None),
    (tokens.role_word, "Leiar", ("role", None)),
    (tokens.role_word, "Varamedlem", ("role", None)),
    (tokens.role_word, "HR-sjef", ("role", None)),
    (tokens.role_word, "Nilsen", None),
    (tokens.party_codes, "KRF-V", ("org", "KRF")),
    (tokens.party_codes, "LE-AP", ("org", "AP")),
    (tokens.party_codes, "XY-ZW", ("org", "XY-ZW")),
    (tokens.party_codes, "KRF", None),
    (tokens.capitals_code, "BYL", ("org", "BYL")),
    (tokens.capitals_code, "BYL,", ("org", "BYL")),
    (tokens.capitals_code, "B", None),
    (tokens.capitals_code, "BYGDELIST", None),  # more than six capitals
    (tokens.party_name, "Bygdelista", ("org", "Bygdelista")),
    (tokens.party_name, "Folkepartiet", ("org", "Folkepartiet")),
    (tokens.party_name, "bygdelista", None),
    (tokens.party_name, "Kari", None),
    (tokens.never_a_name, "Møtt", ("other", None)),
    (tokens.never_a_name, "Rådhuset", ("other", None)),
    (tokens.never_a_name, "Nordvik", None),
    (tokens.never_a_name, "Nordvik-avisa", ("other", None)),
    (tokens.never_a_name, "IKS", ("other", None)),
    (tokens.name_word, "Kari", ("name", None)),
    (tokens.name_word, "Berg-Hansen", ("name", None)),
    (tokens.name_word, "Navn:", None),
    (tokens.name_word, "kari", None),
    (tokens.name_particle, "van", ("name", None)),
    (tokens.name_particle, "Kari", None),
]


@pytest.mark.parametrize(("rule", "word", "expected"), TOKEN_RULE_CASES)
def test_token_rules(rule, word, expected):
    assert rule(word) == expected


@pytest.mark.parametrize(
    ("word", "kind", "text", "org"),
    [
        ("X", "other", "X", None),  # a tick, although it looks like an initial
        ("A", "org", "A", "AP"),  # a party letter, although it looks like an initial
        ("AS", "org", "AS", "AS"),  # capitals before the company forms
        ("Leiar", "role", "Leiar", None),  # a role, although 'leiar' is a heading word
        ("Nilsen.", "name", "Nilsen", None),  # a full stop after a name goes
        ("Kr.", "name", "Kr.", None),  # an abbreviated name keeps it
        ("de", "other", "de", None),  # a word before a particle
        ("1.", "other", "1.", None),
    ],
)
def test_classify_token_tries_the_rules_in_order(word, kind, text, org):
    assert tokens.classify_token(word, True) == Tok(text, kind, True, org)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Frp", "FRP"), ("Krf", "KRF"), ("Rødt", "RØDT"), ("(Frp)", "FRP"), ("F", None), ("frp", None), ("Kari", None)],
)
def test_mixed_case_party(word, expected):
    assert tokens.mixed_case_party(word) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Assisterende kommunedirektør", [("Assisterende kommunedirektør", "role")]),
        ("Kari Lie, Per Dal", [("Kari", "name"), ("Lie", "name"), (",", "sep"), ("Per", "name"), ("Dal", "name")]),
        ("Kari Lie (Ap, leiar)", [("Kari", "name"), ("Lie", "name"), ("Ap", "org"), (",", "sep"), ("leiar", "role")]),
        ("Kari Lie (Skjolden)", [("Kari", "name"), ("Lie", "name")]),
        ("Kari Lie (verneombod Fjordby skule)", [("Kari", "name"), ("Lie", "name"), ("verneombod", "role")]),
        ("Kari Lie (assisterande rådmann)", [("Kari", "name"), ("Lie", "name"), ("assisterande rådmann", "role")]),
        ("Kari og Per", [("Kari", "name"), ("og", "sep"), ("Per", "name")]),
    ],
)
def test_tokenize(text, expected):
    assert [(t.text, t.kind) for t in tokens.tokenize(text)] == expected


# ---------------------------------------------------------------------------- split


def _toks(text: str) -> list[Tok]:
    return tokens.tokenize(text)


@pytest.mark.parametrize(
    ("text", "i", "expected"),
    [
        ("K. Nilsen", 0, -5),  # an initial
        ("van Dijk", 0, -5),  # a particle
        ("Kari Nilsen", 0, 2),  # a first name
        ("Nilsen Kari", 0, -2),  # a surname
        ("Kari Brekke", 1, -1),  # in the middle of a line
        ("Kari\nBrekke", 1, 0),  # at the start of a line
    ],
)
def test_first_word_score(text, i, expected):
    assert split.first_word_score(_toks(text), i) == expected


@pytest.mark.parametrize(
    ("word", "expected"), [("K.", -4), ("Nilsen", 0.5), ("Kari", -0.5), ("Nordvik", 0.5), ("Moe", 0)]
)
def test_last_word_score(word, expected):
    assert split.last_word_score(word) == expected


@pytest.mark.parametrize(
    ("text", "i", "j", "expected"),
    [
        ("Hamsund Mia Hansen", 0, 1, 5.5),  # a surname wrapped from the cell before
        ("Hamsund Nordvik Hansen", 0, 1, 0),  # no first name after it
        ("Mia Hamsund Kari Hansen", 1, 2, 0),  # not at the start of the run
        ("Hamsund", 0, 1, 0),  # nothing after it
    ],
)
def test_wrapped_surname_score(text, i, j, expected):
    assert split.wrapped_surname_score(_toks(text), i, j) == expected


@pytest.mark.parametrize(
    ("text", "i", "j", "expected"),
    [("Kari Lie", 0, 2, 1.5), ("Kari\nLie", 0, 2, 0.0), ("Per Kari\nLie", 1, 3, -1.5), ("Per Kari Lie", 1, 3, 0)],
)
def test_line_break_score(text, i, j, expected):
    assert split.line_break_score(_toks(text), i, j) == expected


def test_segment_score_adds_the_rules_and_a_known_name():
    toks = _toks("Kari Nilsen")
    # length 0, first name 2, line start 1.5, surname ending 0.5
    assert split.segment_score(toks, 0, 2, set()) == 4.0
    assert split.segment_score(toks, 0, 2, {"kari nilsen"}) == 12.0
    assert split.segment_score(toks, 0, 1, set()) == -6 + 2 + 1.5


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("Kari Lie Per Dal Anne Moe", 3, ["Kari Lie", "Per Dal", "Anne Moe"]),
        ("Kari Lie Per Dal", 5, ["Kari Lie", "Per Dal"]),  # impossible: the best split
    ],
)
def test_split_into(text, count, expected):
    assert split.split_into(_toks(text), count, []) == expected


# ---------------------------------------------------------------------------- rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Rådmann Kari Lie", True), ("AP Kari Lie", True), ("Kari Lie Rådmann", False), ("", False), ("Møtt Kari Lie", False)],
)
def test_attributes_lead(text, expected):
    assert rows.attributes_lead(tokens.runs(tokens.tokenize(text))) is expected


@pytest.mark.parametrize(
    ("k", "orgs", "roles", "expected"),
    [
        (2, ["AP", "FRP"], [], True),
        (2, [], ["Medlem", "Leiar"], True),
        (2, ["AP", "FRP"], ["Medlem", "Leiar"], True),
        (2, ["AP"], [], False),
        (1, ["AP"], [], False),
        (2, [], [], False),
    ],
)
def test_one_attribute_each(k, orgs, roles, expected):
    assert rows.one_attribute_each(k, orgs, roles) is expected


def test_distribute_attrs():
    assert rows.distribute_attrs(["Ina Lie", "Vibeke Dahl"], ["AP", "FRP"], ["Medlem", "Medlem"]) == [
        Row("Ina Lie", ["AP"], ["Medlem"]),
        Row("Vibeke Dahl", ["FRP"], ["Medlem"]),
    ]
    assert rows.distribute_attrs(["Ina Lie", "Vibeke Dahl"], ["AP"], []) == [
        Row("Ina Lie"),
        Row("Vibeke Dahl", ["AP"]),
    ]
    assert rows.distribute_attrs([], ["AP"], []) == []


@pytest.mark.parametrize(
    ("previous", "groups", "i", "names", "expected"),
    [
        # after the row's attributes, before the next row's name and attributes: two names
        ([Row("Kari Lie")], "N A N A", 2, ["Per Dal", "Ola Moe"], True),
        # one name at the end, nothing after it: the substitute
        ([Row("Kari Lie")], "N A N", 2, ["Per Dal"], True),
        # one name with attributes after it: a row of its own
        ([Row("Kari Lie")], "N A N A", 2, ["Per Dal"], False),
        # the row has its substitute already
        ([Row("Kari Lie", other_name="Ola Moe")], "N A N", 2, ["Per Dal"], False),
        # not after attributes
        ([Row("Kari Lie")], "N N", 1, ["Per Dal"], False),
        ([], "A N", 1, ["Per Dal"], False),
    ],
)
def test_takes_substitute(previous, groups, i, names, expected):
    runs = [(kind, []) for kind in groups.split()]
    assert rows.takes_substitute(previous, runs, i, names) is expected


# ---------------------------------------------------------------------------- assemble


def _person(name="Kari Lie", role=None, present=True, substitute_for=None):
    return ParsedAttendance(name, "political", role, "AP", present, substitute_for)


@pytest.mark.parametrize(
    ("kept", "repeat", "role", "substitute_for"),
    [
        (_person(), _person(role="Varamedlem", substitute_for="Per Dal"), "Varamedlem", "Per Dal"),
        (_person(role="Leiar"), _person(role="Varamedlem", substitute_for="Per Dal"), "Leiar", None),
        (_person(role="Varamedlem"), _person(role="Varamedlem", substitute_for="Per Dal"), "Varamedlem", "Per Dal"),
        (_person(), _person(role="Medlem"), None, None),
        (_person(present=False), _person(role="Varamedlem", substitute_for="Per Dal"), None, None),
        (_person(), _person(role="Varamedlem", present=False), None, None),
    ],
)
def test_merge_repeat(kept, repeat, role, substitute_for):
    assemble.merge_repeat(kept, repeat)
    assert (kept.role, kept.substitute_for) == (role, substitute_for)


@pytest.mark.parametrize(
    ("row", "default", "expected"),
    [
        (Row("Kari Lie", ["Fagforbundet"]), "political", "employee"),
        (Row("Kari Lie", ["AP"], ["Hovudtillitsvald"]), "other", "political"),  # the organisation first
        (Row("Kari Lie", roles=["Hovudtillitsvald"]), "political", "employee"),
        (Row("Kari Lie", roles=["Personalsjef"]), "other", "employer"),
        (Row("Kari Lie", roles=["Personalsjef"]), "political", "political"),
        (Row("Kari Lie", side="employer"), "political", "employer"),
        (Row("Kari Lie"), "other", "other"),
    ],
)
def test_row_side(row, default, expected):
    assert assemble.row_side(row, default) == expected


@pytest.mark.parametrize(
    ("row", "default", "expected"),
    [
        (Row("Kari Lie", ["Fagforbundet"], ["Møtesekretær"]), "other", "other"),
        (Row("Kari Lie", ["Fagforbundet"], ["Møtesekretær"]), "employer", "employee"),
        (Row("Kari Lie", ["Fagforbundet"]), "other", "employee"),
    ],
)
def test_a_secretary_among_the_others_stays_other(row, default, expected):
    assert assemble._other_side(row, default) == expected


@pytest.mark.parametrize(
    ("side", "org", "expected_side", "expected_org"),
    [
        ("other", "Fagforbundet", "employee", "Fagforbundet"),
        ("employee", "Fagforbundet", "employee", "Fagforbundet"),
        ("political", "Fagforbundet", "political", None),
        ("political", "AP", "political", "AP"),
        ("employee", "AP", "employee", None),
    ],
)
def test_fill_organisation(side, org, expected_side, expected_org):
    person = ParsedAttendance("Kari Lie", side, None, None, True)
    assemble._fill_organisation(person, org)
    assert (person.side, person.organisation) == (expected_side, expected_org)


# ---------------------------------------------------------------------------- sections


@pytest.mark.parametrize(
    ("role", "expected"),
    [("Varamedlem", True), ("Vara", True), ("varamedl.", True), ("Varaordførar", False), ("Medlem", False)],
)
def test_is_substitute_role(role, expected):
    assert is_substitute_role(role) is expected


SECTION_RULE_CASES = [
    # (rule, section kind, label, text, expected)
    (labels.single_person, "chair", "Møteleiar:", "", True),
    (labels.single_person, "others", "Møtesekretær:", "", True),
    (labels.single_person, "others", "Andre møtande:", "", False),
    (labels.single_person, "members", "Til stades:", "", False),
    (sections.party_in_both_columns, "absent_subs", "Forfall Parti Møtande varamedlem Parti", "Kari Lie Per Dal", True),
    (sections.party_in_both_columns, "absent_subs", "Forfall Møtande varamedlem", "Kari Lie AP Per Dal SP", True),
    (sections.party_in_both_columns, "absent_subs", "Forfall Møtande varamedlem", "Kari Lie AP Per Dal", False),
    (sections.lists_the_body, "members", "Medlemmer:", "", True),
    (sections.lists_the_body, "members", "Medlemmer som møtte:", "", False),
    (sections.lists_the_body, "members", "Til stede:", "", False),
    (sections.lists_the_body, "chair", "Møteleiar:", "", False),
]


@pytest.mark.parametrize(("rule", "kind", "label", "text", "expected"), SECTION_RULE_CASES)
def test_section_rules(rule, kind, label, text, expected):
    assert rule(labels.Section(kind, label, text)) is expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Arbeidstakarrepresentantar:", "employee"),
        ("Møtt frå de ansatte:", "employee"),
        ("Frå arbeidsgjevar:", "employer"),
        ("Til stades:", None),
    ],
)
def test_label_side(label, expected):
    assert sections.label_side(label) == expected


def test_apply_notes():
    found = [Row("Kari Lie"), Row("Per Dal"), Row("Ola Moe", roles=["Medlem"]), Row("Anne Vik")]
    notes = {"Per Dal": None, "Ola Moe": "Eva Berg", "Anne Vik": "Siv Ås"}
    assert sections._apply_notes(found, notes) == [
        Row("Kari Lie"),
        Row("Ola Moe", roles=["Medlem"], other_name="Eva Berg"),
        Row("Anne Vik", roles=["Varamedlem"], other_name="Siv Ås"),
    ]


# ---------------------------------------------------------------------------- substitutes


@pytest.mark.parametrize(
    ("previous", "names", "no_attrs_follow", "expected"),
    [
        ([Row("Per Dal", roles=["Vara"])], ["Kari Lie", "Ola Moe"], False, True),
        ([Row("Per Dal", roles=["Vara"])], ["Kari Lie"], True, True),
        ([Row("Per Dal", roles=["Vara"])], ["Kari Lie"], False, True),  # an absent member
        ([Row("Per Dal", roles=["Vara"])], ["Ola Moe"], False, False),
        ([Row("Per Dal", roles=["Medlem"])], ["Kari Lie", "Ola Moe"], False, False),
        ([Row("Per Dal", roles=["Vara"], other_name="Eva Berg")], ["Kari Lie"], True, False),
        ([], ["Kari Lie"], True, False),
        ([Row("Per Dal", roles=["Vara"])], [], True, False),
    ],
)
def test_names_replaced_member(previous, names, no_attrs_follow, expected):
    assert substitutes.names_replaced_member(previous, names, no_attrs_follow, ["Kari Lie"]) is expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Per Dal", "Ola Moe", "Kari Lie", "Eva Berg"], True),
        (["Per Dal", "Kari Lie", "Ola Moe", "Eva Berg"], False),
        (["Per Dal", "Kari Lie"], False),  # one pair is a row, not two columns
        (["Per Dal", "Ola Moe", "Siv Ås", "Kari Lie", "Eva Berg"], False),
    ],
)
def test_column_pairs(names, expected):
    assert substitutes.column_pairs(names, ["Kari Lie", "Eva Berg"]) is expected


def test_attach_attrs_one_each_to_the_last_rows_or_all_to_the_last():
    found = [Row("Kari Lie"), Row("Per Dal"), Row("Ola Moe")]
    substitutes.attach_attrs(found, ["AP", "SP"], [])
    assert [r.orgs for r in found] == [[], ["AP"], ["SP"]]
    substitutes.attach_attrs(found, ["H"], ["Leiar", "Medlem"])
    assert [(r.orgs, r.roles) for r in found] == [([], []), (["AP"], []), (["SP", "H"], ["Leiar", "Medlem"])]


# ---------------------------------------------------------------------------- rosters


@pytest.mark.parametrize(("word", "expected"), [("FO", True), ("f.", True), ("X", True), ("Fråvær", True), ("Møtt", False)])
def test_is_mark(word, expected):
    assert rosters.is_mark(word) is expected


@pytest.mark.parametrize(
    ("marks", "absent", "for_names", "expected"),
    [
        (2, [Row("Kari Lie")], [], True),
        (2, [Row("Kari Lie")], ["Kari Lie"], False),
        (1, [Row("Kari Lie")], [], False),
        (0, [], [], False),
    ],
)
def test_marks_without_names(marks, absent, for_names, expected):
    assert rosters.marks_without_names(marks, absent, for_names) is expected


@pytest.mark.parametrize(("position", "expected"), [(40, False), (45, False), (50, True), (60, True)])
def test_nearer_forfall(position, expected):
    # 'Møtt' at 40, 'Forfall' at 50: a mark half way counts as met
    assert rosters.nearer_forfall(position, (40, 50)) is expected


@pytest.mark.parametrize(("text", "i", "expected"), [("Kari Lie X", 0, True), ("Kari Lie AP", 0, False), ("Kari Lie X", 1, False)])
def test_followed_by_tick(text, i, expected):
    assert rosters.followed_by_tick(tokens.runs(tokens.tokenize(text)), i) is expected


@pytest.mark.parametrize(
    ("row", "marked", "names", "next_marked", "expected"),
    [
        (Row("Kari Lie"), True, ["Per Dal"], False, True),  # the substitute after a forfall mark
        (Row("Kari Lie"), True, ["Per Dal"], True, False),  # a row of its own, with its tick
        (Row("Kari Lie"), True, ["Per Dal", "Ola Moe"], True, True),
        (Row("Kari Lie"), False, ["Per Dal"], False, False),
        (Row("Kari Lie", other_name="Eva Berg"), True, ["Per Dal"], False, False),
        (None, False, ["Per Dal"], False, False),
        (Row("Kari Lie"), True, [], False, False),
    ],
)
def test_tick_reader_takes_substitute(row, marked, names, next_marked, expected):
    reader = rosters._TickReader(row=row, marked=marked)
    assert reader.takes_substitute(names, next_marked) is expected


@pytest.mark.parametrize(
    ("other_name", "expected"),
    [
        ("Kari Nilsen", "Kari Nilsen"),
        ("kari nilsen", "Kari Nilsen"),
        ("K. Nilsen", "Kari Nilsen"),  # the substitutes' list cuts the first name
        ("Ingrid Haugeiand", "Ingrid Haugeland"),  # a misread letter
        ("Kjell Nilsen", None),  # the surname alone is not enough
        (None, None),
    ],
)
def test_absent_member_however_spelt(other_name, expected):
    absent = {name.lower(): _person(name, present=False) for name in ("Kari Nilsen", "Ingrid Haugeland")}
    found = assemble._absent_member(Row("Per Dal", other_name=other_name), absent)
    assert (found.name if found else None) == expected


def test_a_substitute_for_a_member_spelt_another_way_adds_no_second_absence():
    people = assemble.build_attendance(
        [], [Row("Kari Nilsen", ["AP"])], [], substitutes=[Row("Per Dal", other_name="K. Nilsen")]
    )
    assert [(p.name, p.present, p.organisation, p.substitute_for) for p in people] == [
        ("Kari Nilsen", False, "AP", None),
        ("Per Dal", True, "AP", "Kari Nilsen"),
    ]
