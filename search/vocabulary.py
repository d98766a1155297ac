"""The vocabulary of the PostgreSQL index, and prefixes expanded into exact lexemes with it.

A search word matches the beginning of a lexeme (``parkering`` finds ``parkeringsavgift``, and
through the indexed compound tails ``sykkelparkering``). Written as a prefix (``parkering:*``), a
frequent word makes PostgreSQL collect every document that holds it before intersecting with the
other words; exact lexemes let the GIN index skip through the frequent list (about three times
faster on the national dataset, docs/deploy.md). So, before querying, each prefix is replaced by
the lexemes of the index that start with it, read from :class:`~search.models.SearchLexeme`
(lexeme and number of documents): ``'parkeringsavgift' | 'parkeringsordning'``. A prefix that
starts more than :data:`MAX_EXPANSION` lexemes, or none, stays a prefix (same hits, slower), and
stems shorter than :data:`~search.analysis.MIN_PREFIX` are never prefixes. The hits are exactly
those of the prefix query as long as the vocabulary holds every lexeme of the index.

The vocabulary is kept by :mod:`search.indexing`: every written document adds its lexemes
(:func:`add`), a full rebuild starts it afresh (:func:`clear`). Documents deleted or rewritten
leave their lexemes and counts behind until the next full rebuild: a lexeme no document holds
matches nothing, and the counts only choose which lexemes come first.

The query for a :class:`~search.analysis.Query` is SQL (:func:`tsquery`): exact lexemes cast to
``tsquery`` as they are (already normalised), every other piece through ``to_tsquery('norwegian',
…)``, joined with the ``tsquery`` operators ``&&``, ``||`` and ``!!``. One query reads the
expansions of every prefix of a search (:func:`expansions`).
"""
from __future__ import annotations

from collections import defaultdict

from django.contrib.postgres.search import SearchQuery
from django.db import connection

from .analysis import MIN_PREFIX, Query, Term, stem
from .models import SearchLexeme

CONFIG = "norwegian"
#: The most lexemes a prefix becomes; a prefix that starts more stays a prefix.
MAX_EXPANSION = 64
TABLE = SearchLexeme._meta.db_table


# --- keeping the vocabulary ----------------------------------------------------------------------


def add(document_ids: list[int]) -> None:
    """Count the lexemes of these (just written) documents into the vocabulary. The rows are
    upserted in lexeme order, so two writers lock shared lexemes in the same order."""
    if not document_ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (lexeme, documents) "
            "SELECT lexeme, COUNT(*) FROM search_searchdocument, unnest(tsvector_to_array(vector)) AS lexeme "
            "WHERE id = ANY(%s) GROUP BY lexeme ORDER BY lexeme "
            f"ON CONFLICT (lexeme) DO UPDATE SET documents = {TABLE}.documents + EXCLUDED.documents",
            [list(document_ids)],
        )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TABLE}")


# --- expanding a query ---------------------------------------------------------------------------


def _prefix(word: str) -> str | None:
    """The stem a word matches as a prefix, or None (too short: whole words only)."""
    s = stem(word)
    return s if len(s) >= MIN_PREFIX else None


def _prefixes(query: Query) -> list[str]:
    terms = [t for group in query.groups for t in group] + list(query.excluded)
    found = {_prefix(w) for t in terms for w in t.alternatives()}
    return sorted(p for p in found if p)


def _like(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def expansions(query: Query) -> dict[str, list[str]]:
    """Each prefix of the query with the lexemes it starts (at most MAX_EXPANSION + 1), one query."""
    prefixes = _prefixes(query)
    if not prefixes:
        return {}
    selects, params = [], []
    for prefix in prefixes:
        selects.append(
            f"(SELECT %s, lexeme FROM {TABLE} WHERE lexeme LIKE %s ORDER BY documents DESC, lexeme LIMIT %s)"
        )
        params += [prefix, _like(prefix), MAX_EXPANSION + 1]
    found: dict[str, list[str]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        for prefix, lexeme in cursor.fetchall():
            found[prefix].append(lexeme)
    return dict(found)


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _normalised(text: str) -> tuple[str, list]:
    return f"to_tsquery('{CONFIG}', %s)", [text]


def _join(parts: list[tuple[str, list]], operator: str) -> tuple[str, list]:
    sql = f" {operator} ".join(f"({s})" for s, _p in parts)
    return sql, [p for _s, params in parts for p in params]


def _term(term: Term, expanded: dict[str, list[str]]) -> tuple[str, list]:
    if term.is_phrase:
        return _normalised(term.tsquery())
    alternatives = []
    for word in term.alternatives():
        prefix = _prefix(word)
        lexemes = expanded.get(prefix, []) if prefix else []
        if prefix and 0 < len(lexemes) <= MAX_EXPANSION:
            alternatives.append(("%s::tsquery", [" | ".join(_quoted(x) for x in lexemes)]))
        else:
            alternatives.append(_normalised(f"{word}:*" if prefix else word))
    return _join(alternatives, "||")


class ExpandedQuery(SearchQuery):
    """A ``tsquery`` given as SQL, usable wherever Django takes a :class:`SearchQuery`."""

    def __init__(self, sql: str, params: list):
        super().__init__("", search_type="raw", config=CONFIG)
        self.sql, self.sql_params = sql, params

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"({self.sql})", list(self.sql_params)


def tsquery(query: Query, excluded_only: bool = False) -> ExpandedQuery:
    """The query (all groups, none of the excluded terms), or with ``excluded_only`` any excluded term."""
    expanded = expansions(query)
    excluded = [_term(t, expanded) for t in query.excluded]
    if excluded_only:
        return ExpandedQuery(*_join(excluded, "||"))
    groups = [_join([_term(t, expanded) for t in group], "||") for group in query.groups]
    if excluded:
        groups.append((f"!!({_join(excluded, '||')[0]})", _join(excluded, "||")[1]))
    return ExpandedQuery(*_join(groups, "&&"))
