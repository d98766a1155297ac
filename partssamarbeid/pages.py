"""Pages that combine apps: a municipality or a body with its meetings (the home page is views.py).

They live in the project package so that the apps keep one direction
(``municipalities <- meetings <- measures <- dashboards``): ``municipalities`` knows nothing of
meetings, and these pages, which show both, sit above all of them. Their URL names stay in the
``municipalities`` namespace (see ``partssamarbeid/urls.py``).
"""
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from meetings.models import Meeting
from municipalities import permissions
from municipalities.access import get_visible_or_404
from municipalities.models import Body, Membership, Municipality


def municipality_detail(request, number: str):
    municipality = get_object_or_404(Municipality, number=number)
    bodies = Body.objects.filter(municipality=municipality).annotate(
        meeting_count=Count(
            "meetings", filter=permissions.read_q(request.user, "municipality", "meetings__published")
        )
    )
    meetings = (
        Meeting.objects.visible_to(request.user)
        .filter(body__municipality=municipality)
        .select_related("body")
        .order_by("-date")[:20]
    )
    return render(
        request,
        "pages/municipality_detail.html",
        {
            "municipality": municipality,
            "bodies": bodies,
            "meetings": meetings,
            "can_edit": permissions.can_edit(request.user, municipality.number),
        },
    )


def body_detail(request, pk: int):
    body = get_visible_or_404(Body.objects.select_related("municipality"), request.user, pk=pk)
    memberships = Membership.objects.filter(body=body).select_related("person", "on_behalf_of")
    meetings = Meeting.objects.visible_to(request.user).filter(body=body).order_by("-date")
    page = Paginator(meetings, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "pages/body_detail.html",
        {
            "body": body,
            "memberships": memberships,
            "page": page,
            "can_edit": permissions.can_edit(request.user, body.municipality_id),
        },
    )
