"""A measure's involvement drawn as a timeline: the geometry (pure, exact values) and the page."""
from __future__ import annotations

import datetime
import re

import pytest

from measures.models import Involvement, Level
from measures.services import TimelineEntry, timeline, timeline_geometry

D = datetime.date


def event(pk: int, day: datetime.date, level: int) -> Involvement:
    return Involvement(pk=pk, date=day, level=level, arena=Involvement.Arena.PSU)


def test_events_and_decision_are_placed_on_the_date_axis():
    entries = timeline(
        [event(1, D(2023, 12, 1), Level.INFORMED), event(2, D(2024, 6, 1), Level.CO_DEVELOPED),
         event(3, D(2024, 3, 1), Level.CONSULTED)],
        D(2024, 3, 1),
    )
    g = timeline_geometry(entries)
    # 183 days from 1.12.2023 to 1.6.2024 over x 36..336 (room for the markers at both ends)
    assert (g.width, g.height, g.left, g.right, g.top, g.bottom) == (360, 152, 36, 336, 30, 126)
    assert g.level_y == {0: 126.0, 1: 102.0, 2: 78.0, 3: 54.0, 4: 30.0}
    assert [(p.x, p.y, p.date, p.level, p.before_decision) for p in g.points] == [
        (36.0, 102.0, D(2023, 12, 1), 1, True),
        (185.2, 78.0, D(2024, 3, 1), 2, True),  # on the decision date: before it, as timing_for counts
        (336.0, 54.0, D(2024, 6, 1), 3, False),
    ]
    assert g.steps == ((36.0, 102.0), (185.2, 102.0), (185.2, 78.0), (336.0, 78.0), (336.0, 54.0))
    assert (g.decision_x, g.decision_date) == (185.2, D(2024, 3, 1))
    assert [(t.x, t.label, t.anchor) for t in g.ticks] == [(86.8, "2024", "middle")]


def test_a_single_event_without_decision_sits_in_the_middle_of_a_month():
    g = timeline_geometry(timeline([event(1, D(2024, 5, 10), Level.CONSULTED)], None))
    assert [(p.x, p.y, p.before_decision) for p in g.points] == [(186.0, 78.0, True)]
    assert g.steps == ((186.0, 78.0), (336.0, 78.0))
    assert (g.decision_x, g.decision_date) == (None, None)
    assert [(t.x, t.label, t.anchor) for t in g.ticks] == [(36.0, "04.2024", "start"), (336.0, "05.2024", "end")]


def test_a_decision_alone_and_nothing_at_all():
    g = timeline_geometry([TimelineEntry("decision", D(2022, 6, 1))])
    assert (g.points, g.steps, g.decision_x) == ((), (), 186.0)
    assert timeline_geometry([]) is None


def test_year_ticks_are_thinned_to_at_most_five():
    entries = timeline([event(1, D(2010, 6, 1), Level.INFORMED), event(2, D(2021, 6, 1), Level.INITIATED)], None)
    labels = [t.label for t in timeline_geometry(entries).ticks]
    assert labels == ["2011", "2014", "2017", "2020"]


@pytest.mark.django_db
def test_the_measure_page_draws_the_timeline_with_its_text_alternative(mworld, client_for):
    client = client_for("hr_a")
    html = client.get(mworld.measure_a.get_absolute_url()).content.decode()
    svg = html[html.index('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 152" class="chart-timeline"'):]
    svg = svg[: svg.index("</svg>")]
    # 10.1.2023 informed, decision 1.2.2023, 7.2.2023 consulted: 28 days over x 36..336
    assert '<circle cx="36.0" cy="102.0" r="5"' in svg
    assert '<rect x="331.0" y="73.0" width="10" height="10"' in svg  # after the decision: a square
    assert 'points="36.0,102.0 336.0,102.0 336.0,78.0"' in svg
    assert 'x1="271.7" y1="18" x2="271.7" y2="126"' in svg
    desc = re.search(r'<desc id="chart-timeline-desc">(.*?)</desc>', svg).group(1)
    assert re.findall(r"\d\d\.\d\d\.\d{4}", desc) == ["10.01.2023", "01.02.2023", "07.02.2023"]
    assert 'aria-labelledby="chart-timeline-title chart-timeline-desc"' in svg
    assert '<figcaption class="fw-semibold">' in html


@pytest.mark.django_db
def test_a_measure_without_events_or_decision_has_no_chart(mworld, client_for):
    client = client_for("hr_a")
    from measures.models import ClimateMeasure

    measure = ClimateMeasure.objects.create(municipality=mworld.a, title="Ide", status="idea")
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "chart-timeline" not in html and client.get(measure.get_absolute_url()).status_code == 200
