"""The filters of the dashboards' lists: scorecards (the API's side of the national comparison),
meetings and agenda items (the JSON API's lists).

One definition per parameter: the meeting filters (municipality, body, body kind, period) are the
same for meetings and, through their meeting, for agenda items; the scorecards' choice of
municipalities is the municipality list's (:class:`municipalities.filters.MunicipalityFilter`),
which the national comparison page uses too.
"""
from __future__ import annotations

import django_filters
from django import forms

from meetings.models import AgendaItem, Meeting
from municipalities.filters import MunicipalityFilter, number_filter
from municipalities.models import Body
from partssamarbeid.filters import CodeFilter, FilterSet, IdFilter, IsoDateFilter

from . import scope
from .forms import checked_period


def meeting_filters(prefix: str = "") -> dict[str, django_filters.Filter]:
    """The filters on a meeting (``prefix``: the path from the listed rows to their meeting)."""
    return {
        "municipality": number_filter(f"{prefix}body__municipality_id"),
        "body": IdFilter(field_name=f"{prefix}body_id"),
        "body_kind": CodeFilter(Body.Kind.values, field_name=f"{prefix}body__kind"),
        "from": IsoDateFilter(field_name=f"{prefix}date", lookup_expr="gte"),
        "to": IsoDateFilter(field_name=f"{prefix}date", lookup_expr="lte"),
    }


class MeetingFilter(FilterSet):
    """Meetings: ``municipality``, ``body``, ``body_kind``, ``from``, ``to`` (both days included), ``state``."""

    locals().update(meeting_filters())  # "from" is a Python keyword: the filters are added by name
    state = CodeFilter(Meeting.State.values, field_name="state")

    class Meta:
        model = Meeting
        fields: list[str] = []


def effective_level_q(level: str):
    """Items whose effective climate level (a person's override, else automatic) is ``level``."""
    if level == AgendaItem.ClimateLevel.NONE:
        return ~scope.CLIMATE_Q
    return AgendaItem.effective_climate_q(level)


class AgendaItemFilter(FilterSet):
    """Agenda items: their meeting's filters, ``meeting``, ``climate_level`` (effective), ``kind``
    (item type), ``env_assessment`` and ``substantive`` (``true``/``false``; another value is no filter)."""

    locals().update(meeting_filters("meeting__"))
    meeting = IdFilter(field_name="meeting_id")
    climate_level = CodeFilter(AgendaItem.ClimateLevel.values, method="filter_climate_level")
    kind = CodeFilter(AgendaItem.Type.values, field_name="item_type")
    env_assessment = CodeFilter(AgendaItem.EnvAssessment.values, field_name="env_assessment")
    substantive = django_filters.CharFilter(method="filter_substantive", strip=False)

    class Meta:
        model = AgendaItem
        fields: list[str] = []

    def filter_climate_level(self, queryset, name, value):
        return queryset.filter(effective_level_q(value))

    def filter_substantive(self, queryset, name, value):
        if value not in ("true", "false"):
            return queryset
        return queryset.filter(scope.SUBSTANTIVE_Q if value == "true" else ~scope.SUBSTANTIVE_Q)


# --- scorecards ----------------------------------------------------------------------------------------


class ScopeFilterForm(forms.Form):
    """``from`` and ``to`` make ``self.period`` (by default the last four years up to today; the rule
    of :func:`dashboards.forms.checked_period`); an invalid period is an error on ``from``."""

    period: scope.Period | None = None

    def clean(self):
        data = super().clean()
        if "from" in self._errors or "to" in self._errors:
            return data
        try:
            self.period = checked_period(data.get("from"), data.get("to"), scope.Period.default())
        except forms.ValidationError as error:
            self.add_error("from", error)
        return data


def _keep(queryset, name, value: str):
    """A parameter that chooses no rows (the period and body kind of the figures)."""
    return queryset


class ScorecardFilter(MunicipalityFilter):
    """Scorecards: the municipalities (``county``, ``population``, ...), the period (``from``, ``to``),
    the body kind (``body_kind``, default PSU) and ``with_data`` (``1``/``true``/``on``/``yes``: only
    municipalities with data in the period; another value is no filter)."""

    locals().update({
        "from": IsoDateFilter(method=_keep),
        "to": IsoDateFilter(method=_keep),
    })
    body_kind = CodeFilter(Body.Kind.values, method=_keep)
    with_data = django_filters.CharFilter(method=_keep, strip=False)

    class Meta:
        model = MunicipalityFilter.Meta.model
        fields: list[str] = []
        form = ScopeFilterForm

    @property
    def period(self) -> scope.Period:
        return self.form.period

    @property
    def body_kind_value(self) -> str:
        return self.value("body_kind", scope.DEFAULT_BODY_KIND)

    @property
    def only_with_data(self) -> bool:
        return self.value("with_data") in ("1", "true", "on", "yes")
