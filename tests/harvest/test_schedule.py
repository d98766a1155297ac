"""The nightly schedule on the database task queue, and "run now"."""
from __future__ import annotations

import datetime
import zoneinfo

from django_tasks_db.models import DBTaskResult

from harvest.models import Source
from harvest.tasks import next_night, run_source

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def test_the_next_night_is_at_the_harvest_hour_local_time(settings):
    settings.HARVEST_HOUR = 2
    settings.TIME_ZONE = "Europe/Oslo"
    assert next_night(datetime.datetime(2025, 3, 1, 14, 0, tzinfo=OSLO)) == datetime.datetime(2025, 3, 2, 2, 0, tzinfo=OSLO)
    assert next_night(datetime.datetime(2025, 3, 1, 1, 0, tzinfo=OSLO)) == datetime.datetime(2025, 3, 1, 2, 0, tzinfo=OSLO)


def test_a_run_queues_the_next_nightly_run_once(einnsyn, source, settings, in_process_parse):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    run_source(source.pk, parse=in_process_parse)
    queued = DBTaskResult.objects.filter(task_path="harvest.tasks.harvest_source_task")
    [task] = queued
    source.refresh_from_db()
    assert task.run_after == source.next_run_at and source.next_run_at > source.runs.get().started_at
    assert task.args_kwargs["args"][0] == source.pk
    # "run now" later the same day: the nightly run is already queued
    Source.objects.filter(pk=source.pk).update(cursor="")
    run_source(source.pk, parse=in_process_parse)
    assert queued.count() == 1


def test_a_paused_source_is_not_queued(einnsyn, source, settings, in_process_parse):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    Source.objects.filter(pk=source.pk).update(active=False)
    run_source(source.pk, parse=in_process_parse)
    assert not DBTaskResult.objects.exists()


def test_the_schedule_command_queues_every_active_source_once(source, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    paused = Source.objects.create(municipality=source.municipality, body=source.body, enhet_id="enhet_01jb0pausa000000000000",
                                   utvalg_ids=["enhet_01jb0pausa0utval00000"], active=False)
    call_command("harvest", "--schedule", stdout=StringIO())
    call_command("harvest", "--schedule", stdout=StringIO())
    [queued] = DBTaskResult.objects.all()  # once, though asked twice; the paused source not at all
    pk, when = queued.args_kwargs["args"]
    assert pk == source.pk and datetime.datetime.fromisoformat(when) == Source.objects.get(pk=pk).next_run_at
    assert Source.objects.get(pk=paused.pk).next_run_at is None
