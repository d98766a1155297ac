"""The precomputed statistics (dashboards.statistics) give exactly the figures computed from the
records, for any period (boundaries mid-month included) and body kind; they are refreshed after a
save, an import, a deletion and by the refresh_statistics command."""
from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dashboards import metrics, queries, statistics
from dashboards.models import MeetingDayStatistics, TopicDayStatistics
from dashboards.scope import Period
from measures import services as measure_services
from measures.models import ClimateMeasure
from meetings import services as meeting_services
from meetings.models import AgendaItem, Meeting
from meetings.signals import send_meetings_changed
from municipalities.models import Body

from .. import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.statistics]
D = datetime.date


def periods(first: datetime.date, last: datetime.date) -> list[Period]:
    """Whole span, calendar years, and periods starting and ending mid-month."""
    result = [Period(first, last), Period(D(first.year, 1, 1), D(last.year, 12, 31))]
    for year in range(first.year, last.year + 1):
        result.append(Period(D(year, 1, 1), D(year, 12, 31)))
        result.append(Period(D(year, 3, 17), D(year, 11, 5)))
        result.append(Period(D(year, 6, 30), D(min(year + 1, last.year + 1), 2, 14)))
    result.append(Period(first + datetime.timedelta(days=1), last - datetime.timedelta(days=1)))
    return result


def assert_precomputed_equals_raw(user) -> int:
    dates = sorted(Meeting.objects.values_list("date", flat=True))
    assert dates, "no meetings to compare"
    compared = 0
    for period in periods(dates[0], dates[-1]):
        for kind in Body.Kind.values:
            assert metrics.gather_counts(user, period, kind) == metrics.gather_counts(user, period, kind, raw=True)
            fast = metrics.metrics_by_municipality(None, period, kind, user)
            raw = metrics.metrics_by_municipality(None, period, kind, user, raw=True)
            assert fast == raw
            for key in metrics.API_METRICS:  # every published metric, one by one
                assert {n: c.value(key) for n, c in fast.items()} == {n: c.value(key) for n, c in raw.items()}
            assert queries.topic_heatmap(user, period, kind) == queries.topic_heatmap(user, period, kind, raw=True)
            compared += sum(1 for card in fast.values() if card.has_data)
    numbers = sorted(set(Meeting.objects.values_list("body__municipality_id", flat=True)))
    assert metrics.last_imported(user) == metrics.last_imported(user, raw=True)
    for number in numbers:
        period = Period(dates[0], dates[-1])
        assert metrics.scorecard_with_trend(number, period, "PSU", user) == metrics.scorecard_with_trend(
            number, period, "PSU", user, raw=True
        )
    return compared


def test_precomputed_equals_raw_on_the_demo_data():
    call_command("seed_demo", force=True, verbosity=0)
    assert MeetingDayStatistics.objects.exists()
    assert TopicDayStatistics.objects.exists()
    assert assert_precomputed_equals_raw(f.SuperuserFactory()) > 0
    assert assert_precomputed_equals_raw(f.AdviserProfileFactory().user) > 0


def test_precomputed_equals_raw_on_synthetic_data():
    call_command("generate_synthetic", municipalities=3, years=2, seed=3, verbosity=0)
    assert assert_precomputed_equals_raw(f.AdviserProfileFactory().user) > 0
    call_command("generate_synthetic", municipalities=3, years=2, seed=3, clear=True, clear_only=True, verbosity=0)
    assert not MeetingDayStatistics.objects.exists()


def test_users_without_a_role_count_from_the_records():
    call_command("seed_demo", force=True, verbosity=0)
    nobody = f.UserFactory()
    assert not statistics.applies(nobody)
    assert not statistics.applies(None)
    card = metrics.scorecard("4628", Period(D(2015, 1, 1), D(2030, 1, 1)), "PSU", nobody)
    assert not card.has_data


def test_the_statistics_can_be_switched_off(settings):
    settings.DASHBOARDS_STATISTICS = False
    assert not statistics.applies(f.SuperuserFactory())


def _first_demo_item(number: str) -> AgendaItem:
    return AgendaItem.objects.filter(meeting__body__municipality_id=number, meeting__published=True,
                                     meeting__state=Meeting.State.HELD).order_by("pk").first()


def test_saving_an_item_refreshes_its_municipality():
    call_command("seed_demo", force=True, verbosity=0)
    user = f.SuperuserFactory()
    item = _first_demo_item("4628")
    period = Period(item.meeting.date, item.meeting.date)
    kind = item.meeting.body.kind
    before = metrics.scorecard("4628", period, kind, user).agenda_items
    AgendaItem.objects.create(meeting=item.meeting, position=999, title="Ny sak om klimatiltak")  # no signal
    assert metrics.scorecard("4628", period, kind, user).agenda_items == before  # stale until refreshed
    meeting_services.save_item(SimpleNamespace(save=lambda: item))  # as the item form does
    assert metrics.scorecard("4628", period, kind, user).agenda_items == before + 1
    assert metrics.scorecard("4628", period, kind, user) == metrics.scorecard("4628", period, kind, user, raw=True)


def test_a_signal_refreshes_only_the_municipalities_named():
    call_command("seed_demo", force=True, verbosity=0)
    numbers = sorted(set(MeetingDayStatistics.objects.values_list("municipality_id", flat=True)))
    assert len(numbers) >= 2
    MeetingDayStatistics.objects.all().delete()
    with CaptureQueriesContext(connection) as captured:
        send_meetings_changed(None, numbers[0])
    assert set(MeetingDayStatistics.objects.values_list("municipality_id", flat=True)) == {numbers[0]}
    assert len(captured.captured_queries) < 20  # a fixed number of queries for one municipality


def test_deleting_a_meeting_and_linking_an_item_refresh(client):
    call_command("seed_demo", force=True, verbosity=0)
    user = f.SuperuserFactory()
    client.force_login(user)
    period = Period(D(2000, 1, 1), D(2100, 1, 1))
    meeting = _first_demo_item("4628").meeting
    held = metrics.scorecard("4628", period, meeting.body.kind, user).meetings_held
    response = client.post(reverse("meetings:meeting_delete", args=[meeting.pk]))
    assert response.status_code == 302
    assert metrics.scorecard("4628", period, meeting.body.kind, user).meetings_held == held - 1
    assert metrics.scorecard("4628", period, "PSU", user) == metrics.scorecard("4628", period, "PSU", user, raw=True)
    measure = ClimateMeasure.objects.filter(topics__isnull=False).order_by("pk").first()
    assert measure is not None
    item = AgendaItem.objects.filter(
        meeting__body__municipality_id=measure.municipality_id, meeting__published=True,
        meeting__state=Meeting.State.HELD,
    ).exclude(climate_measures=measure).order_by("pk").first()
    kind = item.meeting.body.kind
    before = queries.topic_heatmap(user, period, kind)
    assert measure_services.link_item(measure, item)
    after = queries.topic_heatmap(user, period, kind)
    assert after == queries.topic_heatmap(user, period, kind, raw=True)
    assert after != before


def test_the_command_rebuilds_everything_or_one_municipality(capsys):
    call_command("seed_demo", force=True, verbosity=0)
    total = MeetingDayStatistics.objects.count()
    MeetingDayStatistics.objects.all().delete()
    call_command("refresh_statistics", municipality=["4628"])
    assert set(MeetingDayStatistics.objects.values_list("municipality_id", flat=True)) == {"4628"}
    call_command("refresh_statistics")
    assert MeetingDayStatistics.objects.count() == total
    assert "Statistics refreshed" in capsys.readouterr().out
