"""A measure's change history."""
from __future__ import annotations

from operator import attrgetter

from django.utils.translation import gettext as _

from meetings.services import HistoryEntry, history_entries, m2m_history_accessor

from ..models import (
    ClimateMeasure,
    Involvement,
    ProcessAnswer,
)


def measure_history(measure: ClimateMeasure, limit: int = 200) -> list[HistoryEntry]:
    """Who changed what and when: the measure, its involvement events and process answers."""
    entries = history_entries(
        ClimateMeasure.history.filter(id=measure.pk)
        .select_related("history_user")
        .prefetch_related(*(m2m_history_accessor(ClimateMeasure.history.model, n) for n in ("topics", "agenda_items"))),
        _("measure"),
        attrgetter("title"),
    )
    entries += history_entries(
        Involvement.history.filter(measure_id=measure.pk)
        .select_related("history_user")
        .prefetch_related(*(m2m_history_accessor(Involvement.history.model, n) for n in ("unions", "representatives"))),
        _("involvement"),
        lambda r: f"{r.date:%d.%m.%Y} {r.get_arena_display()}",
    )
    entries += history_entries(
        ProcessAnswer.history.filter(measure_id=measure.pk).select_related("history_user"),
        _("process question"),
        lambda r: _("question %(number)s") % {"number": r.question},
    )
    entries.sort(key=attrgetter("when"), reverse=True)
    return entries[:limit]
