"""Every measures route x every role x GET and POST, with the exact expected status.

Reading is open to every logged-in role; editing measures, their links and process answers is
HR of the municipality; recording involvement and naming green representatives is HR and union
representatives of the municipality; an involvement event is changed only by the side that
recorded it. ``test_every_measures_route_is_in_the_table`` fails when a route has no row.

Objects live in the shared world (tests/conftest.py): A = 4628 Vaksdal, B = 3105 Sarpsborg.
Measures are created on demand inside each test's savepoint.
"""
from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from measures.models import ClimateMeasure, GreenRepresentative, Involvement, Level, ProcessAnswer, Side
from meetings.models import AgendaItem

from ..helpers import ROLES
from ..routes import (
    DO_A,
    DO_DRAFT_A,
    DO_DRAFT_B,
    EDIT_A,
    EDIT_B,
    EVERYONE,
    EVERYONE_405,
    Route,
    action_on,
    check,
    ids,
    number_of,
    route_names,
    statuses,
)

RECORD_A = statuses({"superuser", "hr_a", "union_rep_a"})
EMPLOYEE_SIDE_A = statuses({"superuser", "union_rep_a"})


def measure_a(w) -> ClimateMeasure:
    measure, _ = ClimateMeasure.objects.get_or_create(
        municipality=w.a,
        title="Rutetest: parkeringsavgift",
        defaults={
            "status": ClimateMeasure.Status.DECIDED,
            "decision_date": datetime.date(2023, 2, 1),
            "affects_employees": True,
            "employee_effects": ["commuting"],
        },
    )
    measure.agenda_items.add(w.item_a2)
    return measure


def event_a(w, side: str) -> Involvement:
    event, _ = Involvement.objects.get_or_create(
        measure=measure_a(w),
        date=datetime.date(2023, 2, 7),
        arena=Involvement.Arena.PSU,
        recorded_by_side=side,
        defaults={"level": Level.CONSULTED, "raised_by": Involvement.RaisedBy.EMPLOYER},
    )
    return event


def measure_url(w) -> str:
    return measure_a(w).get_absolute_url()


A = number_of("a")
B = number_of("b")

ROUTES = [
    Route("measures:measure_list", "A", A),
    Route("measures:measure_list", "B", B),
    Route("measures:measure_create", "A", A, EDIT_A, EDIT_A),
    Route("measures:measure_create", "B", B, EDIT_B, EDIT_B),
    Route("measures:not_consulted", "A", A),
    Route("measures:coverage", "A", A),
    Route("measures:coverage", "B", B),
    Route("measures:coverage_cell", "A", lambda w: {"number": w.a.number, "topic": "none", "year": 2023}),
    Route("measures:coverage_cell", "B", lambda w: {"number": w.b.number, "topic": "none", "year": 2023}),
    Route("measures:employee_requests", "A", A),
    Route("measures:green_representatives", "A", A),
    Route("measures:green_representatives_edit", "A", A, RECORD_A, RECORD_A),
    Route("measures:measure_detail", "measure A", lambda w: {"pk": measure_a(w).pk}),
    Route("measures:measure_edit", "measure A", lambda w: {"pk": measure_a(w).pk}, EDIT_A, EDIT_A),
    # an empty answer sheet is valid (every question is optional): saved and redirected
    Route("measures:process_questions", "measure A", lambda w: {"pk": measure_a(w).pk}, EDIT_A,
          DO_A, redirect=measure_url),
    Route("measures:involvement_create", "measure A", lambda w: {"pk": measure_a(w).pk}, RECORD_A, RECORD_A),
    Route("measures:involvement_edit", "employee-side event A", lambda w: {"pk": event_a(w, Side.EMPLOYEE).pk},
          EMPLOYEE_SIDE_A, EMPLOYEE_SIDE_A),
    Route("measures:involvement_edit", "employer-side event A", lambda w: {"pk": event_a(w, Side.EMPLOYER).pk},
          EDIT_A, EDIT_A),
    Route("measures:involvement_delete", "employee-side event A", lambda w: {"pk": event_a(w, Side.EMPLOYEE).pk},
          EVERYONE_405, statuses({"superuser", "union_rep_a"}, ok_status=302), redirect=measure_url),
    Route("measures:involvement_delete", "employer-side event A", lambda w: {"pk": event_a(w, Side.EMPLOYER).pk},
          EVERYONE_405, DO_A, redirect=measure_url),
    Route("measures:suggestion_dismiss", "measure A", lambda w: {"pk": measure_a(w).pk}, EVERYONE_405,
          statuses({"superuser", "hr_a", "union_rep_a"}, ok_status=302), redirect=measure_url),
    Route("measures:measure_unlink_item", "measure A", lambda w: {"pk": measure_a(w).pk, "item_pk": w.item_a2.pk},
          EVERYONE_405, DO_A, redirect=measure_url),
    action_on("measures:measure_from_item", "published A", "item_a2", DO_A, key="item_pk"),
    action_on("measures:measure_from_item", "draft A", "item_draft_a", DO_DRAFT_A, key="item_pk"),
    action_on("measures:link_item", "published A", "item_a2", DO_A, key="item_pk"),
    action_on("measures:link_item", "draft B", "item_draft_b", DO_DRAFT_B, key="item_pk"),
    # "record involvement" from an alert: the measure's form (with the item) for those who record,
    # the measure page for other readers, the item page while no measure is linked
    Route("measures:item_involvement", "linked A", lambda w: {"item_pk": (measure_a(w), w.item_a2)[1].pk},
          statuses(EVERYONE, ok_status=302), EVERYONE_405,
          redirect=lambda w: {role: f"/measures/{measure_a(w).pk}/involvement/new/?item={w.item_a2.pk}"
                              if role in ("superuser", "hr_a", "union_rep_a") else measure_url(w)
                              for role in EVERYONE}),
    Route("measures:item_involvement", "draft B", lambda w: {"item_pk": w.item_draft_b.pk},
          DO_DRAFT_B, EVERYONE_405,
          redirect=lambda w: w.item_draft_b.get_absolute_url() + "#item-measures"),
    # the JSON API answers 401 itself instead of redirecting to the login page
    Route("measures_api:measure_list", "-", post=EVERYONE_405, anonymous=(401, 401)),
]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=ids(ROUTES))
def test_route_status(shared_world, shared_client_for, route, role, method):
    check(route, shared_world, shared_client_for(role), role, method)


def test_every_measures_route_is_in_the_table():
    assert route_names("measures", "measures_api") - {r.name for r in ROUTES} == set()


def test_unknown_objects_are_404(shared_world, shared_client_for):
    client = shared_client_for("superuser")
    for name, kwargs in [
        ("measures:measure_list", {"number": "0000"}),
        ("measures:coverage", {"number": "0000"}),
        ("measures:coverage_cell", {"number": "0000", "topic": "none", "year": 2023}),
        ("measures:coverage_cell", {"number": "4628", "topic": "no-such-topic", "year": 2023}),
        ("measures:measure_detail", {"pk": 999999}),
        ("measures:measure_edit", {"pk": 999999}),
        ("measures:involvement_edit", {"pk": 999999}),
    ]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404, name


# --- writes to municipality A by others change nothing ------------------------------------------


def _snapshot(w):
    measure = measure_a(w)
    return (
        ClimateMeasure.objects.filter(pk=measure.pk).values_list("title", "status", "decision_date").get(),
        sorted(measure.agenda_items.values_list("pk", flat=True)),
        sorted(Involvement.objects.filter(measure=measure).values_list("pk", "level", "position")),
        ProcessAnswer.objects.count(),
        GreenRepresentative.objects.count(),
        ClimateMeasure.objects.count(),
    )


def _measure_payload(w):
    return {"title": "Kapra", "status": "decided", "decision_date": "2023-02-01", "affects_employees": "on",
            "employee_effects": ["commuting"]}


def _event_payload(w):
    return {"date": "2023-02-07", "arena": "psu", "raised_by": "employer", "level": "0", "position": "supports"}


WRITES = [
    ("measures:measure_edit", lambda w: {"pk": measure_a(w).pk}, _measure_payload, {"hr_b", "union_rep_a", "adviser"}),
    ("measures:measure_create", lambda w: {"number": w.a.number}, _measure_payload, {"hr_b", "union_rep_a", "adviser"}),
    ("measures:process_questions", lambda w: {"pk": measure_a(w).pk}, lambda w: {"q1_answer": "no"},
     {"hr_b", "union_rep_a", "adviser"}),
    ("measures:involvement_create", lambda w: {"pk": measure_a(w).pk}, _event_payload, {"hr_b", "adviser"}),
    ("measures:involvement_edit", lambda w: {"pk": event_a(w, Side.EMPLOYEE).pk}, _event_payload,
     {"hr_a", "hr_b", "adviser"}),
    ("measures:involvement_edit", lambda w: {"pk": event_a(w, Side.EMPLOYER).pk}, _event_payload,
     {"union_rep_a", "hr_b", "adviser"}),
    ("measures:involvement_delete", lambda w: {"pk": event_a(w, Side.EMPLOYER).pk}, lambda w: {},
     {"union_rep_a", "hr_b", "adviser"}),
    ("measures:measure_unlink_item", lambda w: {"pk": measure_a(w).pk, "item_pk": w.item_a2.pk}, lambda w: {},
     {"hr_b", "union_rep_a", "adviser"}),
    ("measures:measure_from_item", lambda w: {"item_pk": w.item_a2.pk}, lambda w: {"title": "Kapra", "status": "idea"},
     {"hr_b", "union_rep_a", "adviser"}),
    ("measures:green_representatives_edit", lambda w: {"number": w.a.number},
     lambda w: {"green-TOTAL_FORMS": "1", "green-INITIAL_FORMS": "0", "green-0-new_person": "Kapra",
                "green-0-since": "2023-01-01"}, {"hr_b", "adviser"}),
]
WRITE_CASES = [(name, kwargs, payload, role) for name, kwargs, payload, roles in WRITES for role in sorted(roles)]


@pytest.mark.parametrize(
    "name, kwargs, payload, role", WRITE_CASES, ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(WRITE_CASES)]
)
def test_refused_writes_change_nothing(shared_world, shared_client_for, name, kwargs, payload, role):
    w = shared_world
    AgendaItem.objects.filter(pk=w.item_a2.pk).update(climate_level=AgendaItem.ClimateLevel.LINKED)
    event_a(w, Side.EMPLOYER), event_a(w, Side.EMPLOYEE)
    before = _snapshot(w)
    response = shared_client_for(role).post(reverse(name, kwargs=kwargs(w)), payload(w))
    assert response.status_code == 403
    assert _snapshot(w) == before


def test_the_same_writes_by_the_right_roles_do_change_things(shared_world, shared_client_for):
    """Control for the test above: the payloads are valid, so a refusal is the permission check."""
    w = shared_world
    AgendaItem.objects.filter(pk=w.item_a2.pk).update(climate_level=AgendaItem.ClimateLevel.LINKED)
    hr, rep = shared_client_for("hr_a"), shared_client_for("union_rep_a")
    employer_event, employee_event = event_a(w, Side.EMPLOYER), event_a(w, Side.EMPLOYEE)
    measure = measure_a(w)
    for client, name, kwargs, payload in [
        (hr, "measures:measure_unlink_item", {"pk": measure.pk, "item_pk": w.item_a2.pk}, {}),
        (hr, "measures:measure_edit", {"pk": measure.pk}, _measure_payload(w)),
        (hr, "measures:process_questions", {"pk": measure.pk}, {"q1_answer": "no"}),
        (rep, "measures:involvement_create", {"pk": measure.pk}, _event_payload(w)),
        (rep, "measures:involvement_edit", {"pk": employee_event.pk}, _event_payload(w)),
        (hr, "measures:involvement_delete", {"pk": employer_event.pk}, {}),
        (hr, "measures:measure_from_item", {"item_pk": w.item_a2.pk}, {"title": "Kapra 2", "status": "idea"}),
        (rep, "measures:green_representatives_edit", {"number": w.a.number},
         {"green-TOTAL_FORMS": "1", "green-INITIAL_FORMS": "0", "green-0-new_person": "Kapra",
          "green-0-since": "2023-01-01"}),
    ]:
        response = client.post(reverse(name, kwargs=kwargs), payload)
        assert response.status_code == 302, (name, getattr(response, "context", None) and response.context.get("form"))
    measure.refresh_from_db()
    assert measure.title == "Kapra"
    assert list(measure.agenda_items.all()) == []
    assert ProcessAnswer.objects.get(measure=measure).answer == "no"
    assert Involvement.objects.filter(measure=measure, level=0).count() == 2  # created + edited by the union rep
    assert not Involvement.objects.filter(pk=employer_event.pk).exists()
    assert ClimateMeasure.objects.filter(municipality=w.a, title="Kapra 2").exists()
    assert GreenRepresentative.objects.filter(municipality=w.a, person__name="Kapra").exists()
