"""The import preview is a typed structure: validated when loaded, the same JSON when stored."""
import copy

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports import tasks
from imports.preview import AttendancePreview, MeetingPreview, Preview, PreviewError, load_preview
from meetings.models import ImportRun

from ..helpers.imports import model_counts
from .documents import PROTOCOL_2024_02

pytestmark = pytest.mark.django_db

STALE = (
    "Denne importen ble lest av en tidligere versjon av importen og kan ikke lenger gås gjennom. "
    "Forkast den i listen over importer og last opp dokumentet på nytt."
)


def stored() -> dict:
    """A preview as the importer stores it (the JSON layout of earlier versions, optional keys left out)."""
    return {
        "municipality": "4628",
        "documents": [{"id": 1, "filename": "p.txt", "sha256": "ab", "family": "generic", "pages": 0,
                       "warnings": [], "ocr": False}],
        "meetings": [{
            "key": "1-0", "document_id": 1, "body_id": 7, "existing_meeting_id": None, "include": True,
            "warnings": ["Sjekk"], "ocr": False, "filename": "p.txt", "changes": [],
            "data": {
                "municipality": "4628", "municipality_name": "Vaksdal", "body": "Administrasjonsutvalet",
                "date": "2024-02-06", "start": "10:00", "end": None, "place": None, "state": "held",
                "document_kind": "protocol",
                "attendance": [{"name": "Ola", "side": "employee", "role": None, "organisation": "Fagforbundet",
                                "present": True, "substitute_for": None, "person_id": 3, "remembered": False}],
                "items": [{
                    "case_number": "01/2024", "position": 1, "title": "Sak", "type": "PS", "archive_id": None,
                    "procedural": False, "administration_proposal": "", "handling": "", "decision": "", "text": "",
                    "proposals": [{"kind": "administration", "proposers": [], "text": "", "outcome": "adopted",
                                   "votes_for": 5, "votes_against": None}],
                    "attachments": [{"title": "Vedlegg", "text": ""}],
                    "climate": {"level": "explicit", "evidence": [
                        {"phrase": "klima", "field": "title", "start": 0, "end": 5, "category": "c"},
                        {"phrase": "parkering", "field": "title", "start": 6, "end": 15, "category": "transport",
                         "tie": {"phrase": "klima", "field": "title", "start": 0, "end": 5, "category": "c"}},
                    ]},
                    "env_assessment": "not_assessed",
                }],
                "requests": [{"by": "Ola", "organisation": None, "text": "Ber om sak", "resulting_case_number": None,
                              "asks_for_agenda_item": True}],
            },
        }],
        "warnings": [],
    }


def test_a_stored_preview_loads_into_typed_records_and_back_unchanged():
    data = stored()
    preview = Preview.from_json(copy.deepcopy(data))
    entry = preview.meetings[0]
    assert isinstance(entry, MeetingPreview) and isinstance(entry.data.attendance[0], AttendancePreview)
    assert (entry.data.items[0].proposals[0].votes_for, entry.data.items[0].climate.evidence[1].tie.phrase) == (5, "klima")
    # the optional keys an earlier version left out come back with their defaults; nothing else changes
    item = data["meetings"][0]["data"]["items"][0]
    item.update(climate_override="", climate_override_reason="")
    data["meetings"][0].update(publish=False, rejected=[], forced=[])
    data["meetings"][0]["data"]["attendance"][0].update(matched=False, new_member=None)
    assert preview.to_json() == data


def _set(path: str, value):
    def change(data):
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value
    return change


M = "meetings.0"
D = f"{M}.data"


@pytest.mark.parametrize(("change", "detail"), [
    (_set(f"{D}.dato", "2024-02-06"), "Preview.meetings[0].data: unknown key 'dato'"),
    (_set(f"{D}.items.0.case_nummer", "01/2024"), "Preview.meetings[0].data.items[0]: unknown key 'case_nummer'"),
    (_set(f"{D}.date", KeyError), "Preview.meetings[0].data: missing key 'date'"),
    (_set(f"{D}.items.0.title", KeyError), "Preview.meetings[0].data.items[0]: missing key 'title'"),
    (_set("municipality", KeyError), "Preview: missing key 'municipality'"),
    (_set(f"{D}.date", 20240206), "Preview.meetings[0].data.date: expected str, got int"),
    (_set(f"{M}.include", "yes"), "Preview.meetings[0].include: expected bool, got str"),
    (_set(f"{M}.body_id", True), "Preview.meetings[0].body_id: expected int, got bool"),
    (_set(f"{D}.attendance.0.present", 1), "Preview.meetings[0].data.attendance[0].present: expected bool, got int"),
    (_set(f"{D}.items", {}), "Preview.meetings[0].data.items: expected a list, got dict"),
    (_set(f"{D}.items.0.climate.evidence.1.tie", "klima"),
     "Preview.meetings[0].data.items[0].climate.evidence[1].tie: expected an object, got str"),
    (_set(f"{D}.items.0.proposals.0.proposers", ["AP", None]),
     "Preview.meetings[0].data.items[0].proposals[0].proposers[1]: expected str, got NoneType"),
    (_set(f"{M}.data", None), "Preview.meetings[0].data: expected an object, got NoneType"),
])
def test_a_preview_that_breaks_the_contract_is_refused_where_it_breaks_it(change, detail):
    data = stored()
    change(data)
    with pytest.raises(PreviewError) as refused:
        Preview.from_json(data)
    assert refused.value.detail == detail
    assert refused.value.code == "stale_preview"


def test_a_misspelt_attribute_is_an_error():
    entry = Preview.from_json(stored()).meetings[0]
    with pytest.raises(AttributeError):
        entry.pubilsh = True  # noqa: B018 - the misspelling is the point


@pytest.mark.parametrize("value", [None, [], {}, {"warnings": []}, {"municipality": "4628", "meetings": []}])
def test_a_preview_without_meetings_is_nothing_to_review(value):
    assert load_preview(value) is None


@pytest.fixture
def stale_run(vaksdal_body, users):
    data = stored()
    data["meetings"][0]["data"]["items"][0]["saksnummer"] = "01/2024"  # a key this version does not know
    return ImportRun.objects.create(
        municipality=vaksdal_body.municipality, created_by=users["hr_a"], status=ImportRun.Status.READY, preview=data,
    )


def test_a_stale_stored_preview_asks_for_a_new_upload_instead_of_failing(client_for, stale_run):
    hr = client_for("hr_a")
    response = hr.get(stale_run.get_absolute_url())
    assert response.status_code == 200
    assert response.context["form"] is None
    assert [str(m) for m in response.context["messages"]] == [STALE]
    before = model_counts()
    response = hr.post(reverse("imports:import_confirm", args=[stale_run.pk]), {"m0_include": "on"})
    assert response.status_code == 302 and response["Location"] == stale_run.get_absolute_url()
    assert model_counts() == before
    stale_run.refresh_from_db()
    assert stale_run.status == ImportRun.Status.READY


def test_a_stale_preview_handed_to_the_worker_goes_back_to_review_with_the_message(stale_run):
    ImportRun.objects.filter(pk=stale_run.pk).update(status=ImportRun.Status.SAVING)
    before = model_counts()
    assert tasks.save_import_run.call(stale_run.pk) == ImportRun.Status.READY
    stale_run.refresh_from_db()
    assert stale_run.status == ImportRun.Status.READY
    assert stale_run.errors == [{"filename": "", "code": "stale_preview", "message": STALE}]
    assert model_counts() == before


def test_an_upload_stores_a_preview_that_loads(client_for, vaksdal_body, upload):
    hr = client_for("hr_a")
    upload(hr, SimpleUploadedFile("p.txt", PROTOCOL_2024_02.encode(), content_type="text/plain"))
    run = ImportRun.objects.get()
    preview = Preview.from_json(run.preview)
    assert preview.to_json() == run.preview
    assert [entry.data.date for entry in preview.meetings] == ["2024-02-06"]
