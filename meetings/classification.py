"""Apply the climate classifier to stored agenda items.

The automatic level and its evidence are recomputed from the item's own text; a person's
override (``climate_override`` with a reason) is never touched, so it survives re-import and
re-classification.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet

from .climate.classifier import Classification, assess_environment, classify_agenda_item
from .models import AgendaItem
from .signals import send_meetings_changed


def classification_for(item: AgendaItem) -> Classification:
    """The same fields the import pipeline classifies: title, case paper, proposals, handling, decision
    and the attachments."""
    proposals = [(p.kind, p.text) for p in item.proposals.all()] if item.pk else []
    attachments = [(a.title, a.text) for a in item.attachments.all()] if item.pk else []
    return classify_agenda_item(
        item.title,
        item.text,
        administration_proposal=item.administration_proposal,
        handling=item.handling,
        decision=item.decision,
        proposals=proposals,
        attachments=attachments,
    )


def classify_item(item: AgendaItem, *, save: bool = True) -> Classification:
    """Set the automatic climate level, evidence and environmental assessment of ``item``."""
    result = classification_for(item)
    item.climate_level = result.level
    item.climate_evidence = result.to_dict()["evidence"]
    item.env_assessment = assess_environment(item.text)
    if save and item.pk:
        AgendaItem.objects.filter(pk=item.pk).update(
            climate_level=item.climate_level,
            climate_evidence=item.climate_evidence,
            env_assessment=item.env_assessment,
        )
    return result


def classify_items(items: Iterable[AgendaItem]) -> int:
    """Reclassify many items in bulk; returns how many changed. A queryset's proposals and
    attachments are read in one query each (not one per item)."""
    if isinstance(items, QuerySet):
        items = items.prefetch_related("proposals", "attachments")
    changed = []
    for item in items:
        before = (item.climate_level, item.climate_evidence, item.env_assessment)
        classify_item(item, save=False)
        if (item.climate_level, item.climate_evidence, item.env_assessment) != before:
            changed.append(item)
    AgendaItem.objects.bulk_update(changed, ["climate_level", "climate_evidence", "env_assessment"], batch_size=500)
    return len(changed)


def reclassify(municipality_numbers: Iterable[str] | None = None) -> dict[str, tuple[int, int]]:
    """Apply the current classifier to every stored item, or to the named municipalities' items
    (after a classifier update). One transaction per municipality; a municipality with a changed
    item has its statistics and search index refreshed (``meetings_changed``). Returns
    ``{number: (items, changed)}`` for each municipality that has items."""
    items = AgendaItem.objects.order_by()
    if municipality_numbers is not None:
        items = items.filter(meeting__body__municipality_id__in=list(municipality_numbers))
    numbers = sorted(set(items.values_list("meeting__body__municipality_id", flat=True)))
    done = {}
    for number in numbers:
        own = items.filter(meeting__body__municipality_id=number).order_by("pk")
        with transaction.atomic():
            changed = classify_items(own)
            if changed:
                send_meetings_changed(reclassify, number)
        done[number] = (own.count(), changed)
    return done
