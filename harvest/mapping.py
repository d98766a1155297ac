"""eInnsyn's meeting records → the importer's typed contract (:mod:`imports.parsers.types`).

A ``Moetemappe`` expanded with its ``Moetesak``, ``Vedtak``, ``Votering`` and ``Moetedokument``
becomes a :class:`~imports.parsers.types.ParsedMeeting`, the same record a parsed protocol
is, so the importer resolves, previews and saves it with its own rules
(:mod:`harvest.services`). :func:`merge` adds what a parsed meeting document holds and the
structured records lack; a structured value always wins.

A record that does not have the shape the OpenAPI description gives raises
:class:`MalformedRecord` with the record's id.
"""
from __future__ import annotations

import datetime
import html
import re
from collections import OrderedDict

from django.utils.html import strip_tags

from imports.parsers.types import ParsedAttendance, ParsedDocument, ParsedItem, ParsedMeeting, ParsedProposal
from meetings.models import CASE_NUMBER_PATTERN

# eInnsyn's moetesakstype → the product's item type (legacy "PS"/"RS"/"DS" win when present)
ITEM_TYPES = {
    "politisk": "PS", "delegert": "PS", "interpellasjon": "PS", "godkjenning": "PS", "moete": "PS",
    "annet": "PS", "referat": "RS", "orientering": "orientering",
}
LEGACY_TYPES = {"PS": "PS", "RS": "RS", "DS": "RS", "OS": "orientering"}
PROTOCOL_WORDS = ("protokoll", "minutes", "referat")
NOTICE_WORDS = ("innkalling", "saksliste", "agenda", "sakskart")
VOTES = {"Ja": "for", "Nei": "against", "Blankt": "blank"}


class MalformedRecord(Exception):
    def __init__(self, record_id: str, message: str):
        super().__init__(f"{record_id}: {message}")
        self.record_id, self.message = record_id, message


def _id(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return value["id"]
    return None


def _expanded(value, record_id: str, what: str) -> dict | None:
    """An expanded object; None when absent. An id where an object was asked for is malformed."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise MalformedRecord(record_id, f"{what} is not expanded")
    return value


def _text(description: dict | None) -> str:
    """The text of a Moetesaksbeskrivelse/Behandlingsprotokoll (HTML made plain)."""
    if not description:
        return ""
    content = description.get("tekstInnhold") or ""
    if not isinstance(content, str):
        return ""
    if "html" in (description.get("tekstFormat") or "").lower() or re.search(r"</?(p|br|div|ul|li)\b", content):
        content = re.sub(r"(?i)<br\s*/?>|</p>|</li>|</div>", "\n", content)
        content = html.unescape(strip_tags(content))
    return "\n".join(line.strip() for line in content.strip().splitlines()).strip()


def _datetime(value, record_id: str, what: str) -> datetime.datetime:
    if not isinstance(value, str):
        raise MalformedRecord(record_id, f"{what} is missing")
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise MalformedRecord(record_id, f"{what} is not a date: {value[:40]!r}") from None


def case_number(year, sequence) -> str | None:
    if not isinstance(year, int) or not isinstance(sequence, int):
        return None
    number = f"{sequence:02d}/{year}"
    return number if re.match(CASE_NUMBER_PATTERN, number) else None


def vote_totals(votes: list) -> dict[str, int]:
    """Votes per representative summed: each participant counts once (their last vote)."""
    by_person: OrderedDict[str, str] = OrderedDict()
    for index, vote in enumerate(votes):
        if not isinstance(vote, dict) or vote.get("stemme") not in VOTES:
            continue
        participant = vote.get("moetedeltaker")
        key = _id(participant) or f"#{index}"
        by_person[key] = VOTES[vote["stemme"]]
    totals = {"for": 0, "against": 0, "blank": 0}
    for choice in by_person.values():
        totals[choice] += 1
    return totals


def _voters(votes: list) -> list[ParsedAttendance]:
    seen, rows = set(), []
    for vote in votes:
        participant = vote.get("moetedeltaker") if isinstance(vote, dict) else None
        if not isinstance(participant, dict) or not participant.get("moetedeltakerNavn"):
            continue
        name = participant["moetedeltakerNavn"].strip()
        if name in seen:
            continue
        seen.add(name)
        represents = vote.get("representerer")
        rows.append(ParsedAttendance(
            name=name, role=participant.get("moetedeltakerFunksjon") or None,
            organisation=represents.get("navn") if isinstance(represents, dict) else None,
        ))
    return rows


def map_item(case: dict, position: int, meeting_id: str) -> tuple[ParsedItem, list[ParsedAttendance], dict]:
    """One Moetesak: the item, the people who voted on it, and vote totals (with blanks)."""
    if not isinstance(case, dict):
        raise MalformedRecord(meeting_id, "an agenda item is not expanded")
    case_id = case.get("id") or meeting_id
    title = case.get("offentligTittel")
    if not isinstance(title, str) or not title.strip():
        raise MalformedRecord(case_id, "the agenda item has no title")
    legacy = (case.get("legacyMoetesakstype") or "").upper()
    kind = LEGACY_TYPES.get(legacy) or ITEM_TYPES.get(case.get("moetesakstype"), "PS")
    number = case_number(case.get("moetesaksaar"), case.get("moetesakssekvensnummer"))
    recommendation = _text(_expanded(case.get("innstilling"), case_id, "innstilling"))
    decision = _expanded(case.get("vedtak"), case_id, "vedtak") or {}
    decision_text = _text(_expanded(decision.get("vedtakstekst"), case_id, "vedtakstekst"))
    handling = _text(_expanded(decision.get("behandlingsprotokoll"), case_id, "behandlingsprotokoll"))
    votes = decision.get("votering") or []
    if not isinstance(votes, list):
        raise MalformedRecord(case_id, "votering is not a list")
    proposals, totals = [], {"for": 0, "against": 0, "blank": 0}
    if votes:
        totals = vote_totals(votes)
        proposals.append(ParsedProposal(
            kind="administration" if recommendation else "joint",
            text=recommendation or decision_text,
            outcome="adopted" if totals["for"] > totals["against"] else "fell",
            votes_for=totals["for"], votes_against=totals["against"],
        ))
    item = ParsedItem(
        case_number=number, position=position, title=title.strip()[:500], type=kind,
        procedural=case.get("moetesakstype") == "godkjenning",
        administration_proposal=recommendation, handling=handling, decision=decision_text,
        proposals=proposals,
    )
    return item, _voters(votes), totals


def document_kind(type_text) -> str | None:
    """A Moetedokument's kind by its moetedokumenttype: "protocol", "notice" or None (other papers)."""
    text = (type_text or "").casefold()
    if any(w in text for w in PROTOCOL_WORDS):
        return "protocol"
    if any(w in text for w in NOTICE_WORDS):
        return "notice"
    return None


def file_name(url) -> str | None:
    """The name of a document file at ``url``; None unless it is an http(s) address."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    return url.rstrip("/").rsplit("/", 1)[-1] or "dokument"


def _document_urls(document: dict):
    """The urls of a Moetedokument's files (dokumentbeskrivelse → dokumentobjekt → url)."""
    for description in document.get("dokumentbeskrivelse") or []:
        if not isinstance(description, dict):
            continue
        for file in description.get("dokumentobjekt") or []:
            yield file.get("url") if isinstance(file, dict) else None


def meeting_documents(record: dict) -> list[tuple[str, str, str]]:
    """``(kind, filename, url)`` of the meeting's protocol, else its notice (first file of each)."""
    found = {"protocol": [], "notice": []}
    for document in record.get("moetedokument") or []:
        kind = document_kind(document.get("moetedokumenttype")) if isinstance(document, dict) else None
        if kind is None:
            continue
        for url in _document_urls(document):
            name = file_name(url)
            if name is not None:
                found[kind].append((kind, name, url))
    return (found["protocol"] or found["notice"])[:1]


def is_held(documents: list[tuple[str, str, str]], items: list[ParsedItem]) -> bool:
    """A meeting is held when it has a protocol or any item has a decision; else it is planned."""
    return any(kind == "protocol" for kind, *_ in documents) or any(item.decision for item in items)


def start_time(when: datetime.datetime) -> datetime.time | None:
    """The start time of a moetedato to the minute; midnight means none was given."""
    start = when.time().replace(tzinfo=None, second=0, microsecond=0)
    return start if start != datetime.time(0, 0) else None


def _record_id(record) -> str:
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise MalformedRecord("?", "the meeting record has no id")
    return record["id"]


def _map_items(cases, meeting_id: str) -> tuple[list[ParsedItem], list[ParsedAttendance], dict]:
    """The Moetesak list → items, the people who voted (once each), vote totals per (type, case number)."""
    if not isinstance(cases, list):
        raise MalformedRecord(meeting_id, "moetesak is not a list")
    items, voters, totals = [], [], {}
    for position, case in enumerate(cases, start=1):
        item, people, counted = map_item(case, position, meeting_id)
        items.append(item)
        voters.extend(p for p in people if p.name not in {v.name for v in voters})
        if item.case_number and item.proposals:
            totals[(item.type, item.case_number)] = counted
    return items, voters, totals


def map_meeting(record: dict) -> tuple[ParsedMeeting, dict]:
    """A Moetemappe → the meeting, and per case number the vote totals (blank votes included)."""
    meeting_id = _record_id(record)
    when = _datetime(record.get("moetedato"), meeting_id, "moetedato")
    if not isinstance(record.get("utvalg"), str):
        raise MalformedRecord(meeting_id, "utvalg is missing")
    items, voters, totals = _map_items(record.get("moetesak") or [], meeting_id)
    held = is_held(meeting_documents(record), items)
    meeting = ParsedMeeting(
        municipality_name=None, body_name=record["utvalg"], date=when.date(), start=start_time(when),
        place=(record.get("moetested") or None), state="held" if held else "planned",
        document_kind="protocol" if held else "notice", attendance=voters, items=items,
    )
    return meeting, totals


def matching_meeting(date: datetime.date, parsed: ParsedDocument):
    """The meeting of a parsed document on ``date``; a document with one undated meeting is taken
    to describe it; None when the document describes other meetings."""
    match = next((m for m in parsed.meetings if m.date == date), None)
    if match is None and len(parsed.meetings) == 1 and parsed.meetings[0].date is None:
        match = parsed.meetings[0]
    return match


#: Item fields the document fills only where the records left them empty.
ITEM_TEXTS = ("administration_proposal", "handling", "decision", "text")


def fill_item(item: ParsedItem, other: ParsedItem) -> None:
    """Fill a structured item from the document's item with the same case number: proposals and
    texts the records lack, the archive id when missing, the environmental assessment always."""
    item.proposals = item.proposals or other.proposals
    for name in ITEM_TEXTS:
        if not getattr(item, name):
            setattr(item, name, getattr(other, name))
    item.env_assessment = other.env_assessment
    item.archive_id = item.archive_id or other.archive_id


def merge(structured: ParsedMeeting, parsed: ParsedDocument | None) -> ParsedMeeting:
    """Fill what the structured records lack from the parsed document; structured fields win.

    From the document: the masthead's municipality (checked by the importer), the end time,
    the attendance (the records name only the people who voted), requests, and per item (by
    case number) the proposals, handling and case text the records lack.
    """
    if parsed is None:
        return structured
    match = matching_meeting(structured.date, parsed)
    if match is None:
        structured.warnings.append("The meeting document does not describe this meeting; it was not used.")
        return structured
    structured.municipality_name = match.municipality_name
    structured.start = structured.start or match.start
    structured.end = structured.end or match.end
    structured.place = structured.place or match.place
    if match.attendance:
        structured.attendance = match.attendance
    structured.requests = match.requests
    for item in structured.items:
        other = match.item(item.case_number) if item.case_number else None
        if other is not None:
            fill_item(item, other)
    return structured
