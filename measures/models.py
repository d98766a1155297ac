"""Climate measures and how the employee side was involved in them.

- :class:`Topic`: the fixed, ordered topic list (seeded by migration 0002), shared by every
  municipality so coverage can be compared across municipalities.
- :class:`ClimateMeasure`: one measure in a municipality's register, with its lifecycle status,
  decision, effect on employees, funding and the agenda items where it was on the table.
- :class:`Involvement`: one event on the involvement ladder (0-4) with arena, unions, the
  employee side's position and who recorded it.
- :class:`ProcessAnswer`: the six process questions of seed 004, answered per measure.
- :class:`GreenRepresentative`: an employee-side climate contact named by a municipality.

Derived values (first involvement, highest level, timing, flag) are never stored: see
:mod:`measures.services`.
"""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models import AgendaItem, Proposal, Request
from meetings.versioning import VersionedModel
from municipalities.models import Municipality, Organisation, Person

from . import rules
from .querysets import (
    GreenRepresentativeQuerySet,
    InvolvementQuerySet,
    MeasureQuerySet,
    ProcessAnswerQuerySet,
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


class Involvement(models.Model):
    """One event in which the employee side was (or was not) involved in a measure."""

    class Arena(models.TextChoices):
        PSU = "psu", _("PSU / administration committee")
        AMU = "amu", _("Working environment committee (AMU/HAMU)")
        DROFTING = "drofting", _("Consultation meeting (drøftingsmøte)")
        WORKING_GROUP = "working_group", _("Working group")
        INFORMATION = "information_meeting", _("Information meeting")
        OTHER = "other", _("Other")

    class RaisedBy(models.TextChoices):
        EMPLOYER = "employer", _("Employer side (administration or politicians)")
        EMPLOYEE = "employee", _("Employee side")
        JOINT = "joint", _("Both sides together")

    class Position(models.TextChoices):
        SUPPORTS = "supports", _("Supports")
        OPPOSES = "opposes", _("Opposes")
        MIXED = "mixed", _("Mixed")
        NOT_STATED = "not_stated", _("Not stated")

    measure = models.ForeignKey(
        ClimateMeasure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="involvements"
    )
    date = models.DateField(_("date"))
    arena = models.CharField(_("arena"), max_length=20, choices=Arena.choices)
    arena_detail = models.CharField(
        _("arena details"), max_length=200, blank=True, help_text=_("For example the name of the working group.")
    )
    raised_by = models.CharField(
        _("raised by"), max_length=10, choices=RaisedBy.choices,
        help_text=_("Which side brought the matter to the table in this event."),
    )
    level = models.PositiveSmallIntegerField(_("level of involvement"), choices=Level.choices)
    unions = models.ManyToManyField(
        Organisation, verbose_name=_("unions"), blank=True, related_name="climate_involvements"
    )
    representatives = models.ManyToManyField(
        Person, verbose_name=_("representatives"), blank=True, related_name="climate_involvements"
    )
    position = models.CharField(
        _("the employee side's position"), max_length=12, choices=Position.choices, default=Position.NOT_STATED
    )
    position_text = models.CharField(_("position in brief"), max_length=500, blank=True)
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="climate_involvements",
        help_text=_("If it happened in a meeting."),
    )
    note = models.TextField(_("note"), blank=True)
    source_proposal = models.ForeignKey(
        Proposal, verbose_name=_("from proposal"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="climate_involvements", editable=False,
    )
    source_request = models.ForeignKey(
        Request, verbose_name=_("from request"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="climate_involvements", editable=False,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    recorded_by_side = models.CharField(
        _("recorded by side"), max_length=10, choices=Side.choices, default=Side.EMPLOYER, editable=False
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[unions, representatives])
    objects = InvolvementQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "date", "id"]
        verbose_name = _("involvement")
        verbose_name_plural = _("involvement")
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=0) & Q(level__lte=4),
                name="involvement_level_on_ladder",
                violation_error_message=_("The level is between 0 and 4."),
            ),
            models.CheckConstraint(
                condition=~Q(level=4) | Q(raised_by="employee"),
                name="involvement_initiative_from_employee_side",
                violation_error_message=_("Level 4 means the employee side initiated it: choose the employee side."),
            ),
            models.UniqueConstraint(
                fields=["measure", "source_proposal"],
                condition=Q(source_proposal__isnull=False),
                name="involvement_one_per_proposal",
            ),
            models.UniqueConstraint(
                fields=["measure", "source_request"],
                condition=Q(source_request__isnull=False),
                name="involvement_one_per_request",
            ),
        ]
        indexes = [models.Index(fields=["measure", "level", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.get_arena_display()}: {self.get_level_display()}"

    def clean(self):
        errors: dict[str, list] = {}

        def add(field, message):
            errors.setdefault(field, []).append(message)

        if self.level == Level.INITIATED and self.raised_by != self.RaisedBy.EMPLOYEE:
            add("raised_by", _("Level 4 means the employee side initiated it: choose the employee side."))
        measure = self.measure if self.measure_id else None
        if measure and self.date and measure.stopped_date and self.date > measure.stopped_date:
            add(
                "date",
                _("The measure was stopped on %(day)s; an event after that cannot be recorded.")
                % {"day": measure.stopped_date.strftime("%d.%m.%Y")},
            )
        if measure and self.agenda_item_id:
            meeting = self.agenda_item.meeting
            if meeting.body.municipality_id != measure.municipality_id:
                add("agenda_item", _("The agenda item belongs to another municipality."))
            elif self.date and self.date != meeting.date:
                add(
                    "date",
                    _("The agenda item was handled on %(day)s: use that date, or leave the item out.")
                    % {"day": meeting.date.strftime("%d.%m.%Y")},
                )
        if errors:
            raise ValidationError(errors)


class ProcessAnswer(models.Model):
    """One of the six process questions of seed 004 (Sammen om en bedre kommune), for one measure."""

    class Question(models.IntegerChoices):
        PURPOSE = 1, _("Purpose and need: what does the organisation need, and what is the measure for?")
        GOALS = 2, _("Goals and information: which goals are set, and how are purpose and goals communicated?")
        ANCHORING = 3, _("Anchoring: is the measure anchored politically, administratively and with union representatives and employees?")
        COOPERATION = 4, _("Cooperation and involvement: how are managers, union representatives and employees involved?")
        RESOURCES = 5, _("Resources: is there enough time, money and competence?")
        FOLLOW_UP = 6, _("Follow-up: how will the measure be followed up during and after?")

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    measure = models.ForeignKey(ClimateMeasure, on_delete=models.CASCADE, related_name="process_answers")
    question = models.PositiveSmallIntegerField(_("question"), choices=Question.choices)
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()
    objects = ProcessAnswerQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "question"]
        verbose_name = _("process answer")
        verbose_name_plural = _("process answers")
        constraints = [
            models.UniqueConstraint(fields=["measure", "question"], name="process_answer_one_per_question"),
            models.CheckConstraint(
                condition=Q(question__gte=1) & Q(question__lte=6), name="process_answer_known_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.get_answer_display()}"


class GreenRepresentative(models.Model):
    """An employee-side climate contact ("green representative", as with the British TUC)."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="green_representatives"
    )
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="green_roles")
    union = models.ForeignKey(
        Organisation,
        verbose_name=_("union"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="green_representatives",
    )
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)

    history = HistoricalRecords()
    objects = GreenRepresentativeQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-since", "person__name"]
        verbose_name = _("green representative")
        verbose_name_plural = _("green representatives")
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=F("since")),
                name="green_rep_until_after_since",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["municipality", "person", "since"],
                name="green_rep_unique_person_since",
                violation_error_message=_("This person is already named from that date."),
            ),
        ]

    def __str__(self) -> str:
        return self.person.name

    def clean(self):
        errors = {}
        if self.person_id and self.municipality_id and self.person.municipality_id != self.municipality_id:
            errors["person"] = _("The person belongs to another municipality.")
        if self.union_id and not self.union.is_employee_side:
            errors["union"] = _("Choose a union or union federation.")
        if self.since and self.until and self.until < self.since:
            errors["until"] = _("The end date cannot be before the start date.")
        if errors:
            raise ValidationError(errors)


class DismissedSuggestion(models.Model):
    """A suggested involvement event (see ``services.suggestions_for``) a person said does not apply."""

    measure = models.ForeignKey(ClimateMeasure, on_delete=models.CASCADE, related_name="dismissed_suggestions")
    key = models.CharField(_("suggestion"), max_length=40)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed suggestion")
        verbose_name_plural = _("dismissed suggestions")
        constraints = [
            models.UniqueConstraint(fields=["measure", "key"], name="dismissed_suggestion_once"),
        ]

    def __str__(self) -> str:
        return self.key
