"""Calendar subscriptions: the user's secret addresses (see, regenerate, revoke) and the feeds.

The feeds answer without a session: the secret in the address names the user, and the feed
shows what that user may see (``visible_to``, the rule of every page). An unknown or revoked
secret, or a body the user may not see, answers 404.
"""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from dashboards import ical, queries
from municipalities.access import get_visible_or_404
from municipalities.models import Body
from municipalities.permissions import home_municipality_id

from . import alerts, calendars, services
from .models import Follow


def calendar_settings(request):
    token = services.token_of(request.user)
    home = home_municipality_id(request.user)
    bodies = Body.objects.visible_to(request.user).filter(municipality_id=home).order_by("name") if home else []
    feeds, searches, followed = [], [], None
    if token:
        def url(name, pk):
            return request.build_absolute_uri(reverse(f"subscriptions:{name}", args=[token.token, pk]))

        feeds = [
            {"body": body, "url": url("body_feed", body.pk), "atom": url("body_atom", body.pk), "rss": url("body_rss", body.pk)}
            for body in bodies
        ]
        follows = list(Follow.objects.filter(user=request.user).select_related("municipality", "body__municipality"))
        searches = [
            {"label": alerts.label(follow), "atom": url("search_atom", follow.pk), "rss": url("search_rss", follow.pk)}
            for follow in follows if follow.kind == Follow.Kind.SEARCH
        ]
        followed = {
            "all": request.build_absolute_uri(reverse("subscriptions:follows_feed", args=[token.token])),
            "each": [{"pk": follow.pk, "label": alerts.label(follow), "url": url("follow_feed", follow.pk)}
                     for follow in follows],
        }
    return render(request, "subscriptions/calendar.html",
                  {"token": token, "feeds": feeds, "searches": searches, "followed": followed})


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


def _token_user(token: str):
    user = services.user_for(token)
    if user is None:
        raise Http404
    return user


def _ics(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=900"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_not_required
@require_GET
def body_feed(request, token: str, pk: int):
    user = _token_user(token)
    body = get_visible_or_404(Body.objects.select_related("municipality"), user, pk=pk)
    name = f"{body.name} ({body.municipality.name})"
    text = ical.calendar(name, queries.visible_body_meetings(user, body), request.build_absolute_uri,
                         summary=lambda m: name)
    return _ics(text, f"meetings-{body.pk}.ics")


@login_not_required
@require_GET
def follows_feed(request, token: str):
    """Every meeting that what the user follows covers (the default follow too)."""
    user = _token_user(token)
    follows = list(Follow.objects.filter(user=user))
    meetings = calendars.followed_meetings(user, follows, default_climate=True)
    return _ics(ical.calendar(_("What I follow"), meetings, request.build_absolute_uri), "following.ics")


@login_not_required
@require_GET
def follow_feed(request, token: str, pk: int):
    """The meetings that one follow covers; another user's follow is 404."""
    user = _token_user(token)
    follow = get_object_or_404(Follow.objects.select_related("municipality", "body__municipality"), pk=pk, user=user)
    meetings = calendars.followed_meetings(user, [follow], default_climate=False)
    return _ics(ical.calendar(alerts.label(follow), meetings, request.build_absolute_uri), f"following-{follow.pk}.ics")
