"""Search: the query logic behind the search page, the API, the export and saved searches.

:func:`search` runs a query (web-search syntax, see :mod:`search.analysis`) with filters over the
documents the user may read (:meth:`SearchDocumentQuerySet.visible_to`, the rule of every page),
and returns one page of hits with highlighted snippets and the counts per filter value. The
number of database queries does not grow with what is found (:func:`search`). On PostgreSQL the
query's prefixes are first expanded into the exact lexemes of the index (:mod:`search.vocabulary`).

The filters and the counts per filter value are in :mod:`search.facets`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from dashboards import exports

from . import vocabulary
from .analysis import MIN_PREFIX, Query, parse, stem
from .facets import FILTERS, HIT, TOTAL, FacetValue, facet_values, filter_q, filtered, rows_with_counts
from .indexing import FTS_TABLE
from .models import SearchDocument

CONFIG = "norwegian"
#: SearchRank weights for D, C, B, A: compound tails, case paper, decision and proposals, title.
PG_WEIGHTS = [0.05, 0.2, 0.4, 1.0]
#: bm25 column weights on SQLite: title, decision and proposals, case paper, compound tails.
FTS_WEIGHTS = (10.0, 4.0, 2.0, 0.5)
SNIPPET_WORDS = 30
_START, _STOP = "\u27e6", "\u27e7"  # ⟦ ⟧: markers PostgreSQL puts around matches, turned into <mark>


# --- the text match, per database ------------------------------------------------------------------


def _pg_query(query: Query, excluded_only: bool = False) -> SearchQuery:
    """The query with its prefixes expanded into exact lexemes (:mod:`search.vocabulary`), read once
    per query (one database query) and reused for the match, the rank and the snippets."""
    key = "_pg_excluded" if excluded_only else "_pg"
    if key not in query.__dict__:
        query.__dict__[key] = vocabulary.tsquery(query, excluded_only=excluded_only)
    return query.__dict__[key]


def _fts_ids(match: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])


def matching(qs: QuerySet, query: Query) -> QuerySet:
    """Documents that match the query (every group, none of the excluded terms)."""
    if query:
        if connection.vendor == "postgresql":
            return qs.filter(vector=_pg_query(query))
        return qs.filter(pk__in=_fts_ids(query.fts5()))
    if query.excluded:  # only exclusions: everything else
        if connection.vendor == "postgresql":
            return qs.exclude(vector=_pg_query(query, excluded_only=True))
        return qs.exclude(pk__in=_fts_ids(query.excluded_fts5()))
    return qs


def ranked(qs: QuerySet, query: Query, only: Q = Q()) -> QuerySet:
    """The documents with their rank; with ``only``, ranked only where that holds (elsewhere no
    rank), so a search ranks the documents its filters keep, not every match of its words."""
    if not query:
        return qs.annotate(rank=Value(0.0))
    if connection.vendor == "postgresql":
        rank = SearchRank(F("vector"), _pg_query(query), weights=PG_WEIGHTS)
    else:
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        rank = RawSQL(
            f"SELECT -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid = {SearchDocument._meta.db_table}.id",
            [query.fts5()], output_field=FloatField(),
        )
    if only:
        rank = Case(When(only, then=rank), default=Value(None), output_field=FloatField())
    return qs.annotate(rank=rank)


# --- snippets ------------------------------------------------------------------------------------


def _marked(text: str) -> SafeString:
    return mark_safe(escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _matches(token: str, stems: set[str]) -> bool:
    token = token.lower()
    token_stem = stem(token)
    return any(s in token if len(s) >= MIN_PREFIX else token_stem == s for s in stems)


def highlight(text: str, stems: set[str], size: int = SNIPPET_WORDS) -> SafeString:
    """A window of ``size`` words around the first match, matches marked (the SQLite snippet)."""
    tokens = list(re.finditer(r"\w+", text))
    if not tokens:
        return mark_safe("")
    first = next((i for i, t in enumerate(tokens) if stems and _matches(t.group(), stems)), 0)
    start = max(0, first - size // 4)
    end = min(len(tokens), start + size)
    pieces, position = [], tokens[start].start()
    for token in tokens[start:end]:
        pieces.append(escape(text[position:token.start()]))
        word = escape(token.group())
        pieces.append(f"<mark>{word}</mark>" if stems and _matches(token.group(), stems) else word)
        position = token.end()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)


def _snippet_source(doc) -> str:
    return "\n".join(part for part in (doc.main, doc.paper) if part) or doc.title


def snippets(docs: list[SearchDocument], query: Query) -> dict[int, SafeString]:
    if not docs:
        return {}
    if query and connection.vendor == "postgresql":
        text = Concat("main", Value("\n"), "paper", Value("\n"), "title", output_field=TextField())
        rows = SearchDocument.objects.filter(pk__in=[d.pk for d in docs]).annotate(
            headline=SearchHeadline(
                text, _pg_query(query), config=CONFIG, start_sel=_START, stop_sel=_STOP,
                max_words=SNIPPET_WORDS, min_words=12, max_fragments=2, fragment_delimiter=" … ",
            )
        ).values_list("pk", "headline")
        return {pk: _marked(headline.strip()) for pk, headline in rows}
    stems = query.highlight_stems()
    return {d.pk: highlight(_snippet_source(d), stems) for d in docs}


# --- the search ----------------------------------------------------------------------------------


@dataclass
class Hit:
    doc: SearchDocument
    snippet: SafeString

    @property
    def type(self) -> str:
        return self.doc.kind

    @property
    def type_label(self) -> str:
        return self.doc.get_kind_display()


@dataclass
class SearchResult:
    query: Query
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    searched: bool = False


def has_criteria(params: dict) -> bool:
    return bool((params.get("q") or "").strip()) or any(params.get(name) not in (None, "") for name in FILTERS)


def results(user, params: dict) -> tuple[Query, QuerySet]:
    """The matching documents in order (sort: relevance or date), with their rank."""
    query = parse(params.get("q") or "")
    qs = filtered(matching(SearchDocument.objects.visible_to(user), query), params)
    qs = ranked(qs, query)
    if params.get("sort") == "date" or not query:
        qs = qs.order_by(F("date").desc(nulls_last=True), "-rank", "pk")
    else:
        qs = qs.order_by("-rank", F("date").desc(nulls_last=True), "pk")
    return query, qs


def search(user, params: dict, offset: int = 0, limit: int = 20) -> SearchResult:
    """One page of hits (``offset``, ``limit``) and the counts per filter value.

    Queries: one statement for the counts and the page (:func:`~search.facets.rows_with_counts`), the place names, the
    page's documents, and on PostgreSQL the expansion of the query's prefixes and the snippets:
    the same whatever is found.
    """
    query = parse(params.get("q") or "")
    if not has_criteria(params):
        return SearchResult(query)
    base = ranked(matching(SearchDocument.objects.visible_to(user), query), query, only=filter_q(params))
    sort = "date" if params.get("sort") == "date" or not query else "relevance"
    rows = rows_with_counts(base, params, sort, offset, limit)
    total = next(n for facet, _v, n, _r in rows if facet == TOTAL)
    page = {int(value): (position, rank) for facet, value, position, rank in rows if facet == HIT}
    docs = sorted(SearchDocument.objects.filter(pk__in=list(page)).select_related("municipality", "body"),
                  key=lambda d: page[d.pk][0])
    for doc in docs:
        doc.rank = page[doc.pk][1]
    found = snippets(docs, query)
    return SearchResult(
        query=query, total=total, hits=[Hit(d, found.get(d.pk, mark_safe(""))) for d in docs],
        facets=facet_values(rows, params), searched=True,
    )


C = exports.Column
#: The columns of a search export (the shared export writer: headings, kinds and explanations).
EXPORT_TABLE = exports.Table(
    gettext_lazy("Search results"),
    (
        C("type", gettext_lazy("Type"), width=12),
        C("id", gettext_lazy("ID"), "int"),
        exports.MUNICIPALITY,
        exports.MUNICIPALITY_NAME,
        C("county", gettext_lazy("County"), width=16),
        exports.BODY,
        exports.BODY_KIND,
        exports.MEETING_ID,
        exports.MEETING_DATE,
        C("title", gettext_lazy("Title"), width=50),
        C("item_type", gettext_lazy("Item type"), width=10),
        C("climate_level", gettext_lazy("Climate relevance"), width=14),
        C("topics", gettext_lazy("Topics"), width=30),
        exports.URL,
    ),
)


def export_rows(user, params: dict, url) -> Iterator[list]:
    _query, qs = results(user, params)
    for doc in qs.select_related("municipality", "body").iterator(chunk_size=1000):
        yield [
            doc.kind, doc.object_id, doc.municipality_id, doc.municipality.name, doc.county_number,
            doc.body.name if doc.body_id else "", doc.body_kind, doc.meeting_id, doc.date, doc.label,
            doc.item_type, doc.climate_level, doc.topics.strip(), url(doc.path),
        ]
