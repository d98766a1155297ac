"""Requests made in a meeting ('Name (Org) ber om ...'), their subject, and how well a subject
matches an agenda title."""

from __future__ import annotations

import re

from .orgs import canonical_org
from .textnorm import LOWER, UPPER, flat
from .types import ParsedRequest

_I = re.IGNORECASE


REQUEST_RE = re.compile(
    rf"(?<![\w])(?P<by>[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+){{1,3}})\s*"
    r"\((?P<org>[^()]{1,40})\)\s+(?P<verb>(?i:ber\s+om|bad\s+om|bed\s+om|spør|spurde|spurte|stiller|"
    r"stilte|stilde|tek\s+opp|tok\s+opp|tar\s+opp|kjem\s+med|kom\s+med|viser\s+til|etterlyser|"
    r"etterlyste|ønskjer|ønsker|ønska|ønsket|foreslår|foreslo|orienterer|orienterte|informerer|"
    r"informerte|melder|meldte|reiser|reiste))(?![\w])"
)
AGENDA_ASK_RE = re.compile(
    r"\b(?:ber|bad|bed)\s+om\s+(?:at\s+)?.{0,200}?(?:saksliste|sakliste|dagsorden|ny\s+sak|som\s+(?:ei\s+|en\s+)?sak|"
    r"eiga\s+sak|egen\s+sak|opp\s+som\s+sak|til\s+neste\s+møte|settes\s+opp|setjast\s+opp|"
    r"blir\s+sett\s+opp|vert\s+sett\s+opp|tas\s+opp\s+i|takast\s+opp\s+i|behandla|behandlet|handsama)"
    r"|\b(?:ber|bad|bed)\s+om\s+(?:ei\s+|en\s+|eit\s+|et\s+)?(?:sak|orientering|redegjørelse|"
    r"utgreiing|utredning)\b",
    _I | re.DOTALL,
)
SUBJECT_RE = re.compile(
    r"\b(?:sak|orientering|redegjørelse|utgreiing|utredning)\s+(?:om|vedrørande|vedrørende|knytt\s+til|"
    r"knyttet\s+til|angåande|angående)\s+(?P<subj>.{3,160}?)(?=\s+(?:blir|vert|blei|ble|skal|må|"
    r"kan|settes|setjast|tas|takast|til\s+neste|på\s+saksliste|på\s+sakliste|i\s+neste)\b|[.;:]|$)",
    _I | re.DOTALL,
)
REQUEST_STOP_RE = re.compile(
    r"\n\s*\n(?=[^\n]{0,60}:)|(?<![\w])(?:Orienteringar|Orienteringer|Spørsmål|Eventuelt|"
    r"Møtet\s+(?:vart\s+|ble\s+)?(?:heva|hevet|avslutta|avsluttet))\s*:?",
    _I,
)


def parse_requests(text: str) -> list[ParsedRequest]:
    """Statements 'Name (Org) ber om / spør / tek opp ...' as requests.

    The speaker is kept in ``by`` and ``organisation``; the text starts at the verb ("ber om at
    ..."), so a page showing "Name (Org): text" does not name the speaker twice.
    """
    matches = list(REQUEST_RE.finditer(text))
    out: list[ParsedRequest] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        stop = REQUEST_STOP_RE.search(text, m.end(), end)
        end = min(end, stop.start() if stop else end, m.start() + 1200)
        statement = flat(text[m.start("verb") : end])
        org = canonical_org(m.group("org"), strict_case=False) or flat(m.group("org"))
        asks = bool(AGENDA_ASK_RE.search(statement))
        out.append(ParsedRequest(flat(m.group("by")), org, statement, None, asks))
    return out


def request_subject(text: str) -> str:
    """The subject of a request: 'sak om inngåelse av trepartssamarbeid' -> 'inngåelse av ...'."""
    m = SUBJECT_RE.search(text)
    if m:
        return flat(m.group("subj"))
    m = re.search(
        r"\b(?:ber|bad|bed)\s+om\s+(?:at\s+)?(?P<subj>.{3,160}?)(?:\s+(?:blir|vert|settes)\b|[.;]|$)",
        text,
        _I,
    )
    return flat(m.group("subj")) if m else ""


STOPWORDS = frozenset(
    """
    av og i på til for om med frå fra ein en eit et ei den det dei de som er vert blir ble
    vart sak saka saken sakene kommunen kommunal kommunalt kommunale neste møte møtet at å
    inngåelse inngå etablering etablere oppretting opprette gjennomgang oppfølging
    orientering status ny nytt nye
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def stem(word: str) -> str:
    """Very light Norwegian stemmer for title matching."""
    word = word.lower()
    for suffix in ("ane", "ene", "ar", "er", "en", "et", "a", "e"):
        if len(word) > len(suffix) + 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    words = re.findall(r"[\wæøå]+", text.lower())
    return {stem(w) for w in words if len(w) > 3 and w not in STOPWORDS and not w.isdigit()}


def subject_score(subject: str, title: str) -> float:
    """Share of the subject's content words found in the title (compound-aware)."""
    subj = content_stems(subject)
    if not subj:
        return 0.0
    tit = content_stems(title)
    hits = 0
    for s in subj:
        if s in tit or any(len(s) >= 6 and (s in t or t in s) and len(t) >= 6 for t in tit):
            hits += 1
    return hits / len(subj)
