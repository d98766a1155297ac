"""The 0-100 involvement index: its five components, their weights and how they combine.

Pure: :func:`dashboards.metrics.derive` feeds it the figures; the methodology page renders
:data:`INDEX_WEIGHTS` and :data:`INDEX_COMPONENT_LABELS`.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

#: Weights of the index components (points out of 100).
INDEX_WEIGHTS: dict[str, int] = {
    "representation": 20,
    "voice": 25,
    "initiative": 15,
    "climate": 20,
    "early_involvement": 20,
}
#: Initiatives per held meeting that give the initiative component its full score.
INITIATIVES_PER_MEETING_FOR_FULL_SCORE = 1.0
#: Share of agenda items mentioning climate that gives the climate component its full score.
CLIMATE_SHARE_FOR_FULL_SCORE = 0.25
#: The index needs components worth at least this many points; otherwise it is "no data".
MINIMUM_INDEX_WEIGHT = 50

INDEX_COMPONENT_LABELS = {
    "representation": _("Representation"),
    "voice": _("Voice"),
    "initiative": _("Initiative"),
    "climate": _("Climate on the agenda"),
    "early_involvement": _("Early involvement"),
}


@dataclass(frozen=True)
class Component:
    key: str
    value: float | None  # 0..1, None: no data
    weight: int

    @property
    def label(self) -> str:
        return str(INDEX_COMPONENT_LABELS[self.key])

    @property
    def points(self) -> float | None:
        return None if self.value is None else self.value * self.weight


def index_components(
    *,
    seat_fill_rate: float | None,
    voice_share: float | None,
    initiatives: int | None,
    meetings_held: int | None,
    climate_mentions: int | None,
    agenda_items: int | None,
    early_share: float | None,
) -> tuple[Component, ...]:
    """The five components of the index, each scaled to 0..1 (None when it has no data)."""
    initiative = (
        min(1.0, initiatives / meetings_held / INITIATIVES_PER_MEETING_FOR_FULL_SCORE)
        if meetings_held and initiatives is not None
        else None
    )
    climate = (
        min(1.0, climate_mentions / agenda_items / CLIMATE_SHARE_FOR_FULL_SCORE)
        if agenda_items and climate_mentions is not None
        else None
    )
    values = {
        "representation": seat_fill_rate,
        "voice": voice_share,
        "initiative": initiative,
        "climate": climate,
        "early_involvement": early_share,
    }
    return tuple(Component(key, values[key], weight) for key, weight in INDEX_WEIGHTS.items())


def index_of(components) -> tuple[float | None, int]:
    """The 0-100 index over the components that have data, and the weight they carry.

    Components without data are left out and the others re-weighted to 100; with less than
    :data:`MINIMUM_INDEX_WEIGHT` points of data the index is None (no data).
    """
    available = [c for c in components if c.value is not None]
    weight = sum(c.weight for c in available)
    if weight < MINIMUM_INDEX_WEIGHT:
        return None, weight
    return round(100 * sum(c.value * c.weight for c in available) / weight, 1), weight
