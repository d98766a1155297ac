"""Norwegian text analysis for search, shared by both databases.

- :func:`words` splits text into lower-case words; :func:`stem` reduces a word with the Norwegian
  Snowball stemmer (the algorithm PostgreSQL's ``norwegian`` configuration uses), so bokmål and
  most nynorsk inflections meet (``parkeringsplassar``/``parkeringsplassen`` →
  ``parkeringsplass``).
- Compounds: a search word matches the *beginning* of a stem (``parkering`` finds
  ``parkeringsavgift``), and :func:`compound_parts` adds the tails of every long word to the
  index (``sykkelparkering`` → ``…parkering``), so a word also finds compounds that end with it.
- :func:`parse` reads a query in web-search syntax: words (all must match), ``"quoted phrases"``,
  ``OR`` between alternatives and ``-word`` / ``-"phrase"`` to exclude. Each word is widened with
  its bokmål/nynorsk variants (:mod:`search.variants`). Stop words (PostgreSQL's Norwegian list)
  are left out of plain words, as the database does.
- :meth:`Query.tsquery` writes the query for PostgreSQL's ``to_tsquery('norwegian', …)``;
  :meth:`Query.fts5` for SQLite's FTS5 over the stemmed text (:func:`stemmed`). Both are built
  from sanitised words only, so user input never reaches the query syntax.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from .variants import VARIANT_GROUPS

_WORD = re.compile(r"\w+", re.UNICODE)
#: Shortest stem matched as a prefix; shorter stems match whole words only.
MIN_PREFIX = 4
#: Shortest word whose tails are indexed, and the shortest tail.
MIN_COMPOUND = 7
MIN_PART = 4

#: PostgreSQL's (Snowball's) Norwegian stop words: bokmål and nynorsk function words.
STOP_WORDS = frozenset(["og", "i", "jeg", "det", "at", "en", "et", "den", "til", "er", "som", "på", "de", "med", "han", "av", "ikke", "ikkje", "der", "så", "var", "meg", "seg", "men", "ett", "har", "om", "vi", "min", "mitt", "ha", "hadde", "hun", "nå", "over", "da", "ved", "fra", "du", "ut", "sin", "dem", "oss", "opp", "man", "kan", "hans", "hvor", "eller", "hva", "skal", "selv", "sjøl", "her", "alle", "vil", "bli", "ble", "blei", "blitt", "kunne", "inn", "når", "være", "kom", "noen", "noe", "ville", "dere", "deres", "kun", "ja", "etter", "ned", "skulle", "denne", "for", "deg", "si", "sine", "sitt", "mot", "å", "meget", "hvorfor", "dette", "disse", "uten", "hvordan", "ingen", "din", "ditt", "blir", "samme", "hvilken", "hvilke", "sånn", "inni", "mellom", "vår", "hver", "hvem", "vors", "hvis", "både", "bare", "enn", "fordi", "før", "mange", "også", "slik", "vært", "båe", "begge", "siden", "dykk", "dykkar", "dei", "deira", "deires", "deim", "di", "då", "eg", "ein", "eit", "eitt", "elles", "honom", "hjå", "ho", "hoe", "henne", "hennar", "hennes", "hoss", "hossen", "ingi", "inkje", "korleis", "korso", "kva", "kvar", "kvarhelst", "kven", "kvi", "kvifor", "me", "medan", "mi", "mine", "mykje", "no", "nokon", "noka", "nokor", "noko", "nokre", "sia", "sidan", "so", "somt", "somme", "um", "upp", "vere", "vore", "verte", "vort", "varte", "vart"])

_stemmer = snowballstemmer.stemmer("norwegian")


def words(text: str) -> list[str]:
    return _WORD.findall((text or "").lower())


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def stemmed(text: str) -> str:
    """The text as stems separated by spaces (stop words kept, so phrases stay phrases)."""
    return " ".join(stem(w) for w in words(text))


def compound_parts(*texts: str) -> str:
    """The tails of every long word, each at least :data:`MIN_PART` letters, without the word itself."""
    parts: set[str] = set()
    for text in texts:
        for word in set(words(text)):
            if len(word) >= MIN_COMPOUND and not word.isdigit():
                parts.update(word[i:] for i in range(2, len(word) - MIN_PART + 1))
    return " ".join(sorted(parts))


@lru_cache(maxsize=1)
def _variant_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for group in VARIANT_GROUPS:
        for word in group:
            index.setdefault(stem(word), group)
    return index


def variants(word: str) -> tuple[str, ...]:
    """The word and its bokmål/nynorsk variants (the word first)."""
    group = _variant_index().get(stem(word), ())
    return (word, *[w for w in group if stem(w) != stem(word)])


# --- queries -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One word (widened with its variants) or a phrase of several words."""

    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def alternatives(self) -> tuple[str, ...]:
        return variants(self.words[0]) if not self.is_phrase else ()

    def tsquery(self) -> str:
        if self.is_phrase:
            return "(" + " <-> ".join(self.words) + ")"
        alts = [f"{w}:*" if len(stem(w)) >= MIN_PREFIX else w for w in self.alternatives()]
        return "(" + " | ".join(alts) + ")"

    def fts5(self) -> str:
        if self.is_phrase:
            return '{title main paper} : "' + " ".join(stem(w) for w in self.words) + '"'
        alts = []
        for word in self.alternatives():
            s = stem(word)
            alts.append(f'"{s}"*' if len(s) >= MIN_PREFIX else f'"{s}"')
        return "(" + " OR ".join(alts) + ")"

    def stems(self) -> set[str]:
        return {stem(w) for w in (self.alternatives() or self.words)}


@dataclass
class Query:
    """``groups``: every group must match, one of the terms in a group is enough; ``excluded``: none may."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def tsquery(self) -> str:
        parts = ["(" + " | ".join(t.tsquery() for t in group) + ")" for group in self.groups]
        parts += ["!" + t.tsquery() for t in self.excluded]
        return " & ".join(parts)

    def excluded_tsquery(self) -> str:
        return " | ".join(t.tsquery() for t in self.excluded)

    def fts5(self) -> str:
        positive = " AND ".join("(" + " OR ".join(t.fts5() for t in group) + ")" for group in self.groups)
        if self.excluded:
            return f"({positive}) NOT ({self.excluded_fts5()})"
        return positive

    def excluded_fts5(self) -> str:
        return " OR ".join(t.fts5() for t in self.excluded)

    def highlight_stems(self) -> set[str]:
        return {s for group in self.groups for term in group for s in term.stems()}


_TOKEN = re.compile(r'(?P<neg>-)?"(?P<phrase>[^"]*)"?|(?P<word>\S+)')


def _term(text: str, phrase: bool) -> Term | None:
    found = words(text)
    if not phrase and len(found) == 1 and found[0] in STOP_WORDS:
        return None
    return Term(tuple(found)) if found else None


def parse(text: str) -> Query:
    """Read ``text`` in web-search syntax (see the module docstring)."""
    query = Query()
    pending_or = False
    for match in _TOKEN.finditer(text or ""):
        word = match.group("word")
        if word == "OR":
            pending_or = bool(query.groups)
            continue
        negative = bool(match.group("neg"))
        if match.group("phrase") is not None:
            term = _term(match.group("phrase"), phrase=True)
        else:
            if word.startswith("-") and len(word) > 1:
                negative, word = True, word[1:]
            term = _term(word, phrase=False)
        if term is None:
            continue
        if negative:
            query.excluded.append(term)
        elif pending_or:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        pending_or = False
    return query
