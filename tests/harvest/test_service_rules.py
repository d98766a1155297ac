"""How the harvest counts a saved meeting, and the document it hands the importer (pure, no database)."""
from __future__ import annotations

import datetime

import pytest

from harvest.services import _harvested_document, saved_as
from imports.parsers.types import ParsedDocument, ParsedMeeting


@pytest.mark.parametrize(("updating", "inserted", "updated", "kind"), [
    (False, 0, 0, "added"),
    (False, 3, 1, "added"),
    (True, 1, 0, "updated"),
    (True, 0, 2, "updated"),
    (True, 0, 0, "skipped"),
])
def test_saved_as(updating, inserted, updated, kind):
    assert saved_as(updating, {"inserted": inserted, "updated": updated, "unchanged": 4}) == kind


MEETING = ParsedMeeting(municipality_name=None, body_name="PSU", date=datetime.date(2024, 3, 12))


@pytest.mark.parametrize(("parsed", "family", "pages", "warnings"), [
    (None, "einnsyn", 0, []),
    (ParsedDocument(family="sing", pages=7, warnings=["w"]), "sing", 7, ["w"]),
])
def test_harvested_document(parsed, family, pages, warnings):
    document = _harvested_document(MEETING, parsed)
    assert (document.meetings, document.family, document.pages, document.warnings) == ([MEETING], family, pages, warnings)
    if parsed is not None:
        assert document.warnings is not parsed.warnings
