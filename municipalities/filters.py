"""The filters of the lists of municipalities and bodies (the municipality list page and the API)."""
from __future__ import annotations

import django_filters
from django.db.models import Q

from partssamarbeid.filters import CodeFilter, FilterSet

from .models import Body, Municipality, kommunenummer_validator
from .population import POPULATION_BAND_CHOICES, population_band_q


def number_filter(field_name: str) -> django_filters.CharFilter:
    """A municipality or county number (2 or 4 digits, taken as given: no spaces stripped)."""
    return django_filters.CharFilter(field_name=field_name, strip=False, validators=[kommunenummer_validator])


class MunicipalityFilter(FilterSet):
    """Municipalities and county municipalities: ``q`` (part of the name, or the number), ``county``,
    ``kind`` and ``population`` (a band of :mod:`municipalities.population`)."""

    q = django_filters.CharFilter(method="filter_q")
    county = number_filter("county_number")
    kind = CodeFilter(Municipality.Kind.values, field_name="kind")
    population = CodeFilter([code for code, _label in POPULATION_BAND_CHOICES if code], method="filter_population")

    class Meta:
        model = Municipality
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(number=value))

    def filter_population(self, queryset, name, value):
        return queryset.filter(population_band_q(value))


class BodyFilter(FilterSet):
    """Bodies: ``municipality``, ``kind``."""

    municipality = number_filter("municipality_id")
    kind = CodeFilter(Body.Kind.values, field_name="kind")

    class Meta:
        model = Body
        fields: list[str] = []
