"""Pages, exports and the API use a bounded number of queries, whatever the size of the data."""
from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.models import Level
from meetings.models import Attendance
from municipalities.models import Body, Membership, Municipality

from .. import factories as f
from . import factories as df

pytestmark = pytest.mark.django_db
D = datetime.date
NUMBERS = ["3205", "1103", "4601", "5001", "1804", "3403", "1506", "4204"]
PERIOD = "from=2020-01-01&to=2023-12-31"


def add_municipalities(numbers: list[str], meetings: int = 2) -> None:
    """For each municipality: a PSU with seats, held meetings with items, proposals, requests and
    attendance, a cancelled meeting, and a measure with topics, events and a linked item."""
    org = f.OrganisationFactory(short_name="Fagforbundet")
    for number in numbers:
        municipality = Municipality.objects.get(number=number)
        body = df.body(municipality, f"PSU {number}")
        rep = df.member(body, f"Tillitsvalgt {number}", org=org)
        sub = df.member(body, f"Vara {number}", role=Membership.Role.VARAMEDLEM, org=org)
        for n in range(meetings):
            meeting = df.meeting(body, D(2021, 1 + n, 10))
            df.seat(meeting, rep, Attendance.Status.ABSENT)
            df.seat(meeting, sub, substitute_for=rep)
            item = df.item(meeting, 1, f"Klimatiltak {number}-{n}", climate_level="linked")
            df.item(meeting, 2, "Godkjenning av protokoll", procedural=True)
            f.ProposalFactory(item=item, proposers=[org])
            f.RequestFactory(meeting=meeting, raised_under=item)
            measure = df.MeasureFactory(municipality=municipality, title=f"Tiltak {number}-{n}",
                                        decision_date=meeting.date, topics=["energy", "transport"], agenda_items=[item])
            df.InvolvementFactory(measure=measure, date=meeting.date, level=Level.CONSULTED, agenda_item=item)
        df.meeting(body, D(2021, 12, 1), state=df.CANCELLED)


def count(client, url) -> int:
    """Queries of one request, with nothing cached (dashboards.summary_cache)."""
    from dashboards import summary_cache

    summary_cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


# (name, url, limit)
URLS = [
    ("national", f"/dashboards/national/?{PERIOD}", 14),
    ("national sorted", f"/dashboards/national/?{PERIOD}&sort=-index&with_data=on", 14),
    ("national by county", f"/dashboards/national/?{PERIOD}&county=32", 14),
    ("national csv", f"/dashboards/national/export.csv?{PERIOD}", 12),
    ("national xlsx", f"/dashboards/national/export.xlsx?{PERIOD}", 12),
    ("national records", f"/dashboards/records/?{PERIOD}&metric=climate_mentions", 8),
    ("national items csv", f"/dashboards/records/export.csv?{PERIOD}&metric=agenda_items", 8),
    ("national measures xlsx", f"/dashboards/records/export.xlsx?{PERIOD}&metric=measures", 8),
    ("api scorecards", f"/api/v1/scorecards/?{PERIOD}", 12),
    ("api scorecards with data", f"/api/v1/scorecards/?{PERIOD}&with_data=1", 12),
    ("api meetings", "/api/v1/meetings/", 6),
    ("api items", "/api/v1/agenda-items/", 6),
    ("api bodies", "/api/v1/bodies/", 6),
    ("api municipalities", "/api/v1/municipalities/", 6),
    ("api measures", "/api/v1/measures/", 8),
]


@pytest.mark.parametrize("name, url, limit", URLS, ids=[u[0] for u in URLS])
def test_same_queries_with_2_and_with_6_municipalities(world, client_for, django_assert_max_num_queries, name, url, limit):
    client = client_for("adviser")
    add_municipalities(NUMBERS[:2])
    with_two = count(client, url)
    add_municipalities(NUMBERS[2:6])
    with django_assert_max_num_queries(limit):
        with_six = count(client, url)
    assert with_six == with_two


MUNICIPALITY_URLS = [
    ("scorecard page", "/kommuner/3205/scorecard/?" + PERIOD, 20),
    ("records page", "/dashboards/records/?municipality=3205&metric=employee_voice_share&" + PERIOD, 14),
    ("records seats", "/dashboards/records/?municipality=3205&metric=employee_seat_fill_rate&" + PERIOD, 14),
    ("records initiatives", "/dashboards/records/?municipality=3205&metric=employee_initiatives&" + PERIOD, 15),
    ("records early", "/dashboards/records/?municipality=3205&metric=early_involvement_share&" + PERIOD, 14),
    ("items csv", "/dashboards/records/export.csv?municipality=3205&metric=agenda_items&" + PERIOD, 6),
    ("items xlsx", "/dashboards/records/export.xlsx?municipality=3205&metric=agenda_items&" + PERIOD, 6),
    ("measures csv", "/dashboards/records/export.csv?municipality=3205&metric=measures&" + PERIOD, 6),
    ("api scorecard", "/api/v1/municipalities/3205/scorecard?" + PERIOD, 10),
]


@pytest.mark.parametrize("name, url, limit", MUNICIPALITY_URLS, ids=[u[0] for u in MUNICIPALITY_URLS])
@pytest.mark.parametrize("role", ["hr_a", "adviser"])
def test_same_queries_with_2_and_with_12_meetings(world, client_for, django_assert_max_num_queries, name, url, limit, role):
    client = client_for(role)
    add_municipalities(["3205"], meetings=2)
    with_two = count(client, url)
    body = Body.objects.get(municipality_id="3205")
    for n in range(10):
        meeting = df.meeting(body, D(2022, 1 + n, 3))
        df.item(meeting, 1, f"Sak {n}", climate_level="mentions")
        df.MeasureFactory(municipality_id="3205", title=f"Ekstra {n}", decision_date=meeting.date, topics=["food"])
    with django_assert_max_num_queries(limit):
        with_twelve = count(client, url)
    assert with_twelve == with_two


def test_calendar_feed(world, client_for, django_assert_max_num_queries):
    client = client_for("union_rep_a")
    url = f"/kommuner/bodies/{world.body_a.pk}/meetings.ics"
    before = count(client, url)
    for n in range(8):
        meeting = df.meeting(world.body_a, D(2021, 1 + n, 5))
        df.item(meeting, 1)
    with django_assert_max_num_queries(8):
        assert count(client, url) == before
