"""What the builder fills and reads: a chunk of rows in memory, and the register's organisations and topics."""
from __future__ import annotations

from dataclasses import dataclass, field

from measures.models import Topic
from municipalities.models import Organisation

from .texts import AMU_UNIONS, PARTIES, PSU_UNIONS


@dataclass
class Chunk:
    """Rows for a few municipalities, built in memory and written together."""

    bodies: list = field(default_factory=list)
    people: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    attendance: list = field(default_factory=list)
    items: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    proposers: list = field(default_factory=list)  # (proposal, organisation id)
    requests: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    measure_topics: list = field(default_factory=list)  # (measure, topic id)
    measure_items: list = field(default_factory=list)  # (measure, item)
    involvements: list = field(default_factory=list)
    involvement_unions: list = field(default_factory=list)  # (involvement, organisation id)
    involvement_people: list = field(default_factory=list)  # (involvement, person)
    process_answers: list = field(default_factory=list)
    green: list = field(default_factory=list)


class Reference:
    """What every municipality needs: organisations and topics by code, loaded once."""

    def __init__(self):
        self.org = {o.short_name: o.pk for o in Organisation.objects.all()}
        self.org_name = {pk: name for name, pk in self.org.items()}
        self.topic = {t.code: t.pk for t in Topic.objects.all()}
        missing = [name for name, _w in PARTIES if name not in self.org] + [
            u for u in PSU_UNIONS + AMU_UNIONS if u not in self.org
        ]
        if missing:
            raise RuntimeError(f"Organisations missing from the register: {', '.join(sorted(set(missing)))} (run migrate).")
        if len(self.topic) < len(Topic.Code.values):
            raise RuntimeError("The climate topics are missing (run migrate).")
