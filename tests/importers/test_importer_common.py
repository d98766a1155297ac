"""Unit tests of the shared helpers: dates, case numbers, organisations, tables, votes."""

from __future__ import annotations

import datetime as dt

import pytest

from imports.parsers import attendance as att
from imports.parsers.agenda_requests import parse_requests, request_subject
from imports.parsers.case_numbers import find_cases, is_procedural, item_type
from imports.parsers.dates import parse_date, parse_time_range
from imports.parsers.header import parse_header
from imports.parsers.orgs import split_proposers
from imports.parsers.pipeline import link_requests
from imports.parsers.types import ParsedItem, ParsedMeeting, ParsedProposal, ParsedRequest
from imports.parsers.votes import apply_votes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Møtedato: 22.08.2023", dt.date(2023, 8, 22)),
        ("7. februar 2023", dt.date(2023, 2, 7)),
        ("Dato: 5. mars 2024 kl. 13", dt.date(2024, 3, 5)),
        ("1.2.24", dt.date(2024, 2, 1)),
        ("31.02.2023", None),
        ("ingen dato", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:00 - 11:30", (dt.time(10), dt.time(11, 30))),
        ("kl. 13.00–15.00", (dt.time(13), dt.time(15))),
        ("09:00 til 12:15", (dt.time(9), dt.time(12, 15))),
        ("kl. 18.00", (dt.time(18), None)),
        ("", (None, None)),
    ],
)
def test_parse_time_range(text, expected):
    assert parse_time_range(text) == expected


def test_case_numbers_and_archive_ids():
    found = [
        (cn, prefix)
        for cn, _a, _b, prefix in find_cases("04/2023 og PS 3/24, arkiv 23/1070 og 5/22")
    ]
    assert found == [("04/2023", None), ("03/2024", "PS")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SV, SP, H, AP, Utdanningsforbundet og Fagforbundet",
            ["SV", "SP", "H", "AP", "Utdanningsforbundet", "Fagforbundet"],
        ),
        ("fagforbundet", ["Fagforbundet"]),
        ("Kari Nordmann (FrP)", ["FRP"]),
        ("Sjukepleiarforbundet og Naturviterne", ["Sykepleierforbundet", "Naturviterne"]),
        ("arbeidstakarrepresentantane", ["arbeidstakarrepresentantane"]),
    ],
)
def test_split_proposers(text, expected):
    assert split_proposers(text) == expected


def test_header_labels_flattened():
    head = parse_header(
        "Møtestad: Kommunestyresalen Møtetid: 10:00 - 11:30 Møtedato: 22.08.2023 Utval: ADMINISTRASJONSUTVALET"
    )
    assert (head.place, head.start, head.end, head.date, head.body) == (
        "Kommunestyresalen",
        dt.time(10),
        dt.time(11, 30),
        dt.date(2023, 8, 22),
        "Administrasjonsutvalet",
    )


def test_member_rows_flattened_use_first_names_to_split():
    rows = att.parse_absence_rows(
        "Forfall Parti Møtande varamedlem Ola Nordby Arbeidstakarrepr. Kari Anne Lie Marte Holm Aas H",
        substitute_last=True,
    )
    assert [(r.name, r.orgs, r.other_name) for r in rows] == [
        ("Ola Nordby", [], "Kari Anne Lie"),
        ("Marte Holm Aas", ["H"], None),
    ]


def test_member_rows_with_line_breaks():
    rows = att.parse_absence_rows(
        "Ola Nordby Arbeidstakarrepr. Kari Anne Lie\nSvein Holm Aas H", substitute_last=True
    )
    assert [(r.name, r.other_name) for r in rows] == [
        ("Ola Nordby", "Kari Anne Lie"),
        ("Svein Holm Aas", None),
    ]


def test_substitute_table_split_by_known_absentees():
    rows = att.parse_absence_rows(
        "Eva Moen Tone Dahl SV", substitute_last=False, known=["Tone Dahl"]
    )
    assert [(r.name, r.other_name, r.orgs) for r in rows] == [("Eva Moen", "Tone Dahl", ["SV"])]


def _props(*kinds_and_proposers):
    return [ParsedProposal(kind, list(proposers)) for kind, proposers in kinds_and_proposers]


def test_votes_unanimous_applies_to_only_proposal():
    props = _props(("administration", []))
    apply_votes(props, "Samrøystes vedteke.")
    assert (props[0].outcome, props[0].votes_for) == ("adopted", None)


def test_votes_against_derived_from_opposed_proposals():
    props = _props(("administration", []), ("joint", ["SV", "H"]))
    apply_votes(
        props,
        "Kommunedirektøren sitt forslag vart sett opp mot fellesforslaget. Kommunedirektøren sitt "
        "forslag fekk 2 stemmer (FRP) og falt. Fellesforslaget fekk 7 stemmer og vart vedteke.",
    )
    assert [(p.outcome, p.votes_for, p.votes_against) for p in props] == [
        ("fell", 2, 7),
        ("adopted", 7, 2),
    ]


def test_votes_bokmal_with_mot():
    props = _props(("administration", []), ("amendment", ["H"]))
    apply_votes(
        props,
        "Endringsforslaget fra H ble nedstemt med 2 mot 7 stemmer. Innstillingen ble vedtatt med 7 mot 2 stemmer.",
    )
    assert [(p.outcome, p.votes_for, p.votes_against) for p in props] == [
        ("adopted", 7, 2),
        ("fell", 2, 7),
    ]


def test_withdrawn_several():
    props = _props(("additional", ["Fagforbundet"]), ("additional", ["SV"]), ("additional", ["H"]))
    apply_votes(props, "Fagforbundet og SV trekk sine tilleggsforslag.")
    assert [p.outcome for p in props] == ["withdrawn", "withdrawn", "not_voted"]


def test_requests_and_subject():
    requests = parse_requests(
        "Spørsmål: Kari Nordby (Fagforbundet) ber om at sak om grøne tillitsvalde blir sett opp på "
        "sakslista til neste møte. Per Lie (Delta) spør om status for turnus."
    )
    assert [(r.by, r.organisation, r.asks_for_agenda_item) for r in requests] == [
        ("Kari Nordby", "Fagforbundet", True),
        ("Per Lie", "Delta", False),
    ]
    assert [r.text for r in requests] == [  # the speaker is not repeated in the text
        "ber om at sak om grøne tillitsvalde blir sett opp på sakslista til neste møte.",
        "spør om status for turnus.",
    ]
    assert request_subject(requests[0].text) == "grøne tillitsvalde"


def test_link_requests_only_to_later_meetings():
    early = ParsedMeeting(None, None, dt.date(2024, 1, 1))
    early.requests = [
        ParsedRequest(
            "Kari",
            "Fagforbundet",
            "Kari (Fagforbundet) ber om ei sak om trepartssamarbeid til neste møte.",
            None,
            True,
        )
    ]
    early.items = [ParsedItem("01/2024", 1, "Trepartssamarbeid i kommunen")]
    later = ParsedMeeting(None, None, dt.date(2024, 3, 1))
    later.items = [
        ParsedItem("05/2024", 1, "Godkjenning av protokoll", procedural=True),
        ParsedItem("06/2024", 2, "Kommunalt trepartssamarbeid"),
    ]
    link_requests([early, later])
    assert early.requests[0].resulting_case_number == "06/2024"


@pytest.mark.parametrize(
    ("title", "type_", "expected"),
    [
        ("GODKJENNING AV INNKALLING OG SAKSLISTE", "PS", True),
        ("Godkjenning av protokoll fra forrige møte", "PS", True),
        ("Referatsaker og meldingar", "PS", True),
        ("Søknad om permisjon", "RS", True),
        ("Parkeringsavgift for tilsette", "PS", False),
    ],
)
def test_procedural(title, type_, expected):
    assert is_procedural(title, type_) is expected


def test_item_types():
    assert item_type("OS", "X") == "orientering"
    assert item_type(None, "Orientering om sjukefråvær") == "orientering"
    assert item_type(None, "Drøftingssak: budsjett") == "drofting"
    assert item_type("RS", "Referat") == "RS"
    assert item_type(None, "Budsjett") == "PS"
