"""Every dashboard page, export and API route as every role: the exact status, and drafts of
another municipality never appear in any output.

World (tests/conftest.py): A = 4628 Vaksdal (HR ``hr_a``, union representative ``union_rep_a``)
with the draft meeting ``draft_a`` (22.08.2023, item "Utkast: klimabudsjett"); B = 3105
Sarpsborg (HR ``hr_b``) with ``draft_b`` (14.09.2023, item "Utkast: reiseregulativ").
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import get_resolver, reverse

from dashboards.metrics import RECORD_METRICS

from ..helpers import ROLES
from ..routes import EVERYONE, READ, Route, check, ids, number_of, pk_of

YEAR_2023 = {"from": "2023-01-01", "to": "2023-12-31"}


def only(ok: set[str]) -> dict:
    return {role: 200 if role in ok else 404 for role in EVERYONE}


def page(name: str, target: str, kwargs: Callable = lambda w: {}, query: Callable = lambda w: {},
         get: dict = READ, api: bool = False) -> Route:
    """A GET-only row; the API asks an anonymous visitor for a token (401 with WWW-Authenticate)."""
    return Route(name, target, kwargs, get=get, query=query, anonymous=(401, 401) if api else None)


def _records(metric: str, municipality: str | None, view: str = "dashboards:records", fmt: str | None = None) -> Route:
    def query(w):
        params = {**YEAR_2023, "metric": metric}
        if municipality:
            params["municipality"] = getattr(w, municipality).number
        return params

    kwargs = (lambda w: {"fmt": fmt}) if fmt else (lambda w: {})
    return page(view, f"{metric} {municipality or 'all'}{' ' + fmt if fmt else ''}", kwargs, query)


PAGES = [
    page("dashboards:scorecard", "A", number_of("a"), lambda w: YEAR_2023),
    page("dashboards:scorecard", "B", number_of("b"), lambda w: YEAR_2023),
    page("dashboards:scorecard", "B default period", number_of("b")),
    page("dashboards:national", "-", query=lambda w: YEAR_2023),
    page("dashboards:national", "with data", query=lambda w: {**YEAR_2023, "with_data": "on", "sort": "-index"}),
    page("dashboards:national_export", "csv", lambda w: {"fmt": "csv"}, lambda w: YEAR_2023),
    page("dashboards:national_export", "xlsx", lambda w: {"fmt": "xlsx"}, lambda w: YEAR_2023),
    page("dashboards:methodology", "-"),
    page("dashboards:organisation", "Fagforbundet in A", lambda w: {"number": w.a.number, "pk": w.org["Fagforbundet"].pk},
         lambda w: YEAR_2023),
    page("dashboards:organisation", "AP in B", lambda w: {"number": w.b.number, "pk": w.org["AP"].pk}),
    page("dashboards:organisation_national", "Fagforbundet", lambda w: {"pk": w.org["Fagforbundet"].pk},
         lambda w: YEAR_2023),
    *(page("dashboards:organisation_export", f"Fagforbundet {fmt}", lambda w, fmt=fmt: {"pk": w.org["Fagforbundet"].pk, "fmt": fmt},
           lambda w: YEAR_2023) for fmt in ("csv", "xlsx")),
    page("dashboards:body_calendar", "body A", pk_of("body_a")),
    page("dashboards:body_calendar", "body B", pk_of("body_b")),
    *(_records(metric, "b") for metric in RECORD_METRICS),
    *(_records(metric, where) for metric in ("agenda_items", "meetings_held", "employee_initiatives") for where in ("a", None)),
    *(_records(metric, "b", "dashboards:records_export", "csv") for metric in RECORD_METRICS),
    *(_records(metric, None, "dashboards:records_export", "csv") for metric in ("agenda_items", "meetings_held", "measures")),
    *(_records(metric, "b", "dashboards:records_export", "xlsx") for metric in ("agenda_items", "measures", "employee_initiatives")),
]

API = [
    page("dashboards_api:root", "-", api=True),
    page("dashboards_api:municipality_list", "-", api=True),
    page("dashboards_api:municipality_detail", "B", number_of("b"), api=True),
    page("dashboards_api:scorecard", "A", number_of("a"), lambda w: YEAR_2023, api=True),
    page("dashboards_api:scorecard", "B", number_of("b"), lambda w: YEAR_2023, api=True),
    page("dashboards_api:scorecard_list", "-", query=lambda w: {**YEAR_2023, "with_data": "1"}, api=True),
    page("dashboards_api:body_list", "-", api=True),
    page("dashboards_api:body_detail", "B", pk_of("body_b"), api=True),
    page("dashboards_api:meeting_list", "-", query=lambda w: {"limit": 1000}, api=True),
    page("dashboards_api:meeting_list", "B", query=lambda w: {"municipality": w.b.number}, api=True),
    page("dashboards_api:meeting_detail", "published B", pk_of("pub_b"), api=True),
    page("dashboards_api:meeting_detail", "draft A", pk_of("draft_a"),
          get=only({"superuser", "hr_a", "union_rep_a"}), api=True),
    page("dashboards_api:meeting_detail", "draft B", pk_of("draft_b"),
          get=only({"superuser", "hr_b"}), api=True),
    page("dashboards_api:item_list", "-", query=lambda w: {"limit": 1000}, api=True),
    page("dashboards_api:item_list", "B", query=lambda w: {"municipality": w.b.number, "climate_level": "none"}, api=True),
    page("dashboards_api:item_detail", "published B", pk_of("item_b"), api=True),
    page("dashboards_api:item_detail", "draft A", pk_of("item_draft_a"),
          get=only({"superuser", "hr_a", "union_rep_a"}), api=True),
    page("dashboards_api:item_detail", "draft B", pk_of("item_draft_b"),
          get=only({"superuser", "hr_b"}), api=True),
    page("dashboards_api:schema", "-", api=True),
    page("measures_api:measure_list", "-", api=True),
]
ROUTES = PAGES + API

# What each role must never see: the other municipality's drafts (titles and dates).
DRAFT_A = ("Utkast: klimabudsjett", "22.08.2023", "2023-08-22", "20230822")
DRAFT_B = ("Utkast: reiseregulativ", "14.09.2023", "2023-09-14", "20230914")
FORBIDDEN = {
    "anonymous": DRAFT_A + DRAFT_B,
    "superuser": (),
    "hr_a": DRAFT_B,
    "union_rep_a": DRAFT_B,
    "hr_b": DRAFT_A,
    "adviser": DRAFT_A + DRAFT_B,
}


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", errors="replace")
    content = response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        import io

        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content)).active
        return "\n".join(" ".join("" if v is None else str(v) for v in row) for row in sheet.iter_rows(values_only=True))
    return content.decode("utf-8", errors="replace")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=ids(ROUTES))
def test_route_status_and_no_draft_leaks(shared_world, shared_client_for, route, role):
    url = route.url(shared_world)
    response = check(route, shared_world, shared_client_for(role), role)
    text = body_of(response)
    for needle in FORBIDDEN[role]:
        assert needle not in text, f"{needle!r} in GET {url} as {role}"


def test_the_drafts_do_appear_for_those_who_may_see_them(shared_world, shared_client_for):
    """Control for the test above: the needles are findable where reading them is allowed."""
    w = shared_world
    for role, pk, title in (("union_rep_a", w.item_draft_a.pk, DRAFT_A[0]), ("hr_b", w.item_draft_b.pk, DRAFT_B[0])):
        assert title in shared_client_for(role).get(reverse("dashboards_api:item_detail", args=[pk])).content.decode()
    assert DRAFT_A[0] in shared_client_for("union_rep_a").get(
        reverse("dashboards:body_calendar", args=[w.body_a.pk])).content.decode()
    assert DRAFT_B[3] in shared_client_for("hr_b").get(
        reverse("dashboards:body_calendar", args=[w.body_b.pk])).content.decode()
    scorecard = shared_client_for("hr_b").get(reverse("dashboards:scorecard", args=[w.b.number]), YEAR_2023)
    assert DRAFT_B[1] in scorecard.content.decode()  # the latest meetings list follows the page rules
    assert scorecard.context["card"].meetings_held == 1  # ... but figures count published meetings only


def test_every_dashboards_route_is_in_the_table():
    names = set()
    for pattern in get_resolver().url_patterns:
        namespace = getattr(pattern, "namespace", None)
        if namespace in ("dashboards", "dashboards_api"):
            names |= {f"{namespace}:{p.name}" for p in pattern.url_patterns}
    assert names == {r.name for r in ROUTES} - {"measures_api:measure_list"}
    assert names >= {
        "dashboards:scorecard", "dashboards:national", "dashboards:national_export", "dashboards:records",
        "dashboards:records_export", "dashboards:methodology", "dashboards:body_calendar",
        "dashboards_api:municipality_list", "dashboards_api:municipality_detail", "dashboards_api:scorecard",
        "dashboards_api:scorecard_list", "dashboards_api:body_list", "dashboards_api:body_detail",
        "dashboards_api:meeting_list", "dashboards_api:meeting_detail", "dashboards_api:item_list",
        "dashboards_api:item_detail", "dashboards_api:schema",
    }
