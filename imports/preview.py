"""The import preview: what a parse found and resolved, as typed records (the review's contract).

A preview is built from the parser's results (:mod:`imports.building`), stored as JSON on
``ImportRun.preview`` between the parse and the confirmation, corrected by the review form
(:mod:`imports.forms`) and applied (:func:`imports.applying.apply_preview`). Every record here is
a dataclass with slots, so a misspelt attribute is an ``AttributeError``, and
:meth:`Record.from_json` validates what it loads: an unknown key, a missing required key or a
value of the wrong type raises :class:`PreviewError` naming the place (``meetings[0].data.date``).
A preview stored by an earlier version that no longer validates is refused with a message that
asks for the document to be uploaded again.

``to_json()`` gives the same JSON layout the importer has always stored.
"""
from __future__ import annotations

import types
import typing
from dataclasses import MISSING, dataclass, field, fields, is_dataclass

from django.utils.translation import gettext as _

from .parsers.errors import ProtocolImportError

record = dataclass(slots=True, kw_only=True)


class PreviewError(ProtocolImportError):
    """A stored preview that does not match this contract (``detail`` says where)."""

    def __init__(self, detail: str):
        super().__init__(
            "stale_preview",
            _("This import was read by an earlier version of the importer and can no longer be reviewed. "
              "Discard it in the list of imports and upload the document again."),
            detail=detail,
        )


class Record:
    """Base of the preview's records: JSON in, JSON out."""

    __slots__ = ()

    @classmethod
    def from_json(cls, data, path: str = ""):
        return _load(cls, data, path or cls.__name__)

    def to_json(self) -> dict:
        out = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value is None and spec.metadata.get("omit_none"):
                continue
            out[spec.name] = _dump(value)
        return out


def _dump(value):
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value


_HINTS: dict[type, dict] = {}


def _hints(cls) -> dict:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _load(cls, data, path: str):
    if not isinstance(data, dict):
        raise PreviewError(f"{path}: expected an object, got {type(data).__name__}")
    specs = {spec.name: spec for spec in fields(cls)}
    unknown = sorted(set(data) - set(specs))
    if unknown:
        raise PreviewError(f"{path}: unknown key {', '.join(map(repr, unknown))}")
    hints, values = _hints(cls), {}
    for name, spec in specs.items():
        if name in data:
            values[name] = _check(data[name], hints[name], f"{path}.{name}")
        elif spec.default is MISSING and spec.default_factory is MISSING:
            raise PreviewError(f"{path}: missing key {name!r}")
    return cls(**values)


_SCALARS = {str: (str,), int: (int,), bool: (bool,)}


def _check(value, hint, path: str):
    """``value`` as ``hint`` says (str, int, bool, X | None, list[X] or a record), else PreviewError."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if value is None and len(options) < len(typing.get_args(hint)):
            return None
        return _check(value, options[0], path)
    if origin is list:
        if not isinstance(value, list):
            raise PreviewError(f"{path}: expected a list, got {type(value).__name__}")
        (inner,) = typing.get_args(hint)
        return [_check(v, inner, f"{path}[{i}]") for i, v in enumerate(value)]
    if is_dataclass(hint):
        return _load(hint, value, path)
    wanted = _SCALARS[hint]
    if not isinstance(value, wanted) or (hint is not bool and isinstance(value, bool)):
        raise PreviewError(f"{path}: expected {hint.__name__}, got {type(value).__name__}")
    return value


# --- the records -----------------------------------------------------------------------------


@record
class NewMember(Record):
    """The reviewer's decision to add an unmatched name as a member of the body."""

    side: str
    role: str
    organisation_id: int | None = None
    start: str
    end: str | None = None


@record
class AttendancePreview(Record):
    name: str
    side: str = "other"
    role: str | None = None
    organisation: str | None = None
    present: bool = True
    substitute_for: str | None = None
    person_id: int | None = None
    remembered: bool = False  # matched through a name a reviewer matched before
    matched: bool = False  # matched by the reviewer now (remembered for the next import)
    new_member: NewMember | None = None

    @property
    def unmatched(self) -> bool:
        """A name the reviewer is asked about: no person, and not an outsider."""
        return self.person_id is None and self.side != "other"


@record
class ProposalPreview(Record):
    kind: str
    proposers: list[str] = field(default_factory=list)
    text: str = ""
    outcome: str = "not_voted"
    votes_for: int | None = None
    votes_against: int | None = None


@record
class AttachmentPreview(Record):
    title: str
    text: str = ""


@record
class EvidencePreview(Record):
    phrase: str
    field: str
    start: int
    end: int
    category: str
    tie: EvidencePreview | None = field(default=None, metadata={"omit_none": True})


@record
class ClimatePreview(Record):
    level: str = "none"
    evidence: list[EvidencePreview] = field(default_factory=list)


@record
class ItemPreview(Record):
    case_number: str | None
    position: int
    title: str
    type: str = "PS"
    archive_id: str | None = None
    procedural: bool = False
    administration_proposal: str = ""
    handling: str = ""
    proposals: list[ProposalPreview] = field(default_factory=list)
    decision: str = ""
    text: str = ""
    attachments: list[AttachmentPreview] = field(default_factory=list)
    climate: ClimatePreview = field(default_factory=ClimatePreview)
    env_assessment: str = "not_assessed"
    climate_override: str = ""
    climate_override_reason: str = ""


@record
class RequestPreview(Record):
    by: str
    organisation: str | None = None
    text: str = ""
    resulting_case_number: str | None = None
    asks_for_agenda_item: bool = False


@record
class MeetingData(Record):
    """The meeting as the document gives it, with the body resolved (``body`` is its name)."""

    municipality: str | None = None
    municipality_name: str | None = None
    body: str | None = None
    date: str | None  # ISO date; None: missing in the document, the reviewer fills it in
    start: str | None = None  # "HH:MM"
    end: str | None = None
    place: str | None = None
    state: str = "held"
    document_kind: str = "protocol"
    attendance: list[AttendancePreview] = field(default_factory=list)
    items: list[ItemPreview] = field(default_factory=list)
    requests: list[RequestPreview] = field(default_factory=list)


@record
class ChangePreview(Record):
    """One change confirming would make to a saved record (``kind``: field, set, new_item or conflict)."""

    id: str
    kind: str
    what: str
    field: str
    old: str = ""
    new: str = ""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def conflict(self) -> bool:
        return self.kind == "conflict"


@record
class MeetingPreview(Record):
    """One meeting of the preview and the reviewer's decisions about it."""

    key: str = ""
    document_id: int | None = None
    body_id: int | None = None
    existing_meeting_id: int | None = None
    include: bool = True
    publish: bool = False
    warnings: list[str] = field(default_factory=list)
    data: MeetingData
    ocr: bool = False
    filename: str = ""
    changes: list[ChangePreview] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # ids of changes the reviewer turned down
    forced: list[str] = field(default_factory=list)  # ids of conflicts the reviewer chose to overwrite

    def order(self) -> tuple[bool, str]:
        """Preview meetings by date; meetings whose date is missing come last."""
        return (self.data.date is None, self.data.date or "")

    @property
    def label(self) -> str:
        return f"{self.data.body or '?'} ({len(self.data.items)} saker)"


@record
class DocumentPreview(Record):
    id: int | None = None
    filename: str
    sha256: str
    family: str
    pages: int
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False


@record
class Preview(Record):
    municipality: str
    documents: list[DocumentPreview] = field(default_factory=list)
    meetings: list[MeetingPreview] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def extend(self, other: Preview) -> None:
        self.documents.extend(other.documents)
        self.meetings.extend(other.meetings)
        self.warnings.extend(other.warnings)

    def sort(self) -> None:
        self.meetings.sort(key=MeetingPreview.order)

    def undated(self) -> list[MeetingPreview]:
        """Included meetings whose date is still missing: they cannot be saved."""
        return [entry for entry in self.meetings if entry.include and not entry.data.date]

    def all_warnings(self) -> list[str]:
        return self.warnings + [w for entry in self.meetings for w in entry.warnings]


def load_preview(stored) -> Preview | None:
    """The stored preview of a run; None when it lists no meetings (nothing to review).

    Raises :class:`PreviewError` for one that does not match the contract."""
    if not isinstance(stored, dict) or not stored.get("meetings"):
        return None
    return Preview.from_json(stored)
