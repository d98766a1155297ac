"""Saving measures, involvement events, process answers and links to agenda items."""
from __future__ import annotations

from django.db import transaction

from meetings.models import AgendaItem
from meetings.versioning import claim_versions

from ..access import recorder_side
from ..models import (
    ClimateMeasure,
    Involvement,
    ProcessAnswer,
)
from .suggestions import Suggestion

# --- saving --------------------------------------------------------------------------------------


@transaction.atomic
def save_involvement(form, user, suggestion: Suggestion | None = None) -> Involvement:
    """Save an involvement form; a new event records who recorded it and from which side."""
    involvement = form.save(commit=False)
    if involvement.pk is None:
        involvement.recorded_by = user
        involvement.recorded_by_side = recorder_side(user)
        if suggestion is not None:
            involvement.source_proposal = suggestion.source_proposal
            involvement.source_request = suggestion.source_request
    involvement.save()
    form.save_m2m()
    return involvement


@transaction.atomic
def save_measure(form) -> ClimateMeasure:
    """Save the measure form; :class:`~meetings.versioning.StaleEdit`, writing nothing, when
    someone saved the measure after the form was loaded."""
    claim_versions(form)
    measure = form.save()
    return measure


@transaction.atomic
def save_process_answers(measure: ClimateMeasure, answers: dict[int, tuple[str, str]]) -> None:
    """``answers`` maps each question to ``(answer, note)``; an empty answer removes the row."""
    existing = {a.question: a for a in ProcessAnswer.objects.filter(measure=measure)}
    for question, (answer, note) in answers.items():
        current = existing.get(question)
        if not answer:
            if current:
                current.delete()
            continue
        if current is None:
            ProcessAnswer.objects.create(measure=measure, question=question, answer=answer, note=note)
        elif (current.answer, current.note) != (answer, note):
            current.answer, current.note = answer, note
            current.save()


def process_answers(measure: ClimateMeasure) -> list[tuple[str, ProcessAnswer | None]]:
    """Every question in order, with its answer or None."""
    answers = {a.question: a for a in measure.process_answers.all()}
    return [(label, answers.get(value)) for value, label in ProcessAnswer.Question.choices]


def link_item(measure: ClimateMeasure, item: AgendaItem) -> bool:
    """Link ``item`` to ``measure``; False when it was linked already."""
    if measure.agenda_items.filter(pk=item.pk).exists():
        return False
    measure.agenda_items.add(item)
    return True
