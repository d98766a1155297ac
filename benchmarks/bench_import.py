"""Time an import as HR sees it, with the background worker running, on PostgreSQL.

Usage: python benchmarks/bench_import.py      (part of make bench, via bench_pages.py)

1. A fresh scratch database ``partssamarbeid_bench_import`` (BENCH_PG_URL) is migrated; a child
   process starts ``manage.py db_worker`` against it.
2. Upload to review: an HR user posts a 30-page portal-style PDF (running header, ``Side N av M``
   footer, attendance table drawn column by column) through the upload page; the time until the
   review page has been rendered (the worker polls every 0.1 s) is the median of 3 uploads.
   Target: under 3 s.
3. The review of a 50-meeting x 500-item text file: page time and size (target < 2 s, < 2 MB),
   then its confirmation: the request (which hands the save to the worker) and the time until
   the worker has saved all 25 000 items (the run's status "confirmed"). BENCH_CONFIRM_MEETINGS
   (default 50) times the confirmation of a file of that many 500-item meetings instead.
4. OCR seconds per page for an image-only (scanned) PDF, when tesseract is installed.

BENCH_IMPORT_DB names the scratch database (default ``partssamarbeid_bench_import``); it is
dropped and created again.

The last line printed is one JSON object.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "importers"))

from bench_pages import measure_in_child, production_env, run_benchmark  # noqa: E402

PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_IMPORT_DB", "partssamarbeid_bench_import")
PAGES = 30
RUNS = 3
# meetings of 500 items whose confirmation is timed (50: the whole 50x500 file; fewer on a busy host)
CONFIRM_MEETINGS = int(os.environ.get("BENCH_CONFIRM_MEETINGS", "50"))


def portal_document(pages: int, variant: int) -> bytes:
    from bench_parser import synthetic_protocol_lines
    from portal_pdf import portal_pdf

    lines = synthetic_protocol_lines(pages * 50)
    text = "\n".join(lines).replace("Bjørkdal kommune", "Vaksdal kommune", 1)
    text = text.replace("Møtedato: 10.06.2024", f"Møtedato: {10 + variant:02d}.06.2024", 1)
    for row in ("Kari Holt Leder AP", "Per Lund Nestleder H", "Anne Moe Medlem SP", "Liv Aas Medlem Fagforbundet"):
        text = text.replace(row, "\t".join(row.rsplit(" ", 2)))
    pdf = portal_pdf(text, header="Vaksdal kommune - Møteprotokoll - Administrasjonsutvalget")
    return pdf


def _wait_ready(client, run_pk: int, timeout: float = 300, done=("ready", "failed")) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/imports/{run_pk}/status/").json()["status"]
        if status in done:
            return status
        time.sleep(0.05)
    raise SystemExit(f"import {run_pk} was not done within {timeout} s")


def _confirm_first_page(client, run_pk: int) -> tuple[float, float]:
    """Confirm a big run from its first review page: seconds for the request, and until saved."""
    from imports.review import ITEMS_PER_PAGE
    from meetings.models import ImportRun

    entry = ImportRun.objects.get(pk=run_pk).preview["meetings"][0]
    data = {"m0_include": "on", "m0_body": entry["body_id"], "m0_date": entry["data"]["date"],
            "m0_place": entry["data"]["place"] or "", "m0_state": entry["data"]["state"], "action": "confirm"}
    for i, item in enumerate(entry["data"]["items"][:ITEMS_PER_PAGE]):
        data.update({f"m0_i{i}_case_number": item["case_number"] or "", f"m0_i{i}_title": item["title"]})
    started = time.perf_counter()
    response = client.post(f"/imports/{run_pk}/confirm/?meeting=0&page=1", data)
    assert response.status_code == 302, response.status_code
    request_s = time.perf_counter() - started
    status = _wait_ready(client, run_pk, timeout=1800, done=("confirmed", "ready"))
    assert status == "confirmed", (status, ImportRun.objects.get(pk=run_pk).errors)
    return request_s, time.perf_counter() - started


def _upload(client, name: str, data: bytes, content_type: str) -> tuple[float, int, int]:
    """Seconds from the upload to a rendered review page, the page's bytes, and the run's pk."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetings.models import ImportRun

    started = time.perf_counter()
    response = client.post("/kommuner/4628/import/", {"files": [SimpleUploadedFile(name, data, content_type=content_type)]})
    assert response.status_code == 302, response.status_code
    run = ImportRun.objects.latest("pk")
    status = _wait_ready(client, run.pk)
    assert status == "ready", (status, ImportRun.objects.get(pk=run.pk).errors)
    page = client.get(f"/imports/{run.pk}/")
    assert page.status_code == 200
    return time.perf_counter() - started, len(page.content), run.pk


def measure() -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partssamarbeid.settings")
    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from imports.parsers import ocr
    from municipalities.models import Body, Municipality
    from tests import factories as f
    from tests.imports.big_documents import notices

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)  # the pages use the manifest (DEBUG=0)
    vaksdal = Municipality.objects.get(number="4628")
    Body.objects.get_or_create(municipality=vaksdal, name="Administrasjonsutvalget")
    user = f.HRProfileFactory(user__username="bench-hr", municipality=vaksdal).user
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    result: dict = {}
    try:
        seconds = []
        for variant in range(RUNS):
            elapsed, _size, _pk = _upload(client, f"protokoll-{variant}.pdf", portal_document(PAGES, variant), "application/pdf")
            seconds.append(elapsed)
        result["upload_to_review_30_page_pdf_s"] = round(statistics.median(seconds), 2)
        big = notices(50, 500).encode()
        parse_s, _size, pk = _upload(client, "stor.txt", big, "text/plain")
        started = time.perf_counter()
        page = client.get(f"/imports/{pk}/")
        result["review_50x500_page_s"] = round(time.perf_counter() - started, 3)
        result["review_50x500_page_bytes"] = len(page.content)
        result["upload_to_review_50x500_s"] = round(parse_s, 2)
        print(json.dumps(result), file=sys.stderr, flush=True)  # the review figures, before the long save
        if CONFIRM_MEETINGS < 50:  # a shorter save: the same review flow on the first meetings
            _elapsed, _size, pk = _upload(client, "stor-del.txt", notices(CONFIRM_MEETINGS, 500).encode(), "text/plain")
        request_s, saved_s = _confirm_first_page(client, pk)
        result["confirm_items"] = CONFIRM_MEETINGS * 500
        result["confirm_request_s"] = round(request_s, 3)
        result["confirm_saved_s"] = round(saved_s, 1)
        result["confirm_items_per_s"] = round(CONFIRM_MEETINGS * 500 / saved_s, 1)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    if ocr.available():
        import pypdfium2 as pdfium
        from bench_parser import synthetic_protocol_lines
        from scanned_pdf import scanned_pdf

        pdf = pdfium.PdfDocument(scanned_pdf("\n".join(synthetic_protocol_lines(100))))
        started = time.perf_counter()
        ocr.recognise(pdf, list(range(len(pdf))), time.monotonic() + 600)
        result["ocr_s_per_page"] = round((time.perf_counter() - started) / len(pdf), 2)
        pdf.close()
    else:
        result["ocr_s_per_page"] = None
    return result


def main() -> dict:
    for statement in (f'DROP DATABASE IF EXISTS "{DATABASE}"', f'CREATE DATABASE "{DATABASE}"'):
        subprocess.run(["psql", f"{PG_URL}/postgres", "-qc", statement], check=True)
    env = production_env(
        DATABASE_URL=f"{PG_URL}/{DATABASE}", MEDIA_ROOT=tempfile.mkdtemp(prefix="bench-import-media-")
    )
    result = measure_in_child(__file__, env, "import benchmark failed", stderr_chars=5000)
    print(
        f"upload to review, {PAGES}-page PDF: {result['upload_to_review_30_page_pdf_s']} s (target < 3 s); "
        f"50x500 review page: {result['review_50x500_page_s']} s, {result['review_50x500_page_bytes']} bytes "
        f"(targets < 2 s, < 2 MB); confirming {result['confirm_items']} items: {result['confirm_request_s']} s in the "
        f"request, saved by the worker after {result['confirm_saved_s']} s ({result['confirm_items_per_s']} items/s); "
        f"OCR: {result['ocr_s_per_page']} s per page"
    )
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    run_benchmark(measure, main)
