"""Journey: a union representative records an involvement event and reads the agenda coverage.

Vaksdal's union representative (``tv_a``, Fagforbundet, may record involvement) goes from the
header to Vaksdal -> the measure register -> a decided measure that affects employees and
was never discussed with them (flagged) -> "Record involvement" -> the form, first without a
date (nothing is saved; the error is announced and tied to the field) -> the measure page,
where the event shows as recorded by the employee side and the flag is gone -> the agenda
coverage page, whose cell for the topic and year now shows the level reached.
"""
from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from measures.models import ClimateMeasure, Involvement, Level, Side
from tests.measures.factories import MeasureFactory

from . import browser as b

TITLE = "Varmepumper i kommunale bygg"


@pytest.fixture
def world(world):
    """The e2e world plus a decided energy measure in Vaksdal (2024) without any involvement."""
    world.heat_pumps = MeasureFactory(
        municipality=world.a,
        title=TITLE,
        status=ClimateMeasure.Status.DECIDED,
        decision_date=datetime.date(2024, 3, 12),
        decided_by="Kommunestyret",
        topics=["energy"],
        affects_employees=True,
        employee_effects=["work_methods", "training"],
    )
    return world


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def coverage_cell(page, topic: str, year: int):
    """The cell of the coverage table for ``topic`` (row) and ``year`` (column)."""
    table = page.locator("main table")
    column = [h.strip() for h in table.locator("thead th").all_inner_texts()].index(str(year))
    row = table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=topic, exact=True))
    assert row.count() == 1, f"one row for {topic}"
    return row.locator("td").nth(column - 1)  # the row header takes the first column


def test_union_rep_records_involvement_and_reads_the_coverage(site):
    w = site.world
    page = site.page_as("union_rep")

    # header -> Vaksdal -> the measure register -> the measure
    page.locator(f"header a[href='{w.a.get_absolute_url()}']").click()
    page.locator("main a[href$='/measures/']").first.click()
    page.locator("main table").get_by_role("link", name=TITLE, exact=True).click()
    assert page.locator("h1").inner_text() == TITLE
    assert "Ikke drøftet før vedtaket." in page.locator("main [role=note]").inner_text(), "flagged before"

    # the agenda coverage before: the measure, but no involvement in 2024
    page.goto(site.url + reverse("measures:coverage", args=[w.a.number]))
    assert lines(coverage_cell(page, "Energi", 2024).inner_text()) == [
        "0 saker", "1 tiltak", "ingen medvirkning registrert",
    ]
    page.go_back()

    page.locator("main a[href$='/involvement/new/']").click()
    assert page.locator("h1").inner_text() == f"Registrer medvirkning: {TITLE}"
    assert page.is_checked(f"input[name=unions][value='{w.org['Fagforbundet'].pk}']"), "the rep's own union is ticked"

    # everything but the date, and no agenda item: nothing is saved, the error is announced
    b.record_involvement(page, arena="working_group", arena_detail="Energigruppa for kommunale bygg", raised_by="joint",
                         level=3, position="supports", text="Støtter varmepumper, med opplæring for driftspersonalet.")
    page.wait_for_load_state()

    summary = page.locator("main [role=alert]").first
    assert summary.is_visible()
    assert summary.inner_text().strip() == "Ingenting ble lagret. Rett opp feltene som er merket nedenfor."
    date = page.locator("#id_date")
    assert date.get_attribute("aria-invalid") == "true"
    described = (date.get_attribute("aria-describedby") or "").split()
    texts = [page.locator(f"#{i}").inner_text().strip() for i in described]
    assert "Oppgi datoen, eller velg saken det skjedde under." in texts, f"the error is tied to the field: {texts}"
    assert page.is_checked("input[name=level][value='3']"), "what was typed is kept"
    with site.orm():
        assert not Involvement.objects.filter(measure=w.heat_pumps).exists()

    page.fill("#id_date", "2024-02-20")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/measures/{w.heat_pumps.pk}/$"))

    # the measure page: confirmed, the event in the timeline, recorded by the employee side
    assert page.locator("main [role=status]").inner_text().strip() == "Medvirkningen ble registrert."
    row = page.locator("main table tbody tr").filter(has=page.get_by_role("rowheader", name="20.02.2024"))
    cells = [c.strip() for c in row.locator("td").all_inner_texts()]
    assert cells[:6] == [
        "Arbeidsgruppe (Energigruppa for kommunale bygg)",
        "3 – medutviklet",
        "Begge parter sammen",
        "Fagforbundet",
        "Støtter: Støtter varmepumper, med opplæring for driftspersonalet.",
        f"arbeidstakersiden ({site.username('union_rep')})",
    ]
    assert not page.locator("main [role=note]").count(), "consulted before the decision: no longer flagged"
    with site.orm():
        event = Involvement.objects.get(measure=w.heat_pumps)
        assert (event.date, event.level, event.recorded_by_side) == (datetime.date(2024, 2, 20), Level.CO_DEVELOPED,
                                                                     Side.EMPLOYEE)
        assert event.recorded_by == w.users["union_rep_a"]

    # the register's "Agenda coverage" tab: energy in 2024 now reached level 3
    page.locator("main nav a[href$='/measures/']").first.click()
    page.locator("main nav a[href$='/climate-coverage/']").click()
    assert page.locator("h1").inner_text() == "Klima på sakslistene i Vaksdal"
    assert lines(coverage_cell(page, "Energi", 2024).inner_text()) == [
        "0 saker", "1 tiltak", "høyeste nivå: 3 – medutviklet",
    ]
    empty = coverage_cell(page, "Energi", 2023)
    assert " ".join(empty.text_content().split()) == "– ingenting", "an empty cell says so to screen readers"
