"""Attendance tables: members, absences with substitutes, administration and others.

Rows are found from token classes (name words, party/union names, roles), not from lines, so
flattened tables parse too; line breaks, names from other tables and a list of common first
names only help to split run-together names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

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
    r"medl\.?|varamedl\.?|varaordf\.?|vararepresentant|vararepr\.?|kommunelege|revisor|"
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
    r"ordfører|ordførar|ordføraren|ordføreren|rådmann|rådmannen|advokat|kommunelege|jurist|"
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


def _load_first_names() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "first_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


# Common first names, used only to split run-together names in flattened tables
# ("Anne Lise Bergo Amalie Johnsen Lunde"); a name is never accepted or refused by the list.
FIRST_NAMES = _load_first_names()
SURNAME_ENDINGS = (
    "sen", "son", "stad", "vik", "land", "heim", "rud", "dal", "dahl", "berg", "bø", "nes", "ness",
    "næss", "seth", "by", "haug", "haugen", "vold", "voll", "strand", "bakken", "bakke", "moen",
    "lund", "holm", "aas", "gård", "gaard", "rød", "sæter", "seter", "fjell", "myr", "skog", "li",
    "lie", "bu", "tun", "eng", "hus", "øy", "stø", "næs", "mo", "aa", "å", "sund", "jord", "gard",
)  # fmt: skip
_LONG_SURNAME_ENDINGS = tuple(e for e in SURNAME_ENDINGS if len(e) >= 3)
# Capitalised words that are never part of a person's name in an attendance list: sentence
# starts, table headings, labels, places and bodies.
NAME_STOPWORDS = frozenset(
    """
    etter det den dei de han ho hun se til fra frå med ved og i på av for sak saker ingen alle
    møtet møte møtt møtte navn namn funksjon rolle parti partitilhørighet representerer
    representerar repr stilling vara forfall merknad merknader personal diverse orientering
    orienteringar orienteringer kl dato side permisjon ugild ugilde innkalling sakliste saksliste
    godkjenning referat referatsaker saknr saksnr spørsmål svar interpellasjon eventuelt vedtak
    behandling handsaming underskrift underskrifter protokoll møtebok møteprotokoll kommune herad fylkeskommune representanter
    representantar medlemmer medlemer medl varamedlemmer varamedlemer varamedl presse
    administrasjonen adm sekretariat sekretariatet totalt antall tilstede stede stades følgende
    følgjande desse disse faste andre også dessuten dessutan hovedutskrift utskrift kopi sign
    signert merk nb obs møtande møtende kommunestyret formannskapet utvalget utvalet styret
    bystyret fylkestinget fylkesutvalet fylkesutvalget heradsstyret innkalt innkalte møtested
    møtestad møtedato tid tidspunkt sted stad utvalg utval organ fravær fråvær leiar leder
    som ikke ikkje ble vart var er har hadde nr ny nye kommunestyresalen formannskapssalen
    rådhus rådhuset rådhusets møterom kantina kantine sekretæren ordføraren ordføreren
    fylkesordføraren leiaren lederen rådmannen kommunedirektøren
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_NOT_NAME_SUFFIX_RE = re.compile(
    r"(?:kommune|kommunes|herad|fylkeskommune|tidende|avis|avisa|posten|bladet|blad|budstikke|"
    r"nytt|tidene|kuriren|rådhus|rådhuset|salen|senter|senteret|sykehjem|skule|skole|"
    r"departement|departementet|direktoratet|vegvesen|revisjon)$",
    _I,
)
_PARTY_WORD_RE = re.compile(
    r"[\wæøå]*(?:partiet|parti|lista|liste|listen|demokratene|demokratane)$", _I
)
# Marks in a roster's 'Forfall' column
ABSENCE_MARKS = frozenset({"fo", "f", "forfall", "x", "×", "fravær", "fråvær"})


@dataclass
class Tok:
    text: str
    kind: str  # name | org | role | other | sep | empty (an empty cell) | mark (a roster's FO)
    line_start: bool = False
    org: str | None = None


@dataclass
class Row:
    """One parsed table row: a person with attributes, optionally a second name."""

    name: str
    orgs: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    other_name: str | None = None
    side: Side | None = None  # the side a labelled list gives ('Arbeidstakarrepresentantar:')


_INITIALS_RE = re.compile(rf"(?:[{UPPER}]\.){{1,3}}")
_PAREN_RE = re.compile(r"\(([^()\n]{1,60})\)")


def _keep_parenthesised_attributes(m: re.Match) -> str:
    """'(AP, leder)' stays as attributes; '(Skjolden)', a place added to tell two people
    apart, or '(sak 7.1-7.4)' is not part of the name."""
    words = m.group(1).replace(",", " ").split()
    if any(_classify_token(w, False).kind in ("org", "role") for w in words):
        return f" {m.group(1)} "
    return " "


def tokenize(section: str) -> list[Tok]:
    section = TABLE_HEADER_RE.sub(" ", section)
    section = _PAREN_RE.sub(_keep_parenthesised_attributes, section)
    section = re.sub(r"[()\[\]]", " ", section)
    toks: list[Tok] = []
    pos = 0
    for m in re.finditer(r"\S+", section):
        line_start = "\n" in section[pos : m.start()] or pos == 0
        pos = m.end()
        raw = m.group()
        trailing_sep = raw.endswith((",", ";")) and len(raw) > 1
        word = raw.rstrip(",;")
        if word in (",", ";", "-", "–", "•", "·", "og"):
            toks.append(Tok(word, "sep", line_start))
            continue
        if word.startswith("(") and word.endswith(")"):
            org = canonical_org(word) or (word.strip("()") if word.strip("()").isupper() else None)
            toks.append(Tok(word, "org" if org else "other", line_start, org))
        else:
            toks.append(_classify_token(word, line_start))
        if trailing_sep:
            toks.append(Tok(",", "sep"))
    # merge role prefixes ("Assisterende kommunedirektør") and two-word orgs ("Norsk Sykepleierforbund")
    merged: list[Tok] = []
    for tok in toks:
        if merged:
            prev = merged[-1]
            if tok.kind == "role" and ROLE_PREFIX_RE.fullmatch(prev.text):
                merged[-1] = Tok(f"{prev.text} {tok.text}", "role", prev.line_start)
                continue
            two = canonical_org(f"{prev.text} {tok.text}", strict_case=False)
            if two and prev.kind != "org" and (tok.kind in ("org", "name", "other")):
                merged[-1] = Tok(f"{prev.text} {tok.text}", "org", prev.line_start, two)
                continue
        merged.append(tok)
    return merged


def _classify_token(word: str, line_start: bool) -> Tok:
    if word in TICKS:
        return Tok(word, "other", line_start)
    lone_letter = len(word) == 1 and word.isupper() and not canonical_org(word)
    if _INITIALS_RE.fullmatch(word) or lone_letter:
        return Tok(word, "name", line_start)  # a middle initial, not party 'A'/'H'/'V'
    if word.lower() in EMPTY_CELLS:
        return Tok(word, "empty", line_start)
    org = canonical_org(word) or _mixed_case_party(word)
    if org:
        return Tok(word, "org", line_start, org)
    if ROLE_RE.fullmatch(word):
        return Tok(word, "role", line_start)
    bare = word.rstrip(".,:;")
    if re.fullmatch(rf"[{UPPER}]{{1,6}}(?:[-/][{UPPER}]{{1,6}})+", bare):
        # 'KRF-V', 'LE-AP', 'SV/RØDT': party codes with a suffix or prefix
        parts = re.split(r"[-/]", bare)
        org = next((o for o in map(canonical_org, parts) if o), None)
        return Tok(word, "org", line_start, org or bare)
    letters = re.sub(r"[^A-Za-zÆØÅæøåÄÖÜäöüÉé]", "", word)
    if 2 <= len(letters) <= 6 and letters.isupper() and bare.isalpha():
        return Tok(word, "org", line_start, bare)
    if _PARTY_WORD_RE.fullmatch(bare) and bare[:1].isupper():
        return Tok(word, "org", line_start, bare)
    if bare.lower() in NAME_STOPWORDS or _NOT_NAME_SUFFIX_RE.search(bare) or bare in COMPANY_FORMS:
        return Tok(word, "other", line_start)
    if _NAME_TOKEN_RE.fullmatch(word) and not word.endswith(":"):
        return Tok(word if _is_abbreviation(word) else word.rstrip("."), "name", line_start)
    if word.lower() in NAME_PARTICLES:
        return Tok(word, "name", line_start)
    return Tok(word, "other", line_start)


def _mixed_case_party(word: str) -> str | None:
    """'Frp', 'Krf', 'Rødt' in a table cell (two letters or more, capitalised)."""
    bare = word.strip(" ().,;:")
    if len(bare) < 2 or not bare[:1].isupper():
        return None
    org = canonical_org(bare, strict_case=False)
    return org if org in CANONICAL_PARTIES else None


TICKS = frozenset({"X", "x", "×", "✓", "✔"})  # marks in tick tables, never an initial
COMPANY_FORMS = frozenset({"AS", "ASA", "IKS", "SA", "KF", "BA", "HF"})
EMPTY_CELLS = frozenset({"ingen", "nei", "-", "–"})
MAX_NAME_RUN = 60
MAX_NAME_WORDS = 5
_LENGTH_SCORE = {1: -6.0, 2: 0.0, 3: 0.0, 4: -1.0, 5: -4.0}


def _is_abbreviation(word: str) -> bool:
    """'Kr.', 'Chr.', 'Johs.', 'E.': an abbreviated name keeps its dot ('Hans Kr. Enge')."""
    stem = word.rstrip(".")
    short = word.endswith(".") and len(stem) <= 4
    return short and not _surname_like(stem) and not _is_first_name(stem)


def _is_first_name(word: str) -> bool:
    low = word.lower()
    return low in FIRST_NAMES or low.split("-")[0] in FIRST_NAMES


def _surname_like(word: str, *, strict: bool = False) -> bool:
    """Ends like a Norwegian surname ('-sen', '-stad', '-vik'); ``strict``: only by the
    endings of three letters or more."""
    low = word.lower()
    endings = _LONG_SURNAME_ENDINGS if strict else SURNAME_ENDINGS
    return not _is_first_name(word) and low.endswith(endings)


def _is_initial(word: str) -> bool:
    return len(word) <= 4 and (word.endswith(".") or len(word) == 1)


def _segment_score(tokens: list[Tok], i: int, j: int, known: set[str]) -> float:
    words = [t.text for t in tokens[i:j]]
    score = _LENGTH_SCORE[j - i]
    if " ".join(words).lower() in known:
        score += 8
    first, last = words[0], words[-1]
    if _is_initial(first) or first.lower() in NAME_PARTICLES:
        score -= 5
    elif _is_first_name(first):
        score += 2
    elif _surname_like(first):
        score -= 2
    elif not tokens[i].line_start:
        score -= 1
    if j - i > 1:
        if _is_initial(last):
            score -= 4
        elif _surname_like(last):
            score += 0.5
        elif _is_first_name(last):
            score -= 0.5
    elif (
        i == 0
        and j < len(tokens)
        and _surname_like(first, strict=True)
        and _is_first_name(tokens[j].text)
    ):
        score += 5.5  # the end of a name wrapped from the previous cell ('Hamsund Mia Hansen')
    if tokens[i].line_start:
        score += 1.5
    score -= 1.5 * sum(1 for t in tokens[i + 1 : j] if t.line_start)
    return score


def split_names(tokens: list[Tok], known: list[str]) -> list[str]:
    """Split a run of name tokens into person names (long runs are not names).

    The best segmentation into names of one to five words, scored by the names the document
    gives elsewhere, line breaks, first names that start a name and surnames that end one.
    """
    if len(tokens) > MAX_NAME_RUN or not tokens:
        return []
    if len(tokens) == 1:
        return [tokens[0].text]
    known_set = {k.lower() for k in known}
    n = len(tokens)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(-1e9, 0)] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_NAME_WORDS), end):
            score = best[start][0] + _segment_score(tokens, start, end, known_set)
            if score > best[end][0]:
                best[end] = (score, start)
    names: list[str] = []
    end = n
    while end > 0:
        start = best[end][1]
        names.append(" ".join(t.text for t in tokens[start:end]))
        end = start
    return names[::-1]


def split_into(tokens: list[Tok], count: int, known: list[str]) -> list[str]:
    """Split a run of name tokens into exactly ``count`` names (a column of a flattened table
    whose row count is known), or the best split when that is impossible."""
    n = len(tokens)
    if not 0 < count <= n <= MAX_NAME_RUN * 2 or n > count * MAX_NAME_WORDS:
        return split_names(tokens[:MAX_NAME_RUN], known)
    known_set = {k.lower() for k in known}
    minus = -1e9
    best = [[(minus, 0)] * (count + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, 0)
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_NAME_WORDS), end):
            seg = _segment_score(tokens, start, end, known_set)
            for c in range(1, count + 1):
                prev = best[start][c - 1][0]
                if prev > minus and prev + seg > best[end][c][0]:
                    best[end][c] = (prev + seg, start)
    if best[n][count][0] <= minus:
        return split_names(tokens, known)
    names: list[str] = []
    end, c = n, count
    while end > 0:
        start = best[end][c][1]
        names.append(" ".join(t.text for t in tokens[start:end]))
        end, c = start, c - 1
    return names[::-1]


def runs(tokens: list[Tok]) -> list[tuple[str, list[Tok]]]:
    """Group tokens into runs: 'N' (names) and 'A' (attributes); separators split N runs."""
    runs: list[tuple[str, list[Tok]]] = []
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


def attrs(run: list[Tok]) -> tuple[list[str], list[str]]:
    orgs = [t.org for t in run if t.kind == "org" and t.org]
    roles = [t.text.rstrip(",;:") for t in run if t.kind == "role"]
    return orgs, roles


def parse_rows(section: str, *, known: list[str] | None = None) -> list[Row]:
    """Rows 'Name [attributes]' (members, administration, comma lists)."""
    known = known or []
    groups = runs(tokenize(section))
    if groups and groups[0][0] == "A" and any(t.kind in ("role", "org") for t in groups[0][1]):
        return _parse_prefixed_rows(groups, known)
    rows: list[Row] = []
    pending: list[str] = []
    for kind, run in groups:
        if kind == "S":
            for name in pending:
                rows.append(Row(name))
            pending = []
        elif kind == "N":
            for name in pending:
                rows.append(Row(name))
            pending = attach_wrapped(rows, split_names(run, known), known)
        else:
            orgs, roles = attrs(run)
            if pending:
                rows += distribute_attrs(pending, orgs, roles)
                pending = []
            elif rows and (orgs or roles):
                rows[-1].orgs += orgs
                rows[-1].roles += roles
    for name in pending:
        rows.append(Row(name))
    return [r for r in rows if plausible_name(r.name)]


def distribute_attrs(names: list[str], orgs: list[str], roles: list[str]) -> list[Row]:
    """Rows for names followed by their attributes: one attribute per name when a flattened
    table printed a column of names, then a column of roles or parties
    ('Ina Lie Vibeke Dahl Medlem Medlem AP FRP'); otherwise all to the last name."""
    k = len(names)
    if k >= 2 and (len(orgs) in (0, k)) and (len(roles) in (0, k)) and (orgs or roles):
        return [
            Row(name, orgs[i : i + 1], roles[i : i + 1]) for i, name in enumerate(names)
        ]
    return [Row(name) for name in names[:-1]] + [Row(names[-1], orgs, roles)] if names else []


def _parse_prefixed_rows(groups: list[tuple[str, list[Tok]]], known: list[str]) -> list[Row]:
    """Rows whose attributes come first: 'Rådmann Kari Lie Kommunalsjef Per Dal'."""
    rows: list[Row] = []
    orgs: list[str] = []
    roles: list[str] = []
    for kind, run in groups:
        if kind == "A":
            more_orgs, more_roles = attrs(run)
            orgs, roles = orgs + more_orgs, roles + more_roles
        elif kind == "N":
            names = attach_wrapped(rows, split_names(run, known), known)
            for i, name in enumerate(names):
                rows.append(Row(name, orgs if i == 0 else [], roles if i == 0 else []))
            orgs, roles = [], []
    return [r for r in rows if plausible_name(r.name)]


def parse_absence_rows(
    section: str, *, substitute_last: bool, known: list[str] | None = None
) -> list[Row]:
    """Absence rows with an optional substitute name in ``other_name``.

    ``substitute_last``: 'Absent [attrs] Substitute' (Sing); otherwise 'Substitute Absent
    [attrs]' (Elements 'Navn Møtte for Representerer').
    """
    known = known or []
    groups = [r for r in runs(tokenize(section)) if r[0] != "S"]
    rows: list[Row] = []
    if substitute_last:
        i = 0
        while i < len(groups):
            kind, run = groups[i]
            if kind == "A":
                if rows:
                    orgs, roles = attrs(run)
                    rows[-1].orgs += orgs
                    rows[-1].roles += roles
                i += 1
                continue
            names = split_names(run, known)
            followed_by_attrs = i + 1 < len(groups) and groups[i + 1][0] == "A"
            after_attrs = i > 0 and groups[i - 1][0] == "A"
            takes_substitute = rows and after_attrs and rows[-1].other_name is None
            if takes_substitute and (len(names) >= 2 or not followed_by_attrs):
                rows[-1].other_name = names.pop(0)
            for name in names:
                rows.append(Row(name))
            i += 1
        return [r for r in rows if plausible_name(r.name)]
    for kind, run in groups:
        if kind == "N":
            names = split_names(run, known)
            if len(names) >= 2:
                for name in names[:-2]:
                    rows.append(Row(name))
                rows.append(Row(names[-2], other_name=names[-1]))
            elif names:
                rows.append(Row(names[0]))
        elif rows:
            orgs, roles = attrs(run)
            rows[-1].orgs += orgs
            rows[-1].roles += roles
    return [r for r in rows if plausible_name(r.name)]


def same_person(a: str, b: str) -> bool:
    """The same name written with or without middle initials, or cut at a cell border
    ('Andreas W. Wiese' / 'Andreas Wiese'; 'Bjørg Eva Eliassen' / 'Bjørg Eva Eliassen Hamsund')."""
    wa = [w for w in a.lower().split() if not _is_initial(w)]
    wb = [w for w in b.lower().split() if not _is_initial(w)]
    if wa == wb:
        return len(wa) >= 2
    short, long_ = sorted((wa, wb), key=len)
    return len(short) >= 3 and long_[: len(short)] == short


def known_as(name: str, known: list[str]) -> str | None:
    """The known name this name stands for, if any."""
    return next((k for k in known if same_person(name, k)), None)


def attach_wrapped(rows: list[Row], names: list[str], known: list[str]) -> list[str]:
    """Join a one-word fragment at the start of a run to the name it was wrapped from."""
    if not names or len(names[0].split()) != 1 or not rows or _is_first_name(names[0]):
        return names
    fragment, prev = names[0], rows[-1]
    if prev.other_name:
        full = known_as(prev.other_name, known)
        if full and fragment.lower() in full.lower().split():
            prev.other_name = full
        elif known_as(f"{prev.other_name} {fragment}", known):
            prev.other_name = f"{prev.other_name} {fragment}"
    else:
        prev.name = f"{prev.name} {fragment}"
    return names[1:]


def plausible_name(name: str) -> bool:
    """A person's name: two to six words, not all initials, no label or heading words."""
    words = name.split()
    return (
        2 <= len(words) <= 6
        and sum(1 for w in words if len(w.rstrip(".")) > 1) >= 2
        and len(name) <= 80
        and not any(w.lower().rstrip(".") in NAME_STOPWORDS for w in words)
    )


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
    return row.side or default


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
        key = person.name.lower()
        if key in seen and person.present:
            kept = next(p for p in out if p.name.lower() == key)
            if kept.present and person.role == "Varamedlem" and not kept.role:
                kept.role = person.role  # a substitute also listed among those present
                kept.substitute_for = kept.substitute_for or person.substitute_for
            return
        seen.add(key)
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
        present_member = known_as(row.other_name or "", [m.name for m in members])
        if absent is None and row.other_name and not present_member:
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
