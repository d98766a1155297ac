"""Journeys: an import HR can trust. The same document as PDF changes nothing; a changed version
shows each change, HR rejects one and accepts the others; a scan is read by OCR; imported
meetings are drafts until HR publishes them. axe-core checks every new page state."""
from __future__ import annotations

import datetime
import re

import pytest

from imports.parsers import ocr
from meetings.models import Meeting
from tests.importers.portal_pdf import portal_pdf
from tests.importers.scanned_pdf import scanned_pdf
from tests.imports.documents import PROTOCOL_2024_02

from .test_import_journey import check_page

CHANGED = PROTOCOL_2024_02.replace("Møtestad: Kommunestyresalen", "Møtestad: Møterom Fjorden").replace(
    "Møtetid: 10:00 - 11:30", "Møtetid: 10:00 - 12:15"
)


def upload(page, site, path, timeout: float = 10_000) -> None:
    """Upload as HR; the test server parses on commit, so a scan's OCR happens inside the click."""
    page.goto(f"{site.url}/kommuner/{site.world.a.number}/import/")
    page.set_input_files("input[type=file]", str(path))
    page.locator("main form[enctype] button[type=submit]").click(timeout=timeout)
    page.wait_for_url(re.compile(r"/imports/\d+/$"), timeout=timeout)
    page.locator("main form[action*='/confirm/']").wait_for()


def confirm(page) -> None:
    page.locator("main form[action*='/confirm/'] button[value=confirm]").click()
    page.wait_for_load_state()


def test_same_pdf_changes_nothing_and_a_changed_version_is_reviewed_change_by_change(site, tmp_path, axe_report, results_dir):
    w = site.world
    text = tmp_path / "protokoll.txt"
    text.write_text(PROTOCOL_2024_02, encoding="utf-8")
    pdf = tmp_path / "protokoll.pdf"
    pdf.write_bytes(portal_pdf(PROTOCOL_2024_02, header="Vaksdal kommune - Møteprotokoll"))
    changed = tmp_path / "protokoll-retta.txt"
    changed.write_text(CHANGED, encoding="utf-8")
    page = site.page_as("hr")

    upload(page, site, text)
    assert not page.locator("main input[name=m0_publish]").is_checked()  # drafts by default
    confirm(page)
    with site.orm():
        meeting = Meeting.objects.get(body__municipality=w.a, date="2024-02-06")
        assert meeting.published is False

    upload(page, site, pdf)
    assert "ingen endringer" in page.locator("main").inner_text()
    check_page(page, "import-review-no-changes", axe_report, results_dir)
    confirm(page)

    upload(page, site, changed)
    changes = page.locator("main table:has(caption:text('Endringer i det lagrede møtet')) tbody tr")
    assert changes.count() == 2
    assert "Møterom Fjorden" in changes.nth(1).inner_text() and "12:15" in changes.nth(0).inner_text()
    check_page(page, "import-review-changes", axe_report, results_dir)
    changes.nth(1).locator("input[type=checkbox]").uncheck()  # keep the saved place
    confirm(page)
    with site.orm():
        meeting.refresh_from_db()
        assert (meeting.place, meeting.end_time.isoformat(timespec="minutes")) == ("Kommunestyresalen", "12:15")

    page.goto(site.url + meeting.get_absolute_url())
    assert "Utkast (ikke publisert)" in page.locator("main").inner_text()
    page.locator("main form[action$='/publish/'] button").click()
    page.wait_for_load_state()
    with site.orm():
        meeting.refresh_from_db()
        assert meeting.published is True
    check_page(page, "meeting-published", axe_report, results_dir)

    page.goto(f"{site.url}/kommuner/{w.a.number}/import/")
    assert page.locator("main table tbody tr").count() == 3
    assert "protokoll-retta.txt" in page.locator("main table").inner_text()
    check_page(page, "import-history", axe_report, results_dir)


@pytest.mark.skipif(not ocr.available(), reason="tesseract-ocr and tesseract-ocr-nor are not installed (make ocr installs them)")
def test_hr_imports_a_scanned_protocol(site, tmp_path, axe_report, results_dir):
    scan = tmp_path / "skannet-protokoll.pdf"
    scan.write_bytes(scanned_pdf(PROTOCOL_2024_02))
    page = site.page_as("hr")
    upload(page, site, scan, timeout=180_000)
    assert "tekst lest med OCR" in page.locator("main").inner_text()
    check_page(page, "import-review-ocr", axe_report, results_dir)
    confirm(page)
    with site.orm():
        meeting = Meeting.objects.get(body__municipality=site.world.a, date="2024-02-06")
        assert list(meeting.items.values_list("case_number", flat=True)) == ["01/2024", "02/2024"]


def test_hr_adds_an_unmatched_name_as_a_member_and_reads_an_item_with_attachments(site, tmp_path, axe_report, results_dir):
    """People from the review (issue 12 req. 6) and case papers apart from their attachments (req. 5)."""
    from meetings.models import AgendaItem
    from municipalities.models import Membership
    from tests.imports.test_attachments_web import NOTICE

    protocol = tmp_path / "protokoll-ny-tillitsvald.txt"
    protocol.write_text(PROTOCOL_2024_02.replace("Ola Nordtveit Arbeidstakarrepr.", "Nina Berg Arbeidstakarrepr."), encoding="utf-8")
    notice = tmp_path / "innkalling-med-vedlegg.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    page = site.page_as("hr")

    upload(page, site, protocol)
    row = page.locator("main tr:has(td:text-is('Nina Berg'))")
    row.locator("summary").click()
    row.locator("input[name$='_add']").check()
    row.locator("select[name$='_side']").select_option("employee")
    row.locator("select[name$='_role']").select_option("medlem")
    check_page(page, "import-review-people", axe_report, results_dir)
    confirm(page)
    with site.orm():
        assert list(Membership.objects.filter(person__name="Nina Berg").values_list("side", "role", "start_date")) == [
            ("employee", "medlem", datetime.date(2024, 2, 6))
        ]

    upload(page, site, notice)
    assert "Vedlegg: Handbok i kommunalt samarbeid; Referat frå allmøtet" in page.locator("main").inner_text()
    confirm(page)
    with site.orm():
        item = AgendaItem.objects.get(meeting__body__municipality=site.world.a, case_number="07/2024")
    page.goto(site.url + item.get_absolute_url())
    main = page.locator("main")
    case_paper = main.locator("section[aria-labelledby=case-paper-heading]")
    assert case_paper.locator("details summary").all_inner_texts() == ["Vis hele saksframlegget"]
    assert main.locator("section[aria-labelledby=attachments-heading] details summary").all_inner_texts() == [
        "Handbok i kommunalt samarbeid", "Referat frå allmøtet"
    ]
    assert not case_paper.locator("details p").is_visible()
    case_paper.locator("details summary").click()
    assert "Avsnitt 40" in case_paper.locator("details p").inner_text()
    check_page(page, "item-case-paper-and-attachments", axe_report, results_dir)
