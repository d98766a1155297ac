"""What was on the table: agenda items, their proposals and attachments, and the employees' requests."""
from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from municipalities.models import Organisation, Person

from ..querysets import MeetingChildQuerySet, ProposalQuerySet
from ..versioning import VersionedModel
from .meeting import Meeting

# \Z, not $: Python's $ also matches before a trailing newline, PostgreSQL's does not.
CASE_NUMBER_PATTERN = r"^[0-9]{1,3}/([0-9]{4}|[0-9]{2})\Z"
CASE_NUMBER_MESSAGE = _("Write the case number as NN/YYYY (for example 04/2023) or NNN/YY.")
case_number_validator = RegexValidator(CASE_NUMBER_PATTERN, CASE_NUMBER_MESSAGE)


class AgendaItem(VersionedModel):
    class Type(models.TextChoices):
        PS = "PS", _("Case for decision (PS)")
        RS = "RS", _("Report (RS)")
        ORIENTERING = "orientering", _("Information (orientering)")
        DROFTING = "drofting", _("Consultation (drøfting)")

    class ClimateLevel(models.TextChoices):
        NONE = "none", _("Not climate-related")
        MENTIONS = "mentions", _("Mentions climate or environment")
        LINKED = "linked", _("Linked to working conditions")

    #: The effective levels that count as climate-related.
    CLIMATE_LEVELS = (ClimateLevel.MENTIONS, ClimateLevel.LINKED)

    class EnvAssessment(models.TextChoices):
        CONSEQUENCES = "consequences", _("Assessed: has environmental consequences")
        NONE_FOUND = "none_found", _("Assessed: no environmental consequences")
        NOT_ASSESSED = "not_assessed", _("Not assessed")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("position"))
    case_number = models.CharField(
        _("case number"), max_length=9, blank=True, validators=[case_number_validator]
    )
    archive_id = models.CharField(_("archive id"), max_length=40, blank=True)
    title = models.CharField(_("title"), max_length=500)
    item_type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.PS)
    procedural = models.BooleanField(
        _("procedural"),
        default=False,
        help_text=_("Approval of the notice, agenda or minutes, or reports: not a substantive item."),
    )
    administration_proposal = models.TextField(_("the administration's proposal"), blank=True)
    text = models.TextField(_("case paper"), blank=True)
    handling = models.TextField(_("handling"), blank=True)
    decision = models.TextField(_("decision"), blank=True)

    climate_level = models.CharField(
        _("climate relevance (automatic)"), max_length=10, choices=ClimateLevel.choices, default=ClimateLevel.NONE
    )
    climate_evidence = models.JSONField(_("climate evidence"), default=list, blank=True)
    climate_override = models.CharField(
        _("climate relevance (set by a person)"), max_length=10, choices=ClimateLevel.choices, blank=True
    )
    climate_override_reason = models.TextField(_("reason for the override"), blank=True)
    env_assessment = models.CharField(
        _("environmental consequences"),
        max_length=20,
        choices=EnvAssessment.choices,
        default=EnvAssessment.NOT_ASSESSED,
    )
    import_snapshot = models.JSONField(default=dict, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["import_snapshot", "climate_evidence", "version"])
    objects = MeetingChildQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="item_unique_position",
                violation_error_message=_("Two items cannot have the same position."),
            ),
            models.UniqueConstraint(  # PS 5/11 and RS 5/11 are two items of one meeting
                fields=["meeting", "item_type", "case_number"],
                condition=~Q(case_number=""),
                name="item_unique_case_number",
                violation_error_message=_("This case number is already used in the meeting."),
            ),
            models.CheckConstraint(
                condition=Q(case_number="") | Q(case_number__regex=CASE_NUMBER_PATTERN),
                name="item_case_number_format",
                violation_error_message=CASE_NUMBER_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(climate_override="") | ~Q(climate_override_reason=""),
                name="item_override_has_reason",
                violation_error_message=_("Give a reason when you override the climate relevance."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_number} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("meetings:item_detail", args=[self.pk])

    CASE_PAPER_OPENING_CHARS = 1500  # about one screen

    @property
    def case_paper_parts(self) -> tuple[str, str]:
        """The case paper's first screen and the rest (empty when it fits), cut between words."""
        text = self.text or ""
        if len(text) <= self.CASE_PAPER_OPENING_CHARS * 1.2:
            return text, ""
        cut = text.rfind("\n", self.CASE_PAPER_OPENING_CHARS // 2, self.CASE_PAPER_OPENING_CHARS)
        if cut < 0:
            cut = text.rfind(" ", 0, self.CASE_PAPER_OPENING_CHARS)
        cut = cut if cut > 0 else self.CASE_PAPER_OPENING_CHARS
        return text[:cut].rstrip(), text[cut:].strip()

    # The effective climate level: a person's override, else the automatic level. Defined here
    # once, for an item (the property) and for a query (the Q); every app uses these two.
    @property
    def effective_climate_level(self) -> str:
        return self.climate_override or self.climate_level

    @staticmethod
    def effective_climate_q(*levels: str) -> Q:
        """Items whose effective climate level is one of ``levels``."""
        return Q(climate_override__in=levels) | (Q(climate_override="") & Q(climate_level__in=levels))


class Proposal(models.Model):
    class Kind(models.TextChoices):
        ADMINISTRATION = "administration", _("The administration's proposal")
        AMENDMENT = "amendment", _("Amendment")
        ADDITIONAL = "additional", _("Additional proposal")
        JOINT = "joint", _("Joint proposal")
        ALTERNATIVE = "alternative", _("Alternative proposal")

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        FELL = "fell", _("Fell")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        NOT_VOTED = "not_voted", _("Not voted on")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="proposals")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    by_administration = models.BooleanField(_("proposed by the administration"), default=False)
    proposers = models.ManyToManyField(
        Organisation, verbose_name=_("proposers"), blank=True, related_name="proposals"
    )
    text = models.TextField(_("text"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.NOT_VOTED)
    votes_for = models.PositiveIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    votes_abstaining = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[proposers])
    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["item", "position", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.CheckConstraint(
                condition=(
                    (Q(votes_for__isnull=True) | Q(votes_for__gte=0))
                    & (Q(votes_against__isnull=True) | Q(votes_against__gte=0))
                    & (Q(votes_abstaining__isnull=True) | Q(votes_abstaining__gte=0))
                ),
                name="proposal_votes_not_negative",
                violation_error_message=_("Vote counts cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.item})"


class Attachment(models.Model):
    """A document attached to an item's case paper (``Vedlegg``), as the imported file held it.

    The importer owns these rows: an import replaces them (see ``imports.items``). ``text`` is
    empty when the file listed the attachment without printing it.
    """

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="attachments")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["item", "position", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


class Request(models.Model):
    """An employee-side request or question, e.g. asking for a case on the next agenda."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="requests")
    raised_under = models.ForeignKey(
        AgendaItem,
        verbose_name=_("raised under item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="raised_requests",
    )
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.SET_NULL, null=True, blank=True)
    by_name = models.CharField(_("asked by"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("union"), on_delete=models.SET_NULL, null=True, blank=True
    )
    text = models.TextField(_("request or question"))
    asks_for_agenda_item = models.BooleanField(_("asks for an item on a later agenda"), default=False)
    resulting_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("resulting agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="originating_requests",
    )
    imported = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()
    objects = MeetingChildQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(by_name=""),
                name="request_has_person_or_name",
                violation_error_message=_("Say who asked."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def asked_by(self) -> str:
        return self.person.name if self.person_id else self.by_name
