"""Faults in a real worker: ``manage.py db_worker`` as a subprocess on the test database, killed
with SIGKILL in the middle of a parse, or cut off from the database (PostgreSQL:
pg_terminate_backend; the loop's handling of a lost connection is also simulated in-process,
on both databases). The run completes, or fails with the message the import page shows.

The parse in the worker waits while a marker file exists (tests/imports/faulty.py), so "in the
middle of a parse" is a state the test controls rather than a race it hopes to win.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from imports import tasks
from imports.importing import store_document
from imports.parsers.errors import MESSAGES
from meetings.models import ImportRun
from municipalities.models import Municipality

from ..helpers.workers import database_url
from .documents import NOTICE_2024_04, PROTOCOL_2024_02

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 2


@pytest.fixture
def database_tasks(settings):
    """Tasks go to the database queue, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def marker(tmp_path):
    """While this file exists, the worker's parse waits."""
    path = tmp_path / "parse-is-slow"
    path.touch()
    return path


@pytest.fixture
def start_worker(marker):
    workers = []

    def start() -> subprocess.Popen:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.imports.worker_settings",
            "DATABASE_URL": database_url(),
            "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
            "IMPORT_LEASE_SECONDS": str(LEASE_SECONDS),
            "SLOW_PARSE_MARKER": str(marker),
            "DEBUG": "1",
            "PYTHONPATH": str(ROOT),
        }
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2", "--no-startup-delay",
             "--verbosity", "0"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        if worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(10)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


def queued_run(text: str) -> ImportRun:
    """An uploaded file, queued for the worker (as the upload page leaves it)."""
    vaksdal = Municipality.objects.get(number="4628")
    owner = get_user_model().objects.get_or_create(username="hr_worker_test")[0]
    run = ImportRun.objects.create(municipality=vaksdal, created_by=owner)
    run.documents.add(store_document(text.encode(), "protokoll.txt", vaksdal, owner))
    tasks.start_parsing(run)  # autocommit: queued at once
    return run


def wait_for(condition, timeout: float, what: str, worker: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if worker is not None and worker.poll() is not None:
            pytest.fail(f"the worker exited ({worker.returncode}) while waiting for {what}: {worker.stderr.read().decode()[-2000:]}")
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def run_in(pk: int, *statuses: str) -> ImportRun | None:
    run = ImportRun.objects.get(pk=pk)
    return run if run.status in statuses else None


def test_a_worker_killed_mid_parse_is_noticed_and_the_run_retried(
    vaksdal_body, database_tasks, marker, start_worker
):
    run = queued_run(PROTOCOL_2024_02)
    first = start_worker()
    parsing = wait_for(lambda: run_in(run.pk, "parsing"), 30, "the first attempt", first)
    assert (parsing.attempts, parsing.progress) == (1, 0)
    first.send_signal(signal.SIGKILL)
    first.wait()
    marker.unlink()  # the next attempt parses at once

    second = start_worker()
    done = wait_for(lambda: run_in(run.pk, "ready", "failed"), 30, "the retry", second)
    assert (done.status, done.attempts, done.progress, done.errors) == ("ready", 2, 100, [])
    assert [m["data"]["date"] for m in done.preview["meetings"]] == ["2024-02-06"]
    # the lost one, and the retry (the worker records its result just after the run is saved)
    wanted = sorted([TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL])
    wait_for(lambda: sorted(DBTaskResult.objects.values_list("status", flat=True)) == wanted, 30, "the task results", second)
    assert second.poll() is None


def test_a_run_whose_retry_is_killed_too_fails_with_a_message(vaksdal_body, database_tasks, marker, start_worker, client_for):
    """Second attempt lost as well: the run fails, and its page says why (the lease ran out
    while no worker was running, so the page itself notices)."""
    run = queued_run(PROTOCOL_2024_02)
    ImportRun.objects.filter(pk=run.pk).update(attempts=1)  # as if this were the retry
    worker = start_worker()
    wait_for(lambda: run_in(run.pk, "parsing"), 30, "the attempt", worker)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    time.sleep(LEASE_SECONDS + 0.5)

    with override_settings(IMPORT_LEASE_SECONDS=LEASE_SECONDS):
        page = client_for("hr_a").get(run.get_absolute_url()).content.decode()
    run.refresh_from_db()
    assert (run.status, run.attempts, [e["code"] for e in run.errors]) == ("failed", 2, ["worker_lost"])
    assert MESSAGES["worker_lost"] in page


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="needs a database server to cut the worker off")
def test_a_worker_cut_off_from_the_database_reconnects_and_finishes(vaksdal_body, database_tasks, marker, start_worker):
    run = queued_run(PROTOCOL_2024_02)
    worker = start_worker()
    wait_for(lambda: run_in(run.pk, "parsing"), 30, "the attempt", worker)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchall(), "the worker had no connection to cut"
    marker.unlink()

    done = wait_for(lambda: run_in(run.pk, "ready", "failed"), 30, "the run to finish", worker)
    assert (done.status, done.attempts, done.errors) == ("ready", 1, [])
    # the worker is still there and takes the next run
    later = queued_run(NOTICE_2024_04)
    wait_for(lambda: run_in(later.pk, "ready"), 30, "the next run", worker)
    assert worker.poll() is None


def test_two_confirmations_at_once_apply_once_and_both_get_an_answer(vaksdal_body, client_for):
    """A double click on "confirm": two requests at the same moment, each on its own connection."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connections
    from django.urls import reverse

    from ..helpers.imports import model_counts
    from .test_web import confirm_payload

    hr = client_for("hr_a")
    upload = SimpleUploadedFile("protokoll.txt", PROTOCOL_2024_02.encode(), content_type="text/plain")
    hr.post(reverse("imports:import_upload", args=["4628"]), {"files": [upload]})
    run = ImportRun.objects.get(status="ready")
    url, payload = reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run)
    before = model_counts()
    start = threading.Barrier(2)
    answers = []

    def confirm():
        client = client_for("hr_a")
        try:
            start.wait(10)
            answers.append(client.post(url, payload).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    run.refresh_from_db()
    assert (answers, run.status) == ([302, 302], "confirmed")
    assert model_counts()["Meeting"] == before["Meeting"] + 1
    assert run.result["counts"]["inserted"] > 0
