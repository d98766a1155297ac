"""Non-administration proposals ('Endringsforslag frå Fagforbundet:', 'Per Hansen (SV) fremja
følgjande forslag:') and where their text ends."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .orgs import split_proposers
from .outcomes import (
    ADMIN_REF_RE,
    ADOPTED_RE,
    FELL_RE,
    KIND_REF_RE,
    KIND_WORDS,
    SENTENCE_SPLIT_RE,
    VOTE_LABEL_RE,
    VOTES_RE,
    WITHDRAWN_RE,
)
from .textnorm import LOWER, UPPER, clean_block
from .types import ParsedProposal

_I = re.IGNORECASE


ADMIN_LABEL_RE = re.compile(
    r"(?:Kommunedirektøren|Kommunedirektørens|Rådmannen|Rådmannens|Administrasjonssjefen|"
    r"Administrasjonssjefens|Administrasjonen|Administrasjonens|Fylkesdirektøren|"
    r"Fylkesrådmannen|Kommunalsjefen|Ordføreren|Ordføraren|Ordførerens)\s*"
    r"(?:sitt\s+|sin\s+|si\s+|s\s+)?(?:framlegg|forslag|innstilling|innstillinga|tilråding)"
    r"(?:\s+til\s+vedtak)?\s*:?"
    r"|(?<![\w])(?:Forslag|Framlegg)\s+til\s+vedtak\s*:"
    r"|(?<![\w])(?:Innstilling|Tilråding)\s*:"
)


PROPOSAL_HEAD_RE = re.compile(
    r"(?<![\w])(?P<kind>Endrings|Tilleggs|Tillegs|Felles|Alternativt\s+|Alternativ\s+|Nytt\s+|Eige\s+|Eget\s+)?"
    r"(?:forslag|framlegg)(?:\s+til\s+vedtak)?\s+(?:fra|frå|fremmet\s+av|fremja\s+av|sett\s+fram\s+av|lagt\s+fram\s+av)\s+"
    r"(?P<who>[^:.;()]{1,150}?(?:\([^()]{1,40}\)[^:.;()]{0,40}?)?)\s*:",
    _I,
)
PROPOSAL_BY_PERSON_RE = re.compile(
    rf"(?<![\w])(?P<who>[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+){{0,3}})\s*"
    r"(?:\((?P<org>[^()]{1,40})\))?\s+(?i:(?:fremmet|fremja|sette\s+fram|satte\s+fram|la\s+fram|kom\s+med|"
    r"foreslo|gjorde)\s+(?:følgende|følgjande|slikt|eit|et|nytt|sitt|dette)?\s*"
    r"(?P<kind>endrings|tilleggs|tillegs|felles|alternativt\s+|alternativ\s+)?(?:forslag|framlegg)"
    r"(?:\s+til\s+vedtak)?(?:\s+på\s+vegne\s+av\s+(?P<behalf>[^:]{1,80}?))?)\s*:"
)


@dataclass
class _Head:
    start: int
    end: int
    kind: str
    proposers: list[str]


def head_kind(kind_word: str | None, proposers: list[str]) -> str:
    """The kind a proposal's header names ('Endrings' -> 'amendment'); without a kind word, a
    proposal by several proposers is a joint one, else an alternative."""
    word = (kind_word or "").strip().lower()
    return KIND_WORDS.get(word, "joint" if len(proposers) > 1 else "alternative")


def find_proposal_heads(text: str, known_people: dict[str, str] | None = None) -> list[_Head]:
    """Headers of non-administration proposals ('Endringsforslag frå Fagforbundet:')."""
    heads: list[_Head] = []
    for m in PROPOSAL_HEAD_RE.finditer(text):
        who = m.group("who")
        if re.search(r"\b(?:vart|ble|fekk|fikk|er|var)\b", who, _I):
            continue
        proposers = split_proposers(who, known_people)
        heads.append(_Head(m.start(), m.end(), head_kind(m.group("kind"), proposers), proposers))
    for m in PROPOSAL_BY_PERSON_RE.finditer(text):
        if any(h.start <= m.start() < h.end for h in heads):
            continue
        who = m.group("behalf") or m.group("org") or m.group("who")
        proposers = split_proposers(who, known_people)
        if m.group("org") and not m.group("behalf"):
            proposers = split_proposers(m.group("org"), known_people) or proposers
        heads.append(_Head(m.start(), m.end(), head_kind(m.group("kind"), proposers), proposers))
    heads.sort(key=lambda h: h.start)
    return heads


def _proposal_end(text: str, start: int, limit: int) -> int:
    """A proposal's text ends at a vote label or a sentence that reports an outcome."""
    m = VOTE_LABEL_RE.search(text, start, limit)
    end = m.start() if m else limit
    for s in SENTENCE_SPLIT_RE.finditer(text, start, end):
        nxt = text[s.end() : min(end, s.end() + 300)]
        sentence = re.split(r"(?<=[.!?])\s", nxt, maxsplit=1)[0]
        if (ADMIN_REF_RE.search(sentence) or KIND_REF_RE.search(sentence)) and (
            ADOPTED_RE.search(sentence)
            or FELL_RE.search(sentence)
            or WITHDRAWN_RE.search(sentence)
            or VOTES_RE.search(sentence)
        ):
            return s.start()
    return end


def extract_proposals(
    text: str, known_people: dict[str, str] | None = None
) -> tuple[list[ParsedProposal], list[tuple[int, int]]]:
    """Non-administration proposals in ``text`` and the spans they occupy."""
    heads = find_proposal_heads(text, known_people)
    out: list[ParsedProposal] = []
    spans: list[tuple[int, int]] = []
    for i, head in enumerate(heads):
        limit = heads[i + 1].start if i + 1 < len(heads) else len(text)
        end = _proposal_end(text, head.end, limit)
        body = clean_block(text[head.end : end])
        out.append(ParsedProposal(head.kind, head.proposers, body))  # type: ignore[arg-type]
        spans.append((head.start, end))
    return out, spans


def remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Text with the given spans replaced by a paragraph break."""
    if not spans:
        return text
    parts, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        parts.append(text[pos:a])
        parts.append("\n\n")
        pos = b
    parts.append(text[pos:])
    return "".join(parts)
