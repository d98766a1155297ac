"""Where a municipality's meetings are harvested from (eInnsyn), and what each run did.

- :class:`Source`: one eInnsyn organisation (enhet) and its bodies (utvalg) feeding one of the
  municipality's bodies, with the cursor the next run starts after and the lease of the worker
  that is harvesting it (several workers share the work; see :mod:`harvest.queue`).
- :class:`HarvestRun`: one run of one source, with counts, errors and the cursor it reached.
- :class:`HarvestedRecord`: the stable eInnsyn id of every record a harvest wrote (a meeting,
  an agenda item and its decision), so a second harvest finds what the first one wrote.
"""
from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.models import AgendaItem, Meeting
from municipalities.models import Body, Municipality

from .querysets import HarvestQuerySet, HarvestRunQuerySet

einnsyn_id_validator = RegexValidator(
    r"^[a-z]{2,12}_[0-9a-z]{8,40}$", _("An eInnsyn id looks like enhet_01haqv5t2qe8v8n5d6b1gm5ex2.")
)


class Source(models.Model):
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="harvest_sources"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="harvest_sources",
        help_text=_("The body in this product that the harvested meetings belong to."),
    )
    enhet_id = models.CharField(
        _("eInnsyn organisation (enhet) id"), max_length=64, validators=[einnsyn_id_validator],
        help_text=_("The municipality's organisation in eInnsyn."),
    )
    utvalg_ids = models.JSONField(
        _("eInnsyn body (utvalg) ids"), default=list,
        help_text=_("The bodies in eInnsyn whose meetings feed this body."),
    )
    publish_harvested = models.BooleanField(
        _("publish harvested meetings"), default=False,
        help_text=_("Otherwise harvested meetings are drafts until someone publishes them."),
    )
    active = models.BooleanField(_("harvest nightly"), default=True)
    since = models.DateField(
        _("harvest meetings updated since"), null=True, blank=True,
        help_text=_("Leave empty to harvest everything the first time."),
    )
    # the last search hit a run finished: "oppdatertDato,id" (the next run starts after it)
    cursor = models.CharField(_("cursor"), max_length=200, blank=True, editable=False)
    next_run_at = models.DateTimeField(_("next run"), null=True, blank=True, editable=False)
    # the lease of the worker harvesting the source (harvest.queue)
    leased_by = models.CharField(max_length=100, blank=True, editable=False)
    leased_until = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = HarvestQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "body__name", "pk"]
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")
        constraints = [
            models.UniqueConstraint(fields=["body", "enhet_id"], name="harvest_source_unique_body_enhet"),
        ]

    def __str__(self) -> str:
        return f"{self.body.name} ← eInnsyn {self.enhet_id}"

    def get_absolute_url(self) -> str:
        return reverse("harvest:source_edit", args=[self.pk])


class HarvestRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        INTERRUPTED = "interrupted", _("Interrupted (resumed by the next run)")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RUNNING)
    worker = models.CharField(_("worker"), max_length=100, blank=True)
    dry_run = models.BooleanField(default=False)
    added = models.PositiveIntegerField(_("added"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    skipped = models.PositiveIntegerField(_("unchanged"), default=0)
    meetings = models.PositiveIntegerField(_("meetings"), default=0)
    conflicts = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)
    cursor_from = models.CharField(max_length=200, blank=True)
    cursor_to = models.CharField(max_length=200, blank=True)

    objects = HarvestRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("harvest run")
        verbose_name_plural = _("harvest runs")

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%d.%m.%Y %H:%M}"


class HarvestedRecord(models.Model):
    """The eInnsyn id of a record a harvest wrote, and the version of it that was written."""

    class Kind(models.TextChoices):
        MEETING = "Moetemappe", "Moetemappe"
        ITEM = "Moetesak", "Moetesak"
        DECISION = "Vedtak", "Vedtak"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="records")
    einnsyn_id = models.CharField(max_length=64)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="harvested_records")
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, null=True, blank=True, related_name="harvested_records"
    )
    updated = models.CharField(max_length=40, blank=True)  # oppdatertDato of the version written
    checksum = models.CharField(max_length=64, blank=True)  # of the meeting record as fetched
    harvested_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "einnsyn_id"], name="harvested_record_unique_id"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.einnsyn_id}"
