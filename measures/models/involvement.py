"""How the employee side was involved in a measure.

- :class:`Involvement`: one event on the involvement ladder (0-4) with arena, unions, the
  employee side's position and who recorded it.
- :class:`ProcessAnswer`: the six process questions of seed 004, answered per measure.
- :class:`GreenRepresentative`: an employee-side climate contact named by a municipality.
- :class:`DismissedSuggestion`: a suggested involvement event a person said does not apply.
"""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models import AgendaItem, Proposal, Request
from municipalities.models import PERIOD_END_BEFORE_START, Municipality, Organisation, Person, period_constraint

from ..querysets import (
    GreenRepresentativeQuerySet,
    InvolvementQuerySet,
    ProcessAnswerQuerySet,
)
from .measure import ClimateMeasure, Level, Side

#: Level 4 (the employee side initiated the measure) is recorded only as raised by the employee side:
#: the database rule's message, also given on the ``raised_by`` field by ``Involvement.clean``.
INITIATIVE_FROM_EMPLOYEE_SIDE = _("Level 4 means the employee side initiated it: choose the employee side.")


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
                violation_error_message=INITIATIVE_FROM_EMPLOYEE_SIDE,
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
            add("raised_by", INITIATIVE_FROM_EMPLOYEE_SIDE)
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
            period_constraint("since", "until", "green_rep_until_after_since"),
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
            errors["until"] = PERIOD_END_BEFORE_START
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
