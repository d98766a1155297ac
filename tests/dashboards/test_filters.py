"""The FilterSets of the dashboards' lists (dashboards/filters.py), parameter by parameter, and the
national comparison page and the scorecards API choosing the same municipalities."""
from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from dashboards.filters import AgendaItemFilter, MeetingFilter, ScorecardFilter
from dashboards.scope import Period
from meetings.models import AgendaItem, Meeting
from municipalities.models import Municipality, kommunenummer_validator
from partssamarbeid.filters import MAX_ID

from ..helpers.world import committed
from .conftest import build_cworld

pytestmark = pytest.mark.django_db
D = datetime.date
LILLESTROM = "3205"


@pytest.fixture(scope="module")
def cworld(shared_world, django_db_blocker):
    """tests/dashboards/conftest.py's Lillestrøm, built once for the module (the tests only read)."""
    with django_db_blocker.unblock(), committed():
        return build_cworld(shared_world)


def _meetings(w, params) -> list[str]:
    names = {w.m1.pk: "m1", w.m2.pk: "m2", w.m3.pk: "m3", w.m_draft.pk: "m_draft", w.m_amu.pk: "m_amu",
             w.m_2021.pk: "m_2021"}
    queryset = Meeting.objects.filter(body__municipality_id=LILLESTROM).order_by("date")
    chosen = MeetingFilter(params, queryset=queryset)
    assert chosen.is_valid(), chosen.errors
    return [names[m.pk] for m in chosen.qs]


@pytest.mark.parametrize("params, expected", [
    ({}, ["m_2021", "m1", "m2", "m3", "m_draft", "m_amu"]),
    ({"municipality": LILLESTROM}, ["m_2021", "m1", "m2", "m3", "m_draft", "m_amu"]),
    ({"municipality": "4628"}, []),
    ({"body_kind": "AMU"}, ["m_amu"]),
    ({"body_kind": "PSU"}, ["m_2021", "m1", "m2", "m3", "m_draft"]),
    ({"from": "2022-06-01"}, ["m2", "m3", "m_draft", "m_amu"]),
    ({"to": "2022-05-01"}, ["m_2021", "m1"]),  # both days included
    ({"from": "2022-05-01", "to": "2022-07-31"}, ["m1", "m2", "m3"]),
    ({"state": "cancelled"}, ["m3"]),
    ({"state": ""}, ["m_2021", "m1", "m2", "m3", "m_draft", "m_amu"]),  # empty: no filter
])
def test_meeting_filter(db, cworld, params, expected):
    assert _meetings(cworld, params) == expected


def test_meeting_filter_by_body(db, cworld):
    assert _meetings(cworld, {"body": str(cworld.amu_c.pk)}) == ["m_amu"]
    assert _meetings(cworld, {"body": "0"}) == []


@pytest.mark.parametrize("params, errors", [
    ({"body": "x"}, {"body": ["Give a whole number."]}),
    ({"body": "-1"}, {"body": [f"Give a whole number from 0 to {MAX_ID}."]}),
    ({"body": str(MAX_ID + 1)}, {"body": [f"Give a whole number from 0 to {MAX_ID}."]}),
    ({"from": "01.01.2022"}, {"from": ["Give a date as YYYY-MM-DD."]}),
    ({"to": "2022-02-30"}, {"to": ["Give a date as YYYY-MM-DD."]}),
    ({"to": "10000-01-01"}, {"to": ["Give a date as YYYY-MM-DD."]}),
    ({"state": "done"}, {"state": ["Choose one of: planned, held, cancelled."]}),
    ({"body_kind": "XYZ", "state": "held"}, {"body_kind": ["Choose one of: PSU, AMU, HAMU, drofting, treparts, arbeidsgruppe."]}),
    ({"municipality": "abc"}, {"municipality": [str(kommunenummer_validator.message)]}),
    ({"municipality": " 3205"}, {"municipality": [str(kommunenummer_validator.message)]}),  # taken as given
])
def test_meeting_filter_refuses_bad_values(db, params, errors):
    chosen = MeetingFilter(params, queryset=Meeting.objects.all())
    assert not chosen.is_valid()
    assert {name: list(messages) for name, messages in chosen.errors.items()} == errors


def _positions(w, params) -> list[int]:
    chosen = AgendaItemFilter({"meeting": str(w.m1.pk), **params}, queryset=AgendaItem.objects.order_by("position"))
    assert chosen.is_valid(), chosen.errors
    return [item.position for item in chosen.qs]


@pytest.mark.parametrize("params, expected", [
    ({}, [1, 2, 3, 4, 5, 6, 7, 8]),
    # effective level: i3 overridden to mentions, i4 overridden to none
    ({"climate_level": "mentions"}, [2, 3]),
    ({"climate_level": "linked"}, [5]),
    ({"climate_level": "none"}, [1, 4, 6, 7, 8]),
    ({"kind": "RS"}, [2]),
    ({"kind": "orientering"}, [6]),
    ({"env_assessment": "consequences"}, [5]),
    ({"env_assessment": "none_found"}, [7]),
    ({"substantive": "true"}, [3, 4, 5, 6, 7, 8]),
    ({"substantive": "false"}, [1, 2]),
    ({"substantive": "maybe"}, [1, 2, 3, 4, 5, 6, 7, 8]),  # only true and false filter
    ({"from": "2022-05-02"}, []),  # the meeting's date, through the item's meeting
    ({"to": "2022-05-01", "body_kind": "PSU", "municipality": LILLESTROM}, [1, 2, 3, 4, 5, 6, 7, 8]),
    ({"body_kind": "AMU"}, []),
])
def test_agenda_item_filter(db, cworld, params, expected):
    assert _positions(cworld, params) == expected


def test_agenda_item_filter_by_meeting_of_another_kind(db, cworld):
    chosen = AgendaItemFilter({"body_kind": "AMU", "municipality": LILLESTROM}, queryset=AgendaItem.objects.all())
    assert [item.title for item in chosen.qs] == ["Sykkelparkering"]


# --- scorecards: the parameters of the figures and the choice of municipalities --------------------


def test_scorecard_filter_defaults(db):
    chosen = ScorecardFilter({}, queryset=Municipality.objects.none())
    assert chosen.is_valid()
    assert (chosen.period, chosen.body_kind_value, chosen.only_with_data) == (Period.default(), "PSU", False)


@pytest.mark.parametrize("params, period, kind, with_data", [
    ({"from": "2022-01-01", "to": "2022-12-31"}, Period(D(2022, 1, 1), D(2022, 12, 31)), "PSU", False),
    ({"from": "2022-01-01", "to": "2022-01-01", "body_kind": "AMU"}, Period(D(2022, 1, 1), D(2022, 1, 1)), "AMU", False),
    ({"from": "2003-01-01", "to": "2022-12-31", "with_data": "1"}, Period(D(2003, 1, 1), D(2022, 12, 31)), "PSU", True),
    ({"from": "2022-01-01", "to": "2022-12-31", "with_data": "true"}, Period(D(2022, 1, 1), D(2022, 12, 31)), "PSU", True),
    ({"from": "2022-01-01", "to": "2022-12-31", "with_data": "on"}, Period(D(2022, 1, 1), D(2022, 12, 31)), "PSU", True),
    ({"from": "2022-01-01", "to": "2022-12-31", "with_data": "yes"}, Period(D(2022, 1, 1), D(2022, 12, 31)), "PSU", True),
    ({"from": "2022-01-01", "to": "2022-12-31", "with_data": "no"}, Period(D(2022, 1, 1), D(2022, 12, 31)), "PSU", False),
])
def test_scorecard_filter_values(db, params, period, kind, with_data):
    chosen = ScorecardFilter(params, queryset=Municipality.objects.none())
    assert chosen.is_valid(), chosen.errors
    assert (chosen.period, chosen.body_kind_value, chosen.only_with_data) == (period, kind, with_data)


@pytest.mark.parametrize("params, fields", [
    ({"from": "2023-01-01", "to": "2022-01-01"}, ["from"]),  # start after end
    ({"from": "2002-01-01", "to": "2022-12-31"}, ["from"]),  # 20 years
    ({"to": "yesterday"}, ["to"]),  # a bad day is not also a bad period
    ({"from": "x", "to": "y"}, ["from", "to"]),
    ({"body_kind": "XYZ"}, ["body_kind"]),
    ({"population": "huge"}, ["population"]),
    ({"county": "4"}, ["county"]),
])
def test_scorecard_filter_refuses_bad_values(db, params, fields):
    chosen = ScorecardFilter(params, queryset=Municipality.objects.none())
    assert not chosen.is_valid()
    assert sorted(chosen.errors) == fields


@pytest.mark.parametrize("params, expected", [
    ({"county": "03"}, ["0301", "03"]),
    ({"county": "03", "kind": "municipality"}, ["0301"]),
    ({"county": "03", "population": "unknown"}, ["0301", "03"]),  # no population in the test register
    ({"county": "32", "population": "under_5000"}, []),
])
def test_scorecard_filter_chooses_municipalities(db, params, expected):
    chosen = ScorecardFilter(params, queryset=Municipality.objects.order_by("-number"))
    assert [m.number for m in chosen.qs] == expected


def _api(user, params) -> list[str]:
    client = APIClient()
    client.force_authenticate(user)
    response = client.get("/api/v1/scorecards/", {**params, "limit": 1000})
    assert response.status_code == 200
    return sorted(row["municipality"] for row in response.json()["results"])


@pytest.mark.parametrize("page, api", [
    ({"show_all": "on"}, {}),
    ({"show_all": "on", "county": "32"}, {"county": "32"}),
    ({"show_all": "on", "county": "46", "population": "under_5000"}, {"county": "46", "population": "under_5000"}),
    ({}, {"with_data": "true"}),
    ({"county": "32"}, {"county": "32", "with_data": "true"}),
])
def test_the_national_page_and_the_api_choose_the_same_municipalities(db, cworld, shared_client_for, page, api):
    client_for = shared_client_for
    period = {"from": "2022-01-01", "to": "2022-12-31"}
    response = client_for("adviser").get(reverse("dashboards:national"), {**period, **page})
    assert response.status_code == 200
    shown = [row["municipality"].number for row in response.context["county_table"]]
    for number in range(1, response.context["page"].paginator.num_pages + 1):
        shown += [row["municipality"].number for row in client_for("adviser").get(
            reverse("dashboards:national"), {**period, **page, "page": number}).context["table"]]
    assert sorted(shown) == _api(cworld.users["adviser"], {**period, **api})
    if "with_data" in api:
        assert sorted(shown) == ["3205"]
