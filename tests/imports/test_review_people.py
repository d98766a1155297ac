"""People from the review (issue 12 req. 6): an unmatched name is matched to an existing person
or added as a member of the body in one step, and the next import of the same body matches it
without asking."""
import datetime

import pytest
from django.urls import reverse

from meetings.models import Attendance, ImportRun
from municipalities.models import Membership, Organisation, Person, PersonAlias

from ..helpers.imports import model_counts
from .documents import PROTOCOL_2024_02
from .test_web import confirm_payload, text_file

pytestmark = pytest.mark.django_db

# Tor Brekkestø printed without his ø; Ola Nordtveit's seat taken by a new employee representative
UNMATCHED = PROTOCOL_2024_02.replace("Tor Brekkestø AP Medlem", "Tor Brekkesto AP Medlem").replace(
    "Ola Nordtveit Arbeidstakarrepr.", "Nina Berg Arbeidstakarrepr."
)
NEXT_MEETING = UNMATCHED.replace("06.02.2024", "05.03.2024")


@pytest.fixture
def hr(client_for, vaksdal_body):
    return client_for("hr_a")


def rows(run: ImportRun) -> dict[str, int]:
    return {row["name"]: a for a, row in enumerate(run.preview["meetings"][0]["data"]["attendance"])}


def warnings(run: ImportRun) -> list[str]:
    return [w for w in run.preview["meetings"][0]["warnings"] if "matches no member" in w or "medlem" in w]


def test_an_unmatched_name_is_matched_or_added_and_the_next_import_remembers(upload, hr, vaksdal_body):
    upload(hr, text_file("februar.txt", UNMATCHED))
    run = ImportRun.objects.get()
    index = rows(run)
    assert [(name, run.preview["meetings"][0]["data"]["attendance"][a]["person_id"]) for name, a in index.items()
            if name in ("Tor Brekkesto", "Nina Berg")] == [("Tor Brekkesto", None), ("Nina Berg", None)]
    page = hr.get(run.get_absolute_url()).content.decode()
    tor, nina = index["Tor Brekkesto"], index["Nina Berg"]
    assert f'name="m0_a{nina}_add"' in page and f'name="m0_a{tor}_person"' in page
    tor_person = Person.objects.get(name="Tor Brekkestø")
    fagforbundet = Organisation.objects.get(short_name="Fagforbundet")
    response = hr.post(reverse("imports:import_confirm", args=[run.pk]), confirm_payload(
        run, **{
            f"m0_a{tor}_person": tor_person.pk,
            f"m0_a{nina}_add": "on", f"m0_a{nina}_side": "employee", f"m0_a{nina}_role": "medlem",
            f"m0_a{nina}_organisation": fagforbundet.pk, f"m0_a{nina}_start": "2024-01-01", f"m0_a{nina}_end": "",
        },
    ))
    assert response.status_code == 302
    nina_person = Person.objects.get(name="Nina Berg", municipality_id="4628")
    assert list(Membership.objects.filter(person=nina_person).values_list(
        "body", "side", "role", "on_behalf_of__short_name", "start_date", "end_date"
    )) == [(vaksdal_body.pk, "employee", "medlem", "Fagforbundet", datetime.date(2024, 1, 1), None)]
    assert list(PersonAlias.objects.values_list("body", "name", "person")) == [
        (vaksdal_body.pk, "Tor Brekkesto", tor_person.pk)
    ]
    saved = {
        a.person.name: (a.membership.side if a.membership else None)
        for a in Attendance.objects.filter(person__name__in=["Tor Brekkestø", "Nina Berg"]).select_related("person", "membership")
    }
    assert saved == {"Tor Brekkestø": "political", "Nina Berg": "employee"}

    # the next meeting's protocol: both names are matched without asking
    upload(hr, text_file("mars.txt", NEXT_MEETING))
    second = ImportRun.objects.exclude(pk=run.pk).get()
    attendance = second.preview["meetings"][0]["data"]["attendance"]
    found = {row["name"]: (row["person_id"], row["remembered"]) for row in attendance if row["name"] in ("Tor Brekkesto", "Nina Berg")}
    assert found == {"Tor Brekkesto": (tor_person.pk, True), "Nina Berg": (nina_person.pk, False)}
    assert not [w for w in second.preview["meetings"][0]["warnings"] if "Brekkesto" in w or "Nina Berg" in w]
    page = hr.get(second.get_absolute_url()).content.decode()
    assert f'name="m0_a{rows(second)["Tor Brekkesto"]}_person"' not in page


def test_an_alias_belongs_to_its_body(upload, hr, vaksdal_body):
    from tests import factories as f

    other = f.BodyFactory(municipality=vaksdal_body.municipality, name="Arbeidsmiljøutvalet")
    PersonAlias.objects.create(body=other, name="Tor Brekkesto", person=Person.objects.get(name="Tor Brekkestø"))
    upload(hr, text_file("februar.txt", UNMATCHED))
    run = ImportRun.objects.get()
    attendance = run.preview["meetings"][0]["data"]["attendance"]
    assert attendance[rows(run)["Tor Brekkesto"]]["person_id"] is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"person": "tor", "add": "on"}, "Velg enten en eksisterende person eller legg til et nytt medlem, ikke begge deler."),
        ({"add": "on", "start": "2024-03-01", "end": "2024-02-01"}, "Sluttdatoen kan ikke være før startdatoen."),
        ({"add": "on", "start": ""}, "Oppgi datoen medlemskapet starter."),
    ],
)
def test_contradictory_or_incomplete_decisions_save_nothing(upload, hr, fields, message):
    upload(hr, text_file("februar.txt", UNMATCHED))
    run = ImportRun.objects.get()
    nina = rows(run)["Nina Berg"]
    values = {"side": "employee", "role": "medlem", "start": "2024-01-01", **fields}
    if values.get("person") == "tor":
        values["person"] = Person.objects.get(name="Tor Brekkestø").pk
    before = model_counts(), Person.objects.count(), Membership.objects.count(), PersonAlias.objects.count()
    response = hr.post(
        reverse("imports:import_confirm", args=[run.pk]),
        confirm_payload(run, **{f"m0_a{nina}_{k}": v for k, v in values.items()}),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (model_counts(), Person.objects.count(), Membership.objects.count(), PersonAlias.objects.count()) == before
