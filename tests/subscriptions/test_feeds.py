"""Atom/RSS feeds per body and per saved search, at the secret address, with the pages' visibility."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.urls import reverse

from subscriptions.models import CalendarToken, Follow

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def token_for(client_for, role, users):
    client_for(role).post(reverse("subscriptions:calendar_regenerate"))
    return CalendarToken.objects.get(user=users[role]).token


def atom_titles(response) -> list[str]:
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]


@pytest.mark.parametrize("role, sees_draft", [("union_rep_a", True), ("adviser", False)])
def test_body_feed(world, client_for, role, sees_draft):
    token = token_for(client_for, role, world.users)
    titles = atom_titles(Client().get(reverse("subscriptions:body_atom", args=[token, world.body_a.pk])))
    assert ("Administrasjonsutvalet 22.08.2023 (Planlagt)" in titles) is sees_draft
    assert "Administrasjonsutvalet 07.02.2023 (Avholdt)" in titles
    rss = Client().get(reverse("subscriptions:body_rss", args=[token, world.body_a.pk]))
    assert rss.status_code == 200 and b"<rss" in rss.content


def test_saved_search_feed(world, client_for):
    client = client_for("hr_b")
    client.post(reverse("subscriptions:follow_search"), {"q": "utkast"})
    follow = Follow.objects.get()
    token = token_for(client_for, "hr_b", world.users)
    titles = atom_titles(Client().get(reverse("subscriptions:search_atom", args=[token, follow.pk])))
    # Sarpsborg's draft, not Vaksdal's
    assert titles == ["Sak: 20/2023 Utkast: reiseregulativ"]
    rss = Client().get(reverse("subscriptions:search_rss", args=[token, follow.pk]))
    assert rss.status_code == 200 and b"Utkast: reiseregulativ" in rss.content
    page = client.get(reverse("subscriptions:calendar")).content.decode()
    assert reverse("subscriptions:search_atom", args=[token, follow.pk]) in page
    # another user's saved search, a revoked token: 404
    other = token_for(client_for, "adviser", world.users)
    assert Client().get(reverse("subscriptions:search_atom", args=[other, follow.pk])).status_code == 404
    client.post(reverse("subscriptions:calendar_revoke"))
    assert Client().get(reverse("subscriptions:search_atom", args=[token, follow.pk])).status_code == 404
    assert Client().get(reverse("subscriptions:body_atom", args=[token, world.body_b.pk])).status_code == 404
