"""Calendar subscriptions: the user's secret addresses (see, regenerate, revoke) and the feeds.

The feeds answer without a session: the secret in the address names the user, and the feed
shows what that user may see (``visible_to``, the rule of every page). An unknown or revoked
secret, or a body the user may not see, answers 404.
"""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from dashboards import ical, queries
from municipalities.access import get_visible_or_404
from municipalities.models import Body
from municipalities.permissions import home_municipality_id

from . import alerts, services
from .models import Follow


def calendar_settings(request):
    token = services.token_of(request.user)
    home = home_municipality_id(request.user)
    bodies = Body.objects.visible_to(request.user).filter(municipality_id=home).order_by("name") if home else []
    feeds, searches = [], []
    if token:
        def url(name, pk):
            return request.build_absolute_uri(reverse(f"subscriptions:{name}", args=[token.token, pk]))

        feeds = [
            {"body": body, "url": url("body_feed", body.pk), "atom": url("body_atom", body.pk), "rss": url("body_rss", body.pk)}
            for body in bodies
        ]
        searches = [
            {"label": alerts.label(follow), "atom": url("search_atom", follow.pk), "rss": url("search_rss", follow.pk)}
            for follow in Follow.objects.filter(user=request.user, kind=Follow.Kind.SEARCH)
        ]
    return render(request, "subscriptions/calendar.html", {"token": token, "feeds": feeds, "searches": searches})


@require_POST
def calendar_regenerate(request):
    had = services.token_of(request.user) is not None
    services.regenerate(request.user)
    messages.success(request, _("New calendar addresses made; the old ones no longer work.") if had
                     else _("Your calendar addresses are ready."))
    return redirect("subscriptions:calendar")


@require_POST
def calendar_revoke(request):
    services.revoke(request.user)
    messages.success(request, _("Your calendar addresses no longer work."))
    return redirect("subscriptions:calendar")


@login_not_required
@require_GET
def body_feed(request, token: str, pk: int):
    user = services.user_for(token)
    if user is None:
        raise Http404
    body = get_visible_or_404(Body.objects.select_related("municipality"), user, pk=pk)
    name = f"{body.name} ({body.municipality.name})"
    text = ical.calendar(name, queries.visible_body_meetings(user, body), request.build_absolute_uri,
                         summary=lambda m: name)
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="meetings-{body.pk}.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["Referrer-Policy"] = "no-referrer"
    return response
