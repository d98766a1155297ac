"""Who is absent, and whose attendance is not recorded, at the demo meetings (meetings.demo), table-driven."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from meetings.demo import demo_absences, seat_status
from meetings.models import Attendance
from municipalities.models import Membership

POL_1, POL_2 = SimpleNamespace(side=Membership.Side.POLITICAL), SimpleNamespace(side=Membership.Side.POLITICAL)
EMP_1, EMP_2 = SimpleNamespace(side=Membership.Side.EMPLOYEE), SimpleNamespace(side=Membership.Side.EMPLOYEE)
SEATS = [POL_1, POL_2, EMP_1, EMP_2]

# (seats, meeting index, absent seat, seat not recorded)
ABSENCES = [
    (SEATS, 0, None, None),
    # every fourth meeting from the second: the last employee-side seat is absent
    (SEATS, 1, EMP_2, None),
    (SEATS, 5, EMP_2, None),
    # every fifth meeting from the third: the last seat is not recorded
    (SEATS, 2, None, EMP_2),
    (SEATS, 7, None, EMP_2),
    (SEATS, 17, EMP_2, EMP_2),
    # a body without employee-side seats has nobody absent
    ([POL_1, POL_2], 1, None, None),
    ([POL_1, POL_2], 12, None, POL_2),
]


@pytest.mark.parametrize(("seats", "index", "absent", "not_recorded"), ABSENCES)
def test_demo_absences(seats, index, absent, not_recorded):
    found = demo_absences(seats, index)
    assert found[0] is absent
    assert found[1] is not_recorded


# (seat, absent, not recorded, status): absent wins when one seat is both
STATUS = [
    ("a", None, None, Attendance.Status.PRESENT),
    ("a", "a", None, Attendance.Status.ABSENT),
    ("a", None, "a", Attendance.Status.NOT_RECORDED),
    ("a", "a", "a", Attendance.Status.ABSENT),
    ("a", "b", "c", Attendance.Status.PRESENT),
]


@pytest.mark.parametrize(("seat", "absent", "not_recorded", "expected"), STATUS)
def test_seat_status(seat, absent, not_recorded, expected):
    assert seat_status(seat, absent, not_recorded) == expected
