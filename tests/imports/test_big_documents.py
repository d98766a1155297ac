"""Big documents: reviewed one meeting at a time, items in pages, limits reported with counts."""
import datetime
import re

import pytest
from django.urls import reverse

from imports.review import ITEMS_PER_PAGE
from imports.tasks import save_import_run
from meetings.models import AgendaItem, ImportRun, Meeting

from .big_documents import notices
from .test_web import confirm_payload, text_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr(client_for, vaksdal_body):
    return client_for("hr_a")


def inputs(page: str) -> set[str]:
    return set(re.findall(r'<(?:input|select|textarea)[^>]* name="(m\d+_[^"]+)"', page))


def test_items_beyond_the_limit_are_reported_with_their_count(upload, hr):
    upload(hr, text_file("stor.txt", notices(1, 520)))
    run = ImportRun.objects.get()
    assert len(run.preview["meetings"][0]["data"]["items"]) == 500
    assert run.preview["documents"][0]["warnings"][-1] == (
        "20 saker ble ikke lest: høyst 500 saker per møte leses, og dokumentet nevner 520 saksnumre. "
        "Del opp dokumentet for å importere resten."
    )
    assert run.preview["documents"][0]["warnings"][-1] in hr.get(run.get_absolute_url()).content.decode()


def test_many_meetings_are_reviewed_one_at_a_time_and_corrections_are_kept(
    upload, hr, vaksdal_body, django_capture_on_commit_callbacks
):
    upload(hr, text_file("mange.txt", notices(12, 3)))
    run = ImportRun.objects.get()
    page = hr.get(run.get_absolute_url()).content.decode()
    assert {name.split("_")[0] for name in inputs(page)} == {"m0"}
    assert page.count('href="?meeting=') == 12
    url = reverse("imports:import_confirm", args=[run.pk])
    response = hr.post(url + "?meeting=0&page=1", confirm_payload(run, m0_place="Rådhuset", action="next"))
    assert response.status_code == 302 and response["Location"] == run.get_absolute_url() + "?meeting=1&page=1"
    run.refresh_from_db()
    assert run.status == "ready" and run.preview["meetings"][0]["data"]["place"] == "Rådhuset"
    assert Meeting.objects.count() == 0
    page = hr.get(response["Location"]).content.decode()
    assert {name.split("_")[0] for name in inputs(page)} == {"m1"}
    with django_capture_on_commit_callbacks(execute=True):  # the worker saves a big document
        response = hr.post(url + "?meeting=11&page=1", confirm_payload(run, action="confirm"))
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == "confirmed"
    assert Meeting.objects.filter(body=vaksdal_body).count() == 12
    assert Meeting.objects.order_by("date").first().place == "Rådhuset"


def test_items_of_a_big_meeting_come_in_pages(upload, hr, django_capture_on_commit_callbacks):
    upload(hr, text_file("lang.txt", notices(1, 250)))
    run = ImportRun.objects.get()
    first = inputs(hr.get(run.get_absolute_url()).content.decode())
    assert {n for n in first if n.endswith("_title")} == {f"m0_i{i}_title" for i in range(ITEMS_PER_PAGE)}
    last_page = -(-250 // ITEMS_PER_PAGE)
    last = inputs(hr.get(run.get_absolute_url() + f"?meeting=0&page={last_page}").content.decode())
    assert {n for n in last if n.endswith("_title")} == {f"m0_i{i}_title" for i in range((last_page - 1) * ITEMS_PER_PAGE, 250)}
    url = reverse("imports:import_confirm", args=[run.pk])
    with django_capture_on_commit_callbacks(execute=True):
        hr.post(url + f"?meeting=0&page={last_page}", confirm_payload(run, m0_i249_title="Siste sak, retta", action="confirm"))
    assert AgendaItem.objects.count() == 250
    assert AgendaItem.objects.get(case_number="250/2024").title == "Siste sak, retta"


def test_a_50_meeting_500_item_document_gives_a_small_review_page(upload, hr):
    upload(hr, text_file("svaer.txt", notices(50, 500)))
    run = ImportRun.objects.get()
    assert len(run.preview["meetings"]) == 50
    page = hr.get(run.get_absolute_url()).content.decode()
    assert len(page.encode()) < 2_000_000
    assert len(inputs(page)) < 5 * ITEMS_PER_PAGE + 20


def test_a_big_document_is_saved_by_the_worker_once_however_often_it_is_confirmed(
    upload, hr, vaksdal_body, django_capture_on_commit_callbacks
):
    upload(hr, text_file("mange.txt", notices(12, 3)))
    run = ImportRun.objects.get()
    url = reverse("imports:import_confirm", args=[run.pk]) + "?meeting=0&page=1"
    with django_capture_on_commit_callbacks() as queued:
        first = hr.post(url, confirm_payload(run, action="confirm"))
        second = hr.post(url, confirm_payload(run, action="confirm"), follow=True)
        run.refresh_from_db()
        assert (first.status_code, run.status, Meeting.objects.count()) == (302, "saving", 0)
        page = hr.get(run.get_absolute_url()).content.decode()
        assert "<strong>Lagres</strong>" in page and "bakgrunnsprosessen lagrer de 12 møtene" in page
        assert "Denne importen blir allerede lagret." in second.content.decode()
    assert len(queued) == 1  # the second submit queued nothing
    queued[0]()
    run.refresh_from_db()
    assert (run.status, run.result["counts"]["inserted"], Meeting.objects.count()) == ("confirmed", 12 + 36, 12)
    assert run.confirmed_by.username == "hr_a"
    assert save_import_run.call(run.pk) == "confirmed"  # a duplicate of the task saves nothing
    assert (Meeting.objects.count(), AgendaItem.objects.count()) == (12, 36)


def test_a_refused_background_save_goes_back_to_review_with_the_message(
    upload, hr, vaksdal_body, django_capture_on_commit_callbacks, monkeypatch
):
    from imports import tasks
    from imports.parsers.errors import ProtocolImportError

    def refuse(*args, **kwargs):
        Meeting.objects.create(body=vaksdal_body, date="2024-01-01")  # rolled back with the refusal
        raise ProtocolImportError("no_body", "Velg utvalet.")

    monkeypatch.setattr(tasks, "apply_preview", refuse)
    upload(hr, text_file("mange.txt", notices(12, 3)))
    run = ImportRun.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        hr.post(reverse("imports:import_confirm", args=[run.pk]) + "?meeting=0&page=1", confirm_payload(run, action="confirm"))
    run.refresh_from_db()
    assert (run.status, run.errors, Meeting.objects.count()) == (
        "ready", [{"filename": "", "code": "no_body", "message": "Velg utvalet."}], 0
    )
    assert "Velg utvalet." in hr.get(run.get_absolute_url()).content.decode()


def test_a_save_whose_worker_was_lost_goes_back_to_review(upload, hr, vaksdal_body, settings):
    from django.utils import timezone

    from imports.tasks import recover_stale_runs

    upload(hr, text_file("mange.txt", notices(12, 3)))
    run = ImportRun.objects.get()
    hr.post(reverse("imports:import_confirm", args=[run.pk]) + "?meeting=0&page=1", confirm_payload(run, action="confirm"))
    assert ImportRun.objects.get().status == "saving"
    assert recover_stale_runs() == 0
    ImportRun.objects.update(confirmed_at=timezone.now() - datetime.timedelta(seconds=settings.IMPORT_SAVE_SECONDS + 1))
    assert recover_stale_runs() == 1
    run.refresh_from_db()
    assert (run.status, [e["code"] for e in run.errors], Meeting.objects.count()) == ("ready", ["save_lost"], 0)
