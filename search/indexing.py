"""Keep the search documents current.

:func:`index` rebuilds the documents of some agenda items, proposals, requests or measures from
their rows (deleting those of rows that are gone); :func:`index_municipalities` and
:func:`rebuild` do it for whole municipalities or everything. Rows are read in chunks with their
municipality, body and meeting in the same queries, so the cost grows with the rows, not with
queries per row. :mod:`search.signals` calls these on every save and after imports; the command
``manage.py rebuild_search_index`` rebuilds all (after loading data with ``bulk_create``, such as
the synthetic dataset).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import QuerySet

from measures.models import ClimateMeasure
from meetings.models import AgendaItem, Proposal, Request

from . import vocabulary
from .analysis import compound_parts, stemmed
from .models import SearchDocument

Kind = SearchDocument.Kind
CHUNK = 2000
FTS_TABLE = "search_fts"


def _text(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


def _vector():
    return (
        SearchVector("title", config="norwegian", weight="A")
        + SearchVector("main", config="norwegian", weight="B")
        + SearchVector("paper", config="norwegian", weight="C")
        + SearchVector("parts", config="norwegian", weight="D")
    )


def _topics_by_item(item_ids: list[int]) -> dict[int, set[str]]:
    """Topic codes of the measures each agenda item is linked to."""
    link = ClimateMeasure.agenda_items.through
    result: dict[int, set[str]] = defaultdict(set)
    rows = link.objects.filter(agendaitem_id__in=item_ids, climatemeasure__topics__isnull=False).values_list(
        "agendaitem_id", "climatemeasure__topics__code"
    )
    for item_id, code in rows:
        result[item_id].add(code)
    return result


def _topics(codes: Iterable[str]) -> str:
    codes = sorted(set(codes))
    return f" {' '.join(codes)} " if codes else ""


def _meeting_fields(meeting) -> dict:
    body = meeting.body
    return {
        "municipality_id": body.municipality_id,
        "county_number": body.municipality.county_number,
        "body_id": body.pk,
        "body_kind": body.kind,
        "meeting_id": meeting.pk,
        "date": meeting.date,
        "year": meeting.date.year,
        "published": meeting.published,
    }


def _document(kind: str, pk: int, path: str, title="", main="", paper="", **fields) -> SearchDocument:
    return SearchDocument(
        kind=kind, object_id=pk, path=path, title=title, main=main, paper=paper,
        parts=compound_parts(title, main, paper), **fields,
    )


def item_documents(items: QuerySet) -> list[SearchDocument]:
    items = list(items.select_related("meeting__body__municipality"))
    topics = _topics_by_item([i.pk for i in items])
    docs = []
    for item in items:
        title = str(item)
        docs.append(_document(
            Kind.ITEM, item.pk, item.get_absolute_url(), title=title,
            main=_text(item.administration_proposal, item.decision), paper=_text(item.text, item.handling),
            label=title[:500], item_type=item.item_type, climate_level=item.effective_climate_level,
            topics=_topics(topics.get(item.pk, ())), **_meeting_fields(item.meeting),
        ))
    return docs


def proposal_documents(proposals: QuerySet) -> list[SearchDocument]:
    proposals = list(proposals.select_related("item__meeting__body__municipality"))
    topics = _topics_by_item([p.item_id for p in proposals])
    return [
        _document(
            Kind.PROPOSAL, p.pk, p.item.get_absolute_url(), main=p.text, label=str(p.item)[:500],
            item_type=p.item.item_type, climate_level=p.item.effective_climate_level,
            topics=_topics(topics.get(p.item_id, ())), **_meeting_fields(p.item.meeting),
        )
        for p in proposals
    ]


def request_documents(requests: QuerySet) -> list[SearchDocument]:
    requests = list(requests.select_related("meeting__body__municipality", "raised_under"))
    topics = _topics_by_item([r.raised_under_id for r in requests if r.raised_under_id])
    docs = []
    for r in requests:
        item = r.raised_under
        docs.append(_document(
            Kind.REQUEST, r.pk, r.meeting.get_absolute_url(), main=r.text,
            label=(str(item) if item else r.asked_by)[:500],
            climate_level=item.effective_climate_level if item else "",
            topics=_topics(topics.get(r.raised_under_id, ())), **_meeting_fields(r.meeting),
        ))
    return docs


def measure_documents(measures: QuerySet) -> list[SearchDocument]:
    docs = []
    for m in measures.select_related("municipality").prefetch_related("topics"):
        day = m.decision_date or m.proposed_date or (m.created_at.date() if m.created_at else None)
        docs.append(_document(
            Kind.MEASURE, m.pk, m.get_absolute_url(), title=m.title, main=m.description, label=m.title[:500],
            municipality_id=m.municipality_id, county_number=m.municipality.county_number,
            date=day, year=day.year if day else None, published=True,
            topics=_topics(t.code for t in m.topics.all()),
        ))
    return docs


SOURCES = {
    Kind.ITEM: (AgendaItem, item_documents, "meeting__body__municipality"),
    Kind.PROPOSAL: (Proposal, proposal_documents, "item__meeting__body__municipality"),
    Kind.REQUEST: (Request, request_documents, "meeting__body__municipality"),
    Kind.MEASURE: (ClimateMeasure, measure_documents, "municipality"),
}


def _write(docs: list[SearchDocument]) -> None:
    """Insert documents and their full-text entries (vector and vocabulary on PostgreSQL, FTS5 rows
    on SQLite)."""
    if not docs:
        return
    created = SearchDocument.objects.bulk_create(docs, batch_size=500)
    ids = [d.pk for d in created]
    if connection.vendor == "postgresql":
        SearchDocument.objects.filter(pk__in=ids).update(vector=_vector())
        vocabulary.add(ids)
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, main, paper, parts) VALUES (%s, %s, %s, %s, %s)",
                [(d.pk, stemmed(d.title), stemmed(d.main), stemmed(d.paper), stemmed(d.parts)) for d in created],
            )


def _chunks(ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


@transaction.atomic
def index(kind: str, ids: Iterable[int]) -> None:
    """Rebuild the documents of the ``kind`` rows with these ids (rows that are gone lose theirs)."""
    model, build, _path = SOURCES[kind]
    for chunk in _chunks(sorted(set(ids))):
        SearchDocument.objects.filter(kind=kind, object_id__in=chunk).delete()
        _write(build(model.objects.filter(pk__in=chunk)))


@transaction.atomic
def index_municipalities(numbers: Iterable[str] | None = None) -> int:
    """Rebuild every document of these municipalities (None: all); returns how many were written."""
    written = 0
    docs = SearchDocument.objects.all()
    if numbers is not None:
        numbers = list(numbers)
        docs = docs.filter(municipality_id__in=numbers)
    docs.delete()
    if numbers is None and connection.vendor == "postgresql":
        vocabulary.clear()  # a full rebuild counts the vocabulary afresh
    for model, build, path in SOURCES.values():
        rows = model.objects.all()
        if numbers is not None:
            rows = rows.filter(**{f"{path}__in": numbers})
        ids = list(rows.order_by("pk").values_list("pk", flat=True))
        for chunk in _chunks(ids):
            built = build(model.objects.filter(pk__in=chunk))
            _write(built)
            written += len(built)
    return written


def rebuild() -> int:
    return index_municipalities(None)
