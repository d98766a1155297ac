"""Background work: parsing uploaded meeting documents (run by ``manage.py db_worker``)."""
from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task

from .importers import ocr
from .importers.errors import ProtocolImportError
from .importing import build_preview, preview_order
from .models import ImportRun

logger = logging.getLogger(__name__)


@task()
def parse_import_run(run_id: int) -> str:
    """Parse every file of an import run, recording progress, and leave a preview for review."""
    run = ImportRun.objects.select_related("municipality").get(pk=run_id)
    run.status = ImportRun.Status.PARSING
    run.progress = 0
    run.save(update_fields=["status", "progress"])
    documents = list(run.documents.order_by("pk"))
    preview = {"municipality": run.municipality_id, "documents": [], "meetings": [], "warnings": []}
    errors = []
    for done, document in enumerate(documents, start=1):
        try:
            with ocr.reporting_progress(_page_progress(run_id, done - 1, len(documents))):
                part = build_preview([document], run.municipality)
        except ProtocolImportError as error:
            errors.append({"filename": document.filename, "code": error.code, "message": error.message})
        except Exception:  # noqa: BLE001 - a bug must not leave the run spinning forever
            logger.exception("import run %s: unexpected error in %s", run_id, document.filename)
            errors.append({"filename": document.filename, "code": "internal",
                           "message": ProtocolImportError("internal").message})
        else:
            for key in ("documents", "meetings", "warnings"):
                preview[key].extend(part[key])
        ImportRun.objects.filter(pk=run_id).update(progress=int(done * 100 / max(len(documents), 1)))
    preview["meetings"].sort(key=preview_order)
    run.preview = preview
    run.errors = errors
    run.progress = 100
    run.status = ImportRun.Status.READY if preview["meetings"] else ImportRun.Status.FAILED
    run.save(update_fields=["preview", "errors", "progress", "status"])
    return run.status


def _page_progress(run_id: int, files_done: int, files: int):
    """Progress while a scanned file's pages are recognised (OCR): its share of the run."""

    def report(pages_done: int, pages: int) -> None:
        share = (files_done + pages_done / max(pages, 1)) / max(files, 1)
        ImportRun.objects.filter(pk=run_id).update(progress=min(int(share * 100), 99))

    return report


def start_parsing(run: ImportRun) -> None:
    """Queue the parse once the run and its files are committed."""
    transaction.on_commit(lambda: parse_import_run.enqueue(run.pk))
