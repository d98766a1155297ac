"""Charts people can read (issue 14, requirement 5), in Chromium: the measure's involvement
timeline and the scorecard's charts are titled, carry a text alternative, pass axe, and stay
readable on a 390 px phone (the timeline is drawn at phone width, so its 12 px text is not
shrunk); the national heat map keeps its size in a labelled scroll box instead of shrinking.
Screenshots at 1280 and 390 px go to e2e-results/screenshots/charts-*.png."""
from __future__ import annotations

import pytest
from django.urls import reverse

from . import browser as b
from .pages import YEAR_2023

pytestmark = pytest.mark.e2e


def _check(site, page, path: str, name: str, results_dir) -> list[str]:
    shots = results_dir / "screenshots"
    shots.mkdir(exist_ok=True)
    page.goto(site.url + path)
    problems = [b.describe(v) for v in [b.run_axe(page)] if v]
    problems += [f"{name}: chart without text alternative: {c}" for c in b.charts_without_text(page)]
    page.screenshot(path=shots / f"charts-{name}--desktop.png", full_page=True)
    page.set_viewport_size(b.PHONE)
    if (overflow := b.horizontal_overflow(page)) > 0:
        problems.append(f"{name}: {overflow}px wider than a 390px phone")
    page.screenshot(path=shots / f"charts-{name}--phone.png", full_page=True)
    return problems


def test_the_measure_timeline_reads_on_desktop_and_phone(site, results_dir):
    page = site.page_as("hr")
    page.context.add_init_script(script=b.axe_source())
    problems = _check(site, page, reverse("measures:measure_detail", args=[site.world.measure_a.pk]), "measure",
                      results_dir)
    assert not problems, "\n".join(problems)
    timeline = page.locator("#chart-timeline")
    # at 390 px the 360-unit chart is drawn at least at 0.9 scale: its 12 px labels stay >= 10.8 px
    width = timeline.evaluate("svg => svg.getBoundingClientRect().width")
    assert 324 <= width <= 390
    assert page.locator("#timeline-figure figcaption").inner_text().startswith("Medvirkning over tid:")
    desc = page.locator("#chart-timeline-desc").text_content()
    assert "10.01.2023" in desc and "01.02.2023: vedtaket" in desc and "07.02.2023" in desc
    page.set_viewport_size(b.DESKTOP)
    assert timeline.evaluate("svg => svg.getBoundingClientRect().width") == 540  # grows to 1.5 times, no more


def test_the_scorecard_and_national_charts_read_on_desktop_and_phone(site, results_dir):
    page = site.page_as("adviser")
    page.context.add_init_script(script=b.axe_source())
    problems = _check(site, page, reverse("dashboards:scorecard", args=[site.world.a.number]) + "?from=2023-01-01&to=2023-12-31",
                      "scorecard", results_dir)
    assert page.locator("figcaption").count() >= 2
    page.set_viewport_size(b.DESKTOP)
    query = "&".join(f"{k}={v}" for k, v in YEAR_2023.items())
    problems += _check(site, page, reverse("dashboards:national") + f"?{query}", "national", results_dir)
    heat = page.locator("#heatmap-figure")
    if heat.count():  # the heat map scrolls inside its box; the page itself does not
        assert heat.evaluate("f => f.scrollWidth > f.clientWidth")
    assert not problems, "\n".join(problems)
