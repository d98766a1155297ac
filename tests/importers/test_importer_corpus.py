"""The real Vaksdal document (notice 22.08.2023 with the protocol of 07.02.2023 attached).

The corpus is not part of the repository: set PARTSSAMARBEID_CORPUS to the directory holding
it. Person names are not written here; they are read from the corpus by a simple line-based
oracle and compared with what the parser found.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from imports.parsers.pipeline import parse_document

CORPUS_FILE = "vaksdal-administrasjonsutvalet-2023-08-22.txt"


@pytest.fixture(scope="module")
def corpus_bytes() -> bytes:
    directory = os.environ.get("PARTSSAMARBEID_CORPUS")
    if not directory:
        pytest.skip("PARTSSAMARBEID_CORPUS not set: directory holding the Vaksdal corpus file")
    path = Path(directory) / CORPUS_FILE
    if not path.exists():
        pytest.skip(f"PARTSSAMARBEID_CORPUS has no {CORPUS_FILE}")
    return path.read_bytes()


@pytest.fixture(scope="module", params=["original", "flattened"])
def doc(request, corpus_bytes):
    data = corpus_bytes
    if request.param == "flattened":
        data = " ".join(corpus_bytes.decode("utf-8").split()).encode("utf-8")
    return parse_document(data, CORPUS_FILE)


@pytest.fixture(scope="module")
def oracle(corpus_bytes) -> dict[str, list]:
    """Names from the protocol's attendance tables, read line by line."""
    lines = [line.strip() for line in corpus_bytes.decode("utf-8").splitlines()]
    start = lines.index("Medlemmer Parti Rolle")
    forfall = next(i for i in range(start, len(lines)) if lines[i].startswith("Forfall Parti"))
    andre = next(i for i in range(forfall, len(lines)) if lines[i].startswith("Andre møtande"))
    members = []
    for line in filter(None, lines[start + 1 : forfall]):
        words = line.split()
        words = words[:-1]  # role
        if words[-1].isupper():
            words = words[:-1]  # party
        members.append(" ".join(words))
    absences = []
    for line in filter(None, lines[forfall + 1 : andre]):
        if "Arbeidstakarrepr." in line:
            absent, _, sub = line.partition(" Arbeidstakarrepr. ")
            absences.append((absent.strip(), sub.strip() or None))
        else:
            absences.append((" ".join(line.split()[:-1]), None))
    others = [n.strip() for n in lines[andre + 1].split(",")]
    return {"members": members, "absences": absences, "others": others}


def test_two_meetings_sorted_by_date(doc):
    assert doc.family == "sing"
    assert [(m.date, m.document_kind, m.state) for m in doc.meetings] == [
        (dt.date(2023, 2, 7), "protocol", "held"),
        (dt.date(2023, 8, 22), "notice", "planned"),
    ]
    for meeting in doc.meetings:
        assert meeting.municipality_name == "Vaksdal"
        assert meeting.body_name == "Administrasjonsutvalet"
        assert meeting.place == "Kommunestyresalen"
        assert (meeting.start, meeting.end) == (dt.time(10, 0), dt.time(11, 30))


def test_protocol_attendance(doc, oracle):
    protocol = doc.meetings[0]
    att = protocol.attendance
    assert len(att) == 14
    assert sum(a.present for a in att) == 12
    political = [a for a in att if a.side == "political" and a.present]
    assert [a.organisation for a in political] == ["SP", "SV", "FRP", "H", "AP", "AP"]
    assert [a.role for a in political] == ["Utvalsleiar", "Nestleiar"] + ["Medlem"] * 4
    members = [a for a in att if a.present and a.substitute_for is None and a.side != "other"]
    assert [a.name for a in members] == oracle["members"]
    employees = [a for a in members if a.side == "employee"]
    assert len(employees) == 2
    assert [a.role for a in employees] == ["Arbeidstakarrepr.", "Arbeidstakarrepr."]
    assert [a.organisation for a in employees] == ["Fagforbundet", None]  # known from a request

    absent = [a for a in att if not a.present]
    assert [(a.name, a.side, a.organisation) for a in absent] == [
        (oracle["absences"][0][0], "employee", None),
        (oracle["absences"][1][0], "political", "H"),
    ]
    substitutes = [a for a in att if a.substitute_for]
    assert [(a.name, a.substitute_for, a.side, a.present, a.role) for a in substitutes] == [
        (oracle["absences"][0][1], oracle["absences"][0][0], "employee", True, "Varamedlem")
    ]
    assert oracle["absences"][1][1] is None
    others = [a for a in att if a.side == "other"]
    assert [a.name for a in others] == oracle["others"]
    assert all(a.present and a.organisation is None for a in others)


def test_protocol_items_and_decisions(doc):
    items = doc.meetings[0].items
    assert [(i.case_number, i.position, i.type, i.procedural) for i in items] == [
        ("01/2023", 1, "PS", True),
        ("02/2023", 2, "PS", True),
        ("03/2023", 3, "PS", True),
        ("04/2023", 4, "PS", False),
        ("05/2023", 5, "PS", False),
        (None, 6, "orientering", False),  # the HR lead's oral reports (issue 12 point 8)
    ]
    assert [i.title for i in items] == [
        "GODKJENNING AV INNKALLING OG SAKSLISTE",
        "GODKJENNING AV MØTEPROTOKOLL",
        "REFERATSAKER OG MELDINGAR",
        "Gjennomgang av kommunen sitt behov for lærlingar i alle sektorer",
        "Inspel til debatthefte II, 2023 - Mellomoppgjeret 2023",
        "Orienteringar",
    ]
    assert items[5].text.startswith("HR-leiar") and items[5].text.endswith("utlyste stillingar.")
    assert items[0].administration_proposal == "Innkalling og saksliste vert godkjent."
    assert items[0].handling == "Samrøystes vedteke."
    assert items[0].decision == "Innkalling og saksliste vert godkjent."
    assert items[2].decision == "Referatsakene vert tatt til orientering."
    assert items[3].decision.startswith("· Saka vert godkjend slik den ligg føre")
    assert items[3].decision.endswith("funksjonstillegg på 12.000,- i året.")
    assert "950" not in items[3].decision  # point 2 was not adopted
    assert items[4].decision.startswith("Alternativ til innstilling:")
    assert " ".join(items[4].decision.split()).endswith("løfte lågtlønsgruppene, jfr. Punkt 1")


def _summary(item):
    return [(p.kind, p.proposers, p.outcome, p.votes_for, p.votes_against) for p in item.proposals]


def test_protocol_proposals_and_votes(doc):
    items = doc.meetings[0].items
    for item in items[:3]:
        assert _summary(item) == [("administration", [], "adopted", None, None)]
    assert _summary(items[3]) == [
        ("administration", [], "adopted", None, None),
        ("amendment", ["Fagforbundet"], "adopted", None, None),
    ]
    assert items[3].proposals[1].text == (
        "Fagforbundet foreslår at instruktørar for lærlingar får eit funksjonstillegg på 12.000,- i året."
    )
    assert _summary(items[4]) == [
        ("administration", [], "fell", 1, 9),
        ("additional", ["Fagforbundet"], "withdrawn", None, None),
        ("additional", ["Utdanningsforbundet"], "withdrawn", None, None),
        ("additional", ["SV"], "withdrawn", None, None),
        ("joint", ["SV", "SP", "H", "AP", "Utdanningsforbundet", "Fagforbundet"], "adopted", 9, 1),
    ]
    assert items[4].proposals[2].text == (
        "Utdanningsforbundet ynskjer i hovudsak at lønsoppgjeret vert forhandla sentralt."
    )


def test_protocol_requests_linked_to_later_case(doc):
    protocol = doc.meetings[0]
    employee_with_org = next(a for a in protocol.attendance if a.organisation == "Fagforbundet")
    assert [
        (r.by, r.organisation, r.asks_for_agenda_item, r.resulting_case_number)
        for r in protocol.requests
    ] == [
        (employee_with_org.name, "Fagforbundet", False, None),
        (employee_with_org.name, "Fagforbundet", True, "09/2023"),
    ]
    assert "sak om inngåelse av trepartssamarbeid" in protocol.requests[1].text
    assert doc.meetings[1].item("09/2023").title == "Kommunalt trepartssamarbeid"


def test_notice_items(doc):
    notice = doc.meetings[1]
    assert notice.attendance == []
    assert [(i.case_number, i.type, i.archive_id, i.procedural) for i in notice.items] == [
        ("06/2023", "PS", "23/1002", True),
        ("07/2023", "PS", "23/1002", True),
        ("08/2023", "PS", "23/1002", True),
        ("09/2023", "PS", "23/1070", False),
        ("10/2023", "PS", None, False),
    ]
    assert [i.title for i in notice.items] == [
        "GODKJENNING AV INNKALLING OG SAKSLISTE",
        "GODKJENNING AV MØTEPROTOKOLL",
        "REFERATSAKER OG MELDINGAR",
        "Kommunalt trepartssamarbeid",
        "Oppsummering frå arbeidsgruppa om toppbemanning",
    ]
    proposals = [i.administration_proposal for i in notice.items]
    assert proposals[:3] == [
        "Innkalling og saksliste vert godkjent.",
        "Protokollen vert godkjent slik han ligg føre.",
        "Referatsakene vert tekne til orientering.",
    ]
    assert proposals[3].startswith("ADMU fattar ikkje avgjerd i saka")
    assert proposals[3].endswith("lokalt trepartssamarbeid i Vaksdal kommune.")
    assert proposals[4].startswith("Kommunedirektøren tilrår ikkje at ein i Vaksdal opprettar")
    assert proposals[4].endswith("til disposisjon i periodar med mykje fråvær.")
    for item in notice.items:
        assert [(p.kind, p.outcome) for p in item.proposals] == [("administration", "not_voted")]
    assert notice.items[1].text.startswith("Vedlegg:")
    assert "MØTEPROTOKOLL" not in notice.items[1].text  # the attached protocol is cut out
    assert "Bakgrunn for saka" in notice.items[3].text


def test_no_vaksdal_item_is_climate_related(doc):
    for meeting in doc.meetings:
        for item in meeting.items:
            assert item.climate.level == "none", (item.case_number, item.climate.evidence)
            assert item.env_assessment == "not_assessed"


def test_json_contract(doc):
    data = doc.to_dict()
    meeting = data["meetings"][0]
    assert meeting["municipality"] is None
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2023-02-07", "10:00", "11:30")
    assert meeting["items"][4]["proposals"][4]["proposers"][-1] == "Fagforbundet"
    assert meeting["items"][0]["climate"] == {"level": "none", "evidence": []}
    assert meeting["requests"][1]["resulting_case_number"] == "09/2023"


def test_corpus_parses_without_runaway_work(corpus_bytes):
    """A guard against a catastrophic pattern, in CPU time (wall time depends on the host's load);
    the importer's speed itself is measured by ``make bench-import``."""
    parse_document(corpus_bytes, CORPUS_FILE)  # warm caches
    started = time.process_time()
    parse_document(corpus_bytes, CORPUS_FILE)
    assert time.process_time() - started < 0.5
