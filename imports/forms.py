"""Forms for uploading meeting documents and reviewing what the importer found."""
from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from meetings.climate import evidence_phrases
from meetings.models import CASE_NUMBER_PATTERN, AgendaItem, Meeting
from municipalities.formsets import SharedRecords
from municipalities.models import Body, Membership, Organisation, Person

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


class ReviewForm(forms.Form):
    """One set of fields per meeting and item of a preview, named by their place in it."""

    def __init__(self, *args, preview: dict, municipality, meetings: list[int] | None = None,
                 items: tuple[int, int] | None = None, **kwargs):
        """``meetings`` and ``items`` (a range of item indexes) limit the form to one review page
        (see :mod:`imports.review`); the rest of the preview is kept as it is."""
        super().__init__(*args, **kwargs)
        self.preview = preview
        self.meetings = list(range(len(preview["meetings"]))) if meetings is None else meetings
        self.item_range = items
        # one query each for the body, member and organisation selects of every meeting on the page
        bodies = SharedRecords(Body.objects.filter(municipality=municipality).select_related("municipality"))
        people = SharedRecords(Person.objects.filter(municipality=municipality))
        organisations = SharedRecords(Organisation.objects.order_by("short_name"))
        for m in self.meetings:
            entry = preview["meetings"][m]
            data = entry["data"]
            self.fields[f"m{m}_include"] = forms.BooleanField(
                label=_("Save this meeting"), required=False, initial=entry.get("include", True)
            )
            self.fields[f"m{m}_publish"] = forms.BooleanField(
                label=_("Publish now"),
                required=False,
                initial=bool(entry.get("publish")),
                help_text=_("Off: the meeting is saved as a draft, visible only within the municipality."),
            )
            self.fields[f"m{m}_body"] = bodies.field(label=_("Body"), required=False, initial=entry.get("body_id"))
            missing_date = not data["date"]
            self.fields[f"m{m}_date"] = forms.DateField(
                label=_("Date (missing in the document: fill it in)") if missing_date else _("Date"),
                required=False,
                initial=data["date"],
                widget=forms.DateInput(attrs={"type": "date", **({"required": True} if missing_date else {})}),
            )
            self.fields[f"m{m}_place"] = forms.CharField(
                label=_("Place"), required=False, max_length=200, initial=data.get("place") or ""
            )
            self.fields[f"m{m}_state"] = forms.ChoiceField(
                choices=Meeting.State.choices, label=_("State"), initial=data.get("state")
            )
            for c, change in enumerate(entry.get("changes", [])):
                conflict = change["kind"] == "conflict"
                self.fields[f"m{m}_c{c}"] = forms.BooleanField(
                    required=False,
                    initial=change["id"] in entry.get("forced", []) if conflict else change["id"] not in entry.get("rejected", []),
                    label=_("Overwrite the hand correction") if conflict else _("Apply this change"),
                )
            for a, row in enumerate(data["attendance"]):
                if row.get("person_id") is None and row.get("side") != "other":
                    self._add_person_fields(f"m{m}_a{a}", row, people, organisations, data.get("date"))
            for i, item in self._items(data):
                self.fields[f"m{m}_i{i}_case_number"] = forms.CharField(
                    label=_("Case number"), required=False, max_length=9, initial=item.get("case_number") or ""
                )
                self.fields[f"m{m}_i{i}_title"] = forms.CharField(
                    label=_("Title"), max_length=500, initial=item["title"]
                )
                self.fields[f"m{m}_i{i}_override"] = forms.ChoiceField(
                    label=_("Climate relevance"),
                    required=False,
                    choices=[("", _("As classified"))] + list(AgendaItem.ClimateLevel.choices),
                    initial=item.get("climate_override") or "",
                )
                self.fields[f"m{m}_i{i}_reason"] = forms.CharField(
                    label=_("Reason for the override"), required=False, max_length=500,
                    initial=item.get("climate_override_reason") or "",
                )

    PERSON_FIELDS = ("person", "add", "side", "role", "organisation", "start", "end")

    def _add_person_fields(self, prefix: str, row: dict, people, organisations, day: str | None) -> None:
        """An unmatched name: match it to a person (remembered for this body's next import), or
        add it as a new member of the body."""
        name = row["name"]
        chosen = row.get("new_member") or {}  # kept from another page of a big document's review
        self.fields[f"{prefix}_person"] = people.field(
            required=False, label=_("Existing person for “%(name)s”") % {"name": name},
            help_text=_("Remembered for the next import of this body."),
        )
        self.fields[f"{prefix}_add"] = forms.BooleanField(
            required=False, label=_("Add “%(name)s” as a member of the body") % {"name": name}, initial=bool(chosen)
        )
        side = chosen.get("side") or (row.get("side") if row.get("side") in Membership.Side.values else Membership.Side.EMPLOYEE)
        self.fields[f"{prefix}_side"] = forms.ChoiceField(
            choices=Membership.Side.choices, label=_("Side"), initial=side, required=False
        )
        role = chosen.get("role") or (Membership.Role.VARAMEDLEM if row.get("substitute_for") else Membership.Role.MEDLEM)
        self.fields[f"{prefix}_role"] = forms.ChoiceField(
            choices=Membership.Role.choices, label=_("Role"), initial=role, required=False
        )
        named = (row.get("organisation") or "").casefold()
        organisation = chosen.get("organisation_id") or next(
            (o.pk for o in organisations.records().values() if named and o.short_name.casefold() == named), None
        )
        self.fields[f"{prefix}_organisation"] = organisations.field(
            required=False, label=_("On behalf of"), initial=organisation
        )
        self.fields[f"{prefix}_start"] = forms.DateField(
            label=_("Member from"), required=False, initial=chosen.get("start") or day,
            widget=forms.DateInput(attrs={"type": "date"}),
        )
        self.fields[f"{prefix}_end"] = forms.DateField(
            label=_("Member until (optional)"), required=False, initial=chosen.get("end"),
            widget=forms.DateInput(attrs={"type": "date"}),
        )

    def _clean_person(self, cleaned: dict, prefix: str) -> None:
        if f"{prefix}_person" not in self.fields or not cleaned.get(f"{prefix}_add"):
            return
        if cleaned.get(f"{prefix}_person"):
            self.add_error(f"{prefix}_add", _("Either choose an existing person or add a new member, not both."))
        for name in ("side", "role"):
            if not cleaned.get(f"{prefix}_{name}") and f"{prefix}_{name}" not in self.errors:
                self.add_error(f"{prefix}_{name}", _("Choose the new member's side and role."))
        start, end = cleaned.get(f"{prefix}_start"), cleaned.get(f"{prefix}_end")
        if not start and f"{prefix}_start" not in self.errors:
            self.add_error(f"{prefix}_start", _("Give the date the membership starts."))
        if start and end and end < start:
            self.add_error(f"{prefix}_end", _("The end date cannot be before the start date."))

    def _person_decision(self, cleaned: dict, prefix: str, row: dict) -> dict:
        """The row with the reviewer's decision: a person chosen (``matched``) or a new member."""
        if f"{prefix}_person" not in self.fields:
            return row
        row = {k: v for k, v in row.items() if k not in ("matched", "new_member")}
        person = cleaned.get(f"{prefix}_person")
        if person is not None:
            return {**row, "person_id": person.pk, "matched": True}
        if cleaned.get(f"{prefix}_add"):
            organisation = cleaned.get(f"{prefix}_organisation")
            end = cleaned.get(f"{prefix}_end")
            return {**row, "new_member": {
                "side": cleaned[f"{prefix}_side"], "role": cleaned[f"{prefix}_role"],
                "organisation_id": organisation.pk if organisation else None,
                "start": cleaned[f"{prefix}_start"].isoformat(), "end": end.isoformat() if end else None,
            }}
        return row

    def _items(self, data: dict):
        """(index, item) of the items this form shows."""
        items = list(enumerate(data["items"]))
        return items if self.item_range is None else items[self.item_range[0]:self.item_range[1]]

    def clean(self):
        cleaned = super().clean()
        for m in self.meetings:
            entry = self.preview["meetings"][m]
            if cleaned.get(f"m{m}_include") and not cleaned.get(f"m{m}_body"):
                self.add_error(f"m{m}_body", _("Choose the body this meeting belongs to."))
            if cleaned.get(f"m{m}_include") and not cleaned.get(f"m{m}_date") and f"m{m}_date" not in self.errors:
                self.add_error(
                    f"m{m}_date",
                    _("Fill in the meeting date: the document does not give it, and a meeting cannot be saved without one."),
                )
            for a in range(len(entry["data"]["attendance"])):
                self._clean_person(cleaned, f"m{m}_a{a}")
            for i, _item in self._items(entry["data"]):
                if cleaned.get(f"m{m}_i{i}_override") and not cleaned.get(f"m{m}_i{i}_reason", "").strip():
                    self.add_error(f"m{m}_i{i}_reason", _("Give a reason when you override the climate relevance."))
                number = cleaned.get(f"m{m}_i{i}_case_number", "")
                if number and not re.fullmatch(CASE_NUMBER_PATTERN, number):
                    self.add_error(f"m{m}_i{i}_case_number", _("Write the case number as NN/YYYY (for example 04/2023) or NNN/YY."))
        return cleaned

    def corrected_preview(self) -> dict:
        """The preview with the reviewer's corrections on this form's meetings and items applied."""
        cleaned = self.cleaned_data
        preview = {**self.preview, "meetings": list(self.preview["meetings"])}
        for m in self.meetings:
            entry = self.preview["meetings"][m]
            data = {**entry["data"]}
            body = cleaned.get(f"m{m}_body")
            day = cleaned.get(f"m{m}_date")
            data.update(date=day.isoformat() if day else data["date"], place=cleaned[f"m{m}_place"], state=cleaned[f"m{m}_state"])
            data["attendance"] = [
                self._person_decision(cleaned, f"m{m}_a{a}", row) for a, row in enumerate(entry["data"]["attendance"])
            ]
            data["items"] = list(entry["data"]["items"])
            for i, item in self._items(entry["data"]):
                data["items"][i] = {
                    **item,
                    "case_number": cleaned[f"m{m}_i{i}_case_number"] or None,
                    "title": cleaned[f"m{m}_i{i}_title"],
                    "climate_override": cleaned.get(f"m{m}_i{i}_override") or "",
                    "climate_override_reason": cleaned.get(f"m{m}_i{i}_reason", ""),
                }
            ticked = [bool(cleaned.get(f"m{m}_c{c}")) for c in range(len(entry.get("changes", [])))]
            changes = list(zip(entry.get("changes", []), ticked))
            preview["meetings"][m] = {
                **entry, "include": bool(cleaned.get(f"m{m}_include")), "publish": bool(cleaned.get(f"m{m}_publish")),
                "rejected": [ch["id"] for ch, on in changes if ch["kind"] != "conflict" and not on],
                "forced": [ch["id"] for ch, on in changes if ch["kind"] == "conflict" and on],
                "body_id": body.pk if body else None, "data": data,
            }
        return preview

    def rows(self):
        """Bound fields grouped the way the review page shows them."""
        for m in self.meetings:
            entry = self.preview["meetings"][m]
            data = entry["data"]
            yield {
                "entry": entry,
                "data": data,
                "fields": [self[f"m{m}_{name}"] for name in ("include", "publish", "body", "date", "place", "state")],
                "changes": [
                    {"change": change, "field": self[f"m{m}_c{c}"]} for c, change in enumerate(entry.get("changes", []))
                ],
                "attendance": [
                    {"row": row, "person": self[f"m{m}_a{a}_person"] if f"m{m}_a{a}_person" in self.fields else None,
                     "new_member": [self[f"m{m}_a{a}_{name}"] for name in self.PERSON_FIELDS[1:]]
                     if f"m{m}_a{a}_person" in self.fields else []}
                    for a, row in enumerate(data["attendance"])
                ],
                "items": [
                    {
                        "data": item,
                        "phrases": evidence_phrases(item["climate"]["evidence"]),
                        "case_number": self[f"m{m}_i{i}_case_number"],
                        "title": self[f"m{m}_i{i}_title"],
                        "override": self[f"m{m}_i{i}_override"],
                        "reason": self[f"m{m}_i{i}_reason"],
                    }
                    for i, item in self._items(data)
                ],
            }
