"""The JSON API under /api/v1/: contract, filters, pagination, authentication and the schema."""
from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ..helpers.scorecard import expected_2022

pytestmark = pytest.mark.django_db
D = datetime.date


def api(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_the_urls():
    assert reverse("dashboards_api:scorecard", args=["3205"]) == "/api/v1/municipalities/3205/scorecard"
    assert reverse("dashboards_api:scorecard_list") == "/api/v1/scorecards/"
    assert reverse("dashboards_api:municipality_list") == "/api/v1/municipalities/"
    assert reverse("dashboards_api:municipality_detail", args=["3205"]) == "/api/v1/municipalities/3205/"
    assert reverse("dashboards_api:body_list") == "/api/v1/bodies/"
    assert reverse("dashboards_api:body_detail", args=[1]) == "/api/v1/bodies/1/"
    assert reverse("dashboards_api:meeting_list") == "/api/v1/meetings/"
    assert reverse("dashboards_api:meeting_detail", args=[1]) == "/api/v1/meetings/1/"
    assert reverse("dashboards_api:item_list") == "/api/v1/agenda-items/"
    assert reverse("dashboards_api:item_detail", args=[1]) == "/api/v1/agenda-items/1/"
    assert reverse("dashboards_api:schema") == "/api/v1/schema/"


def test_scorecard_contract(cworld, users):
    response = api(users["adviser"]).get("/api/v1/municipalities/3205/scorecard", {"from": "2022-01-01", "to": "2022-12-31"})
    assert response.status_code == 200
    data = response.json()
    assert {k: data[k] for k in ("municipality", "from", "to", "body_kind")} == {
        "municipality": "3205", "from": "2022-01-01", "to": "2022-12-31", "body_kind": "PSU",
    }
    expected = {k: round(v, 4) if isinstance(v, float) else v for k, v in expected_2022().items()}
    assert {k: data[k] for k in expected} == expected
    assert data["index_weight_with_data"] == 100
    assert data["index_components"]["voice"] == {"value": 0.5, "weight": 25, "numerator": 3, "denominator": 6}
    assert data["index_components"]["climate"] == {"value": 1.0, "weight": 20, "numerator": 3, "denominator": 8}
    assert data["counts"] == {
        "employee_seats": 5, "employee_seats_filled": 3, "voice_items": 3, "employee_requests": 1,
        "measures_initiated": 1, "max_level_histogram": [1, 0, 2, 0, 1],
    }


def test_scorecard_defaults_and_no_data(cworld, users):
    data = api(users["adviser"]).get("/api/v1/municipalities/0301/scorecard").json()
    assert data["body_kind"] == "PSU"
    assert D.fromisoformat(data["to"]) - D.fromisoformat(data["from"]) >= datetime.timedelta(days=4 * 365)
    assert data["meetings_held"] is None and data["index"] is None  # no data, not zero
    amu = api(users["adviser"]).get("/api/v1/municipalities/3205/scorecard",
                                    {"from": "2022-01-01", "to": "2022-12-31", "body_kind": "AMU"}).json()
    assert (amu["body_kind"], amu["meetings_held"], amu["climate_mentions"]) == ("AMU", 1, 1)


@pytest.mark.parametrize("params, field", [
    ({"from": "2022-13-01"}, "from"),
    ({"to": "yesterday"}, "to"),
    ({"from": "2023-01-01", "to": "2022-01-01"}, "from"),
    ({"from": "1900-01-01", "to": "2022-01-01"}, "from"),
    ({"body_kind": "XYZ"}, "body_kind"),
])
def test_scorecard_rejects_bad_parameters(cworld, users, params, field):
    response = api(users["adviser"]).get("/api/v1/municipalities/3205/scorecard", params)
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_unknown_municipality_is_404(users):
    assert api(users["adviser"]).get("/api/v1/municipalities/9999/scorecard").status_code == 404


def test_scorecard_list_is_paginated_by_municipality(cworld, users):
    client = api(users["adviser"])
    params = {"from": "2022-01-01", "to": "2023-12-31", "with_data": "true"}
    data = client.get("/api/v1/scorecards/", params).json()
    assert data["count"] == 3
    assert [r["municipality"] for r in data["results"]] == ["3105", "3205", "4628"]
    page = client.get("/api/v1/scorecards/", {**params, "limit": 1, "offset": 1}).json()
    assert [r["municipality"] for r in page["results"]] == ["3205"] and page["next"] and page["previous"]
    county = client.get("/api/v1/scorecards/", {"from": "2022-01-01", "to": "2023-12-31", "county": "46"}).json()
    assert "4628" in [r["municipality"] for r in county["results"]] and county["count"] > 30
    assert client.get("/api/v1/scorecards/", {"population": "huge"}).status_code == 400


def test_agenda_items_with_climate_level_and_evidence(cworld, users):
    client = api(users["adviser"])
    data = client.get("/api/v1/agenda-items/", {"municipality": "3205", "climate_level": "linked"}).json()
    assert data["count"] == 1
    item = data["results"][0]
    assert {k: item[k] for k in ("title", "climate_level", "climate_level_automatic", "climate_override",
                                  "env_assessment", "substantive", "municipality", "date")} == {
        "title": "Parkeringsavgift for ansatte", "climate_level": "linked", "climate_level_automatic": "linked",
        "climate_override": "", "env_assessment": "consequences", "substantive": True, "municipality": "3205",
        "date": "2022-05-01",
    }
    assert item["climate_evidence"] == [{"phrase": "parkeringsavgift for ansatte", "field": "title", "category": "parking"}]
    mentions = client.get("/api/v1/agenda-items/", {"municipality": "3205", "climate_level": "mentions",
                                                    "from": "2022-01-01", "to": "2022-12-31"}).json()
    # the override counts: i3 (set by a person); i2, the AMU item and the cancelled meeting's item are automatic
    assert sorted(r["title"] for r in mentions["results"]) == [
        "Referatsaker: klimaregnskap", "Reiseregulativ", "Sak i avlyst møte", "Sykkelparkering",
    ]
    none = client.get("/api/v1/agenda-items/", {"meeting": cworld.m1.pk, "climate_level": "none"}).json()
    assert [r["position"] for r in none["results"]] == [1, 4, 6, 7, 8]
    kind = client.get("/api/v1/agenda-items/", {"meeting": cworld.m1.pk, "kind": "RS"}).json()
    assert [r["position"] for r in kind["results"]] == [2]
    substantive = client.get("/api/v1/agenda-items/", {"meeting": cworld.m1.pk, "substantive": "false"}).json()
    assert [r["position"] for r in substantive["results"]] == [1, 2]


def test_meetings_and_bodies_filters(cworld, users):
    client = api(users["adviser"])
    meetings = client.get("/api/v1/meetings/", {"municipality": "3205", "from": "2022-05-01", "to": "2022-07-31"}).json()
    assert [(m["date"], m["state"], m["item_count"]) for m in meetings["results"]] == [
        ("2022-05-01", "held", 8), ("2022-06-01", "held", 0), ("2022-07-01", "cancelled", 1),
    ]
    amu = client.get("/api/v1/meetings/", {"body_kind": "AMU"}).json()
    assert [m["body"] for m in amu["results"]] == [cworld.amu_c.pk]
    assert client.get("/api/v1/meetings/", {"body": cworld.body_c.pk, "state": "cancelled"}).json()["count"] == 1
    bodies = client.get("/api/v1/bodies/", {"municipality": "3205"}).json()
    assert [(b["name"], b["kind"]) for b in bodies["results"]] == [("Arbeidsmiljøutvalget", "AMU"), ("Partssammensatt utvalg", "PSU")]
    assert bodies["results"][0]["calendar"].endswith(f"/kommuner/bodies/{cworld.amu_c.pk}/meetings.ics")
    assert client.get("/api/v1/bodies/", {"kind": "PSU", "municipality": "3205"}).json()["count"] == 1


@pytest.mark.parametrize("url, params, field", [
    ("/api/v1/meetings/", {"municipality": "abc"}, "municipality"),
    ("/api/v1/meetings/", {"body": "x"}, "body"),
    ("/api/v1/meetings/", {"state": "done"}, "state"),
    ("/api/v1/agenda-items/", {"climate_level": "hot"}, "climate_level"),
    ("/api/v1/agenda-items/", {"from": "01.01.2022"}, "from"),
    ("/api/v1/agenda-items/", {"kind": "XX"}, "kind"),
    ("/api/v1/bodies/", {"kind": "XX"}, "kind"),
    ("/api/v1/municipalities/", {"county": "4"}, "county"),
])
def test_bad_filters_are_400(users, url, params, field):
    response = api(users["adviser"]).get(url, params)
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_pagination_is_bounded(cworld, users):
    data = api(users["adviser"]).get("/api/v1/municipalities/", {"limit": 100000}).json()
    assert len(data["results"]) == 372 and data["count"] == 372  # the whole register fits under the cap
    items = api(users["adviser"]).get("/api/v1/agenda-items/", {"limit": 2}).json()
    assert len(items["results"]) == 2 and items["next"]


def test_municipalities(users):
    data = api(users["adviser"]).get("/api/v1/municipalities/3205/").json()
    assert {k: data[k] for k in ("number", "name", "county_number")} == {"number": "3205", "name": "Lillestrøm", "county_number": "32"}
    assert data["scorecard"].endswith("/api/v1/municipalities/3205/scorecard")
    vestland = api(users["adviser"]).get("/api/v1/municipalities/", {"county": "46", "kind": "municipality"}).json()
    assert "4628" in [m["number"] for m in vestland["results"]] and "46" not in [m["number"] for m in vestland["results"]]


def test_token_authentication(cworld, users):
    token = Token.objects.create(user=users["union_rep_a"])
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/v1/municipalities/3205/scorecard", {"from": "2022-01-01", "to": "2022-12-31"}).json()["agenda_items"] == 8
    assert APIClient(HTTP_AUTHORIZATION="Token wrong").get("/api/v1/meetings/").status_code in (401, 403)


def test_session_authentication(cworld, client_for):
    response = client_for("hr_b").get("/api/v1/municipalities/3205/scorecard", {"from": "2022-01-01", "to": "2022-12-31"})
    assert response.status_code == 200 and response.json()["meetings_held"] == 2


def test_the_openapi_schema_describes_the_scorecard(users):
    response = api(users["adviser"]).get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    path = schema["paths"]["/api/v1/municipalities/{number}/scorecard"]["get"]
    assert {p["name"] for p in path["parameters"]} >= {"number", "from", "to", "body_kind"}
    properties = schema["components"]["schemas"]["Scorecard"]["properties"]
    assert {"municipality", "from", "to", "body_kind", "meetings_held", "employee_voice_share", "index"} <= set(properties)
    for path in ("/api/v1/municipalities/", "/api/v1/bodies/", "/api/v1/meetings/", "/api/v1/agenda-items/",
                 "/api/v1/scorecards/", "/api/v1/measures/"):
        assert path in schema["paths"], path
    yaml = api(users["adviser"]).get("/api/v1/schema/")
    assert yaml.status_code == 200 and b"/api/v1/municipalities/{number}/scorecard" in yaml.content


def test_the_root_lists_the_endpoints(users):
    response = api(users["adviser"]).get("/api/v1/")
    assert response.status_code == 200
    data = response.json()
    assert list(data) == ["municipalities", "municipality", "scorecard", "scorecards", "bodies", "meetings",
                          "agenda_items", "measures", "schema"]
    assert data["scorecard"]["url"] == "http://testserver/api/v1/municipalities/3205/scorecard"
    assert data["measures"]["url"] == "http://testserver/api/v1/measures/"


@pytest.mark.parametrize("url, allowed", [
    ("/api/v1/meetings/", ["body", "body_kind", "format", "from", "limit", "municipality", "offset", "state", "to"]),
    ("/api/v1/measures/", ["format", "limit", "municipality", "offset"]),
    ("/api/v1/municipalities/3205/scorecard", ["body_kind", "format", "from", "limit", "offset", "to"]),
])
def test_an_unknown_filter_is_refused_with_the_allowed_ones(users, url, allowed):
    response = api(users["adviser"]).get(url, {"municipalty": "3205"})
    assert response.status_code == 400
    assert response.json() == {"unknown_filters": ["municipalty"], "allowed_filters": allowed}


def test_an_anonymous_request_is_asked_to_authenticate(db):
    for url in ("/api/v1/", "/api/v1/meetings/", "/api/v1/measures/?nonsense=1"):
        response = APIClient().get(url)
        assert response.status_code == 401, url
        assert response["WWW-Authenticate"] == "Token", url
