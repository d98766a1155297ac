"""Union and party pages: what one organisation did, in one municipality or nationally.

Its proposals (alone or jointly with other organisations) and their outcomes, its requests and
whether they reached a later agenda, and its representatives' attendance. Counted like every
dashboard figure (:mod:`dashboards.scope`): published held meetings in the period and body kind,
through the models' ``visible_to``, so a draft is never counted. A request counts as having
reached the agenda only when the item it led to is in a published meeting.

Names of individual representatives are given only to users who may read the municipality's
drafts too (:func:`municipalities.permissions.can_read` with ``published=False``: its HR staff
and union representatives, superusers); everyone else gets the aggregates. A fixed number of
queries, whatever the number of records or municipalities.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q

from meetings.models import Attendance, Proposal
from municipalities import permissions
from municipalities.models import Municipality, Organisation

from . import scope
from .scope import Period

PRESENT_Q = Q(status=Attendance.Status.PRESENT)
ABSENT_Q = Q(status=Attendance.Status.ABSENT)
SUBSTITUTE_Q = PRESENT_Q & (Q(substitute_for__isnull=False) | ~Q(substitute_for_name=""))


@dataclass
class Representative:
    name: str
    present: int
    absent: int


@dataclass
class Partner:
    organisation: str
    proposals: int


@dataclass
class MunicipalityRow:
    municipality: Municipality
    proposals: int = 0
    requests: int = 0
    present: int = 0


@dataclass
class OrganisationReport:
    organisation: Organisation
    period: Period
    proposals: int = 0
    alone: int = 0
    joint: int = 0
    outcomes: list[tuple[str, int]] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    requests: int = 0
    asked_for_agenda: int = 0
    reached_agenda: int = 0
    present: int = 0
    absent: int = 0
    substitutes: int = 0
    #: None when the user may not see names (or on the national page)
    representatives: list[Representative] | None = None
    municipalities: list[MunicipalityRow] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        return bool(self.proposals or self.requests or self.present or self.absent)


def may_see_names(user, municipality: Municipality) -> bool:
    """Names of representatives only inside their municipality."""
    return permissions.can_read(user, municipality.number, published=False)


def report(user, organisation: Organisation, period: Period, body_kind: str,
           municipality: Municipality | None = None) -> OrganisationReport:
    """The organisation's figures in ``municipality`` (None: every municipality)."""
    ids = [municipality.number] if municipality else None
    result = OrganisationReport(organisation, period)
    _proposals(result, user, organisation, period, body_kind, ids)
    requests = scope.requests(user, period, body_kind, ids).filter(organisation=organisation)
    totals = requests.aggregate(
        total=Count("pk"),
        asked=Count("pk", filter=Q(asks_for_agenda_item=True)),
        reached=Count("pk", filter=Q(resulting_item__meeting__published=True)),
    )
    result.requests, result.asked_for_agenda, result.reached_agenda = totals["total"], totals["asked"], totals["reached"]
    rows = scope.attendance(user, period, body_kind, ids).filter(organisation=organisation)
    totals = rows.aggregate(
        present=Count("pk", filter=PRESENT_Q), absent=Count("pk", filter=ABSENT_Q),
        substitutes=Count("pk", filter=SUBSTITUTE_Q),
    )
    result.present, result.absent, result.substitutes = totals["present"], totals["absent"], totals["substitutes"]
    if municipality is not None and may_see_names(user, municipality):
        result.representatives = _representatives(rows)
    if municipality is None:
        result.municipalities = _by_municipality(user, organisation, period, body_kind)
    return result


def _proposals(result, user, organisation, period, body_kind, ids) -> None:
    items = scope.items(user, period, body_kind, ids)
    mine = Proposal.objects.visible_to(user).filter(item__in=items, proposers=organisation).values("pk")
    outcomes: Counter = Counter()
    for outcome, proposers in Proposal.objects.filter(pk__in=mine).annotate(n=Count("proposers")).values_list(
        "outcome", "n"
    ):
        result.proposals += 1
        outcomes[outcome] += 1
        if proposers > 1:
            result.joint += 1
        else:
            result.alone += 1
    result.outcomes = [(label, outcomes[value]) for value, label in Proposal.Outcome.choices]
    through = Proposal.proposers.through.objects.filter(proposal__in=mine).exclude(organisation=organisation)
    result.partners = [
        Partner(name, n)
        for name, n in through.values_list("organisation__short_name")
        .annotate(n=Count("proposal"))
        .order_by("-n", "organisation__short_name")
    ]


def _representatives(rows) -> list[Representative]:
    named = rows.values_list("person__name", "name").annotate(
        present=Count("pk", filter=PRESENT_Q), absent=Count("pk", filter=ABSENT_Q)
    )
    people: dict[str, Representative] = {}
    for person_name, name, present, absent in named:
        key = person_name or name
        rep = people.setdefault(key, Representative(key, 0, 0))
        rep.present += present
        rep.absent += absent
    return sorted(people.values(), key=lambda r: (-r.present, r.name))


def _by_municipality(user, organisation, period, body_kind) -> list[MunicipalityRow]:
    """Per municipality with any counted record: proposals, requests and attendances."""
    counts: dict[str, MunicipalityRow] = {}

    def add(pairs, attribute):
        for number, n in pairs:
            row = counts.setdefault(number, MunicipalityRow(None))
            setattr(row, attribute, n)

    items = scope.items(user, period, body_kind)
    mine = Proposal.objects.visible_to(user).filter(item__in=items, proposers=organisation)
    add(mine.values_list("item__meeting__body__municipality").annotate(n=Count("pk", distinct=True)), "proposals")
    requests = scope.requests(user, period, body_kind).filter(organisation=organisation)
    add(requests.values_list("meeting__body__municipality").annotate(n=Count("pk")), "requests")
    present = scope.attendance(user, period, body_kind).filter(PRESENT_Q, organisation=organisation)
    add(present.values_list("meeting__body__municipality").annotate(n=Count("pk")), "present")
    municipalities = Municipality.objects.in_bulk(list(counts), field_name="number")
    for number, row in counts.items():
        row.municipality = municipalities[number]
    return sorted(counts.values(), key=lambda r: r.municipality.name)


def active(user, period: Period, body_kind: str, ids=None) -> list[Organisation]:
    """Organisations with a counted proposal, request or attendance (in ``ids``, or anywhere)."""
    items = scope.items(user, period, body_kind, ids)
    return list(
        Organisation.objects.filter(
            Q(pk__in=Proposal.objects.visible_to(user).filter(item__in=items).values("proposers"))
            | Q(pk__in=scope.requests(user, period, body_kind, ids).values("organisation"))
            | Q(pk__in=scope.attendance(user, period, body_kind, ids).values("organisation"))
        ).order_by("kind", "short_name")
    )
