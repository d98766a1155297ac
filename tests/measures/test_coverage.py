"""The agenda-coverage matrix: topics down the side, years across, exact cells."""
from __future__ import annotations

import datetime

import pytest

from measures import services
from measures.models import Topic
from measures.services import CoverageCell, build_coverage
from meetings.models import AgendaItem, Meeting

from .. import factories as f
from ..helpers import nb

D = datetime.date
EMPTY = CoverageCell()


def cells(coverage, code):
    """{year: (items, measures, max level)} of the row for topic ``code`` (None: the no-topic row)."""
    row = next(r for r in coverage.rows if (r.topic.code if r.topic else None) == code)
    return {y: (c.items, c.measures, c.max_level) for y, c in zip(coverage.years, row.cells)} | {
        "total": (row.total.items, row.total.measures, row.total.max_level)
    }


@pytest.mark.django_db
def test_build_coverage_is_exact():
    topics = list(Topic.objects.all())
    energy, transport = Topic.objects.get(code="energy").pk, Topic.objects.get(code="transport").pk
    coverage = build_coverage(
        topics=topics,
        years=[2020, 2023],  # meeting years: 2021 and 2022 must still show
        measure_topics={1: {energy}, 2: {energy, transport}, 3: set()},
        measure_dates={1: [D(2020, 3, 1), None], 2: [None, D(2022, 6, 1)], 3: [None, None]},
        events=[(1, D(2020, 5, 1), 1), (1, D(2020, 9, 1), 3), (2, D(2022, 6, 1), 0)],
        items=[(10, D(2020, 5, 1), 1), (11, D(2022, 6, 1), 2), (11, D(2022, 6, 1), 1), (12, D(2021, 2, 1), None)],
    )
    assert coverage.years == (2020, 2021, 2022, 2023)
    assert [r.topic.code if r.topic else None for r in coverage.rows] == [t.code for t in topics] + [None]
    assert cells(coverage, "energy") == {
        2020: (1, 1, 3), 2021: (0, 0, None), 2022: (1, 2, 0), 2023: (0, 0, None), "total": (2, 2, 3)
    }
    assert cells(coverage, "transport") == {
        2020: (0, 0, None), 2021: (0, 0, None), 2022: (1, 1, 0), 2023: (0, 0, None), "total": (1, 1, 0)
    }
    # item 12 is a climate item without a measure; measure 3 has no topic and no dates
    assert cells(coverage, None) == {
        2020: (0, 0, None), 2021: (1, 0, None), 2022: (0, 0, None), 2023: (0, 0, None), "total": (1, 1, None)
    }
    assert cells(coverage, "food") == {y: (0, 0, None) for y in coverage.years} | {"total": (0, 0, None)}
    assert coverage.rows[0].cells[1].empty and not coverage.rows[1].cells[0].empty


def test_build_coverage_without_any_data():
    coverage = build_coverage(topics=[], years=[], measure_topics={}, measure_dates={}, events=[], items=[])
    assert coverage.years == ()
    assert len(coverage.rows) == 1 and coverage.rows[0].total == EMPTY


@pytest.mark.django_db
def test_coverage_for_a_municipality(mworld, users):
    w = mworld
    # a climate item in 2022 linked to nothing, and one that is climate only by a person's override
    meeting_2022 = f.MeetingFactory(body=w.body_a, date=D(2022, 4, 5), published=True)
    f.AgendaItemFactory(meeting=meeting_2022, position=1, title="Klimabudsjett",
                        climate_level=AgendaItem.ClimateLevel.MENTIONS)
    f.AgendaItemFactory(meeting=meeting_2022, position=2, title="Innkjøp", climate_override="mentions",
                        climate_override_reason="Miljøkrav i innkjøp")
    f.AgendaItemFactory(meeting=meeting_2022, position=3, title="Arbeidsmiljø",
                        climate_level=AgendaItem.ClimateLevel.NONE)
    f.MeetingFactory(body=w.body_a, date=D(2021, 4, 5), state=Meeting.State.CANCELLED)  # not a column
    # a climate item in the draft meeting: only users of A see it
    AgendaItem.objects.filter(pk=w.item_draft_a.pk).update(climate_level=AgendaItem.ClimateLevel.MENTIONS)

    for_hr = services.coverage_for(users["hr_a"], w.a)
    assert for_hr.years == (2022, 2023)
    # measure_a: decided 01.02.2023, on the agenda 07.02.2023, events 10.01.2023 (1) and 07.02.2023 (2)
    assert cells(for_hr, "transport") == {2022: (0, 0, None), 2023: (1, 1, 2), "total": (1, 1, 2)}
    assert cells(for_hr, None) == {2022: (2, 0, None), 2023: (1, 0, None), "total": (3, 0, None)}

    for_adviser = services.coverage_for(users["adviser"], w.a)
    assert cells(for_adviser, None) == {2022: (2, 0, None), 2023: (0, 0, None), "total": (2, 0, None)}


@pytest.mark.django_db
def test_coverage_page_is_an_accessible_table(mworld, client_for):
    response = client_for("union_rep_a").get(f"/kommuner/{mworld.a.number}/climate-coverage/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>" in html and '<th scope="col">2023</th>' in html and '<th scope="row">' in html
    assert f"{nb('highest level')}: {nb('2 – consulted')}" in html
