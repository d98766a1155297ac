"""Timing and the flag: when the employee side was first involved, relative to the decision."""
from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy

from ..models import (
    ClimateMeasure,
    Level,
)

# --- timing and flag ---------------------------------------------------------------------


class Timing(models.TextChoices):
    EARLY = "early", gettext_lazy("Early: consulted before the decision")
    LATE = "late", gettext_lazy("Late: not consulted before the decision")
    NEVER = "never", gettext_lazy("Never involved")


def timing_q(timing: str) -> Q:
    """:func:`timing_for` as a condition on measures loaded with ``with_involvement_dates()``
    (the same rule, for filtering in the database; the tests hold the two to the same answers)."""
    consulted = Q(first_consultation_date__isnull=False)
    if timing == Timing.NEVER:
        return Q(first_involvement_date__isnull=True) & Q(first_consultation_date__isnull=True)
    if timing == Timing.EARLY:
        return consulted & (Q(decision_date__isnull=True) | Q(first_consultation_date__lte=F("decision_date")))
    return (Q(first_involvement_date__isnull=False) & Q(first_consultation_date__isnull=True)) | (
        consulted & Q(decision_date__isnull=False) & Q(first_consultation_date__gt=F("decision_date"))
    )


def timing_for(
    decision_date: datetime.date | None,
    first_involvement_date: datetime.date | None,
    first_consultation_date: datetime.date | None,
) -> str:
    """How early the employee side was involved in a measure.

    - ``early``: the employee side was consulted or more (level >= 2) on or before the decision
      date. An event *on* the decision date counts as early: consultation in the meeting that
      decides happens before the vote. A measure without a decision date has not (or not
      knowably) been decided yet, so every consultation so far came before the decision and
      counts as early.
    - ``late``: the employee side was involved (level >= 1) but not consulted by the decision
      date: involvement came only after the decision, or before it they were only informed
      (level 1), which is not a say in the decision.
    - ``never``: no event at level 1 or higher (no events, or only "not involved" ones).

    The inputs are the decision date, the earliest event at level >= 1 and the earliest event
    at level >= 2 (the earliest consultation decides, so no other event matters).
    """
    if first_involvement_date is None and first_consultation_date is None:
        return Timing.NEVER
    if first_consultation_date is not None and (decision_date is None or first_consultation_date <= decision_date):
        return Timing.EARLY
    return Timing.LATE


def is_flagged(*, affects_employees: bool, decided: bool, timing: str) -> bool:
    """A decided measure that affects employees, without consultation before the decision.

    ``decided`` is :attr:`ClimateMeasure.is_decided` (a decision date, or a status from
    "decided" on). An undecided measure is never flagged: there is still time to consult.
    """
    return bool(affects_employees and decided and timing != Timing.EARLY)


@dataclass(frozen=True)
class InvolvementSummary:
    first_involvement_date: datetime.date | None
    first_consultation_date: datetime.date | None
    max_level: int
    timing: str
    flagged: bool

    @property
    def max_level_label(self) -> str:
        return Level(self.max_level).label

    @property
    def timing_label(self) -> str:
        return Timing(self.timing).label


def summary_of(measure: ClimateMeasure) -> InvolvementSummary:
    """The derived values of a measure loaded with ``with_involvement_dates()`` (no query)."""
    try:
        first, first_consultation, max_level = (
            measure.first_involvement_date, measure.first_consultation_date, measure.max_level
        )
    except AttributeError as exc:  # pragma: no cover - a programming error, said clearly
        raise TypeError("Load measures with ClimateMeasure.objects.with_involvement_dates().") from exc
    timing = timing_for(measure.decision_date, first, first_consultation)
    return InvolvementSummary(
        first_involvement_date=first,
        first_consultation_date=first_consultation,
        max_level=max_level or 0,
        timing=timing,
        flagged=is_flagged(affects_employees=measure.affects_employees, decided=measure.is_decided, timing=timing),
    )


def with_summaries(measures: Iterable[ClimateMeasure]) -> list[ClimateMeasure]:
    """Evaluate ``measures`` and attach ``.summary`` to each."""
    result = list(measures)
    for measure in result:
        measure.summary = summary_of(measure)
    return result
