"""The filter types every list shares (partssamarbeid/filters.py) and the FilterSets of the lists of
municipalities and bodies (municipalities/filters.py): the municipality page and the API."""
from __future__ import annotations

import pytest
from django import forms
from django.urls import reverse
from rest_framework.test import APIClient

from municipalities.filters import BodyFilter, MunicipalityFilter
from municipalities.models import Body, Municipality
from partssamarbeid.filters import MAX_ID, CodeField, IdField, IsoDateField, query

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field, value, expected", [
    (IdField(required=False), "0", 0),
    (IdField(required=False), str(MAX_ID), MAX_ID),
    (IdField(required=False), "", None),
    (IsoDateField(required=False), "2024-02-29", "2024-02-29"),
    (IsoDateField(required=False), "", None),
    (CodeField(codes=["a", "b"], required=False), "b", "b"),
    (CodeField(codes=["a", "b"], required=False), "", ""),
])
def test_fields_accept(field, value, expected):
    cleaned = field.clean(value)
    assert (cleaned.isoformat() if hasattr(cleaned, "isoformat") else cleaned) == expected


@pytest.mark.parametrize("field, value, message", [
    (IdField(), "x", "Give a whole number."),
    (IdField(), "1.5", "Give a whole number."),
    (IdField(), "-1", f"Give a whole number from 0 to {MAX_ID}."),
    (IdField(), "99999999999999999999", f"Give a whole number from 0 to {MAX_ID}."),
    (IsoDateField(), "2023-02-29", "Give a date as YYYY-MM-DD."),
    (IsoDateField(), "29.02.2024", "Give a date as YYYY-MM-DD."),
    (CodeField(codes=["a", "b"]), "c", "Choose one of: a, b."),
])
def test_fields_refuse(field, value, message):
    with pytest.raises(forms.ValidationError) as error:
        field.clean(value)
    assert error.value.messages == [message]


def test_only_keeps_the_named_filters_and_refuses_unknown_ones():
    assert list(MunicipalityFilter.only("county", "q").base_filters) == ["county", "q"]
    assert list(MunicipalityFilter.base_filters) == ["q", "county", "kind", "population"]
    with pytest.raises(ValueError, match="no filter"):
        MunicipalityFilter.only("countee")


def test_query_keeps_the_order_of_the_parameters():
    assert query({"from": "2022-01-01", "to": "2022-12-31", "body_kind": "PSU"}).urlencode() == (
        "from=2022-01-01&to=2022-12-31&body_kind=PSU"
    )


def _numbers(params, queryset=None) -> list[str]:
    chosen = MunicipalityFilter(params, queryset=queryset or Municipality.objects.order_by("number"))
    assert chosen.is_valid(), chosen.errors
    return [m.number for m in chosen.qs]


@pytest.mark.parametrize("params, expected", [
    ({"q": "vaksdal"}, ["4628"]),
    ({"q": "4628"}, ["4628"]),
    ({"q": "462"}, []),  # a number matches whole, a name in part
    ({"q": "sarpsb"}, ["3105"]),
    ({"county": "46", "kind": "county_municipality"}, ["46"]),
    ({"county": "03"}, ["03", "0301"]),
    ({"county": "03", "kind": "municipality"}, ["0301"]),
    ({"q": "oslo", "kind": "county_municipality"}, ["03"]),
])
def test_municipality_filter(params, expected):
    assert _numbers(params) == expected


@pytest.mark.parametrize("band, expected", [
    ("under_5000", ["4628"]),
    ("5000_20000", ["3105"]),
    ("100000_plus", ["0301"]),
    ("unknown", ["46"]),
])
def test_municipality_filter_population(db, band, expected):
    for number, population in (("4628", 4_999), ("3105", 5_000), ("0301", 700_000), ("46", None)):
        Municipality.objects.filter(number=number).update(population=population)
    chosen = Municipality.objects.filter(number__in=["4628", "3105", "0301", "46"]).order_by("number")
    assert _numbers({"population": band}, chosen) == expected


def test_body_filter(world):
    bodies = Body.objects.order_by("municipality_id", "name")
    vaksdal = BodyFilter({"municipality": "4628"}, queryset=bodies)
    assert {b.municipality_id for b in vaksdal.qs} == {"4628"} and vaksdal.qs.count() >= 1
    kinds = BodyFilter({"kind": "PSU"}, queryset=bodies)
    assert {b.kind for b in kinds.qs} == {"PSU"}
    assert list(BodyFilter({"kind": "XX"}, queryset=bodies).errors) == ["kind"]


def _page(client, params) -> list[str]:
    response = client.get(reverse("municipalities:municipality_list"), params)
    assert response.status_code == 200
    return sorted(m.number for m in response.context["page"].paginator.object_list)


@pytest.mark.parametrize("params", [{"county": "46"}, {"county": "03"}, {"county": "15"}])
def test_the_municipality_page_and_the_api_list_the_same_municipalities(users, client_for, params):
    api = APIClient()
    api.force_authenticate(users["adviser"])
    listed = sorted(m["number"] for m in api.get("/api/v1/municipalities/", {**params, "limit": 1000}).json()["results"])
    assert _page(client_for("adviser"), params) == listed
    assert listed and {n[:2] for n in listed} == {params["county"]}


def test_the_municipality_page_with_a_county_that_is_no_county_number_lists_none(client_for):
    client = client_for("adviser")
    assert _page(client, {"county": "zz"}) == []
    assert _page(client, {"county": "4"}) == []
    assert len(_page(client, {})) == 372


def test_the_pages_keep_the_filters(client_for):
    html = client_for("adviser").get(reverse("municipalities:municipality_list"), {"q": "a", "x": "1"}).content.decode()
    assert 'href="?q=a&amp;x=1&amp;page=2"' in html
