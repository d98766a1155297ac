"""The precomputed statistics (dashboards.statistics) give exactly the figures computed from the
records, for any period (boundaries mid-month included) and body kind; a change to any record
they count (model signals: forms, the admin, imports) marks its day stale, and the worker
refreshes those days after the commit; the refresh_statistics command rebuilds everything."""
from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dashboards import metrics, queries, scope, statistics
from dashboards.models import MeetingDayStatistics, StaleStatistics, TopicDayStatistics
from dashboards.scope import Period
from measures import services as measure_services
from measures.models import ClimateMeasure
from meetings.models import AgendaItem, Meeting
from meetings.signals import send_meetings_changed
from municipalities.models import Body, Membership

from .. import factories as f

pytestmark = pytest.mark.django_db
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


def test_a_save_marks_its_day_and_the_worker_refreshes_it_after_the_commit(django_capture_on_commit_callbacks):
    call_command("seed_demo", force=True, verbosity=0)
    user = f.SuperuserFactory()
    item = _first_demo_item("4628")
    meeting = item.meeting
    period = Period(meeting.date, meeting.date)
    kind = meeting.body.kind
    before = metrics.scorecard("4628", period, kind, user).agenda_items
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with CaptureQueriesContext(connection) as write:
            AgendaItem.objects.create(meeting=meeting, position=999, title="Ny sak om klimatiltak")
        # the write path only marks the day stale: nothing is recomputed before the commit
        assert list(StaleStatistics.objects.values_list("municipality_id", "body_kind", "date")) == [
            ("4628", kind, meeting.date)
        ]
        assert metrics.scorecard("4628", period, kind, user).agenda_items == before
        assert not any("dashboards_meetingdaystatistics" in q["sql"] for q in write.captured_queries)
    # one refresh task per commit (the refresh then moves the statistics version on after its own commit)
    assert [type(c).__name__ for c in callbacks] == ["_Enqueue", "function"]
    assert metrics.scorecard("4628", period, kind, user).agenda_items == before + 1
    assert metrics.scorecard("4628", period, kind, user) == metrics.scorecard("4628", period, kind, user, raw=True)
    assert not StaleStatistics.objects.exists()


def test_the_refresh_upserts_only_the_marked_days(django_capture_on_commit_callbacks):
    call_command("seed_demo", force=True, verbosity=0)
    item = _first_demo_item("4628")
    other = MeetingDayStatistics.objects.exclude(date=item.meeting.date).order_by("pk").first()
    MeetingDayStatistics.objects.filter(pk=other.pk).update(meetings_held=999)  # a sentinel: must stay
    marked = MeetingDayStatistics.objects.get(
        municipality_id="4628", body_kind=item.meeting.body.kind, date=item.meeting.date
    )
    item = AgendaItem.objects.get(pk=item.pk)
    with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as captured:
        item.save()
    assert MeetingDayStatistics.objects.get(pk=other.pk).meetings_held == 999
    assert MeetingDayStatistics.objects.get(pk=marked.pk).agenda_items == marked.agenda_items  # updated in place
    # the save itself marks one day, nothing more
    assert [q["sql"].split(" (")[0] for q in captured.captured_queries if "dashboards_" in q["sql"]] == [
        'INSERT INTO "dashboards_stalestatistics"'
    ]


def _refreshed(capture, change):
    with capture(execute=True):
        change()


def test_a_body_changing_kind_moves_its_meetings(django_capture_on_commit_callbacks):
    call_command("seed_demo", force=True, verbosity=0)
    user = f.SuperuserFactory()
    body = Body.objects.filter(municipality_id="4628", kind=Body.Kind.PSU, meetings__published=True).first()
    period = Period(D(2000, 1, 1), D(2100, 1, 1))
    psu = metrics.scorecard("4628", period, "PSU", user).meetings_held
    amu = metrics.scorecard("4628", period, "AMU", user).meetings_held or 0
    moved = body.meetings.filter(published=True, state=Meeting.State.HELD).count()
    assert moved > 0

    def change():
        body.kind = Body.Kind.AMU
        body.save()

    _refreshed(django_capture_on_commit_callbacks, change)
    assert metrics.scorecard("4628", period, "AMU", user).meetings_held == amu + moved
    assert (metrics.scorecard("4628", period, "PSU", user).meetings_held or 0) == psu - moved
    assert assert_precomputed_equals_raw(user) > 0


def test_any_orm_save_refreshes_the_statistics(django_capture_on_commit_callbacks):
    call_command("seed_demo", force=True, verbosity=0)
    user = f.SuperuserFactory()
    meeting = _first_demo_item("4628").meeting
    period = Period(meeting.date, meeting.date)
    held = metrics.scorecard("4628", period, meeting.body.kind, user).meetings_held
    assert held >= 1
    with django_capture_on_commit_callbacks(execute=True):
        meeting.published = False
        meeting.save()  # the admin saves with save(): model signals see it
    assert (metrics.scorecard("4628", period, meeting.body.kind, user).meetings_held or 0) == held - 1
    assert assert_precomputed_equals_raw(user) > 0


def test_a_membership_becoming_a_substitute_changes_the_seats(django_capture_on_commit_callbacks):
    call_command("seed_demo", force=True, verbosity=0)
    user = f.SuperuserFactory()
    period = Period(D(2000, 1, 1), D(2100, 1, 1))
    seat = scope.seats(user, period, None).filter(membership__isnull=False).order_by("pk").first()
    membership, number, kind = seat.membership, seat.meeting.body.municipality_id, seat.meeting.body.kind
    seats = metrics.scorecard(number, period, kind, user).counts.employee_seats
    lost = scope.seats(user, period, kind, [number]).filter(membership=membership).count()
    assert lost > 0
    with django_capture_on_commit_callbacks(execute=True):
        membership.role = Membership.Role.VARAMEDLEM  # a substitute member attending holds no seat
        membership.save()
    assert metrics.scorecard(number, period, kind, user).counts.employee_seats == seats - lost
    assert assert_precomputed_equals_raw(user) > 0


def test_an_import_signal_marks_the_meetings_or_the_whole_municipality():
    call_command("seed_demo", force=True, verbosity=0)
    meeting = _first_demo_item("4628").meeting
    send_meetings_changed(None, "4628", meeting_ids=[meeting.pk])
    assert list(StaleStatistics.objects.values_list("municipality_id", "body_kind", "date")) == [
        ("4628", meeting.body.kind, meeting.date)
    ]
    StaleStatistics.objects.all().delete()
    send_meetings_changed(None, "4628")
    assert list(StaleStatistics.objects.values_list("municipality_id", "body_kind", "date")) == [("4628", "", None)]
    MeetingDayStatistics.objects.filter(municipality_id="4628").delete()
    assert statistics.refresh_stale() == 1
    assert MeetingDayStatistics.objects.filter(municipality_id="4628").exists()
    assert not StaleStatistics.objects.exists()


def test_deleting_a_meeting_and_linking_an_item_refresh(client, django_capture_on_commit_callbacks):
    call_command("seed_demo", force=True, verbosity=0)
    user = f.SuperuserFactory()
    client.force_login(user)
    period = Period(D(2000, 1, 1), D(2100, 1, 1))
    meeting = _first_demo_item("4628").meeting
    held = metrics.scorecard("4628", period, meeting.body.kind, user).meetings_held
    with django_capture_on_commit_callbacks(execute=True):
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
    with django_capture_on_commit_callbacks(execute=True):
        assert measure_services.link_item(measure, item)
    after = queries.topic_heatmap(user, period, kind)
    assert after == queries.topic_heatmap(user, period, kind, raw=True)
    assert after != before
    with django_capture_on_commit_callbacks(execute=True):
        measure.topics.clear()
    assert queries.topic_heatmap(user, period, kind) == queries.topic_heatmap(user, period, kind, raw=True)
    with django_capture_on_commit_callbacks(execute=True):
        measure.delete()
    assert assert_precomputed_equals_raw(user) > 0


def test_the_command_rebuilds_everything_or_one_municipality(capsys):
    call_command("seed_demo", force=True, verbosity=0)
    total = MeetingDayStatistics.objects.count()
    MeetingDayStatistics.objects.all().delete()
    call_command("refresh_statistics", municipality=["4628"])
    assert set(MeetingDayStatistics.objects.values_list("municipality_id", flat=True)) == {"4628"}
    call_command("refresh_statistics")
    assert MeetingDayStatistics.objects.count() == total
    assert "Statistics refreshed" in capsys.readouterr().out


def test_migrate_rebuilds_statistics_computed_by_another_generation_of_the_rules():
    from django.db.models.signals import post_migrate

    from dashboards.apps import _rebuild_if_outdated
    from dashboards.models import StatisticsVersion

    call_command("seed_demo", force=True, verbosity=0)
    total = MeetingDayStatistics.objects.count()
    assert total > 0
    # the handler is connected to migrate's end, for this app
    assert _rebuild_if_outdated in [entry[1]() for entry in post_migrate.receivers]
    # current generation: nothing is recomputed (the emptied table stays empty)
    StatisticsVersion.objects.update_or_create(pk=1, defaults={"generation": statistics.STATISTICS_GENERATION})
    MeetingDayStatistics.objects.all().delete()
    assert statistics.rebuild_if_outdated() is False
    assert MeetingDayStatistics.objects.count() == 0
    # stored by an older generation: everything is rebuilt once, and the generation recorded
    StatisticsVersion.objects.filter(pk=1).update(generation=statistics.STATISTICS_GENERATION - 1)
    assert statistics.rebuild_if_outdated() is True
    assert MeetingDayStatistics.objects.count() == total
    assert StatisticsVersion.objects.get(pk=1).generation == statistics.STATISTICS_GENERATION
    assert statistics.rebuild_if_outdated() is False
