"""The search form: the query, filters, sort and page, as GET parameters (the page and the API)."""
from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from measures.models import Topic
from meetings.models import AgendaItem
from municipalities.models import Body, kommunenummer_validator

from .models import SearchDocument

SORT_CHOICES = [("relevance", _("Relevance")), ("date", _("Newest first"))]
MIN_YEAR, MAX_YEAR = 1990, 2100


def _blank(label, choices):
    return [("", label), *choices]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=300)
    municipality = forms.CharField(
        label=_("Municipality number"), required=False, validators=[kommunenummer_validator]
    )
    county = forms.CharField(
        label=_("County number"), required=False,
        validators=[RegexValidator(r"^[0-9]{2}\Z", _("Give the county number as two digits."))],
    )
    body_kind = forms.ChoiceField(label=_("Body kind"), required=False, choices=_blank(_("All bodies"), Body.Kind.choices))
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=_blank(_("All types"), SearchDocument.Kind.choices)
    )
    climate_level = forms.ChoiceField(
        label=_("Climate relevance"), required=False,
        choices=_blank(_("Any relevance"), AgendaItem.ClimateLevel.choices),
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=_blank(_("All topics"), Topic.Code.choices))
    year_from = forms.IntegerField(label=_("From year"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR)
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def clean(self):
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The first year must not be after the last year."))
        data["sort"] = data.get("sort") or "relevance"
        return data

    def params(self) -> dict[str, str]:
        """The cleaned values that are set, as query parameters (for links, exports, saved searches)."""
        return {
            name: str(value)
            for name, value in self.cleaned_data.items()
            if value not in (None, "") and not (name == "sort" and value == "relevance")
        }
