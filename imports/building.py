"""Parse stored files and build the preview a person reviews (:class:`~imports.preview.Preview`).

The parser's meetings are loaded into the typed preview (so a parser result that breaks the
contract fails here, not at the review), their body, people and organisations resolved
(:mod:`imports.resolving`), and, for meetings already saved, what confirming would change
(:func:`preview_changes`).
"""
from __future__ import annotations

import datetime
import hashlib

from django.db import transaction
from django.utils.translation import gettext as _

from meetings.models import Meeting, SourceDocument
from municipalities.models import Body, Municipality

from .applying import apply_meeting
from .changes import ImportResult
from .parsers.case_numbers import find_cases
from .parsers.pipeline import parse_document
from .parsers.sing import MAX_MEETINGS as MAX_MEETINGS_PER_DOCUMENT  # noqa: F401 - re-exported for the upload page
from .parsers.text import extract_text, is_ocr_warning
from .preview import DocumentPreview, MeetingData, MeetingPreview, Preview
from .resolving import (
    aliases_of,
    check_municipality,
    normalise,
    organisation_lookup,
    resolve_body,
    resolve_organisation,
    seats_by_name,
)

MAX_ITEMS_PER_MEETING = 500  # the parser reads at most this many agenda entries per meeting


def build_preview(
    documents: list[SourceDocument], municipality: Municipality, body: Body | None = None, *, parse=parse_document
) -> Preview:
    """Parse stored files and resolve what they hold. Raises ProtocolImportError for a bad file."""
    sources = []
    for document in documents:
        with document.file.open("rb") as handle:
            sources.append((handle.read(), document.filename, document))
    return preview_sources(sources, municipality, body, parse=parse)


def preview_sources(sources, municipality: Municipality, body: Body | None = None, *, parse=parse_document) -> Preview:
    """``sources`` are ``(data, filename, SourceDocument or None)``; None when nothing may be stored.

    ``parse`` is :func:`~imports.parsers.parse_document` or its bounded twin
    :func:`~imports.parsers.isolation.parse_isolated` (same signature)."""
    context = _Context(municipality, body)
    preview = Preview(municipality=municipality.number)
    for data, filename, document in sources:
        parsed = parse(data, filename)
        notes = {check_municipality(m.municipality_name, municipality) for m in parsed.meetings}
        parsed.warnings.extend(sorted(note for note in notes if note))
        if document is not None and (document.family, document.pages) != (parsed.family, parsed.pages):
            document.family, document.pages = parsed.family, parsed.pages
            document.save(update_fields=["family", "pages"])
        ocr = any(is_ocr_warning(w) for w in parsed.warnings)
        parsed.warnings.extend(_cut_items_warnings(parsed, data, filename, ocr))
        preview.documents.append(DocumentPreview(
            id=document.pk if document else None, filename=filename, sha256=hashlib.sha256(data).hexdigest(),
            family=parsed.family, pages=parsed.pages, warnings=list(parsed.warnings), ocr=ocr,
        ))
        preview.warnings.extend(parsed.warnings)
        for index, meeting in enumerate(parsed.meetings):
            entry = context.meeting(meeting.to_dict(), document, index)
            entry.ocr, entry.filename = ocr, filename
            preview.meetings.append(entry)
    preview.sort()
    preview_changes(preview, municipality)
    return preview


def _cut_items_warnings(parsed, data: bytes, filename: str, ocr: bool) -> list[str]:
    """Say how many agenda items were left out when a meeting reached the items limit.

    Only a meeting with exactly the limit may have been cut, so only then is the text read again
    (not for a scan, whose OCR would have to run again) to count the case numbers it names.
    """
    if ocr or not any(len(m.items) >= MAX_ITEMS_PER_MEETING for m in parsed.meetings):
        return []
    named = {case for case, *_ in find_cases(extract_text(data, filename).text)}
    read = {item.case_number for m in parsed.meetings for item in m.items if item.case_number}
    if len(named - read) == 0:
        return []
    return [
        _("%(cut)d agenda items were not read: at most %(limit)d items per meeting are read, and the "
          "document names %(found)d case numbers. Split the document to import the rest.")
        % {"cut": len(named - read), "limit": MAX_ITEMS_PER_MEETING, "found": len(named)}
    ]


class _Context:
    """What the meetings of one preview are resolved against: the bodies and the organisations."""

    def __init__(self, municipality: Municipality, body: Body | None):
        self.municipality, self.body = municipality, body
        self.bodies = list(Body.objects.filter(municipality=municipality).order_by("name"))
        self.orgs = organisation_lookup()

    def meeting(self, parsed: dict, document, index: int) -> MeetingPreview:
        """One parsed meeting (``ParsedMeeting.to_dict()``), resolved, with what to check."""
        warnings = list(parsed.pop("warnings", []))
        data = MeetingData.from_json({**parsed, "municipality": self.municipality.number}, "meeting")
        target = self.body or resolve_body(data.body, self.municipality, self.bodies)
        if target is None:
            warnings.append(_("No body matches “%(name)s”: choose one before saving.") % {"name": data.body or "?"})
        else:
            data.body = target.name
        day = datetime.date.fromisoformat(data.date) if data.date else None
        if day is None:
            warnings.append(_("The meeting date is missing: fill it in before saving."))
        warnings += match_people(data, target, day)
        warnings += self.proposer_warnings(data)
        existing = (
            Meeting.objects.filter(body=target, date=day).values_list("pk", flat=True).first() if target and day else None
        )
        return MeetingPreview(
            key=f"{document.pk if document else 'x'}-{index}", document_id=document.pk if document else None,
            body_id=target.pk if target else None, existing_meeting_id=existing, warnings=warnings, data=data,
        )

    def proposer_warnings(self, data: MeetingData) -> list[str]:
        warnings = []
        for item in data.items:
            for proposal in item.proposals:
                unknown = [p for p in proposal.proposers if resolve_organisation(p, self.orgs) is None]
                if unknown:
                    warnings.append(
                        _("Unknown proposer in %(case)s: %(names)s")
                        % {"case": item.case_number or item.title, "names": ", ".join(unknown)}
                    )
        return warnings


def match_people(data: MeetingData, body: Body | None, day: datetime.date | None) -> list[str]:
    """Match each attendance row to a member by their seat on the day, else by a name a reviewer
    matched before; warn of each participant that matches nobody."""
    seats = seats_by_name(body, day) if day else {}
    aliases = aliases_of(body)
    warnings = []
    for row in data.attendance:
        seat = seats.get(normalise(row.name))
        row.person_id = seat.person_id if seat else aliases.get(normalise(row.name))
        row.remembered = seat is None and row.person_id is not None
        if row.unmatched:
            warnings.append(_("“%(name)s” matches no member of the body: check the name.") % {"name": row.name})
    return warnings


def preview_changes(preview: Preview, municipality: Municipality) -> None:
    """Show what confirming would change in meetings that are already saved: nothing is written.

    Each included entry that updates an existing meeting gets ``changes``: the changes the same
    code that saves (:func:`~imports.applying.apply_meeting`) would make, found by applying it in
    a transaction that is rolled back. Entries of new meetings get an empty list.
    """
    orgs = organisation_lookup()
    with transaction.atomic():
        for entry in preview.meetings:
            entry.changes = []
            body = Body.objects.filter(municipality=municipality, pk=entry.body_id).first()
            if not entry.existing_meeting_id or body is None or not entry.data.date:
                continue
            result = ImportResult()
            apply_meeting(entry, body, orgs, result)
            entry.changes = result.changes
        transaction.set_rollback(True)
