"""The national overview fits a screen, and the interface in nynorsk: first screen at 1280x800,
axe, no sideways scrolling at 390 px, screenshots of the new pages at both sizes."""
from __future__ import annotations

from django.urls import reverse

from . import browser as b
from .test_language import switch_language


def shoot(page, results_dir, name: str) -> None:
    b.screenshots(page, results_dir, name, full_page=False)


def test_the_national_overview_shows_the_summary_and_the_map_on_the_first_screen(site, results_dir):
    page = site.page_as("adviser")
    page.goto(site.url + reverse("dashboards:national"))
    assert b.DESKTOP == {"width": 1280, "height": 800}
    for selector in ("#summary-heading", "#reporting", "#tile-map", "#chart-index-distribution"):
        box = page.locator(selector).bounding_box()
        assert box and box["y"] + box["height"] <= 800, f"{selector} is below the first screen"
    assert page.locator("#tile-map li").count() == 15
    assert b.run_axe(page) == []
    assert b.charts_without_text(page) == []
    shoot(page, results_dir, "national-overview")
    # a tile leads to its county's municipalities
    page.locator("#tile-map a", has_text="Vestland").click()
    page.wait_for_load_state()
    assert "county=46" in page.url
    assert page.locator("#id_county").input_value() == "46"


def test_the_interface_in_nynorsk(site, results_dir):
    page = site.page_as("hr")
    page.goto(site.url + reverse("home"))
    switch_language(page, "nn")
    pages = {
        "home": reverse("home"),
        "municipalities": reverse("municipalities:municipality_list"),
        "national": reverse("dashboards:national"),
        "scorecard": reverse("dashboards:scorecard", args=[site.world.a.number]),
        "methodology": reverse("dashboards:methodology"),
    }
    for name, path in pages.items():
        page.goto(site.url + path)
        assert page.locator("html").get_attribute("lang") == "nn", name
        assert page.locator(f"header a[href='{reverse('municipalities:municipality_list')}']").inner_text() == "Kommunar"
        assert b.run_axe(page) == [], name
    page.goto(site.url + pages["scorecard"])
    assert "Indeksen og delane" in page.locator("main").inner_text()
    shoot(page, results_dir, "scorecard-nynorsk")
