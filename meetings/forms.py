"""Data-entry forms for meetings: header, attendance, agenda items, proposals and requests."""
from __future__ import annotations

from django import forms
from django.db.models import F
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from municipalities.formsets import KeptRowFormMixin, SharedChoicesFormSet
from municipalities.models import Membership, Organisation, Person

from .models import AgendaItem, Attendance, Meeting, Proposal, Request
from .versioning import VersionedFormMixin


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "start_time", "end_time", "place", "state", "published", "notes"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.body = body

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting cannot end before it starts."))
        if end and not start:
            self.add_error("start_time", _("Give a start time when you give an end time."))
        day = cleaned.get("date")
        if day and "start_time" not in self.errors:
            # The body is not a form field, so ModelForm skips the unique constraints on it.
            clash = Meeting.objects.filter(body=self.instance.body, date=day, start_time=start)
            if start is None:
                clash = Meeting.objects.filter(body=self.instance.body, date=day, start_time__isnull=True)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "date",
                    _("This body already has a meeting at that date and time.")
                    if start
                    else _("This body already has a meeting on that date."),
                )
        return cleaned


class AttendanceForm(KeptRowFormMixin, forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["person", "name", "membership", "status", "substitute_for", "side", "role", "organisation"]

    def __init__(self, *args, meeting_body=None, querysets=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in (querysets or self.choice_querysets(meeting_body)).items():
            self.fields[name].queryset = queryset
            self.fields[name].required = False

    @staticmethod
    def choice_querysets(body) -> dict:
        """What each select of a row of ``body``'s meeting offers (built once per formset)."""
        memberships = Membership.objects.filter(body=body).select_related("person", "on_behalf_of")
        return {
            "person": Person.objects.filter(municipality=body.municipality_id),
            "membership": memberships,
            "substitute_for": memberships.exclude(role=Membership.Role.VARAMEDLEM),
            "organisation": Organisation.objects.all(),
        }

    def clean(self):
        cleaned = super().clean()
        membership = cleaned.get("membership")
        if membership:
            self._fill_from_seat(cleaned, membership)
        elif cleaned.get("substitute_for"):
            self._fill_from_substituted_seat(cleaned, cleaned["substitute_for"])
        self._check(cleaned, membership)
        return cleaned

    def _fill_from_seat(self, cleaned: dict, membership: Membership) -> None:
        """A row on a seat: the seat's person, side (unless given) and organisation (unless given)."""
        if not cleaned.get("person"):
            cleaned["person"] = membership.person
        elif cleaned["person"] != membership.person:
            self.add_error("membership", _("This seat belongs to another person."))
        if cleaned.get("side") == Attendance.Side.OTHER:
            cleaned["side"] = membership.side
        if not cleaned.get("organisation"):
            cleaned["organisation"] = membership.on_behalf_of

    @staticmethod
    def _fill_from_substituted_seat(cleaned: dict, seat: Membership) -> None:
        """A substitute picked in a blank row meets on the side, and for the organisation, of the
        member whose seat they fill."""
        if cleaned.get("side") in (None, "", Attendance.Side.OTHER):
            cleaned["side"] = seat.side
        if not cleaned.get("organisation"):
            cleaned["organisation"] = seat.on_behalf_of

    def _check(self, cleaned: dict, membership: Membership | None) -> None:
        if not cleaned.get("person") and not (cleaned.get("name") or "").strip():
            self.add_error("name", _("Choose a person or write a name."))
        if cleaned.get("substitute_for") and cleaned.get("status") != Attendance.Status.PRESENT:
            self.add_error("status", _("A substitute who meets must be marked present."))
        if membership and cleaned.get("substitute_for") == membership:
            self.add_error("substitute_for", _("A member cannot substitute for themselves."))


class BaseAttendanceFormSet(SharedChoicesFormSet):
    shared_choice_fields = ("person", "membership", "substitute_for", "organisation")

    def __init__(self, *args, body, **kwargs):
        self.body = body
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if "_querysets" not in self.__dict__:
            self._querysets = self.form.choice_querysets(self.body)
        kwargs["querysets"] = self._querysets
        return kwargs

    def clean(self):
        """The rules across rows, each on its own (a rule that marks a field drops it from the row's
        cleaned data, so the rules after it skip that value)."""
        super().clean()
        rows = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        self._no_person_twice(rows)
        self._one_substitute_per_seat(rows)
        self._substitutes_only_for_absent_members(rows)

    @staticmethod
    def _flag_repeats(rows, field: str, message) -> None:
        """Mark each row whose ``field`` names what an earlier row named, with ``message(value)``."""
        seen: set[int] = set()
        for form in rows:
            value = form.cleaned_data.get(field)
            if not value:
                continue
            if value.pk in seen:
                form.add_error(field, message(value))
            seen.add(value.pk)

    @classmethod
    def _no_person_twice(cls, rows) -> None:
        cls._flag_repeats(rows, "person", lambda person: _("%(name)s is listed twice.") % {"name": person.name})

    @classmethod
    def _one_substitute_per_seat(cls, rows) -> None:
        cls._flag_repeats(rows, "substitute_for", lambda seat: _("Only one substitute can meet for the same member."))

    @staticmethod
    def _substitutes_only_for_absent_members(rows) -> None:
        status_by_membership = {
            form.cleaned_data["membership"].pk: form.cleaned_data.get("status")
            for form in rows
            if form.cleaned_data.get("membership")
        }
        for form in rows:
            seat = form.cleaned_data.get("substitute_for")
            if seat and status_by_membership.get(seat.pk) != Attendance.Status.ABSENT:
                form.add_error(
                    "substitute_for",
                    _("%(name)s is not recorded as absent: a substitute can only meet for an absent member.")
                    % {"name": seat.person.name},
                )


AttendanceFormSet = inlineformset_factory(
    Meeting, Attendance, form=AttendanceForm, formset=BaseAttendanceFormSet, extra=2, can_delete=True
)


class AgendaItemRowForm(KeptRowFormMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["position", "case_number", "archive_id", "title", "item_type", "procedural"]
        widgets = {"position": forms.NumberInput(attrs={"min": 1, "class": "input-position"})}


class BaseAgendaItemFormSet(SharedChoicesFormSet):
    def clean(self):
        super().clean()
        positions, numbers = set(), set()
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            if data.get("position") in positions:
                form.add_error("position", _("Two items cannot have the same position."))
            positions.add(data.get("position"))
            number = data.get("case_number")
            if number and number in numbers:
                form.add_error("case_number", _("This case number is already used in the meeting."))
            numbers.add(number)

    def save_existing_objects(self, commit=True):
        if commit:
            # The database checks unique positions and case numbers row by row, so swapping two
            # items (or moving one into the place of a deleted one) would fail half-way: park the
            # rows that move or go out of the way first. Their save below writes the final values.
            parked = [
                form.instance.pk
                for form in self.initial_forms
                if form.instance.pk
                and (self._should_delete_form(form) or {"position", "case_number"} & set(form.changed_data))
            ]
            if parked:
                AgendaItem.objects.filter(pk__in=parked).update(position=F("position") + 30000, case_number="")
        return super().save_existing_objects(commit)


AgendaItemFormSet = inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemRowForm, formset=BaseAgendaItemFormSet, extra=3, can_delete=True
)


class AgendaItemForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "position", "case_number", "archive_id", "title", "item_type", "procedural",
            "administration_proposal", "text", "handling", "decision",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("administration_proposal", "text", "handling", "decision")
        }

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("case_number")
        if number and (
            AgendaItem.objects.filter(
                meeting=self.instance.meeting,
                case_number=number,
                item_type=cleaned.get("item_type") or self.instance.item_type,
            )
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("case_number", _("This case number is already used in the meeting."))
        position = cleaned.get("position")
        if position is not None and (
            AgendaItem.objects.filter(meeting=self.instance.meeting, position=position)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("position", _("Two items cannot have the same position."))
        return cleaned


class ProposalForm(KeptRowFormMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = [
            "position", "kind", "by_administration", "proposers", "text", "outcome",
            "votes_for", "votes_against", "votes_abstaining",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "proposers": forms.SelectMultiple(attrs={"size": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposers"].queryset = Organisation.objects.exclude(kind=Organisation.Kind.EMPLOYER)
        for name in ("votes_for", "votes_against", "votes_abstaining"):
            self.fields[name].widget.attrs["min"] = 0

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("by_administration") and not cleaned.get("proposers"):
            if cleaned.get("kind") == Proposal.Kind.ADMINISTRATION:
                cleaned["by_administration"] = True
            else:
                self.add_error("proposers", _("Choose who proposed it, or tick the administration."))
        return cleaned


class BaseProposalFormSet(SharedChoicesFormSet):
    shared_choice_fields = ("proposers",)


ProposalFormSet = inlineformset_factory(
    AgendaItem, Proposal, form=ProposalForm, formset=BaseProposalFormSet, extra=1, can_delete=True
)


class RequestForm(KeptRowFormMixin, forms.ModelForm):
    class Meta:
        model = Request
        fields = ["person", "by_name", "organisation", "text", "asks_for_agenda_item", "resulting_item"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = item.meeting
        municipality = meeting.body.municipality
        self.fields["person"].queryset = Person.objects.filter(municipality=municipality)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            kind__in=Organisation.EMPLOYEE_SIDE_KINDS
        )
        self.fields["resulting_item"].queryset = (
            AgendaItem.objects.filter(meeting__body__municipality=municipality, meeting__date__gte=meeting.date)
            .exclude(meeting=meeting)
            .select_related("meeting")
            .order_by("meeting__date", "position")
        )
        self.fields["resulting_item"].label_from_instance = lambda obj: f"{obj.meeting.date:%d.%m.%Y} {obj}"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("person") and not (cleaned.get("by_name") or "").strip():
            self.add_error("by_name", _("Say who asked: choose a person or write a name."))
        return cleaned


class BaseRequestFormSet(SharedChoicesFormSet):
    shared_choice_fields = ("person", "organisation", "resulting_item")

    def __init__(self, *args, item, **kwargs):
        self.item = item
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["item"] = self.item
        return kwargs


    def save_new(self, form, commit=True):
        form.instance.meeting = self.item.meeting
        return super().save_new(form, commit=commit)


RequestFormSet = inlineformset_factory(
    AgendaItem,
    Request,
    form=RequestForm,
    formset=BaseRequestFormSet,
    fk_name="raised_under",
    extra=1,
    can_delete=True,
)


class ClimateOverrideForm(forms.ModelForm):
    """A person's judgement of an item's climate relevance, with the reason for it."""

    class Meta:
        model = AgendaItem
        fields = ["climate_override", "climate_override_reason"]
        widgets = {"climate_override_reason": forms.Textarea(attrs={"rows": 2})}
        labels = {"climate_override": _("Set the climate relevance")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["climate_override"].choices = [("", _("Use the automatic level"))] + list(
            AgendaItem.ClimateLevel.choices
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("climate_override") and not (cleaned.get("climate_override_reason") or "").strip():
            self.add_error("climate_override_reason", _("Give a reason when you override the climate relevance."))
        if not cleaned.get("climate_override"):
            cleaned["climate_override_reason"] = ""
        return cleaned
