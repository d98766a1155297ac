"""Journey: the KS adviser filters and sorts the national comparison and downloads the CSV.

The fixture adds a small county to the world: four municipalities in Agder (42) whose PSU
figures for 2023 are known exactly (worked out by hand below; the world's Vaksdal and
Sarpsborg lie in other counties). The adviser filters to Agder, 2023, only municipalities
with data; sorts by "Meetings held" (largest first, then again for smallest first), and
downloads the table as CSV, which must hold exactly those rows in that order.

Arendal 4203 (population 45 000)
- 01.03.2023 held: employee seats A1 present, A2 absent without substitute; a politician.
  Items: 1 approval of the agenda (procedural); 2 climate budget (mentions climate) with a
  Fagforbundet proposal; 3 full-time culture.
- 07.06.2023 held: A1 and A2 present. Item: bicycle parking (linked to working conditions,
  environmental consequences assessed) with a request raised under it.
- 13.09.2023 held, no attendance recorded. Item: budget input.
  -> 3 held, 5 items, 4 substantive, 2 mentioning climate, 1 linked, 1 with consequences,
  4 not assessed, seats 3 of 4 (0.75), voice 2 of 4 (0.5), 1 initiative, no measures.
  Index over 80 points: 0.75*20 + 0.5*25 + (1/3)*15 + min(1, 0.4/0.25)*20 = 52.5 -> 65.6.
Grimstad 4202 (population 24 000)
- 12.04.2023 held: G present. Item: travel rules. 04.10.2023 cancelled.
- Measures: electric cars (decided 02.05.2023, consulted 12.04.2023: early, level 2) and
  less food waste (decided 15.08.2023, informed 01.09.2023: late, level 1).
  -> 1 held, 1 cancelled, 1 item, 1 substantive, 1 not assessed, seats 1 of 1, voice 0 of 1,
  0 initiatives, 2 measures, 2 affecting, 1 early (0.5), median level 1.5.
  Index over 100 points: 20 + 0 + 0 + 0 + 0.5*20 = 30.0.
Lillesand 4215 (population not recorded)
- four held meetings with one ordinary item each, no attendance recorded.
  -> 4 held, 4 items, 4 substantive, 4 not assessed, voice 0 of 4, 0 initiatives.
  Index over 60 points (no seats, no measures): 0.
Risør 4201: a published meeting in 2022 and a draft in 2023 -> no data in 2023.
"""
from __future__ import annotations

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

from measures.models import Level
from meetings.models import AgendaItem, Attendance, Meeting
from municipalities.models import Membership, Municipality
from tests import factories as f
from tests.dashboards import factories as df

D = datetime.date
AGDER = "42"
ARENDAL, GRIMSTAD, LILLESAND, RISOR = "4203", "4202", "4215", "4201"


@pytest.fixture
def world(world):
    """The e2e world plus four municipalities in Agder (see the module docstring)."""
    Municipality.objects.filter(number=ARENDAL).update(population=45000)
    Municipality.objects.filter(number=GRIMSTAD).update(population=24000)
    m = {n: Municipality.objects.get(number=n) for n in (ARENDAL, GRIMSTAD, LILLESAND, RISOR)}
    org = world.org
    L, E, A = AgendaItem.ClimateLevel, AgendaItem.EnvAssessment, Attendance.Status

    psu = df.body(m[ARENDAL], "Partssammensatt utvalg")
    a1 = df.member(psu, "Tillitsvalgt A1", org=org["Fagforbundet"])
    a2 = df.member(psu, "Tillitsvalgt A2", org=org["Utdanningsforbundet"])
    politician = df.member(psu, "Politiker A", side=Membership.Side.POLITICAL, org=org["AP"])
    first = df.meeting(psu, D(2023, 3, 1))
    df.seat(first, a1)
    df.seat(first, a2, A.ABSENT)
    df.seat(first, politician)
    df.item(first, 1, "Godkjenning av innkalling og saksliste", procedural=True)
    budget = df.item(first, 2, "Klimabudsjett 2024", climate_level=L.MENTIONS)
    f.ProposalFactory(item=budget, proposers=[org["Fagforbundet"]])
    df.item(first, 3, "Heltidskultur")
    second = df.meeting(psu, D(2023, 6, 7))
    df.seat(second, a1)
    df.seat(second, a2)
    bikes = df.item(second, 1, "Sykkelparkering ved rådhuset", climate_level=L.LINKED, env_assessment=E.CONSEQUENCES)
    f.RequestFactory(meeting=second, raised_under=bikes, by_name="Tillitsvalgt A1", organisation=org["Fagforbundet"],
                     asks_for_agenda_item=False)
    third = df.meeting(psu, D(2023, 9, 13))
    df.item(third, 1, "Budsjettinnspill 2024")

    psu = df.body(m[GRIMSTAD], "Partssammensatt utvalg")
    g = df.member(psu, "Tillitsvalgt G", org=org["Fagforbundet"])
    held = df.meeting(psu, D(2023, 4, 12))
    df.seat(held, g)
    df.item(held, 1, "Reiseregulativ")
    df.meeting(psu, D(2023, 10, 4), state=Meeting.State.CANCELLED)
    cars = df.MeasureFactory(municipality=m[GRIMSTAD], title="Elbiler i hjemmetjenesten", decision_date=D(2023, 5, 2))
    df.InvolvementFactory(measure=cars, date=D(2023, 4, 12), level=Level.CONSULTED)
    food = df.MeasureFactory(municipality=m[GRIMSTAD], title="Mindre matsvinn i kantinen", decision_date=D(2023, 8, 15))
    df.InvolvementFactory(measure=food, date=D(2023, 9, 1), level=Level.INFORMED)

    psu = df.body(m[LILLESAND], "Partssammensatt utvalg")
    for n, day in enumerate((D(2023, 2, 1), D(2023, 4, 19), D(2023, 6, 14), D(2023, 8, 23)), start=1):
        df.item(df.meeting(psu, day), 1, f"Sak {n} i Lillesand")

    psu = df.body(m[RISOR], "Partssammensatt utvalg")
    df.item(df.meeting(psu, D(2022, 11, 30)), 1, "Sak fra 2022")
    df.item(df.meeting(psu, D(2023, 5, 10), published=False), 1, "Utkast: sak i 2023")
    return world


HEADER = [
    "Kommunenummer", "Kommune", "Fylke", "Innbyggertall", "Type utvalg", "Fra", "Til", "Avholdte møter",
]
PERIOD = ["PSU", "2023-01-01", "2023-12-31"]
ROWS = {
    "Arendal": [ARENDAL, "Arendal", "Agder", "45000", *PERIOD,
                "3", "0", "5", "4", "2", "1", "1", "4", "75%", "50%", "1", "", "", "", "", "", "65,6", "80", ""],
    "Grimstad": [GRIMSTAD, "Grimstad", "Agder", "24000", *PERIOD,
                 "1", "1", "1", "1", "0", "0", "0", "1", "100%", "0%", "0", "2", "2", "1", "50%", "1,5", "30", "100",
                 ""],
    "Lillesand": [LILLESAND, "Lillesand", "Agder", "", *PERIOD,
                  "4", "0", "4", "4", "0", "0", "0", "4", "", "0%", "0", "", "", "", "", "", "0", "60", ""],
}


def table_names(page) -> list[str]:
    return page.locator("#comparison tbody th[scope=row] a").all_inner_texts()


def sort_state(page) -> dict[str, str]:
    """aria-sort of every column heading that is not "none"."""
    state = {}
    for header in page.locator("#comparison thead th[aria-sort]").all():
        value = header.get_attribute("aria-sort")
        if value != "none":
            state[header.locator("a").inner_text().strip()] = value
    return state


def test_adviser_filters_sorts_and_downloads_the_national_comparison(site):
    page = site.page_as("adviser")
    page.locator(f"header a[href='{reverse('dashboards:national')}']").click()
    assert page.locator("h1").inner_text() == "Nasjonal sammenligning"

    # filter: Agder, 2023 (municipalities with data, the default)
    page.select_option("#id_county", label="Agder")
    page.fill("#id_from", "2023-01-01")
    page.fill("#id_to", "2023-12-31")
    page.locator("main form[method=get] button[type=submit]").click()
    page.wait_for_url(re.compile(r"county=42"))
    assert table_names(page) == ["Arendal", "Grimstad", "Lillesand"], "by name; Risør and other counties left out"
    assert sort_state(page) == {"Kommune": "ascending"}
    assert "3 kommuner vises." in page.locator("main").inner_text()
    assert page.locator("#comparison tbody td:nth-child(4)").all_inner_texts() == ["for lite data"] * 3

    # sort by meetings held: largest first, then smallest first
    page.locator("#comparison thead a", has_text=re.compile(r"^Avholdte møter$")).click()
    page.wait_for_url(re.compile(r"sort=-meetings_held"))
    assert table_names(page) == ["Lillesand", "Arendal", "Grimstad"]
    assert sort_state(page) == {"Avholdte møter": "descending"}
    page.locator("#comparison thead a", has_text=re.compile(r"^Avholdte møter$")).click()
    page.wait_for_url(re.compile(r"sort=meetings_held"))
    assert table_names(page) == ["Grimstad", "Arendal", "Lillesand"]
    assert sort_state(page) == {"Avholdte møter": "ascending"}
    assert page.locator("#id_county").input_value() == AGDER, "sorting keeps the filter"

    # the index chart has a text alternative; none of the three has enough data to be ranked
    chart = page.locator("main svg#chart-index-distribution")
    assert chart.get_attribute("role") == "img"
    title, desc = chart.locator("title").text_content(), chart.locator("desc").text_content()
    assert title.strip() and "0" in desc
    assert "0 har nok data til å rangeres etter indeksen (minst 10 realitetssaker)." in page.locator("main").inner_text()

    # the CSV: the same rows in the same order
    with page.expect_download() as download_info:
        page.locator("main a[href*='/export.csv']").click()
    download = download_info.value
    assert download.suggested_filename == "partssamarbeid-comparison-PSU-2023-01-01-2023-12-31.csv"
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][:8] == HEADER
    assert rows[1:] == [ROWS["Grimstad"], ROWS["Arendal"], ROWS["Lillesand"]]
