"""Harvesting a source from the fake eInnsyn: first run, second run, updates, faults, resume."""
from __future__ import annotations

import datetime

import pytest
from django.db import OperationalError
from django.utils import translation

from harvest import services
from harvest.models import HarvestedRecord, HarvestRun, Source
from harvest.tasks import run_source
from meetings.models import AgendaItem, Attendance, Meeting, MeetingSource, Proposal, Request

from .fake_einnsyn import load

M1, M2, M3 = "mm_01jb0adm2025feb04000000000", "mm_01jb0adm2025mar11000000000", "mm_01jb0adm2025mai20000000000"
LAST = f"2025-05-08T12:00:00Z,{M3}"


@pytest.fixture
def harvest_now(einnsyn, source, in_process_parse):
    def run(**kwargs):
        return run_source(source.pk, parse=in_process_parse, **kwargs)
    return run


def snapshot():
    """Every harvested row, to compare two runs."""
    return (
        sorted(Meeting.objects.values_list("pk", "date", "state", "place", "start_time", "end_time", "published", "version")),
        sorted(AgendaItem.objects.values_list("pk", "case_number", "item_type", "title", "decision", "handling", "version")),
        sorted(Proposal.objects.values_list("pk", "kind", "outcome", "votes_for", "votes_against", "votes_abstaining")),
        sorted(Attendance.objects.values_list("pk", "person_id", "name", "status")),
        Request.objects.count(),
        sorted(HarvestedRecord.objects.values_list("einnsyn_id", "kind", "meeting_id", "item_id")),
    )


def test_first_harvest_maps_meetings_items_decisions_votes_and_attendance(harvest_now, source, body):
    run = harvest_now()
    assert run.status == HarvestRun.Status.DONE
    assert (run.added, run.updated, run.skipped, run.errors) == (3, 0, 0, [])
    meetings = list(Meeting.objects.filter(body=body).order_by("date"))
    assert [(m.date, m.state, m.published) for m in meetings] == [
        (datetime.date(2025, 2, 4), "held", False),
        (datetime.date(2025, 3, 11), "held", False),
        (datetime.date(2025, 5, 20), "planned", False),
    ]
    first = meetings[0]
    assert (first.start_time, first.end_time, first.place) == (datetime.time(10, 0), datetime.time(11, 45), "Kommunestyresalen")
    items = list(first.items.order_by("position"))
    assert [(i.case_number, i.item_type, i.procedural) for i in items] == [
        ("01/2025", "PS", True), ("02/2025", "PS", False), ("03/2025", "RS", False),
    ]
    parking = items[1]
    assert parking.decision.startswith("Det vert innført parkeringsavgift")  # HTML made plain
    assert "<p>" not in parking.decision
    assert parking.handling.startswith("Fagforbundet la fram endringsforslag")  # structured wins over the document
    # the votes: four Ja, two Nei and one Blankt, one per representative
    [voted] = parking.proposals.all()
    assert (voted.kind, voted.outcome, voted.votes_for, voted.votes_against, voted.votes_abstaining) == (
        "administration", "adopted", 4, 2, 1)
    # the records name only who voted; the protocol's attendance (the importer's parse) fills in
    present = sorted(a.person.name for a in first.attendances.filter(person__isnull=False, status="present"))
    assert present == sorted(["Solveig Haugland", "Arne Dale", "Mona Lid", "Jon Berge", "Eli Aasen", "Petter Skog", "Ingrid Voll"])
    assert list(first.requests.values_list("by_name", "person__name")) == [("", "Petter Skog")]
    assert MeetingSource.objects.filter(meeting=first, document__filename="protokoll-adm-2025-02-04.txt").exists()
    # a meeting without a document: the structured votes give who was there
    second = meetings[1]
    assert sorted(second.attendances.values_list("person__name", flat=True)) == sorted(
        ["Solveig Haugland", "Arne Dale", "Petter Skog", "Ingrid Voll", "Mona Lid"])
    [train] = second.items.get(case_number="05/2025").proposals.all()
    assert (train.votes_for, train.votes_against, train.votes_abstaining) == (4, 1, 0)
    # the climate classifier ran on every item
    assert AgendaItem.objects.get(case_number="02/2025").climate_level != "none"
    assert AgendaItem.objects.get(case_number="06/2025").climate_level != "none"
    # the eInnsyn ids of what was written, and where the next run starts
    assert HarvestedRecord.objects.filter(kind="Moetemappe").count() == 3
    assert HarvestedRecord.objects.get(einnsyn_id="ms_01jb0adm2025sak0200000000").item == parking
    assert HarvestedRecord.objects.get(einnsyn_id="vedtak_01jb0adm2025s02000000").item == parking
    source.refresh_from_db()
    assert source.cursor == LAST and run.cursor_to == LAST
    assert (source.leased_by, source.leased_until) == ("", None)


def test_a_second_harvest_changes_nothing_and_says_so(harvest_now, source, einnsyn):
    harvest_now()
    before = snapshot()
    source.refresh_from_db()
    Source.objects.filter(pk=source.pk).update(cursor="")  # from the start again: every record is seen
    einnsyn.requests.clear()
    run = harvest_now()
    assert (run.added, run.updated, run.skipped, run.errors, run.conflicts) == (0, 0, 3, [], [])
    assert run.outcome.as_dict()["counts"] == {"inserted": 0, "updated": 0, "unchanged": 3}
    assert snapshot() == before
    assert not [p for p in einnsyn.paths() if p.startswith("/moetemappe/")]  # unchanged versions are not fetched


def test_a_refetched_unchanged_record_changes_nothing(harvest_now, source):
    harvest_now()
    before = snapshot()
    HarvestedRecord.objects.update(updated="")  # forget the versions: every meeting is fetched again
    run = harvest_now(since="2025-01-01")
    assert (run.added, run.updated, run.skipped) == (0, 0, 3)
    assert snapshot() == before


def test_an_update_keeps_a_hand_correction_and_reports_the_conflict(harvest_now, einnsyn):
    harvest_now()
    item = AgendaItem.objects.get(case_number="05/2025")
    item.title = "Reiseregulativ (retta av HR)"
    item.save()
    einnsyn.add(load("vaksdal_update.json"))
    with translation.override("en"):
        run = harvest_now()
    assert (run.added, run.updated, run.skipped) == (0, 1, 0)
    assert run.conflicts == ["Item 05/2025: “title” was corrected by hand and was not overwritten."]
    item.refresh_from_db()
    assert item.title == "Reiseregulativ (retta av HR)"
    assert item.decision.endswith("Ordninga vert evaluert etter eitt år.")


def test_the_malformed_record_is_skipped_and_reported(harvest_now, einnsyn):
    einnsyn.add(load("malformed.json"))
    run = harvest_now()
    assert run.status == HarvestRun.Status.DONE
    assert run.errors == [{"id": "mm_01jb0adm2025feb20ugyldig00", "message": "moetedato is not a date: 'neste tysdag'"}]
    assert (run.added, Meeting.objects.count()) == (3, 3)


def test_429_500_and_slow_answers_are_retried_within_a_run(harvest_now, einnsyn, settings):
    settings.EINNSYN_TIMEOUT_SECONDS = 0.3
    einnsyn.slow_seconds = 1.0
    einnsyn.fail("/search", 429)
    einnsyn.fail(f"/moetemappe/{M2}", 500, "slow")
    einnsyn.fail("/files/", 500)
    run = harvest_now()
    assert (run.status, run.added, run.errors) == ("done", 3, [])


def test_eInnsyn_down_ends_the_run_and_the_next_resumes(harvest_now, einnsyn, source):
    einnsyn.fail(f"/moetemappe/{M2}", *[500] * 10)
    run = harvest_now()
    assert run.status == HarvestRun.Status.FAILED and run.added == 1
    assert "HTTP 500" in run.errors[0]["message"]
    source.refresh_from_db()
    assert source.cursor == f"2025-02-06T08:15:00Z,{M1}"
    einnsyn.faults.clear()
    again = harvest_now()
    assert (again.status, again.added, again.cursor_from) == ("done", 2, f"2025-02-06T08:15:00Z,{M1}")
    assert Meeting.objects.count() == 3


class Crash(BaseException):
    """The worker dies (killed), not an error the run could handle."""


def test_a_crash_mid_run_resumes_from_the_cursor_without_duplicates(harvest_now, source, monkeypatch):
    real, calls = services.apply_preview, []

    def crashing(preview, municipality, user=None):
        calls.append(1)
        if len(calls) == 2:
            raise Crash
        return real(preview, municipality, user)

    monkeypatch.setattr(services, "apply_preview", crashing)
    with pytest.raises(Crash):
        harvest_now()
    assert Meeting.objects.count() == 1  # the first meeting whole, nothing of the second
    source.refresh_from_db()
    assert source.cursor == f"2025-02-06T08:15:00Z,{M1}"
    Source.objects.filter(pk=source.pk).update(leased_until=None)  # the lost worker's lease ran out
    monkeypatch.setattr(services, "apply_preview", real)
    run = harvest_now()
    assert (run.added, run.cursor_from) == (2, f"2025-02-06T08:15:00Z,{M1}")
    assert Meeting.objects.count() == 3 and AgendaItem.objects.count() == 7
    assert HarvestedRecord.objects.filter(kind="Moetemappe").count() == 3
    assert list(source.runs.order_by("pk").values_list("status", flat=True)) == ["interrupted", "done"]


def test_a_source_that_publishes_publishes_at_once(harvest_now, source):
    Source.objects.filter(pk=source.pk).update(publish_harvested=True)
    harvest_now()
    assert set(Meeting.objects.values_list("published", flat=True)) == {True}


def test_a_dry_run_writes_nothing(harvest_now, source):
    run = harvest_now(dry_run=True)
    assert run.outcome.added == 3 and len(run.outcome.meetings) == 3
    assert Meeting.objects.count() == 0 and HarvestedRecord.objects.count() == 0
    source.refresh_from_db()
    assert source.cursor == ""


def test_a_source_held_by_another_worker_is_not_harvested_twice(harvest_now, source):
    Source.objects.filter(pk=source.pk).update(
        leased_by="other:1:1", leased_until=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC))
    assert harvest_now() is None
    assert Meeting.objects.count() == 0


def test_a_meeting_moved_in_einnsyn_stays_the_same_meeting(harvest_now, einnsyn):
    harvest_now()
    planned = Meeting.objects.get(date="2025-05-20")
    [m3] = [o for o in load("vaksdal.json") if o["id"] == M3]
    m3.update(moetedato="2025-05-27T10:00:00+02:00", oppdatertDato="2025-06-10T09:00:00Z")
    einnsyn.add([m3])
    run = harvest_now()
    assert (run.added, run.updated) == (0, 1)
    assert list(Meeting.objects.order_by("date").values_list("date", flat=True)) == [
        datetime.date(2025, 2, 4), datetime.date(2025, 3, 11), datetime.date(2025, 5, 27)]
    assert Meeting.objects.get(date="2025-05-27").pk == planned.pk
    assert any("27.05.2025" in warning for warning in run.warnings)


def test_a_passing_database_error_is_retried_and_the_meeting_saved_once(harvest_now, einnsyn, source, monkeypatch):
    real, calls = services.apply_preview, []

    def locked_once(preview, municipality, user=None):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("database is locked")
        return real(preview, municipality, user)

    monkeypatch.setattr(services, "apply_preview", locked_once)
    run = harvest_now()
    assert (run.status, run.added, run.errors) == ("done", 3, [])
    assert len(calls) == 4  # three meetings, the second one twice
    assert Meeting.objects.count() == 3 and HarvestedRecord.objects.filter(kind="Moetemappe").count() == 3
    fetched = [p for p in einnsyn.paths() if p.startswith("/moetemappe/")]
    assert len(fetched) == len(set(fetched)) == 3  # the retry saves again, it does not fetch again


def test_a_database_error_while_moving_the_cursor_retries_that_step_and_counts_once(harvest_now, einnsyn, source, monkeypatch):
    real, calls = services._save_run, []

    def lost_once(run, outcome, finished=False):
        calls.append(finished)
        if len(calls) == 2:
            raise OperationalError("server closed the connection unexpectedly")
        return real(run, outcome, finished)

    monkeypatch.setattr(services, "_save_run", lost_once)
    run = harvest_now()
    run.refresh_from_db()
    assert (run.status, run.added, run.updated, run.skipped, run.meetings) == ("done", 3, 0, 0, 3)
    fetched = [p for p in einnsyn.paths() if p.startswith("/moetemappe/")]
    assert len(fetched) == len(set(fetched)) == 3
    source.refresh_from_db()
    assert source.cursor == run.cursor_to != ""


def test_a_database_that_keeps_failing_ends_the_run_as_failed_at_the_last_saved_meeting(harvest_now, source, monkeypatch):
    real, calls = services.apply_preview, []

    def locked_after_first(preview, municipality, user=None):
        calls.append(1)
        if len(calls) >= 2:
            raise OperationalError("database is locked")
        return real(preview, municipality, user)

    monkeypatch.setattr(services, "apply_preview", locked_after_first)
    run = harvest_now()
    run.refresh_from_db()
    assert (run.status, run.added, run.errors) == ("failed", 1, [{"id": "", "message": "database: OperationalError"}])
    assert run.finished_at is not None and len(calls) == 1 + services.DATABASE_ATTEMPTS
    source.refresh_from_db()
    assert source.cursor == f"2025-02-06T08:15:00Z,{M1}" and source.leased_by == ""
    assert Meeting.objects.count() == 1


def test_an_unexpected_error_ends_the_run_as_failed_not_running(harvest_now, source, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("harvest.tasks.harvest", broken)
    with pytest.raises(RuntimeError):
        harvest_now()
    run = source.runs.get()
    assert (run.status, run.errors) == ("failed", [{"id": "", "message": "unexpected: RuntimeError"}])
    assert run.finished_at is not None
    source.refresh_from_db()
    assert source.leased_by == ""  # the next run need not wait for the lease
