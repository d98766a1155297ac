"""Filter forms of the dashboard pages and exports (GET parameters)."""
from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import Body, Municipality
from municipalities.population import POPULATION_BAND_CHOICES

from . import summary_cache
from .metrics import RECORD_METRICS
from .scope import DEFAULT_BODY_KIND, MAX_YEARS, Period, data_period


def checked_period(start, end, default: Period) -> Period:
    """The period from ``start`` to ``end`` (each ``default``'s when not given), or a ValidationError:
    the start after the end, or more than :data:`~dashboards.scope.MAX_YEARS` years. The rule of the
    pages' forms and of the API's filters."""
    start, end = start or default.start, end or default.end
    if start > end:
        raise forms.ValidationError(_("The start of the period must be before its end."))
    if end.year - start.year >= MAX_YEARS:
        raise forms.ValidationError(_("Choose a period of at most %(years)s years.") % {"years": MAX_YEARS})
    return Period(start, end)


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ScopeForm(forms.Form):
    """Period and body kind. ``from`` is a Python keyword, so the fields are added by name."""

    body_kind = forms.ChoiceField(label=_("Body kind"), choices=Body.Kind.choices, required=False)

    def __init__(
        self, data=None, *args, today: datetime.date | None = None, default_period: Period | None = None, **kwargs
    ):
        self.default_period = default_period or Period.default(today)
        self.default_from_data = False
        data = data.copy() if data is not None else {}
        super().__init__(data, *args, **kwargs)
        self.fields["from"] = forms.DateField(label=_("From"), required=False, widget=_DateInput())
        self.fields["to"] = forms.DateField(label=_("To"), required=False, widget=_DateInput())
        self.order_fields(["from", "to", "body_kind"])
        # show the defaults in the inputs when nothing was given
        for name, value in (("from", self.default_period.start), ("to", self.default_period.end),
                            ("body_kind", DEFAULT_BODY_KIND)):
            if not self.data.get(name):
                self.data[name] = value.isoformat() if isinstance(value, datetime.date) else value

    def clean(self):
        data = super().clean()
        data["period"] = checked_period(data.get("from"), data.get("to"), self.default_period)
        data["body_kind"] = data.get("body_kind") or DEFAULT_BODY_KIND
        return data

    @classmethod
    def with_data_default(cls, data, ids: list[str] | None = None, **kwargs):
        """The form whose default period is the last four full years with published meetings
        (:func:`dashboards.scope.data_period`) of the requested body kind in ``ids``.
        ``form.default_from_data`` says whether the default came from the data and is in use."""
        kind = data.get("body_kind") if data.get("body_kind") in Body.Kind.values else DEFAULT_BODY_KIND
        year = timezone.localdate().year
        period, found = summary_cache.cached_for_everyone(
            "data_period", (kind, ids, year), lambda: data_period(kind, ids)
        )
        form = cls(data, default_period=period, **kwargs)
        form.default_from_data = found and not (data.get("from") or data.get("to"))
        return form

    def params(self) -> dict[str, str]:
        """The cleaned scope as query parameters (for links to drill-downs and exports)."""
        period = self.cleaned_data["period"]
        return {**period.as_params(), "body_kind": self.cleaned_data["body_kind"]}


class NationalForm(ScopeForm):
    county = forms.ChoiceField(label=_("County"), required=False)
    population = forms.ChoiceField(label=_("Population"), choices=POPULATION_BAND_CHOICES, required=False)
    show_all = forms.BooleanField(label=_("Also municipalities without data"), required=False)
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        counties = Municipality.objects.filter(kind=Municipality.Kind.COUNTY).order_by("name")
        self.fields["county"].choices = [("", _("All counties"))] + [(c.number, c.name) for c in counties]
        self.order_fields(["county", "population", "body_kind", "from", "to", "show_all"])

    def clean_sort(self) -> str:
        from .queries import SORT_KEYS

        sort = self.cleaned_data.get("sort") or "name"
        return sort if sort.lstrip("-") in SORT_KEYS else "name"

    def params(self) -> dict[str, str]:
        params = super().params()
        for name in ("county", "population"):
            if self.cleaned_data.get(name):
                params[name] = self.cleaned_data[name]
        if self.cleaned_data.get("show_all"):
            params["show_all"] = "on"
        return params


class RecordsForm(ScopeForm):
    metric = forms.ChoiceField(
        label=_("Figure"), choices=[(key, m.label) for key, m in RECORD_METRICS.items()]
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.all(), to_field_name="number", required=False,
        widget=forms.HiddenInput,
    )

    def params(self) -> dict[str, str]:
        params = {**super().params(), "metric": self.cleaned_data["metric"]}
        if self.cleaned_data.get("municipality"):
            params["municipality"] = self.cleaned_data["municipality"].number
        return params
