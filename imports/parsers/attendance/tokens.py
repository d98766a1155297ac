"""Tokens of an attendance list: each word is a name word, a party or union, a role, a
separator, an empty cell or something else, decided by one rule per kind, tried in order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..orgs import CANONICAL_PARTIES, canonical_org
from ..textnorm import LOWER, UPPER
from .names import is_abbreviation
from .vocabulary import (
    COMPANY_FORMS,
    EMPTY_CELLS,
    INITIALS_RE,
    NAME_PARTICLES,
    NAME_STOPWORDS,
    NAME_TOKEN_RE,
    NOT_NAME_SUFFIX_RE,
    PAREN_RE,
    PARTY_WORD_RE,
    ROLE_PREFIX_RE,
    ROLE_RE,
    TABLE_HEADER_RE,
    TICKS,
)

SEPARATORS = (",", ";", "-", "–", "•", "·", "og")
_PARTY_CODES_RE = re.compile(rf"[{UPPER}]{{1,6}}(?:[-/][{UPPER}]{{1,6}})+")


@dataclass
class Tok:
    text: str
    kind: str  # name | org | role | other | sep | empty (an empty cell) | mark (a roster's FO)
    line_start: bool = False
    org: str | None = None
    parenthesised: bool = False  # printed in parentheses after a name: 'Kari Lie (AP)'


# Each rule decides one kind of word, or passes (None) to the next.
TokenRule = Callable[[str], "tuple[str, str | None] | None"]


def tick_mark(word: str) -> tuple[str, str | None] | None:
    """'X', '✓': a mark in a tick table, never an initial."""
    return ("other", None) if word in TICKS else None


def initial_letter(word: str) -> tuple[str, str | None] | None:
    """'K.', 'K.M.', a lone capital: a (middle) initial, unless a party letter ('A', 'H', 'V')."""
    lone_letter = len(word) == 1 and word.isupper() and not canonical_org(word)
    return ("name", None) if INITIALS_RE.fullmatch(word) or lone_letter else None


def empty_cell(word: str) -> tuple[str, str | None] | None:
    """'Ingen', 'nei', '-': a cell left empty."""
    return ("empty", None) if word.lower() in EMPTY_CELLS else None


def mixed_case_party(word: str) -> str | None:
    """'Frp', 'Krf', 'Rødt' in a table cell (two letters or more, capitalised)."""
    bare = word.strip(" ().,;:")
    if len(bare) < 2 or not bare[:1].isupper():
        return None
    org = canonical_org(bare, strict_case=False)
    return org if org in CANONICAL_PARTIES else None


def known_org(word: str) -> tuple[str, str | None] | None:
    """A party or union the vocabulary knows ('AP', 'Fagforbundet', 'Frp')."""
    org = canonical_org(word) or mixed_case_party(word)
    return ("org", org) if org else None


def role_word(word: str) -> tuple[str, str | None] | None:
    """'Leiar', 'Varamedlem', 'Kommunedirektør', 'HR-sjef'."""
    return ("role", None) if ROLE_RE.fullmatch(word) else None


def party_codes(word: str) -> tuple[str, str | None] | None:
    """'KRF-V', 'LE-AP', 'SV/RØDT': party codes joined with a suffix or prefix."""
    bare = word.rstrip(".,:;")
    if not _PARTY_CODES_RE.fullmatch(bare):
        return None
    org = next((o for o in map(canonical_org, re.split(r"[-/]", bare)) if o), None)
    return "org", org or bare


def capitals_code(word: str) -> tuple[str, str | None] | None:
    """'MDG', 'PP', 'BYL': two to six capitals, an organisation's short name."""
    bare = word.rstrip(".,:;")
    letters = re.sub(r"[^A-Za-zÆØÅæøåÄÖÜäöüÉé]", "", word)
    return ("org", bare) if 2 <= len(letters) <= 6 and letters.isupper() and bare.isalpha() else None


def party_name(word: str) -> tuple[str, str | None] | None:
    """'Bygdelista', 'Senterpartiet': a capitalised word ending like a party or list, not a
    column heading ('Parti')."""
    bare = word.rstrip(".,:;")
    heading = bare.lower() in NAME_STOPWORDS
    return ("org", bare) if PARTY_WORD_RE.fullmatch(bare) and bare[:1].isupper() and not heading else None


def never_a_name(word: str) -> tuple[str, str | None] | None:
    """Headings, labels, places, bodies and company forms ('Møtt', 'Rådhuset', 'AS')."""
    bare = word.rstrip(".,:;")
    if bare.lower() in NAME_STOPWORDS or NOT_NAME_SUFFIX_RE.search(bare) or bare in COMPANY_FORMS:
        return "other", None
    return None


def name_word(word: str) -> tuple[str, str | None] | None:
    """A capitalised word ('Kari', 'Berg-Hansen', "O'Neill"), not a label ('Navn:')."""
    return ("name", None) if NAME_TOKEN_RE.fullmatch(word) and not word.endswith(":") else None


def name_particle(word: str) -> tuple[str, str | None] | None:
    """'van', 'de', 'von' inside a name."""
    return ("name", None) if word.lower() in NAME_PARTICLES else None


TOKEN_RULES: tuple[TokenRule, ...] = (
    tick_mark,
    initial_letter,
    empty_cell,
    known_org,
    role_word,
    party_codes,
    capitals_code,
    party_name,
    never_a_name,
    name_word,
    name_particle,
)


def classify_token(word: str, line_start: bool) -> Tok:
    for rule in TOKEN_RULES:
        decided = rule(word)
        if decided:
            kind, org = decided
            if rule is name_word and not is_abbreviation(word):
                word = word.rstrip(".")
            return Tok(word, kind, line_start, org)
    return Tok(word, "other", line_start)


_FOR_WORD_RE = re.compile(r"(?<![\w])(?:for|istf\.?)(?![\w])", re.IGNORECASE)


def _keep_parenthesised_attributes(m: re.Match) -> str:
    """'(AP, leder)' stays as attributes; '(Skjolden)', a place added to tell two people
    apart, or '(sak 7.1-7.4)' is not part of the name, nor is the workplace or place after a
    role ('(verneombud Nordvik skule)', '(varaordførar Fjordby)'). A note of whom a substitute
    met for ('(vara for Kari Lie)') stays whole."""
    words = m.group(1).replace(",", " ").split()
    kinds = [classify_token(w, False).kind for w in words]
    if not any(kind in ("org", "role") for kind in kinds):
        return " "
    kept = [w for i, w in enumerate(words) if kinds[i] in ("org", "role") or _joins_attribute(words, kinds, i)]
    if len(kept) == len(words) or _FOR_WORD_RE.search(m.group(1)):
        return f" {m.group(1)} "
    return f" {' '.join(kept)} "


def _joins_attribute(words: list[str], kinds: list[str], i: int) -> bool:
    """The word is a role's prefix ('assisterande rådmann') or half of a two-word
    organisation ('Norsk Sykepleierforbund')."""
    after = words[i + 1] if i + 1 < len(words) else None
    if after and kinds[i + 1] == "role" and ROLE_PREFIX_RE.fullmatch(words[i]):
        return True
    pairs = [f"{words[i]} {after}"] if after else []
    pairs += [f"{words[i - 1]} {words[i]}"] if i > 0 else []
    return any(canonical_org(pair, strict_case=False) for pair in pairs)


def _word_tokens(raw: str, line_start: bool) -> list[Tok]:
    """The tokens of one word as printed: the word and a separator glued to it ('Lie,')."""
    word = raw.rstrip(",;")
    if word in SEPARATORS:
        return [Tok(word, "sep", line_start)]
    if word.startswith("(") and word.endswith(")"):
        inner = word.strip("()")
        org = canonical_org(word) or (inner if inner.isupper() else None)
        toks = [Tok(word, "org" if org else "other", line_start, org)]
    else:
        toks = [classify_token(word, line_start)]
    if raw.endswith((",", ";")) and len(raw) > 1:
        toks.append(Tok(",", "sep"))
    return toks


def _in_parentheses(tok: Tok) -> Tok:
    tok.parenthesised = True
    return tok


def _merged_pair(prev: Tok, tok: Tok) -> Tok | None:
    """A role prefix and its role ('Assisterende kommunedirektør'), or a two-word
    organisation ('Norsk Sykepleierforbund'), as one token."""
    if tok.kind == "role" and ROLE_PREFIX_RE.fullmatch(prev.text):
        return Tok(f"{prev.text} {tok.text}", "role", prev.line_start, parenthesised=prev.parenthesised)
    two = canonical_org(f"{prev.text} {tok.text}", strict_case=False)
    if two and prev.kind != "org" and tok.kind in ("org", "name", "other"):
        return Tok(f"{prev.text} {tok.text}", "org", prev.line_start, two, prev.parenthesised)
    return None


def _without_parentheses(section: str) -> tuple[str, list[tuple[int, int]]]:
    """The section with its parentheses resolved (see ``_keep_parenthesised_attributes``)
    and the spans of the text kept from inside them."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = length = 0
    for m in PAREN_RE.finditer(section):
        parts.append(section[pos : m.start()])
        length += m.start() - pos
        kept = _keep_parenthesised_attributes(m)
        spans.append((length, length + len(kept)))
        parts.append(kept)
        length += len(kept)
        pos = m.end()
    parts.append(section[pos:])
    return re.sub(r"[()\[\]]", " ", "".join(parts)), spans


_COLUMN = r"(?:Navn|Namn|Kommune|Parti|Funksjon|Rolle|Stilling|Representerer|Representerar)"
_COLUMNS_RE = re.compile(rf"(?<![\w]){_COLUMN}(?:\s+{_COLUMN}){{1,5}}(?![\w])")


def municipality_edge(section: str) -> str | None:
    """Where a table's 'Kommune' column (a merger body's) puts the municipality in a run of
    name words: 'last' ('Navn Kommune Parti': 'Kari Lie Nordvik AP'), 'first' ('Kommune Navn'),
    'next' (a last column, before the next row's name), 'previous' (a first column, after the
    previous row's name), or None (no such column, or none beside the names)."""
    header = _COLUMNS_RE.search(section)
    columns = header.group().split() if header else []
    if "Kommune" not in columns:
        return None
    if not {"Navn", "Namn"} & set(columns):
        columns.insert(0, "Navn")  # the label was the name column's heading ('Medlemmer')
    name = columns.index("Navn") if "Navn" in columns else columns.index("Namn")
    place = columns.index("Kommune")
    edges = {name + 1: "last", name - 1: "first"}
    if name == 0 and place == len(columns) - 1:
        edges[place] = "next"
    if place == 0 and name == len(columns) - 1:
        edges[place] = "previous"
    return edges.get(place)


def name_runs(toks: list[Tok]) -> list[list[int]]:
    """The indices of each run of name words."""
    found: list[list[int]] = []
    for i, tok in enumerate(toks):
        if tok.kind != "name":
            continue
        if found and found[-1][-1] == i - 1:
            found[-1].append(i)
        else:
            found.append([i])
    return found


def drop_municipalities(toks: list[Tok], edge: str) -> None:
    """The municipality cell at ``edge`` of each run of a name and a municipality (three
    words or more) is not a name word, nor, in a column beside no names, a word alone (the
    first row's or the last row's)."""
    found = name_runs(toks)
    for n, run in enumerate(found):
        if len(run) == 1 and edge in ("next", "previous"):
            toks[run[0]].kind = "other"
        if len(run) < 3:
            continue
        if edge == "last" or (edge == "previous" and n < len(found) - 1):
            toks[run[-1]].kind = "other"
        elif edge == "first" or (edge == "next" and n > 0):
            toks[run[0]].kind = "other"


# an initial printed against the surname ('Anna K.Valle'): the space is put back
_GLUED_INITIAL_RE = re.compile(rf"(?<![\w.])([{UPPER}]\.)(?=[{UPPER}][{LOWER}])")


def tokenize(section: str) -> list[Tok]:
    edge = municipality_edge(section)
    section = _GLUED_INITIAL_RE.sub(r"\1 ", TABLE_HEADER_RE.sub(" ", section))
    section, spans = _without_parentheses(section)
    toks: list[Tok] = []
    pos = 0
    for m in re.finditer(r"\S+", section):
        line_start = "\n" in section[pos : m.start()] or pos == 0
        pos = m.end()
        inside = any(start <= m.start() < end for start, end in spans)
        toks += [_in_parentheses(t) if inside else t for t in _word_tokens(m.group(), line_start)]
    merged: list[Tok] = []
    for tok in toks:
        pair = _merged_pair(merged[-1], tok) if merged else None
        if pair:
            merged[-1] = pair
        else:
            merged.append(tok)
    if edge:
        drop_municipalities(merged, edge)
    return merged


def runs(tokens: list[Tok]) -> list[tuple[str, list[Tok]]]:
    """Group tokens into runs: 'N' (names) and 'A' (attributes); separators split N runs."""
    grouped: list[tuple[str, list[Tok]]] = []
    for tok in tokens:
        if tok.kind == "sep":
            grouped.append(("S", []))
            continue
        kind = "N" if tok.kind == "name" else "A"
        if grouped and grouped[-1][0] == kind:
            grouped[-1][1].append(tok)
        else:
            grouped.append((kind, [tok]))
    return grouped


def attrs(run: list[Tok]) -> tuple[list[str], list[str]]:
    orgs = [t.org for t in run if t.kind == "org" and t.org]
    roles = [t.text.rstrip(",;:") for t in run if t.kind == "role"]
    return orgs, roles
