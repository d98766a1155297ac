"""The attendance row's filling rules (meetings.forms.AttendanceForm), one table each."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from meetings.forms import AttendanceForm
from meetings.models import Attendance

SEAT = SimpleNamespace(side=Attendance.Side.EMPLOYEE, on_behalf_of="Fagforbundet")


@pytest.mark.parametrize(("given", "expected"), [
    ({}, {"side": "employee", "organisation": "Fagforbundet"}),
    ({"side": ""}, {"side": "employee", "organisation": "Fagforbundet"}),
    ({"side": Attendance.Side.OTHER}, {"side": "employee", "organisation": "Fagforbundet"}),
    ({"side": Attendance.Side.POLITICAL}, {"side": "political", "organisation": "Fagforbundet"}),
    ({"organisation": "Delta"}, {"side": "employee", "organisation": "Delta"}),
])
def test_a_substitute_in_a_blank_row_takes_the_seats_side_and_organisation_unless_given(given, expected):
    cleaned = dict(given)
    AttendanceForm._fill_from_substituted_seat(cleaned, SEAT)
    assert {key: cleaned[key] for key in ("side", "organisation")} == expected
