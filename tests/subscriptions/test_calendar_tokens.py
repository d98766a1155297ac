"""Secret calendar addresses: subscribe without a session, regenerate, revoke (404), same visibility."""
from __future__ import annotations

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from subscriptions.models import CalendarToken

pytestmark = pytest.mark.django_db


def feed_url(token: str, body_pk: int) -> str:
    return reverse("subscriptions:body_feed", args=[token, body_pk])


def uids(response) -> set[str]:
    parsed = icalendar.Calendar.from_ical(response.content)
    return {str(e["UID"]) for e in parsed.walk("VEVENT")}


def test_make_see_regenerate_revoke(world, client_for):
    client = client_for("union_rep_a")
    assert "Make my calendar addresses" in client.get("/kalender/").content.decode() or CalendarToken.objects.count() == 0
    client.post(reverse("subscriptions:calendar_regenerate"))
    first = CalendarToken.objects.get(user=world.users["union_rep_a"]).token
    page = client.get("/kalender/").content.decode()
    assert f"http://testserver{feed_url(first, world.body_a.pk)}" in page

    anonymous = Client()  # a calendar program: no session
    response = anonymous.get(feed_url(first, world.body_a.pk))
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = icalendar.Calendar.from_ical(response.content)
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    held = events[f"meeting-{world.pub_a.pk}@partssamarbeid"]
    assert "05/2023 Parkeringsavgift for tilsette" in str(held["DESCRIPTION"])
    assert str(held["URL"]) == f"http://testserver/meetings/{world.pub_a.pk}/"
    # the union representative sees Vaksdal's draft, as on the pages
    assert f"meeting-{world.draft_a.pk}@partssamarbeid" in events

    client.post(reverse("subscriptions:calendar_regenerate"))
    second = CalendarToken.objects.get(user=world.users["union_rep_a"]).token
    assert second != first
    assert anonymous.get(feed_url(first, world.body_a.pk)).status_code == 404
    assert anonymous.get(feed_url(second, world.body_a.pk)).status_code == 200

    client.post(reverse("subscriptions:calendar_revoke"))
    assert not CalendarToken.objects.exists()
    assert anonymous.get(feed_url(second, world.body_a.pk)).status_code == 404


@pytest.mark.parametrize("role, sees_draft_a", [("hr_a", True), ("union_rep_a", True), ("hr_b", False), ("adviser", False)])
def test_the_feed_shows_what_the_token_user_may_see(world, client_for, role, sees_draft_a):
    client_for(role).post(reverse("subscriptions:calendar_regenerate"))
    token = CalendarToken.objects.get(user=world.users[role]).token
    found = uids(Client().get(feed_url(token, world.body_a.pk)))
    assert (f"meeting-{world.draft_a.pk}@partssamarbeid" in found) is sees_draft_a
    assert f"meeting-{world.pub_a.pk}@partssamarbeid" in found


def test_unknown_token_and_deactivated_user_are_404(world, client_for):
    assert Client().get(feed_url("not-a-token", world.body_a.pk)).status_code == 404
    client_for("hr_a").post(reverse("subscriptions:calendar_regenerate"))
    token = CalendarToken.objects.get(user=world.users["hr_a"]).token
    assert Client().get(feed_url(token, 999999)).status_code == 404
    user = world.users["hr_a"]
    user.is_active = False
    user.save()
    assert Client().get(feed_url(token, world.body_a.pk)).status_code == 404


def test_changes_need_post_and_login(world, client_for):
    assert client_for("hr_a").get(reverse("subscriptions:calendar_regenerate")).status_code == 405
    assert Client().post(reverse("subscriptions:calendar_regenerate")).status_code == 302
    assert not CalendarToken.objects.exists()


# --- the calendar of a followed set ---------------------------------------------------------------


def events(response) -> dict:
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}


def uid(meeting) -> str:
    return f"meeting-{meeting.pk}@partssamarbeid"


def test_followed_set_feed_covers_what_the_user_follows(world, client_for):
    from meetings.models import AgendaItem
    from subscriptions.models import AlertSettings, Follow

    w = world
    rep = w.users["union_rep_a"]
    w.item_draft_a.climate_level = AgendaItem.ClimateLevel.MENTIONS  # "Utkast: klimabudsjett"
    w.item_draft_a.save()
    body_b = Follow.objects.create(user=rep, kind=Follow.Kind.BODY, body=w.body_b)
    search = Follow.objects.create(user=rep, kind=Follow.Kind.SEARCH, query={"q": "trepartssamarbeid"})
    client = client_for("union_rep_a")
    client.post(reverse("subscriptions:calendar_regenerate"))
    token = CalendarToken.objects.get(user=rep).token
    anonymous = Client()

    every = events(anonymous.get(reverse("subscriptions:follows_feed", args=[token])))
    # B's body: its published meeting, not B's draft; the search: the meeting with the item asked
    # for (pub_a2) and the one where it was asked (pub_a); the default follow: A's climate draft
    assert set(every) == {uid(w.pub_b), uid(w.pub_a), uid(w.pub_a2), uid(w.draft_a)}
    draft = every[uid(w.draft_a)]
    assert str(draft["DESCRIPTION"]) == f"12/2023 Utkast: klimabudsjett\n\nhttp://testserver/meetings/{w.draft_a.pk}/"
    assert str(draft["URL"]) == f"http://testserver/meetings/{w.draft_a.pk}/"
    assert str(draft["SUMMARY"]) == "Administrasjonsutvalet (Vaksdal)"

    one = events(anonymous.get(reverse("subscriptions:follow_feed", args=[token, search.pk])))
    assert set(one) == {uid(w.pub_a), uid(w.pub_a2)}
    assert set(events(anonymous.get(reverse("subscriptions:follow_feed", args=[token, body_b.pk])))) == {uid(w.pub_b)}

    AlertSettings.objects.create(user=rep, municipality_climate=False)  # the default follow turned off
    assert set(events(anonymous.get(reverse("subscriptions:follows_feed", args=[token])))) == {
        uid(w.pub_b), uid(w.pub_a), uid(w.pub_a2)}

    page = client.get("/kalender/").content.decode()
    assert f"http://testserver/kalender/{token}/folger.ics" in page
    assert f"http://testserver/kalender/{token}/folger/{search.pk}.ics" in page

    client.post(reverse("subscriptions:calendar_revoke"))
    assert anonymous.get(reverse("subscriptions:follows_feed", args=[token])).status_code == 404
    assert anonymous.get(reverse("subscriptions:follow_feed", args=[token, search.pk])).status_code == 404


def test_followed_set_feed_is_scoped_to_the_token_user(world, client_for):
    from subscriptions.models import Follow

    w = world
    outsider = w.users["hr_b"]
    follow_a = Follow.objects.create(user=outsider, kind=Follow.Kind.MUNICIPALITY, municipality=w.a)
    theirs = Follow.objects.create(user=w.users["hr_a"], kind=Follow.Kind.BODY, body=w.body_a)
    client_for("hr_b").post(reverse("subscriptions:calendar_regenerate"))
    token = CalendarToken.objects.get(user=outsider).token
    found = set(events(Client().get(reverse("subscriptions:follows_feed", args=[token]))))
    assert found == {uid(w.pub_a), uid(w.pub_a2)}  # Vaksdal's draft stays in Vaksdal
    assert set(events(Client().get(reverse("subscriptions:follow_feed", args=[token, follow_a.pk])))) == found
    assert Client().get(reverse("subscriptions:follow_feed", args=[token, theirs.pk])).status_code == 404
    assert Client().get(reverse("subscriptions:follows_feed", args=["not-a-token"])).status_code == 404
