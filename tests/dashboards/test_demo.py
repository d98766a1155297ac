"""Acceptance: against the demo data, the scorecard API returns the research figures (DOMAIN.md),
computed by the app from the records that earned them."""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from tests.helpers.demo import seeded_demo

pytest.importorskip("meetings.demo_agenda")


@pytest.fixture(scope="module")
def _seeded(django_db_setup, django_db_blocker):
    """Seed once for the module inside an outer transaction that is rolled back at the end."""
    with seeded_demo(django_db_blocker):
        yield


@pytest.fixture
def api(db, _seeded):
    def as_user(username: str) -> APIClient:
        client = APIClient()
        client.force_authenticate(get_user_model().objects.get(username=username))
        return client

    return as_user


LILLESTROM = {"meetings_held": 19, "meetings_cancelled": 5, "agenda_items": 38, "climate_mentions": 14, "climate_linked": 2}
SARPSBORG = {"meetings_held": 16, "meetings_cancelled": 4, "agenda_items": 46, "climate_mentions": 11,
             "env_assessed_consequences": 9}


@pytest.mark.parametrize("username", ["ks.radgiver", "tv.vaksdal", "hr.sarpsborg", "admin"])
@pytest.mark.parametrize(
    "number, start, end, expected",
    [("3205", "2020-05-27", "2023-05-31", LILLESTROM), ("3105", "2019-11-01", "2023-06-30", SARPSBORG)],
    ids=["Lillestrøm", "Sarpsborg"],
)
def test_the_research_figures_from_the_scorecard_api(api, username, number, start, end, expected):
    response = api(username).get(f"/api/v1/municipalities/{number}/scorecard", {"from": start, "to": end})
    assert response.status_code == 200
    data = response.json()
    assert {k: data[k] for k in ("municipality", "from", "to", "body_kind")} == {
        "municipality": number, "from": start, "to": end, "body_kind": "PSU",
    }
    assert {key: data[key] for key in expected} == expected


def test_the_figures_are_earned_by_records(api):
    """The 14 Lillestrøm climate items are the classifier's, with evidence on every one."""
    client = api("ks.radgiver")
    items = client.get("/api/v1/agenda-items/", {
        "municipality": "3205", "from": "2020-05-27", "to": "2023-05-31", "climate_level": "mentions", "limit": 100,
    }).json()
    linked = client.get("/api/v1/agenda-items/", {
        "municipality": "3205", "from": "2020-05-27", "to": "2023-05-31", "climate_level": "linked",
    }).json()
    assert (items["count"], linked["count"]) == (12, 2)
    assert all(item["climate_evidence"] for item in items["results"] + linked["results"])
    assert sorted(item["title"] for item in linked["results"]) == [
        "Budsjettnotat: oljepris, det grønne skiftet og lønnsdannelsen", "Parkeringsavgift for ansatte",
    ]


def test_the_demo_pages_show_the_same_figures(api, client):
    client.force_login(get_user_model().objects.get(username="ks.radgiver"))
    response = client.get("/kommuner/3205/scorecard/", {"from": "2020-05-27", "to": "2023-05-31"})
    assert response.status_code == 200
    card = response.context["card"]
    assert (card.meetings_held, card.meetings_cancelled, card.agenda_items, card.climate_mentions) == (19, 5, 38, 14)
    national = client.get("/dashboards/national/", {"from": "2019-11-01", "to": "2023-06-30", "with_data": "on"})
    rows = {row["municipality"].number: row["card"] for row in national.context["table"]}
    assert (rows["3105"].meetings_held, rows["3105"].agenda_items, rows["3105"].env_assessed_consequences) == (16, 46, 9)
