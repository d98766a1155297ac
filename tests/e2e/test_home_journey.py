"""Journey: each role logs in and lands on its own front page (partssamarbeid/home.py).

- the union representative sees the coming meeting with a climate item, the measure decided
  without consulting them, the employee side's open request and what they follow, and follows
  the item's link;
- HR sees the import waiting for review (linked), the draft and the meeting without a protocol;
- the KS adviser sees what changed nationally on the first visit and what they follow.

Each page is checked with axe-core and screenshotted at 1280 px and 390 px (no sideways scrolling).
"""
from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from meetings.models import AgendaItem, ImportRun, Meeting
from subscriptions.models import Follow
from tests import factories as f

from . import browser as b


@pytest.fixture
def world(world):
    w = world
    w.coming = f.MeetingFactory(body=w.body_a, date=timezone.localdate() + datetime.timedelta(days=14),
                                start_time=datetime.time(10, 0), end_time=datetime.time(12, 0),
                                state=Meeting.State.PLANNED, published=True)
    w.coming_item = f.AgendaItemFactory(meeting=w.coming, position=1, case_number="", title="Elsykkel for tilsette",
                                        climate_level=AgendaItem.ClimateLevel.LINKED)
    f.RequestFactory(meeting=w.pub_a2, person=None, by_name="Ola Lærar", text="Ber om sak om heimekontor som klimatiltak.",
                     asks_for_agenda_item=True)
    Follow.objects.create(user=w.users["union_rep_a"], kind=Follow.Kind.TOPIC, topic="transport")
    Follow.objects.create(user=w.users["adviser"], kind=Follow.Kind.MUNICIPALITY, municipality=w.a)
    w.run = ImportRun.objects.create(municipality=w.a, created_by=w.users["hr_a"], status=ImportRun.Status.READY)
    return w


def check(page, name, role, axe_report, results_dir):
    violations = b.run_axe(page)
    axe_report.add(role, name, page.url, violations)
    assert not violations, f"{name}:\n{b.describe(violations)}"
    b.screenshots(page, results_dir, f"{name}--{role}")


def items(page, selector: str) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(selector).all_inner_texts()]


def test_union_rep_front_page(site, axe_report, results_dir):
    w = site.world
    page = site.page_as("union_rep")
    page.goto(site.url + "/")
    assert page.locator("h1").inner_text() == "Partssamarbeid i Vaksdal"
    assert items(page, "#home-upcoming > li > a") == [f"Administrasjonsutvalet {w.coming.date:%d.%m.%Y}"]
    assert items(page, "#home-upcoming li li") == ["Elsykkel for tilsette"]
    assert items(page, "#home-not-consulted li") == ["Parkeringsavgift for tilsette (01.02.2023; sent: ikke drøftet før vedtaket)"]
    assert items(page, "#home-requests li") == [
        f"Ber om sak om heimekontor som klimatiltak. (Ola Lærar, Administrasjonsutvalet {w.pub_a2.date:%d.%m.%Y})"]
    assert items(page, "#home-follows li") == [
        "Klimasaker i Vaksdal (tillitsvalgte følger dem med mindre de slår det av)",
        "Du følger temaet Transport og pendling (inkl. parkering)",
    ]
    check(page, "home-union-rep-journey", "union_rep", axe_report, results_dir)
    page.locator("#home-upcoming li li a").click()
    page.wait_for_url(re.compile(rf"/items/{w.coming_item.pk}/$"))
    assert "Elsykkel for tilsette" in page.locator("h1").inner_text()


def test_hr_front_page(site, axe_report, results_dir):
    w = site.world
    page = site.page_as("hr")
    page.goto(site.url + "/")
    assert page.locator("#imports-heading").inner_text() == "Import som venter på gjennomgang (1)"
    assert items(page, "#home-drafts li") == [f"Administrasjonsutvalet {w.draft_a.date:%d.%m.%Y} (planlagt)"]
    assert items(page, "#home-without-protocol li") == [f"Administrasjonsutvalet {w.draft_a.date:%d.%m.%Y}"]
    check(page, "home-hr-journey", "hr", axe_report, results_dir)
    assert page.locator("#home-imports a").get_attribute("href") == f"/imports/{w.run.pk}/"


def test_adviser_front_page(site, axe_report, results_dir):
    page = site.page_as("adviser")  # logging in lands on the front page: the first visit
    assert page.url == site.url + "/"
    assert page.locator("h1").inner_text() == "Partssamarbeid nasjonalt"
    assert page.locator("#home-since").inner_text().startswith("Ditt første besøk: dette er endret den siste uken")
    # every published meeting of the test world is new this week: A's three and B's one
    assert page.locator("#home-changed-summary").inner_text() == "4 møter i 2 kommuner, 2 med klimasaker."
    assert items(page, "#home-follows li") == ["Du følger Vaksdal"]
    check(page, "home-adviser-journey", "adviser", axe_report, results_dir)
    since = page.locator("#home-since").inner_text().removeprefix("Ditt første besøk: dette er endret den siste uken (siden ")
    page.reload()  # a reload within half an hour is the same visit: the same changes, since the same time
    assert page.locator("#home-since").inner_text() == f"Dette er endret siden forrige besøk ({since}"
    assert page.locator("#home-changed-summary").inner_text() == "4 møter i 2 kommuner, 2 med klimasaker."
