"""Page furniture in a case paper's text: a trailing page header ('Vaksdal kommune SAKSPAPIR')
and the routing table ('Saksgang: Utvalg Møtedato Saksnr' and its rows)."""

from __future__ import annotations

import re

from .textnorm import LOWER, UPPER

PAGE_NOISE_RE = re.compile(
    rf"(?:\s*[{UPPER}][{LOWER}-]+(?:\s+[{UPPER}][{LOWER}-]+)?\s+kommune)?\s*(?:SAKSPAPIR|SAKSFRAMLEGG)?\s*$"
)


def strip_page_noise(text: str) -> str:
    """Drop a trailing page header ('Vaksdal kommune', 'SAKSPAPIR') from a block."""
    head, tail = text[:-300], text[-300:]
    return head + PAGE_NOISE_RE.sub("", tail, count=1)


# the case paper's routing table ('Saksgang: Utvalg Møtedato Saksnr' and its rows of bodies,
# dates and case numbers): it names committees, not the case
ROUTING_HEAD_RE = re.compile(
    r"(?:Saksgang\s*:?\s*)?(?:(?:Utvalgs-?\s*saksnr\.?|Utvalgssaksnummer|Utv\.\s?saksnr\.?|Saksnr\.?|"
    r"Saksnummer|Saknr\.?|Saksgang|Utvalg(?:\s?/\s?styre)?|Utval|Møtedato)\s*:?\s*){3,4}"
)
ROUTING_ROW_RE = re.compile(
    r"\s*(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{0,4}\s?/\s?\d{0,4}(?![\w])|\d{1,3}(?![\w.,])|"
    rf"(?:[{UPPER}][\w-]*\s+(?:(?:og|i|[{LOWER}][\w-]*)\s+){{0,4}})?"
    r"(?<![\w])(?i:[\w-]*?(?:utvalg|utval|styre|nemnd|komit[eé]|formannskap|råd|ting)(?:et|a|en|t)?)(?![\w])"
    rf"(?:,?\s+(?:i\s+[{UPPER}][\w-]+|[{LOWER}][\w-]*)(?![\w]))*)"
)
ROUTING_MAX_ROWS = 40


def strip_routing(text: str) -> str:
    """The text without its routing table (column headings and the rows after them)."""
    head = ROUTING_HEAD_RE.search(text)
    if head is None:
        return text
    pos = head.end()
    for _ in range(ROUTING_MAX_ROWS):
        row = ROUTING_ROW_RE.match(text, pos)
        if row is None or row.end() == pos:
            break
        pos = row.end()
    return text[: head.start()] + text[pos:]
