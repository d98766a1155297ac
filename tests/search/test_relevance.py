"""Norwegian as written: exact hits for inflections, variants, compounds, phrases and exclusions.

The same expectations hold on SQLite (FTS5) and PostgreSQL (tsvector): run with DATABASE_URL set.
"""
from __future__ import annotations

import datetime

import pytest

from search import services
from search.analysis import parse
from tests.helpers import committed

pytestmark = pytest.mark.django_db


def hits(user, q, **filters) -> set[tuple[str, str]]:
    result = services.search(user, {"q": q, **filters}, limit=100)
    assert result.total == len(result.hits)
    return {(h.doc.kind, h.doc.label) for h in result.hits}


A2 = ("item", "05/2023 Parkeringsavgift for tilsette")
A2_ADMIN = ("proposal", "05/2023 Parkeringsavgift for tilsette")
C1 = ("item", "11/2023 Sykkelparkering ved rådhuset")
C2 = ("item", "12/2023 Nye parkeringsplassar ved sjukeheimen")
C3 = ("item", "13/2023 Reglement for ansatte")
C4 = ("item", "14/2023 Budsjett 2024")
MEASURE = ("measure", "Ladestasjonar for elbil")


@pytest.mark.parametrize("q, expected", [
    # compounds: the word at the start (parkeringsavgift, parkeringsplassar) and at the end (sykkelparkering)
    ("parkering", {A2, A2_ADMIN, C1, C2}),
    # bokmål query, nynorsk text: parkeringsplassen / parkeringsplassar share the stem
    ("parkeringsplassen", {C2}),
    # variants: tilsette / tilsatte / ansatte
    ("tilsette", {A2, C2, C3, MEASURE}),
    ("ansatte", {A2, C2, C3, MEASURE}),
    # nynorsk vedteke finds bokmål vedtatt; framlegg finds forslag
    ("vedteke", {C3}),
    ("framlegg", {C3, C4}),
    # all words must match
    ("parkering tilsette", {A2, C2}),
    # a quoted phrase: only the exact wording
    ('"parkeringsavgift for tilsette"', {A2}),
    # exclusion, also of a compound that contains the word
    ("parkering -sykkel", {A2, A2_ADMIN, C2}),
    ('parkering -"for tilsette"', {A2_ADMIN, C1}),
    # OR
    ("sykkelstativ OR lærlingar", {C1, C4}),
    # stop words are left out of plain words
    ("parkering for", {A2, A2_ADMIN, C1, C2}),
    # nothing
    ("trikkestopp", set()),
])
def test_expected_hits(corpus, q, expected):
    assert hits(corpus.users["adviser"], q) == expected


def test_filters_narrow_and_count(corpus):
    adviser = corpus.users["adviser"]
    assert hits(adviser, "parkering", municipality="3105") == {C1, C2}
    assert hits(adviser, "parkering", type="proposal") == {A2_ADMIN}
    assert hits(adviser, "tilsette", topic="transport") == {MEASURE}
    assert hits(adviser, "tilsette", county="46") == {A2, MEASURE}
    assert hits(adviser, "parkering", year_from=2024) == set()
    result = services.search(adviser, {"q": "parkering", "municipality": "3105"})
    by_facet = {name: {v.value: (v.count, v.selected) for v in values} for name, values in result.facets.items()}
    # each list is counted with the other filters applied, not its own
    assert by_facet["municipality"] == {"3105": (2, True), "4628": (2, False)}
    assert by_facet["type"] == {"item": (2, False)}
    assert by_facet["year"] == {"2023": (2, False)}
    assert by_facet["county"] == {"31": (2, False)}


def test_sort_by_date_and_relevance(corpus):
    adviser = corpus.users["adviser"]
    by_date = services.search(adviser, {"q": "tilsette", "sort": "date"}, limit=10).hits
    dates = [h.doc.date for h in by_date]
    assert dates == sorted(dates, reverse=True)
    # the title weighs most: the item titled with both words comes first
    by_relevance = services.search(adviser, {"q": "parkeringsavgift tilsette"}, limit=10).hits
    assert (by_relevance[0].doc.kind, by_relevance[0].doc.label) == A2


def test_snippet_marks_matches(corpus):
    result = services.search(corpus.users["adviser"], {"q": "sykkelstativ"})
    snippet = str(result.hits[0].snippet)
    assert "<mark>sykkelstativ</mark>" in snippet
    assert "bygd nye <mark>sykkelstativ</mark> under tak" in snippet


def test_snippet_escapes_html(corpus):
    corpus.c4.text = "Framlegg <script>alert(1)</script> om lærlingar."
    corpus.c4.save()
    snippet = str(services.search(corpus.users["adviser"], {"q": "lærlingar"}).hits[0].snippet)
    # escaped on SQLite, dropped as markup by PostgreSQL's headline: never live HTML
    assert "<script>" not in snippet and "<mark>lærlingar</mark>" in snippet


def test_the_index_follows_changes(corpus):
    adviser = corpus.users["adviser"]
    corpus.c4.title = "Budsjett for trikkestopp"
    corpus.c4.save()
    assert hits(adviser, "trikkestopp") == {("item", "14/2023 Budsjett for trikkestopp")}
    corpus.c4.delete()
    assert hits(adviser, "trikkestopp") == set()
    # a meeting or a body saved: its meetings' documents are rebuilt by the worker after the commit
    corpus.pub_b.published = False
    with committed():
        corpus.pub_b.save()
    assert hits(adviser, "parkering") == {A2, A2_ADMIN}
    corpus.body_b.name = "Arbeidsmiljøutvalet"
    with committed():
        corpus.body_b.save()
    result = services.search(corpus.users["hr_b"], {"q": "sykkelparkering"})
    assert [h.doc.body.name for h in result.hits] == ["Arbeidsmiljøutvalet"]


def test_a_meeting_taken_back_to_draft_is_hidden_before_the_worker_runs(corpus, django_capture_on_commit_callbacks):
    """The rebuild of a saved meeting's documents waits for the worker; who may find them does not."""
    adviser, hr_b = corpus.users["adviser"], corpus.users["hr_b"]
    assert hits(adviser, "sykkelparkering") == {C1}
    corpus.pub_b.published = False
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        corpus.pub_b.save()
    assert callbacks  # the rebuild is queued for after the commit, not run
    assert hits(adviser, "sykkelparkering") == set()
    assert hits(hr_b, "sykkelparkering") == {C1}


def test_constant_number_of_queries(corpus):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests import factories as f

    def queries(params) -> int:
        with CaptureQueriesContext(connection) as captured:
            services.search(corpus.users["adviser"], params)
        return len(captured.captured_queries)

    params = {"q": "parkering tilsette", "county": "31"}
    before = queries(params)
    for n in range(25):
        meeting = f.MeetingFactory(body=corpus.body_b, date=datetime.date(2022, 1, n + 1), published=True)
        f.AgendaItemFactory(meeting=meeting, position=1, title=f"Parkering for tilsette {n}")
    assert services.search(corpus.users["adviser"], params).total == 26
    assert queries(params) == before
    # the total, the page, the snippets on PostgreSQL, the counts per filter (and county names)
    assert before <= 11


def test_parse_is_safe():
    # operators and punctuation of either engine never reach the query syntax
    query = parse('NEAR(a b) "x* ^y" ) ( : {title} -(z) OR')
    assert query.tsquery() == "((near <-> a)) & ((b)) & ((x <-> y)) & ((title:*)) & !(z)"
    assert query.fts5() == (
        '(({title main paper} : "near a") AND (("b")) AND ({title main paper} : "x y") AND (("titl"*)))'
        ' NOT (("z"))'
    )
