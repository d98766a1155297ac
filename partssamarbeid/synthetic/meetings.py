"""Meetings of a body over the years, and who attended them."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from meetings.models import Attendance, Meeting, Request
from municipalities.models import Body, Membership, Person

from .config import (
    ABSENT_SHARE,
    AMU_MONTHS,
    CANCELLED_SHARE,
    NOT_RECORDED_MEETING_SHARE,
    PSU_MONTHS,
    SUBSTITUTE_SHARE,
)
from .draws import period_index, weekday_in
from .texts import ROLE_LABEL, SIDES
from .writer import R

A, M = Attendance, Membership
PLACES = ["Kommunestyresalen", "Formannskapssalen", "Møterom 1, rådhuset", "Teams"]


@dataclass
class Roll:
    """One meeting's attendance while it is taken."""

    meeting: Meeting
    labels: dict
    not_recorded: bool
    seen: set = field(default_factory=set)  # id() of the people already on the list
    employees_present: list = field(default_factory=list)  # (person, union id)


class MeetingsMixin:
    """Meetings and attendance of :class:`~.builder.MunicipalityBuilder`."""

    def build_meetings(self, body: Body, seats: list, periods) -> None:
        months = PSU_MONTHS if body.kind == Body.Kind.PSU else AMU_MONTHS
        pending: list[tuple[Request, tuple]] = []  # requests waiting for an item at the next meeting
        previous_held: datetime.date | None = None
        for year in range(self.first.year, self.last.year + 1):
            case = 0
            for month in months:
                meeting = self.new_meeting(body, year, month)
                if meeting.state == Meeting.State.CANCELLED:
                    continue
                day = meeting.date
                period = period_index(periods, day)
                active = [s for s, p in seats if p == period]
                present = self.build_attendance(meeting, active)
                case = self.build_items(meeting, body, day, case, previous_held, pending, present)
                previous_held = day
        # requests still waiting at the end stay "not on an agenda yet"

    def new_meeting(self, body: Body, year: int, month: int) -> Meeting:
        """A meeting on a weekday of the month: held, or cancelled (without agenda)."""
        rng = self.rng
        day = weekday_in(rng, year, month)
        hour = rng.choice([9, 10, 10, 12, 13])
        duration = rng.choice([90, 120, 120, 150, 180])
        start = datetime.time(hour, 0 if hour != 12 else 30)
        end_minutes = hour * 60 + start.minute + duration
        cancelled = rng.random() < CANCELLED_SHARE
        meeting = R(
            Meeting,
            body=body, date=day, start_time=start, end_time=datetime.time(end_minutes // 60, end_minutes % 60),
            place=rng.choice(PLACES),
            state=Meeting.State.CANCELLED if cancelled else Meeting.State.HELD, published=True,
        )
        self.c.meetings.append(meeting)
        return meeting

    # attendance ---------------------------------------------------------------------------------
    def build_attendance(self, meeting: Meeting, active: list[Membership]) -> list[tuple[Person, int | None]]:
        """Attendance rows; returns the employee-side people present (with their union)."""
        rng = self.rng
        roll = Roll(meeting, ROLE_LABEL[self.lang.nn], rng.random() < NOT_RECORDED_MEETING_SHARE)
        members = [s for s in active if s.role not in (M.Role.VARAMEDLEM, M.Role.SEKRETAER)]
        substitutes = {side: [s for s in active if s.role == M.Role.VARAMEDLEM and s.side == side] for side in SIDES}
        for side in substitutes:
            rng.shuffle(substitutes[side])
        for seat in members:
            status = self.member_status(roll.not_recorded)
            roll.seen.add(id(seat.person))
            self._attend(roll, seat, status)
            if status == A.Status.ABSENT and substitutes[seat.side] and rng.random() < SUBSTITUTE_SHARE:
                self._substitute(roll, seat, substitutes[seat.side].pop())
        self._attend_secretary(roll, active)
        if meeting.body.kind == Body.Kind.PSU:
            self._attend_administration(roll)
        return roll.employees_present

    def member_status(self, not_recorded: bool) -> str:
        """Present, or now and then absent (no draw when the meeting's attendance is not recorded)."""
        if not_recorded:
            return A.Status.NOT_RECORDED
        return A.Status.ABSENT if self.rng.random() < ABSENT_SHARE else A.Status.PRESENT

    def _attend(self, roll: Roll, seat: Membership, status: str) -> None:
        self.c.attendance.append(R(
            A,
            meeting=roll.meeting, person=seat.person, membership=seat, status=status, side=seat.side,
            role=roll.labels[seat.role], organisation_id=seat.on_behalf_of_id,
        ))
        if status == A.Status.PRESENT and seat.side == M.Side.EMPLOYEE:
            roll.employees_present.append((seat.person, seat.on_behalf_of_id))

    def _substitute(self, roll: Roll, seat: Membership, sub: Membership) -> None:
        """``sub`` meets for the absent ``seat`` (unless already on the list)."""
        if id(sub.person) in roll.seen:
            return
        roll.seen.add(id(sub.person))
        self.c.attendance.append(R(
            A,
            meeting=roll.meeting, person=sub.person, membership=sub, status=A.Status.PRESENT,
            substitute_for=seat, side=sub.side, role=roll.labels[M.Role.VARAMEDLEM],
            organisation_id=sub.on_behalf_of_id,
        ))
        if sub.side == M.Side.EMPLOYEE:
            roll.employees_present.append((sub.person, sub.on_behalf_of_id))

    def _attend_secretary(self, roll: Roll, active: list[Membership]) -> None:
        for seat in active:
            if seat.role == M.Role.SEKRETAER and id(seat.person) not in roll.seen:
                roll.seen.add(id(seat.person))
                self.c.attendance.append(R(
                    A,
                    meeting=roll.meeting, person=seat.person, membership=seat,
                    status=A.Status.NOT_RECORDED if roll.not_recorded else A.Status.PRESENT,
                    side=A.Side.EMPLOYER, role=roll.labels[M.Role.SEKRETAER],
                ))

    def _attend_administration(self, roll: Roll) -> None:
        """In the PSU the municipal director is present, and half the time the HR leader."""
        others = [(self.director, "Kommunedirektør")]
        if self.rng.random() < 0.5:
            others.append((self.hr_leader, self.hr_leader.title))
        for person, role in others:
            if id(person) not in roll.seen:
                roll.seen.add(id(person))
                self.c.attendance.append(R(A, meeting=roll.meeting, person=person, status=A.Status.PRESENT,
                                           side=A.Side.OTHER, role=role))
