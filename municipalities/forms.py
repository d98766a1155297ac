"""Forms for bodies and their memberships."""
from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .formsets import KeptRowFormMixin, SharedChoicesFormSet
from .models import PERIOD_END_BEFORE_START, Body, Membership, Organisation, Person


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "permanent", "parties", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Body.objects.filter(municipality=self.instance.municipality, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("The municipality already has a body with this name."))
        return name


class PersonOrNewPersonMixin(forms.Form):
    """A ``person`` chosen among the municipality's people, or a ``new_person`` written by name
    (registered on save); exactly one of the two. The form sets ``self.municipality``."""

    new_person = forms.CharField(
        label=_("or new person"),
        required=False,
        max_length=200,
        help_text=_("Write a name to register a new person."),
    )

    def limit_people(self, municipality) -> None:
        self.municipality = municipality
        self.fields["person"].queryset = Person.objects.filter(municipality=municipality)
        self.fields["person"].required = False

    def clean(self):
        cleaned = super().clean()
        person, new_person = cleaned.get("person"), (cleaned.get("new_person") or "").strip()
        if person and new_person:
            self.add_error("new_person", _("Choose a person or write a new name, not both."))
        elif not person and not new_person:
            self.add_error("person", _("Choose a person or write a new name."))
        return cleaned

    def save(self, commit=True):
        new_person = (self.cleaned_data.get("new_person") or "").strip()
        if new_person:
            self.instance.person = Person.objects.create(name=new_person, municipality=self.municipality)
        return super().save(commit=commit)


class MembershipForm(KeptRowFormMixin, PersonOrNewPersonMixin, forms.ModelForm):

    class Meta:
        model = Membership
        fields = ["person", "new_person", "role", "side", "on_behalf_of", "voting_right", "start_date", "end_date"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_people(municipality)
        self.fields["on_behalf_of"].queryset = Organisation.objects.exclude(kind=Organisation.Kind.FEDERATION)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", PERIOD_END_BEFORE_START)
        return cleaned


class BaseMembershipFormSet(SharedChoicesFormSet):
    shared_choice_fields = ("person", "on_behalf_of")

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["municipality"] = self.instance.municipality
        return kwargs


MembershipFormSet = inlineformset_factory(
    Body, Membership, form=MembershipForm, formset=BaseMembershipFormSet, extra=3, can_delete=True
)
