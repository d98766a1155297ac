"""The FilterSet of the list of measures (measures/filters.py): the register page and the API, and
the timing as a database condition (timing_q) against the rule in Python (timing_for)."""
from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from measures import services
from measures.filters import MeasureFilter
from measures.models import ClimateMeasure

from ..dashboards.conftest import build_cworld
from ..helpers.world import committed

pytestmark = pytest.mark.django_db
ALL = ["mA", "mB", "mC", "mD", "mE", "mF"]


@pytest.fixture(scope="module")
def measures_world(shared_world, django_db_blocker):
    """Lillestrøm's six measures mA-mF of tests/dashboards/conftest.py (their timing is known),
    built once for the module (the tests only read)."""
    with django_db_blocker.unblock(), committed():
        return build_cworld(shared_world)


def _queryset():
    return ClimateMeasure.objects.filter(municipality_id="3205").with_involvement_dates().order_by("title")


def _titles(params) -> list[str]:
    return [m.title for m in MeasureFilter(params, queryset=_queryset()).qs]


@pytest.mark.parametrize("params, expected", [
    ({}, ALL),
    ({"municipality": "3205"}, ALL),
    ({"municipality": "4628"}, []),
    ({"timing": "early"}, ["mA", "mC"]),  # consulted before the decision; mC is undecided
    ({"timing": "late"}, ["mB"]),  # informed before, consulted after
    ({"timing": "never"}, ["mD", "mE", "mF"]),  # mF has only a "not involved" event
    ({"affects": "yes"}, ["mA", "mB", "mC", "mE", "mF"]),
    ({"affects": "no"}, ["mD"]),
    ({"status": "proposed"}, ["mC"]),
    ({"status": "idea"}, ["mF"]),
    ({"topic": "transport"}, ["mA"]),
    ({"topic": "transport", "timing": "late"}, []),
    ({"affects": "yes", "timing": "never", "status": "decided"}, ["mE"]),
])
def test_measure_filter(db, measures_world, params, expected):
    assert _titles(params) == expected


@pytest.mark.parametrize("params, field", [
    ({"timing": "soon"}, "timing"),
    ({"affects": "maybe"}, "affects"),
    ({"status": "done"}, "status"),
    ({"topic": "weather"}, "topic"),
    ({"municipality": "12345"}, "municipality"),
])
def test_a_bad_value_is_an_error_and_left_out_of_the_rows(db, measures_world, params, field):
    chosen = MeasureFilter(params, queryset=_queryset())
    assert not chosen.is_valid() and list(chosen.errors) == [field]
    assert [m.title for m in chosen.qs] == ALL  # the lenient use (the register page): as if not given


def test_timing_q_agrees_with_timing_for(db, measures_world):
    by_rule = {m.title: services.summary_of(m).timing for m in _queryset()}
    by_query = {
        timing: sorted(m.title for m in _queryset().filter(services.timing_q(timing)))
        for timing in services.Timing.values
    }
    assert by_query == {
        timing: sorted(title for title, t in by_rule.items() if t == timing) for timing in services.Timing.values
    }
    assert by_query == {"early": ["mA", "mC"], "late": ["mB"], "never": ["mD", "mE", "mF"]}


@pytest.mark.parametrize("params, expected", [
    ({}, ALL),
    ({"timing": "never", "affects": "yes"}, ["mE", "mF"]),
    ({"timing": "soon"}, ALL),  # not one of the choices: left out, as before
    ({"affects": "maybe", "status": "idea"}, ["mF"]),
])
def test_the_register_page(db, measures_world, shared_client_for, params, expected):
    response = shared_client_for("adviser").get("/kommuner/3205/measures/", params)
    assert response.status_code == 200
    assert [m.title for m in response.context["measures"]] == expected


def test_the_register_page_and_the_api_list_the_same_measures(db, measures_world, shared_client_for):
    page = shared_client_for("union_rep_a").get("/kommuner/3205/measures/")
    client = APIClient()
    client.force_authenticate(measures_world.users["union_rep_a"])
    api = client.get("/api/v1/measures/", {"municipality": "3205"}).json()
    assert [m["title"] for m in api["results"]] == [m.title for m in page.context["measures"]] == ALL
    assert [m["timing"] for m in api["results"]] == [str(m.summary.timing) for m in page.context["measures"]] == [
        "early", "late", "early", "never", "never", "never",
    ]
