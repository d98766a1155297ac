"""The import_protocol and classify_item commands: JSON contract, idempotency, conflicts, atomicity."""
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from imports import importing
from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request

from ..helpers.imports import model_counts
from .documents import NOTICE_2024_04, OTHER_MUNICIPALITY, PROTOCOL_2024_02

pytestmark = pytest.mark.django_db


def run(*args) -> dict:
    """Run the command as a person would: in the default language (bokmål)."""
    from io import StringIO

    out = StringIO()
    with translation.override("nb"):
        call_command("import_protocol", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_json_contract_and_records(vaksdal_body, write_file):
    path = write_file("protokoll.txt", PROTOCOL_2024_02)
    output = run(path, "--municipality", "4628")
    assert set(output) == {"meetings", "counts", "conflicts", "warnings"}
    [meeting] = output["meetings"]
    assert {k: meeting[k] for k in ("municipality", "body", "date", "start", "end", "place", "state")} == {
        "municipality": "4628", "body": "Administrasjonsutvalet", "date": "2024-02-06", "start": "10:00",
        "end": "11:30", "place": "Kommunestyresalen", "state": "held",
    }
    assert [i["case_number"] for i in meeting["items"]] == ["01/2024", "02/2024"]
    parking = meeting["items"][1]
    assert parking["climate"]["level"] == "linked"
    assert [(p["kind"], p["proposers"], p["outcome"], p["votes_for"]) for p in parking["proposals"]] == [
        ("administration", [], "adopted", 4), ("amendment", ["Fagforbundet"], "fell", 2),
    ]
    stored = Meeting.objects.get(body=vaksdal_body, date="2024-02-06")
    assert stored.state == "held" and stored.published is False  # imported meetings are drafts
    assert stored.last_imported_at is not None
    assert stored.source_documents.get().filename == "protokoll.txt"
    statuses = {(a.display_name, a.status, a.substitute_for.person.name if a.substitute_for else None)
                for a in stored.attendances.select_related("person", "substitute_for__person")}
    assert statuses == {
        ("Sigrid Fjellheim", "present", None), ("Tor Brekkestø", "present", None),
        ("Ola Nordtveit", "present", None), ("Kari Vestrheim", "absent", None),
        ("Liv Haugen", "present", "Kari Vestrheim"), ("Eva Dalsbø", "present", None),
    }
    # every member was matched to a person; the administration's guest stays a name
    assert Attendance.objects.filter(meeting=stored, person__isnull=True).get().name == "Eva Dalsbø"
    item = AgendaItem.objects.get(meeting=stored, case_number="02/2024")
    assert item.climate_level == "linked"
    assert {e["phrase"].lower() for e in item.climate_evidence} >= {"parkeringsavgift for tilsette"}
    amendment = Proposal.objects.get(item=item, kind="amendment")
    assert [o.short_name for o in amendment.proposers.all()] == ["Fagforbundet"]
    assert output["counts"] == {"inserted": sum(model_counts()[k] for k in ("Meeting", "Attendance", "AgendaItem", "Proposal", "Request")), "updated": 0, "unchanged": 0}


def test_publish_flag_publishes_and_a_later_import_never_unpublishes(vaksdal_body, write_file):
    path = write_file("protokoll.txt", PROTOCOL_2024_02)
    run(path, "--municipality", "4628", "--publish")
    assert Meeting.objects.get(body=vaksdal_body, date="2024-02-06").published is True
    second = run(path, "--municipality", "4628")
    assert second["counts"]["updated"] == 0
    assert Meeting.objects.get(body=vaksdal_body, date="2024-02-06").published is True


def test_second_import_changes_nothing(vaksdal_body, write_file):
    path = write_file("protokoll.txt", PROTOCOL_2024_02)
    first = run(path, "--municipality", "4628")
    before = model_counts()
    snapshot = list(AgendaItem.objects.values().order_by("pk"))
    second = run(path, "--municipality", "4628")
    assert second["counts"] == {"inserted": 0, "updated": 0, "unchanged": first["counts"]["inserted"]}
    assert model_counts() == before
    assert list(AgendaItem.objects.values().order_by("pk")) == snapshot


def test_dry_run_writes_nothing(vaksdal_body, write_file):
    path = write_file("protokoll.txt", PROTOCOL_2024_02)
    before = model_counts()
    output = run(path, "--municipality", "4628", "--dry-run")
    assert output["counts"]["inserted"] > 0
    assert model_counts() == before


def test_hand_correction_survives_a_newer_version(vaksdal_body, write_file):
    run(write_file("v1.txt", PROTOCOL_2024_02), "--municipality", "4628")
    item = AgendaItem.objects.get(case_number="02/2024")
    item.title = "Parkeringsavgift for tilsette (retta)"
    item.save()
    newer = PROTOCOL_2024_02.replace("Parkeringsavgift for tilsette ved rådhuset", "Parkeringsavgift for tilsette ved rådhuset og skulane").replace(
        "Møtestad: Kommunestyresalen", "Møtestad: Formannskapssalen"
    )
    output = run(write_file("v2.txt", newer), "--municipality", "4628")
    item.refresh_from_db()
    assert item.title == "Parkeringsavgift for tilsette (retta)"
    assert output["conflicts"] == ["Sak 02/2024: «tittel» var rettet for hånd og ble ikke overskrevet."]
    assert Meeting.objects.get(date="2024-02-06").place == "Formannskapssalen"
    assert output["counts"]["updated"] >= 1


def test_notice_then_protocol_turns_planned_into_held_and_never_back(vaksdal_body, write_file):
    notice = NOTICE_2024_04
    run(write_file("notice.txt", notice), "--municipality", "4628")
    assert Meeting.objects.get(date="2024-04-16").state == "planned"
    protocol = notice.replace("MØTEINNKALLING", "MØTEPROTOKOLL")
    run(write_file("protocol.txt", protocol), "--municipality", "4628")
    assert Meeting.objects.get(date="2024-04-16").state == "held"
    run(write_file("notice.txt", notice), "--municipality", "4628")
    assert Meeting.objects.get(date="2024-04-16").state == "held"


def test_request_is_linked_to_the_item_it_produced_in_a_later_import(vaksdal_body, write_file):
    run(write_file("protokoll.txt", PROTOCOL_2024_02), "--municipality", "4628")
    request = Request.objects.get()
    assert request.asks_for_agenda_item is True
    assert request.resulting_item is None
    run(write_file("notice.txt", NOTICE_2024_04), "--municipality", "4628")
    request.refresh_from_db()
    assert (request.resulting_item.case_number, request.resulting_item.meeting.date.isoformat()) == ("06/2024", "2024-04-16")


def test_document_for_another_municipality_is_refused(vaksdal_body, write_file):
    before = model_counts()
    with pytest.raises(CommandError, match="Dokumentet gjelder Sarpsborg, ikke Vaksdal."):
        run(write_file("sarpsborg.txt", OTHER_MUNICIPALITY), "--municipality", "4628")
    assert model_counts() == before


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "Fila er tom."),
        (bytes(range(256)) * 40, "Fila er verken PDF eller tekst."),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(vaksdal_body, write_file, content, message):
    before = model_counts()
    with pytest.raises(CommandError, match=message):
        run(write_file("bad.txt", content), "--municipality", "4628")
    assert model_counts() == before


def test_an_import_that_fails_half_way_writes_nothing(vaksdal_body, write_file, monkeypatch):
    calls = {"n": 0}
    original = importing._apply_item

    def fail_on_second_item(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(importing, "_apply_item", fail_on_second_item)
    before = model_counts()
    with pytest.raises(RuntimeError):
        run(write_file("protokoll.txt", PROTOCOL_2024_02), "--municipality", "4628")
    assert model_counts() == before


def test_unknown_municipality_number(write_file, db):
    with pytest.raises(CommandError, match="Unknown municipality number: 9999"):
        run(write_file("p.txt", PROTOCOL_2024_02), "--municipality", "9999")


def test_classify_item_command_prints_level_and_evidence():
    from io import StringIO

    out = StringIO()
    call_command("classify_item", "--title", "Parkeringsavgift for tilsette", "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["level"] == "linked"
    assert result["evidence"][0]["phrase"] == "Parkeringsavgift for tilsette"
    out = StringIO()
    call_command("classify_item", "--title", "Psykososialt arbeidsmiljø og samarbeidsklima", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"level": "none", "evidence": [], "env_assessment": "not_assessed"}


def test_imported_attendance_is_in_the_history(vaksdal_body, write_file):
    """Attendance is written in bulk; every row still gets its history record, and a newer version
    that replaces the attendance records both the removals and the additions."""
    run(write_file("v1.txt", PROTOCOL_2024_02), "--municipality", "4628")
    meeting = Meeting.objects.get(date="2024-02-06")
    first = sorted(Attendance.objects.filter(meeting=meeting).values_list("pk", flat=True))
    assert len(first) == 6
    created = Attendance.history.filter(meeting_id=meeting.pk, history_type="+")
    assert sorted(created.values_list("id", flat=True)) == first

    newer = PROTOCOL_2024_02.replace("Tor Brekkestø AP Medlem\n", "")
    run(write_file("v2.txt", newer), "--municipality", "4628")
    now = sorted(Attendance.objects.filter(meeting=meeting).values_list("pk", flat=True))
    assert len(now) == 5
    assert sorted(Attendance.history.filter(meeting_id=meeting.pk, history_type="-").values_list("id", flat=True)) == first
    assert sorted(created.exclude(id__in=first).values_list("id", flat=True)) == now


def test_same_number_in_two_series_saves_two_items(vaksdal_body, write_file):
    path = write_file(
        "serier.txt",
        "Vaksdal kommune\nMØTEINNKALLING\nUtval: Administrasjonsutvalet\nMøtedato: 10.05.2024\n"
        "Saksliste\nPS 5/24 Referatsaker\nRS 5/24 Brev frå statsforvaltaren\nPS 6/24 Sjukefråvær\n",
    )
    run(path, "--municipality", "4628")
    stored = AgendaItem.objects.filter(meeting__body=vaksdal_body).order_by("position")
    assert [(i.case_number, i.item_type, i.title) for i in stored] == [
        ("05/2024", "PS", "Referatsaker"),
        ("05/2024", "RS", "Brev frå statsforvaltaren"),
        ("06/2024", "PS", "Sjukefråvær"),
    ]
    run(path, "--municipality", "4628")  # a second import finds each item again
    assert stored.count() == 3


def test_former_municipality_imports_with_a_note(vaksdal_body, write_file):
    from municipalities.models import Municipality

    molde = Municipality.objects.get(number="1506")
    assert importing.check_municipality("Nesset", molde) == (
        "Dokumentet nevner Nesset, som har vært en del av Molde siden 2020."
    )
    assert importing.check_municipality("Molde", molde) is None
    with pytest.raises(importing.WrongMunicipality):
        importing.check_municipality("Vaksdal", molde)
