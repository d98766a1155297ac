"""The filters of the list of climate measures: the register page and ``GET /api/v1/measures/``."""
from __future__ import annotations

from municipalities.filters import number_filter
from partssamarbeid.filters import CodeFilter, FilterSet

from . import services
from .models import ClimateMeasure, Topic

#: ``affects``: whether the measure affects employees
AFFECTS = {"yes": True, "no": False}


class MeasureFilter(FilterSet):
    """Measures: ``municipality``, ``topic``, ``status``, ``affects`` (``yes``/``no``) and ``timing``
    (``early``/``late``/``never``: :func:`measures.services.timing_for`). The queryset must be
    loaded with ``with_involvement_dates()`` (the timing is computed from it)."""

    municipality = number_filter("municipality_id")
    topic = CodeFilter(Topic.Code.values, field_name="topics__code")
    status = CodeFilter(ClimateMeasure.Status.values, field_name="status")
    affects = CodeFilter(list(AFFECTS), method="filter_affects")
    timing = CodeFilter(services.Timing.values, method="filter_timing")

    class Meta:
        model = ClimateMeasure
        fields: list[str] = []

    def filter_affects(self, queryset, name, value):
        return queryset.filter(affects_employees=AFFECTS[value])

    def filter_timing(self, queryset, name, value):
        return queryset.filter(services.timing_q(value))
