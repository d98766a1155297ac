"""Climate measures: the involvement ladder's levels, the topics and the register of measures.

- :class:`Topic`: the fixed, ordered topic list (seeded by migration 0002), shared by every
  municipality so coverage can be compared across municipalities.
- :class:`ClimateMeasure`: one measure in a municipality's register, with its lifecycle status,
  decision, effect on employees, funding and the agenda items where it was on the table.

Derived values (first involvement, highest level, timing, flag) are never stored: see
:mod:`measures.services`.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models import AgendaItem
from meetings.versioning import VersionedModel
from municipalities.models import Municipality

from .. import rules
from ..querysets import (
    MeasureQuerySet,
)


class Level(models.IntegerChoices):
    """The involvement ladder (DOMAIN.md), in its fixed order."""

    NOT_INVOLVED = 0, _("0 – not involved")
    INFORMED = 1, _("1 – informed")
    CONSULTED = 2, _("2 – consulted")
    CO_DEVELOPED = 3, _("3 – co-developed")
    INITIATED = 4, _("4 – initiated by the employee side")


class Side(models.TextChoices):
    EMPLOYER = "employer", _("Employer side")
    EMPLOYEE = "employee", _("Employee side")


class Topic(models.Model):
    """A climate topic. The rows are reference data: one per :class:`Topic.Code`, in its order."""

    class Code(models.TextChoices):
        TRANSPORT = "transport", _("Transport and commuting (incl. parking)")
        ENERGY = "energy", _("Energy")
        PROCUREMENT = "procurement", _("Procurement")
        WASTE = "waste", _("Waste and circularity")
        BUILDINGS = "buildings", _("Buildings")
        FOOD = "food", _("Food and food waste")
        CERTIFICATION = "certification", _("Environmental certification (Miljøfyrtårn, ISO 14001, Svanemerket)")
        NATURE = "nature", _("Nature and biodiversity")
        COMPETENCE = "competence", _("Competence and training")
        PLANNING = "planning", _("Climate budget and planning")

    code = models.CharField(_("code"), max_length=20, choices=Code.choices, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), unique=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return str(self.get_code_display())


class ClimateMeasure(VersionedModel):
    class Status(models.TextChoices):
        """The lifecycle, in order. ``stopped`` can follow any other status."""

        IDEA = "idea", _("Idea")
        PROPOSED = "proposed", _("Proposed")
        DECIDED = "decided", _("Decided")
        IN_IMPLEMENTATION = "in_implementation", _("In implementation")
        IMPLEMENTED = "implemented", _("Implemented")
        EVALUATED = "evaluated", _("Evaluated")
        STOPPED = "stopped", _("Stopped")

    UNDECIDED_STATUSES = (Status.IDEA, Status.PROPOSED)
    DECIDED_STATUSES = (Status.DECIDED, Status.IN_IMPLEMENTATION, Status.IMPLEMENTED, Status.EVALUATED)

    class EmployeeEffect(models.TextChoices):
        COMMUTING = "commuting", _("Commuting and parking")
        WORK_METHODS = "work_methods", _("Work methods")
        WORKING_RULES = "working_rules", _("Working rules")
        EQUIPMENT = "equipment", _("Equipment, vehicles and tools")
        LOCATION = "location", _("Place of work")
        TRAINING = "training", _("Training")

    class Funding(models.TextChoices):
        OPERATING = "operating_budget", _("Operating budget")
        INVESTMENT = "investment_budget", _("Investment budget")
        KLIMASATS = "klimasats", _("Klimasats (state grant)")
        CLIMATE_FUND = "climate_fund", _("Municipal climate fund")
        OTHER_GRANT = "other_grant", _("Other external grant")
        NONE = "none", _("No funding needed")

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="climate_measures"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="measures")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDEA)
    proposed_date = models.DateField(
        _("proposed on"), null=True, blank=True, help_text=_("When the idea or proposal was first raised.")
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decided_by = models.CharField(
        _("decided by"), max_length=200, blank=True,
        help_text=_("The deciding body or office, e.g. the municipal council or the chief executive."),
    )
    decision_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("decided in agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decided_measures",
    )
    stopped_date = models.DateField(
        _("stopped on"), null=True, blank=True, help_text=_("Only for stopped measures.")
    )
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    affects_employees = models.BooleanField(
        _("affects employees"), default=False,
        help_text=_("The measure changes employees' working day or terms."),
    )
    employee_effects = models.JSONField(
        _("how it affects employees"), default=list, blank=True,
        help_text=_("Codes from the list of effects on employees."),
    )
    funding = models.CharField(_("funding"), max_length=20, choices=Funding.choices, blank=True)
    funding_amount = models.PositiveBigIntegerField(_("amount (NOK)"), null=True, blank=True)
    funding_note = models.CharField(_("about the funding"), max_length=300, blank=True)
    expected_emission_effect = models.DecimalField(
        _("expected emission reduction (tonnes CO2e per year)"),
        max_digits=10,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Negative if emissions are expected to rise."),
    )
    emission_effect_source = models.CharField(
        _("source of the emission estimate"), max_length=300, blank=True
    )
    agenda_items = models.ManyToManyField(
        AgendaItem, verbose_name=_("agenda items"), blank=True, related_name="climate_measures",
        help_text=_("Every agenda item where the measure was on the table."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[topics, agenda_items], excluded_fields=["updated_at", "version"])
    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "title"]
        verbose_name = _("climate measure")
        verbose_name_plural = _("climate measures")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "title"],
                name="measure_unique_title_per_municipality",
                violation_error_message=_("The municipality already has a measure with this title."),
            ),
            models.CheckConstraint(
                condition=Q(proposed_date__isnull=True)
                | Q(decision_date__isnull=True)
                | Q(decision_date__gte=F("proposed_date")),
                name="measure_decision_not_before_proposal",
                violation_error_message=_("The decision date cannot be before the proposal date."),
            ),
            models.CheckConstraint(
                condition=Q(decision_date__isnull=True) | ~Q(status__in=["idea", "proposed"]),
                name="measure_undecided_has_no_decision_date",
                violation_error_message=_("An idea or proposal has no decision date yet."),
            ),
            models.CheckConstraint(
                condition=(Q(status="stopped") & Q(stopped_date__isnull=False))
                | (~Q(status="stopped") & Q(stopped_date__isnull=True)),
                name="measure_stopped_date_iff_stopped",
                violation_error_message=_("A stopped measure needs the date it was stopped, and only a stopped one."),
            ),
            models.CheckConstraint(
                condition=Q(stopped_date__isnull=True)
                | (
                    (Q(decision_date__isnull=True) | Q(stopped_date__gte=F("decision_date")))
                    & (Q(proposed_date__isnull=True) | Q(stopped_date__gte=F("proposed_date")))
                ),
                name="measure_stopped_after_decision_and_proposal",
                violation_error_message=_("A measure cannot be stopped before it was proposed or decided."),
            ),
            models.CheckConstraint(
                condition=Q(expected_emission_effect__isnull=True) | ~Q(emission_effect_source=""),
                name="measure_emission_effect_has_source",
                violation_error_message=_("Give the source of the emission estimate."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("measures:measure_detail", args=[self.pk])

    @property
    def is_decided(self) -> bool:
        """A decision has been taken: a decision date is known, or the status says so."""
        return self.decision_date is not None or self.status in self.DECIDED_STATUSES

    def get_employee_effects_display(self) -> list[str]:
        labels = dict(self.EmployeeEffect.choices)
        return [str(labels.get(code, code)) for code in self.employee_effects]

    def clean(self):
        """The constraints above, with each message attached to the field a person must change
        (the rules are named one by one in measures/rules.py)."""
        errors = rules.problems(self)
        if errors:
            raise ValidationError(errors)
