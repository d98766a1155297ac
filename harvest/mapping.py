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


def meeting_documents(record: dict) -> list[tuple[str, str, str]]:
    """``(kind, filename, url)`` of the meeting's protocol, else its notice (first file of each)."""
    found = {"protocol": [], "notice": []}
    for document in record.get("moetedokument") or []:
        if not isinstance(document, dict):
            continue
        kind_text = (document.get("moetedokumenttype") or "").casefold()
        kind = "protocol" if any(w in kind_text for w in PROTOCOL_WORDS) else (
            "notice" if any(w in kind_text for w in NOTICE_WORDS) else None)
        if kind is None:
            continue
        for description in document.get("dokumentbeskrivelse") or []:
            for file in (description.get("dokumentobjekt") or []) if isinstance(description, dict) else []:
                url = file.get("url") if isinstance(file, dict) else None
                if isinstance(url, str) and url.startswith(("http://", "https://")):
                    name = url.rstrip("/").rsplit("/", 1)[-1] or "dokument"
                    found[kind].append((kind, name, url))
    return (found["protocol"] or found["notice"])[:1]


def map_meeting(record: dict) -> tuple[ParsedMeeting, dict]:
    """A Moetemappe → the meeting, and per case number the vote totals (blank votes included)."""
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise MalformedRecord("?", "the meeting record has no id")
    meeting_id = record["id"]
    when = _datetime(record.get("moetedato"), meeting_id, "moetedato")
    if not isinstance(record.get("utvalg"), str):
        raise MalformedRecord(meeting_id, "utvalg is missing")
    cases = record.get("moetesak") or []
    if not isinstance(cases, list):
        raise MalformedRecord(meeting_id, "moetesak is not a list")
    items, voters, totals = [], [], {}
    for position, case in enumerate(cases, start=1):
        item, people, counted = map_item(case, position, meeting_id)
        items.append(item)
        voters.extend(p for p in people if p.name not in {v.name for v in voters})
        if item.case_number and item.proposals:
            totals[(item.type, item.case_number)] = counted
    documents = meeting_documents(record)
    held = any(kind == "protocol" for kind, *_ in documents) or any(item.decision for item in items)
    start = when.time().replace(tzinfo=None, second=0, microsecond=0)
    meeting = ParsedMeeting(
        municipality_name=None, body_name=record["utvalg"], date=when.date(),
        start=start if start != datetime.time(0, 0) else None,
        place=(record.get("moetested") or None), state="held" if held else "planned",
        document_kind="protocol" if held else "notice", attendance=voters, items=items,
    )
    return meeting, totals


def merge(structured: ParsedMeeting, parsed: ParsedDocument | None) -> ParsedMeeting:
    """Fill what the structured records lack from the parsed document; structured fields win.

    From the document: the masthead's municipality (checked by the importer), the end time,
    the attendance (the records name only the people who voted), requests, and per item (by
    case number) the proposals, handling and case text the records lack.
    """
    if parsed is None:
        return structured
    match = next((m for m in parsed.meetings if m.date == structured.date), None)
    if match is None and len(parsed.meetings) == 1 and parsed.meetings[0].date is None:
        match = parsed.meetings[0]
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
        if other is None:
            continue
        item.proposals = item.proposals or other.proposals
        for name in ("administration_proposal", "handling", "decision", "text"):
            if not getattr(item, name):
                setattr(item, name, getattr(other, name))
        item.env_assessment = other.env_assessment
        item.archive_id = item.archive_id or other.archive_id
    return structured
