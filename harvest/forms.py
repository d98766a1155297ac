"""The form HR staff use to say where their meetings are harvested from."""
from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import Body

from .models import Source, einnsyn_id_validator


class SourceForm(forms.ModelForm):
    utvalg_ids = forms.CharField(
        label=_("eInnsyn body (utvalg) ids"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or more ids of the bodies in eInnsyn, separated by spaces, commas or new lines."),
    )

    class Meta:
        model = Source
        fields = ["body", "enhet_id", "utvalg_ids", "publish_harvested", "active", "since"]
        widgets = {"since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
        self.fields["body"].queryset = Body.objects.filter(municipality=municipality).order_by("name")
        if self.instance.pk:
            self.initial["utvalg_ids"] = "\n".join(self.instance.utvalg_ids)

    def clean_utvalg_ids(self) -> list[str]:
        ids = [part for part in re.split(r"[\s,;]+", self.cleaned_data["utvalg_ids"]) if part]
        if not ids:
            raise forms.ValidationError(_("Give at least one body id."))
        if len(ids) > 50:
            raise forms.ValidationError(_("At most 50 body ids."))
        for value in ids:
            einnsyn_id_validator(value)
        return list(dict.fromkeys(ids))
