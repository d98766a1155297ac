"""Meeting pages: thin views that check access, call services and render."""
from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from municipalities import permissions
from municipalities.access import get_visible_or_404, require_edit
from municipalities.models import Body

from . import services
from .forms import (
    AgendaItemForm,
    AgendaItemFormSet,
    AttendanceFormSet,
    ClimateOverrideForm,
    MeetingForm,
    ProposalFormSet,
    RequestFormSet,
)
from .models import AgendaItem, Attendance, Meeting, Proposal, Request
from .signals import send_meetings_changed
from .versioning import save_edit


def _meeting_forms(request, body, meeting=None):
    data = request.POST if request.method == "POST" else None
    instance = meeting or Meeting(body=body)
    form = MeetingForm(data, instance=instance, body=body)
    attendance_kwargs = {"instance": instance, "body": body, "prefix": "attendance", "queryset": Attendance.objects.select_related("person", "membership")}
    if meeting is None and data is None:
        initial = services.initial_attendance(body, form.initial.get("date") or _today())
        attendance = AttendanceFormSet(initial=initial, **attendance_kwargs)
        attendance.extra = len(initial) + 2
    else:
        attendance = AttendanceFormSet(data, **attendance_kwargs)
    items = AgendaItemFormSet(data, instance=instance, prefix="items")
    return form, attendance, items


def _today():
    return timezone.localdate()


def meeting_create(request, body_pk: int):
    body = get_visible_or_404(Body.objects.select_related("municipality"), request.user, pk=body_pk)
    require_edit(request.user, body.municipality_id)
    return _meeting_form_page(request, body, None)


def meeting_edit(request, pk: int):
    meeting = get_visible_or_404(Meeting.objects.select_related("body__municipality"), request.user, pk=pk)
    require_edit(request.user, meeting.body.municipality_id)
    return _meeting_form_page(request, meeting.body, meeting)


def _meeting_form_page(request, body, meeting):
    form, attendance, items = _meeting_forms(request, body, meeting)

    def page(status=200):
        context = {"body": body, "form": form, "attendance": attendance, "items": items, "meeting": meeting}
        return render(request, "meetings/meeting_form.html", context, status=status)

    if request.method == "POST" and services.all_valid(form, attendance, items):
        try:
            return save_edit(
                request, form, lambda: services.save_meeting(form, attendance, items), _("The meeting was saved."), page
            )
        except IntegrityError:
            # e.g. a double submit racing past the form's checks: the transaction rolled back
            form.add_error(None, _("Nothing was saved: the meeting conflicts with data saved in the meantime. Check and try again."))
    return page()


def meeting_detail(request, pk: int):
    meeting = get_visible_or_404(
        Meeting.objects.select_related("body__municipality").prefetch_related(
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related(
                    "person", "membership", "organisation", "substitute_for__person"
                ).order_by(*Attendance.display_order()),
            ),
            Prefetch(
                "items",
                queryset=AgendaItem.objects.prefetch_related(
                    Prefetch("proposals", queryset=Proposal.objects.prefetch_related("proposers"))
                ),
            ),
            Prefetch(
                "requests",
                queryset=Request.objects.select_related(
                    "person", "organisation", "resulting_item__meeting__body", "raised_under"
                ),
            ),
        ),
        request.user,
        pk=pk,
    )
    municipality_id = meeting.body.municipality_id
    can_edit = permissions.can_edit(request.user, municipality_id)
    context = {
        "meeting": meeting,
        "requests": meeting.requests.all(),
        "can_edit": can_edit,
        "history": services.meeting_history(meeting) if permissions.can_view_history(request.user, municipality_id) else None,
    }
    return render(request, "meetings/meeting_detail.html", context)


@require_POST
def meeting_publish(request, pk: int):
    """Publish a draft (``publish=1``) or take a published meeting back to draft (``publish=0``)."""
    meeting = get_visible_or_404(Meeting.objects.select_related("body__municipality"), request.user, pk=pk)
    require_edit(request.user, meeting.body.municipality_id)
    publish = request.POST.get("publish") == "1"
    if services.set_published(meeting, publish):
        messages.success(request, _("The meeting was published.") if publish else _("The meeting is a draft again."))
    return redirect(meeting)


def meeting_delete(request, pk: int):
    """GET asks for confirmation (saying what goes with the meeting); POST deletes."""
    meeting = get_visible_or_404(Meeting.objects.select_related("body__municipality"), request.user, pk=pk)
    require_edit(request.user, meeting.body.municipality_id)
    if request.method == "POST":
        body = meeting.body
        meeting.delete()
        messages.success(request, _("The meeting was deleted."))
        return redirect(body)
    counts = {
        "items": meeting.items.count(),
        "attendances": meeting.attendances.count(),
        "requests": meeting.requests.count(),
    }
    return render(request, "meetings/meeting_confirm_delete.html", {"meeting": meeting, "counts": counts})


def _item_queryset(user):
    return AgendaItem.objects.select_related("meeting__body__municipality").prefetch_related(
        Prefetch("proposals", queryset=Proposal.objects.prefetch_related("proposers")),
        "attachments",
        Prefetch(
            "raised_requests",
            queryset=Request.objects.select_related("person", "organisation", "resulting_item__meeting__body"),
        ),
        Prefetch(
            "originating_requests",
            queryset=Request.objects.visible_to(user).select_related("meeting__body", "person", "organisation"),
        ),
    )


def _item_context(request, item: AgendaItem, override_form=None) -> dict:
    can_edit = permissions.can_edit(request.user, item.meeting.body.municipality_id)
    if can_edit and override_form is None:
        override_form = ClimateOverrideForm(instance=item)
    return {
        "item": item,
        "meeting": item.meeting,
        "can_edit": can_edit,
        "override_form": override_form if can_edit else None,
        "raised_requests": item.raised_requests.all(),
        "originating_requests": item.originating_requests.all(),
        "case_paper": item.case_paper_parts,
        # what apps above this one show on an item page (settings.ITEM_PAGE_PANELS: measures' links)
        "item_panels": settings.ITEM_PAGE_PANELS,
    }


def item_detail(request, pk: int):
    item = get_visible_or_404(_item_queryset(request.user), request.user, pk=pk)
    return render(request, "meetings/item_detail.html", _item_context(request, item))


@require_POST
def item_climate_override(request, pk: int):
    item = get_visible_or_404(_item_queryset(request.user), request.user, pk=pk)
    require_edit(request.user, item.meeting.body.municipality_id)
    form = ClimateOverrideForm(request.POST, instance=item)
    if form.is_valid():
        form.save()
        send_meetings_changed(item_climate_override, item.meeting.body.municipality_id, meeting_ids=[item.meeting_id])
        messages.success(request, _("The climate relevance was saved."))
        return redirect(item)
    return render(request, "meetings/item_detail.html", _item_context(request, item, form), status=400)


def item_edit(request, pk: int):
    item = get_visible_or_404(AgendaItem.objects.select_related("meeting__body__municipality"), request.user, pk=pk)
    require_edit(request.user, item.meeting.body.municipality_id)
    data = request.POST if request.method == "POST" else None
    form = AgendaItemForm(data, instance=item)
    proposals = ProposalFormSet(
        data, instance=item, prefix="proposals", queryset=Proposal.objects.prefetch_related("proposers")
    )
    requests_ = RequestFormSet(data, instance=item, item=item, prefix="requests")

    def page(status=200):
        context = {"item": item, "meeting": item.meeting, "form": form, "proposals": proposals, "requests": requests_}
        return render(request, "meetings/item_form.html", context, status=status)

    if request.method == "POST" and services.all_valid(form, proposals, requests_):
        return save_edit(
            request, form, lambda: services.save_item(form, proposals, requests_), _("The agenda item was saved."), page
        )
    return page()
