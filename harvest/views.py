"""Harvest sources and their health (HR staff of the municipality, and superusers)."""
from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meetings.models import Meeting
from municipalities.access import get_visible_or_404, require_edit
from municipalities.models import Municipality

from .client import EinnsynError
from .forms import SourceForm
from .health import health
from .models import HarvestRun, Source
from .services import preview_connection
from .tasks import ensure_scheduled, request_run


def _municipality(request, number: str) -> Municipality:
    municipality = get_object_or_404(Municipality, number=number)
    require_edit(request.user, municipality.number)
    return municipality


def source_list(request, number: str):
    """The sources and the harvest-health of the municipality."""
    municipality = _municipality(request, number)
    sources = Source.objects.visible_to(request.user).filter(municipality=municipality).select_related("body")
    runs = HarvestRun.objects.visible_to(request.user).filter(source__municipality=municipality, dry_run=False)
    drafts = (
        Meeting.objects.visible_to(request.user)
        .filter(harvested_records__source__in=sources, published=False).distinct()
        .select_related("body").order_by("-date")[:20]
    )
    return render(request, "harvest/source_list.html", {
        "municipality": municipality, "rows": health(sources),
        "runs": runs.select_related("source__body")[:20], "drafts": drafts,
    })


def source_create(request, number: str):
    municipality = _municipality(request, number)
    form = SourceForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        source = form.save()
        ensure_scheduled(source)
        messages.success(request, _("The source was saved. Test the connection to see what will be harvested."))
        return redirect(source)
    return render(request, "harvest/source_form.html", {"municipality": municipality, "form": form, "source": None},
                  status=400 if form.is_bound else 200)


def _source(request, pk: int) -> Source:
    source = get_visible_or_404(Source.objects.select_related("municipality", "body"), request.user, pk=pk)
    require_edit(request.user, source.municipality_id)
    return source


def source_edit(request, pk: int):
    source = _source(request, pk)
    form = SourceForm(request.POST or None, instance=source, municipality=source.municipality)
    if request.method == "POST" and form.is_valid():
        ensure_scheduled(form.save())
        messages.success(request, _("The source was saved."))
        return redirect(source)
    return render(request, "harvest/source_form.html", {
        "municipality": source.municipality, "form": form, "source": source,
        "runs": source.runs.filter(dry_run=False)[:10],
    }, status=400 if form.is_bound else 200)


@require_POST
def source_test(request, pk: int):
    """List what a harvest would fetch (nothing is written)."""
    source = _source(request, pk)
    try:
        found = preview_connection(source)
    except EinnsynError as error:
        found, failure = None, str(error)
    else:
        failure = None
    form = SourceForm(instance=source, municipality=source.municipality)
    return render(request, "harvest/source_form.html", {
        "municipality": source.municipality, "form": form, "source": source, "tested": True,
        "found": found, "failure": failure, "runs": source.runs.filter(dry_run=False)[:10],
    })


@require_POST
def source_run(request, pk: int):
    source = _source(request, pk)
    request_run(source)
    messages.success(request, _("The harvest was started. Its result shows here when it is done."))
    return redirect("harvest:source_list", source.municipality_id)
