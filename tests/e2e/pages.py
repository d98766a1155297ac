"""The main pages of the app, for every role: the one list the browser tests walk.

Every page here is opened in headless Chromium by every role listed for it, checked with
axe-core (WCAG 2.1 A and AA) and screenshotted at desktop and phone size
(tests/e2e/test_pages.py). A page added by a later issue is one more line in ``PAGES``:

    Page("measure-list", lambda w: reverse("measures:measure_list", args=[w.a.number]), ALL),

``w`` is the ``world`` fixture of tests/conftest.py (municipality A = Vaksdal with its HR
user, union representative, meetings and items; municipality B = Sarpsborg).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

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


@dataclass(frozen=True)
class Page:
    name: str
    path: Callable[[object], str]
    roles: tuple[str, ...]
    status: int = 200  # what the page answers for these roles (403 and 404 pages are main pages too)


PAGES: list[Page] = [
    Page("login", lambda w: reverse("login"), ("anonymous",)),
    Page("home", lambda w: reverse("home"), ALL),
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
    Page("import-upload", lambda w: reverse("meetings:import_upload", args=[w.a.number]), EDITORS),
    Page("forbidden", lambda w: reverse("meetings:meeting_edit", args=[w.pub_a.pk]), ("union_rep", "adviser"), 403),
    Page("not-found", lambda w: reverse("meetings:meeting_detail", args=[w.draft_b.pk]), ("hr",), 404),
    Page("measure-list", lambda w: reverse("measures:measure_list", args=[w.a.number]), ALL),
    Page("measure-new", lambda w: reverse("measures:measure_create", args=[w.a.number]), EDITORS),
    Page("climate-coverage", lambda w: reverse("measures:coverage", args=[w.a.number]), ALL),
    Page("not-consulted", lambda w: reverse("measures:not_consulted", args=[w.a.number]), ALL),
    Page("employee-requests", lambda w: reverse("measures:employee_requests", args=[w.a.number]), ALL),
    Page("green-representatives", lambda w: reverse("measures:green_representatives", args=[w.a.number]), ALL),
    Page("green-representatives-edit", lambda w: reverse("measures:green_representatives_edit", args=[w.a.number]),
         ("hr", "union_rep", "superuser")),
]


assert len({page.name for page in PAGES}) == len(PAGES), "page names must be unique (they name the screenshots)"


def pages_for(role: str) -> list[Page]:
    return [page for page in PAGES if role in page.roles]
