"""Every change to a saved meeting is shown before it is saved, and each can be turned down."""
import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import AgendaItem, Attendance, ImportRun, Meeting, Proposal

from .documents import PROTOCOL_2024_02
from .test_web import confirm_payload, pdf_from_text, text_file

pytestmark = pytest.mark.django_db

CHANGED = (
    PROTOCOL_2024_02.replace("Møtestad: Kommunestyresalen", "Møtestad: Møterom Fjorden")
    .replace("Møtetid: 10:00 - 11:30", "Møtetid: 10:00 - 12:15")
    .replace("fekk 2 stemmer og falt. Kommunedirektøren sitt framlegg fekk 4 stemmer",
             "fekk 3 stemmer og falt. Kommunedirektøren sitt framlegg fekk 3 stemmer")
)


HANDLING = (
    "Endringsforslag frå Fagforbundet:\nInnføringa vert utsett til hausten, og tilsette får tilbod om el-sykkel.\n\n"
    "Røysting:\nEndringsforslaget frå Fagforbundet fekk %d stemmer og falt. Kommunedirektøren sitt framlegg fekk %d stemmer og vart vedteke."
)


@pytest.fixture
def hr(client_for, vaksdal_body):
    return client_for("hr_a")


def imported(upload, hr, *files) -> ImportRun:
    upload(hr, *files)
    return ImportRun.objects.latest("pk")


def saved_first(upload, hr) -> Meeting:
    run = imported(upload, hr, text_file("p.txt", PROTOCOL_2024_02))
    assert hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run)).status_code == 302
    return Meeting.objects.get()


def changes(run: ImportRun) -> list[tuple]:
    [entry] = run.preview["meetings"]
    return [(c["id"], c["kind"], c["field"], c["old"], c["new"], c["removed"], c["added"]) for c in entry["changes"]]


def test_the_same_document_as_pdf_changes_nothing(upload, hr):
    meeting = saved_first(upload, hr)
    run = imported(upload, hr, SimpleUploadedFile("p.pdf", pdf_from_text(PROTOCOL_2024_02), content_type="application/pdf"))
    [entry] = run.preview["meetings"]
    assert entry["existing_meeting_id"] == meeting.pk and entry["changes"] == []
    page = hr.get(run.get_absolute_url()).content.decode()
    assert "ingen endringer" in page
    hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run))
    run.refresh_from_db()
    assert run.result["counts"]["updated"] == 0 and run.result["counts"]["inserted"] == 0


def test_each_change_is_listed_with_old_and_new_values_and_nothing_is_written_yet(upload, hr):
    meeting = saved_first(upload, hr)
    run = imported(upload, hr, text_file("p2.txt", CHANGED))
    found = changes(run)
    assert found == [
        ("meeting:end_time", "field", "sluttid", "11:30", "12:15", [], []),
        ("meeting:place", "field", "sted", "Kommunestyresalen", "Møterom Fjorden", [], []),
        ("item:PS:02/2024:handling", "field", "behandling", HANDLING % (2, 4), HANDLING % (3, 3), [], []),
        ("item:PS:02/2024:proposals", "set", "Forslag og avstemninger", "", "",
         ["Administrasjonens forslag: Vedtatt (4–2)", "Endringsforslag – Fagforbundet: Falt (2–4)"],
         ["Administrasjonens forslag: Vedtatt (3–3)", "Endringsforslag – Fagforbundet: Falt (3–3)"]),
    ]
    meeting.refresh_from_db()
    assert (meeting.place, meeting.end_time) == ("Kommunestyresalen", datetime.time(11, 30))
    assert sorted(Proposal.objects.exclude(votes_for=None).values_list("votes_for", flat=True)) == [2, 4]
    page = hr.get(run.get_absolute_url()).content.decode()
    assert 'name="m0_c1" id="id_m0_c1" checked' in page and "Møterom Fjorden" in page


def test_rejected_changes_keep_the_saved_values_and_accepted_ones_are_saved(upload, hr):
    meeting = saved_first(upload, hr)
    run = imported(upload, hr, text_file("p2.txt", CHANGED))
    # keep the place, take the new end time and the new votes
    response = hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run, m0_c1=None))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.place, meeting.end_time) == ("Kommunestyresalen", datetime.time(12, 15))
    assert sorted(Proposal.objects.exclude(votes_for=None).values_list("votes_for", flat=True)) == [3, 3]
    # the rejected place now counts as a hand correction: the same document proposes nothing new
    again = imported(upload, hr, text_file("p3.txt", CHANGED + "\n"))
    assert changes(again) == []


def test_a_hand_correction_is_a_conflict_kept_unless_the_reviewer_overwrites_it(upload, hr):
    saved_first(upload, hr)
    item = AgendaItem.objects.get(case_number="02/2024")
    item.title = "Parkeringsavgift (retta)"
    item.save()
    Attendance.objects.filter(name="Eva Dalsbø").update(role="Kommunedirektør")
    renamed = PROTOCOL_2024_02.replace("Parkeringsavgift for tilsette ved rådhuset", "Parkeringsavgift ved rådhuset").replace(
        "Andre møtande:\nEva Dalsbø", "Andre møtande:\nPer Dalsbø")
    run = imported(upload, hr, text_file("p2.txt", renamed))
    found = changes(run)
    assert found[0] == ("meeting:attendance", "conflict", "Oppmøte", "", "",
                        ["Eva Dalsbø: Til stede, Kommunedirektør"], ["Per Dalsbø: Til stede"])
    assert found[1] == ("item:PS:02/2024:title", "conflict", "tittel", "Parkeringsavgift (retta)", "Parkeringsavgift ved rådhuset", [], [])
    page = hr.get(run.get_absolute_url()).content.decode()
    assert 'name="m0_c1" id="id_m0_c1">' in page  # conflicts are not ticked
    # default: both corrections stay
    hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run))
    item.refresh_from_db()
    assert item.title == "Parkeringsavgift (retta)"
    assert Attendance.objects.get(name="Eva Dalsbø").role == "Kommunedirektør"
    # the reviewer overwrites the title but keeps the attendance
    run = imported(upload, hr, text_file("p3.txt", renamed + "\n"))
    hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run, m0_c1="on"))
    item.refresh_from_db()
    assert item.title == "Parkeringsavgift ved rådhuset"
    assert Attendance.objects.get(name="Eva Dalsbø").role == "Kommunedirektør"


def test_a_new_item_in_a_saved_meeting_can_be_turned_down(upload, hr):
    meeting = saved_first(upload, hr)
    extra = PROTOCOL_2024_02.replace(
        "---------------------------------------------------------------------------------------------------------------------------\nSpørsmål:",
        "---------------------------------------------------------------------------------------------------------------------------\n\n"
        "03/2024: Ny sak om kantina\n\nKommunedirektøren sitt framlegg til vedtak:\n\nSaka vert teken til orientering.\n\n"
        "---------------------------------------------------------------------------------------------------------------------------\nSpørsmål:",
    ).replace("02/2024 Parkeringsavgift for tilsette ved rådhuset\n", "02/2024 Parkeringsavgift for tilsette ved rådhuset\n03/2024 Ny sak om kantina\n")
    run = imported(upload, hr, text_file("p2.txt", extra))
    assert [c[:5] for c in changes(run)] == [("item:PS:03/2024:new", "new_item", "Ny sak", "–", "Ny sak om kantina")]
    hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run, m0_c0=None))
    assert list(meeting.items.values_list("case_number", flat=True).order_by("position")) == ["01/2024", "02/2024"]
