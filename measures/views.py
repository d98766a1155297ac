"""Measure pages: thin views that check access, call services and render.

Reading: every authenticated user, every municipality (measures are not drafts; agenda items
keep their own publish rules). Editing measures, their links and process answers: HR staff of
the municipality. Recording involvement and naming green representatives: HR staff and union
representatives of the municipality.
"""
from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from meetings.models import AgendaItem
from meetings.versioning import save_edit
from municipalities import permissions
from municipalities.access import get_visible_or_404, require_edit, require_involvement_recording
from municipalities.formsets import save_posted
from municipalities.models import Municipality

from . import services
from .access import can_change_involvement, require_involvement_change
from .filters import MeasureFilter
from .forms import (
    ClimateMeasureForm,
    GreenRepresentativeFormSet,
    InvolvementForm,
    LinkItemForm,
    MeasureFromItemForm,
    ProcessAnswersForm,
)
from .models import ClimateMeasure, GreenRepresentative, Involvement, Topic


def _data(request):
    """The submitted data on POST (even when empty, so the form is bound), else None."""
    return request.POST if request.method == "POST" else None


def _municipality(number: str) -> Municipality:
    return get_object_or_404(Municipality, number=number)


def _measure(user, pk: int, queryset=None) -> ClimateMeasure:
    queryset = queryset if queryset is not None else ClimateMeasure.objects.select_related("municipality")
    return get_visible_or_404(queryset, user, pk=pk)


def _municipality_context(request, municipality: Municipality, active: str) -> dict:
    return {
        "municipality": municipality,
        "active_tab": active,
        "can_edit": permissions.can_edit(request.user, municipality.number),
        "can_record": permissions.can_record_involvement(request.user, municipality.number),
    }


def _municipality_tab(active: str, template: str):
    """A tab of the municipality's measure pages, as a view of ``number`` (and the URL's other
    arguments): the decorated function gives the tab's own values, the tabs share the rest."""

    def decorator(values):
        @wraps(values)
        def view(request, number: str, **kwargs):
            municipality = _municipality(number)
            context = _municipality_context(request, municipality, active) | values(request, municipality, **kwargs)
            return render(request, f"measures/{template}.html", context)

        return view

    return decorator


# --- municipality pages ----------------------------------------------------------------------


#: the measure list's filters that the register offers (the API offers ``municipality``); a value
#: that is not one of the choices is left out, as if not given
REGISTER_FILTERS = MeasureFilter.only("topic", "status", "affects", "timing")


@_municipality_tab("register", "measure_list")
def measure_list(request, municipality: Municipality) -> dict:
    chosen = REGISTER_FILTERS(request.GET, queryset=services.register_queryset(municipality))
    return {
        "measures": services.with_summaries(chosen.qs),
        "filters": {name: chosen.value(name) for name in REGISTER_FILTERS.base_filters},
        "topic_choices": Topic.Code.choices,
        "status_choices": ClimateMeasure.Status.choices,
        "timing_choices": services.Timing.choices,
    }


@_municipality_tab("coverage", "coverage")
def coverage(request, municipality: Municipality) -> dict:
    return {"coverage": services.coverage_for(request.user, municipality)}


@_municipality_tab("coverage", "coverage_cell")
def coverage_cell(request, municipality: Municipality, topic: str, year: int) -> dict:
    """The agenda items one cell of the coverage heat map counts."""
    labels = dict(Topic.Code.choices) | {services.NO_TOPIC: _("No topic")}
    if topic not in labels:
        raise Http404
    return {
        "items": services.coverage_items(request.user, municipality, topic, year),
        "topic_label": labels[topic],
        "year": year,
    }


@_municipality_tab("not_consulted", "not_consulted")
def not_consulted(request, municipality: Municipality) -> dict:
    return {"measures": services.not_consulted_before_decision(municipality)}


@_municipality_tab("requests", "employee_requests")
def employee_requests(request, municipality: Municipality) -> dict:
    rows = services.employee_requests(request.user, municipality)
    return {
        "requests": rows,
        "asked": sum(1 for r in rows if r.outcome != services.RequestOutcome.QUESTION),
        "reached": sum(1 for r in rows if r.outcome == services.RequestOutcome.ON_AGENDA),
    }


@_municipality_tab("green", "green_representatives")
def green_representatives(request, municipality: Municipality) -> dict:
    return {"representatives": services.green_representatives(municipality)}


def green_representatives_edit(request, number: str):
    municipality = _municipality(number)
    require_involvement_recording(request.user, municipality.number)
    formset = GreenRepresentativeFormSet(
        _data(request),
        instance=municipality,
        prefix="green",
        queryset=GreenRepresentative.objects.select_related("person", "union"),
    )
    if save_posted(request, formset, _("The green representatives were saved.")):
        return redirect("measures:green_representatives", number=municipality.number)
    return render(
        request, "measures/green_representatives_form.html", {"municipality": municipality, "formset": formset}
    )


# --- measures --------------------------------------------------------------------------------


def measure_create(request, number: str):
    municipality = _municipality(number)
    require_edit(request.user, municipality.number)
    form = ClimateMeasureForm(_data(request), municipality=municipality)
    if request.method == "POST" and form.is_valid():
        measure = services.save_measure(form)
        messages.success(request, _("The measure was created."))
        return redirect(measure)
    return render(request, "measures/measure_form.html", {"form": form, "municipality": municipality, "measure": None})


def measure_edit(request, pk: int):
    measure = _measure(request.user, pk)
    require_edit(request.user, measure.municipality_id)
    form = ClimateMeasureForm(_data(request), instance=measure, municipality=measure.municipality)

    def page(status=200):
        context = {"form": form, "municipality": measure.municipality, "measure": measure}
        return render(request, "measures/measure_form.html", context, status=status)

    if request.method == "POST" and form.is_valid():
        return save_edit(request, form, lambda: services.save_measure(form), _("The measure was saved."), page)
    return page()


def measure_detail(request, pk: int):
    user = request.user
    queryset = (
        ClimateMeasure.objects.select_related("municipality", "decision_item__meeting__body")
        .with_involvement_dates()
        .prefetch_related(
            "topics",
            "process_answers",
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.visible_to(user).select_related("meeting__body").order_by("meeting__date"),
                to_attr="visible_items",
            ),
            Prefetch(
                "involvements",
                queryset=Involvement.objects.select_related(
                    "agenda_item__meeting__body", "recorded_by", "source_proposal", "source_request"
                ).prefetch_related("unions", "representatives"),
            ),
        )
    )
    measure = _measure(user, pk, queryset)
    measure.summary = services.summary_of(measure)
    municipality_id = measure.municipality_id
    can_record = permissions.can_record_involvement(user, municipality_id)
    involvements = list(measure.involvements.all())
    for involvement in involvements:
        involvement.can_change = can_record and can_change_involvement(user, involvement, municipality_id)
    timeline = services.timeline(involvements, measure.decision_date)
    context = {
        "measure": measure,
        "municipality": measure.municipality,
        "involvements": involvements,
        "timeline": timeline,
        "timeline_chart": services.timeline_figure(timeline, measure.summary.timing_label, measure.title),
        "process": services.process_answers(measure),
        "can_edit": permissions.can_edit(user, municipality_id),
        "can_record": can_record,
        "suggestions": services.suggestions_for(measure) if can_record else [],
        "history": services.measure_history(measure) if can_record else None,
    }
    return render(request, "measures/measure_detail.html", context)


@require_POST
def measure_unlink_item(request, pk: int, item_pk: int):
    measure = _measure(request.user, pk)
    require_edit(request.user, measure.municipality_id)
    item = get_object_or_404(measure.agenda_items.all(), pk=item_pk)
    measure.agenda_items.remove(item)
    messages.success(request, _("The agenda item is no longer linked to the measure."))
    return redirect(measure)


def process_questions(request, pk: int):
    measure = _measure(request.user, pk)
    require_edit(request.user, measure.municipality_id)
    form = ProcessAnswersForm(_data(request), measure=measure)
    if request.method == "POST" and form.is_valid():
        services.save_process_answers(measure, form.answers())
        messages.success(request, _("The process questions were saved."))
        return redirect(measure)
    return render(request, "measures/process_form.html", {"form": form, "measure": measure})


# --- involvement ----------------------------------------------------------------------------------


def involvement_create(request, pk: int):
    measure = _measure(request.user, pk)
    require_involvement_recording(request.user, measure.municipality_id)
    key = request.POST.get("suggestion") or request.GET.get("suggestion") or ""
    suggestion = services.find_suggestion(measure, key) if key else None
    if key and suggestion is None:
        messages.warning(request, _("That suggestion has already been confirmed or no longer applies."))
        return redirect(measure)
    initial = involvement_initial(request.user, suggestion, request.GET.get("item") or "")
    form = InvolvementForm(_data(request), measure=measure, initial=initial)
    return _involvement_page(
        request, form, measure, None, suggestion,
        lambda: services.save_involvement(form, request.user, suggestion), _("The involvement was recorded."),
    )


def _involvement_page(request, form, measure, involvement, suggestion, save, saved_message: str):
    """The form of a new or an existing involvement event: on a valid POST ``save()``, the
    message and back to the measure; else the form (again)."""
    if request.method == "POST" and form.is_valid():
        save()
        messages.success(request, saved_message)
        return redirect(measure)
    context = {"form": form, "measure": measure, "involvement": involvement, "suggestion": suggestion}
    return render(request, "measures/involvement_form.html", context)


def involvement_initial(user, suggestion, item: str) -> dict:
    """A new event's initial values: those of the suggestion it confirms; else the union
    representative's own union, and the agenda item an alert's link was about (``?item=``)."""
    if suggestion:
        return suggestion.initial()
    initial = {}
    profile = permissions.profile_of(user)
    if profile and profile.role == permissions.UNION_REP and profile.organisation_id:
        initial["unions"] = [profile.organisation_id]
    if item.isdigit() and len(item) < 19:
        initial["agenda_item"] = int(item)
    return initial


@require_POST
def suggestion_dismiss(request, pk: int):
    measure = _measure(request.user, pk)
    require_involvement_recording(request.user, measure.municipality_id)
    if services.dismiss_suggestion(measure, request.POST.get("suggestion", ""), request.user):
        messages.success(request, _("The suggestion was dismissed."))
    else:
        messages.warning(request, _("That suggestion has already been confirmed or no longer applies."))
    return redirect(measure)


def _involvement(user, pk: int) -> Involvement:
    return get_visible_or_404(Involvement.objects.select_related("measure__municipality"), user, pk=pk)


def involvement_edit(request, pk: int):
    involvement = _involvement(request.user, pk)
    measure = involvement.measure
    require_involvement_change(request.user, involvement, measure.municipality_id)
    form = InvolvementForm(_data(request), instance=involvement, measure=measure)
    return _involvement_page(
        request, form, measure, involvement, None,
        lambda: services.save_involvement(form, request.user), _("The involvement was saved."),
    )


@require_POST
def involvement_delete(request, pk: int):
    involvement = _involvement(request.user, pk)
    measure = involvement.measure
    require_involvement_change(request.user, involvement, measure.municipality_id)
    involvement.delete()
    messages.success(request, _("The involvement event was deleted."))
    return redirect(measure)


# --- from the agenda item page ------------------------------------------------------------------


@require_GET
def item_involvement(request, item_pk: int):
    """"Record involvement" for an agenda item (the link in alert e-mails): the involvement form of
    the measure the item is linked to, with the item chosen. The link is resolved when it is
    opened, so a measure made from the item after the mail was sent is found. Without a measure,
    or for a user who may not record involvement here, the item page says what to do."""
    item = get_visible_or_404(AgendaItem.objects.select_related("meeting__body"), request.user, pk=item_pk)
    measure = item.climate_measures.order_by("pk").first()
    if measure is None:
        messages.info(request, _("This item is not linked to a climate measure yet. When HR turns it into a "
                                 "measure or links it to one, involvement can be recorded on the measure."))
        return redirect(item.get_absolute_url() + "#item-measures")
    if not permissions.can_record_involvement(request.user, measure.municipality_id):
        return redirect(measure)
    return redirect(reverse("measures:involvement_create", args=[measure.pk]) + f"?item={item.pk}")


NOT_CLIMATE = _lazy("Only climate-related agenda items can be turned into or linked to measures.")


def _climate_item_action(action):
    """A POST action on an agenda item, as a view of ``item_pk``: for those who may edit the
    item's municipality, and only on a climate-related item (else back to the item, saying why)."""

    @require_POST
    @wraps(action)
    def view(request, item_pk: int):
        item = get_visible_or_404(
            AgendaItem.objects.select_related("meeting__body__municipality"), request.user, pk=item_pk
        )
        require_edit(request.user, item.meeting.body.municipality_id)
        if item.effective_climate_level not in services.CLIMATE_LEVELS:
            messages.error(request, NOT_CLIMATE)
            return redirect(item)
        return action(request, item)

    return view


@_climate_item_action
def measure_from_item(request, item: AgendaItem):
    form = MeasureFromItemForm(request.POST, item=item)
    if form.is_valid():
        with transaction.atomic():
            measure = form.save()
        messages.success(request, _("The measure was created from the agenda item. Add its details below."))
        return redirect("measures:measure_edit", pk=measure.pk)
    for error in form.errors.values():
        messages.error(request, " ".join(error))
    return redirect(item)


@_climate_item_action
def link_item(request, item: AgendaItem):
    form = LinkItemForm(request.POST, item=item)
    if form.is_valid():
        services.link_item(form.cleaned_data["measure"], item)
        messages.success(
            request, _("The item is linked to the measure “%(title)s”.") % {"title": form.cleaned_data["measure"]}
        )
    else:
        messages.error(request, _("Choose a measure of this municipality that is not linked yet."))
    return redirect(item)

