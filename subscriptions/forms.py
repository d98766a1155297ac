"""Forms of the follows page: what to follow, and how to hear about it."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from measures.models import Topic
from municipalities.models import Body, Municipality

from .models import AlertSettings


class AlertSettingsForm(forms.ModelForm):
    class Meta:
        model = AlertSettings
        fields = ["digest", "immediate", "municipality_climate"]
        widgets = {"digest": forms.Select(attrs={"class": "form-select"})}


class FollowForm(forms.Form):
    """Exactly one of municipality, body or topic."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.municipalities().order_by("name"),
        to_field_name="number", required=False, widget=forms.Select(attrs={"class": "form-select"}),
    )
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.none(), required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", "---------"), *Topic.Code.choices], required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = (
            Body.objects.visible_to(user).select_related("municipality").order_by("municipality__name", "name")
        )
        self.fields["body"].label_from_instance = lambda b: f"{b.name} ({b.municipality.name})"

    def clean(self):
        data = super().clean()
        chosen = [name for name in ("municipality", "body", "topic") if data.get(name)]
        if len(chosen) != 1:
            raise forms.ValidationError(_("Choose one municipality, one body or one topic."))
        return data
