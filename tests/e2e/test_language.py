"""Journey: switch the language to English and back to bokmål with the header form."""
from __future__ import annotations

from django.urls import reverse


def switch_language(page, code: str) -> None:
    page.select_option("#language-select", code)
    page.locator("header form[action$='/i18n/setlang/'] button[type=submit]").click()
    page.wait_for_load_state()


def test_switch_to_english_and_back(site):
    page = site.page_as("hr")
    body_url = site.url + reverse("municipalities:body_detail", args=[site.world.body_a.pk])
    page.goto(body_url)
    nav_link = page.locator(f"header a[href='{reverse('municipalities:municipality_list')}']")
    assert page.locator("html").get_attribute("lang") == "nb"
    assert nav_link.inner_text() == "Kommuner"
    assert "Nytt møte" in page.locator("main").inner_text()

    switch_language(page, "en")
    assert page.url == body_url, "the switch returns to the same page"
    assert page.locator("html").get_attribute("lang") == "en"
    assert nav_link.inner_text() == "Municipalities"
    assert "New meeting" in page.locator("main").inner_text()

    # the choice sticks while browsing
    page.goto(site.url + reverse("home"))
    assert page.locator("html").get_attribute("lang") == "en"

    switch_language(page, "nb")
    assert page.locator("html").get_attribute("lang") == "nb"
    assert nav_link.inner_text() == "Kommuner"
