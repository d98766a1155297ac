"""Journey: a page the role may not use answers with a friendly 403 page, not a bare error."""
from __future__ import annotations

from django.urls import reverse


def test_union_rep_opening_a_meeting_edit_url_gets_a_friendly_403(site):
    page = site.page_as("union_rep")
    edit_url = site.url + reverse("meetings:meeting_edit", args=[site.world.pub_a.pk])
    response = page.goto(edit_url)
    assert response.status == 403
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator("h1").inner_text() == "Du har ikke tilgang til denne siden"
    assert page.locator("header nav").is_visible(), "the page keeps the app's header and navigation"
    assert not page.locator("main form").count(), "no edit form is shown"
    page.locator("main a[href='/']").click()
    page.wait_for_url(site.url + "/")
    assert page.locator("h1").is_visible()


def test_anonymous_edit_url_goes_to_login(site):
    page = site.page_as("anonymous")
    page.goto(site.url + reverse("meetings:meeting_edit", args=[site.world.pub_a.pk]))
    assert "/accounts/login/" in page.url
