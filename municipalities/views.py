"""Municipality and body pages of this app (the pages that also list meetings are in partssamarbeid/pages.py)."""
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from . import permissions
from .access import get_visible_or_404, require_edit
from .filters import MunicipalityFilter
from .forms import BodyForm, MembershipFormSet
from .formsets import save_posted
from .models import Body, Membership, Municipality

#: the municipality list's filters that the page offers (the API offers ``county`` and ``kind``)
PAGE_FILTERS = MunicipalityFilter.only("q", "county")


def municipality_list(request):
    """The register, filtered by ``q`` (part of the name, or the number) and ``county``. A county
    that is not a county number matches no municipality."""
    municipalities = Municipality.objects.annotate(
        body_count=Count("bodies", distinct=True),
        meeting_count=Count(
            "bodies__meetings",
            filter=permissions.read_q(request.user, "bodies__municipality", "bodies__meetings__published"),
            distinct=True,
        ),
    ).order_by("name")
    chosen = PAGE_FILTERS(request.GET, queryset=municipalities)
    municipalities = chosen.qs if chosen.is_valid() else municipalities.none()
    counties = (
        Municipality.objects.filter(kind=Municipality.Kind.COUNTY).order_by("number").values_list("number", "name")
    )
    page = Paginator(municipalities, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "municipalities/municipality_list.html",
        {"page": page, "query": chosen.value("q"), "county": chosen.value("county"), "counties": counties},
    )


def _get_municipality(number: str) -> Municipality:
    return get_object_or_404(Municipality, number=number)


def body_create(request, number: str):
    municipality = _get_municipality(number)
    require_edit(request.user, municipality.number)
    form = BodyForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        body = form.save()
        messages.success(request, _("The body was created. Add its members next."))
        return redirect("municipalities:body_members", pk=body.pk)
    return render(request, "municipalities/body_form.html", {"form": form, "municipality": municipality, "body": None})


def body_edit(request, pk: int):
    body = get_visible_or_404(Body.objects.select_related("municipality"), request.user, pk=pk)
    require_edit(request.user, body.municipality_id)
    form = BodyForm(request.POST or None, instance=body, municipality=body.municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The body was saved."))
        return redirect(body)
    return render(
        request, "municipalities/body_form.html", {"form": form, "municipality": body.municipality, "body": body}
    )


def body_members(request, pk: int):
    body = get_visible_or_404(Body.objects.select_related("municipality"), request.user, pk=pk)
    require_edit(request.user, body.municipality_id)
    formset = MembershipFormSet(
        request.POST or None,
        instance=body,
        prefix="members",
        queryset=Membership.objects.select_related("person", "on_behalf_of"),
    )
    if save_posted(request, formset, _("The members were saved.")):
        return redirect(body)
    return render(request, "municipalities/body_members.html", {"body": body, "formset": formset})
