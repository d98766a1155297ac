"""Forms for uploading meeting documents and reviewing what the importer found."""
from __future__ import annotations

from dataclasses import replace

from django import forms
from django.conf import settings
from django.forms.formsets import (
    INITIAL_FORM_COUNT,
    MAX_NUM_FORM_COUNT,
    MIN_NUM_FORM_COUNT,
    TOTAL_FORM_COUNT,
    ManagementForm,
)
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from meetings.climate import evidence_phrases
from meetings.models import AgendaItem, Meeting, case_number_validator
from municipalities.formsets import SharedRecords
from municipalities.models import PERIOD_END_BEFORE_START, Body, Membership, Organisation, Person

from .preview import AttendancePreview, ChangePreview, ItemPreview, MeetingPreview, NewMember, Preview

MAX_FILES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not files:
            raise forms.ValidationError(_("Choose at least one file."), code="required")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Upload at most %(n)d files at a time.") % {"n": MAX_FILES})
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Meeting documents"),
        help_text=_("PDF (scanned protocols are read by text recognition, OCR) or plain text (.txt), at most 20 MB each."),
        widget=MultipleFileInput(attrs={"accept": ".pdf,.txt,application/pdf,text/plain"}),
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        for upload in files:
            if upload.size == 0:
                raise forms.ValidationError(_("%(name)s is empty.") % {"name": upload.name})
            if upload.size > settings.IMPORT_MAX_BYTES:
                raise forms.ValidationError(_("%(name)s is larger than 20 MB.") % {"name": upload.name})
        return files


# --- the review: formsets built from the typed preview ----------------------------------------


class _Named:
    """Field names ``{prefix}_{name}`` (``m0_include``, ``m0_i3_title``), as the review posts them."""

    def add_prefix(self, field_name):
        return f"{self.prefix}_{field_name}" if self.prefix else field_name


class FixedFormSet(forms.BaseFormSet):
    """One form per row of the preview, named by the row's place in it (``indexes``).

    The page neither adds nor removes rows, so the count comes from the stored preview and no
    management form is posted (a posted count could not change what is reviewed)."""

    def __init__(self, data=None, *, rows: list, indexes: list[int], prefix: str, **kwargs):
        self.rows, self.indexes = list(rows), list(indexes)
        super().__init__(data, prefix=prefix, **kwargs)

    def add_prefix(self, index):
        return f"{self.prefix}{self.indexes[index]}"

    def total_form_count(self) -> int:
        return len(self.rows)

    initial_form_count = total_form_count

    @cached_property
    def management_form(self):
        count = len(self.rows)
        names = {TOTAL_FORM_COUNT: count, INITIAL_FORM_COUNT: count, MIN_NUM_FORM_COUNT: 0, MAX_NUM_FORM_COUNT: count}
        form = ManagementForm({f"{self.prefix}-{key}": value for key, value in names.items()}, prefix=self.prefix)
        form.full_clean()
        return form

    def get_form_kwargs(self, index):
        # the review has always rendered the required attribute (formsets turn it off by default)
        return {**self.form_kwargs, "row": self.rows[index], "use_required_attribute": True}


def _formset(form, data, rows: list, indexes: list[int], prefix: str, **form_kwargs) -> FixedFormSet:
    formset = forms.formset_factory(form, formset=FixedFormSet, extra=0, max_num=len(rows), absolute_max=len(rows) + 1)
    return formset(data, rows=rows, indexes=indexes, prefix=prefix, form_kwargs=form_kwargs)


class _Shared:
    """The selects every meeting of the review shares: one query each for any number of rows."""

    def __init__(self, municipality):
        self.bodies = SharedRecords(Body.objects.filter(municipality=municipality).select_related("municipality"))
        self.people = SharedRecords(Person.objects.filter(municipality=municipality))
        self.organisations = SharedRecords(Organisation.objects.order_by("short_name"))


class ChangeForm(forms.Form):
    """Apply a change to a saved meeting (ticked), or overwrite a hand correction (unticked)."""

    def __init__(self, data=None, *, row: ChangePreview, entry: MeetingPreview, **kwargs):
        super().__init__(data, **kwargs)
        self.change = row
        self.fields["apply"] = forms.BooleanField(
            required=False,
            initial=row.id in entry.forced if row.conflict else row.id not in entry.rejected,
            label=_("Overwrite the hand correction") if row.conflict else _("Apply this change"),
        )

    def add_prefix(self, field_name):
        return self.prefix  # one checkbox: ``m0_c1``


class PersonForm(_Named, forms.Form):
    """An unmatched name: match it to a person (remembered for this body's next import), or add
    it as a new member of the body."""

    NEW_MEMBER_FIELDS = ("add", "side", "role", "organisation", "start", "end")

    def __init__(self, data=None, *, row: AttendancePreview, shared: _Shared, day: str | None, **kwargs):
        super().__init__(data, **kwargs)
        self.row, name = row, row.name
        chosen = row.new_member  # kept from another page of a big document's review
        self.fields["person"] = shared.people.field(
            required=False, label=_("Existing person for “%(name)s”") % {"name": name},
            help_text=_("Remembered for the next import of this body."),
        )
        self.fields["add"] = forms.BooleanField(
            required=False, label=_("Add “%(name)s” as a member of the body") % {"name": name}, initial=bool(chosen)
        )
        self.fields["side"] = forms.ChoiceField(
            choices=Membership.Side.choices, label=_("Side"), required=False,
            initial=chosen.side if chosen else _default_side(row),
        )
        self.fields["role"] = forms.ChoiceField(
            choices=Membership.Role.choices, label=_("Role"), required=False,
            initial=chosen.role if chosen else _default_role(row),
        )
        self.fields["organisation"] = shared.organisations.field(
            required=False, label=_("On behalf of"),
            initial=chosen.organisation_id if chosen else _named_organisation(row, shared.organisations),
        )
        self.fields["start"] = forms.DateField(
            label=_("Member from"), required=False, initial=chosen.start if chosen else day,
            widget=forms.DateInput(attrs={"type": "date"}),
        )
        self.fields["end"] = forms.DateField(
            label=_("Member until (optional)"), required=False, initial=chosen.end if chosen else None,
            widget=forms.DateInput(attrs={"type": "date"}),
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("add"):
            return cleaned
        if cleaned.get("person"):
            self.add_error("add", _("Either choose an existing person or add a new member, not both."))
        for name in ("side", "role"):
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, _("Choose the new member's side and role."))
        start, end = cleaned.get("start"), cleaned.get("end")
        if not start and "start" not in self.errors:
            self.add_error("start", _("Give the date the membership starts."))
        if start and end and end < start:
            self.add_error("end", PERIOD_END_BEFORE_START)
        return cleaned

    def decision(self) -> AttendancePreview:
        """The row with the reviewer's decision: a person chosen (``matched``) or a new member."""
        cleaned = self.cleaned_data
        row = replace(self.row, matched=False, new_member=None)
        if cleaned.get("person") is not None:
            return replace(row, person_id=cleaned["person"].pk, matched=True)
        if not cleaned.get("add"):
            return row
        organisation, end = cleaned.get("organisation"), cleaned.get("end")
        return replace(row, new_member=NewMember(
            side=cleaned["side"], role=cleaned["role"], organisation_id=organisation.pk if organisation else None,
            start=cleaned["start"].isoformat(), end=end.isoformat() if end else None,
        ))


def _default_side(row: AttendancePreview) -> str:
    return row.side if row.side in Membership.Side.values else Membership.Side.EMPLOYEE


def _default_role(row: AttendancePreview) -> str:
    return Membership.Role.VARAMEDLEM if row.substitute_for else Membership.Role.MEDLEM


def _named_organisation(row: AttendancePreview, organisations: SharedRecords) -> int | None:
    named = (row.organisation or "").casefold()
    return next((o.pk for o in organisations.records().values() if named and o.short_name.casefold() == named), None)


class ItemForm(_Named, forms.Form):
    def __init__(self, data=None, *, row: ItemPreview, **kwargs):
        super().__init__(data, **kwargs)
        self.item = row
        self.fields["case_number"] = forms.CharField(
            label=_("Case number"), required=False, max_length=9, initial=row.case_number or "",
            validators=[case_number_validator],
        )
        self.fields["title"] = forms.CharField(label=_("Title"), max_length=500, initial=row.title)
        self.fields["override"] = forms.ChoiceField(
            label=_("Climate relevance"), required=False,
            choices=[("", _("As classified"))] + list(AgendaItem.ClimateLevel.choices), initial=row.climate_override,
        )
        self.fields["reason"] = forms.CharField(
            label=_("Reason for the override"), required=False, max_length=500, initial=row.climate_override_reason,
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("override") and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give a reason when you override the climate relevance."))
        return cleaned

    def corrected(self) -> ItemPreview:
        cleaned = self.cleaned_data
        return replace(
            self.item, case_number=cleaned["case_number"] or None, title=cleaned["title"],
            climate_override=cleaned.get("override") or "", climate_override_reason=cleaned.get("reason", ""),
        )


class MeetingForm(_Named, forms.Form):
    """One meeting of the preview, with formsets of its changes, unmatched names and items."""

    FIELDS = ("include", "publish", "body", "date", "place", "state")

    def __init__(self, data=None, *, row: MeetingPreview, shared: _Shared, item_range=None, **kwargs):
        super().__init__(data, **kwargs)
        self.entry, meeting = row, row.data
        self.fields["include"] = forms.BooleanField(label=_("Save this meeting"), required=False, initial=row.include)
        self.fields["publish"] = forms.BooleanField(
            label=_("Publish now"), required=False, initial=row.publish,
            help_text=_("Off: the meeting is saved as a draft, visible only within the municipality."),
        )
        self.fields["body"] = shared.bodies.field(label=_("Body"), required=False, initial=row.body_id)
        missing_date = not meeting.date
        self.fields["date"] = forms.DateField(
            label=_("Date (missing in the document: fill it in)") if missing_date else _("Date"),
            required=False, initial=meeting.date,
            widget=forms.DateInput(attrs={"type": "date", **({"required": True} if missing_date else {})}),
        )
        self.fields["place"] = forms.CharField(label=_("Place"), required=False, max_length=200, initial=meeting.place or "")
        self.fields["state"] = forms.ChoiceField(choices=Meeting.State.choices, label=_("State"), initial=meeting.state)
        self.changes = _formset(
            ChangeForm, data, row.changes, list(range(len(row.changes))), f"{self.prefix}_c", entry=row
        )
        unmatched = [(a, person) for a, person in enumerate(meeting.attendance) if person.unmatched]
        self.people = _formset(
            PersonForm, data, [person for _a, person in unmatched], [a for a, _person in unmatched], f"{self.prefix}_a",
            shared=shared, day=meeting.date,
        )
        items = list(enumerate(meeting.items))
        if item_range is not None:
            items = items[item_range[0]:item_range[1]]
        self.items = _formset(ItemForm, data, [item for _i, item in items], [i for i, _item in items], f"{self.prefix}_i")

    @property
    def formsets(self) -> tuple[FixedFormSet, ...]:
        return (self.changes, self.people, self.items)

    def is_valid(self) -> bool:
        return all([super().is_valid(), *(formset.is_valid() for formset in self.formsets)])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("include") and not cleaned.get("body"):
            self.add_error("body", _("Choose the body this meeting belongs to."))
        if cleaned.get("include") and not cleaned.get("date") and "date" not in self.errors:
            self.add_error(
                "date", _("Fill in the meeting date: the document does not give it, and a meeting cannot be saved without one.")
            )
        return cleaned

    def corrected(self) -> MeetingPreview:
        """The meeting with the reviewer's corrections applied."""
        cleaned, entry = self.cleaned_data, self.entry
        attendance, items = list(entry.data.attendance), list(entry.data.items)
        for a, form in zip(self.people.indexes, self.people.forms):
            attendance[a] = form.decision()
        for i, form in zip(self.items.indexes, self.items.forms):
            items[i] = form.corrected()
        day, body = cleaned.get("date"), cleaned.get("body")
        data = replace(
            entry.data, date=day.isoformat() if day else entry.data.date, place=cleaned["place"], state=cleaned["state"],
            attendance=attendance, items=items,
        )
        ticked = [(form.change, bool(form.cleaned_data.get("apply"))) for form in self.changes.forms]
        return replace(
            entry, include=bool(cleaned.get("include")), publish=bool(cleaned.get("publish")),
            rejected=[change.id for change, on in ticked if not change.conflict and not on],
            forced=[change.id for change, on in ticked if change.conflict and on],
            body_id=body.pk if body else None, data=data,
        )

    def row(self) -> dict:
        """Bound fields grouped the way the review page shows them."""
        people = dict(zip(self.people.indexes, self.people.forms))
        return {
            "entry": self.entry,
            "data": self.entry.data,
            "fields": [self[name] for name in self.FIELDS],
            "changes": [{"change": form.change, "field": form["apply"]} for form in self.changes.forms],
            "attendance": [
                {"row": person, "person": people[a]["person"] if a in people else None,
                 "new_member": [people[a][name] for name in PersonForm.NEW_MEMBER_FIELDS] if a in people else []}
                for a, person in enumerate(self.entry.data.attendance)
            ],
            "items": [
                {"data": form.item, "phrases": evidence_phrases([e.to_json() for e in form.item.climate.evidence]),
                 "case_number": form["case_number"], "title": form["title"], "override": form["override"],
                 "reason": form["reason"]}
                for form in self.items.forms
            ],
        }


class ReviewForm:
    """The review of an import's typed preview: a formset of its meetings, each with formsets of
    its changes, unmatched names and items; fields named by their place in the preview.

    ``meetings`` and ``items`` (a range of item indexes) limit it to one review page (see
    :mod:`imports.review`); the rest of the preview is kept as it is."""

    def __init__(self, data=None, *, preview: Preview, municipality, meetings: list[int] | None = None,
                 items: tuple[int, int] | None = None):
        self.preview = preview
        indexes = list(range(len(preview.meetings))) if meetings is None else list(meetings)
        self.meetings = _formset(
            MeetingForm, data, [preview.meetings[m] for m in indexes], indexes, "m",
            shared=_Shared(municipality), item_range=items,
        )

    def _forms(self):
        for meeting in self.meetings.forms:
            yield meeting
            for formset in meeting.formsets:
                yield from formset.forms

    def __iter__(self):
        """Every bound field of the review."""
        for form in self._forms():
            yield from form

    def is_valid(self) -> bool:
        return self.meetings.is_valid()

    @property
    def errors(self) -> dict:
        """The errors of every field, by the field's name on the page."""
        return {form.add_prefix(name): errors for form in self._forms() for name, errors in form.errors.items()}

    def corrected_preview(self) -> Preview:
        """The preview with the reviewer's corrections on this form's meetings and items applied."""
        meetings = list(self.preview.meetings)
        for m, form in zip(self.meetings.indexes, self.meetings.forms):
            meetings[m] = form.corrected()
        return replace(self.preview, meetings=meetings)

    def rows(self):
        for form in self.meetings.forms:
            yield form.row()
