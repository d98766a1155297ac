"""Tenant scoping for measures: every view and the API list through these methods.

Measures, involvement events, process answers and green representatives are not drafts: every
authenticated user may read them (``read_q`` without a publish flag); HR staff of the
municipality edit them (``edit_q``). Who may *record* involvement is a per-object question
answered by :func:`municipalities.permissions.can_record_involvement`.
"""
from __future__ import annotations

from django.db.models import Max, Min, Q, Value
from django.db.models.functions import Coalesce

from municipalities.querysets import PeriodQuerySet, ScopedQuerySet


class MeasureQuerySet(ScopedQuerySet):
    municipality_path = "municipality"

    def with_involvement_dates(self):
        """Annotate what :func:`measures.services.summary_of` needs, in the same query.

        - ``first_involvement_date``: earliest event at level 1 (informed) or higher;
        - ``first_consultation_date``: earliest event at level 2 (consulted) or higher;
        - ``max_level``: the highest level of any event, 0 without events.
        """
        return self.annotate(
            first_involvement_date=Min("involvements__date", filter=Q(involvements__level__gte=1)),
            first_consultation_date=Min("involvements__date", filter=Q(involvements__level__gte=2)),
            max_level=Coalesce(Max("involvements__level"), Value(0)),
        )


class InvolvementQuerySet(ScopedQuerySet):
    municipality_path = "measure__municipality"


class ProcessAnswerQuerySet(ScopedQuerySet):
    municipality_path = "measure__municipality"


class GreenRepresentativeQuerySet(ScopedQuerySet, PeriodQuerySet):
    municipality_path = "municipality"
    period_fields = ("since", "until")
