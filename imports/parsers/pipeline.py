"""The import pipeline: bytes -> text -> family -> meetings -> classification -> linking.

``parse_document`` and ``parse_text`` only ever raise ``ProtocolImportError``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from types import ModuleType

from meetings.climate import assess_environment, classify_agenda_item

from . import elements, generic, sing
from .agenda_requests import request_subject, subject_score
from .errors import ProtocolImportError
from .header import MEETING_WORD_RE
from .text import extract_text
from .types import ParsedDocument, ParsedItem, ParsedMeeting, ParsedRequest

logger = logging.getLogger(__name__)

FAMILIES: tuple[ModuleType, ...] = (sing, elements, generic)
MIN_SCORE = 0.5
MAX_TEXT_CHARS = 3_000_000
LINK_THRESHOLD = 0.34


def parse_document(data: bytes, filename: str = "") -> ParsedDocument:
    """Parse an uploaded PDF or text file into meetings."""
    return _guarded(lambda: _parse_document(data, filename))


def parse_text(text: str) -> ParsedDocument:
    """Parse already-extracted text (e.g. pasted from a meeting portal)."""
    return _guarded(lambda: _parse_text(text, pages=1))


def _guarded(run: Callable[[], ParsedDocument]) -> ParsedDocument:
    try:
        return run()
    except ProtocolImportError:
        raise
    except RecursionError as exc:
        raise ProtocolImportError("internal", detail="recursion") from exc
    except Exception as exc:
        logger.exception("Unexpected error while importing a protocol")
        raise ProtocolImportError("internal", detail=repr(exc)[:200]) from exc


def _parse_document(data: bytes, filename: str) -> ParsedDocument:
    extracted = extract_text(data, filename)
    doc = _parse_text(extracted.text, pages=extracted.pages)
    doc.warnings[:0] = list(extracted.warnings)
    return doc


def detect_family(text: str) -> tuple[ModuleType, float]:
    """The family module with the highest ``detect`` score (generic when none is convincing)."""
    scored = [(family.detect(text), i, family) for i, family in enumerate(FAMILIES)]
    score, _, best = max(scored, key=lambda t: (t[0], -t[1]))
    if score < MIN_SCORE:
        return generic, score
    return best, score


def _parse_text(text: str, *, pages: int) -> ParsedDocument:
    if not text or not text.strip():
        raise ProtocolImportError("empty")
    warnings: list[str] = []
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        warnings.append("Dokumentet er svært langt; bare begynnelsen ble lest.")
    family, _score = detect_family(text)
    meetings, family_warnings = family.parse(text)
    if not meetings and family is not generic:
        meetings, family_warnings = generic.parse(text)
        family = generic
    meetings = [m for m in meetings if m.items or m.attendance or _has_header(m, text)]
    if not meetings:
        raise ProtocolImportError("no_meeting_found")
    warnings += family_warnings
    meetings.sort(key=_meeting_order)
    for meeting in meetings:
        for item in meeting.items:
            _classify_item(item)
    link_requests(meetings)
    return ParsedDocument(meetings=meetings, warnings=warnings, family=family.NAME, pages=pages)


def _has_header(meeting: ParsedMeeting, text: str) -> bool:
    """A meeting document's heading with at least one labelled field, though nothing else was read."""
    return bool(
        (meeting.date or meeting.place or meeting.start or meeting.body_name)
        and MEETING_WORD_RE.search(text[:2000])
    )


def _meeting_order(meeting: ParsedMeeting) -> tuple:
    """Dated meetings first, by date (a protocol before a notice of the same day); undated last."""
    return (
        meeting.date is None,
        meeting.date or dt.date.min,
        0 if meeting.document_kind == "protocol" else 1,
    )


def _classify_item(item: ParsedItem) -> None:
    item.climate = classify_agenda_item(
        item.title,
        item.text,
        administration_proposal=item.administration_proposal,
        handling=item.handling,
        decision=item.decision,
        proposals=[(p.kind, p.text) for p in item.proposals],
        attachments=[(a.title, a.text) for a in item.attachments],
    )
    item.env_assessment = assess_environment(item.text)


def link_requests(meetings: list[ParsedMeeting]) -> None:
    """Link agenda requests to a matching item in a later meeting of the same document."""
    for meeting in meetings:
        for request in meeting.requests:
            subject = linkable_subject(request)
            if not subject:
                continue
            item = matching_item(subject, later_meetings(meeting, meetings))
            if item is not None:
                request.resulting_case_number = item.case_number


def linkable_subject(request: ParsedRequest) -> str:
    """The subject of a request for an agenda item that is not linked yet ('': nothing to link)."""
    if not request.asks_for_agenda_item or request.resulting_case_number:
        return ""
    return request_subject(request.text)


def later_meetings(meeting: ParsedMeeting, meetings: list[ParsedMeeting]) -> list[ParsedMeeting]:
    """The meetings dated after ``meeting``, in the document's order (none when it has no date)."""
    return [m for m in meetings if m.date and meeting.date and m.date > meeting.date]


def best_item(subject: str, items: list[ParsedItem]) -> ParsedItem | None:
    """The non-procedural item whose title matches the subject best, at least LINK_THRESHOLD
    (the first of equals)."""
    best: tuple[float, ParsedItem] | None = None
    for item in items:
        if item.procedural:
            continue
        score = subject_score(subject, item.title)
        if score >= LINK_THRESHOLD and (best is None or score > best[0]):
            best = (score, item)
    return best[1] if best else None


def matching_item(subject: str, meetings: list[ParsedMeeting]) -> ParsedItem | None:
    """The best matching item of the first of ``meetings`` that has one."""
    for meeting in meetings:
        item = best_item(subject, meeting.items)
        if item is not None:
            return item
    return None
