"""The demo measures: the stories from seed 000, idempotent, with or without demo agenda items."""
from __future__ import annotations

import datetime

import pytest

from measures import services
from measures.demo import seed_measures
from measures.models import ClimateMeasure, GreenRepresentative, Involvement
from municipalities.models import Body, Municipality

from .. import factories as f

D = datetime.date


@pytest.fixture
def demo_items(db):
    """Minimal PSU meetings holding the agenda items the demo links to (as the demo agenda names them)."""
    items = {}
    for number, name, specs in [
        ("3205", "Partssammensatt utvalg", [
            (D(2020, 11, 25), "Parkeringsavgift for ansatte"),
            (D(2022, 6, 15), "Miljøfyrtårn-sertifisering av vaskeri- og renholdstjenesten"),
        ]),
        ("3105", "Administrasjonsutvalget", [
            (D(2021, 4, 22), "Leasing av elsykkel og elbil for ansatte"),
            (D(2021, 6, 10), "Årsmelding 2021 - Miljøfyrtårn hovedbiblioteket"),
            (D(2022, 9, 29), "Energisparetiltak i kommunale bygg (PSU 29.09.2022)"),
            (D(2022, 12, 1), "Miljø i arbeidsreglementet (PSU 01.12.2022)"),
        ]),
    ]:
        body = f.BodyFactory(municipality=Municipality.objects.get(number=number), name=name, kind=Body.Kind.PSU)
        for day, title in specs:
            meeting = f.MeetingFactory(body=body, date=day)
            items[title] = f.AgendaItemFactory(meeting=meeting, position=1, title=title, climate_level="mentions")
    return items


def story() -> dict:
    measures = services.with_summaries(ClimateMeasure.objects.with_involvement_dates().order_by("title"))
    return {
        m.title: (m.municipality_id, m.decision_date, m.summary.first_involvement_date, m.summary.max_level,
                  m.summary.timing, m.summary.flagged)
        for m in measures
    }


EXPECTED = {
    "Energisparetiltak i kommunale bygg": ("3105", D(2022, 9, 29), D(2022, 9, 29), 2, "early", False),
    "Leasing av elsykkel og elbil for ansatte": ("3105", D(2021, 4, 22), D(2021, 4, 22), 2, "early", False),
    "Miljø som hensyn i arbeidsreglementet": ("3105", D(2022, 12, 1), D(2022, 11, 17), 4, "early", False),
    "Miljøfyrtårn-sertifisering av hovedbiblioteket": ("3105", None, D(2021, 6, 10), 1, "late", True),
    "Miljøfyrtårn-sertifisering av vaskeri og renhold (Internservice)":
        ("3205", D(2021, 5, 3), D(2021, 3, 15), 4, "early", False),
    "Parkeringsavgift for ansatte": ("3205", D(2020, 6, 18), D(2020, 11, 25), 2, "late", True),
    # Vaksdal (the union representative's demo municipality): one early, one late
    "Parkeringsavgift for tilsette ved kommunehuset": ("4628", D(2023, 6, 1), D(2023, 5, 11), 2, "early", False),
    "Miljøfyrtårn-sertifisering av Vaksdal sjukeheim": ("4628", D(2023, 10, 1), D(2023, 10, 1), 2, "late", True),
}


@pytest.mark.django_db
def test_demo_measures_tell_the_research_stories(demo_items):
    assert seed_measures() == {"inserted": 26, "updated": 0, "unchanged": 0}
    assert story() == EXPECTED
    parking = ClimateMeasure.objects.get(title="Parkeringsavgift for ansatte")
    assert list(parking.agenda_items.all()) == [demo_items["Parkeringsavgift for ansatte"]]
    assert set(parking.involvements.values_list("position", flat=True)) == {"opposes", "mixed"}
    psu = parking.involvements.get(arena="psu")
    assert (psu.agenda_item, psu.recorded_by_side) == (demo_items["Parkeringsavgift for ansatte"], "employee")
    rules = ClimateMeasure.objects.get(title="Miljø som hensyn i arbeidsreglementet")
    initiative = rules.involvements.get(level=4)
    assert (initiative.raised_by, [u.short_name for u in initiative.unions.all()]) == ("employee", ["Naturviterne"])
    assert rules.decision_item == demo_items["Miljø i arbeidsreglementet (PSU 01.12.2022)"]
    library = ClimateMeasure.objects.get(title="Miljøfyrtårn-sertifisering av hovedbiblioteket")
    assert (library.funding, library.funding_amount) == ("klimasats", 3_000_000)
    assert GreenRepresentative.objects.filter(until__isnull=True).count() == 3


@pytest.mark.django_db
def test_demo_is_idempotent_and_writes_no_history_the_second_time(demo_items):
    seed_measures()
    history = (ClimateMeasure.history.count(), Involvement.history.count(), GreenRepresentative.history.count())
    rows = (ClimateMeasure.objects.count(), Involvement.objects.count(), GreenRepresentative.objects.count())
    assert seed_measures() == {"inserted": 0, "updated": 0, "unchanged": 26}
    assert (ClimateMeasure.history.count(), Involvement.history.count(), GreenRepresentative.history.count()) == history
    assert (ClimateMeasure.objects.count(), Involvement.objects.count(), GreenRepresentative.objects.count()) == rows
    assert story() == EXPECTED


@pytest.mark.django_db
def test_demo_without_agenda_items_keeps_its_own_dates():
    seed_measures()
    assert story() == EXPECTED  # the fallback dates are the real ones
    assert not ClimateMeasure.objects.filter(agenda_items__isnull=False).exists()
    assert not Involvement.objects.filter(agenda_item__isnull=False).exists()


@pytest.mark.django_db
def test_a_corrected_value_is_restored_and_counted_as_updated(demo_items):
    seed_measures()
    ClimateMeasure.objects.filter(title="Parkeringsavgift for ansatte").update(responsible_unit="Feil")
    assert seed_measures()["updated"] == 1
    assert ClimateMeasure.objects.get(title="Parkeringsavgift for ansatte").responsible_unit == "Eiendom"
