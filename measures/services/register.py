"""The measure register, the flag list (not consulted before the decision) and green representatives."""
from __future__ import annotations

import datetime

from municipalities.models import Municipality

from ..models import (
    ClimateMeasure,
    GreenRepresentative,
)
from .timing import with_summaries

# --- register and flag list ----------------------------------------------------------------


def register_queryset(municipality: Municipality):
    return (
        ClimateMeasure.objects.in_municipality(municipality)
        .with_involvement_dates()
        .prefetch_related("topics")
        .order_by("title")
    )


def register(municipality: Municipality, *, affects_employees: bool | None = None) -> list[ClimateMeasure]:
    """The municipality's measures with summaries (two queries whatever the size). The register
    page filters the same queryset with :class:`measures.filters.MeasureFilter`."""
    measures = register_queryset(municipality)
    if affects_employees is not None:
        measures = measures.filter(affects_employees=affects_employees)
    return with_summaries(measures)


def not_consulted_before_decision(municipality: Municipality) -> list[ClimateMeasure]:
    """Employee-affecting measures decided without consulting the employee side first."""
    measures = register(municipality, affects_employees=True)
    return sorted(
        (m for m in measures if m.summary.flagged),
        key=lambda m: (m.decision_date or datetime.date.max, m.title),
    )


def green_representatives(municipality: Municipality):
    return GreenRepresentative.objects.in_municipality(municipality).select_related("person", "union")
