"""A meeting and who was there."""
from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from municipalities.models import Body, Membership, Organisation, Person

from ..querysets import MeetingChildQuerySet, MeetingQuerySet
from ..versioning import VersionedModel


class Meeting(VersionedModel):
    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PLANNED)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are visible only within the municipality.")
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_imported_at = models.DateTimeField(_("last imported"), null=True, blank=True)
    import_snapshot = models.JSONField(
        default=dict, blank=True, editable=False,
        help_text="Field values as the importer last wrote them: a differing current value was corrected by a person.",
    )

    history = HistoricalRecords(excluded_fields=["import_snapshot", "updated_at", "version"])
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "date", "start_time"],
                name="meeting_unique_body_date_start",
                violation_error_message=_("This body already has a meeting at that date and time."),
            ),
            models.UniqueConstraint(
                fields=["body", "date"],
                condition=Q(start_time__isnull=True),
                name="meeting_unique_body_date_without_time",
                violation_error_message=_("This body already has a meeting on that date."),
            ),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True) | Q(end_time__isnull=True) | Q(end_time__gt=F("start_time")),
                name="meeting_end_after_start",
                violation_error_message=_("The meeting cannot end before it starts."),
            ),
        ]
        indexes = [models.Index(fields=["body", "date"])]

    def __str__(self) -> str:
        return f"{self.body.name} {self.date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", args=[self.pk])

    @property
    def municipality_id(self) -> str:
        return self.body.municipality_id


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent (forfall)")
        NOT_RECORDED = "not_recorded", _("Not recorded")

    class Side(models.TextChoices):
        POLITICAL = "political", _("Political")
        EMPLOYER = "employer", _("Employer")
        EMPLOYEE = "employee", _("Employee")
        OTHER = "other", _("Other (administration, guests)")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, null=True, blank=True, related_name="attendances"
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("For others present who are not registered as people.")
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("seat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendances",
    )
    status = models.CharField(_("attendance"), max_length=20, choices=Status.choices, default=Status.NOT_RECORDED)
    substitute_for = models.ForeignKey(
        Membership,
        verbose_name=_("substitute for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="substituted_by",
    )
    substitute_for_name = models.CharField(
        _("substitute for (name)"),
        max_length=200,
        blank=True,
        help_text=_(
            "The absent member a substitute met for, as the imported protocol names them, when that member "
            "has no registered seat."
        ),
    )
    side = models.CharField(_("side"), max_length=20, choices=Side.choices, default=Side.OTHER)
    role = models.CharField(_("role or position"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.SET_NULL, null=True, blank=True
    )

    history = HistoricalRecords()
    objects = MeetingChildQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "side", "id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(person__isnull=False),
                name="attendance_one_row_per_person",
                violation_error_message=_("A person can only be listed once per meeting."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "substitute_for"],
                condition=Q(substitute_for__isnull=False),
                name="attendance_one_substitute_per_seat",
                violation_error_message=_("Only one substitute can meet for the same member."),
            ),
            models.CheckConstraint(
                condition=(Q(substitute_for__isnull=True) & Q(substitute_for_name="")) | Q(status="present"),
                name="attendance_substitute_is_present",
                violation_error_message=_("A substitute must be present."),
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(name=""),
                name="attendance_has_person_or_name",
                violation_error_message=_("Choose a person or write a name."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @staticmethod
    def display_order():
        """Politicians first, then the employee side, the employer side and others present."""
        order = {"political": 0, "employee": 1, "employer": 2, "other": 3}
        return [models.Case(*[models.When(side=k, then=v) for k, v in order.items()], default=9), "id"]

    @property
    def display_name(self) -> str:
        return self.person.name if self.person_id else self.name
