"""A scanned protocol uploaded through the pages is OCR'd in the worker and marked in the review."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.parsers import ocr
from imports.tasks import Lease
from meetings.models import ImportRun, Meeting
from tests.importers.scanned_pdf import scanned_pdf

from .documents import PROTOCOL_2024_02
from .test_web import confirm_payload

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not ocr.available(), reason="tesseract-ocr and tesseract-ocr-nor are not installed (make ocr installs them)"),
]


def test_hr_uploads_a_scan_reviews_the_ocr_text_and_confirms(upload, client_for, vaksdal_body, monkeypatch):
    seen = []

    def update(lease, **values):
        if "progress" in values:  # the lease is also renewed without progress on a slow machine
            seen.append(values["progress"])
        return original(lease, **values)

    original = Lease.update
    monkeypatch.setattr(Lease, "update", update)
    hr = client_for("hr_a")
    upload(hr, SimpleUploadedFile("skannet.pdf", scanned_pdf(PROTOCOL_2024_02), content_type="application/pdf"))
    run = ImportRun.objects.get()
    assert seen == [50, 99, 100, 100]  # page by page from the child that reads them, then the file, then the run
    assert (run.status, run.progress) == ("ready", 100)
    [document] = run.preview["documents"]
    assert document["ocr"] is True and run.preview["meetings"][0]["ocr"] is True
    assert [i["case_number"] for i in run.preview["meetings"][0]["data"]["items"]] == ["01/2024", "02/2024"]
    page = hr.get(run.get_absolute_url()).content.decode()
    assert "tekst lest med OCR: kontroller navn og tall" in page
    assert hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run)).status_code == 302
    meeting = Meeting.objects.get(body=vaksdal_body)
    assert (meeting.date.isoformat(), meeting.place, meeting.published) == ("2024-02-06", "Kommunestyresalen", False)


def test_without_tesseract_the_run_fails_with_what_to_install(upload, client_for, vaksdal_body, settings):
    settings.IMPORT_PARSER = "tests.imports.faulty.parse_without_tesseract"
    hr = client_for("hr_a")
    upload(hr, SimpleUploadedFile("skannet.pdf", scanned_pdf("Møtedato: 06.02.2024"), content_type="application/pdf"))
    run = ImportRun.objects.get()
    assert run.status == "failed"
    assert run.errors[0]["code"] == "ocr_unavailable"
    assert "tesseract-ocr-nor" in hr.get(run.get_absolute_url()).content.decode()
