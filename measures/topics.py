"""Which climate topic an agenda item is about, from the climate classifier's evidence.

The classifier (:mod:`meetings.climate`) records what each matched phrase signals (its evidence
category, e.g. ``certification`` for "Miljøfyrtårn"); the topics (:class:`measures.models.Topic`)
are the rows of the coverage matrix and the columns of the national heat map. A climate item counts
under the topics its evidence signals as well as under the topics of the measures it is linked to
(methodology page). Categories that say only "climate" or "environment" give no topic.
"""
from __future__ import annotations

from collections.abc import Iterable

from .models import Topic

T = Topic.Code

#: evidence category (``work:`` for a working-conditions signal) -> topic
CLASSIFIER_TOPICS: dict[str, str] = {
    "transport": T.TRANSPORT,
    "parking": T.TRANSPORT,
    "parking_fee": T.TRANSPORT,
    "commuting": T.TRANSPORT,
    "work:commuting": T.TRANSPORT,
    "work:parking_fee": T.TRANSPORT,
    "work:service_cars": T.TRANSPORT,
    "work:travel": T.TRANSPORT,
    "energy": T.ENERGY,
    "energy_production": T.ENERGY,
    "procurement": T.PROCUREMENT,
    "waste": T.WASTE,
    "buildings": T.BUILDINGS,
    "food": T.FOOD,
    "certification": T.CERTIFICATION,
    "biodiversity": T.NATURE,
    "water_environment": T.NATURE,
    "work:training": T.COMPETENCE,
    "climate_budget": T.PLANNING,
}


def classifier_topics(evidence: Iterable[dict] | None) -> set[str]:
    """The topic codes the classifier's evidence of one item signals (ties included)."""
    codes: set[str] = set()
    for found in evidence or ():
        if not isinstance(found, dict):
            continue
        for entry in (found, found.get("tie")):
            if isinstance(entry, dict) and (code := CLASSIFIER_TOPICS.get(entry.get("category", ""))):
                codes.add(str(code))
    return codes


def topic_rules() -> list[tuple[str, list[str]]]:
    """For the methodology page: each topic and the evidence categories that place an item under it."""
    from meetings.climate.labels import category_label

    return [
        (str(label), [category_label(category) for category, topic in CLASSIFIER_TOPICS.items() if topic == code])
        for code, label in Topic.Code.choices
    ]
