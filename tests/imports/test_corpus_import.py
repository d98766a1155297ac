"""The real Vaksdal document end to end (skipped with a reason when the corpus is not available)."""
import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request

pytestmark = pytest.mark.django_db

CORPUS = os.environ.get("PARTSSAMARBEID_CORPUS")
VAKSDAL = "vaksdal-administrasjonsutvalet-2023-08-22.txt"


@pytest.fixture
def corpus_file():
    if not CORPUS:
        pytest.skip("PARTSSAMARBEID_CORPUS not set: the real meeting documents are not available")
    path = Path(CORPUS) / VAKSDAL
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return str(path)


def import_json(path, *extra):
    out = StringIO()
    call_command("import_protocol", path, "--municipality", "4628", "--body", "Administrasjonsutvalet", "--json", *extra, stdout=out)
    return json.loads(out.getvalue())


def test_vaksdal_document_imports_into_two_meetings(corpus_file):
    output = import_json(corpus_file)
    meetings = list(Meeting.objects.filter(body__municipality="4628").order_by("date"))
    assert [(m.date.isoformat(), m.state, str(m.start_time), str(m.end_time), m.place) for m in meetings] == [
        ("2023-02-07", "held", "10:00:00", "11:30:00", "Kommunestyresalen"),
        ("2023-08-22", "planned", "10:00:00", "11:30:00", "Kommunestyresalen"),
    ]
    protocol, notice = meetings
    # the five cases, then the HR lead's oral reports as an unnumbered orientering item
    assert list(protocol.items.values_list("case_number", "item_type")) == [
        *((f"0{n}/2023", "PS") for n in range(1, 6)), ("", "orientering"),
    ]
    assert list(notice.items.values_list("case_number", flat=True)) == ["06/2023", "07/2023", "08/2023", "09/2023", "10/2023"]
    # attendance: 12 present (6 politicians, 2 employee representatives, 1 substitute, 3 others), 2 absent
    present = Attendance.objects.filter(meeting=protocol, status="present")
    assert present.count() == 12
    assert {side: present.filter(side=side).count() for side in ("political", "employee", "other")} == {
        "political": 6, "employee": 3, "other": 3,
    }
    assert Attendance.objects.filter(meeting=protocol, status="absent").count() == 2
    substitute = Attendance.objects.get(meeting=protocol, role__startswith="Varamedlem for ")
    assert substitute.status == "present" and substitute.side == "employee"
    # the 9-1 vote
    votes = Proposal.objects.filter(item__meeting=protocol, item__case_number="05/2023", votes_for__isnull=False)
    assert sorted((p.kind, p.outcome, p.votes_for, p.votes_against) for p in votes) == [
        ("administration", "fell", 1, 9), ("joint", "adopted", 9, 1),
    ]
    joint = votes.get(kind="joint")
    assert sorted(o.short_name for o in joint.proposers.all()) == ["AP", "Fagforbundet", "H", "SP", "SV", "Utdanningsforbundet"]
    # the employee side's request produced 09/2023
    linked = Request.objects.get(meeting=protocol, asks_for_agenda_item=True)
    assert linked.organisation.short_name == "Fagforbundet"
    assert (linked.resulting_item.case_number, linked.resulting_item.title) == ("09/2023", "Kommunalt trepartssamarbeid")
    # no Vaksdal item is climate-related
    assert AgendaItem.objects.filter(meeting__body__municipality="4628").exclude(climate_level="none").count() == 0
    assert {m["municipality"] for m in output["meetings"]} == {"4628"}


def test_importing_the_vaksdal_document_twice_changes_nothing(corpus_file):
    first = import_json(corpus_file)
    second = import_json(corpus_file)
    assert second["counts"] == {"inserted": 0, "updated": 0, "unchanged": first["counts"]["inserted"]}
