"""The search index: one document per searchable row (agenda item, proposal, request, measure).

A document copies what search needs from its source row and the rows above it (municipality,
county, body, meeting date, publish flag, climate level, topics), so a search, its filters and
its counts read one table. :mod:`search.indexing` keeps documents current.

PostgreSQL: ``vector`` holds the weighted ``norwegian`` text-search vector (title A, decision and
proposals B, case paper C, compound tails D) behind a GIN index (migration 0002). SQLite: the
FTS5 table ``search_fts`` holds the stemmed text under the document's id (migration 0002);
``vector`` stays empty.
"""
from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from municipalities.querysets import ScopedQuerySet


class SearchDocumentQuerySet(ScopedQuerySet):
    """The same rule as every page: drafts only inside their municipality (measures are never drafts)."""

    municipality_path = "municipality"
    published_path = "published"


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        ITEM = "item", _("Agenda item")
        PROPOSAL = "proposal", _("Proposal")
        REQUEST = "request", _("Request or question")
        MEASURE = "measure", _("Climate measure")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    county_number = models.CharField(max_length=2)
    body = models.ForeignKey("municipalities.Body", on_delete=models.CASCADE, null=True, related_name="+")
    body_kind = models.CharField(max_length=20, blank=True)
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, null=True, related_name="+")
    date = models.DateField(null=True)
    year = models.PositiveSmallIntegerField(null=True)
    published = models.BooleanField(default=True)
    item_type = models.CharField(max_length=20, blank=True)
    climate_level = models.CharField(max_length=10, blank=True)
    #: Topic codes between spaces (" transport energy "), so one topic is ``topics__contains=" code "``.
    topics = models.CharField(max_length=300, blank=True)
    label = models.CharField(max_length=500, blank=True)
    title = models.TextField(blank=True)
    main = models.TextField(blank=True)
    paper = models.TextField(blank=True)
    parts = models.TextField(blank=True)
    path = models.CharField(max_length=300)
    vector = SearchVectorField(null=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]
        indexes = [
            models.Index(fields=["municipality", "date"]),
            models.Index(fields=["date"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class SearchLexeme(models.Model):
    """The vocabulary of the PostgreSQL index: every lexeme of a document vector, with the number of
    documents that hold it (:mod:`search.vocabulary`; kept by :mod:`search.indexing`, empty on SQLite)."""

    lexeme = models.TextField(primary_key=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.lexeme
