"""Each document's parse is bounded: a child process with a time and memory budget."""
from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imports.parsers import ProtocolImportError, parse_document
from imports.parsers.errors import MESSAGES
from imports.parsers.isolation import ParseBudget, parse_isolated
from meetings.models import ImportRun

from .documents import PROTOCOL_2024_02
from .faulty import hostile_pdf

SMALL = ParseBudget(seconds=2, memory_mb=200)


def parse_with(parser: str, data: bytes = b"x", budget: ParseBudget = SMALL):
    started = time.monotonic()
    with pytest.raises(ProtocolImportError) as caught:
        parse_isolated(data, "f.pdf", budget=budget, parser=f"tests.imports.faulty.{parser}")
    return caught.value, time.monotonic() - started


def test_a_normal_document_parses_as_in_process():
    data = PROTOCOL_2024_02.encode()
    assert parse_isolated(data, "protokoll.txt") == parse_document(data, "protokoll.txt")


def test_errors_come_back_with_their_code_and_message():
    with pytest.raises(ProtocolImportError) as caught:
        parse_isolated(b"", "tom.txt")
    assert (caught.value.code, caught.value.message) == ("empty", MESSAGES["empty"])


def test_a_hostile_pdf_is_too_complex_within_the_budget():
    data = hostile_pdf(inflated_mb=8)
    assert len(data) < 100_000
    started = time.monotonic()
    with pytest.raises(ProtocolImportError) as caught:
        parse_isolated(data, "hostile.pdf", budget=SMALL)
    assert caught.value.code == "too_complex"
    assert caught.value.message == MESSAGES["too_complex"]
    assert time.monotonic() - started < SMALL.seconds + 5


def test_a_parse_that_hangs_is_stopped_at_the_deadline():
    error, took = parse_with("sleeping_parse", budget=ParseBudget(seconds=1, memory_mb=200))
    assert error.code == "too_complex" and error.detail == "over 1 s"
    assert took < 5


def test_a_parse_that_hoards_memory_is_stopped_at_the_budget():
    error, took = parse_with("allocating_parse", budget=ParseBudget(seconds=20, memory_mb=120))
    assert error.code == "too_complex" and error.detail == "child killed by signal 9"
    assert took < 15


def test_a_crash_is_an_internal_error_not_a_hang():
    error, _took = parse_with("crashing_parse")
    assert (error.code, error.detail) == ("internal", "child exited with 3")


def test_the_worker_reads_the_other_files_of_a_run(client_for, vaksdal_body, settings, django_capture_on_commit_callbacks):
    """A hostile file gets its message; the good file in the same upload is still read."""
    from django.urls import reverse

    settings.IMPORT_PARSE_SECONDS, settings.IMPORT_PARSE_MEMORY_MB = 2, 200
    files = [
        SimpleUploadedFile("hostile.pdf", hostile_pdf(inflated_mb=8), content_type="application/pdf"),
        SimpleUploadedFile("protokoll.txt", PROTOCOL_2024_02.encode(), content_type="text/plain"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        client_for("hr_a").post(reverse("imports:import_upload", args=["4628"]), {"files": files})
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.READY
    assert run.errors == [{"filename": "hostile.pdf", "code": "too_complex", "message": MESSAGES["too_complex"]}]
    assert [m["data"]["date"] for m in run.preview["meetings"]] == ["2024-02-06"]
    page = client_for("hr_a").get(run.get_absolute_url()).content.decode()
    assert MESSAGES["too_complex"] in page
