"""The vocabulary of the PostgreSQL index: prefixes become the exact lexemes of the index
(:mod:`search.vocabulary`), with the same hits, and a constant number of queries per search.
"""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import indexing, services, vocabulary
from search.analysis import parse
from search.models import SearchLexeme

from .test_relevance import A2, A2_ADMIN, C1, C2, hits

#: The lexemes of the test corpus that start with parkering, most documents first.
PARKERING = ["parkeringsavgift", "parkering", "parkeringsplass"]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the vocabulary is PostgreSQL's (SQLite searches FTS5 prefixes)")


def index_lexemes() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, ndoc FROM ts_stat('SELECT vector FROM search_searchdocument')")
        return dict(cursor.fetchall())


def test_prefix_becomes_the_lexemes_that_start_with_it(corpus):
    found = vocabulary.expansions(parse("parkering tilsette -sykkel"))  # tilsatt: in no document
    # parkering: the start of parkeringsavgift and parkeringsplassar, and the indexed tail of sykkelparkering
    assert found == {
        "parkering": PARKERING,
        "tilsett": ["tilsett"],
        "ansatt": ["ansatt"],
        "sykkel": ["sykkelparkering", "sykkelstativ"],
    }


def test_the_vocabulary_holds_every_lexeme_of_the_index(corpus):
    indexed = index_lexemes()
    kept = dict(SearchLexeme.objects.values_list("lexeme", "documents"))
    assert set(indexed) <= set(kept)  # written one save at a time: counts may run ahead
    indexing.rebuild()  # a full rebuild counts afresh
    assert dict(SearchLexeme.objects.values_list("lexeme", "documents")) == index_lexemes() == indexed


def test_an_expansion_longer_than_the_cap_stays_a_prefix(corpus, monkeypatch):
    query = parse("parkering")
    expanded = vocabulary.tsquery(query)
    assert expanded.sql == "(((%s::tsquery)))"
    assert expanded.sql_params == [" | ".join(f"'{x}'" for x in PARKERING)]
    monkeypatch.setattr(vocabulary, "MAX_EXPANSION", len(PARKERING) - 1)
    capped = vocabulary.tsquery(query)
    assert (capped.sql, capped.sql_params) == ("(((to_tsquery('norwegian', %s))))", ["parkering:*"])
    assert hits(corpus.users["adviser"], "parkering") == {A2, A2_ADMIN, C1, C2}


def test_queries_per_search_are_constant(corpus):
    user = corpus.users["adviser"]
    counts = []
    for params in ({"q": "parkering tilsette"}, {"q": "trikkestopp"}, {"q": "parkering", "county": "46"},
                   {"q": "tilsette", "body_kind": "PSU"}):
        with CaptureQueriesContext(connection) as captured:
            services.search(user, params)
        counts.append(len(captured.captured_queries))
    # with hits: the prefixes, the counts and page, the place names, the documents, the snippets;
    # without: the prefixes and the counts
    assert counts == [5, 2, 5, 5]
