"""The main pages of the app, for every role: the one list the browser tests walk.

Every page here is opened in headless Chromium by every role listed for it, checked with
axe-core (WCAG 2.1 A and AA) and screenshotted at desktop and phone size
(tests/e2e/test_pages.py). A page added by a later issue is one more line in ``PAGES``:

    Page("measure-list", url("measures:measure_list", "a.number"), ALL),

``w`` is the ``world`` fixture of tests/e2e/conftest.py: tests/conftest.py's world (municipality
A = Vaksdal with its HR user, union representative, meetings and items; municipality B =
Sarpsborg) plus the climate measures of tests/e2e/climate.py (``measure_a`` with the events
``event_hr`` and ``event_rep``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
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


def url(name: str, *args: str) -> Callable[[object], str]:
    """The page named ``name``, with the world's attributes ``args`` ("a.number": ``w.a.number``) as its arguments."""
    return lambda w: reverse(name, args=[attrgetter(arg)(w) for arg in args])


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
    Page("login", url("login"), ("anonymous",)),
    # the front page differs by role (partssamarbeid/home.py): one entry each, so each is screenshotted
    Page("home", url("home"), ("superuser",)),
    Page("home-hr", url("home"), ("hr",)),
    Page("home-union-rep", url("home"), ("union_rep",)),
    Page("home-adviser", url("home"), ("adviser",)),
    Page("municipality-list", url("municipalities:municipality_list"), ALL),
    Page("municipality-list-filtered", lambda w: reverse("municipalities:municipality_list") + "?q=vaks", ("adviser",)),
    Page("municipality", url("municipalities:municipality_detail", "a.number"), ALL),
    Page("body", url("municipalities:body_detail", "body_a.pk"), ALL),
    Page("body-new", url("municipalities:body_create", "a.number"), EDITORS),
    Page("body-edit", url("municipalities:body_edit", "body_a.pk"), EDITORS),
    Page("body-members", url("municipalities:body_members", "body_a.pk"), EDITORS),
    Page("meeting", url("meetings:meeting_detail", "pub_a.pk"), ALL),
    Page("meeting-draft", url("meetings:meeting_detail", "draft_a.pk"), ("hr", "union_rep")),
    Page("meeting-new", url("meetings:meeting_create", "body_a.pk"), EDITORS),
    Page("meeting-edit", url("meetings:meeting_edit", "pub_a.pk"), EDITORS),
    Page("item", url("meetings:item_detail", "item_a2.pk"), ALL),
    Page("item-edit", url("meetings:item_edit", "item_a2.pk"), EDITORS),
    # importing protocols (the review page needs an upload: see the import journey)
    Page("import-upload", url("imports:import_upload", "a.number"), EDITORS),
    # harvesting from eInnsyn (a source's own page, tested and run: see the harvest journey)
    Page("harvest-sources", url("harvest:source_list", "a.number"), EDITORS),
    Page("harvest-source-new", url("harvest:source_create", "a.number"), EDITORS),
    Page("forbidden", url("meetings:meeting_edit", "pub_a.pk"), ("union_rep", "adviser"), 403),
    Page("not-found", url("meetings:meeting_detail", "draft_b.pk"), ("hr",), 404),
    Page("measure-list", url("measures:measure_list", "a.number"), ALL),
    Page("measure-new", url("measures:measure_create", "a.number"), EDITORS),
    Page("climate-coverage", url("measures:coverage", "a.number"), ALL),
    Page("not-consulted", url("measures:not_consulted", "a.number"), ALL),
    Page("employee-requests", url("measures:employee_requests", "a.number"), ALL),
    Page("green-representatives", url("measures:green_representatives", "a.number"), ALL),
    Page("green-representatives-edit", url("measures:green_representatives_edit", "a.number"),
         RECORDERS),
    Page("measure", url("measures:measure_detail", "measure_a.pk"), ALL),
    Page("measure-edit", url("measures:measure_edit", "measure_a.pk"), EDITORS),
    Page("measure-process", url("measures:process_questions", "measure_a.pk"), EDITORS),
    Page("involvement-new", url("measures:involvement_create", "measure_a.pk"), RECORDERS),
    # an event is changed only by the side that recorded it (superusers: every event)
    Page("involvement-edit", url("measures:involvement_edit", "event_hr.pk"), EDITORS),
    Page("involvement-edit-employee-side", url("measures:involvement_edit", "event_rep.pk"),
         ("union_rep",)),
    Page("meeting-delete", url("meetings:meeting_delete", "pub_a.pk"), EDITORS),
    # dashboards
    Page("scorecard", url("dashboards:scorecard", "a.number"), ALL),
    Page("national", url("dashboards:national"), ALL),
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
    Page("methodology", url("dashboards:methodology"), ALL),
    # union and party pages: names of representatives for the union representative in Vaksdal only
    Page("organisation", lambda w: reverse("dashboards:organisation", args=[w.a.number, w.org["Fagforbundet"].pk])
         + "?" + urlencode(YEAR_2023), ("union_rep", "adviser")),
    Page("organisation-national", lambda w: reverse("dashboards:organisation_national", args=[w.org["Fagforbundet"].pk])
         + "?" + urlencode(YEAR_2023), ("adviser",)),
    Page("search", lambda w: reverse("search:search") + "?" + urlencode({"q": "parkering tilsette"}), ALL),
    Page("follows", url("subscriptions:follows"), ALL),
    Page("calendar-subscriptions", url("subscriptions:calendar"), ALL),
]


assert len({page.name for page in PAGES}) == len(PAGES), "page names must be unique (they name the screenshots)"


def pages_for(role: str) -> list[Page]:
    return [page for page in PAGES if role in page.roles]
