"""Journey: HR imports a protocol file, reviews what was found and confirms it.

The review page exists only after an upload, so this journey also checks it with axe-core
(adding it to e2e-results/axe.json) and screenshots it.
"""
from __future__ import annotations

from meetings.models import AgendaItem, Meeting
from tests.i18n.test_catalogues import english_words
from tests.imports.documents import PROTOCOL_2024_02

from . import browser as b


def check_page(page, name: str, axe_report, results_dir) -> None:
    """axe-core, English left on the bokmål page, phone width, screenshots."""
    assert not english_words(page.content()), f"English words on the bokmål page {name}"
    violations = b.run_axe(page)
    axe_report.add("hr", name, page.url, violations)
    assert not violations, f"{name}:\n{b.describe(violations)}"
    b.screenshots(page, results_dir, f"{name}--hr")


def test_hr_imports_reviews_and_confirms_a_protocol(site, tmp_path, axe_report, results_dir):
    w = site.world
    protocol = tmp_path / "protokoll-administrasjonsutvalet-2024-02-06.txt"
    protocol.write_text(PROTOCOL_2024_02, encoding="utf-8")

    page = site.page_as("hr")
    page.locator(f"header a[href='{w.a.get_absolute_url()}']").click()
    # the review page: nothing saved yet
    review = b.upload_for_review(page, protocol)
    values = [field.input_value() for field in review.locator("input:not([type=hidden])").all()]
    assert "2024-02-06" in values and "Parkeringsavgift for tilsette ved rådhuset" in values
    with site.orm():
        assert not Meeting.objects.filter(body__municipality=w.a, date="2024-02-06").exists()
    check_page(page, "import-review", axe_report, results_dir)

    review.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("main [role=status]").first.is_visible()
    with site.orm():
        meeting = Meeting.objects.get(body__municipality=w.a, date="2024-02-06")
        assert AgendaItem.objects.filter(meeting=meeting, case_number="02/2024").exists()
    check_page(page, "import-saved", axe_report, results_dir)
    page.locator(f"main a[href='{meeting.get_absolute_url()}']").first.click()
    assert "Parkeringsavgift for tilsette ved rådhuset" in page.locator("main").inner_text()
