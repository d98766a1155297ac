"""Small builders for hand-made dashboard fixtures (on top of tests/factories.py)."""
from __future__ import annotations

import datetime

from meetings.models import AgendaItem, Attendance, Meeting
from municipalities.models import Body, Membership

from .. import factories as f
from ..measures.factories import InvolvementFactory, MeasureFactory  # noqa: F401 - re-exported

D = datetime.date
HELD, CANCELLED, PLANNED = Meeting.State.HELD, Meeting.State.CANCELLED, Meeting.State.PLANNED


def body(municipality, name="Partssamansett utval", kind=Body.Kind.PSU) -> Body:
    return f.BodyFactory(municipality=municipality, name=name, kind=kind)


def member(body, name, side=Membership.Side.EMPLOYEE, role=Membership.Role.MEDLEM, org=None) -> Membership:
    person = f.PersonFactory(name=name, municipality=body.municipality)
    return f.MembershipFactory(body=body, person=person, side=side, role=role, on_behalf_of=org)


def meeting(body, day, state=HELD, published=True, hour=10) -> Meeting:
    return f.MeetingFactory(body=body, date=day, state=state, published=published,
                            start_time=datetime.time(hour, 0), end_time=datetime.time(hour + 1, 0))


def seat(meeting, membership, status=Attendance.Status.PRESENT, substitute_for=None) -> Attendance:
    return f.AttendanceFactory(
        meeting=meeting, person=membership.person, membership=membership, status=status,
        side=membership.side, substitute_for=substitute_for, organisation=membership.on_behalf_of,
    )


def item(meeting, position, title=None, **values) -> AgendaItem:
    return f.AgendaItemFactory(meeting=meeting, position=position, title=title or f"Sak {position}", **values)
