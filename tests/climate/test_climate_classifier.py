"""Climate classifier: exact levels for phrases (bokmål and nynorsk), traps, evidence."""

from __future__ import annotations

import time

import pytest

from meetings.climate import assess_environment, classify, find_env_section

MENTIONS = [
    # climate and emissions
    "Klimaplan 2024-2030",
    "Klima- og miljøplan",
    "Klimagassutslepp frå kommunen si drift",
    "Reduserte klimagassutslipp i 2023",
    "Klimabudsjett 2025",
    "Klimabudsjettet for økonomiplanperioden",
    "Klimatiltak i barnehagane",
    "Søknad om Klimasats-midler",
    "Kommunens klimafond",
    "Utsleppskutt i transportsektoren",
    "Nullutslipp innen 2030",
    "Klimaet endrar seg raskt",
    "Tilpassing til eit endra klima",
    "Det grønne skiftet",
    "Grøn omstilling i næringslivet",
    "Parisavtalen og kommunen",
    # environment, nature, biodiversity
    "Miljøvennlege løysingar",
    "Miljøvennlig drift av bygg",
    "Miljøstrategi for kommunen",
    "Tiltak for eit betre ytre miljø",
    "Naturmangfald i planarbeidet",
    "Kartlegging av naturmangfold",
    "Biologisk mangfold i grøntområder",
    "Vern av natur og miljø",
    "Tiltaket er bra for miljøet.",
    # sustainability / SDGs
    "FNs bærekraftsmål i kommuneplanen",
    "FN sine berekraftsmål",
    "Bærekraftig utvikling og klima",
    "Berekraft i innkjøp",
    "Økologisk bærekraft",
    # certification
    "Miljøfyrtårn-sertifisering av vaskeriet",
    "Miljøfyrtårnsertifisering",
    "Sertifisering etter ISO 14001",
    "Svanemerkede produkter",
    # energy
    "Energisparing i kommunale bygg",
    "Energisparetiltak vinteren 2022",
    "Energieffektivisering av skulane",
    "Lågare straumforbruk",
    "Solceller på rådhustaket",
    "Spare energi i helgene",
    # transport
    "Elbilar i heimetenesta",
    "Elsyklar til utlån",
    "El-sykkel for alle",
    "Sykkelparkering ved rådhuset",
    "Sykling og gåing",
    "Fossilfri kommune 2030",
    "Fossilfrie anleggsplasser",
    "Bysykkel-ordning",
    "Ladepunkt ved sjukeheimen",
    "Kollektivtransport til sentrum",
    "Parkeringspolitikk i sentrum",
    # waste, food, procurement
    "Matsvinn i kantina",
    "Avfallssortering i kommunale bygg",
    "Ombruk av møblar",
    "Gjenbruk av IKT-utstyr",
    "Sirkulær økonomi",
    "Kjeldesortering",
    "Grøne innkjøp",
    "Grønne anskaffelser",
    "Miljøkrav i anbod",
    "Klimavennlege innkjøp",
    "Plantebasert mat i kantina",
]

LINKED = [
    "Parkeringsavgift for tilsette",
    "Parkeringsavgift for ansatte ved rådhuset",
    "Innføring av parkeringsavgift for kommunens ansatte",
    "Betaling for ansattparkering",
    "Tilsette si parkering ved sjukehuset",
    "Leasing av elsykkel for ansatte",
    "Elbil som tenestebil i heimetenesta",
    "Fossilfrie tjenestebiler",
    "Kampanje: sykle til jobben",
    "Klimavennlege arbeidsreiser",
    "Miljø og klima i arbeidsreglementet",
    "Opplæring i klimatiltak for alle tilsette",
    "Det grønne skiftet og lønnsdannelsen",
    "Reisevegar og pendling: utsleppskutt",
    "Samlokalisering for å redusere energibruken",
]

NONE = [
    # traps from DOMAIN.md
    "Arbeidsmiljø og sjukefråvær",
    "Arbeidsmiljøutvalet sin årsrapport",
    "Arbeidsmiljøutvalget",
    "Psykososialt miljø i skulen",
    "Det psykososiale arbeidsmiljøet",
    "Læringsmiljø og trivsel",
    "Oppvekstmiljø",
    "Sterke fagmiljø",
    "Miljøterapeut i bufellesskap",
    "Miljøarbeidar i miljøtenesta",
    "Eit uformelt samarbeid kunne ha gjort noko positivt med klimaet i heile organisasjonen.",
    "Klimaet i organisasjonen er betre",
    "Det kan utfordre klimaet i samarbei-\ndet.",
    "Samarbeidsklima mellom partane",
    "Godt ytringsklima",
    "Organisasjonsklima i helse",
    "Arbeidsklimaet på avdelinga",
    "Skape eit godt klima for samarbeid",
    "Helse, miljø og sikkerhet",
    "Helse-, miljø- og tryggleiksarbeid",
    "HMS-handlingsplan",
    "Miljømessige konsekvenser: Ingen.",
    "Saka har ingen konsekvensar for miljø og klima.",
    "Økonomisk bærekraft i helse og omsorg",
    "Bærekraftige helse- og omsorgstenester",
    "Det sikrar bærekraft og god ressursbruk i kommunen.",
    "de ansattes arbeids-\nmiljø er viktig",
    # not climate at all
    "Lønspolitisk plan",
    "Sjukefråvær første halvår",
    "Budsjett 2024",
    "Heiltidskultur",
    "Klimaanlegg på serverrommet",
    "Motorsykkel til utrykning",
    "Det er naturlig å drøfte saken",
    "Lønnsomme tiltak",
    "Smerteplaster i heimetenesta",
    "Ny syklus for medarbeidarsamtalar",
]


@pytest.mark.parametrize("title", MENTIONS)
def test_mentions(title):
    result = classify(title)
    assert result.level == "mentions", result.evidence


@pytest.mark.parametrize("title", LINKED)
def test_linked(title):
    result = classify(title)
    assert result.level == "linked", result.evidence


@pytest.mark.parametrize("title", NONE)
def test_none_and_traps(title):
    result = classify(title)
    assert result.level == "none", result.evidence
    assert result.evidence == []


def test_evidence_offsets_and_fields():
    title = "Innføring av parkeringsavgift for tilsette"
    text = "Inntektene går til klimafondet. Arbeidsmiljøet vert ikkje påverka."
    result = classify(title, text, fields={"decision": "Saka vert utsett."})
    assert result.level == "linked"
    for ev in result.evidence:
        source = {"title": title, "text": text}[ev.field]
        assert source[ev.start : ev.end] == ev.phrase
    assert {(e.phrase, e.field, e.category) for e in result.evidence} == {
        ("parkeringsavgift for tilsette", "title", "parking"),
        ("parkeringsavgift for tilsette", "title", "work:parking_fee"),
        ("klimafondet", "text", "climate_budget"),
    }
    assert result.to_dict()["evidence"][0] == {
        "phrase": "parkeringsavgift for tilsette",
        "field": "title",
        "start": 13,
        "end": 42,
        "category": "parking",
    }


def test_linked_needs_proximity_in_long_text():
    filler = " Dette er ei vanleg setning om drift." * 20
    text = "Kommunen skal bli Miljøfyrtårn." + filler + " Lønsoppgjeret er ferdig."
    assert classify("Sak", text).level == "mentions"
    assert (
        classify("Sak", "Kommunen skal bli Miljøfyrtårn, og alle tilsette får opplæring.").level
        == "linked"
    )


def test_title_working_conditions_with_climate_in_text():
    result = classify(
        "Revisjon av arbeidsreglementet", "Nytt punkt: tilsette skal bidra til lågare utslepp."
    )
    assert result.level == "linked"


def test_no_evidence_for_none():
    assert classify("Budsjett", "").to_dict() == {"level": "none", "evidence": []}


def test_classifier_does_no_runaway_work():
    """A guard against a catastrophic pattern, in CPU time (wall time depends on the host's load)."""
    text = (
        "Arbeidsmiljø og samarbeidsklima i heile organisasjonen. Bærekraft og god ressursbruk. "
        * 2000
    )
    classify("x", text)
    started = time.process_time()
    result = classify("Klimaplan", text)
    assert time.process_time() - started < 0.5
    assert result.level == "mentions"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bakgrunn: ...\nMiljømessige konsekvenser:\nTiltaket reduserer klimagassutslipp fra bilkjøring.\n\nØkonomiske konsekvenser: Ingen.",
            "consequences",
        ),
        (
            "Miljøkonsekvensar: Ordninga vil redusere bilbruken og utsleppa frå arbeidsreiser.",
            "consequences",
        ),
        (
            "Konsekvenser for miljø og klima: Nybygget får lavere energibruk og solceller på taket.",
            "consequences",
        ),
        ("Vurdering av miljø: Tiltaket gir mindre avfall og bedre kildesortering.", "consequences"),
        ("Miljømessige konsekvenser: Ingen.", "none_found"),
        ("Miljømessige konsekvensar:\nIngen kjende.", "none_found"),
        ("Miljøkonsekvenser: Ikke relevant.", "none_found"),
        (
            "Miljømessige konsekvenser: Saken har ingen kjente miljømessige konsekvenser.",
            "none_found",
        ),
        ("Konsekvenser for miljø: Saken vil ikke ha konsekvenser for miljøet.", "none_found"),
        ("Miljømessige konsekvenser: Ikke vurdert.", "not_assessed"),
        ("Miljømessige konsekvensar: Ikkje vurdert.", "not_assessed"),
        ("Miljømessige konsekvenser:\n\nØkonomiske konsekvenser: 2 mill.", "not_assessed"),
        ("Saka har ingen eigen vurdering.", "not_assessed"),
        ("", "not_assessed"),
    ],
)
def test_assess_environment(text, expected):
    assert assess_environment(text) == expected


def test_env_section_flattened():
    text = "Bakgrunn: X. Miljømessige konsekvenser: Lavere energibruk i byggene. Økonomiske konsekvenser: Ingen."
    assert find_env_section(text) == "Lavere energibruk i byggene."
    assert assess_environment(text) == "consequences"
