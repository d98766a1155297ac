"""Population bands of the national comparison: defined once, for the filter form, the API and the query."""
from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

UNKNOWN = "unknown"

#: (key, label, lowest population, first population above the band or None)
POPULATION_BANDS = (
    ("under_5000", _("Under 5,000 inhabitants"), 0, 5_000),
    ("5000_20000", _("5,000–19,999 inhabitants"), 5_000, 20_000),
    ("20000_50000", _("20,000–49,999 inhabitants"), 20_000, 50_000),
    ("50000_100000", _("50,000–99,999 inhabitants"), 50_000, 100_000),
    ("100000_plus", _("100,000 inhabitants or more"), 100_000, None),
)

#: Choices of a filter: every band, and the municipalities whose population is not recorded.
POPULATION_BAND_CHOICES = [
    ("", _("All sizes")),
    *((key, label) for key, label, _low, _high in POPULATION_BANDS),
    (UNKNOWN, _("Population not recorded")),
]


def population_band_q(band: str) -> Q:
    """Municipalities in ``band`` (a key above, or ``unknown``); an unknown key filters nothing."""
    if band == UNKNOWN:
        return Q(population__isnull=True)
    for key, _label, low, high in POPULATION_BANDS:
        if key == band:
            q = Q(population__gte=low)
            return q & Q(population__lt=high) if high is not None else q
    return Q()
