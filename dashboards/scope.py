"""What the dashboards count: the period, the body kind and the rows in scope.

Metrics (:mod:`dashboards.metrics`) aggregate these querysets; drill-downs
(:mod:`dashboards.queries`) list them. Both use the same functions and conditions here, so a
figure and the list of records behind it cannot disagree.

Visibility: figures count **published** records only, for every role (HR staff and union
representatives included). A municipality's figures are then the same whoever looks, they can
be compared across municipalities and precomputed, and a draft never moves a number that
another municipality's users see. Every queryset also goes through the models' ``visible_to``
(:mod:`municipalities.permissions`), so an anonymous user counts nothing.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import DateField, Exists, Min, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from measures.models import ClimateMeasure, Involvement
from measures.services import climate_item_q
from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from municipalities.models import Body, Membership, Organisation

DEFAULT_YEARS = 4
MAX_YEARS = 20
#: Below this many substantive agenda items in the period a municipality's index is shown as
#: "too little data" and not ranked: a handful of items would make it swing (methodology page).
MIN_SUBSTANTIVE_ITEMS_FOR_RANKING = 10
DEFAULT_BODY_KIND = Body.Kind.PSU
EMPLOYEE_ORG_KINDS = Organisation.EMPLOYEE_SIDE_KINDS


# --- the period ---------------------------------------------------------------------------------


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def default(cls, today: datetime.date | None = None) -> Period:
        """The last four years, up to and including today."""
        end = today or timezone.localdate()
        return cls(_years_before(end, DEFAULT_YEARS), end)

    @classmethod
    def full_years(cls, last: int, years: int = DEFAULT_YEARS) -> Period:
        """``years`` whole calendar years ending with ``last``."""
        return cls(datetime.date(last - years + 1, 1, 1), datetime.date(last, 12, 31))

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    def year(self, year: int) -> Period:
        """The part of this period that falls in ``year``."""
        return Period(max(self.start, datetime.date(year, 1, 1)), min(self.end, datetime.date(year, 12, 31)))

    def contains(self, day: datetime.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def as_params(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def enough_data(card) -> bool:
    """Whether a scorecard rests on enough substantive items to be ranked by its index."""
    return card.counts.substantive_items >= MIN_SUBSTANTIVE_ITEMS_FOR_RANKING


def first_published_meeting(body_kind: str, ids: list[str] | None = None) -> datetime.date | None:
    """The date of the earliest published held meeting of ``body_kind`` (in ``ids``, or anywhere)."""
    meetings = Meeting.objects.filter(published=True, state=Meeting.State.HELD, body__kind=body_kind)
    if ids is not None:
        meetings = meetings.filter(body__municipality_id__in=ids)
    return meetings.order_by("date").values_list("date", flat=True).first()


def data_period(
    body_kind: str, ids: list[str] | None = None, today: datetime.date | None = None
) -> tuple[Period, bool]:
    """The default period of a scorecard or comparison: the last four full years up to the latest
    full year with published held meetings of ``body_kind`` (in the municipalities ``ids``, or
    anywhere). Returns the period and whether it was found from the data; without published
    meetings before this year it is :meth:`Period.default` (the last four years up to today)."""
    today = today or timezone.localdate()
    meetings = Meeting.objects.filter(
        published=True, state=Meeting.State.HELD, body__kind=body_kind, date__lt=datetime.date(today.year, 1, 1)
    )
    if ids is not None:
        meetings = meetings.filter(body__municipality_id__in=ids)
    latest = meetings.order_by("-date").values_list("date", flat=True).first()
    if latest is None:
        return Period.default(today), False
    return Period.full_years(latest.year), True


# --- conditions on agenda items -------------------------------------------------------------------

#: Substantive items: not approval of the notice, agenda or minutes (``procedural``), not reports (RS).
SUBSTANTIVE_Q = Q(procedural=False) & ~Q(item_type=AgendaItem.Type.RS)

#: Effective climate level (a person's override, else automatic) "mentions" or "linked".
CLIMATE_Q = climate_item_q()

#: Effective climate level "linked to working conditions".
LINKED_Q = AgendaItem.effective_climate_q(AgendaItem.ClimateLevel.LINKED)

ENV_CONSEQUENCES_Q = Q(env_assessment=AgendaItem.EnvAssessment.CONSEQUENCES)
ENV_NOT_ASSESSED_Q = Q(env_assessment=AgendaItem.EnvAssessment.NOT_ASSESSED)


def employee_proposal_exists(item_ref: str = "pk") -> Exists:
    """A proposal on the item whose proposers include a union or union federation."""
    return Exists(Proposal.objects.filter(item=OuterRef(item_ref), proposers__kind__in=EMPLOYEE_ORG_KINDS))


def employee_request_exists(item_ref: str = "pk") -> Exists:
    """A request or question raised under the item (requests are employee-side by definition)."""
    return Exists(Request.objects.filter(raised_under=OuterRef(item_ref)))


#: An involvement event that records something the employee side said or did: a stated position,
#: or the employee side (alone or jointly) raised the matter.
STATEMENT_Q = ~Q(position=Involvement.Position.NOT_STATED) | Q(
    raised_by__in=[Involvement.RaisedBy.EMPLOYEE, Involvement.RaisedBy.JOINT]
)


def employee_statement_exists(item_ref: str = "pk") -> Exists:
    """A recorded employee-side statement on the item (an involvement event linked to it)."""
    return Exists(Involvement.objects.filter(STATEMENT_Q, agenda_item=OuterRef(item_ref)))


def voice_q(item_ref: str = "pk") -> Q:
    """The employee side had a voice on the item: a proposal, a request or a recorded statement."""
    return Q(employee_proposal_exists(item_ref)) | Q(employee_request_exists(item_ref)) | Q(
        employee_statement_exists(item_ref)
    )


# --- conditions on attendance --------------------------------------------------------------------

#: An employee-side seat at a meeting: an employee-side row that is not a substitute (a substitute
#: fills someone else's seat, whether linked to it or named for a member without a registered seat)
#: and not a substitute member attending on their own.
EMPLOYEE_SEAT_Q = (
    (Q(side=Attendance.Side.EMPLOYEE) | Q(membership__side=Membership.Side.EMPLOYEE))
    & Q(substitute_for__isnull=True)
    & Q(substitute_for_name="")
    & ~Q(membership__role=Membership.Role.VARAMEDLEM)
)

#: Attendance that was recorded: "not recorded" is left out of the seats, not counted as absent.
RECORDED_Q = Q(status__in=[Attendance.Status.PRESENT, Attendance.Status.ABSENT])


def substituted_exists() -> Exists:
    """A substitute was present at the meeting for this row's seat."""
    return Exists(
        Attendance.objects.filter(
            meeting=OuterRef("meeting"),
            substitute_for=OuterRef("membership"),
            status=Attendance.Status.PRESENT,
        )
    )


def substituted_by_name_q() -> Q:
    """A substitute was present at the meeting for this row's member, named as the row is named: an
    imported protocol's substitute for a member without a registered seat (importing keeps the two
    names equal)."""
    present = Attendance.objects.filter(meeting=OuterRef("meeting"), status=Attendance.Status.PRESENT)
    named = present.exclude(substitute_for_name="")
    return Q(Exists(named.filter(substitute_for_name=OuterRef("name")))) | Q(
        Exists(named.filter(substitute_for_name=OuterRef("person__name")))
    )


def seat_filled_q() -> Q:
    """The seat was filled: the member was present, or absent with a substitute present for them
    (linked to their seat, or named for them)."""
    return Q(status=Attendance.Status.PRESENT) | (
        Q(status=Attendance.Status.ABSENT)
        & ((Q(membership__isnull=False) & Q(substituted_exists())) | substituted_by_name_q())
    )


# --- the rows in scope -----------------------------------------------------------------------------


def _in(ids) -> list[str] | None:
    return None if ids is None else list(ids)


def meetings(user, period: Period, body_kind: str, ids=None) -> QuerySet:
    """Published meetings of bodies of ``body_kind`` (None: every kind) in ``period`` (all states)."""
    qs = Meeting.objects.visible_to(user).filter(published=True, date__gte=period.start, date__lte=period.end)
    if body_kind is not None:
        qs = qs.filter(body__kind=body_kind)
    if (ids := _in(ids)) is not None:
        qs = qs.filter(body__municipality_id__in=ids)
    return qs


def _held_meeting_rows(model, user, period: Period, body_kind: str, ids) -> QuerySet:
    qs = model.objects.visible_to(user).filter(
        meeting__published=True,
        meeting__state=Meeting.State.HELD,
        meeting__date__gte=period.start,
        meeting__date__lte=period.end,
    )
    if body_kind is not None:
        qs = qs.filter(meeting__body__kind=body_kind)
    if (ids := _in(ids)) is not None:
        qs = qs.filter(meeting__body__municipality_id__in=ids)
    return qs


def items(user, period: Period, body_kind: str, ids=None) -> QuerySet:
    """Agenda items of held meetings in scope."""
    return _held_meeting_rows(AgendaItem, user, period, body_kind, ids)


def seats(user, period: Period, body_kind: str, ids=None) -> QuerySet:
    """Employee-side seats with recorded attendance at held meetings in scope."""
    return _held_meeting_rows(Attendance, user, period, body_kind, ids).filter(EMPLOYEE_SEAT_Q & RECORDED_Q)


def requests(user, period: Period, body_kind: str, ids=None) -> QuerySet:
    """Employee-side requests and questions at held meetings in scope."""
    return _held_meeting_rows(Request, user, period, body_kind, ids)


def measures(user, period: Period, ids=None) -> QuerySet:
    """Climate measures whose reference date falls in ``period``, with their involvement values.

    The reference date places a measure in time: the decision date; for an undecided measure the
    proposal date; without either, the first involvement event; failing all, the day it was
    registered. Measures belong to the municipality, not to a body, so the body kind does not
    apply. Annotated with ``first_involvement_date``, ``first_consultation_date`` and
    ``max_level`` (see :meth:`measures.querysets.MeasureQuerySet.with_involvement_dates`).
    """
    qs = ClimateMeasure.objects.visible_to(user)
    if (ids := _in(ids)) is not None:
        qs = qs.filter(municipality_id__in=ids)
    return (
        qs.with_involvement_dates()
        .annotate(
            reference_date=Coalesce(
                "decision_date",
                "proposed_date",
                Min("involvements__date"),
                TruncDate("created_at"),
                output_field=DateField(),
            )
        )
        .filter(reference_date__gte=period.start, reference_date__lte=period.end)
    )


def attendance(user, period: Period, body_kind: str, ids=None) -> QuerySet:
    """Every attendance row (any side, substitutes too) at held meetings in scope."""
    return _held_meeting_rows(Attendance, user, period, body_kind, ids)
