"""The follows page: what the user follows (one-click unfollow), alert settings, saved searches,
and the one-click unsubscribe link from the e-mails (signed, works without login)."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from search.forms import SearchForm

from . import alerts
from .forms import AlertSettingsForm, FollowForm
from .models import AlertSettings, Follow


def _page(request, settings_form=None, follow_form=None, status=200):
    follows = list(Follow.objects.filter(user=request.user).select_related("municipality", "body__municipality"))
    return render(request, "subscriptions/follows.html", {
        "follows": [{"follow": f, "label": alerts.label(f)} for f in follows],
        "settings_form": settings_form or AlertSettingsForm(instance=alerts.settings_of(request.user)),
        "follow_form": follow_form or FollowForm(user=request.user),
    }, status=status)


def follows(request):
    return _page(request)


@require_POST
def follow_add(request):
    form = FollowForm(request.POST, user=request.user)
    if not form.is_valid():
        return _page(request, follow_form=form, status=400)
    data = form.cleaned_data
    if data["municipality"]:
        values = {"kind": Follow.Kind.MUNICIPALITY, "municipality": data["municipality"]}
    elif data["body"]:
        values = {"kind": Follow.Kind.BODY, "body": data["body"]}
    else:
        values = {"kind": Follow.Kind.TOPIC, "topic": data["topic"]}
    follow, _created = Follow.objects.get_or_create(user=request.user, **values)
    messages.success(request, alerts.label(follow))
    return redirect("subscriptions:follows")


@require_POST
def follow_search(request):
    form = SearchForm(request.POST)
    if not form.is_valid() or not form.params():
        messages.error(request, _("Search for something before you follow the search."))
        return redirect("subscriptions:follows")
    query = {k: v for k, v in form.params().items() if k != "sort"}
    follow, _created = Follow.objects.get_or_create(user=request.user, kind=Follow.Kind.SEARCH, query=query)
    messages.success(request, alerts.label(follow))
    return redirect("subscriptions:follows")


@require_POST
def unfollow(request, pk: int):
    follow = get_object_or_404(Follow, pk=pk, user=request.user)
    follow.delete()
    messages.success(request, _("You no longer follow this."))
    return redirect("subscriptions:follows")


@require_POST
def alert_settings(request):
    form = AlertSettingsForm(request.POST, instance=alerts.settings_of(request.user))
    if not form.is_valid():
        return _page(request, settings_form=form, status=400)
    form.save()
    messages.success(request, _("Your e-mail settings are saved."))
    return redirect("subscriptions:follows")


@login_not_required
def unsubscribe(request, token: str):
    user = alerts.user_from_unsubscribe(token)
    if user is None:
        raise Http404
    alerts.unsubscribe(user)
    return render(request, "subscriptions/unsubscribed.html", {"digest_never": AlertSettings.Digest.NEVER})
