"""The search page, the header field, the API and the export: visibility per role, filters, errors."""
from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SEARCH = "/sok/"
API = "/api/v1/search/"

# who finds the planted drafts: "12/2023 Utkast: klimabudsjett" (Vaksdal) and "20/2023 Utkast: reiseregulativ" (Sarpsborg)
DRAFT_A = {"superuser": True, "hr_a": True, "union_rep_a": True, "hr_b": False, "adviser": False}
DRAFT_B = {"superuser": True, "hr_a": False, "union_rep_a": False, "hr_b": True, "adviser": False}


@pytest.mark.parametrize("role", ["superuser", "hr_a", "hr_b", "union_rep_a", "adviser"])
def test_drafts_are_found_only_inside_their_municipality(corpus, client_for, role):
    client = client_for(role)
    for q, title, visible in (("klimabudsjett", "Utkast: klimabudsjett", DRAFT_A),
                              ("reiseregulativ", "Utkast: reiseregulativ", DRAFT_B)):
        page = client.get(SEARCH, {"q": q})
        assert page.status_code == 200
        assert (title in page.content.decode()) is visible[role], (role, q)
        api = client.get(API, {"q": q}).json()
        assert api["count"] == (1 if visible[role] else 0)
        response = client.get(reverse("search:export", args=["csv"]), {"q": q})
        export = b"".join(response.streaming_content).decode("utf-8-sig")
        assert (title in export) is visible[role]
        # a filter does not open a door either
        api = client.get(API, {"q": q, "municipality": "4628" if q == "klimabudsjett" else "3105"}).json()
        assert api["count"] == (1 if visible[role] else 0)


def test_anonymous_is_sent_to_login_and_refused_by_the_api(corpus, client_for):
    client = client_for("anonymous")
    assert client.get(SEARCH, {"q": "parkering"}).status_code == 302
    assert client.get(API, {"q": "parkering"}).status_code in (401, 403)
    assert client.get(reverse("search:export", args=["csv"]), {"q": "parkering"}).status_code == 302


def test_the_header_has_a_search_field_on_every_page(corpus, client_for):
    page = client_for("adviser").get(reverse("municipalities:municipality_list")).content.decode()
    assert 'role="search"' in page and 'action="/sok/"' in page and 'name="q"' in page


def test_the_page_shows_hits_with_type_place_date_snippet_and_link(corpus, client_for):
    page = client_for("adviser").get(SEARCH, {"q": "sykkelstativ"}).content.decode()
    assert "1 result" in page or "1 treff" in page
    assert f'href="{corpus.c1.get_absolute_url()}"' in page
    assert "11/2023 Sykkelparkering ved rådhuset" in page
    assert "Sarpsborg" in page and "09.03.2023" in page
    assert "<mark>sykkelstativ</mark>" in page
    # filter links keep the query and add the filter
    assert "?q=sykkelstativ&amp;municipality=3105" in page


def test_pagination(corpus, client_for):
    from tests import factories as f

    for n in range(25):
        f.AgendaItemFactory(meeting=corpus.pub_b, position=10 + n, case_number="", title=f"Trikkestopp {n}")
    client = client_for("adviser")
    first = client.get(SEARCH, {"q": "trikkestopp"}).content.decode()
    assert first.count('class="mb-3 search-hit"') == 20 and "page=2" in first
    second = client.get(SEARCH, {"q": "trikkestopp", "page": 2}).content.decode()
    assert second.count('class="mb-3 search-hit"') == 5
    assert client.get(SEARCH, {"q": "trikkestopp", "page": 9}).status_code == 404
    api = client.get(API, {"q": "trikkestopp", "limit": 10, "offset": 20}).json()
    assert api["count"] == 25 and len(api["results"]) == 5 and api["next"] is None
    assert "offset=10" in api["previous"]


@pytest.mark.parametrize("params, field", [
    ({"q": "x", "year_from": "abc"}, "year_from"),
    ({"q": "x", "municipality": "12a4"}, "municipality"),
    ({"q": "x", "type": "nonsense"}, "type"),
    ({"q": "x", "county": "4"}, "county"),
    ({"q": "x", "year_from": 2024, "year_to": 2020}, "__all__"),
])
def test_bad_parameters_are_a_400_naming_them(corpus, client_for, params, field):
    client = client_for("adviser")
    assert client.get(SEARCH, params).status_code == 400
    response = client.get(API, params)
    assert response.status_code == 400 and field in response.json()


def test_api_result_shape_and_facets(corpus, client_for):
    data = client_for("adviser").get(API, {"q": "parkering", "sort": "date"}).json()
    assert data["count"] == 4
    first = data["results"][0]
    assert set(first) == {
        "type", "id", "title", "municipality", "municipality_name", "body", "body_kind", "meeting_id", "date",
        "climate_level", "topics", "snippet", "url", "rank",
    }
    assert [r["date"] for r in data["results"]] == ["2023-03-09", "2023-03-09", "2023-02-07", "2023-02-07"]
    assert {r["title"] for r in data["results"]} >= {"11/2023 Sykkelparkering ved rådhuset"}
    assert first["url"].startswith("http://testserver/")
    assert {v["value"]: v["count"] for v in data["facets"]["type"]} == {"item": 3, "proposal": 1}
    assert {v["value"]: v["count"] for v in data["facets"]["municipality"]} == {"3105": 2, "4628": 2}


def test_api_route_name(users):
    assert reverse("search_api:search") == API


def test_api_is_in_the_schema(client_for, users):
    schema = client_for("adviser").get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/search/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {
        "q", "type", "municipality", "county", "body_kind", "year_from", "year_to", "climate_level", "topic",
        "sort", "limit", "offset",
    }


def test_export_csv_and_xlsx(corpus, client_for):
    client = client_for("adviser")
    response = client.get(reverse("search:export", args=["csv"]), {"q": "parkering", "municipality": "3105"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Type", "ID", "Kommunenummer", "Kommune"]
    assert sorted(r[9] for r in rows[1:]) == ["11/2023 Sykkelparkering ved rådhuset", "12/2023 Nye parkeringsplassar ved sjukeheimen"]
    xlsx = client.get(reverse("search:export", args=["xlsx"]), {"q": "parkering"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert client.get(reverse("search:export", args=["pdf"]), {"q": "parkering"}).status_code == 404
    assert client.get(reverse("search:export", args=["csv"])).status_code == 400


def test_empty_search_shows_the_form_only(client_for, users):
    page = client_for("adviser").get(SEARCH)
    assert page.status_code == 200 and "search-count" not in page.content.decode()
