"""Background work: parsing uploaded meeting documents (run by ``manage.py db_worker``).

A worker that parses a run holds a lease on it: it renews ``ImportRun.heartbeat_at`` while it
works (also while a document is parsed in its child process, see
:mod:`imports.parsers.isolation`). A run still "parsing" whose lease is older than
``IMPORT_LEASE_SECONDS`` lost its worker (killed, or cut off from the database): it is queued
again once and, when that attempt is lost too, failed with a message the import page shows.
:func:`recover_stale_runs` is called by the worker (``imports/management/commands/db_worker.py``)
and, for one run, by its status page.

Each attempt works only while it is the current one (``attempts`` unchanged, status still
"parsing"), so a worker that was presumed dead but comes back cannot overwrite the retry.
"""
from __future__ import annotations

import datetime
import logging
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from meetings.models import ImportRun
from partssamarbeid.database import DATABASE_ERRORS, reconnecting

from .applying import apply_preview
from .building import build_preview
from .parsers.errors import ProtocolImportError
from .parsers.isolation import ParseBudget, parse_isolated
from .preview import Preview

logger = logging.getLogger(__name__)

class Superseded(Exception):
    """This attempt's lease was taken over (the run was retried or failed meanwhile)."""


def lease_seconds() -> float:
    return float(settings.IMPORT_LEASE_SECONDS)


def parse_budget() -> ParseBudget:
    return ParseBudget(seconds=float(settings.IMPORT_PARSE_SECONDS), memory_mb=int(settings.IMPORT_PARSE_MEMORY_MB))


class Lease:
    """One attempt's hold on a run: renewed at most every few seconds while the worker is busy."""

    def __init__(self, run_id: int, attempt: int):
        self.run_id, self.attempt = run_id, attempt
        self.renewed = timezone.now()

    def current(self):
        return ImportRun.objects.filter(pk=self.run_id, status=ImportRun.Status.PARSING, attempts=self.attempt)

    def update(self, **values) -> None:
        now = timezone.now()
        if not reconnecting(lambda: self.current().update(heartbeat_at=now, **values)):
            raise Superseded(self.run_id)
        self.renewed = now

    def renew(self) -> None:
        if (timezone.now() - self.renewed).total_seconds() >= min(5.0, lease_seconds() / 3):
            self.update()


@task()
def parse_import_run(run_id: int) -> str:
    """Parse every file of an import run, recording progress, and leave a preview for review."""
    now = timezone.now()
    claimed = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.PARSING, progress=0, attempts=F("attempts") + 1, heartbeat_at=now
    )
    run = ImportRun.objects.select_related("municipality").get(pk=run_id)
    if not claimed:  # a duplicate of a task already run, or of a run recovered meanwhile
        return run.status
    lease = Lease(run_id, run.attempts)
    try:
        return _parse(run, lease)
    except Superseded:
        logger.warning("import run %s: attempt %s was superseded", run_id, run.attempts)
        return "superseded"


def _parse(run: ImportRun, lease: Lease) -> str:
    parse = partial(parse_isolated, budget=parse_budget(), on_wait=lease.renew, parser=settings.IMPORT_PARSER)
    documents = list(run.documents.order_by("pk"))
    preview = Preview(municipality=run.municipality_id)
    errors = []
    for done, document in enumerate(documents, start=1):
        try:
            on_pages = _page_progress(lease, done - 1, len(documents))
            part = reconnecting(
                lambda: build_preview([document], run.municipality, parse=partial(parse, on_progress=on_pages))  # noqa: B023 - called at once
            )
        except ProtocolImportError as error:
            errors.append({"filename": document.filename, "code": error.code, "message": error.message})
        except (Superseded, *DATABASE_ERRORS):
            raise
        except Exception:  # noqa: BLE001 - a bug must not leave the run spinning forever
            logger.exception("import run %s: unexpected error in %s", run.pk, document.filename)
            errors.append({"filename": document.filename, "code": "internal",
                           "message": ProtocolImportError("internal").message})
        else:
            preview.extend(part)
        lease.update(progress=int(done * 100 / max(len(documents), 1)))
    preview.sort()
    status = ImportRun.Status.READY if preview.meetings else ImportRun.Status.FAILED
    lease.update(preview=preview.to_json(), errors=errors, progress=100, status=status)
    return status


def _page_progress(lease: Lease, files_done: int, files: int):
    """Progress while a scanned file's pages are recognised (OCR): its share of the run."""

    def report(pages_done: int, pages: int) -> None:
        share = (files_done + pages_done / max(pages, 1)) / max(files, 1)
        lease.update(progress=min(int(share * 100), 99))

    return report


@task()
def save_import_run(run_id: int) -> str:
    """Save a reviewed run that was handed to the worker (a big document): all of it or nothing.

    The run was claimed by its confirmation (status "saving", the corrected preview stored), so
    a double submit queues nothing twice; a duplicate of this task finds the run saved and
    applies nothing: the first statement of the transaction claims the run, and a second attempt
    waits for it and then finds nothing to claim. A refusal (a date or body missing after all)
    puts the run back up for review with the message.
    """
    run = ImportRun.objects.select_related("municipality", "confirmed_by").get(pk=run_id)
    try:
        with transaction.atomic():
            claimed = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.SAVING).update(
                status=ImportRun.Status.CONFIRMED, confirmed_at=timezone.now(), progress=100
            )
            if not claimed:
                return ImportRun.objects.get(pk=run_id).status
            result = apply_preview(Preview.from_json(run.preview), run.municipality, run.confirmed_by)
            ImportRun.objects.filter(pk=run_id).update(result=result.as_dict(), errors=[])
    except ProtocolImportError as error:
        _back_to_review(run_id, error)
        return ImportRun.Status.READY
    except (*DATABASE_ERRORS,):
        raise
    except Exception:  # noqa: BLE001 - a bug must not leave the run "being saved" forever
        logger.exception("import run %s: unexpected error while saving", run_id)
        _back_to_review(run_id, ProtocolImportError("save_failed"))
        return ImportRun.Status.READY
    return ImportRun.Status.CONFIRMED


def _back_to_review(run_id: int, error: ProtocolImportError) -> None:
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.SAVING).update(
        status=ImportRun.Status.READY, progress=100, errors=[{"filename": "", "code": error.code, "message": error.message}]
    )


def start_saving(run: ImportRun) -> None:
    """Queue the save of a claimed run once the claim is committed."""
    transaction.on_commit(lambda: _enqueue_save(run.pk))


def _enqueue_save(run_id: int) -> None:
    result = save_import_run.enqueue(run_id)
    ImportRun.objects.filter(pk=run_id).update(task_id=str(result.id)[:64])


def start_parsing(run: ImportRun) -> None:
    """Queue the parse once the run and its files are committed."""
    transaction.on_commit(lambda: _enqueue(run.pk))


def _enqueue(run_id: int) -> None:
    result = parse_import_run.enqueue(run_id)
    ImportRun.objects.filter(pk=run_id).update(task_id=str(result.id)[:64])


# --- lost workers --------------------------------------------------------------------------


def _stale(now: datetime.datetime) -> Q:
    cutoff = now - datetime.timedelta(seconds=lease_seconds())
    return Q(status=ImportRun.Status.PARSING) & (Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True))


def recover_stale_runs(runs=None) -> int:
    """Retry (once) or fail every run whose worker's lease ran out; returns how many.

    A run still "being saved" after ``IMPORT_SAVE_SECONDS`` lost its worker too: its transaction
    never committed, so nothing was saved, and it goes back to review with a message."""
    now = timezone.now()
    runs = runs if runs is not None else ImportRun.objects.all()
    saves = _recover_lost_saves(runs, now)
    runs = runs.filter(_stale(now))
    return saves + sum(_recover(run, now) for run in runs.only("pk", "attempts", "task_id"))


def _recover_lost_saves(runs, now: datetime.datetime) -> int:
    """Put saves older than ``IMPORT_SAVE_SECONDS`` back up for review. Where the database can
    skip locked rows (PostgreSQL), a save still running holds its run's row (the claim is the
    first statement of its transaction) and is skipped, so a slow save is never interrupted and
    nobody waits for it here."""
    cutoff = now - datetime.timedelta(seconds=float(settings.IMPORT_SAVE_SECONDS))
    stale = runs.filter(status=ImportRun.Status.SAVING, confirmed_at__lt=cutoff)
    if not stale.exists():
        return 0
    error = ProtocolImportError("save_lost")
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            stale = ImportRun.objects.filter(pk__in=list(stale.select_for_update(skip_locked=True).values_list("pk", flat=True)))
        return stale.update(
            status=ImportRun.Status.READY, errors=[{"filename": "", "code": error.code, "message": error.message}]
        )


def _recover(run: ImportRun, now: datetime.datetime) -> bool:
    still_stale = ImportRun.objects.filter(_stale(now), pk=run.pk, attempts=run.attempts)
    if run.attempts < settings.IMPORT_MAX_ATTEMPTS:
        if not still_stale.update(status=ImportRun.Status.QUEUED, progress=0, heartbeat_at=None):
            return False  # renewed meanwhile, or someone else recovered it first
        logger.warning("import run %s: the worker was lost in attempt %s; retrying", run.pk, run.attempts)
        _abandon_task(run.task_id)
        start_parsing(run)
        return True
    names = ", ".join(run.documents.order_by("pk").values_list("filename", flat=True))
    error = ProtocolImportError("worker_lost")
    if not still_stale.update(
        status=ImportRun.Status.FAILED, progress=100, heartbeat_at=None,
        errors=[{"filename": names, "code": error.code, "message": error.message}],
    ):
        return False
    logger.error("import run %s: the worker was lost in attempt %s; giving up", run.pk, run.attempts)
    _abandon_task(run.task_id)
    return True


def _abandon_task(task_id: str) -> None:
    """Mark the lost attempt's queue entry failed (it stays "running" when its worker died)."""
    if not task_id or "django_tasks_db" not in settings.INSTALLED_APPS:
        return
    from django.core.exceptions import ValidationError
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    try:
        DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.FAILED, finished_at=timezone.now()
        )
    except ValidationError:  # an id from another backend (the tests' immediate one)
        pass
