"""Rebuild text as a person reads it from positioned words (a PDF's text layer or OCR output).

Input is one list of :class:`Word` per page, in page coordinates that grow downwards. Output is
plain text in reading order:

- words on the same line (vertical overlap) form one line, left to right, joined by one space, so
  a table row stays one row however its cells were drawn;
- a vertical gap clearly larger than the document's usual line spacing is a paragraph break (a
  blank line); a page that ends early ends its paragraph, a full page continues it;
- running headers and footers (a line at a page's top or bottom that recurs, digits aside, on
  most pages) and page numbers (``Side 2 av 18``) are removed;
- a word hyphenated at a line end is joined (``tre-`` / ``partssamarbeid``): see
  :func:`join_hyphenated`, which plain text goes through too, so both read alike.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

PARAGRAPH_GAP = 1.6  # a baseline step this many usual line steps long starts a new paragraph
MARGIN_ZONE = 0.08  # running headers/footers sit in this share of the page at the top and bottom
MARGIN_LINES = 2  # ... and are among the first/last this many lines of the page
RECURRING_SHARE = 0.8  # ... and recur on at least this share of pages
MIN_RECURRING_PAGES = 2

PAGE_NUMBER_RE = re.compile(
    r"^(?:(?:side|page|sida|s\.)\s*(?P<n1>\d{1,4})(?:\s*(?:av|of|/)\s*(?P<m1>\d{1,4}))?"
    r"|(?P<n2>\d{1,4})\s*(?:av|of|/)\s*(?P<m2>\d{1,4})|[-–]?\s*\d{1,4}\s*[-–]?)$",
    re.IGNORECASE,
)
_HYPHEN_END_RE = re.compile(r"(?<=[a-zæøåäöüé]{2})-$")
_CONTINUATION_RE = re.compile(r"^([a-zæøåäöüé][\wæøå]*)([.,;:!?)»”]*)(\s+|$)")
_KEEP_HYPHEN_BEFORE = {"og", "eller", "and", "or", "samt", "til"}


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Line:
    words: list[Word]
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.x0))

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Page:
    lines: list[Line]
    height: float


def group_lines(words: list[Word]) -> list[Line]:
    """Words whose vertical middles fall inside a line's extent join it; lines top to bottom."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        line = lines[-1] if lines else None
        if line is not None and line.top <= middle <= line.bottom:
            line.words.append(word)
            line.bottom = max(line.bottom, word.bottom)
        else:
            lines.append(Line([word], word.top, word.bottom))
    return lines


def is_page_number(text: str) -> bool:
    """``Side 2 av 18``, ``2 / 18``, ``- 2 -``; not a case number such as ``10/2024``."""
    match = PAGE_NUMBER_RE.match(text.strip())
    if not match:
        return False
    n, m = match.group("n1") or match.group("n2"), match.group("m1") or match.group("m2")
    return not (n and m) or int(n) <= int(m) < 1000


def _margin_key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.casefold()).split())


def _margin_candidates(page: Page) -> list[tuple[str, int]]:
    """(zone, index) of the lines that may be running headers or footers."""
    n = len(page.lines)
    found = []
    for index in range(min(MARGIN_LINES, n)):
        if page.lines[index].bottom <= page.height * MARGIN_ZONE:
            found.append(("top", index))
    for index in range(max(0, n - MARGIN_LINES), n):
        if page.lines[index].top >= page.height * (1 - MARGIN_ZONE) and ("top", index) not in found:
            found.append(("bottom", index))
    return found


def remove_running_lines(pages: list[Page]) -> int:
    """Drop page numbers and lines recurring in the same margin on most pages; returns how many."""
    counts: Counter = Counter()
    for page in pages:
        counts.update({(zone, _margin_key(page.lines[i].text)) for zone, i in _margin_candidates(page)})
    needed = max(MIN_RECURRING_PAGES, RECURRING_SHARE * len(pages))
    removed = 0
    for page in pages:
        drop = {
            i for zone, i in _margin_candidates(page)
            if is_page_number(page.lines[i].text) or counts[(zone, _margin_key(page.lines[i].text))] >= needed
        }
        page.lines = [line for i, line in enumerate(page.lines) if i not in drop]
        removed += len(drop)
    return removed


def _line_step(pages: list[Page]) -> float:
    """The usual distance between two lines of one paragraph: a low percentile of all distances
    (documents with a blank line between most lines would otherwise make a blank line usual)."""
    steps = sorted(
        b.middle - a.middle for page in pages for a, b in zip(page.lines, page.lines[1:])
        if b.middle - a.middle >= (a.bottom - a.top) * 0.8
    )
    if steps:
        return steps[len(steps) // 5]
    heights = [line.bottom - line.top for page in pages for line in page.lines]
    return statistics.median(heights) * 1.2 if heights else 12.0


def pages_text(pages: list[Page]) -> str:
    """The text of the pages, with paragraphs rebuilt from the gaps between lines."""
    remove_running_lines(pages)
    step = _line_step(pages)
    lowest = max((page.lines[-1].bottom for page in pages if page.lines), default=0.0)
    highest = min((page.lines[0].top for page in pages if page.lines), default=0.0)
    out: list[str] = []
    previous: Line | None = None
    for page in pages:
        for index, line in enumerate(page.lines):
            if previous is not None:
                if index == 0:  # a page that ends early or starts late breaks the paragraph
                    gap = lowest - previous.bottom > step / 2 or line.top - highest > step / 2
                else:
                    gap = line.middle - previous.middle > PARAGRAPH_GAP * step
                if gap:
                    out.append("")
            out.append(line.text)
            previous = line
    return join_hyphenated("\n".join(out))


def join_hyphenated(text: str) -> str:
    """Join a word split by a hyphen at a line end with its rest on the next line.

    ``tre-`` / ``partssamarbeid er`` becomes ``trepartssamarbeid`` / ``er``. The hyphen stays when
    it follows a capital (``HMS-gruppa``), when the next line starts with a capital or a digit, or
    with ``og``/``eller`` (``helse- og omsorg``). A line left empty by the join is dropped.
    """
    lines = text.split("\n")
    emptied: set[int] = set()
    for index in range(len(lines) - 1):
        line = lines[index].rstrip()
        if not _HYPHEN_END_RE.search(line):
            continue
        following = lines[index + 1].lstrip()
        match = _CONTINUATION_RE.match(following)
        if not match or match.group(1) in _KEEP_HYPHEN_BEFORE:
            continue
        lines[index] = line[:-1] + match.group(1) + match.group(2)
        lines[index + 1] = following[match.end():]
        if not lines[index + 1]:
            emptied.add(index + 1)
    return "\n".join(line for index, line in enumerate(lines) if index not in emptied)
