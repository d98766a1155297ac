"""One municipality in memory: :class:`MunicipalityBuilder` draws its character and builds its
bodies, people, meetings, items, proposals, requests and measures into a :class:`~.chunk.Chunk`.

Each concern lives in its own module, as a mixin sharing the builder's random generator and
state: :mod:`.people`, :mod:`.meetings` (and attendance), :mod:`.items`, :mod:`.proposals` (and
requests), :mod:`.measures` (and involvement). The order of the random draws is the data: a
change in it changes every row after it (bump ``GENERATOR_VERSION``).
"""
from __future__ import annotations

import datetime
import random
from collections import defaultdict

from meetings.models import AgendaItem, Meeting, Request
from municipalities.models import Body, Municipality, Person

from .chunk import Chunk, Reference
from .draws import periods, weighted
from .items import ItemsMixin
from .measures import MeasuresMixin
from .meetings import MeetingsMixin
from .people import PeopleMixin
from .proposals import ProposalsMixin
from .texts import NYNORSK_COUNTIES, Lang


class MunicipalityBuilder(PeopleMixin, MeetingsMixin, ItemsMixin, ProposalsMixin, MeasuresMixin):
    """Builds one municipality's rows into a :class:`~.chunk.Chunk` (no queries)."""

    def __init__(self, municipality: Municipality, seed: int, years: int, end_year: int, ref: Reference,
                 chunk: Chunk, taken_names: set[tuple[str, str]]):
        self.m = municipality
        self.rng = random.Random(f"{seed}/{municipality.number}")
        self.first = datetime.date(end_year - years + 1, 1, 1)
        self.last = datetime.date(end_year, 12, 31)
        self.ref = ref
        self.c = chunk
        self.taken_names = taken_names
        rng = self.rng
        self.lang = Lang(rng.random() < NYNORSK_COUNTIES.get(municipality.county_number, 0.03))
        # the municipality's own character
        self.climate = rng.uniform(0.45, 1.55)
        self.voice = rng.uniform(0.3, 1.8)
        self.early = rng.uniform(0.1, 0.7)
        self.never = rng.uniform(0.1, 0.4)
        self.assessment = weighted(rng, [("strict", 25), ("partial", 40), ("rare", 35)])
        self.names_used: set[str] = set()
        self.previous: dict[tuple, Person] = {}  # people by seat, from one period to the next
        self.climate_items: list[tuple[AgendaItem, Meeting, Body, tuple]] = []
        self.request_results: dict[int, Request] = {}  # id(item) -> request that asked for it
        self.employee_people: list[tuple[Person, int]] = []
        self.proposals_of: dict[int, list] = defaultdict(list)  # id(item) -> its proposals in order

    def build(self) -> None:
        self.build_administration()
        psu, amu = self.build_bodies()
        spans = periods(self.first, self.last)
        seats = self.build_memberships(psu, amu, spans)
        self.build_meetings(psu, seats["psu"], spans)
        self.build_meetings(amu, seats["amu"], spans)
        self.build_measures()
        self.build_green_representative()
