"""Attachments kept apart from the case paper through the import and on the item page (issue 12
req. 5): stored with their titles, re-imported unchanged, read by the classifier and named as
the evidence's place; the item page shows the case paper's first screen and the rest behind a
disclosure, then lists the attachments."""
import re

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.classification import classify_item
from meetings.models import AgendaItem, Attachment, ImportRun

from .test_web import confirm_payload, text_file

pytestmark = pytest.mark.django_db

LONG_BACKGROUND = "\n".join(
    f"Avsnitt {n}: Partane har drøfta korleis arbeidsmiljøet i heimetenesta kan bli betre." for n in range(1, 41)
)

NOTICE = f"""Vaksdal kommune

MØTEINNKALLING

ADMINISTRASJONSUTVALET

Møtedato: 14.05.2024
Møtestad: Kommunestyresalen
Møtetid: 10:00 - 11:30

SAKSLISTE
SAKSNR TITTEL
07/2024 Kommunalt trepartssamarbeid

 Saksnr Utval Type Dato
07/2024

Administrasjonsutvalet PS 14.05.2024

Sakshandsamar Arkiv ArkivsakID
Eva Dalsbø FE-033 24/1200

Kommunalt trepartssamarbeid

Vedlegg:
Handbok i kommunalt samarbeid
Referat frå allmøtet

Kommunedirektøren sitt framlegg til vedtak:

Saka vert teken til orientering.

Bakgrunn for saka:

{LONG_BACKGROUND}


Handbok i kommunalt samarbeid
Ei arbeidsgruppe kan sjå på energibruk og klimagassutslepp i kommunale bygg.

MØTEBOK
Referat frå allmøtet
Allmøtet drøfta lønsoppgjeret.
"""


@pytest.fixture
def hr(client_for, vaksdal_body):
    return client_for("hr_a")


def imported(upload, hr, content=NOTICE):
    upload(hr, text_file("innkalling.txt", content))
    run = ImportRun.objects.exclude(status="confirmed").get()
    hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run))
    run.refresh_from_db()
    return run


def test_attachments_are_stored_apart_with_their_titles_and_read_by_the_classifier(upload, hr):
    run = imported(upload, hr)
    assert run.status == "confirmed"
    item = AgendaItem.objects.get(case_number="07/2024")
    assert "klimagassutslepp" not in item.text and item.text.endswith("Avsnitt 40: Partane har drøfta korleis "
                                                                      "arbeidsmiljøet i heimetenesta kan bli betre.")
    assert list(item.attachments.values_list("position", "title", "text")) == [
        (1, "Handbok i kommunalt samarbeid",
         "Handbok i kommunalt samarbeid Ei arbeidsgruppe kan sjå på energibruk og klimagassutslepp i kommunale bygg."),
        (2, "Referat frå allmøtet", "MØTEBOK Referat frå allmøtet Allmøtet drøfta lønsoppgjeret."),
    ]
    assert item.climate_level == "mentions"
    assert {e["field"] for e in item.climate_evidence} == {"attachment[0]"}
    # the stored item classifies the same way (the attachments are read from the database too)
    assert classify_item(AgendaItem.objects.get(pk=item.pk), save=False).to_dict()["evidence"] == item.climate_evidence


def test_importing_the_same_file_again_changes_no_attachment(upload, hr):
    imported(upload, hr)
    first = list(Attachment.objects.values_list("pk", flat=True))
    upload(hr, text_file("innkalling-igjen.txt", NOTICE + "\n"))
    run = ImportRun.objects.exclude(status="confirmed").get()
    assert run.preview["meetings"][0]["changes"] == []
    hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(run))
    assert list(Attachment.objects.values_list("pk", flat=True)) == first


def test_a_changed_attachment_is_shown_as_a_change_before_it_is_saved(upload, hr):
    imported(upload, hr)
    upload(hr, text_file("ny.txt", NOTICE.replace("Allmøtet drøfta lønsoppgjeret.", "Allmøtet drøfta turnus.")))
    run = ImportRun.objects.exclude(status="confirmed").get()
    changes = [(c["id"], c["added"], c["removed"]) for c in run.preview["meetings"][0]["changes"]]
    assert changes == [("item:PS:07/2024:attachments", ["Referat frå allmøtet"], ["Referat frå allmøtet"])]


def test_the_item_page_shows_the_first_screen_the_rest_behind_a_disclosure_and_the_attachments(upload, hr):
    imported(upload, hr)
    item = AgendaItem.objects.get(case_number="07/2024")
    opening, rest = item.case_paper_parts
    assert len(opening) <= AgendaItem.CASE_PAPER_OPENING_CHARS and rest
    assert " ".join((opening + " " + rest).split()) == " ".join(item.text.split())
    with translation.override("nb"):
        page = hr.get(item.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    details = re.findall(r"<details[^>]*><summary[^>]*>([^<]+)</summary>", page)
    assert details == ["Vis hele saksframlegget", "Handbok i kommunalt samarbeid", "Referat frå allmøtet"]
    assert '<h2 class="h5" id="attachments-heading">Vedlegg</h2>' in page
    assert "<td>Vedlegg 1</td>" in page  # the evidence's place
