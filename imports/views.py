"""Upload, review and confirm meeting documents (HR staff of the municipality)."""
from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from meetings.models import ImportRun, Meeting
from municipalities.access import get_visible_or_404, require_edit
from municipalities.models import Municipality

from .forms import ReviewForm, UploadForm
from .importing import (
    MAX_ITEMS_PER_MEETING,
    MAX_MEETINGS_PER_DOCUMENT,
    apply_preview,
    check_preview,
    discard_run,
    store_document,
)
from .parsers.errors import ProtocolImportError
from .review import review_page
from .tasks import recover_stale_runs, start_parsing, start_saving


def import_upload(request, number: str):
    municipality = get_object_or_404(Municipality, number=number)
    require_edit(request.user, municipality.number)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                run = ImportRun.objects.create(municipality=municipality, created_by=request.user)
                for upload in form.cleaned_data["files"]:
                    run.documents.add(store_document(upload.read(), upload.name, municipality, request.user))
                start_parsing(run)
        except ProtocolImportError as error:
            form.add_error("files", error.message)
        else:
            return redirect(run)
    runs = (
        ImportRun.objects.visible_to(request.user).filter(municipality=municipality)
        .select_related("created_by").prefetch_related("documents")[:20]
    )
    limits = {"meetings": MAX_MEETINGS_PER_DOCUMENT, "items": MAX_ITEMS_PER_MEETING}
    return render(
        request, "imports/import_upload.html", {"municipality": municipality, "form": form, "runs": runs, "limits": limits}
    )


def _visible_run(request, pk: int) -> ImportRun:
    """The run, after noticing a lost worker (its status page is where a person waits for it)."""
    runs = ImportRun.objects.select_related("municipality")
    run = get_visible_or_404(runs, request.user, pk=pk)
    waiting = (ImportRun.Status.PARSING, ImportRun.Status.SAVING)
    if run.status in waiting and recover_stale_runs(ImportRun.objects.filter(pk=run.pk)):
        run = runs.get(pk=pk)
    return run


def _reviewable(run: ImportRun) -> bool:
    """Waiting for review with something to review: a preview that lists its meetings (a run
    marked ready with an empty or broken preview has nothing to show or save)."""
    preview = run.preview
    return run.status == ImportRun.Status.READY and isinstance(preview, dict) and isinstance(preview.get("meetings"), list)


def import_detail(request, pk: int):
    run = _visible_run(request, pk)
    form = page = None
    if _reviewable(run):
        page = review_page(run.preview, request.GET)
        form = ReviewForm(preview=run.preview, municipality=run.municipality, **page.form_kwargs)
    elif run.status == ImportRun.Status.READY:
        messages.error(request, _("This import has nothing to review. Discard it in the list of imports and upload the document again."))
    meetings = Meeting.objects.filter(pk__in=run.result.get("meeting_ids", [])).select_related("body")
    return render(request, "imports/import_detail.html", {"run": run, "form": form, "page": page, "meetings": meetings})


@require_POST
def import_confirm(request, pk: int):
    run = get_visible_or_404(ImportRun.objects.select_related("municipality"), request.user, pk=pk)
    require_edit(request.user, run.municipality_id)
    if not _reviewable(run):
        return _already_handled(request, run)
    page = review_page(run.preview, request.GET)
    form = ReviewForm(request.POST, preview=run.preview, municipality=run.municipality, **page.form_kwargs)
    context = {"run": run, "form": form, "page": page, "meetings": []}
    if not form.is_valid():
        messages.error(request, _("Nothing was saved. Correct the fields marked below."))
        return render(request, "imports/import_detail.html", context, status=400)
    corrected = form.corrected_preview()
    if page.paged:  # keep this page's corrections while the reviewer goes through the others
        run.preview = corrected
        run.save(update_fields=["preview"])
        if request.POST.get("action") == "next" and page.next_query:
            return redirect(run.get_absolute_url() + page.next_query)
        return _save_in_background(request, run, corrected, context)
    try:
        with transaction.atomic():
            # Claim the run first: of two submits of the same confirmation, the second waits
            # here for the first to commit, then finds the run saved and applies nothing.
            claimed = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.READY).update(
                status=ImportRun.Status.CONFIRMED, confirmed_at=timezone.now()
            )
            if not claimed:
                return _already_handled(request, run)
            result = apply_preview(corrected, run.municipality, request.user)
            ImportRun.objects.filter(pk=run.pk).update(result=result.as_dict())
    except ProtocolImportError as error:
        messages.error(request, error.message)
        return render(request, "imports/import_detail.html", context, status=400)
    counts = result.as_dict()["counts"]
    messages.success(
        request,
        _("Saved: %(inserted)d new, %(updated)d updated, %(unchanged)d unchanged.") % counts,
    )
    return redirect(run)


def _save_in_background(request, run: ImportRun, corrected: dict, context: dict):
    """A big document is saved by the worker: the run is claimed here (so a second submit finds
    it taken) and its page shows the state until the worker is done."""
    try:
        check_preview(corrected, run.municipality)
    except ProtocolImportError as error:
        messages.error(request, error.message)
        return render(request, "imports/import_detail.html", context, status=400)
    with transaction.atomic():
        claimed = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.READY).update(
            status=ImportRun.Status.SAVING, preview=corrected, confirmed_by=request.user,
            confirmed_at=timezone.now(), errors=[],
        )
        if not claimed:
            return _already_handled(request, run)
        start_saving(run)
    messages.info(request, _("The meetings are being saved in the background. This page shows when they are saved."))
    return redirect(run)


def _already_handled(request, run: ImportRun):
    """A confirmation for a run that is not (or no longer) waiting for one, e.g. a double submit."""
    run.refresh_from_db(fields=["status"])
    if run.status == ImportRun.Status.SAVING:
        messages.info(request, _("This import is already being saved."))
    elif run.status == ImportRun.Status.CONFIRMED:
        messages.info(request, _("This import has already been saved."))
    else:
        messages.error(request, _("This import cannot be saved in its current state."))
    return redirect(run)


@require_POST
def import_discard(request, pk: int):
    """Throw away an import that is waiting, ready for review or failed (nothing was saved from it)."""
    run = get_visible_or_404(ImportRun.objects.select_related("municipality"), request.user, pk=pk)
    require_edit(request.user, run.municipality_id)
    if not discard_run(run):
        messages.error(request, _("This import cannot be discarded in its current state."))
        return redirect(run)
    messages.success(request, _("The import was discarded."))
    return redirect("imports:import_upload", run.municipality_id)


@require_GET
def import_status(request, pk: int):
    run = _visible_run(request, pk)
    return JsonResponse({"status": run.status, "label": run.get_status_display(), "progress": run.progress})
