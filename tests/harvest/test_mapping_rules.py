"""The small rules of the eInnsyn mapping (:mod:`harvest.mapping`), one table each: pure, no database."""
from __future__ import annotations

import datetime

import pytest

from harvest.mapping import (
    document_kind,
    file_name,
    fill_item,
    is_held,
    matching_meeting,
    meeting_documents,
    start_time,
)
from imports.parsers.types import ParsedDocument, ParsedItem, ParsedMeeting, ParsedProposal

D = datetime.date(2024, 3, 12)
UTC = datetime.UTC


@pytest.mark.parametrize(("type_text", "kind"), [
    ("Protokoll", "protocol"),
    ("Møteprotokoll", "protocol"),
    ("MINUTES", "protocol"),
    ("Referat fra møtet", "protocol"),
    ("Møteinnkalling", "notice"),
    ("Saksliste", "notice"),
    ("Agenda", "notice"),
    ("Sakskart", "notice"),
    ("Protokoll og saksliste", "protocol"),  # the protocol word wins
    ("Vedlegg", None),
    ("", None),
    (None, None),
])
def test_document_kind(type_text, kind):
    assert document_kind(type_text) == kind


@pytest.mark.parametrize(("url", "name"), [
    ("https://example.invalid/dok/protokoll.pdf", "protokoll.pdf"),
    ("http://example.invalid/dok/123/", "123"),
    ("https://example.invalid/", "example.invalid"),
    ("ftp://example.invalid/protokoll.pdf", None),
    ("/relative/protokoll.pdf", None),
    (None, None),
    (42, None),
])
def test_file_name(url, name):
    assert file_name(url) == name


def _document(type_text, *urls, wrap=True):
    files = [{"url": u} for u in urls]
    return {"moetedokumenttype": type_text, "dokumentbeskrivelse": [{"dokumentobjekt": files}] if wrap else files}


@pytest.mark.parametrize(("documents", "expected"), [
    ([], []),
    ([_document("Saksliste", "https://x.invalid/s.pdf")], [("notice", "s.pdf", "https://x.invalid/s.pdf")]),
    ([_document("Saksliste", "https://x.invalid/s.pdf"), _document("Protokoll", "https://x.invalid/p.pdf")],
     [("protocol", "p.pdf", "https://x.invalid/p.pdf")]),
    ([_document("Protokoll", "https://x.invalid/1.pdf", "https://x.invalid/2.pdf")],
     [("protocol", "1.pdf", "https://x.invalid/1.pdf")]),
    ([_document("Protokoll", "mailto:x", "https://x.invalid/2.pdf")], [("protocol", "2.pdf", "https://x.invalid/2.pdf")]),
    ([_document("Vedlegg", "https://x.invalid/v.pdf")], []),
    (["an id, not expanded", _document("Protokoll", None)], []),
    ([{"moetedokumenttype": "Protokoll", "dokumentbeskrivelse": ["not expanded"]}], []),
    ([{"moetedokumenttype": "Protokoll", "dokumentbeskrivelse": [{"dokumentobjekt": ["not expanded"]}]}], []),
])
def test_meeting_documents(documents, expected):
    assert meeting_documents({"moetedokument": documents}) == expected


def _item(**values):
    return ParsedItem(case_number=values.pop("case_number", "01/24"), position=1, title="Sak", **values)


@pytest.mark.parametrize(("documents", "decisions", "held"), [
    ([("protocol", "p.pdf", "u")], [], True),
    ([("notice", "s.pdf", "u")], ["", ""], False),
    ([("notice", "s.pdf", "u")], ["", "Vedtatt."], True),
    ([], [], False),
    ([], ["Vedtatt."], True),
])
def test_is_held(documents, decisions, held):
    assert is_held(documents, [_item(decision=d) for d in decisions]) is held


@pytest.mark.parametrize(("when", "start"), [
    (datetime.datetime(2024, 3, 12, 10, 0), datetime.time(10, 0)),
    (datetime.datetime(2024, 3, 12, 9, 30, 45, 12), datetime.time(9, 30)),
    (datetime.datetime(2024, 3, 12, 13, 15, tzinfo=UTC), datetime.time(13, 15)),
    (datetime.datetime(2024, 3, 12, 0, 0), None),
    (datetime.datetime(2024, 3, 12, 0, 0, 30), None),
    (datetime.datetime(2024, 3, 12, 0, 1), datetime.time(0, 1)),
])
def test_start_time(when, start):
    assert start_time(when) == start


def _meeting(date, body="PSU"):
    return ParsedMeeting(municipality_name="Kommune", body_name=body, date=date)


@pytest.mark.parametrize(("dates", "found"), [
    ([D], 0),
    ([D - datetime.timedelta(days=7), D], 1),
    ([None], 0),  # one undated meeting: the document is about this one
    ([None, None], None),
    ([None, D], 1),
    ([D - datetime.timedelta(days=7)], None),
    ([], None),
])
def test_matching_meeting(dates, found):
    meetings = [_meeting(d, body=f"body {i}") for i, d in enumerate(dates)]
    match = matching_meeting(D, ParsedDocument(meetings=meetings))
    assert match is (None if found is None else meetings[found])


PROPOSAL = ParsedProposal(kind="administration", text="Forslag")
OTHER = ParsedProposal(kind="amendment", text="Endring")


@pytest.mark.parametrize(("mine", "theirs", "expected"), [
    # empty structured texts are filled, present ones kept
    ({}, {"handling": "Drøftet.", "text": "Saken gjelder."}, {"handling": "Drøftet.", "text": "Saken gjelder."}),
    ({"decision": "Vedtatt."}, {"decision": "Annet."}, {"decision": "Vedtatt."}),
    ({"administration_proposal": ""}, {"administration_proposal": "Innstilling."},
     {"administration_proposal": "Innstilling."}),
    # proposals: the document's only when the records have none
    ({}, {"proposals": [OTHER]}, {"proposals": [OTHER]}),
    ({"proposals": [PROPOSAL]}, {"proposals": [OTHER]}, {"proposals": [PROPOSAL]}),
    # the archive id when missing; the environmental assessment always from the document
    ({"archive_id": "24/100"}, {"archive_id": "24/999"}, {"archive_id": "24/100"}),
    ({}, {"archive_id": "24/999"}, {"archive_id": "24/999"}),
    ({"env_assessment": "consequences"}, {}, {"env_assessment": "not_assessed"}),
    ({}, {"env_assessment": "none_found"}, {"env_assessment": "none_found"}),
])
def test_fill_item(mine, theirs, expected):
    item, other = _item(**mine), _item(**theirs)
    fill_item(item, other)
    for name, value in expected.items():
        assert getattr(item, name) == value, name
