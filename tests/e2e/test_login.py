"""Journey: log in and out through the real forms; a wrong password is announced."""
from __future__ import annotations

from tests import factories

from . import browser as b


def test_log_in_and_out(site):
    page = site.page_as("anonymous")
    page.goto(site.url + "/")
    assert "/accounts/login/" in page.url, "anonymous users are sent to the login page"

    # a wrong password: the error is shown and tied to the form for screen readers
    page.fill("#id_username", site.username("hr"))
    page.fill("#id_password", "not-the-password")
    page.locator("main form button[type=submit]").click()
    error = page.locator("#form-errors")
    assert error.is_visible() and error.get_attribute("role") == "alert"
    assert "brukernavn og passord" in error.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "form-errors", "focus moves to the error"
    assert "/accounts/login/" in page.url

    b.login(page, site.url, site.username("hr"), factories.PASSWORD)
    assert page.url.rstrip("/") == site.url
    header = page.locator("header")
    assert site.username("hr") in header.inner_text()

    b.logout(page)
    assert "/accounts/login/" in page.url
    page.goto(site.url + "/")
    assert "/accounts/login/" in page.url, "after logging out the pages are closed again"


def test_login_returns_to_the_page_asked_for(site):
    page = site.page_as("anonymous")
    body_url = f"/kommuner/bodies/{site.world.body_a.pk}/"
    page.goto(site.url + body_url)
    assert "next=" in page.url
    page.fill("#id_username", site.username("union_rep"))
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(site.url + body_url)
    assert page.locator("h1").inner_text() == site.world.body_a.name
