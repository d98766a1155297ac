"""The main pages of the app, for every role: the one list the browser tests walk.

Every page here is opened in headless Chromium by every role listed for it, checked with
axe-core (WCAG 2.1 A and AA) and screenshotted at desktop and phone size
(tests/e2e/test_pages.py). A page added by a later issue is one more line in ``PAGES``:

    Page("measure-list", lambda w: reverse("measures:measure_list", args=[w.a.number]), ALL),

``w`` is the ``world`` fixture of tests/e2e/conftest.py: tests/conftest.py's world (municipality
A = Vaksdal with its HR user, union representative, meetings and items; municipality B =
Sarpsborg) plus the climate measures of tests/e2e/climate.py (``measure_a`` with the events
``event_hr`` and ``event_rep``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

# e2e role name -> key in the ``users`` fixture of tests/conftest.py (None: not logged in)
ROLES: dict[str, str | None] = {
    "anonymous": None,
    "hr": "hr_a",  # HR staff in Vaksdal: edits Vaksdal
    "union_rep": "union_rep_a",  # union representative in Vaksdal: reads Vaksdal, drafts too
    "adviser": "adviser",  # KS adviser: reads published records everywhere
    "superuser": "superuser",
}
LOGGED_IN = ("hr", "union_rep", "adviser", "superuser")
ALL = LOGGED_IN
EDITORS = ("hr", "superuser")
RECORDERS = ("hr", "union_rep", "superuser")  # may record involvement in A (can_record_involvement)
YEAR_2023 = {"from": "2023-01-01", "to": "2023-12-31"}


def records(metric: str, municipality: str | None = "a") -> Callable[[object], str]:
    """The drill-down behind a figure of 2023 (PSU), for A or (None) for all municipalities."""

    def path(w) -> str:
        query = {**YEAR_2023, "metric": metric}
        if municipality:
            query["municipality"] = getattr(w, municipality).number
        return reverse("dashboards:records") + "?" + urlencode(query)

    return path


@dataclass(frozen=True)
class Page:
    name: str
    path: Callable[[object], str]
    roles: tuple[str, ...]
    status: int = 200  # what the page answers for these roles (403 and 404 pages are main pages too)


PAGES: list[Page] = [
    Page("login", lambda w: reverse("login"), ("anonymous",)),
    # the front page differs by role (partssamarbeid/home.py): one entry each, so each is screenshotted
    Page("home", lambda w: reverse("home"), ("superuser",)),
    Page("home-hr", lambda w: reverse("home"), ("hr",)),
    Page("home-union-rep", lambda w: reverse("home"), ("union_rep",)),
    Page("home-adviser", lambda w: reverse("home"), ("adviser",)),
    Page("municipality-list", lambda w: reverse("municipalities:municipality_list"), ALL),
    Page("municipality-list-filtered", lambda w: reverse("municipalities:municipality_list") + "?q=vaks", ("adviser",)),
    Page("municipality", lambda w: reverse("municipalities:municipality_detail", args=[w.a.number]), ALL),
    Page("body", lambda w: reverse("municipalities:body_detail", args=[w.body_a.pk]), ALL),
    Page("body-new", lambda w: reverse("municipalities:body_create", args=[w.a.number]), EDITORS),
    Page("body-edit", lambda w: reverse("municipalities:body_edit", args=[w.body_a.pk]), EDITORS),
    Page("body-members", lambda w: reverse("municipalities:body_members", args=[w.body_a.pk]), EDITORS),
    Page("meeting", lambda w: reverse("meetings:meeting_detail", args=[w.pub_a.pk]), ALL),
    Page("meeting-draft", lambda w: reverse("meetings:meeting_detail", args=[w.draft_a.pk]), ("hr", "union_rep")),
    Page("meeting-new", lambda w: reverse("meetings:meeting_create", args=[w.body_a.pk]), EDITORS),
    Page("meeting-edit", lambda w: reverse("meetings:meeting_edit", args=[w.pub_a.pk]), EDITORS),
    Page("item", lambda w: reverse("meetings:item_detail", args=[w.item_a2.pk]), ALL),
    Page("item-edit", lambda w: reverse("meetings:item_edit", args=[w.item_a2.pk]), EDITORS),
    # importing protocols (the review page needs an upload: see the import journey)
    Page("import-upload", lambda w: reverse("imports:import_upload", args=[w.a.number]), EDITORS),
    # harvesting from eInnsyn (a source's own page, tested and run: see the harvest journey)
    Page("harvest-sources", lambda w: reverse("harvest:source_list", args=[w.a.number]), EDITORS),
    Page("harvest-source-new", lambda w: reverse("harvest:source_create", args=[w.a.number]), EDITORS),
    Page("forbidden", lambda w: reverse("meetings:meeting_edit", args=[w.pub_a.pk]), ("union_rep", "adviser"), 403),
    Page("not-found", lambda w: reverse("meetings:meeting_detail", args=[w.draft_b.pk]), ("hr",), 404),
    Page("measure-list", lambda w: reverse("measures:measure_list", args=[w.a.number]), ALL),
    Page("measure-new", lambda w: reverse("measures:measure_create", args=[w.a.number]), EDITORS),
    Page("climate-coverage", lambda w: reverse("measures:coverage", args=[w.a.number]), ALL),
    Page("not-consulted", lambda w: reverse("measures:not_consulted", args=[w.a.number]), ALL),
    Page("employee-requests", lambda w: reverse("measures:employee_requests", args=[w.a.number]), ALL),
    Page("green-representatives", lambda w: reverse("measures:green_representatives", args=[w.a.number]), ALL),
    Page("green-representatives-edit", lambda w: reverse("measures:green_representatives_edit", args=[w.a.number]),
         RECORDERS),
    Page("measure", lambda w: reverse("measures:measure_detail", args=[w.measure_a.pk]), ALL),
    Page("measure-edit", lambda w: reverse("measures:measure_edit", args=[w.measure_a.pk]), EDITORS),
    Page("measure-process", lambda w: reverse("measures:process_questions", args=[w.measure_a.pk]), EDITORS),
    Page("involvement-new", lambda w: reverse("measures:involvement_create", args=[w.measure_a.pk]), RECORDERS),
    # an event is changed only by the side that recorded it (superusers: every event)
    Page("involvement-edit", lambda w: reverse("measures:involvement_edit", args=[w.event_hr.pk]), EDITORS),
    Page("involvement-edit-employee-side", lambda w: reverse("measures:involvement_edit", args=[w.event_rep.pk]),
         ("union_rep",)),
    Page("meeting-delete", lambda w: reverse("meetings:meeting_delete", args=[w.pub_a.pk]), EDITORS),
    # dashboards
    Page("scorecard", lambda w: reverse("dashboards:scorecard", args=[w.a.number]), ALL),
    Page("national", lambda w: reverse("dashboards:national"), ALL),
    Page("national-filtered-sorted", lambda w: reverse("dashboards:national") + "?"
         + urlencode({**YEAR_2023, "county": w.a.county_number, "with_data": "on", "sort": "-index"}), ("adviser",)),
    Page("records-items", records("agenda_items"), ALL),
    Page("records-measures", records("measures"), ALL),
    # the other kinds of drill-down (each has its own table), as the KS adviser
    Page("records-meetings", records("meetings_held"), ("adviser",)),
    Page("records-seats", records("employee_seat_fill_rate"), ("adviser",)),
    Page("records-requests", records("employee_requests"), ("adviser",)),
    Page("records-initiatives", records("employee_initiatives"), ("adviser",)),
    Page("records-all-municipalities", records("climate_mentions", None), ("adviser",)),
    Page("methodology", lambda w: reverse("dashboards:methodology"), ALL),
    # union and party pages: names of representatives for the union representative in Vaksdal only
    Page("organisation", lambda w: reverse("dashboards:organisation", args=[w.a.number, w.org["Fagforbundet"].pk])
         + "?" + urlencode(YEAR_2023), ("union_rep", "adviser")),
    Page("organisation-national", lambda w: reverse("dashboards:organisation_national", args=[w.org["Fagforbundet"].pk])
         + "?" + urlencode(YEAR_2023), ("adviser",)),
    Page("search", lambda w: reverse("search:search") + "?" + urlencode({"q": "parkering tilsette"}), ALL),
    Page("follows", lambda w: reverse("subscriptions:follows"), ALL),
    Page("calendar-subscriptions", lambda w: reverse("subscriptions:calendar"), ALL),
]


assert len({page.name for page in PAGES}) == len(PAGES), "page names must be unique (they name the screenshots)"


def pages_for(role: str) -> list[Page]:
    return [page for page in PAGES if role in page.roles]
