"""Harvests in the background, on the database task queue (``manage.py db_worker``).

:func:`harvest_source_task` harvests one source (see :mod:`harvest.queue` for how workers share
the work). After a run the source's next nightly run is queued (``HARVEST_HOUR`` local time);
"run now" (:func:`request_run`) queues one at once. ``manage.py harvest --schedule`` queues the
nightly run of every active source that has none (run it once after deploying, or from cron).
"""
from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from . import queue
from .models import HarvestRun, Source
from .services import harvest

logger = logging.getLogger(__name__)


def next_night(now: datetime.datetime | None = None) -> datetime.datetime:
    local = timezone.localtime(now or timezone.now())
    at = local.replace(hour=int(settings.HARVEST_HOUR), minute=0, second=0, microsecond=0)
    return at if at > local else at + datetime.timedelta(days=1)


def run_source(source_id: int, *, requested_at: datetime.datetime | None = None, since: str | None = None,
               dry_run: bool = False, client=None, parse=None) -> HarvestRun | None:
    """Claim, harvest and release one source; None if another worker has (or had) it."""
    run = queue.claim(source_id, requested_at=requested_at, dry_run=dry_run)
    if run is None:
        return None
    lease = queue.Lease(run)
    source = Source.objects.select_related("municipality", "body").get(pk=source_id)
    try:  # a dry run rolls back each meeting it applies, and moves no cursor
        run.outcome = harvest(source, run, client=client, since=since, dry_run=dry_run, renew=lease.renew, parse=parse)
    except Exception as error:  # the worker lives on: the run must not stay "running" (a killed one is
        # marked interrupted by the next claim)
        queue.fail(run, error)
        raise
    finally:
        scheduled = schedule(source) if source.active and not dry_run else None
        queue.release(run, next_run_at=scheduled)
    return run


def schedule(source: Source) -> datetime.datetime | None:
    """Queue the source's next nightly run (when the queue can hold tasks for later)."""
    if not default_task_backend.supports_defer:
        return None
    when = next_night()
    if source.next_run_at and timezone.now() < source.next_run_at <= when:
        return source.next_run_at  # already queued
    harvest_source_task.using(run_after=when).enqueue(source.pk, when.isoformat())
    return when


def ensure_scheduled(source: Source) -> None:
    """Queue the nightly run of an active source (once the source is committed)."""
    def queue():
        when = schedule(source) if source.active else None
        Source.objects.filter(pk=source.pk).update(next_run_at=when)

    transaction.on_commit(queue)


def request_run(source: Source) -> None:
    """"Run now": queued once the request is committed."""
    requested = timezone.now().isoformat()
    transaction.on_commit(lambda: harvest_source_task.enqueue(source.pk, requested))


@task()
def harvest_source_task(source_id: int, requested_at: str | None = None) -> str:
    requested = datetime.datetime.fromisoformat(requested_at) if requested_at else None
    if not Source.objects.filter(pk=source_id).exists():
        return "gone"
    with translation.override(settings.LANGUAGE_CODE):  # what the run reports is read in the UI
        run = run_source(source_id, requested_at=requested)
    return run.status if run else "skipped"
