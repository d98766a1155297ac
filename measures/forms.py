"""Forms for measures, involvement events, process questions and green representatives.

Cross-field rules live in the models' ``clean()`` (so the admin and the forms say the same);
the forms add what needs the municipality: choices limited to it, unique titles, and
convenience such as taking a date from the chosen agenda item.
"""
from __future__ import annotations

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from meetings.models import AgendaItem
from meetings.versioning import VersionedFormMixin
from municipalities.forms import PersonOrNewPersonMixin
from municipalities.models import Municipality, Organisation, Person

from .models import ClimateMeasure, GreenRepresentative, Involvement, Level, ProcessAnswer, Topic

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EMPLOYEE_ORG_KINDS = Organisation.EMPLOYEE_SIDE_KINDS


def _item_label(item: AgendaItem) -> str:
    return f"{item.meeting.date:%d.%m.%Y} {item}"


def municipality_items(municipality: Municipality):
    return (
        AgendaItem.objects.in_municipality(municipality)
        .select_related("meeting")
        .order_by("-meeting__date", "position")
    )


def _unique_title(form, municipality, title: str) -> str:
    title = " ".join(title.split())
    clash = ClimateMeasure.objects.filter(municipality=municipality, title__iexact=title)
    if clash.exclude(pk=form.instance.pk).exists():
        raise forms.ValidationError(_("The municipality already has a measure with this title."))
    return title


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return obj.get_code_display()


class ClimateMeasureForm(VersionedFormMixin, forms.ModelForm):
    employee_effects = forms.MultipleChoiceField(
        label=_("How it affects employees"),
        choices=ClimateMeasure.EmployeeEffect.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    topics = TopicChoiceField(
        label=_("Topics"), queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = ClimateMeasure
        fields = [
            "title", "description", "topics", "status", "proposed_date", "decision_date", "decided_by",
            "decision_item", "stopped_date", "responsible_unit", "affects_employees", "employee_effects",
            "funding", "funding_amount", "funding_note", "expected_emission_effect", "emission_effect_source",
            "agenda_items",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "proposed_date": DATE_WIDGET,
            "decision_date": DATE_WIDGET,
            "stopped_date": DATE_WIDGET,
            "agenda_items": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
        self.municipality = municipality
        items = municipality_items(municipality)
        for name in ("decision_item", "agenda_items"):
            self.fields[name].queryset = items
            self.fields[name].label_from_instance = _item_label
        self.fields["decision_item"].help_text = _(
            "If the decision was taken in a meeting. The decision date is taken from it when left empty."
        )
        self.fields["funding_amount"].widget.attrs["min"] = 0

    def clean_title(self):
        return _unique_title(self, self.municipality, self.cleaned_data["title"])

    def clean(self):
        cleaned = super().clean()
        item = cleaned.get("decision_item")
        status = cleaned.get("status")
        if item and not cleaned.get("decision_date") and status not in ClimateMeasure.UNDECIDED_STATUSES:
            cleaned["decision_date"] = item.meeting.date
        if item and "agenda_items" in cleaned and item not in cleaned["agenda_items"]:
            cleaned["agenda_items"] = [*cleaned["agenda_items"], item]
        return cleaned


class MeasureFromItemForm(forms.ModelForm):
    """Create a measure from a climate-related agenda item in one step."""

    topics = TopicChoiceField(
        label=_("Topics"), queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = ClimateMeasure
        fields = ["title", "topics", "status"]

    def __init__(self, *args, item: AgendaItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.municipality = item.meeting.body.municipality
        self.instance.municipality = self.municipality
        self.fields["title"].initial = item.title[:300]
        self.fields["status"].initial = ClimateMeasure.Status.PROPOSED
        self.fields["status"].help_text = _(
            "The meeting date becomes the proposal date, or the decision date for a decided measure."
        )

    def clean_title(self):
        return _unique_title(self, self.municipality, self.cleaned_data["title"])

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        meeting = self.item.meeting
        measure = self.instance
        measure.proposed_date = measure.decision_date = measure.stopped_date = None
        measure.decision_item, measure.decided_by = None, ""
        if status in ClimateMeasure.UNDECIDED_STATUSES:
            measure.proposed_date = meeting.date
        elif status == ClimateMeasure.Status.STOPPED:
            measure.proposed_date = measure.stopped_date = meeting.date
        elif status:
            measure.decision_date = meeting.date
            measure.decision_item = self.item
            measure.decided_by = meeting.body.name
        return cleaned

    def save(self, commit=True):
        measure = super().save(commit=commit)
        if commit:
            measure.agenda_items.add(self.item)
        return measure


class LinkItemForm(forms.Form):
    measure = forms.ModelChoiceField(label=_("Measure"), queryset=ClimateMeasure.objects.none())

    def __init__(self, *args, item: AgendaItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = (
            ClimateMeasure.objects.in_municipality(item.meeting.body.municipality)
            .exclude(agenda_items=item)
            .order_by("title")
        )


LEVEL_HELP = _(
    "0 not involved · 1 informed (orientering) · 2 consulted: heard before the decision (drøfting) · "
    "3 co-developed: shaped the measure · 4 initiated by the employee side."
)


class InvolvementForm(forms.ModelForm):
    class Meta:
        model = Involvement
        fields = [
            "date", "arena", "arena_detail", "agenda_item", "raised_by", "level", "unions", "representatives",
            "position", "position_text", "note",
        ]
        widgets = {
            "date": DATE_WIDGET,
            "level": forms.RadioSelect,
            "position": forms.RadioSelect,
            "unions": forms.CheckboxSelectMultiple,
            "representatives": forms.SelectMultiple(attrs={"size": 5}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, measure: ClimateMeasure, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.measure = measure
        municipality = measure.municipality
        self.fields["level"].help_text = LEVEL_HELP
        self.fields["level"].choices = Level.choices
        self.fields["unions"].queryset = Organisation.objects.filter(kind__in=EMPLOYEE_ORG_KINDS).order_by(
            "short_name"
        )
        self.fields["representatives"].queryset = Person.objects.filter(municipality=municipality)
        self.fields["agenda_item"].queryset = municipality_items(municipality)
        self.fields["agenda_item"].label_from_instance = _item_label
        self.fields["date"].required = False
        self.fields["date"].help_text = _("Left empty, the date of the agenda item's meeting is used.")

    def clean(self):
        cleaned = super().clean()
        item = cleaned.get("agenda_item")
        if not cleaned.get("date") and "date" not in self.errors:
            if item:
                cleaned["date"] = self.instance.date = item.meeting.date
            else:
                self.add_error("date", _("Give the date, or choose the agenda item it happened under."))
        return cleaned


class ProcessAnswersForm(forms.Form):
    """The six process questions of seed 004: an answer (yes/partly/no) and a note each."""

    def __init__(self, *args, measure: ClimateMeasure, **kwargs):
        super().__init__(*args, **kwargs)
        existing = {a.question: a for a in measure.process_answers.all()}
        for value in ProcessAnswer.Question.values:
            answer = existing.get(value)
            self.fields[f"q{value}_answer"] = forms.ChoiceField(
                label=_("Answer"),
                choices=[("", _("Not answered")), *ProcessAnswer.Answer.choices],
                widget=forms.RadioSelect,
                required=False,
                initial=answer.answer if answer else "",
            )
            self.fields[f"q{value}_note"] = forms.CharField(
                label=_("Note"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=answer.note if answer else "",
            )

    def questions(self):
        """(number, question, answer field, note field) per question, for the template."""
        return [
            (value, label, self[f"q{value}_answer"], self[f"q{value}_note"])
            for value, label in ProcessAnswer.Question.choices
        ]

    def clean(self):
        cleaned = super().clean()
        for value in ProcessAnswer.Question.values:
            if (cleaned.get(f"q{value}_note") or "").strip() and not cleaned.get(f"q{value}_answer"):
                self.add_error(f"q{value}_answer", _("Choose an answer, or remove the note."))
        return cleaned

    def answers(self) -> dict[int, tuple[str, str]]:
        return {
            value: (self.cleaned_data[f"q{value}_answer"], self.cleaned_data[f"q{value}_note"].strip())
            for value in ProcessAnswer.Question.values
        }


class GreenRepresentativeForm(PersonOrNewPersonMixin, forms.ModelForm):
    class Meta:
        model = GreenRepresentative
        fields = ["person", "new_person", "union", "since", "until"]
        widgets = {"since": DATE_WIDGET, "until": DATE_WIDGET}

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_people(municipality)
        self.fields["union"].queryset = Organisation.objects.filter(kind__in=EMPLOYEE_ORG_KINDS).order_by(
            "short_name"
        )


class BaseGreenRepresentativeFormSet(BaseInlineFormSet):
    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["municipality"] = self.instance
        return kwargs

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            municipality=self.instance,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form


GreenRepresentativeFormSet = inlineformset_factory(
    Municipality,
    GreenRepresentative,
    form=GreenRepresentativeForm,
    formset=BaseGreenRepresentativeFormSet,
    extra=1,
    can_delete=True,
)
