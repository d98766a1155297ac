"""Upload, review and confirm through the pages, as HR; refused for everyone else."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import AgendaItem, ImportRun, Meeting

from ..helpers.imports import model_counts
from .documents import NOTICE_2024_04, OTHER_MUNICIPALITY, PROTOCOL_2024_02

pytestmark = pytest.mark.django_db


def text_file(name, content):
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/plain")


def pdf_from_text(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in text.splitlines():
        if y < 40:
            pdf.showPage()
            y = 800
        pdf.drawString(40, y, line)
        y -= 14
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def hr(client_for, vaksdal_body):
    return client_for("hr_a")


def confirm_payload(run: ImportRun, **overrides) -> dict:
    data = {}
    for m, entry in enumerate(run.preview["meetings"]):
        data.update({
            f"m{m}_include": "on", f"m{m}_body": entry["body_id"], f"m{m}_date": entry["data"]["date"],
            f"m{m}_place": entry["data"]["place"] or "", f"m{m}_state": entry["data"]["state"],
        })
        for i, item in enumerate(entry["data"]["items"]):
            data.update({f"m{m}_i{i}_case_number": item["case_number"] or "", f"m{m}_i{i}_title": item["title"]})
        for c, change in enumerate(entry.get("changes", [])):
            if change["kind"] != "conflict":  # as the page ticks them
                data[f"m{m}_c{c}"] = "on"
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_upload_review_confirm(upload, hr, vaksdal_body):
    before = model_counts()
    response = upload(hr, text_file("protokoll.txt", PROTOCOL_2024_02), text_file("innkalling.txt", NOTICE_2024_04))
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("imports:import_detail", args=[run.pk])
    assert run.status == "ready" and run.progress == 100
    assert [m["data"]["date"] for m in run.preview["meetings"]] == ["2024-02-06", "2024-04-16"]
    counts = model_counts()
    assert {k: counts[k] for k in ("Meeting", "AgendaItem")} == {k: before[k] for k in ("Meeting", "AgendaItem")}
    page = hr.get(run.get_absolute_url()).content.decode()
    assert "Parkeringsavgift for tilsette ved rådhuset" in page and "Sykkelparkering for tilsette" in page
    response = hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run))
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == "confirmed"
    assert sorted(Meeting.objects.filter(body=vaksdal_body).values_list("date", "state")) == [
        (__import__("datetime").date(2024, 2, 6), "held"), (__import__("datetime").date(2024, 4, 16), "planned"),
    ]
    assert run.result["counts"]["inserted"] == model_counts()["Meeting"] + model_counts()["AgendaItem"] + model_counts()["Attendance"] + model_counts()["Proposal"] + model_counts()["Request"] - sum(before[k] for k in ("Meeting", "AgendaItem", "Attendance", "Proposal", "Request"))
    meeting_page = hr.get(Meeting.objects.get(date="2024-02-06").get_absolute_url()).content.decode()
    assert "protokoll.txt" in meeting_page


def test_a_pdf_with_a_text_layer_is_read(upload, hr):
    upload(hr, SimpleUploadedFile("protokoll.pdf", pdf_from_text(PROTOCOL_2024_02), content_type="application/pdf"))
    run = ImportRun.objects.get()
    assert run.status == "ready"
    assert [i["case_number"] for i in run.preview["meetings"][0]["data"]["items"]] == ["01/2024", "02/2024"]


def test_unchecked_meeting_is_not_saved_and_override_needs_a_reason(upload, hr, vaksdal_body):
    upload(hr, text_file("p.txt", PROTOCOL_2024_02), text_file("n.txt", NOTICE_2024_04))
    run = ImportRun.objects.get()
    url = reverse("imports:import_confirm", args=[run.pk])
    response = hr.post(url, confirm_payload(run, m0_i1_override="none"))
    assert response.status_code == 400
    assert "Oppgi en begrunnelse når du overstyrer klimarelevansen." in response.content.decode()
    assert Meeting.objects.filter(body=vaksdal_body).count() == 0
    response = hr.post(url, confirm_payload(run, m1_include=None, m0_i1_override="mentions", m0_i1_reason="Mest om trafikk"))
    assert response.status_code == 302
    assert list(Meeting.objects.filter(body=vaksdal_body).values_list("date", flat=True)) == [__import__("datetime").date(2024, 2, 6)]
    item = AgendaItem.objects.get(case_number="02/2024")
    assert (item.climate_level, item.climate_override, item.climate_override_reason, item.effective_climate_level) == (
        "linked", "mentions", "Mest om trafikk", "mentions")


def test_override_survives_reimport(upload, hr, vaksdal_body):
    upload(hr, text_file("p.txt", PROTOCOL_2024_02))
    run = ImportRun.objects.get()
    hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run))
    item = AgendaItem.objects.get(case_number="02/2024")
    hr.post(reverse("meetings:item_climate_override", args=[item.pk]), {"climate_override": "none", "climate_override_reason": "Berre parkering"})
    upload(hr, text_file("p2.txt", PROTOCOL_2024_02 + "\n"))
    run2 = ImportRun.objects.latest("pk")
    hr.post(reverse("imports:import_confirm", args=[run2.pk]), confirm_payload(run2))
    item.refresh_from_db()
    assert (item.climate_level, item.climate_override, item.effective_climate_level) == ("linked", "none", "none")


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "Den innsendte filen er tom."),
        ("garbage.bin", bytes(range(256)) * 20, "Fila er verken PDF eller tekst."),
        ("sarpsborg.txt", OTHER_MUNICIPALITY.encode(), "Dokumentet gjelder Sarpsborg, ikke Vaksdal."),
    ],
)
def test_bad_files_give_a_clear_error_and_write_nothing(upload, hr, name, content, message):
    before = model_counts()
    response = upload(hr, SimpleUploadedFile(name, content))
    if response.status_code == 302:
        response = hr.get(response["Location"])
    assert message in response.content.decode()
    after = model_counts()
    assert {k: after[k] for k in ("Meeting", "AgendaItem", "Attendance")} == {k: before[k] for k in ("Meeting", "AgendaItem", "Attendance")}


def test_oversized_file_is_refused(upload, hr, settings):
    settings.IMPORT_MAX_BYTES = 1000
    response = upload(hr, text_file("big.txt", PROTOCOL_2024_02 * 3))
    assert response.status_code == 200
    assert "big.txt er større enn 20 MB." in response.content.decode()
    assert ImportRun.objects.count() == 0


@pytest.mark.parametrize("role, status", [("union_rep_a", 403), ("hr_b", 403), ("adviser", 403), ("superuser", 200)])
def test_only_hr_of_the_municipality_may_import(client_for, vaksdal_body, role, status):
    client = client_for(role)
    assert client.get(reverse("imports:import_upload", args=["4628"])).status_code == status


def test_other_users_cannot_see_or_confirm_a_run(upload, hr, client_for, vaksdal_body):
    upload(hr, text_file("p.txt", PROTOCOL_2024_02))
    run = ImportRun.objects.get()
    for role in ("hr_b", "union_rep_a", "adviser"):
        client = client_for(role)
        assert client.get(run.get_absolute_url()).status_code == 404
        assert client.get(reverse("imports:import_status", args=[run.pk])).status_code == 404
        assert client.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run)).status_code == 404
    assert Meeting.objects.count() == 0


def test_status_json(upload, hr):
    upload(hr, text_file("p.txt", PROTOCOL_2024_02))
    run = ImportRun.objects.get()
    response = hr.get(reverse("imports:import_status", args=[run.pk]))
    assert response.json() == {"status": "ready", "label": "Klar til gjennomgang", "progress": 100}


def test_imported_meetings_are_drafts_unless_published_in_the_review(upload, hr, vaksdal_body, client_for):
    upload(hr, text_file("p.txt", PROTOCOL_2024_02), text_file("n.txt", NOTICE_2024_04))
    run = ImportRun.objects.get()
    page = hr.get(run.get_absolute_url()).content.decode()
    assert page.count('name="m0_publish"') == 1 and 'name="m0_publish" checked' not in page
    assert hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run, m1_publish="on")).status_code == 302
    assert sorted(Meeting.objects.filter(body=vaksdal_body).values_list("date", "published")) == [
        (__import__("datetime").date(2024, 2, 6), False), (__import__("datetime").date(2024, 4, 16), True),
    ]
    draft = Meeting.objects.get(date="2024-02-06")
    # drafts stay inside the municipality
    assert client_for("adviser").get(draft.get_absolute_url()).status_code == 404
    assert client_for("union_rep_a").get(draft.get_absolute_url()).status_code == 200


def test_hr_publishes_and_unpublishes_from_the_meeting_page(upload, hr, vaksdal_body, client_for):
    upload(hr, text_file("p.txt", PROTOCOL_2024_02))
    run = ImportRun.objects.get()
    hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run))
    meeting = Meeting.objects.get()
    url = reverse("meetings:meeting_publish", args=[meeting.pk])
    assert f'action="{url}"' in hr.get(meeting.get_absolute_url()).content.decode()
    assert f'action="{url}"' not in client_for("union_rep_a").get(meeting.get_absolute_url()).content.decode()
    for role, status in [("union_rep_a", 403), ("hr_b", 404), ("adviser", 404), ("anonymous", 302)]:
        assert client_for(role).post(url, {"publish": "1"}).status_code == status
    meeting.refresh_from_db()
    assert meeting.published is False
    assert hr.get(url).status_code == 405
    response = hr.post(url, {"publish": "1"})
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    meeting.refresh_from_db()
    assert meeting.published is True
    assert client_for("adviser").get(meeting.get_absolute_url()).status_code == 200
    hr.post(url, {"publish": "0"})
    meeting.refresh_from_db()
    assert meeting.published is False


def test_history_shows_files_who_and_result_and_pending_or_failed_imports_can_be_discarded(upload, hr, client_for):
    from meetings.models import SourceDocument

    upload(hr, text_file("protokoll.txt", PROTOCOL_2024_02))
    saved = ImportRun.objects.get()
    hr.post(reverse("imports:import_confirm", args=[saved.pk]), confirm_payload(saved))
    upload(hr, text_file("innkalling.txt", NOTICE_2024_04))
    pending = ImportRun.objects.latest("pk")
    upload(hr, SimpleUploadedFile("tom.pdf", b"%PDF-1.4\n%%EOF"))
    failed = ImportRun.objects.latest("pk")
    assert (pending.status, failed.status) == ("ready", "failed")
    page = hr.get(reverse("imports:import_upload", args=["4628"])).content.decode()
    for text in ("protokoll.txt", "innkalling.txt", "tom.pdf", "hr_a", "1 møte til gjennomgang", "PDF-en kan ikke leses"):
        assert text in page
    assert page.count('action="/imports/') == 2  # discard buttons for the pending and the failed import
    for role in ("hr_b", "union_rep_a", "adviser"):
        assert client_for(role).post(reverse("imports:import_discard", args=[pending.pk])).status_code in (403, 404)
    response = hr.post(reverse("imports:import_discard", args=[pending.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("imports:import_upload", args=["4628"])
    hr.post(reverse("imports:import_discard", args=[failed.pk]))
    assert list(ImportRun.objects.values_list("pk", flat=True)) == [saved.pk]
    assert list(SourceDocument.objects.values_list("filename", flat=True)) == ["protokoll.txt"]
    # a saved import stays
    response = hr.post(reverse("imports:import_discard", args=[saved.pk]))
    assert response.status_code == 302 and ImportRun.objects.filter(pk=saved.pk).exists()


def test_a_meeting_without_a_date_asks_for_it_before_saving(upload, hr, vaksdal_body):
    undated = PROTOCOL_2024_02.replace("06.02.2024", "")
    upload(hr, text_file("udatert.txt", undated))
    run = ImportRun.objects.get()
    assert run.status == "ready" and run.preview["meetings"][0]["data"]["date"] is None
    page = hr.get(run.get_absolute_url()).content.decode()
    assert "Dato (mangler i dokumentet: fyll den inn)" in page
    before = model_counts()
    url = reverse("imports:import_confirm", args=[run.pk])
    response = hr.post(url, confirm_payload(run, m0_date=""))
    assert response.status_code == 400
    assert "Fyll inn møtedatoen: dokumentet oppgir den ikke" in response.content.decode()
    assert model_counts() == before
    response = hr.post(url, confirm_payload(run, m0_date="2024-02-06"))
    assert response.status_code == 302
    assert Meeting.objects.get(body=vaksdal_body).date.isoformat() == "2024-02-06"


@pytest.mark.parametrize("case_number", ["1-2024", "01/024", "1234/2024", "sak 01/2024"])
def test_a_corrected_case_number_in_the_wrong_form_is_refused_and_nothing_is_saved(upload, hr, case_number):
    upload(hr, text_file("p.txt", PROTOCOL_2024_02))
    run = ImportRun.objects.get()
    before = model_counts()
    response = hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run, m0_i0_case_number=case_number))
    assert response.status_code == 400
    assert "Skriv saksnummeret som NN/ÅÅÅÅ (for eksempel 04/2023) eller NNN/ÅÅ." in response.content.decode()
    assert model_counts() == before
    run.refresh_from_db()
    assert run.status == "ready"


@pytest.mark.parametrize("preview", [{}, {"warnings": []}, None])
def test_ready_run_without_preview_is_a_clean_page(hr, vaksdal_body, users, preview):
    """A run marked ready whose preview lists no meetings: a page that says so, no form, no 500;
    a confirmation of it saves nothing."""
    run = ImportRun.objects.create(
        municipality=vaksdal_body.municipality, created_by=users["hr_a"], status=ImportRun.Status.READY,
        preview=preview if preview is not None else [],
    )
    response = hr.get(run.get_absolute_url())
    assert response.status_code == 200
    assert response.context["form"] is None
    assert [str(m) for m in response.context["messages"]] == [
        "Denne importen har ingenting å gå gjennom. Forkast den i listen over importer og last opp dokumentet på nytt."
    ]
    before = model_counts()
    response = hr.post(reverse("imports:import_confirm", args=[run.pk]), {})
    assert response.status_code == 302 and response["Location"] == run.get_absolute_url()
    assert model_counts() == before
    run.refresh_from_db()
    assert run.status == ImportRun.Status.READY
