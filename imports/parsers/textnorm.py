"""Text normalisation shared by all parsers: line breaks, spaces, soft hyphens, wrapped lines
and upper-case headings (bokmål and nynorsk)."""

from __future__ import annotations

import re

UPPER = "A-ZÆØÅÄÖÜÉ"
LOWER = "a-zæøåäöüé"


def normalize(text: str) -> str:
    """Unify line breaks and spaces; drop soft hyphens; keep newlines as hints."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    text = re.sub(r"[\u00a0\u2007\u202f\t\v]", " ", text)
    text = re.sub(r" {2,}", " ", text)
    return re.sub(r" +\n", "\n", text)


def flat(text: str) -> str:
    """Collapse all whitespace to single spaces."""
    return " ".join(text.split())


_BULLET_RE = re.compile(r"^(?:[·•\-–*]|\d{1,2}[.)]|[a-z][.)])\s")


def clean_block(text: str) -> str:
    """Trim a text block: drop separator lines, join wrapped lines, keep paragraphs and bullets."""
    text = re.sub(r"[-_=]{6,}", "\n\n", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        prev = out[-1] if out else ""
        if prev and not _BULLET_RE.match(line) and not prev.endswith(":"):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return "\n".join(out).strip()


def title_case_if_upper(text: str) -> str:
    """'ADMINISTRASJONSUTVALET' -> 'Administrasjonsutvalet'; leave mixed case alone."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return text[:1].upper() + text[1:].lower()
    return text
