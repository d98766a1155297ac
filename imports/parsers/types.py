"""Plain dataclasses the importer returns: the contract with the Django layer.

``to_dict()`` gives JSON-ready dicts (dates as ISO strings, times as "HH:MM"): every field in
the order it is declared, except for the meeting, whose keys are those of the stored preview. The
Django layer adds the municipality's kommunenummer (``"municipality"`` is always ``None`` here).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Literal

from meetings.climate.classifier import Classification

Side = Literal["political", "employer", "employee", "other"]
ItemType = Literal["PS", "RS", "orientering", "drofting"]
ProposalKind = Literal["administration", "amendment", "additional", "joint", "alternative"]
Outcome = Literal["adopted", "fell", "withdrawn", "not_voted"]
EnvAssessment = Literal["consequences", "none_found", "not_assessed"]
MeetingState = Literal["held", "planned"]
DocumentKind = Literal["protocol", "notice"]


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _plain(value):
    """A field's value as JSON-ready data: records (and the classification) as dicts, lists copied."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


class _Record:
    """Base of the parsed records whose dict is their fields, in the order they are declared."""

    def to_dict(self) -> dict:
        return {spec.name: _plain(getattr(self, spec.name)) for spec in fields(self)}


@dataclass
class ParsedAttendance(_Record):
    """One person at (or absent from) a meeting."""

    name: str
    side: Side = "other"
    role: str | None = None
    organisation: str | None = None
    present: bool = True
    substitute_for: str | None = None


@dataclass
class ParsedProposal(_Record):
    """A proposed decision: the administration's, or one from parties/unions."""

    kind: ProposalKind
    proposers: list[str] = field(default_factory=list)
    text: str = ""
    outcome: Outcome = "not_voted"
    votes_for: int | None = None
    votes_against: int | None = None


@dataclass
class ParsedAttachment(_Record):
    """A document attached to a case paper (``Vedlegg``): its title and, when the file holds it, its text."""

    title: str
    text: str = ""


@dataclass
class ParsedItem(_Record):
    """One agenda item (sak) with its proposals, handling, decision and classification."""

    case_number: str | None
    position: int
    title: str
    type: ItemType = "PS"
    archive_id: str | None = None
    procedural: bool = False
    administration_proposal: str = ""
    handling: str = ""
    proposals: list[ParsedProposal] = field(default_factory=list)
    decision: str = ""
    text: str = ""
    attachments: list[ParsedAttachment] = field(default_factory=list)
    climate: Classification = field(default_factory=Classification)
    env_assessment: EnvAssessment = "not_assessed"


@dataclass
class ParsedRequest(_Record):
    """A question or request raised in a meeting (e.g. an employee-side ask for a case)."""

    by: str
    organisation: str | None = None
    text: str = ""
    resulting_case_number: str | None = None
    asks_for_agenda_item: bool = False


@dataclass
class ParsedMeeting:
    """One meeting found in a document: a held meeting (protocol) or a planned one (notice)."""

    municipality_name: str | None
    body_name: str | None
    date: dt.date | None
    start: dt.time | None = None
    end: dt.time | None = None
    place: str | None = None
    state: MeetingState = "held"
    document_kind: DocumentKind = "protocol"
    attendance: list[ParsedAttendance] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    requests: list[ParsedRequest] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def item(self, case_number: str) -> ParsedItem | None:
        """The item with this case number, if any."""
        return next((i for i in self.items if i.case_number == case_number), None)

    def to_dict(self) -> dict:
        return {
            "municipality": None,
            "municipality_name": self.municipality_name,
            "body": self.body_name,
            "date": self.date.isoformat() if self.date else None,
            "start": _time(self.start),
            "end": _time(self.end),
            "place": self.place,
            "state": self.state,
            "document_kind": self.document_kind,
            "attendance": _plain(self.attendance),
            "items": _plain(self.items),
            "requests": _plain(self.requests),
            "warnings": list(self.warnings),
        }


@dataclass
class ParsedDocument(_Record):
    """Everything found in one uploaded file."""

    family: str = "generic"
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
    meetings: list[ParsedMeeting] = field(default_factory=list)
