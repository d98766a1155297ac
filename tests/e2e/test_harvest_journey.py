"""Journey: HR configures an eInnsyn source, tests the connection, runs a harvest, reviews the
drafts and publishes one; the scorecard counts it. eInnsyn is the project's fake server
(tests/harvest/fake_einnsyn.py) on loopback.

The source pages are checked with axe-core (added to e2e-results/axe.json) and screenshotted.
"""
from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model

from dashboards.metrics import scorecard
from dashboards.scope import Period
from harvest.models import HarvestRun, Source
from meetings.models import Meeting
from tests.harvest.fake_einnsyn import API_KEY, FakeEinnsyn, fixture_files, load
from tests.helpers.einnsyn import ADM, KOMMUNE

from .test_import_journey import check_page

YEAR_2025 = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


@pytest.fixture
def einnsyn(settings):
    fake = FakeEinnsyn(load("vaksdal.json"), fixture_files()).start()
    settings.EINNSYN_API_URL, settings.EINNSYN_API_KEY = fake.url, API_KEY
    yield fake
    fake.stop()


def test_hr_configures_tests_harvests_reviews_and_publishes(site, einnsyn, axe_report, results_dir):
    w = site.world
    page = site.page_as("hr")
    page.goto(site.url + w.a.get_absolute_url())
    page.locator("main a[href$='/einnsyn/']").click()
    page.wait_for_url(re.compile(r"/kommuner/4628/einnsyn/$"))
    check_page(page, "harvest-sources-empty", axe_report, results_dir)

    # configure the source
    page.locator("main a[href$='/einnsyn/new/']").click()
    page.select_option("#id_body", str(w.body_a.pk))
    page.fill("#id_enhet_id", KOMMUNE)
    page.fill("#id_utvalg_ids", ADM)
    check_page(page, "harvest-source-new", axe_report, results_dir)
    page.locator("main form:not([action]) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/einnsyn/sources/\d+/$"))
    assert page.locator("main [role=status]").first.is_visible()
    with site.orm():
        source = Source.objects.get(municipality=w.a)
        assert (source.body, source.utvalg_ids, source.publish_harvested) == (w.body_a, [ADM], False)

    # test the connection: what would be harvested, nothing written
    page.locator("main form[action$='/test/'] button").click()
    page.wait_for_load_state()
    table = page.locator("main section[aria-labelledby=tested] tbody tr")
    assert table.count() == 3
    assert "Vaksdal kommune" in page.locator("main section[aria-labelledby=tested] [role=status]").inner_text()
    check_page(page, "harvest-source-tested", axe_report, results_dir)
    with site.orm():
        assert not Meeting.objects.filter(body=w.body_a, date__year=2025).exists()

    # run now (the test settings' task backend runs it at once)
    page.locator("main form[action$='/run/'] button").first.click()
    page.wait_for_url(re.compile(r"/kommuner/4628/einnsyn/$"))
    health = page.locator("main table").first.inner_text()
    assert "Ferdig" in health or "Done" in health
    check_page(page, "harvest-health", axe_report, results_dir)
    with site.orm():
        run = HarvestRun.objects.get(source=source)
        assert (run.status, run.added, run.errors) == ("done", 3, [])
        drafts = list(Meeting.objects.filter(body=w.body_a, date__year=2025).order_by("date"))
        assert [(m.date.isoformat(), m.published) for m in drafts] == [
            ("2025-02-04", False), ("2025-03-11", False), ("2025-05-20", False)]
        adviser = get_user_model().objects.get(username=site.username("adviser"))
        assert scorecard(w.a, YEAR_2025, w.body_a.kind, adviser).counts.meetings_held == 0

    # review a draft from the harvest page and publish it
    page.locator(f"main a[href='{drafts[0].get_absolute_url()}']").first.click()
    main = page.locator("main").inner_text()
    assert "Parkeringsavgift for tilsette ved rådhuset" in main
    page.locator("main form[action$='/publish/'] button[type=submit]").click()
    page.wait_for_load_state()
    with site.orm():
        assert Meeting.objects.get(pk=drafts[0].pk).published
        assert not Meeting.objects.get(pk=drafts[1].pk).published
        assert scorecard(w.a, YEAR_2025, w.body_a.kind, adviser).counts.meetings_held == 1
