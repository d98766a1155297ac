"""Parties and unions: canonical names, sides, mentions in free text and lists of proposers."""

from __future__ import annotations

import re

from .types import Side

_I = re.IGNORECASE


PARTIES = {
    "ap": "AP", "a": "AP", "arbeidarpartiet": "AP", "arbeiderpartiet": "AP",
    "h": "H", "høgre": "H", "høyre": "H",
    "sp": "SP", "senterpartiet": "SP",
    "sv": "SV", "sosialistisk venstreparti": "SV",
    "frp": "FRP", "framstegspartiet": "FRP", "fremskrittspartiet": "FRP",
    "krf": "KRF", "kristeleg folkeparti": "KRF", "kristelig folkeparti": "KRF",
    "v": "V", "venstre": "V",
    "mdg": "MDG", "miljøpartiet de grønne": "MDG", "miljøpartiet dei grøne": "MDG",
    "r": "RØDT", "rødt": "RØDT", "raudt": "RØDT",
    "pp": "PP", "pensjonistpartiet": "PP", "inp": "INP", "tvp": "TVP", "kyst": "KYST",
    "uavh.": "Uavhengig", "uavhengig": "Uavhengig", "uavhengig liste": "Uavhengig",
}  # fmt: skip
UNIONS = {
    "fagforbundet": "Fagforbundet", "ff": "Fagforbundet",
    "utdanningsforbundet": "Utdanningsforbundet", "uf": "Utdanningsforbundet", "udf": "Utdanningsforbundet",
    "sykepleierforbundet": "Sykepleierforbundet", "sjukepleiarforbundet": "Sykepleierforbundet",
    "norsk sykepleierforbund": "Sykepleierforbundet", "nsf": "Sykepleierforbundet",
    "delta": "Delta", "fo": "FO", "fellesorganisasjonen": "FO", "nito": "NITO",
    "naturviterne": "Naturviterne", "tekna": "Tekna", "akademikerne": "Akademikerne",
    "unio": "Unio", "lo": "LO Kommune", "lo kommune": "LO Kommune", "ys": "YS Kommune",
    "ys kommune": "YS Kommune", "legeforeningen": "Legeforeningen", "samfunnsviterne": "Samfunnsviterne",
    "parat": "Parat", "sl": "Skolenes landsforbund", "skolenes landsforbund": "Skolenes landsforbund",
    "lærernes yrkesforbund": "Lærernes Yrkesforbund", "mfo": "MFO", "econa": "Econa",
    "juristforbundet": "Juristforbundet", "psykologforeningen": "Psykologforeningen",
    "fysioterapeutforbundet": "Fysioterapeutforbundet", "ergoterapeutene": "Ergoterapeutene",
    "norsk lektorlag": "Norsk Lektorlag", "lektorlaget": "Norsk Lektorlag",
    "radiografforbund": "Radiografforbundet", "norsk radiografforbund": "Radiografforbundet",
}  # fmt: skip
CANONICAL_UNIONS = set(UNIONS.values())
CANONICAL_PARTIES = set(PARTIES.values())
_ORG_TOKEN_RE = re.compile(
    r"(?<![\w])("
    + "|".join(
        sorted((re.escape(k) for k in {**PARTIES, **UNIONS} if len(k) > 1), key=len, reverse=True)
    )
    + r")(?![\w])",
    _I,
)


def canonical_org(token: str, *, strict_case: bool = True) -> str | None:
    """Canonical short name of a party or union ('fagforbundet' -> 'Fagforbundet')."""
    raw = token.strip(" ().,;:")
    key = " ".join(raw.lower().split())
    if key in UNIONS:
        if len(key) <= 3 and strict_case and raw != raw.upper():
            return None
        return UNIONS[key]
    if key in PARTIES:
        if (
            len(key) <= 3
            and strict_case
            and not (raw.isupper() or raw in ("FrP", "KrF", "Ap", "Sp"))
        ):
            return None
        return PARTIES[key]
    return None


def org_side(org: str | None) -> Side | None:
    if org in CANONICAL_UNIONS:
        return "employee"
    if org in CANONICAL_PARTIES:
        return "political"
    return None


def orgs_in(text: str) -> list[str]:
    """Canonical organisations mentioned in free text (case-insensitive names, strict acronyms)."""
    found: list[str] = []
    for m in _ORG_TOKEN_RE.finditer(text):
        org = canonical_org(m.group(1))
        if org and org not in found:
            found.append(org)
    for m in re.finditer(r"(?<![\w])(H|V|A|R)(?![\w])", text):
        org = canonical_org(m.group(1))
        if org and org not in found:
            found.append(org)
    return found


def split_proposers(text: str, known_people: dict[str, str] | None = None) -> list[str]:
    """'SV, SP, H, AP, Utdanningsforbundet og Fagforbundet' -> ['SV', 'SP', 'H', 'AP', ...]."""
    text = " ".join(text.split())
    text = re.sub(r"\s+v/.*$", "", text)
    parts = re.split(r"\s*,\s*|\s+og\s+|\s+and\s+|\s*&\s*|\s*\+\s*", text)
    out: list[str] = []
    for part in parts:
        part = part.strip(" .:;")
        if not part:
            continue
        paren = re.search(r"\(([^)]{1,40})\)", part)
        org = canonical_org(paren.group(1)) if paren else None
        org = org or canonical_org(part, strict_case=False)
        if org is None and known_people:
            org = known_people.get(" ".join(part.split()).lower())
        name = org or re.sub(r"\s*\([^)]*\)", "", part)[:60]
        if name and name not in out:
            out.append(name)
    return out
