"""Agenda (saksliste) entries and item sections: administration proposal, proposals,
handling, votes and decision, found by labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .common import (
    ADMIN_LABEL_RE,
    LONG_DATE_RE,
    LOWER,
    UPPER,
    apply_votes,
    clean_block,
    extract_proposals,
    find_cases,
    flat,
    is_procedural,
    item_type,
    remove_spans,
)
from .types import ParsedItem, ParsedProposal

_I = re.IGNORECASE


AGENDA_LABEL_RE = re.compile(
    r"(?<![\w])(?:Saksliste|SAKSLISTE|Sakliste|SAKLISTE|Sakskart|Dagsorden)(?![\w])"
)
AGENDA_COLUMNS_RE = re.compile(
    r"(?:Utvalgs-?\s*saksnr|Saksnr\.?|SAKSNR|Sak\s*nr\.?|Nr\.?)\s+(?:Arkivsaksnr\.?\s+)?"
    r"(?:Tittel|TITTEL|Innhald|Innhold|Sak)(?:\s+(?:Unntatt\s+offentlighet|Side|Lukket))*",
)
TITLE_STOP_RE = re.compile(
    r"\n\s*\n|" + LONG_DATE_RE.pattern + r"|https?://|(?<![\w])Side\s+\d", _I
)
TITLE_LABEL_STOP_RE = re.compile(
    ADMIN_LABEL_RE.pattern
    + r"|(?<![\w])(?:Behandling|Handsaming|Vedtak|Saksbehandler|Sakshandsamar|Arkivsak\w*|"
    r"Saksopplysning\w*|Bakgrunn|Vedlegg|Votering|Røysting)(?![\w])"
)


@dataclass
class AgendaEntry:
    """A case number and title from a saksliste."""

    case: str
    title: str
    prefix: str | None
    pos: int


def clean_title(raw: str) -> str:
    raw = AGENDA_COLUMNS_RE.sub(" ", raw[:2000])
    raw = raw.lstrip(" :.-–\n")
    for stop_re in (TITLE_STOP_RE, TITLE_LABEL_STOP_RE):
        stop = stop_re.search(raw)
        if stop:
            raw = raw[: stop.start()]
    return flat(raw).strip(" :-–")[:300]


def parse_agenda(text: str, start: int, end: int) -> tuple[list[AgendaEntry], int]:
    """Entries of a saksliste in text[start:end], until a case number repeats.

    Returns the entries and the position where the agenda ends.
    """
    cases = find_cases(text, start, end)
    entries: list[AgendaEntry] = []
    seen: set[str] = set()
    agenda_end = end
    for i, (cn, a, b, prefix) in enumerate(cases[:500]):
        if cn in seen:
            agenda_end = a
            # include a preceding type prefix that belongs to the repeated case
            break
        seen.add(cn)
        nxt = cases[i + 1][1] if i + 1 < len(cases) else end
        title = clean_title(text[b:nxt])
        entries.append(AgendaEntry(cn, title, prefix, a))
    return entries, agenda_end


def case_index(text: str, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """Positions of every case number in text[start:end], by case number."""
    index: dict[str, list[tuple[int, int]]] = {}
    for cn, a, b, _prefix in find_cases(text, start, end):
        index.setdefault(cn, []).append((a, b))
    return index


def locate_item(
    text: str, entry: AgendaEntry, occurrences: list[tuple[int, int]], start: int
) -> tuple[int, int] | None:
    """Where an item's own section starts: the case number followed by its title, not 'sak NN/YYYY'."""
    first_words = re.findall(r"[\wæøåÆØÅ]+", entry.title.lower())[:2]
    fallback = None
    for a, b in occurrences:
        if a < start:
            continue
        before = text[max(0, a - 12) : a].lower()
        if re.search(r"(?:sak|saka|saken|jf\.?|jfr\.?|sjå|se)\s*$", before):
            continue
        after = text[b : b + 200].lstrip(" :.-–\n").lower()
        words = re.findall(r"[\wæøå]+", after)[:2]
        if first_words and words[: len(first_words)] == first_words:
            return a, b
        if fallback is None:
            fallback = (a, b)
    return fallback


def locate_items(
    text: str, entries: list[AgendaEntry], start: int, end: int
) -> list[tuple[int, int] | None]:
    """Section starts of all agenda entries, searched in order after ``start``."""
    index = case_index(text, start, end)
    located: list[tuple[int, int] | None] = []
    pos = start
    for entry in entries:
        loc = locate_item(text, entry, index.get(entry.case, []), pos)
        located.append(loc)
        if loc:
            pos = loc[1]
    return located


@dataclass
class ItemLabels:
    """Label regexes of one document family for an item section."""

    admin: re.Pattern
    handling: re.Pattern
    decision: re.Pattern
    admin_stop: re.Pattern


_IN_BODY = r"(?:\s+i\s+[^\n:]{1,80}?\s*[-–]\s*\d{1,2}\.\d{1,2}\.\d{4}|\s+i\s+[^\n:.]{1,80}?(?=\s*(?::|\n)))?"
HANDLING_RE = re.compile(
    r"(?<![\w])(?:Behandling|Handsaming|BEHANDLING|HANDSAMING|Saksbehandling\s+i\s+møtet)"
    + _IN_BODY
    + r"\s*:?"
)
DECISION_LABEL_RE = re.compile(
    r"(?<![\w])(?:Vedtak|VEDTAK|Endelig\s+vedtak|Endeleg\s+vedtak|Utvalgets\s+vedtak|Utvalets\s+vedtak|"
    r"Administrasjonsutvalgets\s+vedtak|Innstilling\s+til\s+\w+)" + _IN_BODY + r"(?![\w])\s*:?"
)
BODY_DATE_TAIL_RE = re.compile(
    rf"[{UPPER}][\w-]+(?:[ \t]+[{UPPER}{LOWER}][\w-]*){{0,2}}\s+\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\s*$"
)
PAGE_NOISE_RE = re.compile(
    rf"(?:\s*[{UPPER}][{LOWER}-]+(?:\s+[{UPPER}][{LOWER}-]+)?\s+kommune)?\s*(?:SAKSPAPIR|SAKSFRAMLEGG)?\s*$"
)


def strip_page_noise(text: str) -> str:
    """Drop a trailing page header ('Vaksdal kommune', 'SAKSPAPIR') from a block."""
    head, tail = text[:-300], text[-300:]
    return head + PAGE_NOISE_RE.sub("", tail, count=1)


def fill_item(
    item: ParsedItem,
    section: str,
    labels: ItemLabels,
    *,
    held: bool,
    known_people: dict[str, str] | None = None,
) -> None:
    """Fill an item from its section: administration proposal, proposals, handling, decision.

    For a held meeting the outcomes and votes are read from the handling text.
    """
    admin = labels.admin.search(section)
    handling = labels.handling.search(section, admin.end() if admin else 0)
    decision = labels.decision.search(
        section, handling.end() if handling else (admin.end() if admin else 0)
    )
    pre = section[
        : handling.start() if handling else (decision.start() if decision else len(section))
    ]
    tail = BODY_DATE_TAIL_RE.search(pre[-120:])
    if tail:
        pre = pre[: len(pre) - len(tail.group())]
    proposals, spans = extract_proposals(pre, known_people)
    if admin:
        stop_at = min([len(pre)] + [a for a, _ in spans[:1]])
        stop = labels.admin_stop.search(pre, admin.end(), stop_at)
        item.administration_proposal = clean_block(
            pre[admin.end() : stop.start() if stop else stop_at]
        )
    vote_text = ""
    if handling:
        body = section[handling.end() : decision.start() if decision else len(section)]
        item.handling = clean_block(body)
        more, more_spans = extract_proposals(body, known_people)
        proposals += more
        vote_text = remove_spans(body, more_spans)
    if decision:
        item.decision = clean_block(section[decision.end() :])
    if item.administration_proposal:
        proposals.insert(0, ParsedProposal("administration", [], item.administration_proposal))
    if held:
        apply_votes(proposals, vote_text)
    item.proposals = proposals


def build_items(
    text: str,
    entries: list[AgendaEntry],
    start: int,
    end: int,
    labels: ItemLabels,
    *,
    held: bool,
    known_people: dict[str, str] | None = None,
) -> tuple[list[ParsedItem], list[str]]:
    """Items for the agenda entries, each filled from its section in text[start:end].

    For notices the section after the title is kept as the case-paper ``text``.
    """
    located = locate_items(text, entries, start, end)
    items: list[ParsedItem] = []
    warnings: list[str] = []
    for index, (entry, loc) in enumerate(zip(entries, located, strict=True), start=1):
        item = ParsedItem(entry.case, index, entry.title or entry.case)
        item.type = item_type(entry.prefix, item.title)  # type: ignore[assignment]
        item.procedural = is_procedural(item.title, item.type)
        if loc is None:
            warnings.append(f"Fant ikke saken {entry.case} i dokumentet.")
        else:
            section_end = next((other[0] for other in located[index:] if other), end)
            section = text[loc[1] : section_end]
            fill_item(item, section, labels, held=held, known_people=known_people)
            if not held:
                item.text = clean_block(strip_page_noise(after_title(section, item.title)))
        items.append(item)
    return items, warnings


def after_title(section: str, title: str) -> str:
    """The section without its leading title (matched loosely over whitespace and punctuation)."""
    words = flat(title).split()
    if not words:
        return section
    pattern = re.compile(r"\W{1,5}".join(re.escape(w) for w in words[:12]), _I)
    m = pattern.search(section[:600])
    return section[m.end() :] if m else section
