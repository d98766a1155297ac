"""Synthetic documents of each family, as text, flattened text and a generated PDF:
every form must give the same meetings, attendance, items, proposals and requests."""

from __future__ import annotations

import datetime as dt

import pytest
from synthetic_docs import DOCUMENTS, flattened, make_pdf

from imports.parsers.pipeline import detect_family, parse_document, parse_text

FORMS = ["text", "flattened", "pdf"]
_cache: dict[tuple[str, str], object] = {}


def parsed(family: str, form: str):
    key = (family, form)
    if key not in _cache:
        text = DOCUMENTS[family]
        if form == "text":
            _cache[key] = parse_document(text.encode("utf-8"), f"{family}.txt")
        elif form == "flattened":
            _cache[key] = parse_text(flattened(text))
        else:
            _cache[key] = parse_document(make_pdf(text), f"{family}.pdf")
    return _cache[key]


def attendance(meeting):
    return [
        (a.name, a.side, a.role, a.organisation, a.present, a.substitute_for)
        for a in meeting.attendance
    ]


def proposals(item):
    return [(p.kind, p.proposers, p.outcome, p.votes_for, p.votes_against) for p in item.proposals]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("family", ["sing", "elements", "generic"])
@pytest.mark.parametrize("form", FORMS)
def test_family_detected(family, form):
    assert parsed(family, form).family == family


def test_detect_scores():
    module, score = detect_family(DOCUMENTS["sing"])
    assert (module.NAME, score) == ("sing", 1.0)
    module, score = detect_family(DOCUMENTS["elements"])
    assert (module.NAME, score) == ("elements", 1.0)
    assert detect_family(DOCUMENTS["generic"])[0].NAME == "generic"


# ------------------------------------------------------------------ Sing (nynorsk)


@pytest.mark.parametrize("form", FORMS)
def test_sing_meetings(form):
    doc = parsed("sing", form)
    assert [(m.date, m.document_kind, m.state) for m in doc.meetings] == [
        (dt.date(2024, 1, 16), "protocol", "held"),
        (dt.date(2024, 3, 12), "notice", "planned"),
    ]
    protocol, notice = doc.meetings
    assert (protocol.municipality_name, protocol.body_name, protocol.place) == (
        "Fjellvik",
        "Administrasjonsutvalet",
        "Formannskapssalen",
    )
    assert (protocol.start, protocol.end) == (dt.time(9, 0), dt.time(11, 45))
    assert (notice.start, notice.end) == (dt.time(9, 0), dt.time(12, 0))


@pytest.mark.parametrize("form", FORMS)
def test_sing_attendance(form):
    protocol = parsed("sing", form).meetings[0]
    assert attendance(protocol) == [
        ("Kari Brekke", "political", "Utvalsleiar", "AP", True, None),
        ("Odd Rasmussen", "political", "Nestleiar", "H", True, None),
        ("Gunhild Sæther", "political", "Medlem", "SP", True, None),
        ("Petter Fjeld", "political", "Medlem", "FRP", True, None),
        ("Hanne Lid", "political", "Medlem", "SV", True, None),
        ("Mona Tveit", "employee", "Arbeidstakarrepr.", "Fagforbundet", True, None),
        ("Rune Skaar", "employee", "Arbeidstakarrepr.", "Delta", True, None),
        ("Ingrid Vatne", "employee", "Arbeidstakarrepr.", None, False, None),
        ("Tone Bratt", "employee", "Varamedlem", None, True, "Ingrid Vatne"),
        ("Leif Moe", "political", None, "KRF", False, None),
        ("Geir Husdal", "other", None, None, True, None),
        ("Siri Nesheim", "other", None, None, True, None),
    ]


@pytest.mark.parametrize("form", FORMS)
def test_sing_protocol_items(form):
    items = parsed("sing", form).meetings[0].items
    assert [(i.case_number, i.title, i.type, i.procedural) for i in items] == [
        ("01/2024", "GODKJENNING AV INNKALLING OG SAKSLISTE", "PS", True),
        ("02/2024", "GODKJENNING AV MØTEPROTOKOLL", "PS", True),
        ("03/2024", "Parkeringsavgift for tilsette ved rådhuset", "PS", False),
        ("04/2024", "Lønspolitisk plan 2024-2027", "PS", False),
        (None, "Orienteringar", "orientering", False),  # the oral reports (issue 12 point 8)
    ]
    assert flat(items[4].text) == "HR-leiar orienterer om sjukefråvær."
    assert proposals(items[0]) == [("administration", [], "adopted", None, None)]
    assert proposals(items[2]) == [
        ("administration", [], "adopted", 6, 3),
        ("amendment", ["Fagforbundet"], "fell", 3, 6),
        ("additional", ["SV"], "adopted", None, None),
    ]
    assert flat(items[2].proposals[1].text) == (
        "Parkeringsavgifta vert utsett til det er etablert sykkelparkering og eit betre kollektivtilbod."
    )
    assert proposals(items[3]) == [
        ("administration", [], "adopted", 8, 1),
        ("joint", ["AP", "H", "Utdanningsforbundet"], "withdrawn", None, None),
    ]
    assert flat(items[2].decision) == (
        "Det vert innført parkeringsavgift for tilsette ved rådhuset frå 1. mai 2024. Inntektene "
        "går til kommunen sitt klimafond. Kommunen skal tilby tilsette rabatt på kollektivtransport."
    )
    assert flat(items[3].handling) == (
        "Utdanningsforbundet trekk fellesforslaget. Kommunedirektøren sitt framlegg vart vedteke "
        "med 8 mot 1 stemmer."
    )
    assert [i.climate.level for i in items] == ["none", "none", "linked", "none", "none"]


@pytest.mark.parametrize("form", FORMS)
def test_sing_requests(form):
    protocol = parsed("sing", form).meetings[0]
    assert [
        (r.by, r.organisation, r.asks_for_agenda_item, r.resulting_case_number)
        for r in protocol.requests
    ] == [
        ("Mona Tveit", "Fagforbundet", True, "09/2024"),
        ("Rune Skaar", "Delta", False, None),
    ]


@pytest.mark.parametrize("form", FORMS)
def test_sing_notice_items(form):
    items = parsed("sing", form).meetings[1].items
    assert [(i.case_number, i.title, i.type, i.archive_id, i.procedural) for i in items] == [
        ("07/2024", "GODKJENNING AV INNKALLING OG SAKSLISTE", "PS", "24/210", True),
        ("08/2024", "GODKJENNING AV MØTEPROTOKOLL", "PS", "24/210", True),
        ("09/2024", "Sykkelordning for tilsette", "PS", "24/388", False),
        ("10/2024", "Orientering om sjukefråvær", "PS", "24/390", False),
    ]
    assert [flat(i.administration_proposal) for i in items] == [
        "Innkalling og saksliste vert godkjent.",
        "Protokollen vert godkjent slik han ligg føre.",
        "Fjellvik kommune innfører ei sykkelordning der tilsette kan lease elsykkel gjennom lønstrekk.",
        "Saka vert teken til orientering.",
    ]
    assert all(proposals(i) == [("administration", [], "not_voted", None, None)] for i in items)
    assert [i.climate.level for i in items] == ["none", "none", "linked", "none"]
    assert [i.env_assessment for i in items] == [
        "not_assessed",
        "not_assessed",
        "consequences",
        "none_found",
    ]
    assert "Bakgrunn for saka" in items[2].text


# ------------------------------------------------------------------ Elements (bokmål)


@pytest.mark.parametrize("form", FORMS)
def test_elements_header_and_attendance(form):
    doc = parsed("elements", form)
    assert len(doc.meetings) == 1
    meeting = doc.meetings[0]
    assert (meeting.date, meeting.document_kind, meeting.state) == (
        dt.date(2024, 3, 14),
        "protocol",
        "held",
    )
    assert (meeting.municipality_name, meeting.body_name, meeting.place) == (
        "Sørfjell",
        "Administrasjonsutvalget",
        "Kommunestyresalen, Sørfjell rådhus",
    )
    assert (meeting.start, meeting.end) == (dt.time(9, 0), dt.time(11, 15))
    assert attendance(meeting) == [
        ("Astrid Lunde", "political", "Leder", "AP", True, None),
        ("Jon Bakke", "political", "Nestleder", "H", True, None),
        ("Ingrid Solberg", "political", "Medlem", "SP", True, None),
        ("Ole Haugen", "political", "Medlem", "FRP", True, None),
        ("Mette Lie", "employee", "Medlem", "Fagforbundet", True, None),
        ("Knut Strand", "employee", "Medlem", "Utdanningsforbundet", True, None),
        ("Tone Dahl", "political", "Medlem", "SV", False, None),
        ("Jonas Berg", "employee", "Medlem", "Sykepleierforbundet", False, None),
        ("Eva Moen", "political", "Varamedlem", "SV", True, "Tone Dahl"),
        ("Lars Holm", "employee", "Varamedlem", "Sykepleierforbundet", True, "Jonas Berg"),
        ("Anne Vikane", "employer", "Rådmann", None, True, None),
        ("Trond Aas", "employer", "Personalsjef", None, True, None),
        ("Berit Sand", "other", "Protokollfører", None, True, None),
    ]


@pytest.mark.parametrize("form", FORMS)
def test_elements_items(form):
    meeting = parsed("elements", form).meetings[0]
    items = meeting.items
    assert [(i.case_number, i.title, i.type, i.procedural) for i in items] == [
        ("01/2024", "Godkjenning av innkalling og saksliste", "PS", True),
        ("02/2024", "Godkjenning av protokoll fra forrige møte", "PS", True),
        ("03/2024", "Referatsaker", "RS", True),
        ("04/2024", "Miljøfyrtårn-sertifisering av renholdstjenesten", "PS", False),
        ("05/2024", "Reglement for hjemmekontor", "PS", False),
        ("06/2024", "Orientering om sykefravær og arbeidsmiljø", "orientering", False),
    ]
    assert proposals(items[0]) == [("administration", [], "adopted", None, None)]
    assert proposals(items[3]) == [
        ("administration", [], "adopted", 6, 3),
        ("amendment", ["Fagforbundet"], "fell", 3, 6),
        ("additional", ["H"], "adopted", None, None),
    ]
    assert proposals(items[4]) == [
        ("administration", [], "adopted", None, None),
        ("additional", ["Fagforbundet"], "adopted", None, None),
    ]
    assert (
        flat(items[4].proposals[1].text)
        == "Ordningen evalueres etter ett år i samarbeid med de tillitsvalgte."
    )
    assert flat(items[3].decision) == (
        "Renholdstjenesten miljøsertifiseres etter Miljøfyrtårn-ordningen innen utgangen av 2024. "
        "Kostnadene dekkes innenfor rammen."
    )
    assert flat(items[1].administration_proposal) == "Protokoll fra møtet 01.02.2024 godkjennes."
    assert [i.climate.level for i in items] == ["none", "none", "none", "mentions", "none", "none"]
    assert [
        (r.by, r.organisation, r.asks_for_agenda_item, r.resulting_case_number)
        for r in meeting.requests
    ] == [("Knut Strand", "Utdanningsforbundet", True, None)]


# ------------------------------------------------------------------ generic layout


@pytest.mark.parametrize("form", FORMS)
def test_generic_meeting(form):
    doc = parsed("generic", form)
    meeting = doc.meetings[0]
    assert (meeting.date, meeting.start, meeting.end) == (
        dt.date(2024, 3, 5),
        dt.time(13, 0),
        dt.time(15, 0),
    )
    assert (meeting.municipality_name, meeting.body_name, meeting.place) == (
        "Nordvik",
        "Partssammensatt utvalg",
        "Møterom Fjorden, rådhuset",
    )
    assert meeting.document_kind == "protocol"
    assert attendance(meeting) == [
        ("Ola Berg", "political", "leder", "AP", True, None),
        ("Siri Dahl", "political", None, "H", True, None),
        ("Kjell Moen", "political", None, "SP", True, None),
        ("Hilde Lund", "employee", None, "Fagforbundet", True, None),
        ("Tor Vik", "employee", None, "Delta", True, None),
        ("Lise Holm", "political", None, "SV", False, None),
        ("Anders Nygård", "employee", None, "NITO", False, None),
        ("Per Øien", "political", "Varamedlem", "SV", True, "Lise Holm"),
        ("Gunnar Aas", "employer", "kommunedirektør", None, True, None),
        ("Mari Sand", "employer", "personalsjef", None, True, None),
    ]
    items = meeting.items
    assert [(i.case_number, i.title, i.type, i.procedural) for i in items] == [
        ("01/2024", "Godkjenning av innkalling og saksliste", "PS", True),
        ("02/2024", "Klimabudsjett 2025 for kommuneorganisasjonen", "PS", False),
        ("03/2024", "Drøfting av ny turnusordning i hjemmetjenesten", "drofting", False),
    ]
    assert proposals(items[1]) == [
        ("administration", [], "adopted", None, None),
        ("additional", ["Fagforbundet"], "adopted", None, None),
    ]
    assert flat(items[0].decision) == "Innkalling og saksliste godkjennes."
    assert [i.climate.level for i in items] == ["none", "linked", "none"]
    assert [(r.by, r.organisation, r.asks_for_agenda_item) for r in meeting.requests] == [
        ("Tor Vik", "Delta", False)
    ]


def test_forms_give_identical_json():
    def normalised(doc):
        data = doc.to_dict()
        data.pop("pages")
        for meeting in data["meetings"]:
            for item in meeting["items"]:
                item["climate"] = item["climate"]["level"]
                for key in ("text", "administration_proposal", "handling", "decision"):
                    item[key] = flat(item[key])
                for proposal in item["proposals"]:
                    proposal["text"] = flat(proposal["text"])
            for request in meeting["requests"]:
                request["text"] = flat(request["text"])
        return data

    for family in DOCUMENTS:
        reference = normalised(parsed(family, "text"))
        for form in ("flattened", "pdf"):
            assert normalised(parsed(family, form)) == reference, (family, form)


NYNORSK_GENERIC = """
Austvik kommune
Møtebok for partssamansett utval

Møtedato: 02.05.2024
Møtestad: Rådhuset, møterom 2
Møtetid: 12:00 - 14:00

Til stades: Eli Haug (SP), Jon Sæle (H), Tove Rød (AP), Geir Nes (Fagforbundet)
Forfall: Åse Lie (SV)

Sak 11/2024 Ny reiseregulativ for tilsette
Framlegg til vedtak: Reiseregulativet vert vedteke.
Handsaming: Endringsframlegg frå H: Regulativet skal gjelde frå 1. september.
Endringsframlegget frå H fekk 1 røyst og fall. Framlegg til vedtak vart vedteke med 3 mot 1 røyster.
Vedtak: Reiseregulativet vert vedteke.
"""


@pytest.mark.parametrize("form", ["text", "flattened"])
def test_generic_nynorsk_words(form):
    text = NYNORSK_GENERIC if form == "text" else flattened(NYNORSK_GENERIC)
    meeting = parse_text(text).meetings[0]
    assert (meeting.date, meeting.place, meeting.body_name) == (
        dt.date(2024, 5, 2),
        "Rådhuset, møterom 2",
        "Partssamansett utval",
    )
    assert [(a.name, a.organisation, a.present) for a in meeting.attendance] == [
        ("Eli Haug", "SP", True),
        ("Jon Sæle", "H", True),
        ("Tove Rød", "AP", True),
        ("Geir Nes", "Fagforbundet", True),
        ("Åse Lie", "SV", False),
    ]
    item = meeting.items[0]
    assert (item.case_number, item.title) == ("11/2024", "Ny reiseregulativ for tilsette")
    assert proposals(item) == [
        ("administration", [], "adopted", 3, 1),
        ("amendment", ["H"], "fell", 1, 3),
    ]
    assert flat(item.decision) == "Reiseregulativet vert vedteke."


def test_sing_standalone_protocol_matches_attached_one():
    text = DOCUMENTS["sing"]
    start = text.index(" MØTEPROTOKOLL\nADMINISTRASJONSUTVALET")
    end = text.index(" SAKSPAPIR", start)
    standalone = parse_text("Fjellvik kommune\n" + text[start:end])
    assert [m.document_kind for m in standalone.meetings] == ["protocol"]
    attached = parsed("sing", "text").meetings[0]
    only = standalone.meetings[0]
    assert attendance(only) == attendance(attached)
    assert [proposals(i) for i in only.items] == [proposals(i) for i in attached.items]
    assert [(r.by, r.asks_for_agenda_item) for r in only.requests] == [
        (r.by, r.asks_for_agenda_item) for r in attached.requests
    ]
    assert only.requests[0].resulting_case_number is None  # no later meeting to link to
