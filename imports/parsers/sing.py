"""Sing meeting portal layout (e.g. Vaksdal): nynorsk or bokmål notices and protocols.

A Sing notice holds a header, a saksliste and one SAKSPAPIR block per case; an attached
protocol (MØTEPROTOKOLL) may sit inside a case paper. The protocol is cut out as a meeting of
its own and the rest of the text stays with the notice.
"""

from __future__ import annotations

import re

from . import attendance as att
from . import sections as sec
from .agenda_requests import parse_requests
from .attachments import case_paper_end, split_case_paper
from .attendance import read_attendance
from .case_numbers import TYPE_PREFIXES, case_number, is_procedural, item_type
from .dates import parse_date
from .generic import compile_markers, marker_share
from .header import find_municipality, parse_header
from .proposals import ADMIN_LABEL_RE
from .textnorm import clean_block, flat, normalize, title_case_if_upper
from .types import ParsedItem, ParsedMeeting, ParsedProposal

NAME = "sing"
_I = re.IGNORECASE
MAX_MEETINGS = 50
MAX_TITLE_SEARCHES = 30

MARKERS = compile_markers(
    r"mote\.sing\.no",
    r"Møtande\s+varamedlem",
    r"sitt\s+framlegg\s+til\s+vedtak",
    r"Vedtak/Tilråding",
    r"SAKSNR\s+TITTEL",
    r"Saksnr\s+Utval\s+Type\s+Dato",
    r"Sakshandsamar\s+Arkiv\s+ArkivsakID",
    r"Medlemmer\s+Parti\s+Rolle",
    r"Andre\s+møtande",
    r"Møtedeltakarar",
    r"\b[A-ZÆØÅ]{2,10}\s*-\s*sak\s+\d{1,3}/\d{4}",
)

HEADER_RE = re.compile(
    r"(?<![\w])(?<!AV\s)(?<!av\s)(?P<kind>MØTEINNKALLING|MØTEPROTOKOLL|Møteinnkalling|Møteprotokoll)"
    r"\s+(?P<body>(?:[^\s:]+\s+){0,6}?)(?:Møtedato|Dato)\s*:\s*(?P<date>\d{1,2}\.\d{1,2}\.\d{4})"
)
SAKSPAPIR_RE = re.compile(r"(?<![\w])SAKSPAPIR(?![\w])|Saksnr\s+Utval\s+Type\s+Dato")
BLOCK_RE = re.compile(
    r"Saksnr\s+(?:Utval|Utvalg)\s+Type\s+Dato\s+(?P<case>\d{1,3}/\d{4})\s+(?P<body>[^\n]{0,80}?|.{0,80}?)\s*"
    r"(?P<type>PS|RS|OS|DS|FS|OR)\s+(?P<date>\d{1,2}\.\d{1,2}\.\d{4})",
    re.DOTALL,
)
ARCHIVE_RE = re.compile(
    r"(?:Sakshandsamar|Saksbehandler)\s+Arkiv\s+ArkivsakID\s+(?P<who>.{0,120}?)(?P<id>\d{2}/\d{1,6})(?![\d/])",
    re.DOTALL,
)
TAIL_RE = re.compile(
    r"(?<![\w])(?:Orienteringar|Orienteringer|Spørsmål|Eventuelt|Interpellasjonar|Interpellasjoner)\s*:"
)
SECTION_STOP_RE = re.compile(
    r"(?:[A-ZÆØÅ][a-zæøå-]+\s+kommune\s+)?(?:SAKSPAPIR|SAKSFRAMLEGG)(?![\w])"
    r"|(?<![\w])(?:Bakgrunn\s+for\s+saka|Bakgrunn\s+for\s+saken|Bakgrunn|Saksopplysningar|"
    r"Saksopplysninger|Saksutgreiing|Saksframstilling|Vurdering|Vedlegg|Konklusjon|"
    r"Økonomiske\s+konsekvens\w*)\s*:?"
)
DECISION_RE = re.compile(
    r"(?<![\w])[\wÆØÅæøå]{2,20}\s*[-–]\s*sak\s+\d{1,3}/\d{2,4}\s+(?:Vedtak|Tilråding|Innstilling)"
    r"(?:/(?:Tilråding|Vedtak|Innstilling))?\s*:"
    r"|(?<![\w])(?:Vedtak|VEDTAK)\s*:"
)
LABELS = sec.ItemLabels(
    admin=ADMIN_LABEL_RE,
    handling=sec.HANDLING_RE,
    decision=DECISION_RE,
    admin_stop=SECTION_STOP_RE,
)


def detect(text: str) -> float:
    """Share of Sing markers found (1.0 = certainly Sing)."""
    return marker_share(text, MARKERS)


def parse(text: str) -> tuple[list[ParsedMeeting], list[str]]:
    """All meetings (notices and protocols) in a Sing document."""
    text = normalize(text)
    warnings: list[str] = []
    municipality = find_municipality(text)
    meetings: list[ParsedMeeting] = []
    segments = _segments(text)
    if len(segments) > MAX_MEETINGS:
        warnings.append(
            f"Dokumentet har {len(segments)} møter; bare de {MAX_MEETINGS} første ble lest."
        )
    for kind, header, body in segments[:MAX_MEETINGS]:
        date = parse_date(header.group("date"))
        if date is None:
            warnings.append(f"Ugyldig møtedato: {header.group('date')}")
            continue
        head = parse_header(body[:800])
        meeting = ParsedMeeting(
            municipality_name=municipality,
            body_name=title_case_if_upper(flat(header.group("body"))) or head.body,
            date=date,
            start=head.start,
            end=head.end,
            place=head.place,
            state="held" if kind == "protocol" else "planned",
            document_kind=kind,
        )
        if kind == "protocol":
            _parse_protocol(body, meeting)
        else:
            _parse_notice(body, meeting)
        meetings.append(meeting)
    return meetings, warnings


def _segments(text: str) -> list[tuple[str, re.Match, str]]:
    """(kind, header match, text) per meeting; an attached protocol is cut out of the notice."""
    headers = list(HEADER_RE.finditer(text))
    parts: list[tuple[str, re.Match, list[tuple[int, int]]]] = []
    last_notice: list[tuple[int, int]] | None = None
    for i, h in enumerate(headers):
        next_start = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        kind = "protocol" if "PROTOKOLL" in h.group("kind").upper() else "notice"
        if kind == "protocol":
            stop = SAKSPAPIR_RE.search(text, h.end(), next_start)
            end = stop.start() if stop else next_start
            parts.append((kind, h, [(h.start(), end)]))
            if end < next_start and last_notice is not None:
                last_notice.append((end, next_start))
        else:
            spans = [(h.start(), next_start)]
            parts.append((kind, h, spans))
            last_notice = spans
    return [(k, h, "\n".join(text[a:b] for a, b in spans)) for k, h, spans in parts]


NOTICE_AGENDA_STOP_RE = re.compile(r"Saksnr\s+Utval\s+Type\s+Dato|SAKSPAPIR|https?://")
Block = tuple[int, "re.Match | None", int]  # where a case paper starts, its block header, its title's length


def _parse_notice(text: str, meeting: ParsedMeeting) -> None:
    entries, agenda_end = notice_agenda(text)
    blocks = case_blocks(text, entries, agenda_end)
    starts = sorted(pos for pos, _, _ in blocks.values())
    for position, entry in enumerate(entries, start=1):
        meeting.items.append(_notice_item(text, entry, position, blocks.get(entry.case), starts, meeting.warnings))
    if not entries:
        meeting.warnings.append("Fant ingen saksliste i møteinnkallingen.")


def notice_agenda(text: str) -> tuple[list[sec.AgendaEntry], int]:
    """The notice's saksliste: after its label, ending at the first case paper's block header,
    a SAKSPAPIR heading or a link (the portal's page footer)."""
    label = sec.AGENDA_LABEL_RE.search(text)
    start = label.end() if label else 0
    stop = NOTICE_AGENDA_STOP_RE.search(text, start)
    entries, agenda_end = sec.parse_agenda(text, start, stop.start() if stop else len(text))
    if stop:
        agenda_end = min(agenda_end, stop.start())
    return entries, agenda_end


def case_blocks(text: str, entries: list[sec.AgendaEntry], agenda_end: int) -> dict[str, Block]:
    """Where each case's paper starts, by case number: at its first block header
    ('Saksnr Utval Type Dato 12/2024 ...'), else (for the first entries) at its title printed
    again as a heading above the administration's proposal."""
    blocks: dict[str, Block] = {}
    for m in BLOCK_RE.finditer(text, agenda_end):
        cn = case_number(None, *m.group("case").split("/"))
        if cn and cn not in blocks:
            blocks[cn] = (m.start(), m, 0)
    for entry in entries[:MAX_TITLE_SEARCHES]:
        if entry.case not in blocks:
            found = _find_title(text, entry.title, agenda_end)
            if found is not None:
                blocks[entry.case] = (found[0], None, found[1] - found[0])
    return blocks


def _notice_item(
    text: str, entry: sec.AgendaEntry, position: int, block: Block | None, starts: list[int], warnings: list[str]
) -> ParsedItem:
    """The item of an agenda entry, filled from its case paper (which ends where the next starts).
    Without a block header, the type comes from the saksliste's prefix or the title."""
    item = ParsedItem(entry.case, position, entry.title or entry.case)
    if block is not None:
        pos, m, title_len = block
        end = next((s for s in starts if s > pos), len(text))
        _fill_notice_item(item, text[pos:end], m, title_len)
    else:
        warnings.append(f"Fant ikke saksframlegget til sak {entry.case}.")
    if block is None or block[1] is None:
        item.type = item_type(entry.prefix, item.title)  # type: ignore[assignment]
    item.procedural = is_procedural(item.title, item.type)
    return item


def _find_title(text: str, title: str, start: int) -> tuple[int, int] | None:
    """Span of an item title repeated as the heading of a case paper (no block header)."""
    words = re.findall(r"[\wæøåÆØÅ]+", title)[:12]
    if len(words) < 2:
        return None
    pattern = re.compile(r"\W{1,5}".join(re.escape(w) for w in words), _I)
    for m in pattern.finditer(text, start):
        if ADMIN_LABEL_RE.search(text, m.end(), m.end() + 500):
            return m.span()
    return None


def _fill_notice_item(item: ParsedItem, block: str, m: re.Match | None, title_len: int) -> None:
    body_start = 0
    if m is not None:
        item.type = TYPE_PREFIXES.get(m.group("type"), "PS")  # type: ignore[assignment]
        body_start = m.end() - m.start()
        arch = ARCHIVE_RE.search(block, body_start, body_start + 400)
        if arch:
            item.archive_id = arch.group("id")
            body_start = arch.end()
        label = ADMIN_LABEL_RE.search(block, body_start)
        vedlegg = re.search(
            r"(?<![\w])Vedlegg\s*:", block[body_start : label.start() if label else None]
        )
        title_end = (
            body_start + vedlegg.start() if vedlegg else (label.start() if label else body_start)
        )
        title = flat(block[body_start:title_end])
        if title and len(title) <= 300 and (not item.title or _same_title(title, item.title)):
            item.title = title
        body_start = title_end
    else:
        body_start = title_len
    item.attachments = split_case_paper(block[body_start:])[1]
    block = block[: body_start + case_paper_end(block[body_start:])]  # the case paper without its attachments
    admin = ADMIN_LABEL_RE.search(block, body_start)
    if admin:
        stop = SECTION_STOP_RE.search(block, admin.end())
        end = stop.start() if stop else min(len(block), admin.end() + 3000)
        item.administration_proposal = clean_block(sec.strip_page_noise(block[admin.end() : end]))
        if item.administration_proposal:
            item.proposals.append(
                ParsedProposal("administration", [], item.administration_proposal)
            )
    item.text = clean_block(sec.strip_routing(sec.strip_page_noise(block[body_start:])))


def _same_title(a: str, b: str) -> bool:
    fa, fb = flat(a).lower(), flat(b).lower()
    return fa == fb or fa.startswith(fb) or fb.startswith(fa)


def _parse_protocol(text: str, meeting: ParsedMeeting) -> None:
    agenda_label = sec.AGENDA_LABEL_RE.search(text)
    agenda_pos = agenda_label.start() if agenda_label else len(text)
    meeting.attendance = read_attendance(text[:agenda_pos], protocol=True)
    start = agenda_label.end() if agenda_label else 0
    entries, agenda_end = sec.parse_agenda(text, start, len(text))
    tail = TAIL_RE.search(text, agenda_end)
    sections_end = tail.start() if tail else len(text)
    known = {a.name.lower(): a.organisation for a in meeting.attendance if a.organisation}
    meeting.items, warnings = sec.build_items(
        text, entries, agenda_end, sections_end, LABELS, held=True, known_people=known
    )
    meeting.warnings += warnings
    sec.add_orientations(meeting.items, text, entries[0].pos if entries else start)
    if tail:
        meeting.requests = parse_requests(text[tail.start() :])
    att.infer_organisations(meeting.attendance, text)
    if not entries:
        meeting.warnings.append("Fant ingen saksliste i møteprotokollen.")
