"""A measure's involvement events on a timeline around the decision."""
from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from ..models import (
    Involvement,
)


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # "event" or "decision"
    date: datetime.date
    involvement: Involvement | None = None


def timeline(involvements: Iterable[Involvement], decision_date: datetime.date | None) -> list[TimelineEntry]:
    """Events in date order with the decision placed among them.

    Events on the decision date come before the decision, as :func:`timing_for` counts them.
    """
    entries = [TimelineEntry("event", i.date, i) for i in sorted(involvements, key=attrgetter("date", "pk"))]
    if decision_date is None:
        return entries
    index = next((n for n, e in enumerate(entries) if e.date > decision_date), len(entries))
    entries.insert(index, TimelineEntry("decision", decision_date))
    return entries
