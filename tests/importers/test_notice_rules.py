"""Table-driven tests of the small rules that read a Sing notice (imports.parsers.sing), link
requests to later items (imports.parsers.pipeline) and place attachments after a case paper
(imports.parsers.attachments)."""

from __future__ import annotations

import datetime as dt

import pytest

from imports.parsers import attachments as at
from imports.parsers import pipeline as pl
from imports.parsers import sing
from imports.parsers.sections import AgendaEntry
from imports.parsers.types import ParsedItem, ParsedMeeting, ParsedRequest

# ---------------------------------------------------------------- Sing notices

BLOCK_12 = "Saksnr Utval Type Dato 12/2024 Administrasjonsutvalet PS 05.03.2024\n"
BLOCK_13 = "Saksnr Utval Type Dato 13/2024 Administrasjonsutvalet RS 05.03.2024\n"
NOTICE = (
    "SAKLISTE\nSaksnr Tittel\n12/2024 Budsjett for skulen\n13/2024 Plan for vegane\n"
    "https://mote.sing.no/vaksdal\n" + BLOCK_12 + "Budsjett for skulen\nKommunedirektøren sitt framlegg til vedtak:\n"
    "Budsjettet vert godkjent.\n" + BLOCK_13 + "Plan for vegane\n"
)


@pytest.mark.parametrize(
    ("text", "cases", "end_before"),
    [
        (NOTICE, ["12/2024", "13/2024"], "https://"),
        ("SAKLISTE 12/2024 Budsjett for skulen SAKSPAPIR 12/2024 Budsjett", ["12/2024"], "SAKSPAPIR"),
        ("Ingen saksliste her.", [], None),
    ],
)
def test_notice_agenda(text, cases, end_before):
    entries, end = sing.notice_agenda(text)
    assert [e.case for e in entries] == cases
    assert end == (text.index(end_before) if end_before else len(text))


def _entry(case: str, title: str, prefix: str | None = None) -> AgendaEntry:
    return AgendaEntry(case, title, prefix, 0)


def test_case_blocks_start_at_their_first_block_header():
    agenda_end = NOTICE.index("https://")
    blocks = sing.case_blocks(NOTICE, [_entry("12/2024", "Budsjett"), _entry("13/2024", "Plan")], agenda_end)
    assert {case: (pos, m is not None, n) for case, (pos, m, n) in blocks.items()} == {
        "12/2024": (NOTICE.index(BLOCK_12), True, 0),
        "13/2024": (NOTICE.index(BLOCK_13), True, 0),
    }


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # the title printed again above the administration's proposal
        ("X" * 20 + "Plan for vegane\nRådmannen sitt forslag til vedtak: Godkjent.", "Plan for vegane", (20, 35)),
        ("X" * 20 + "Plan for vegane\nutan framlegg", "Plan for vegane", None),  # no proposal follows
        ("X" * 20 + "Plan\nRådmannen sitt forslag til vedtak:", "Plan", None),  # one word is too little
    ],
)
def test_case_blocks_fall_back_on_a_repeated_title(text, title, expected):
    blocks = sing.case_blocks(text, [_entry("14/2024", title)], 0)
    found = blocks.get("14/2024")
    assert (None if found is None else (found[0], found[0] + found[2])) == expected
    assert found is None or found[1] is None


@pytest.mark.parametrize(
    ("block", "prefix", "title", "expected"),
    [
        (None, "RS", "Referatsaker", ("RS", True, ["Fant ikke saksframlegget til sak 12/2024."])),
        (None, None, "Orientering om budsjettet", ("orientering", False, ["Fant ikke saksframlegget til sak 12/2024."])),
        ((0, None, 8), "PS", "Budsjett", ("PS", False, [])),  # no block header: the saksliste's prefix
    ],
)
def test_notice_item(block, prefix, title, expected):
    warnings: list[str] = []
    item = sing._notice_item("Budsjett for skulen.", _entry("12/2024", title, prefix), 3, block, [0], warnings)
    assert (item.type, item.procedural, warnings) == expected
    assert (item.case_number, item.position, item.title) == ("12/2024", 3, title)


def test_notice_item_takes_the_type_of_its_block_header():
    agenda_end = NOTICE.index("https://")
    blocks = sing.case_blocks(NOTICE, [], agenda_end)
    starts = sorted(pos for pos, _, _ in blocks.values())
    item = sing._notice_item(NOTICE, _entry("13/2024", "Plan for vegane", "PS"), 2, blocks["13/2024"], starts, [])
    assert (item.type, item.procedural) == ("RS", True)


# ---------------------------------------------------------------- linking requests


def _request(asks: bool, linked: str | None = None) -> ParsedRequest:
    text = "ber om at sak om skulebygg på Dale blir sett opp på sakslista til neste møte."
    return ParsedRequest("Kari Nordby", "Fagforbundet", text, linked, asks)


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        (_request(True), "skulebygg på Dale"),
        (_request(False), ""),  # not a request for an agenda item
        (_request(True, "05/2024"), ""),  # linked already
    ],
)
def test_linkable_subject(request_, expected):
    assert pl.linkable_subject(request_) == expected


def _meeting(day: int | None, *titles: str) -> ParsedMeeting:
    meeting = ParsedMeeting(None, None, dt.date(2024, 3, day) if day else None)
    meeting.items = [ParsedItem(f"{i + 1:02d}/2024", i + 1, t) for i, t in enumerate(titles)]
    return meeting


@pytest.mark.parametrize(
    ("days", "of", "expected"),
    [
        ([5, 1, 9, 7], 0, [2, 3]),  # in the document's order
        ([5, None, 9], 0, [2]),
        ([None, 1, 9], 0, []),  # an undated meeting has none
        ([5, 5], 0, []),  # the same day is not later
    ],
)
def test_later_meetings(days, of, expected):
    meetings = [_meeting(d) for d in days]
    assert [meetings.index(m) for m in pl.later_meetings(meetings[of], meetings)] == expected


@pytest.mark.parametrize(
    ("titles", "procedural", "expected"),
    [
        (["Budsjett", "Nytt skulebygg på Dale", "Skulebygg på Dale og Stanghelle"], set(), 1),
        (["Skulebygg på Dale", "Skulebygg på Dale"], set(), 0),  # the first of equals
        (["Skulebygg på Dale"], {0}, None),  # procedural items are not linked
        (["Budsjett for 2025"], set(), None),  # below the threshold
    ],
)
def test_best_item(titles, procedural, expected):
    items = [ParsedItem(None, i, t, procedural=i in procedural) for i, t in enumerate(titles)]
    found = pl.best_item("skulebygg på Dale", items)
    assert (None if found is None else items.index(found)) == expected


def test_matching_item_takes_the_first_meeting_with_a_match():
    first, second = _meeting(9, "Budsjett"), _meeting(12, "Skulebygg på Dale")
    third = _meeting(15, "Skulebygg på Dale")
    assert pl.matching_item("skulebygg på Dale", [first, second, third]) is second.items[0]
    assert pl.matching_item("skulebygg på Dale", [first]) is None


# ---------------------------------------------------------------- attachments


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Vedlegg 1 viser kostnadene", True),
        ("Vedlegg 1: viser kostnadene", False),  # a separator makes it a heading
        ("Vedlegg 1 Notat om kostnadene", False),
        ("VEDLEGG 2", False),
    ],
)
def test_is_sentence_mention(line, expected):
    assert at.is_sentence_mention(at.HEADING_RE.search(line)) is expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "Notat"), (2, "Rapport"), (0, ""), (3, "")],
)
def test_listed_title(number, expected):
    assert at.listed_title(["Notat", "Rapport"], number) == expected


@pytest.mark.parametrize(
    ("text", "titles", "expected"),
    [
        ("Saka.\nVedlegg 2: Rapport om vegar\nTekst", ["Notat", "Rapport"], {6: "Rapport"}),
        ("Saka.\nVedlegg 3: Rapport om vegar\nTekst", ["Notat"], {6: "Rapport om vegar"}),
        ("Saka.\nVEDLEGG 3\nTekst", [], {6: "VEDLEGG 3"}),
        ("Saka.\nVedlegg 1 viser vegane\nTekst", ["Notat"], {}),
    ],
)
def test_numbered_starts(text, titles, expected):
    assert at.numbered_starts(text, titles, 0) == expected


@pytest.mark.parametrize(
    ("starts", "headings", "listed", "expected"),
    [
        ({50: "Notat"}, [80, 120], True, ({50: "Notat", 80: "", 120: ""}, 200)),
        ({80: "Notat"}, [80], True, ({80: "Notat"}, 200)),  # a heading found already keeps its title
        ({50: "Notat", 150: "Rapport"}, [120], False, ({50: "Notat"}, 120)),  # no list: the item ends
        ({50: "Notat"}, [], False, ({50: "Notat"}, 200)),
    ],
)
def test_with_document_headings(starts, headings, listed, expected):
    assert at.with_document_headings(dict(starts), headings, listed=listed, end=200) == expected


@pytest.mark.parametrize(
    ("starts", "floor", "expected"),
    [
        ({}, 0, {41: "Notat om vegane"}),
        ({41: ""}, 0, {41: "Notat om vegane"}),  # a heading without a title gets the listed one
        ({41: "Vedlegg 1"}, 0, {41: "Vedlegg 1"}),
        ({}, 50, {}),  # before the floor
    ],
)
def test_add_title_headings(starts, floor, expected):
    text = "Saksopplysningar om vegane i kommunen.\n\n\nNotat om vegane\nTekst om vegane."
    starts = dict(starts)
    at.add_title_headings(text, ["Notat om vegane"], starts, floor)
    assert starts == expected
