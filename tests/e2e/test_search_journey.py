"""Journey: a union representative searches from the header, narrows the results and follows the search."""
from __future__ import annotations

import re

from subscriptions.models import Follow

from .test_import_journey import check_page


def test_union_rep_searches_filters_and_follows(site, axe_report, results_dir):
    w = site.world
    page = site.page_as("union_rep")
    page.fill("#header-search", "parkering tilsette")
    page.locator("header form[role=search] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/sok/\?q=parkering\+tilsette"))
    assert page.locator("h1").inner_text() == "Søk"
    hit = page.locator("main .search-hit", has_text="05/2023 Parkeringsavgift for tilsette").first
    assert hit.locator("mark").first.inner_text().lower().startswith("parkering")
    check_page(page, "search-results", axe_report, results_dir)

    # narrow to agenda items in Vaksdal with the filter lists
    page.locator("#facet-type ~ ul a", has_text=re.compile(r"^Sak$")).click()
    page.wait_for_url(re.compile(r"type=item"))
    page.locator("#facet-municipality ~ ul a", has_text="Vaksdal").click()
    page.wait_for_url(re.compile(r"municipality=4628"))
    assert page.locator("#search-count").inner_text() == "1 treff"
    assert page.locator("main .search-hit h3").all_inner_texts() == ["05/2023 Parkeringsavgift for tilsette"]

    page.locator("main button", has_text="Følg dette søket").click()
    page.wait_for_url(re.compile(r"/folg/$"))
    assert "Treff på det lagrede søket ditt «parkering tilsette» municipality=4628 type=item" in page.locator("main").inner_text()
    with site.orm():
        follow = Follow.objects.get(user=w.users["union_rep_a"])
        assert follow.query == {"q": "parkering tilsette", "type": "item", "municipality": "4628"}
    check_page(page, "follows-with-search", axe_report, results_dir)
    page.locator("main button", has_text="Slutt å følge").click()
    page.wait_for_url(re.compile(r"/folg/$"))
    with site.orm():
        assert not Follow.objects.exists()
