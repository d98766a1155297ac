"""Case papers and their attachments apart.

A portal prints a case paper (saksframlegg) and then, in the same file, the documents attached
to it: a report, a memo, the protocol to be approved. The case paper names them in an
attachment list (``Vedlegg:`` and a title per line, numbered or not, or flattened into one
line). What follows the case paper is an attachment when it starts

- with an attachment heading (``Vedlegg 2: Notat om ...``, ``VEDLEGG 1``),
- with a listed title printed as a heading (a short line, matched word by word loosely:
  ``Kommunalt 3-partssamarbeid`` is found as ``Kommunalt trepartssamarbeid``), or
- with a new document's heading (``MØTEPROTOKOLL``, ``INNHOLDSFORTEGNELSE``, see
  :data:`~imports.parsers.sections.DOCUMENT_HEADING_RE`), when the case paper lists
  attachments; a case paper that lists none ends there, and the document after it (another
  body's protocol, a table of contents) is not the item's.

:func:`split_case_paper` returns the case paper and the attachments, each with its title; a
listed attachment whose text is not in the file is kept with its title only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textnorm import clean_block, flat
from .types import ParsedAttachment

MAX_ATTACHMENTS = 20
MAX_LIST_LINES = 15
MAX_TITLE_CHARS = 300
MAX_LIST_LINE_CHARS = 150
MAX_ATTACHMENT_CHARS = 200_000  # text kept per attachment (about 70 pages)
MIN_CASE_PAPER_CHARS = 40  # an attachment never starts before this much case paper

# the attachment list's label on a line of its own, or followed by its titles on the same line
LIST_LABEL_RE = re.compile(
    r"(?m)^[ \t]*(?:(?:Trykte|Utrykte|Andre)\s+[Vv]edlegg|Vedlegg\s+til\s+saka?|Vedlegg|VEDLEGG|Vedlagt)"
    r"[ \t]*(?::[ \t]*|[ \t]*$)"
)
# an inline list (a flattened page): 'Vedlegg: 1. Notat ... 2. Kostnadsoverslag ... Saksopplysninger:'
INLINE_LABEL_RE = re.compile(r"(?<![\w])Vedlegg\s*:\s*")
# a heading of an appended attachment: 'Vedlegg 2', 'Vedlegg 2: Notat', 'VEDLEGG 1 - Rapport'
HEADING_RE = re.compile(
    r"(?m)^[ \t]*(?:Vedlegg|VEDLEGG)[ \t]+(?P<number>\d{1,2})(?![\d/.])[ \t]*(?P<sep>[:.\-–]?)[ \t]*"
    r"(?P<title>[^\n]{0,200})$"
)
# the case paper's sections after the list ('Saksopplysningar:', 'Kommunedirektøren sitt framlegg til vedtak:')
SECTION_WORDS = (
    r"(?:Saksopplysning\w*|Saksutgreiing\w*|Saksframstilling|Sammendrag|Samandrag|Bakgrunn\w*|Vurdering\w*|"
    r"Innstilling\w*|Tilråding\w*|Forslag\s+til\s+vedtak|Framlegg\s+til\s+vedtak|Rådmannens|Rådmannen\s+sitt|"
    r"Kommunedirektørens|Kommunedirektøren\s+sitt|Administrasjonens|Saksbehandler|Sakshandsamar|Saksgang|"
    r"Utrykte\s+vedlegg|Trykte\s+vedlegg|Andre\s+vedlegg)(?![\w])"
)
# a line that ends the list: one of those sections, or any label alone on its line
SECTION_LINE_RE = re.compile(r"^(?:[^:\n]{1,60}:$|" + SECTION_WORDS + ")")
# where an inline list ends: one of those sections, or a one-word label ('Saksopplysninger:')
INLINE_STOP_RE = re.compile(r"\s(?=" + SECTION_WORDS + r"[^:\n]{0,40}:|[A-ZÆØÅ][\wæøå]+\s*:\s)")
NUMBERING_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–•·*])\s*")
WORD_RE = re.compile(r"[^\W\d_]{4,}")  # words that carry a title (not "for", "i", "og")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD_RE.findall(text)]


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and (a in b or b in a)


def list_titles(text: str) -> tuple[list[str], int]:
    """Titles of the case paper's attachment list and where the list ends (0 when none)."""
    label = LIST_LABEL_RE.search(text)
    if label is not None:
        line_end = text.find("\n", label.end())
        rest = text[label.end() : line_end if line_end >= 0 else len(text)]
        if len(rest) > MAX_LIST_LINE_CHARS or INLINE_STOP_RE.search(rest):
            return _titles_inline(text, label.end())  # the list's lines were run together
        titles, end = _titles_in_lines(text, label.end())
        if titles:
            return titles, end
    inline = INLINE_LABEL_RE.search(text)
    if inline is not None:
        return _titles_inline(text, inline.end())
    return [], 0


def _titles_in_lines(text: str, start: int) -> tuple[list[str], int]:
    """Titles on the lines after the label: up to two blank lines, a section label or a sentence."""
    titles: list[str] = []
    pos = start
    blank = 0
    for match in re.finditer(r"[^\n]*\n|[^\n]+$", text[start : start + 4000]):
        line = match.group().strip()
        if not line:
            blank += 1
            if titles and blank >= 2:
                break
            pos = start + match.end()
            continue
        numbered = NUMBERING_RE.match(line) is not None
        if SECTION_LINE_RE.match(line) or len(titles) >= MAX_LIST_LINES:
            break
        if titles and blank and not numbered and (len(line) > 120 or line.endswith(".")):
            break  # the case paper's text after the list
        blank = 0
        title = NUMBERING_RE.sub("", line).strip()
        if title and len(title) <= MAX_TITLE_CHARS:
            titles.append(title)
        pos = start + match.end()
    return titles, pos


def _titles_inline(text: str, start: int) -> tuple[list[str], int]:
    window = text[start : start + 1200]
    stop = INLINE_STOP_RE.search(window)
    listed = window[: stop.start() if stop else min(len(window), 300)]
    parts = [flat(p) for p in re.split(r"(?:^|\s)\d{1,2}[.)]\s", listed) if flat(p)]
    if not parts and flat(listed):
        parts = [flat(listed)]
    if parts and parts[-1].endswith(".") and len(parts[-1].split()) > 4:
        parts[-1] = _without_last_sentence(parts[-1])
    return [p[:MAX_TITLE_CHARS] for p in parts[:MAX_LIST_LINES] if p], start + len(listed)


def _without_last_sentence(title: str) -> str:
    """A run-together list's last title without the case paper's sentence that followed it
    ('Notat fra bedriftshelsetjenesten Sykefraværet var 6,1 prosent.')."""
    sentence = title.rfind(". ")
    if sentence > 0:
        return title[:sentence].strip()
    capitals = [m.start() for m in re.finditer(r"\s[A-ZÆØÅ]", title)]
    return title[: capitals[-1]].strip() if capitals else title


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def find_title_heading(text: str, title: str, start: int) -> int | None:
    """Where ``title`` is printed as a heading (a short line starting with its first word) after ``start``."""
    wanted = _words(title)[:6]
    if not wanted:
        return None
    first = re.compile(r"(?m)^[ \t]*" + re.escape(WORD_RE.findall(title)[0]), re.IGNORECASE)
    for m in first.finditer(text, start):
        line_end = text.find("\n", m.start())
        line = text[m.start() : line_end if line_end >= 0 else len(text)]
        if len(line.strip()) > max(60, 2 * len(title)):
            continue  # a sentence that starts with the word, not a heading
        found = _words(text[m.start() : m.start() + len(title) + 60])[: len(wanted) + 3]
        hits = sum(1 for w in wanted if any(_same_word(w, f) for f in found))
        if found and _same_word(wanted[0], found[0]) and hits * 4 >= len(wanted) * 3:
            return _heading_start(text, m.start())
    return None


def _heading_start(text: str, pos: int) -> int:
    """Start of the heading that ``pos`` is in: short lines just before it belong to it
    ('Håndbok i' above 'Kommunalt trepartssamarbeid')."""
    start = _line_start(text, pos)
    for _ in range(3):
        before = text[: max(0, start - 1)]
        lines = before.split("\n")
        previous = lines[-1].strip() if lines else ""
        gap = 0
        if not previous and len(lines) >= 2:
            previous, gap = lines[-2].strip(), 1
        if not previous or len(previous) > 40 or previous.endswith((".", ":", ",")):
            break
        start = _line_start(text, start - 2 - gap) if start >= 2 + gap else 0
    return start


def _heading_title(text: str, start: int) -> str:
    """The title of an unlisted attachment: its first non-empty lines, up to a sentence."""
    lines = [line.strip() for line in text[start : start + 400].split("\n") if line.strip()]
    return flat(" ".join(lines[:2]))[:120].rstrip(" .:") if lines else ""


@dataclass
class _Layout:
    titles: list[str]
    starts: dict[int, str]  # where each attachment starts, and its title ("" when unknown yet)
    end: int  # where the case paper's own text and its attachments end


def _layout(text: str) -> _Layout:
    from .sections import DOCUMENT_HEADING_RE

    titles, list_end = list_titles(text)
    floor = max(list_end, MIN_CASE_PAPER_CHARS)
    starts = numbered_starts(text, titles, floor)
    headings = [m.start() for m in DOCUMENT_HEADING_RE.finditer(text, floor)]
    starts, end = with_document_headings(starts, headings, listed=bool(titles), end=len(text))
    add_title_headings(text[:end], titles, starts, floor)
    return _Layout(titles, starts, end)


def is_sentence_mention(m: re.Match) -> bool:
    """'Vedlegg 1 viser ...': a lower-case word right after the number is a sentence of the case
    paper, not an attachment's heading."""
    return m.group("title")[:1].islower() and not m.group("sep")


def listed_title(titles: list[str], number: int) -> str:
    """The title the attachment list gives number ``number`` ('' when the list has no such number)."""
    return titles[number - 1] if 0 < number <= len(titles) else ""


def numbered_starts(text: str, titles: list[str], floor: int) -> dict[int, str]:
    """Where numbered attachment headings ('Vedlegg 2: Notat') start after ``floor``, each with
    the listed title of its number, else the heading's own text."""
    starts: dict[int, str] = {}
    for m in HEADING_RE.finditer(text, floor):
        if is_sentence_mention(m):
            continue
        title = listed_title(titles, int(m.group("number"))) or flat(m.group("title")) or flat(m.group())
        starts.setdefault(_line_start(text, m.start()), title)
    return starts


def with_document_headings(
    starts: dict[int, str], headings: list[int], *, listed: bool, end: int
) -> tuple[dict[int, str], int]:
    """A new document's heading starts an attachment (its title is found later) when the case
    paper lists attachments; without a list, the item's text ends at the first such heading."""
    if listed:
        for at in headings:
            starts.setdefault(at, "")
        return starts, end
    if not headings:
        return starts, end
    end = headings[0]
    return {at: title for at, title in starts.items() if at < end}, end


def add_title_headings(text: str, titles: list[str], starts: dict[int, str], floor: int) -> None:
    """A listed title printed as a heading after ``floor`` starts that attachment (or names the
    attachment already found there without a title)."""
    for title in titles:
        at = find_title_heading(text, title, floor)
        if at is not None and at >= floor and not starts.get(at):
            starts[at] = title


def case_paper_end(text: str) -> int:
    """Where the case paper in ``text`` ends: at its first attachment, or at a new document."""
    layout = _layout(text)
    return min(layout.starts, default=layout.end)


def split_case_paper(text: str, *, max_case_paper: int | None = None) -> tuple[str, list[ParsedAttachment]]:
    """The case paper (cleaned) and the attachments printed after it (each cleaned, with a title).

    ``text`` is the raw text of the item's case paper and what follows it up to the next item;
    the case paper is cut at ``max_case_paper`` characters (the attachments are bounded apart).
    """
    layout = _layout(text)
    ordered = sorted(layout.starts)
    attachments: list[ParsedAttachment] = []
    for i, start in enumerate(ordered):
        end = ordered[i + 1] if i + 1 < len(ordered) else layout.end
        body = clean_block(text[start : min(end, start + MAX_ATTACHMENT_CHARS)])
        if body:
            attachments.append(ParsedAttachment(layout.starts[start] or _heading_title(text, start), body))
    found = {a.title for a in attachments}
    attachments += [ParsedAttachment(t) for t in layout.titles if t not in found]
    case_end = min(ordered[0] if ordered else layout.end, max_case_paper or len(text))
    return clean_block(text[:case_end]), attachments[:MAX_ATTACHMENTS]
