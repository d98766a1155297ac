"""Follows and alerts: who hears about a notice's items, when, why, and the one-click unsubscribe."""
from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meetings.classification import classify_items
from meetings.models import AgendaItem, Meeting
from meetings.signals import send_meetings_changed
from subscriptions import alerts
from subscriptions.models import Alert, AlertSettings, Follow
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://partssamarbeid.example.no"


def notice(world, body, *titles, published=False, days=7):
    """A notice (planned meeting) entered or imported with these agenda items, then the signal."""
    meeting = f.MeetingFactory(
        body=body, date=timezone.localdate() + datetime.timedelta(days=days), start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 0), state=Meeting.State.PLANNED, published=published, place="Rådhuset",
    )
    for n, title in enumerate(titles, start=1):
        f.AgendaItemFactory(meeting=meeting, position=n, case_number=f"{30 + n}/{meeting.date.year}", title=title)
    classify_items(AgendaItem.objects.filter(meeting=meeting))
    return meeting


def changed(municipality, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_meetings_changed(notice, municipality.number)


def test_union_rep_hears_at_once_about_a_linked_climate_item(world, django_capture_on_commit_callbacks):
    meeting = notice(world, world.body_a, "Parkeringsavgift for tilsette", "Lønnspolitisk plan")
    changed(world.a, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["tv_a@example.invalid"]
    assert message.subject == f"Klimasak knyttet til arbeidsforhold: Administrasjonsutvalet {meeting.date:%d.%m.%Y}"
    item = meeting.items.get(position=1)
    body = message.body
    assert "== Vaksdal ==" in body
    assert f"* {item}" in body and "Lønnspolitisk plan" not in body
    assert "En klimasak i din kommune" in body
    assert "Klimabelegg: Parkeringsavgift for tilsette" in body
    assert f"https://partssamarbeid.example.no{item.get_absolute_url()}" in body
    assert f"Registrer medvirkning: https://partssamarbeid.example.no/items/{item.pk}/involvement/" in body
    assert "https://partssamarbeid.example.no/folg/" in body
    assert message.extra_headers["List-Unsubscribe"].startswith("<https://partssamarbeid.example.no/folg/avmeld/")
    # nobody else: HR of another municipality, advisers and HR (no follows) hear nothing
    assert Alert.objects.count() == 1
    # the same notice again (a re-import) sends nothing new
    changed(world.a, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_one_click_unsubscribe_without_login(world, django_capture_on_commit_callbacks):
    notice(world, world.body_a, "Parkeringsavgift for tilsette")
    changed(world.a, django_capture_on_commit_callbacks)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>").removeprefix("https://partssamarbeid.example.no")
    response = Client().get(link)
    assert response.status_code == 200
    settings = AlertSettings.objects.get(user=world.users["union_rep_a"])
    assert (settings.digest, settings.immediate) == ("never", False)
    assert Client().get(reverse("subscriptions:unsubscribe", args=["forged-token"])).status_code == 404
    notice(world, world.body_a, "Parkeringsavgift for tilsette", days=14)
    changed(world.a, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_the_union_rep_can_turn_the_default_off(world, client_for, django_capture_on_commit_callbacks):
    client = client_for("union_rep_a")
    client.post(reverse("subscriptions:alert_settings"), {"digest": "daily", "immediate": "on"})
    notice(world, world.body_a, "Parkeringsavgift for tilsette")
    changed(world.a, django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not Alert.objects.exists()


def test_drafts_reach_only_those_who_may_read_them(world, client_for, django_capture_on_commit_callbacks):
    for role in ("adviser", "hr_b"):
        client_for(role).post(reverse("subscriptions:follow_add"), {"municipality": "4628"})
    meeting = notice(world, world.body_a, "Parkeringsavgift for tilsette")
    changed(world.a, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["tv_a@example.invalid"]
    meeting.published = True
    meeting.save()
    changed(world.a, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["hr_b@example.invalid", "ks@example.invalid", "tv_a@example.invalid"]
    assert "Du følger Vaksdal" in mail.outbox[-1].body


def test_saved_search_and_digest_grouped_by_municipality_and_meeting(world, client_for, django_capture_on_commit_callbacks):
    client = client_for("adviser")
    response = client.post(reverse("subscriptions:follow_search"), {"q": "budsjett OR turnus", "sort": "date"})
    assert response.status_code == 302
    follow = Follow.objects.get(user=world.users["adviser"])
    assert (follow.kind, follow.query) == ("search", {"q": "budsjett OR turnus"})
    first = notice(world, world.body_a, "Budsjett 2025", "Ny turnusordning", "Lønnspolitisk plan", published=True)
    second = notice(world, world.body_b, "Budsjett 2025 for Sarpsborg", published=True, days=9)
    changed(world.a, django_capture_on_commit_callbacks)
    changed(world.b, django_capture_on_commit_callbacks)
    assert mail.outbox == []  # nothing urgent: wait for the digest
    assert alerts.send_digests("weekly") == 0
    assert alerts.send_digests("daily") == 1
    [message] = mail.outbox
    assert message.subject == "Nytt på sakslista: 3 saker"
    body = message.body
    assert body.index("== Sarpsborg ==") < body.index("== Vaksdal ==")
    assert "Budsjett 2025 for Sarpsborg" in body and "Ny turnusordning" in body and "Lønnspolitisk" not in body
    assert "Treff på det lagrede søket ditt «budsjett OR turnus»" in body
    assert f"{second.body.name}, {second.date:%d.%m.%Y} 10:00, Rådhuset" in body
    assert f"{first.body.name}, {first.date:%d.%m.%Y} 10:00, Rådhuset" in body
    assert alerts.send_digests("daily") == 0  # each item once


def test_follows_page_lists_and_unfollows_in_one_click(world, client_for):
    client = client_for("adviser")
    client.post(reverse("subscriptions:follow_add"), {"body": world.body_b.pk})
    client.post(reverse("subscriptions:follow_add"), {"topic": "transport"})
    page = client.get(reverse("subscriptions:follows")).content.decode()
    assert "Du følger Administrasjonsutvalget (Sarpsborg)" in page
    assert "Du følger temaet Transport og pendling (inkl. parkering)" in page
    follow = Follow.objects.get(kind="body")
    assert client.post(reverse("subscriptions:unfollow", args=[follow.pk])).status_code == 302
    assert list(Follow.objects.values_list("kind", flat=True)) == ["topic"]
    # another user's follow is not yours to remove; a body you may not see cannot be followed
    other = client_for("hr_b")
    assert other.post(reverse("subscriptions:unfollow", args=[Follow.objects.get().pk])).status_code == 404
    assert client.post(reverse("subscriptions:follow_add"), {"municipality": "4628", "topic": "energy"}).status_code == 400
    assert client.post(reverse("subscriptions:follow_add"), {"body": 999999}).status_code == 400
