"""Import runs whose worker was lost are retried once, then failed with a message; a
double-submitted confirmation applies once. (The same with a real worker process that is
killed or cut off: test_worker_faults.py.)"""
from __future__ import annotations

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from imports import tasks
from imports.parsers.errors import MESSAGES
from meetings.models import ImportRun
from partssamarbeid.database import reconnecting

from ..helpers.imports import model_counts
from .documents import PROTOCOL_2024_02
from .test_web import confirm_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr(client_for, vaksdal_body):
    return client_for("hr_a")


@pytest.fixture
def run(hr, django_capture_on_commit_callbacks):
    """A parsed run (ready for review)."""
    upload = SimpleUploadedFile("protokoll.txt", PROTOCOL_2024_02.encode(), content_type="text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        hr.post(reverse("imports:import_upload", args=["4628"]), {"files": [upload]})
    return ImportRun.objects.get()


def lose_worker(run, *, attempts: int, seconds_ago: float = 3600) -> None:
    """Leave ``run`` as a worker does that died in attempt ``attempts``."""
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.PARSING, progress=0, attempts=attempts, preview={}, errors=[],
        heartbeat_at=timezone.now() - datetime.timedelta(seconds=seconds_ago),
    )


def test_a_run_that_lost_its_worker_is_retried_from_its_status_page(run, hr, django_capture_on_commit_callbacks):
    lose_worker(run, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = hr.get(reverse("imports:import_status", args=[run.pk]))
    assert response.json()["status"] == "queued"
    run.refresh_from_db()  # the immediate backend ran the retry on commit
    assert (run.status, run.attempts, run.progress) == ("ready", 2, 100)
    assert [m["data"]["date"] for m in run.preview["meetings"]] == ["2024-02-06"]


def test_a_run_lost_twice_fails_with_a_message(run, hr):
    lose_worker(run, attempts=2)
    page = hr.get(run.get_absolute_url()).content.decode()
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("failed", 2)
    assert run.errors == [{"filename": "protokoll.txt", "code": "worker_lost", "message": MESSAGES["worker_lost"]}]
    assert MESSAGES["worker_lost"] in page


def test_a_run_with_a_live_lease_is_left_alone(run, settings):
    settings.IMPORT_LEASE_SECONDS = 60
    lose_worker(run, attempts=1, seconds_ago=30)
    assert tasks.recover_stale_runs() == 0
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("parsing", 1)


def test_a_superseded_attempt_writes_nothing(run, monkeypatch):
    """A worker presumed dead that comes back finds its lease taken and stops quietly."""
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED, preview={}, attempts=0)
    real_build_preview = tasks.build_preview

    def build_preview_then_lose_the_lease(*args, **kwargs):
        ImportRun.objects.filter(pk=run.pk).update(attempts=2)  # the retry took over meanwhile
        return real_build_preview(*args, **kwargs)

    monkeypatch.setattr(tasks, "build_preview", build_preview_then_lose_the_lease)
    assert tasks.parse_import_run.call(run.pk) == "superseded"
    run.refresh_from_db()
    assert (run.status, run.preview) == ("parsing", {})


def test_a_lost_connection_is_reopened_once(monkeypatch):
    closed = []
    monkeypatch.setattr(connection, "close", lambda: closed.append(True))
    calls = []

    def write():
        calls.append(True)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return 1

    assert reconnecting(write) == 1
    assert (len(calls), closed) == (2, [True])


def test_a_double_submitted_confirmation_applies_once(run, hr):
    url = reverse("imports:import_confirm", args=[run.pk])
    payload = confirm_payload(run)
    first = hr.post(url, payload)
    after_first = model_counts()
    second = hr.post(url, payload)
    assert (first.status_code, second.status_code) == (302, 302)
    assert second["Location"] == run.get_absolute_url()
    assert model_counts() == after_first
    assert [str(m) for m in get_messages(second.wsgi_request)][-1:] == ["Importen er allerede lagret."]


# --- the worker loop after a lost connection (simulated, so it runs on every database) -------


@pytest.fixture
def worker(monkeypatch):
    from imports.management.commands import db_worker

    forgotten = []
    monkeypatch.setattr(db_worker, "_forget_connections", lambda: forgotten.append(True))
    monkeypatch.setattr(db_worker, "RECONNECT_PAUSE_S", 0)
    monkeypatch.setattr(db_worker.Worker, "_start_watchdog", lambda self: None)
    made = db_worker.Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test", excluded_queue_names=[],
    )
    made.forgotten = forgotten
    return made


def test_the_worker_loop_reconnects_instead_of_exiting(worker, monkeypatch):
    from django_tasks_db.management.commands import db_worker as library

    passes = []

    def loop_that_loses_its_connection_once(self):
        passes.append(True)
        if len(passes) == 1:
            raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(library.Worker, "run", loop_that_loses_its_connection_once)
    worker.run()
    assert (len(passes), worker.forgotten) == (2, [True])


def test_a_task_that_loses_its_connection_does_not_end_the_worker(worker):
    class TaskResultOnALostConnection:
        id = "lost"
        recorded: list = []

        @property
        def task(self):
            raise OperationalError("server closed the connection unexpectedly")

        def set_failed(self, exc):
            self.recorded.append(type(exc).__name__)

    result = TaskResultOnALostConnection()
    worker.run_task(result)  # does not raise
    assert result.recorded == ["OperationalError", "ConnectionError"]
    assert worker.forgotten == [True]
