"""Agenda (saksliste) entries and item sections: administration proposal, proposals,
handling, votes and decision, found by labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import cases
from . import titles as titles_mod
from .common import (
    ADMIN_LABEL_RE,
    LOWER,
    UPPER,
    apply_votes,
    clean_block,
    extract_proposals,
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
    r"(?<![\w])(?:Utvalgs-?\s*saksnr|Utv\.\s?saksnr|Saksnr|Sak\s?nr|Saknr)\.?:?\s+"
    r"(?:Arkivsaksnr\.?\s+)?(?:Tittel|TITTEL|Sakstittel|Saktittel|Innhold|Innhald)(?![\w])"
)


@dataclass
class AgendaEntry:
    """A case number and title from a saksliste."""

    case: str
    title: str
    prefix: str | None
    pos: int


def parse_agenda(
    text: str, start: int, end: int, year_hint: int | None = None
) -> tuple[list[AgendaEntry], int]:
    """Entries of a saksliste in text[start:end], until a case number repeats.

    Returns the entries and the position where the agenda ends. Titles printed after a run of
    numbers (flattened columns) are divided among them; an all-capitals saksliste keeps the
    capitals of each title.
    """
    series = cases.agenda_series(text, start, end, year_hint)
    tokens = series.tokens[:500]
    agenda_end = series.end if series.end is not None else end
    titles = [
        titles_mod.cut_title(
            text[t.end : tokens[i + 1].start if i + 1 < len(tokens) else agenda_end],
            max_len=1500,
        )
        for i, t in enumerate(tokens)
    ]
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and not titles[j]:
            j += 1
        if j > i and titles[j]:
            titles[i : j + 1] = titles_mod.split_titles(titles[j], j - i + 1)
        i = j + 1
    if titles_mod.caps_style(titles):
        titles = [titles_mod.caps_run(t) for t in titles]
    if titles:
        titles[-1] = titles_mod.cut_signature(titles[-1])
    entries = [
        AgendaEntry(t.case or "", title[:300].strip(), t.prefix, t.start)
        for t, title in zip(tokens, titles, strict=True)
    ]
    return entries, agenda_end


def case_index(text: str, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """Positions of every case number in text[start:end], by case number."""
    return cases.index_cases(text, start, end)


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
        title = entry.title
        if not title and loc is not None:
            title = titles_mod.cut_title(text[loc[1] : loc[1] + 600])  # the body's heading
        item = ParsedItem(entry.case, index, title or entry.case)
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


ORIENTATION_RE = re.compile(
    r"(?<![\w])(?P<label>Orienteringar|Orienteringer|Orienteringssaker|ORIENTERINGAR|ORIENTERINGER|"
    r"Munnlege\s+orienteringar|Muntlige\s+orienteringer)\s*:"
)
ORIENTATION_END_RE = re.compile(
    r"\n\s*\n(?=[^\n]{0,60}:)|(?<![\w])(?:Spørsmål|Eventuelt|Interpellasjon\w*|Merknad\w*|"
    r"Saksliste|SAKSLISTE|Sakliste|SAKLISTE|Underskrift\w*|SAKSPAPIR|SAKSFRAMLEGG|Saksnr|"
    r"Møtet\s+(?:vart\s+|ble\s+)?(?:heva|hevet|avslutta|avsluttet))(?![\w])"
)
MAX_ORIENTATION_CHARS = 3000


def add_orientations(items: list[ParsedItem], text: str, agenda_start: int) -> None:
    """Oral reports under 'Orienteringar:' as unnumbered orientering items: before the
    numbered items when printed before the saksliste, after them otherwise."""
    before: list[ParsedItem] = []
    after: list[ParsedItem] = []
    for m in ORIENTATION_RE.finditer(text):
        limit = min(len(text), m.end() + MAX_ORIENTATION_CHARS)
        stop = ORIENTATION_END_RE.search(text, m.end(), limit)
        body = clean_block(strip_page_noise(text[m.end() : stop.start() if stop else limit]))
        if len(body.split()) < 3:
            continue
        item = ParsedItem(None, 0, m.group("label")[:1] + m.group("label")[1:].lower(), "orientering")
        item.text = body
        (before if m.start() < agenda_start else after).append(item)
    if before or after:
        items[:] = before + items + after
        for position, item in enumerate(items, start=1):
            item.position = position
