"""Generic fallback for unknown layouts, and the label-driven engine Elements also uses.

Finds the header (date, time, place, body) by labels or the first date, attendance by labels
('Til stede:', 'Forfall:', 'Fra administrasjonen:'), the agenda by case numbers, and each
item's administration proposal, proposals, handling and decision by labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import attendance as att
from . import cases
from . import sections as sec
from .agenda_requests import parse_requests
from .attendance import read_attendance
from .header import find_municipality, meeting_in_body, parse_header
from .proposals import ADMIN_LABEL_RE
from .textnorm import flat, normalize, title_case_if_upper
from .types import ParsedMeeting

NAME = "generic"
_I = re.IGNORECASE


@dataclass
class Layout:
    """Label regexes of a label-driven layout (attendance labels are shared by every layout:
    ``attendance.LABELS``)."""

    labels: sec.ItemLabels
    tail: re.Pattern


TAIL_RE = re.compile(
    r"(?<![\w])(?:Eventuelt|EVENTUELT|Spørsmål|Orienteringar|Orienteringer|Orienteringssaker|"
    r"Interpellasjonar|Interpellasjoner)\s*:"
)
ADMIN_STOP_RE = re.compile(
    r"(?<![\w])(?:Saksopplysning\w*|Bakgrunn|Vurdering|Vedlegg|Konklusjon|Saksutgreiing|"
    r"Saksframstilling|Saksgang)\s*:?"
)
BODY_GUESS_RE = re.compile(
    r"(?<![\w])(Partssam(?:men|man|an)s[ae]tt(?:e)?\s+utval(?:g|get|et)?|Administrasjonsutval(?:g|get|et)?|"
    r"Hovedarbeidsmiljøutvalg(?:et)?|Hovudarbeidsmiljøutval(?:et)?|Arbeidsmiljøutval(?:g|get|et)?|"
    r"HAMU|AMU|PSU|ADMU|Drøftingsmøte|Styringsgruppe(?:n)?|Trepartssamarbeid(?:et)?|TriPart|"
    r"Formannskap(?:et)?|Kommunestyret?)(?![\w])",
    _I,
)
PROTOCOL_WORD_RE = re.compile(r"protokoll|referat|møtebok", _I)
NOTICE_WORD_RE = re.compile(r"innkalling|sakliste|saksliste|sakskart", _I)

GENERIC = Layout(
    labels=sec.ItemLabels(
        admin=ADMIN_LABEL_RE,
        handling=sec.HANDLING_RE,
        decision=sec.DECISION_LABEL_RE,
        admin_stop=ADMIN_STOP_RE,
    ),
    tail=TAIL_RE,
)


#: how much of a document's start a family's markers are looked for in
DETECT_CHARS = 60_000


def compile_markers(*patterns: str) -> list[re.Pattern]:
    """A family's markers: its patterns, compiled ignoring case."""
    return [re.compile(p, _I) for p in patterns]


def marker_share(text: str, markers) -> float:
    """Share of a family's markers found in the document's start (four or more = certainly it)."""
    head = text[:DETECT_CHARS]
    return min(1.0, sum(1 for m in markers if m.search(head)) / 4)


def detect(text: str) -> float:
    """The fallback: always a low score."""
    return 0.1


def parse(text: str) -> tuple[list[ParsedMeeting], list[str]]:
    """One meeting from a document in an unknown layout."""
    return parse_with_layout(text, GENERIC)


EMBEDDED_PROTOCOL_RE = re.compile(
    r"(?<![\w])(?:MØTEPROTOKOLL|Møteprotokoll|MØTEBOK|Møtebok)\s+(?P<body>(?:[^\s:]+\s+){0,6}?)"
    r"(?:Møtedato|Dato)\s*:"
)
OWN_HEADING_CHARS = 300


def parse_with_layout(text: str, layout: Layout) -> tuple[list[ParsedMeeting], list[str]]:
    """The meetings of a document in ``layout``: one, or a notice and the protocol of an earlier
    meeting attached to it (its own heading with header fields, after the notice's)."""
    text = normalize(text)
    embedded = EMBEDDED_PROTOCOL_RE.search(text, OWN_HEADING_CHARS)
    if embedded is None:
        return _parse_meeting(text, layout)
    notice, warnings = _parse_meeting(text[: embedded.start()], layout)
    if notice[0].document_kind != "notice":
        return _parse_meeting(text, layout)
    protocol, more = _parse_meeting(text[embedded.start() :], layout)
    protocol[0].municipality_name = protocol[0].municipality_name or notice[0].municipality_name
    heading_body = title_case_if_upper(flat(embedded.group("body")))
    protocol[0].body_name = protocol[0].body_name or heading_body or notice[0].body_name
    return notice + protocol, warnings + more


def _parse_meeting(text: str, layout: Layout) -> tuple[list[ParsedMeeting], list[str]]:
    """Parse one meeting with the labels of ``layout``."""
    warnings: list[str] = []
    head_text = text[: header_end(text)]
    header = parse_header(head_text)
    date = header.date
    body = header.body or meeting_in_body(head_text[:OWN_HEADING_CHARS])
    if not body:
        guess = BODY_GUESS_RE.search(text[:1500])
        body = title_case_if_upper(guess.group(1)) if guess else None
        if body and body[:1].islower():
            body = body[:1].upper() + body[1:]
    first = head_text[:600]
    said_protocol, said_notice = PROTOCOL_WORD_RE.search(first), NOTICE_WORD_RE.search(first)
    protocol = said_notice is None or bool(
        said_protocol and said_protocol.start() < said_notice.start()
    )
    meeting = ParsedMeeting(
        municipality_name=find_municipality(text),
        body_name=body,
        date=date,
        start=header.start,
        end=header.end,
        place=header.place,
        state="held" if protocol else "planned",
        document_kind="protocol" if protocol else "notice",
    )
    if date is None:
        meeting.warnings.append("Fant ingen møtedato: fyll den inn før møtet lagres.")
    agenda_label = sec.AGENDA_LABEL_RE.search(text)
    meeting.attendance = read_attendance(text, protocol=protocol)
    _parse_items(text, agenda_label, layout, meeting)
    att.infer_organisations(meeting.attendance, text)
    return [meeting], warnings


HEADER_CHARS = 1500


def header_end(text: str) -> int:
    """Where a document's header ends: at its saksliste or first case number (at most 1500 chars)."""
    limit = min(len(text), HEADER_CHARS)
    label = sec.AGENDA_LABEL_RE.search(text, 0, limit)
    ends = [label.start()] if label and label.start() > 40 else []
    first = next(
        (t for t in cases.scan(text, 0, limit) if t.readings and not t.reference and t.titled and t.start > 40),
        None,
    )
    if first:
        ends.append(first.start)
    return min(ends, default=limit)


def _parse_items(
    text: str, agenda_label: re.Match | None, layout: Layout, meeting: ParsedMeeting
) -> None:
    start = agenda_label.end() if agenda_label else 0
    if agenda_label:  # a flattened table whose column headings precede the 'Saksliste' heading
        columns = sec.AGENDA_COLUMNS_RE.search(text, max(0, agenda_label.start() - 300), agenda_label.start())
        start = columns.end() if columns else start
    tail = layout.tail.search(text, start)
    year_hint = cases.year_hint_from(text, meeting.date)
    entries, agenda_end = sec.parse_agenda(text, start, len(text), year_hint)
    repeated = bool(entries) and agenda_end < len(text)
    sections_end = len(text)
    if tail and tail.start() > (agenda_end if repeated else (entries[-1].pos if entries else 0)):
        sections_end = tail.start()
    known = {a.name.lower(): a.organisation for a in meeting.attendance if a.organisation}
    meeting.items, warnings = sec.build_items(
        text,
        entries,
        agenda_end if repeated else start,
        sections_end,
        layout.labels,
        held=meeting.document_kind == "protocol",
        known_people=known,
    )
    meeting.warnings += warnings
    sec.add_orientations(meeting.items, text, entries[0].pos if entries else start)
    if tail:
        meeting.requests = parse_requests(text[tail.start() :])
    if not entries:
        meeting.warnings.append("Fant ingen saker med saksnummer.")
