"""Several workers, one or several hosts, share the harvest work through the database.

A worker :func:`claim` s a source before harvesting it: the source's row is locked with
``SELECT ... FOR UPDATE SKIP LOCKED`` (a second worker skips it instead of waiting) and its lease
(``leased_by``/``leased_until``) is taken by a conditional update, which also serialises the
claim on SQLite, where rows cannot be locked. A source is harvested by one worker at a time; a
request that was already served by a run started after it is dropped (:func:`claim` returns
None), so duplicate queue entries (nightly and "run now" at once) do the work once.

A worker renews its lease while it works; a lease that runs out (the worker was killed) frees
the source: the next claim marks the lost run "interrupted" and the new run resumes from the
source's cursor.
"""
from __future__ import annotations

import datetime
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from partssamarbeid.database import reconnecting

from .models import HarvestRun, Source

logger = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident() % 100000}"[:100]


def lease_seconds() -> float:
    return float(settings.HARVEST_LEASE_SECONDS)


def _free(now) -> Q:
    return Q(leased_until__isnull=True) | Q(leased_until__lt=now)


def claim(source_id: int, *, requested_at: datetime.datetime | None = None, worker: str | None = None,
          dry_run: bool = False) -> HarvestRun | None:
    """Take the source for a run, or None if another worker has it or already served the request."""
    worker = worker or worker_name()
    now = timezone.now()
    with transaction.atomic():
        source = Source.objects.select_for_update(skip_locked=True).filter(_free(now), pk=source_id).first()
        if source is None:
            return None
        if requested_at and source.runs.filter(started_at__gte=requested_at, dry_run=False).exists():
            return None
        taken = Source.objects.filter(_free(now), pk=source_id).update(
            leased_by=worker, leased_until=now + datetime.timedelta(seconds=lease_seconds())
        )
        if not taken:
            return None
        source.runs.filter(status=HarvestRun.Status.RUNNING).update(
            status=HarvestRun.Status.INTERRUPTED, finished_at=now
        )
        return HarvestRun.objects.create(source=source, worker=worker, cursor_from=source.cursor, dry_run=dry_run)


class Lease:
    def __init__(self, run: HarvestRun):
        self.run, self.renewed = run, timezone.now()

    def renew(self) -> None:
        now = timezone.now()
        if (now - self.renewed).total_seconds() >= min(5.0, lease_seconds() / 3):
            Source.objects.filter(pk=self.run.source_id, leased_by=self.run.worker).update(
                leased_until=now + datetime.timedelta(seconds=lease_seconds())
            )
            self.renewed = now


def release(run: HarvestRun, next_run_at: datetime.datetime | None = None) -> None:
    values = {"leased_by": "", "leased_until": None}
    if next_run_at is not None:
        values["next_run_at"] = next_run_at
    reconnecting(lambda: Source.objects.filter(pk=run.source_id, leased_by=run.worker).update(**values))


def fail(run: HarvestRun, error: BaseException) -> None:
    """End a run that stopped on an unexpected error as failed (unless it already ended)."""
    message = {"id": "", "message": f"unexpected: {type(error).__name__}"}
    try:
        reconnecting(lambda: HarvestRun.objects.filter(pk=run.pk, status=HarvestRun.Status.RUNNING).update(
            status=HarvestRun.Status.FAILED, finished_at=timezone.now(), errors=[*run.errors, message][-200:]
        ))
    except Exception:  # noqa: BLE001 - the database is gone too: the next claim marks the run interrupted
        logger.exception("harvest run %s could not be marked failed", run.pk)
