"""Keep each uploaded file once, under its SHA-256; throw away a run that saved nothing."""
from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction

from meetings.models import ImportRun, SourceDocument
from municipalities.models import Municipality

from .parsers.errors import MAX_BYTES, ProtocolImportError
from .parsers.text import is_pdf


def store_document(data: bytes, filename: str, municipality: Municipality, user=None) -> SourceDocument:
    """Keep the file under its checksum (once per municipality). Raises for empty or oversized files."""
    if not data:
        raise ProtocolImportError("empty")
    if len(data) > MAX_BYTES:
        raise ProtocolImportError("too_large")
    digest = hashlib.sha256(data).hexdigest()
    existing = SourceDocument.objects.filter(municipality=municipality, sha256=digest).first()
    if existing:
        return existing
    document = SourceDocument(
        municipality=municipality,
        filename=filename[-255:] or "dokument",
        sha256=digest,
        size=len(data),
        kind=SourceDocument.Kind.PDF if is_pdf(data) else SourceDocument.Kind.TEXT,
        uploaded_by=user,
    )
    document.file.save(f"{digest}", ContentFile(data), save=False)
    document.save()
    return document


DISCARDABLE = (ImportRun.Status.QUEUED, ImportRun.Status.READY, ImportRun.Status.FAILED)


def discard_run(run: ImportRun) -> bool:
    """Delete an import run that saved nothing, and its files that nothing else uses."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().filter(pk=run.pk, status__in=DISCARDABLE).first()
        if run is None:
            return False
        documents = list(run.documents.all())
        run.delete()
        for document in documents:
            if not document.import_runs.exists() and not document.meetings.exists():
                document.file.delete(save=False)
                document.delete()
    return True


