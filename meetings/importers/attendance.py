"""Attendance tables: members, absences with substitutes, administration and others.

Rows are found from token classes (name words, party/union names, roles), not from lines, so
flattened tables parse too; line breaks, names from other tables and a list of common first
names only help to split run-together names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .common import (
    CANONICAL_PARTIES,
    CANONICAL_UNIONS,
    LOWER,
    UPPER,
    canonical_org,
    org_side,
)
from .types import ParsedAttendance, Side

_I = re.IGNORECASE


ROLE_WORDS = (
    r"leiar|leder|nestleiar|nestleder|utvalsleiar|utvalgsleder|utvalsleder|medlem|varamedlem|vara|"
    r"arbeidstakarrepr\.?|arbeidstakerrepr\.?|arbeidstakarrepresentant|arbeidstakerrepresentant|"
    r"ansatterepr\.?|ansatterepresentant|ansattrepresentant|tilsetterepresentant|"
    r"tilsettrepresentant|hovudtillitsvald|hovedtillitsvalgt|hovudverneombod|hovedverneombud|"
    r"verneombod|verneombud|tillitsvald|tillitsvalgt|sekretær|utvalssekretær|utvalgssekretær|"
    r"møtesekretær|protokollfører|protokollførar|ordfører|ordførar|varaordfører|varaordførar|"
    r"kommunedirektør|kommunedirektøren|rådmann|rådmannen|kommunalsjef|personalsjef|"
    r"personalleiar|personalleder|hr-sjef|hr-leiar|hr-leder|hr-direktør|hr-rådgjevar|hr-rådgiver|"
    r"økonomisjef|rådgjevar|rådgiver|seniorrådgiver|seniorrådgjevar|spesialrådgiver|"
    r"organisasjonssjef|stabssjef|kommuneadvokat|direktør|observatør|møtande|møtende|"
    r"[\wæøå-]*(?:sjef|leiar|leder|direktør|rådgiver|rådgjevar|konsulent|sekretær|representant|"
    r"tillitsvald|tillitsvalgt|verneombud|verneombod)"
)
ROLE_RE = re.compile(rf"(?:{ROLE_WORDS})[.,:;]?", _I)
ROLE_PREFIX_RE = re.compile(
    r"assisterende|assisterande|ass\.|konstituert|kst\.|fung\.|fungerande|fungerende|politisk|"
    r"fast|personleg|personlig|1\.|2\.|3\.",
    _I,
)
EMPLOYEE_ROLE_RE = re.compile(
    r"arbeidstak|ansatterep|ansattrep|tilsett|tillitsval|verneomb|hovudtillits|hovedtillits", _I
)
EMPLOYER_ROLE_RE = re.compile(
    r"kommunedirektør|rådmann|sjef|hr-|personal|direktør|rådgiver|rådgjevar|kommuneadvokat|"
    r"kommunalsjef|økonomi|stabs|konsulent",
    _I,
)
SECRETARY_ROLE_RE = re.compile(r"sekretær|protokollfør", _I)
NAME_PARTICLES = {"van", "von", "de", "af", "da", "la", "du", "ter", "den", "der", "di", "le"}
_NAME_TOKEN_RE = re.compile(
    rf"[{UPPER}][{LOWER}A-Za-z'’]*(?:-[{UPPER}{LOWER}][{LOWER}A-Za-z'’]*)*\.?"
)
TABLE_HEADER_RE = re.compile(
    r"(?:Medlemmer|Medlemer|Namn|Navn)\s+(?:Parti|Funksjon|Rolle|Stilling|Møtte\s+for)"
    r"(?:\s+(?:Rolle|Parti|Representerer|Representerar|Funksjon|Møtte\s+for|Møtande\s+varamedlem))*"
    r"|Forfall\s+Parti\s+(?:Møtande|Møtende)\s+varamedlem|(?<![\w])Representerer(?![\w])",
    _I,
)

# A small list of common Norwegian first names, used only to split run-together names in
# flattened tables ("Anne Lise Bergo Amalie Johnsen Lunde").
FIRST_NAMES = frozenset(
    """
    ada adrian agnes aleksander alexander alf alfred alice amalie amanda anders andreas ane
    anette anita ann anna anne annette anniken arild arne arnfinn asbjørn aslak astrid atle
    audun aud bente berit bernt bjarne bjørg bjørn bodil borghild brit brita britt camilla
    carina carl caroline cathrine cecilie christian christine dag dagny dagfinn daniel david
    edvard eilif eirik einar eivind elin elisabeth ellen emil emilie emma erik erlend espen
    eva even frank fredrik frida frode gaute geir gerd gisle grete gro gudrun gunhild gunn
    gunnar guri gustav guttorm hallvard hanne hans harald hedda hege heidi helene helga
    helge henrik henriette herman hilde hildegunn håkon ida inger ingrid ingvild ingunn ivar
    jan jarle jens jo jofrid johan johanne johannes jon jonas jorunn jostein julie june kai
    kari karin karl karoline kasper katrine kjartan kjell kjersti knut kristian kristin
    kristine lars laila lena lene leif lill lillian linda line lisa lise liv lotte magnus
    maja malin marianne marie marit mari martin mathias mette mia mona morten nils nina nora
    odd oddbjørn oddny ola olav ole oliver oscar oskar paul per petter pål ragnar ragnhild
    randi rannveig reidar reidun rikke rita robert roger rolf rune ruth sandra sara selma
    sigrid sigurd silje simen sindre siri sissel sofie solveig stein steinar stian stine
    svein sverre synnøve terje thea thomas thor thorbjørn tom tone tor tora torbjørn tore
    torgeir tove trine trond trude turid unni vegard vera vibeke vidar wenche øystein åse
    aase marte maren mathilde ingeborg sunniva tuva vilde hanna hannah marius markus jørgen
    ørjan øyvind eskil håvard halvor helle hilda jenny johanna kristoffer kristina lisbeth
    magne margrethe mariann merete mona morten nina oda ole-jakob petra ragna rasmus sander
    signe silje sivert solfrid steffen stig svein-erik synne tobias torstein trygve ulrik
    unn vidar yngve åsmund aina alma arvid asle bjørnar brynjar eli elise erling finn
    gjermund grethe gunnhild gyda harald hallgeir ingvar irene janne jarl jorid kato kine
    kjetil kolbjørn lars-erik liv-marit torhild tonje tormod torunn toril turi ronny roar
    ranveig påal
    """.split()  # noqa: SIM905 - a word list reads better as text
)


@dataclass
class _Tok:
    text: str
    kind: str  # name | org | role | other | sep
    line_start: bool = False
    org: str | None = None


@dataclass
class Row:
    """One parsed table row: a person with attributes, optionally a second name."""

    name: str
    orgs: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    other_name: str | None = None


def _tokenize_people(section: str) -> list[_Tok]:
    section = TABLE_HEADER_RE.sub(" ", section)
    section = re.sub(r"[()\[\]]", " ", section)
    toks: list[_Tok] = []
    pos = 0
    for m in re.finditer(r"\S+", section):
        line_start = "\n" in section[pos : m.start()] or pos == 0
        pos = m.end()
        raw = m.group()
        trailing_sep = raw.endswith((",", ";")) and len(raw) > 1
        word = raw.rstrip(",;")
        if word in (",", ";", "-", "–", "•", "·", "og"):
            toks.append(_Tok(word, "sep", line_start))
            continue
        if word.startswith("(") and word.endswith(")"):
            org = canonical_org(word) or (word.strip("()") if word.strip("()").isupper() else None)
            toks.append(_Tok(word, "org" if org else "other", line_start, org))
        else:
            toks.append(_classify_token(word, line_start))
        if trailing_sep:
            toks.append(_Tok(",", "sep"))
    # merge role prefixes ("Assisterende kommunedirektør") and two-word orgs ("Norsk Sykepleierforbund")
    merged: list[_Tok] = []
    for tok in toks:
        if merged:
            prev = merged[-1]
            if tok.kind == "role" and ROLE_PREFIX_RE.fullmatch(prev.text):
                merged[-1] = _Tok(f"{prev.text} {tok.text}", "role", prev.line_start)
                continue
            two = canonical_org(f"{prev.text} {tok.text}", strict_case=False)
            if two and prev.kind != "org" and (tok.kind in ("org", "name", "other")):
                merged[-1] = _Tok(f"{prev.text} {tok.text}", "org", prev.line_start, two)
                continue
        merged.append(tok)
    return merged


def _classify_token(word: str, line_start: bool) -> _Tok:
    if len(word) == 2 and word[1] == "." and word[0].isupper():
        return _Tok(word, "name", line_start)  # a middle initial, not party 'A'/'H'/'V'
    org = canonical_org(word)
    if org:
        return _Tok(word, "org", line_start, org)
    if ROLE_RE.fullmatch(word):
        return _Tok(word, "role", line_start)
    letters = re.sub(r"[^A-Za-zÆØÅæøåÄÖÜäöüÉé]", "", word)
    if 2 <= len(letters) <= 6 and letters.isupper() and word.rstrip(".").isalpha():
        return _Tok(word, "org", line_start, word.rstrip("."))
    if _NAME_TOKEN_RE.fullmatch(word) and not word.endswith(":"):
        return _Tok(word.rstrip(".") if len(word) > 2 else word, "name", line_start)
    if word.lower() in NAME_PARTICLES:
        return _Tok(word, "name", line_start)
    return _Tok(word, "other", line_start)


MAX_NAME_RUN = 40


def _split_name_run(tokens: list[_Tok], known: list[str]) -> list[str]:
    """Split a run of name tokens into one or more person names (long runs are not names)."""
    if len(tokens) > MAX_NAME_RUN:
        return []
    words = [t.text for t in tokens]
    if len(words) <= 1:
        return [" ".join(words)] if words else []
    # 1. known names (e.g. absent members named in another table)
    low = [w.lower() for w in words]
    for name in sorted(known, key=len, reverse=True):
        parts = name.lower().split()
        n = len(parts)
        for i in range(len(low) - n + 1):
            if low[i : i + n] == parts and (i, i + n) != (0, len(low)):
                left = _split_name_run(tokens[:i], known) if i else []
                right = _split_name_run(tokens[i + n :], known) if i + n < len(low) else []
                return left + [" ".join(words[i : i + n])] + right
    # 2. line breaks, when both sides look like full names
    for i in range(2, len(tokens) - 1):
        if tokens[i].line_start and len(tokens) - i >= 2:
            return _split_name_run(tokens[:i], known) + _split_name_run(tokens[i:], known)
    # 3. first names (the split point is a first name not preceded by another first name)
    if len(words) >= 4:
        for i in range(2, len(words) - 1):
            if low[i] in FIRST_NAMES and low[i - 1] not in FIRST_NAMES:
                return [" ".join(words[:i])] + _split_name_run(tokens[i:], known)
    return [" ".join(words)]


def _runs(tokens: list[_Tok]) -> list[tuple[str, list[_Tok]]]:
    """Group tokens into runs: 'N' (names) and 'A' (attributes); separators split N runs."""
    runs: list[tuple[str, list[_Tok]]] = []
    for tok in tokens:
        if tok.kind == "sep":
            runs.append(("S", []))
            continue
        kind = "N" if tok.kind == "name" else "A"
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(tok)
        else:
            runs.append((kind, [tok]))
    return runs


def _attrs(run: list[_Tok]) -> tuple[list[str], list[str]]:
    orgs = [t.org for t in run if t.kind == "org" and t.org]
    roles = [t.text.rstrip(",;:") for t in run if t.kind == "role"]
    return orgs, roles


def parse_rows(section: str, *, known: list[str] | None = None) -> list[Row]:
    """Rows 'Name [attributes]' (members, administration, comma lists)."""
    known = known or []
    rows: list[Row] = []
    pending: list[str] = []
    for kind, run in _runs(_tokenize_people(section)):
        if kind == "S":
            for name in pending:
                rows.append(Row(name))
            pending = []
        elif kind == "N":
            for name in pending:
                rows.append(Row(name))
            pending = _split_name_run(run, known)
        else:
            orgs, roles = _attrs(run)
            if pending:
                for name in pending[:-1]:
                    rows.append(Row(name))
                rows.append(Row(pending[-1], orgs, roles))
                pending = []
            elif rows and (orgs or roles):
                rows[-1].orgs += orgs
                rows[-1].roles += roles
    for name in pending:
        rows.append(Row(name))
    return [r for r in rows if _plausible_name(r.name)]


def parse_absence_rows(
    section: str, *, substitute_last: bool, known: list[str] | None = None
) -> list[Row]:
    """Absence rows with an optional substitute name in ``other_name``.

    ``substitute_last``: 'Absent [attrs] Substitute' (Sing); otherwise 'Substitute Absent
    [attrs]' (Elements 'Navn Møtte for Representerer').
    """
    known = known or []
    runs = [r for r in _runs(_tokenize_people(section)) if r[0] != "S"]
    rows: list[Row] = []
    if substitute_last:
        i = 0
        while i < len(runs):
            kind, run = runs[i]
            if kind == "A":
                if rows:
                    orgs, roles = _attrs(run)
                    rows[-1].orgs += orgs
                    rows[-1].roles += roles
                i += 1
                continue
            names = _split_name_run(run, known)
            followed_by_attrs = i + 1 < len(runs) and runs[i + 1][0] == "A"
            after_attrs = i > 0 and runs[i - 1][0] == "A"
            takes_substitute = rows and after_attrs and rows[-1].other_name is None
            if takes_substitute and (len(names) >= 2 or not followed_by_attrs):
                rows[-1].other_name = names.pop(0)
            for name in names:
                rows.append(Row(name))
            i += 1
        return [r for r in rows if _plausible_name(r.name)]
    for kind, run in runs:
        if kind == "N":
            names = _split_name_run(run, known)
            if len(names) >= 2:
                for name in names[:-2]:
                    rows.append(Row(name))
                rows.append(Row(names[-2], other_name=names[-1]))
            elif names:
                rows.append(Row(names[0]))
        elif rows:
            orgs, roles = _attrs(run)
            rows[-1].orgs += orgs
            rows[-1].roles += roles
    return [r for r in rows if _plausible_name(r.name)]


def _plausible_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 6 and any(len(w) > 1 for w in words) and len(name) <= 80


def row_side(row: Row, default: Side) -> Side:
    """Side from organisation first, then role, else ``default``."""
    for org in row.orgs:
        side = org_side(org)
        if side:
            return side
    roles = " ".join(row.roles)
    if EMPLOYEE_ROLE_RE.search(roles):
        return "employee"
    if EMPLOYER_ROLE_RE.search(roles) and default != "political":
        return "employer"
    return default


def row_org(row: Row) -> str | None:
    return row.orgs[0] if row.orgs else None


def row_role(row: Row) -> str | None:
    return " ".join(row.roles) if row.roles else None


def build_attendance(
    members: list[Row],
    absences: list[Row],
    others: list[Row],
    *,
    member_default: Side = "political",
    other_default: Side = "other",
    substitutes: list[Row] | None = None,
) -> list[ParsedAttendance]:
    """Assemble attendance: present members, absent members with their substitutes, others.

    ``substitutes`` (Elements style) are rows 'Substitute' with ``other_name`` = absent member.
    """
    out: list[ParsedAttendance] = []
    seen: set[str] = set()

    def add(person: ParsedAttendance) -> None:
        key = (person.name.lower(), person.present)
        if person.name.lower() in seen and person.present:
            return
        seen.add(key[0])
        out.append(person)

    for row in members:
        add(
            ParsedAttendance(
                row.name, row_side(row, member_default), row_role(row), row_org(row), True
            )
        )
    absent_by_name: dict[str, ParsedAttendance] = {}
    for row in absences:
        person = ParsedAttendance(
            row.name, row_side(row, member_default), row_role(row), row_org(row), False
        )
        add(person)
        absent_by_name[row.name.lower()] = person
        if row.other_name:
            add(
                ParsedAttendance(
                    row.other_name, person.side, "Varamedlem", person.organisation, True, row.name
                )
            )
    for row in substitutes or []:
        absent = absent_by_name.get((row.other_name or "").lower())
        side = row_side(row, absent.side if absent else member_default)
        org = row_org(row) or (absent.organisation if absent else None)
        if absent is None and row.other_name:
            absent = ParsedAttendance(row.other_name, side, None, org, False)
            add(absent)
        add(
            ParsedAttendance(
                row.name, side, row_role(row) or "Varamedlem", org, True, row.other_name
            )
        )
    for row in others:
        side = row_side(row, other_default)
        if other_default == "other" and SECRETARY_ROLE_RE.search(" ".join(row.roles)):
            side = "other"
        add(ParsedAttendance(row.name, side, row_role(row), row_org(row), True))
    return out


PERSON_ORG_RE = re.compile(
    rf"(?<![\w])([{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+){{1,3}})\s*\(([^()\n]{{1,40}})\)"
)


def infer_organisations(attendance: list[ParsedAttendance], text: str) -> None:
    """Fill a missing organisation from 'Name (Org)' elsewhere in the meeting text."""
    seen: dict[str, str] = {}
    for m in PERSON_ORG_RE.finditer(text):
        org = canonical_org(m.group(2), strict_case=False)
        if org:
            seen.setdefault(" ".join(m.group(1).split()).lower(), org)
    for person in attendance:
        if person.organisation is None and person.name.lower() in seen:
            org = seen[person.name.lower()]
            if person.side in ("employee", "other") and org in CANONICAL_UNIONS:
                person.organisation = org
                person.side = "employee"
            elif person.side == "political" and org in CANONICAL_PARTIES:
                person.organisation = org
