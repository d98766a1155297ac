"""Pages and the API use a bounded number of queries: the same with 2 and with 10 measures."""
from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.models import Level

from .. import factories as f
from .factories import InvolvementFactory, MeasureFactory

D = datetime.date


def add_measures(w, count: int, start: int = 0):
    """``count`` measures in A, each with topics, two events and a linked climate item."""
    for n in range(start, start + count):
        meeting = f.MeetingFactory(body=w.body_a, date=D(2021, 1, 4) + datetime.timedelta(days=7 * n))
        item = f.AgendaItemFactory(meeting=meeting, position=1, climate_level="linked")
        f.ProposalFactory(item=item, proposers=[w.org["Fagforbundet"]])
        measure = MeasureFactory(municipality=w.a, title=f"Tiltak {n:02d}", topics=["energy", "transport"],
                                 agenda_items=[item], decision_date=meeting.date)
        InvolvementFactory(measure=measure, date=meeting.date, level=Level.CONSULTED, unions=[w.org["Fagforbundet"]])
        InvolvementFactory(measure=measure, date=meeting.date + datetime.timedelta(days=30), level=Level.INFORMED)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


PAGES = [
    ("register", lambda w: f"/kommuner/{w.a.number}/measures/", 12),
    ("register filtered", lambda w: f"/kommuner/{w.a.number}/measures/?topic=energy&affects=yes&timing=early", 12),
    ("coverage", lambda w: f"/kommuner/{w.a.number}/climate-coverage/", 12),
    ("not consulted", lambda w: f"/kommuner/{w.a.number}/measures/not-consulted/", 12),
    ("employee requests", lambda w: f"/kommuner/{w.a.number}/employee-requests/", 12),
    ("api", lambda w: f"/api/v1/measures/?municipality={w.a.number}", 12),
]


@pytest.mark.django_db
@pytest.mark.parametrize("name, url, limit", PAGES, ids=[p[0] for p in PAGES])
@pytest.mark.parametrize("role", ["hr_a", "adviser"])
def test_query_count_does_not_grow_with_the_number_of_measures(
    world, client_for, django_assert_max_num_queries, name, url, limit, role
):
    client = client_for(role)
    add_measures(world, 2)
    with_two = queries(client, url(world))
    add_measures(world, 8, start=2)
    with django_assert_max_num_queries(limit):
        with_ten = queries(client, url(world))
    assert with_ten == with_two


@pytest.mark.django_db
def test_measure_page_query_count_does_not_grow_with_events(world, client_for):
    add_measures(world, 1)
    measure = world.a.climate_measures.get()
    client = client_for("hr_a")
    before = queries(client, measure.get_absolute_url())
    for n in range(8):
        event = InvolvementFactory(measure=measure, date=D(2022, 3, 1) + datetime.timedelta(days=n), level=Level.INFORMED,
                                   unions=[world.org["Utdanningsforbundet"]])
        event.position_text = "Endra"
        event.save()
    assert queries(client, measure.get_absolute_url()) == before
