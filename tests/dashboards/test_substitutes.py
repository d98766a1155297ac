"""A substitute who met for an absent member fills that member's seat, entered or imported (issue 14).

The figures are read as the pages read them: from the precomputed statistics (refreshed after the
commit), and the records behind them from the drill-down query.
"""
from __future__ import annotations

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.utils import translation

from dashboards import queries, statistics
from dashboards.metrics import scorecard
from dashboards.scope import Period
from meetings.models import Attendance, Meeting
from municipalities.models import Body, Membership, Municipality, Organisation

from .. import factories as f
from ..imports.documents import PROTOCOL_2024_02

pytestmark = pytest.mark.django_db
D = datetime.date
VAKSDAL = "4628"
YEAR_2024 = Period(D(2024, 1, 1), D(2024, 12, 31))


def import_protocol(tmp_path) -> Meeting:
    path = tmp_path / "protokoll.txt"
    path.write_text(PROTOCOL_2024_02, encoding="utf-8")
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True), translation.override("nb"):
        call_command("import_protocol", str(path), "--municipality", VAKSDAL, "--body", "Administrasjonsutvalet",
                     "--publish", "--json", stdout=out)
    json.loads(out.getvalue())
    return Meeting.objects.get(body__municipality_id=VAKSDAL, date=D(2024, 2, 6))


def seats(user) -> list[tuple]:
    return sorted(
        (s.display_name, s.status, s.filled)
        for s in queries.seats_queryset(user, YEAR_2024, Body.Kind.PSU, [VAKSDAL])
    )


def test_an_imported_substitute_for_a_member_without_a_registered_seat_fills_the_seat(users, tmp_path):
    """Nobody in the protocol has a registered seat: Liv Haugen met for the absent Kari Vestrheim."""
    meeting = import_protocol(tmp_path)
    liv = Attendance.objects.get(meeting=meeting, name="Liv Haugen")
    assert (liv.substitute_for_id, liv.substitute_for_name, liv.status) == (None, "Kari Vestrheim", "present")
    assert statistics.applies(users["adviser"])
    card = scorecard(Municipality.objects.get(number=VAKSDAL), YEAR_2024, Body.Kind.PSU, users["adviser"])
    # seats: Ola Nordtveit (present) and Kari Vestrheim (absent, Liv met): the substitute is no seat
    assert (card.counts.employee_seats, card.counts.employee_seats_filled) == (2, 2)
    assert card.employee_seat_fill_rate == 1.0
    assert seats(users["adviser"]) == [("Kari Vestrheim", "absent", True), ("Ola Nordtveit", "present", True)]
    # the statistics agree with the records
    raw = scorecard(Municipality.objects.get(number=VAKSDAL), YEAR_2024, Body.Kind.PSU, users["adviser"], raw=True)
    assert raw.counts == card.counts


def test_an_imported_substitute_for_a_registered_member_fills_the_seat(users, tmp_path):
    vaksdal = Municipality.objects.get(number=VAKSDAL)
    body = f.BodyFactory(municipality=vaksdal, name="Administrasjonsutvalet")
    org = Organisation.objects.get(short_name="Utdanningsforbundet")
    for name, role in [("Kari Vestrheim", Membership.Role.MEDLEM), ("Liv Haugen", Membership.Role.VARAMEDLEM)]:
        person = f.PersonFactory(name=name, municipality=vaksdal)
        f.MembershipFactory(body=body, person=person, role=role, side=Membership.Side.EMPLOYEE, on_behalf_of=org,
                            start_date=D(2023, 1, 1))
    meeting = import_protocol(tmp_path)
    liv = Attendance.objects.get(meeting=meeting, person__name="Liv Haugen")
    assert (liv.substitute_for.person.name, liv.substitute_for_name) == ("Kari Vestrheim", "")
    card = scorecard(vaksdal, YEAR_2024, Body.Kind.PSU, users["adviser"])
    assert (card.counts.employee_seats, card.counts.employee_seats_filled) == (2, 2)
    assert seats(users["adviser"]) == [("Kari Vestrheim", "absent", True), ("Ola Nordtveit", "present", True)]


def test_an_absent_member_without_a_substitute_leaves_the_seat_empty(users, tmp_path):
    meeting = import_protocol(tmp_path)
    with TestCase.captureOnCommitCallbacks(execute=True):
        Attendance.objects.filter(meeting=meeting, name="Liv Haugen").delete()
    card = scorecard(Municipality.objects.get(number=VAKSDAL), YEAR_2024, Body.Kind.PSU, users["adviser"])
    assert (card.counts.employee_seats, card.counts.employee_seats_filled) == (2, 1)
    assert seats(users["adviser"]) == [("Kari Vestrheim", "absent", False), ("Ola Nordtveit", "present", True)]
