"""Where meetings came from: the source documents and the import runs that read them."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..querysets import ImportRunQuerySet
from .meeting import Meeting


def source_upload_path(instance: SourceDocument, filename: str) -> str:
    """Stored under the checksum, never under a name the user chose."""
    extension = "pdf" if instance.kind == SourceDocument.Kind.PDF else "txt"
    return f"sources/{instance.municipality_id}/{instance.sha256}.{extension}"


class SourceDocument(models.Model):
    """A file a meeting was imported from, kept with its checksum."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        TEXT = "text", _("Text")

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.PROTECT, related_name="source_documents"
    )
    filename = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to=source_upload_path, max_length=300)
    family = models.CharField(_("document family"), max_length=40, blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    meetings = models.ManyToManyField(Meeting, through="MeetingSource", related_name="source_documents")

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "sha256"], name="source_unique_checksum"),
        ]

    def __str__(self) -> str:
        return self.filename


class MeetingSource(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE)
    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE)
    imported_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "document"], name="meeting_source_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} <- {self.document_id}"


class ImportRun(models.Model):
    """One upload of one or more files: parsed in the background, reviewed, then confirmed."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        PARSING = "parsing", _("Reading the files")
        READY = "ready", _("Ready for review")
        SAVING = "saving", _("Being saved")
        FAILED = "failed", _("Failed")
        CONFIRMED = "confirmed", _("Saved")

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="import_runs"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    documents = models.ManyToManyField(SourceDocument, related_name="import_runs")
    preview = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    result = models.JSONField(default=dict, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The lease of the worker that parses the run: it renews ``heartbeat_at`` while it works; a
    # run whose lease ran out lost its worker and is retried or failed (imports.tasks).
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    heartbeat_at = models.DateTimeField(_("last sign of life from the worker"), null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="import_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality.name} {self.created_at:%d.%m.%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("imports:import_detail", args=[self.pk])
