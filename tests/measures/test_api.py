"""GET /api/v1/measures/: exact JSON, filtering and permission scoping."""
from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from measures.models import ClimateMeasure, Level

from .factories import InvolvementFactory, MeasureFactory

URL = "/api/v1/measures/"
D = datetime.date


def test_the_url():
    assert reverse("measures_api:measure_list") == URL


@pytest.fixture
def api_world(mworld):
    w = mworld
    w.idea_a = MeasureFactory(
        municipality=w.a, title="Ein idé", status=ClimateMeasure.Status.IDEA, decision_date=None,
        affects_employees=False, topics=["food", "waste"],
    )
    InvolvementFactory(measure=w.idea_a, date=D(2023, 3, 1), level=Level.INITIATED)
    return w


def expected_a(w) -> list[dict]:
    return [
        {
            "id": w.idea_a.pk, "municipality": "4628", "title": "Ein idé", "status": "idea",
            "topics": ["waste", "food"], "affects_employees": False, "decision_date": None,
            "first_involvement_date": "2023-03-01", "max_level": 4, "timing": "early", "decision_item": None,
        },
        {
            "id": w.measure_a.pk, "municipality": "4628", "title": "Parkeringsavgift for tilsette",
            "status": "decided", "topics": ["transport"], "affects_employees": True,
            "decision_date": "2023-02-01", "first_involvement_date": "2023-01-10", "max_level": 2, "timing": "late",
            "decision_item": None,
        },
    ]


@pytest.mark.django_db
def test_measures_of_a_municipality_exact_json(api_world, client_for):
    response = client_for("union_rep_a").get(URL, {"municipality": "4628"})
    assert response.status_code == 200
    assert response.json() == {"count": 2, "next": None, "previous": None, "results": expected_a(api_world)}


@pytest.mark.django_db
def test_without_a_filter_every_municipality_in_order(api_world, client_for):
    body = client_for("adviser").get(URL).json()
    assert [(r["municipality"], r["title"]) for r in body["results"]] == [
        ("3105", "Energisparing"), ("4628", "Ein idé"), ("4628", "Parkeringsavgift for tilsette"),
    ]
    never = body["results"][0]
    assert (never["timing"], never["max_level"], never["first_involvement_date"]) == ("never", 0, None)
    assert client_for("hr_b").get(URL).json()["count"] == 3  # measures are not drafts: all roles read all


@pytest.mark.django_db
@pytest.mark.parametrize("number, status, count", [("3105", 200, 1), ("0301", 200, 0), ("abc", 400, None), ("12345", 400, None)])
def test_municipality_filter(api_world, client_for, number, status, count):
    response = client_for("hr_a").get(URL, {"municipality": number})
    assert response.status_code == status
    if count is not None:
        assert response.json()["count"] == count
    else:
        assert list(response.json()) == ["municipality"]


@pytest.mark.django_db
def test_anonymous_is_refused_without_a_login_redirect(api_world):
    response = APIClient().get(URL)
    assert response.status_code == 401  # with WWW-Authenticate: Token (issue 14)
    assert response["WWW-Authenticate"] == "Token"
    assert "results" not in response.json()


@pytest.mark.django_db
def test_token_authentication_for_scripts(api_world, users):
    token = Token.objects.create(user=users["adviser"])
    response = APIClient(HTTP_AUTHORIZATION=f"Token {token.key}").get(URL, {"municipality": "4628"})
    assert response.status_code == 200
    assert response.json()["results"] == expected_a(api_world)
    assert APIClient(HTTP_AUTHORIZATION="Token wrong").get(URL).status_code == 401  # token auth first: 401


@pytest.mark.django_db
def test_user_without_a_role_sees_nothing(api_world):
    from ..factories import UserFactory

    client = APIClient()
    client.force_authenticate(UserFactory(username="utan_rolle"))
    assert client.get(URL).json()["count"] == 0
