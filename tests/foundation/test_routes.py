"""Every route x every role x GET and POST, with the exact expected status.

The table below is the single list of routes. ``test_every_url_pattern_is_in_the_table``
walks the URL resolver, so a new view without a row here fails the suite.

The world is built once per module (``shared_world``); every request runs in a savepoint that
is rolled back, so a successful delete in one case does not affect the next.
"""
from __future__ import annotations

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from meetings.models import AgendaItem, Meeting
from municipalities.models import Body, Membership

from ..helpers import ROLES, add_row, empty_formset, form_values, make_client, page_payload
from ..routes import (
    DO_A,
    DO_DRAFT_A,
    DO_DRAFT_B,
    EDIT_A,
    EDIT_B,
    EVERYONE_302,
    EVERYONE_405,
    LOGIN,
    Route,
    action_on,
    check,
    ids,
    number_of,
    pk_of,
    statuses,
)

DRAFT_A_READ = statuses({"superuser", "hr_a", "union_rep_a"}, not_found={"hr_b", "adviser"})
DRAFT_A_EDIT = statuses({"superuser", "hr_a"}, not_found={"hr_b", "adviser"})  # union rep of A: 403
DRAFT_B_READ = statuses({"superuser", "hr_b"}, not_found={"hr_a", "union_rep_a", "adviser"})
DRAFT_B_EDIT = statuses({"superuser", "hr_b"}, not_found={"hr_a", "union_rep_a", "adviser"})


ROUTES = [
    Route("home", "-"),
    Route("healthz", "-", post=EVERYONE_405, anonymous=(200, 405)),
    Route("login", "-", get=EVERYONE_302, post=EVERYONE_302, anonymous=(200, 200), redirect=lambda w: "/"),
    Route("logout", "-", get=EVERYONE_405, post=EVERYONE_302, redirect=lambda w: LOGIN),
    Route("set_language", "-", get=EVERYONE_302, post=EVERYONE_302, anonymous=(302, 302), redirect=lambda w: "/"),
    Route("municipalities:municipality_list", "-"),
    Route("municipalities:municipality_detail", "A", number_of("a")),
    Route("municipalities:municipality_detail", "B", number_of("b")),
    Route("municipalities:body_create", "A", number_of("a"), EDIT_A, EDIT_A),
    Route("municipalities:body_create", "B", number_of("b"), EDIT_B, EDIT_B),
    Route("municipalities:body_detail", "A", pk_of("body_a")),
    Route("municipalities:body_edit", "A", pk_of("body_a"), EDIT_A, EDIT_A),
    Route("municipalities:body_edit", "B", pk_of("body_b"), EDIT_B, EDIT_B),
    Route("municipalities:body_members", "A", pk_of("body_a"), EDIT_A, EDIT_A),
    Route("meetings:meeting_create", "body A", pk_of("body_a", "body_pk"), EDIT_A, EDIT_A),
    Route("meetings:meeting_create", "body B", pk_of("body_b", "body_pk"), EDIT_B, EDIT_B),
    Route("meetings:meeting_detail", "published A", pk_of("pub_a")),
    Route("meetings:meeting_detail", "draft A", pk_of("draft_a"), DRAFT_A_READ, DRAFT_A_READ),
    Route("meetings:meeting_detail", "draft B", pk_of("draft_b"), DRAFT_B_READ, DRAFT_B_READ),
    Route("meetings:meeting_edit", "published A", pk_of("pub_a"), EDIT_A, EDIT_A),
    Route("meetings:meeting_edit", "draft A", pk_of("draft_a"), DRAFT_A_EDIT, DRAFT_A_EDIT),
    Route("meetings:meeting_edit", "published B", pk_of("pub_b"), EDIT_B, EDIT_B),
    action_on("meetings:meeting_publish", "published A", "pub_a", DO_A),
    action_on("meetings:meeting_publish", "draft A", "draft_a", DO_DRAFT_A),
    Route("meetings:meeting_delete", "published A", pk_of("pub_a"), EDIT_A,
          DO_A, redirect=lambda w: w.body_a.get_absolute_url()),
    Route("meetings:meeting_delete", "draft A", pk_of("draft_a"), DRAFT_A_EDIT,
          DO_DRAFT_A,
          redirect=lambda w: w.body_a.get_absolute_url()),
    Route("meetings:meeting_delete", "draft B", pk_of("draft_b"), DRAFT_B_EDIT,
          DO_DRAFT_B,
          redirect=lambda w: w.body_b.get_absolute_url()),
    Route("meetings:item_detail", "published A", pk_of("item_a2")),
    Route("meetings:item_detail", "draft A", pk_of("item_draft_a"), DRAFT_A_READ, DRAFT_A_READ),
    Route("meetings:item_edit", "published A", pk_of("item_a2"), EDIT_A, EDIT_A),
    Route("meetings:item_edit", "draft A", pk_of("item_draft_a"), DRAFT_A_EDIT, DRAFT_A_EDIT),
    Route("meetings:item_edit", "draft B", pk_of("item_draft_b"), DRAFT_B_EDIT, DRAFT_B_EDIT),
    action_on("meetings:item_climate_override", "published A", "item_a2", DO_A),
    action_on("meetings:item_climate_override", "draft A", "item_draft_a", DO_DRAFT_A),
    # Imports are working material: only HR of the municipality and superusers see them (404 for others).
    Route("imports:import_upload", "A", number_of("a"), EDIT_A, EDIT_A),
    Route("imports:import_detail", "run A", pk_of("import_run_a"),
          statuses({"superuser", "hr_a"}, other=404), statuses({"superuser", "hr_a"}, other=404)),
    Route("imports:import_status", "run A", pk_of("import_run_a"),
          statuses({"superuser", "hr_a"}, other=404), EVERYONE_405),
    Route("imports:import_discard", "run A (queued)", pk_of("import_run_a"), EVERYONE_405,
          statuses({"superuser", "hr_a"}, ok_status=302, other=404),
          redirect=lambda w: reverse("imports:import_upload", args=[w.a.number])),
    Route("imports:import_confirm", "run A (queued)", pk_of("import_run_a"), EVERYONE_405,
          statuses({"superuser", "hr_a"}, ok_status=302, other=404),
          redirect=lambda w: w.import_run_a.get_absolute_url()),
]

# Routes of other issues' URL modules, tested by their own suites. A route here must be named
# in some test outside tests/foundation; remove a name once its tests exist.
# (The measures routes are tested in tests/measures/test_routes.py.)
KNOWN_UNTESTED: set[str] = {
    "dashboards:body_calendar", "dashboards:methodology", "dashboards:national", "dashboards:national_export",
    "dashboards:records", "dashboards:records_export", "dashboards:scorecard", "dashboards_api:body_detail",
    "dashboards_api:body_list", "dashboards_api:item_detail", "dashboards_api:item_list",
    "dashboards_api:meeting_detail", "dashboards_api:meeting_list", "dashboards_api:municipality_detail",
    "dashboards_api:municipality_list", "dashboards_api:schema", "dashboards_api:scorecard",
    "dashboards_api:scorecard_list",
}
FOUNDATION_URLCONFS = ("partssamarbeid.urls", "municipalities.urls", "meetings.urls")


@pytest.fixture(scope="module")
def routes_world(shared_world, django_db_blocker):
    from meetings.models import ImportRun

    with django_db_blocker.unblock():
        shared_world.import_run_a = ImportRun.objects.create(
            municipality=shared_world.a, created_by=shared_world.users["hr_a"]
        )
    return shared_world


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=ids(ROUTES))
def test_route_status(routes_world, shared_client_for, route, role, method):
    check(route, routes_world, shared_client_for(role), role, method)


# --- every route is in the table ---------------------------------------------------------------

SKIPPED_PREFIXES = ("admin/", "i18n/", "static/", "media/")


def _named_patterns(patterns, prefix="", namespace="", urlconf="partssamarbeid.urls"):
    """(route, name, urlconf module) for every pattern, recursively; admin, i18n and static skipped."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            # a module by name, a module, or a list of patterns (which belongs to the enclosing urlconf)
            module = pattern.urlconf_name if isinstance(pattern.urlconf_name, str) else getattr(
                pattern.urlconf_module, "__name__", urlconf
            )
            yield from _named_patterns(pattern.url_patterns, route, inner, module)
        elif isinstance(pattern, URLPattern):
            yield route, f"{namespace}{pattern.name}" if pattern.name else None, urlconf


def test_every_url_pattern_has_a_name():
    unnamed = [route for route, name, _ in _named_patterns(get_resolver().url_patterns) if name is None]
    assert unnamed == [], "every route needs a name so it can be in a route table"


def test_every_foundation_url_pattern_is_in_the_table():
    names = {name for _, name, urlconf in _named_patterns(get_resolver().url_patterns) if urlconf in FOUNDATION_URLCONFS}
    missing = names - {route.name for route in ROUTES}
    assert missing == set(), f"routes without a row in ROUTES (add one): {sorted(missing)}"
    assert {"home", "healthz", "login", "logout", "municipalities:body_members", "meetings:meeting_delete"} <= names


def test_every_other_url_pattern_is_named_in_some_test():
    """Routes of other apps must be exercised by their own tests (their name appears in one)."""
    from pathlib import Path

    others = {name for _, name, urlconf in _named_patterns(get_resolver().url_patterns)
              if urlconf not in FOUNDATION_URLCONFS}
    tests_dir = Path(__file__).resolve().parent.parent
    sources = "\n".join(
        path.read_text(encoding="utf-8") for path in tests_dir.rglob("*.py") if "foundation" not in path.parts
    )
    untested = {name for name in others if f'"{name}"' not in sources and f"'{name}'" not in sources}
    new = untested - KNOWN_UNTESTED
    assert new == set(), f"routes that no test names (write a route test): {sorted(new)}"


def test_the_table_has_no_stale_rows():
    names = {name for _, name, _ in _named_patterns(get_resolver().url_patterns)}
    assert {route.name for route in ROUTES} - names - {"set_language"} == set()


# --- writes to another municipality's objects change nothing -----------------------------------


def _snapshot(w):
    meeting = Meeting.objects.get(pk=w.pub_a.pk)
    item = AgendaItem.objects.get(pk=w.item_a2.pk)
    body = Body.objects.get(pk=w.body_a.pk)
    return (
        (meeting.date, meeting.place, meeting.published, meeting.attendances.count(), meeting.items.count()),
        (item.title, item.case_number, item.decision, item.proposals.count()),
        (body.name, body.description, Membership.objects.filter(body=body).count()),
        Meeting.objects.filter(body=body).count(),
    )


_PAYLOADS: dict = {}


def _rendered_payload(w, name, pk, *form_names):
    """The unchanged POST body of an edit page as HR of A gets it (rendered once per module)."""
    key = (name, pk)
    if key not in _PAYLOADS:
        response = make_client(w.users["hr_a"]).get(reverse(name, args=[pk]))
        _PAYLOADS[key] = page_payload(response, *form_names)
    return dict(_PAYLOADS[key])


def _meeting_payload(w):
    data = _rendered_payload(w, "meetings:meeting_edit", w.pub_a.pk, "form", "attendance", "items")
    data.update(place="Kapra", published="")
    add_row(data, "items", position=9, case_number="99/2023", title="Innsmett sak", item_type="PS")
    return data


def _item_payload(w):
    data = _rendered_payload(w, "meetings:item_edit", w.item_a2.pk, "form", "proposals", "requests")
    return {**data, "title": "Kapra", "decision": "Kapra"}


def _members_payload(w):
    data = empty_formset("members")
    add_row(data, "members", new_person="Innsmett Person", role="medlem", side="employee", start_date="2023-01-01")
    return data


def _body_payload(w):
    return {"name": "Kapra utval", "kind": "PSU", "parties": "two", "description": "Kapra"}


def _create_payload(w):
    data = {"date": "2023-12-01", "start_time": "10:00", "state": "planned", **empty_formset("attendance"),
            **empty_formset("items")}
    add_row(data, "items", position=1, case_number="01/2023", title="Innsmett", item_type="PS")
    return data


WRITES = [
    ("meetings:meeting_edit", lambda w: w.pub_a.pk, _meeting_payload),
    ("meetings:meeting_edit", lambda w: w.draft_a.pk, _meeting_payload),
    ("meetings:meeting_delete", lambda w: w.pub_a.pk, lambda w: {}),
    ("meetings:meeting_publish", lambda w: w.pub_a.pk, lambda w: {"publish": "0"}),
    ("meetings:meeting_publish", lambda w: w.draft_a.pk, lambda w: {"publish": "1"}),
    ("meetings:meeting_delete", lambda w: w.draft_a.pk, lambda w: {}),
    ("meetings:item_edit", lambda w: w.item_a2.pk, _item_payload),
    ("meetings:item_edit", lambda w: w.item_draft_a.pk, _item_payload),
    ("meetings:meeting_create", lambda w: w.body_a.pk, _create_payload),
    ("municipalities:body_members", lambda w: w.body_a.pk, _members_payload),
    ("municipalities:body_edit", lambda w: w.body_a.pk, _body_payload),
    ("municipalities:body_create", lambda w: w.a.number, _body_payload),
]

# (role, target is a draft) -> expected status
WRITE_STATUS = {
    ("hr_b", False): 403, ("hr_b", True): 404,
    ("adviser", False): 403, ("adviser", True): 404,
    ("union_rep_a", False): 403, ("union_rep_a", True): 403,
}


@pytest.mark.parametrize("role", ["hr_b", "union_rep_a", "adviser"])
@pytest.mark.parametrize("name, target, payload", WRITES, ids=[f"{w[0]}-{i}" for i, w in enumerate(WRITES)])
def test_writes_to_municipality_a_by_others_are_refused_and_change_nothing(
    shared_world, shared_client_for, role, name, target, payload
):
    w = shared_world
    data = payload(w)
    before = _snapshot(w)
    drafts = {w.draft_a.pk, w.item_draft_a.pk}
    is_draft = target(w) in drafts and name in ("meetings:meeting_edit", "meetings:meeting_delete", "meetings:meeting_publish", "meetings:item_edit")
    response = shared_client_for(role).post(reverse(name, args=[target(w)]), data)
    assert response.status_code == WRITE_STATUS[(role, is_draft)]
    assert _snapshot(w) == before
    assert not Body.objects.filter(name="Kapra utval").exists()


def test_the_same_writes_by_hr_of_a_do_change_things(shared_world, shared_client_for):
    """Control for the test above: the payloads are valid, so a refusal is the permission check."""
    w = shared_world
    hr = shared_client_for("hr_a")
    assert hr.post(reverse("meetings:meeting_edit", args=[w.pub_a.pk]), _meeting_payload(w)).status_code == 302
    assert hr.post(reverse("meetings:item_edit", args=[w.item_a2.pk]), _item_payload(w)).status_code == 302
    assert hr.post(reverse("municipalities:body_members", args=[w.body_a.pk]), _members_payload(w)).status_code == 302
    assert hr.post(reverse("meetings:meeting_create", args=[w.body_a.pk]), _create_payload(w)).status_code == 302
    meeting = Meeting.objects.get(pk=w.pub_a.pk)
    assert (meeting.place, meeting.published, meeting.items.count()) == ("Kapra", False, 3)
    assert AgendaItem.objects.get(pk=w.item_a2.pk).title == "Kapra"
    assert Membership.objects.filter(body=w.body_a, person__name="Innsmett Person").count() == 1
    assert Meeting.objects.filter(body=w.body_a, date=datetime.date(2023, 12, 1)).count() == 1
    assert hr.post(reverse("municipalities:body_edit", args=[w.body_a.pk]), _body_payload(w)).status_code == 302
    assert Body.objects.get(pk=w.body_a.pk).name == "Kapra utval"
    assert hr.post(reverse("meetings:meeting_delete", args=[w.pub_a.pk])).status_code == 302
    assert not Meeting.objects.filter(pk=w.pub_a.pk).exists()


def test_unknown_objects_are_404_for_everyone(shared_world, shared_client_for):
    superuser = shared_client_for("superuser")
    for name, kwargs in [
        ("municipalities:municipality_detail", {"number": "0000"}),
        ("municipalities:body_detail", {"pk": 999999}),
        ("meetings:meeting_detail", {"pk": 999999}),
        ("meetings:meeting_edit", {"pk": 999999}),
        ("meetings:item_edit", {"pk": 999999}),
    ]:
        assert superuser.get(reverse(name, kwargs=kwargs)).status_code == 404, name


def test_form_values_helper_reads_the_rendered_form(shared_world, shared_client_for):
    """The payload helper posts what the page shows (guards the helper the write tests rely on)."""
    response = shared_client_for("hr_a").get(reverse("municipalities:body_edit", args=[shared_world.body_a.pk]))
    assert form_values(response.context["form"]) == {
        "name": "Administrasjonsutvalet", "kind": "PSU", "permanent": "on", "parties": "two", "description": ""
    }
