"""Agenda (saksliste) entries and item sections: administration proposal, proposals,
handling, votes and decision, found by labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import cases
from . import titles as titles_mod
from .attachments import case_paper_end, split_case_paper
from .case_numbers import is_procedural, item_type
from .page_noise import strip_page_noise, strip_routing
from .proposals import extract_proposals, remove_spans
from .textnorm import LOWER, UPPER, clean_block, flat
from .types import ParsedItem, ParsedProposal
from .votes import apply_votes

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
    raws = [text[t.end : tokens[i + 1].start if i + 1 < len(tokens) else agenda_end] for i, t in enumerate(tokens)]
    titles = [titles_mod.cut_title(raw, max_len=1500) for raw in raws]
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and not titles[j]:
            j += 1
        if j > i and titles[j]:
            block = titles_mod.cut_title(raws[j], block=True, max_len=1500)
            titles[i : j + 1] = titles_mod.split_titles(block, j - i + 1)
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


# a lower-case word before a number makes it a cross-reference ('i sak 10/16', 'jf. 10/16');
# a capitalised 'Sak 10/16' is a heading (the token then includes 'Sak' as its prefix)
REFERENCE_WORD_RE = re.compile(r"(?<![\w])(?:sak|saka|saken|[Jj]f\.?|[Jj]fr\.?|[Ss]jå|[Ss]e)\s*$")


def locate_item(
    text: str, entry: AgendaEntry, occurrences: list[tuple[int, int]], start: int
) -> tuple[int, int] | None:
    """Where an item's own section starts: the case number followed by its title, not 'sak NN/YYYY'."""
    first_words = re.findall(r"[\wæøåÆØÅ]+", entry.title.lower())[:2]
    fallback = None
    for a, b in occurrences:
        if a < start:
            continue
        if REFERENCE_WORD_RE.search(text, max(0, a - 12), a):
            continue
        after = text[b : b + 200].lstrip(" :.-–\n").lower()
        words = re.findall(r"[\wæøå]+", after)[:2]
        if first_words and words[: len(first_words)] == first_words:
            return a, b
        if fallback is None:
            fallback = (a, b)
    return fallback


LIST_GAP_CHARS = 400  # entries closer than this form a list of titles without bodies


@dataclass
class Located:
    """Where each agenda entry's section starts, and, when they were found only as the lines of
    a list (a saksliste whose case papers were not matched), where that list ends."""

    starts: list[tuple[int, int] | None]
    listed: frozenset[int] = frozenset()  # ends of the numbers found only in the list
    list_end: int | None = None


def locate_items(text: str, entries: list[AgendaEntry], start: int, end: int) -> Located:
    """Section starts of all agenda entries, searched in order after ``start``; entries found
    only at their own line of a list of titles (a saksliste) are looked for again after the
    list, where their case papers are."""
    index = case_index(text, start, end)
    located = _locate_from(text, entries, index, start)
    in_list = [loc for loc, entry in zip(located, entries, strict=True) if loc and _is_agenda_line(text, loc, entry)]
    gap = list_gap(in_list)
    if gap is None:
        return Located(located)
    last_entry, last = max(
        ((entry, loc[1]) for loc, entry in zip(located, entries, strict=True) if loc in in_list),
        key=lambda pair: pair[1],
    )
    later = _locate_from(text, entries, index, last)
    starts = [b or a for a, b in zip(located, later, strict=True)]
    listed = frozenset(a[1] for a, b in zip(located, later, strict=True) if a in in_list and not b)
    window = text[last : last + gap]
    title_end = last + len(window) - len(after_title(window, last_entry.title))
    return Located(starts, listed, title_end if title_end > last else last + gap)


AGENDA_LINE_CHARS = 60


def _is_agenda_line(text: str, loc: tuple[int, int], entry: AgendaEntry) -> bool:
    """Whether a located number is the entry's own saksliste line or a copy of it (a saksliste
    printed again on the next page)."""
    if loc[0] == entry.pos:
        return True
    here = flat(text[loc[0] : loc[0] + AGENDA_LINE_CHARS])
    return here == flat(text[entry.pos : entry.pos + AGENDA_LINE_CHARS])


def _locate_from(
    text: str, entries: list[AgendaEntry], index: dict[str, list[tuple[int, int]]], start: int
) -> list[tuple[int, int] | None]:
    located: list[tuple[int, int] | None] = []
    pos = start
    for entry in entries:
        loc = locate_item(text, entry, index.get(entry.case, []), pos)
        located.append(loc)
        if loc:
            pos = loc[1]
    return located


def list_gap(located: list[tuple[int, int] | None]) -> int | None:
    """The widest gap between located items when they form a list of titles without bodies
    (every gap shorter than LIST_GAP_CHARS), else None."""
    starts = [loc[0] for loc in located if loc]
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    return max(gaps) if gaps and max(gaps) < LIST_GAP_CHARS else None


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
    for index, (entry, loc) in enumerate(zip(entries, located.starts, strict=True), start=1):
        title = entry.title
        if not title and loc is not None:
            title = titles_mod.cut_title(text[loc[1] : loc[1] + 600])  # the body's heading
        item = ParsedItem(entry.case, index, title or entry.case)
        item.type = item_type(entry.prefix, item.title)  # type: ignore[assignment]
        item.procedural = is_procedural(item.title, item.type)
        if loc is None:
            warnings.append(f"Fant ikke saken {entry.case} i dokumentet.")
        else:
            stop = section_end(text, loc[1], located, end, bound_list=not held)
            if not held:  # the case paper ends where the attachments printed after it begin
                whole = text[loc[1] : section_end(text, loc[1], located, end, with_attachments=True)]
                stop = min(stop, loc[1] + case_paper_end(whole))
                item.attachments = split_case_paper(whole)[1]
            section = text[loc[1] : stop]
            fill_item(item, section, labels, held=held, known_people=known_people)
            if not held:
                item.text = clean_block(strip_routing(strip_page_noise(after_title(section, item.title))))
        items.append(item)
    return items, warnings


# a new document's heading: an attached protocol, annual-meeting minutes or a table of contents
DOCUMENT_HEADING_RE = re.compile(
    r"(?<![\w])(?<!AV )(?<!AV\n)(?:MØTEPROTOKOLL|MØTEBOK|PROTOKOLL\s+(?:FRA|FRÅ)|ÅRSMØTE|"
    r"INNHOLDSFORTEGNELSE|INNHALDSLISTE|INNHOLDSLISTE)(?![\w])"
    r"|(?:^|\n)[ \t]*(?:Innholdsfortegnelse|Innhaldsliste|Innholdsliste)(?![\w])"
    r"|(?<![\w])(?:Møteprotokoll|Møtebok)(?=[^\n]{0,120}?(?:Møtedato|Dato|Utvalg|Utval)\s*:)"
)
# the next heading's word (and a page number glued to it) when its number was read without it
HEADING_WORD_BEFORE_RE = re.compile(r"\d{0,3}(?:Sak|SAK)\s*$")
MIN_SECTION_CHARS = 40  # a heading this close to the item's number is the item's own
MAX_SECTION_CHARS = 40_000  # about fifteen pages of case paper
MAX_WITH_ATTACHMENTS_CHARS = 400_000  # a case paper and the documents attached to it


def section_end(
    text: str, start: int, located: Located, end: int, *, bound_list: bool = True,
    with_attachments: bool = False,
) -> int:
    """Where the item section that starts at ``start`` ends.

    At the next located item (by position), a new document's heading, or a bounded length; never at the end of
    the document by default. A section in a list of titles (a saksliste whose case papers were
    not found) ends with the list, unless ``bound_list`` is off (a protocol whose numbered
    headings are its only list). ``with_attachments``: the case paper with the documents attached
    after it (a new document's heading starts one of them, see :mod:`.attachments`), bounded longer.
    """
    stop = min(end, start + (MAX_WITH_ATTACHMENTS_CHARS if with_attachments else MAX_SECTION_CHARS))
    nxt = min((other[0] for other in located.starts if other and other[0] > start), default=None)
    if nxt is not None:
        glued = HEADING_WORD_BEFORE_RE.search(text, max(start, nxt - 12), nxt)
        stop = min(stop, glued.start() if glued else nxt)
    heading = None if with_attachments else DOCUMENT_HEADING_RE.search(text, start + MIN_SECTION_CHARS, stop)
    if heading:
        stop = heading.start()
    if bound_list and located.list_end is not None and start in located.listed:
        stop = min(stop, located.list_end)
    return max(start, stop)


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
