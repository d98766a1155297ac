"""Atom and RSS feeds per body and per saved search (``django.contrib.syndication``).

Feed readers cannot log in, so the feeds live under the user's secret address (the calendar
token): an unknown or revoked secret, a body the user may not see or another user's saved
search answers 404, and the entries are what the token's user may see (``visible_to``).
"""
from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from dashboards import queries
from municipalities.access import get_visible_or_404
from municipalities.models import Body
from search import services as search

from . import alerts, services
from .models import Follow

LIMIT = 50


def _user(token: str):
    user = services.user_for(token)
    if user is None:
        raise Http404
    return user


class BodyFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, token: str, pk: int):
        user = _user(token)
        return user, get_visible_or_404(Body.objects.select_related("municipality"), user, pk=pk)

    def title(self, obj):
        return f"{obj[1].name} ({obj[1].municipality.name})"

    def link(self, obj):
        return obj[1].get_absolute_url()

    def description(self, obj):
        return _("Meetings and agendas")

    def items(self, obj):
        user, body = obj
        return queries.visible_body_meetings(user, body).order_by("-date", "-start_time")[:LIMIT]

    def item_title(self, meeting):
        return f"{meeting.body.name} {meeting.date:%d.%m.%Y} ({meeting.get_state_display()})"

    def item_description(self, meeting):
        return "\n".join(str(item) for item in meeting.items.all())

    def item_link(self, meeting):
        return meeting.get_absolute_url()

    def item_updateddate(self, meeting):
        return meeting.updated_at


class SearchFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, token: str, pk: int):
        user = _user(token)
        return user, get_object_or_404(Follow, pk=pk, user=user, kind=Follow.Kind.SEARCH)

    def title(self, obj):
        return alerts.label(obj[1])

    def link(self, obj):
        from urllib.parse import urlencode

        from django.urls import reverse

        return reverse("search:search") + "?" + urlencode(obj[1].query)

    def description(self, obj):
        return _("Newest results of a saved search")

    def items(self, obj):
        user, follow = obj
        _query, ordered = search.results(user, {**follow.query, "sort": "date"})
        return ordered.select_related("municipality", "body")[:LIMIT]

    def item_title(self, doc):
        return f"{doc.get_kind_display()}: {doc.label}"

    def item_description(self, doc):
        where = " · ".join(p for p in (doc.municipality.name, doc.body.name if doc.body_id else "",
                                       f"{doc.date:%d.%m.%Y}" if doc.date else "") if p)
        return f"{where}\n{(doc.main or doc.paper)[:500]}"

    def item_link(self, doc):
        return doc.path

    def item_guid(self, doc):
        return f"{doc.kind}-{doc.object_id}"

    item_guid_is_permalink = False


class BodyRssFeed(BodyFeed):
    feed_type = Rss201rev2Feed


class SearchRssFeed(SearchFeed):
    feed_type = Rss201rev2Feed
