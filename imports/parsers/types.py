"""Plain dataclasses the importer returns: the contract with the Django layer.

``to_dict()`` gives JSON-ready dicts (dates as ISO strings, times as "HH:MM"). The Django
layer adds the municipality's kommunenummer (``"municipality"`` is always ``None`` here).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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


@dataclass
class ParsedAttendance:
    """One person at (or absent from) a meeting."""

    name: str
    side: Side = "other"
    role: str | None = None
    organisation: str | None = None
    present: bool = True
    substitute_for: str | None = None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "side": self.side,
            "role": self.role,
            "organisation": self.organisation,
            "present": self.present,
            "substitute_for": self.substitute_for,
        }


@dataclass
class ParsedProposal:
    """A proposed decision: the administration's, or one from parties/unions."""

    kind: ProposalKind
    proposers: list[str] = field(default_factory=list)
    text: str = ""
    outcome: Outcome = "not_voted"
    votes_for: int | None = None
    votes_against: int | None = None

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "proposers": list(self.proposers),
            "text": self.text,
            "outcome": self.outcome,
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
        }


@dataclass
class ParsedAttachment:
    """A document attached to a case paper (``Vedlegg``): its title and, when the file holds it, its text."""

    title: str
    text: str = ""

    def to_dict(self) -> dict:
        return {"title": self.title, "text": self.text}


@dataclass
class ParsedItem:
    """One agenda item (sak) with its proposals, handling, decision and classification."""

    case_number: str | None
    position: int
    title: str
    type: ItemType = "PS"
    archive_id: str | None = None
    administration_proposal: str = ""
    handling: str = ""
    decision: str = ""
    proposals: list[ParsedProposal] = field(default_factory=list)
    text: str = ""
    attachments: list[ParsedAttachment] = field(default_factory=list)
    climate: Classification = field(default_factory=Classification)
    env_assessment: EnvAssessment = "not_assessed"
    procedural: bool = False

    def to_dict(self) -> dict:
        return {
            "case_number": self.case_number,
            "position": self.position,
            "title": self.title,
            "type": self.type,
            "archive_id": self.archive_id,
            "procedural": self.procedural,
            "administration_proposal": self.administration_proposal,
            "handling": self.handling,
            "proposals": [p.to_dict() for p in self.proposals],
            "decision": self.decision,
            "text": self.text,
            "attachments": [a.to_dict() for a in self.attachments],
            "climate": self.climate.to_dict(),
            "env_assessment": self.env_assessment,
        }


@dataclass
class ParsedRequest:
    """A question or request raised in a meeting (e.g. an employee-side ask for a case)."""

    by: str
    organisation: str | None = None
    text: str = ""
    resulting_case_number: str | None = None
    asks_for_agenda_item: bool = False

    def to_dict(self) -> dict:
        return {
            "by": self.by,
            "organisation": self.organisation,
            "text": self.text,
            "resulting_case_number": self.resulting_case_number,
            "asks_for_agenda_item": self.asks_for_agenda_item,
        }


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
            "attendance": [a.to_dict() for a in self.attendance],
            "items": [i.to_dict() for i in self.items],
            "requests": [r.to_dict() for r in self.requests],
            "warnings": list(self.warnings),
        }


@dataclass
class ParsedDocument:
    """Everything found in one uploaded file."""

    meetings: list[ParsedMeeting] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    family: str = "generic"
    pages: int = 0

    def to_dict(self) -> dict:
        return {
            "family": self.family,
            "pages": self.pages,
            "warnings": list(self.warnings),
            "meetings": [m.to_dict() for m in self.meetings],
        }
