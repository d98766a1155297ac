"""Climate rules, table-driven: exact level and evidence for each rule (fictional item texts).

Evidence rows are ``(phrase, field, category, tie phrase or None)``.
"""

from __future__ import annotations

import pytest

from meetings.climate import classify


def rows(result) -> list[tuple[str, str, str, str | None]]:
    return [(e.phrase, e.field, e.category, e.tie.phrase if e.tie else None) for e in result.evidence]


NONE: list = []

# (title, case paper, expected level, expected evidence)
PARKING = [
    # parking without a tie: control fees, a parking company's accounts, a car park
    ("Parkering ved rådhuset", "", "none", NONE),
    ("Klage på parkeringsgebyr", "Klagaren fekk kontrollavgift på parkeringsplassen.", "none", NONE),
    ("Årsregnskap 2023 for Fjordby Parkering AS", "Selskapet fikk et overskudd på parkeringsavgiftene.", "none", NONE),
    ("Nytt parkeringshus i sentrum", "Parkeringshuset får 300 plasser og betalingsautomat.", "none", NONE),
    # tied to climate in the same field: the tie is shown
    (
        "Sak",
        "Færre parkeringsplasser skal redusere klimagassutslippene fra biltrafikken.",
        "mentions",
        [
            ("parkeringsplasser", "text", "parking", "klimagassutslippene"),
            ("klimagassutslippene", "text", "emissions", None),
        ],
    ),
    (
        "Sak",
        "Parkeringa ved sjukeheimen vert avgiftsbelagd som eit tiltak i klimaplanen.",
        "mentions",
        [("Parkeringa", "text", "parking", "klimaplanen"), ("klimaplanen", "text", "climate", None)],
    ),
    # tied in another field: the title's parking shares the tie found in the case paper
    (
        "Parkering ved rådhuset",
        "Parkering ved rådhuset skal følgje opp klimaplanen.",
        "mentions",
        [
            ("Parkering", "title", "parking", "klimaplanen"),
            ("Parkering", "text", "parking", "klimaplanen"),
            ("klimaplanen", "text", "climate", None),
        ],
    ),
    # for employees: tied to commuting/travel policy, so linked
    (
        "Parkering ved rådhuset",
        "Dei tilsette sine arbeidsreiser skal endrast, og parkeringsplassane vert færre.",
        "linked",
        [
            ("Parkering", "title", "parking", "arbeidsreiser"),
            ("parkeringsplassane", "text", "parking", "arbeidsreiser"),
            ("arbeidsreiser", "text", "work:commuting", None),
        ],
    ),
    # the employees' parking in the same sentence is travel policy, so linked; not in another sentence
    (
        "Sak",
        "Gratis parkeringsplassar ved rådhuset for politikarar og tilsette vert avvikla.",
        "linked",
        [
            ("parkeringsplassar", "text", "parking", "tilsette"),
            ("parkeringsplassar", "text", "work:parking_fee", "tilsette"),
        ],
    ),
    ("Parkering ved rådhuset", "Parkeringa vert utvida. Dei tilsette får ny kantine.", "none", NONE),
    # parking for employees and parking policy count on their own
    (
        "Parkeringsavgift for ansatte",
        "",
        "linked",
        [
            ("Parkeringsavgift for ansatte", "title", "parking", None),
            ("Parkeringsavgift for ansatte", "title", "work:parking_fee", None),
        ],
    ),
    ("Ny parkeringspolitikk for sentrum", "", "mentions", [("parkeringspolitikk", "title", "parking", None)]),
    ("Sykkelparkering ved skulen", "", "mentions", [("Sykkelparkering", "title", "transport", None)]),
    ("Innfartsparkering ved stasjonen", "", "mentions", [("Innfartsparkering", "title", "parking", None)]),
]

ENERGY = [
    # energy production counts, except as a tax or a company's accounts
    ("Søknad om konsesjon - Storelva kraftverk", "", "mentions", [("kraftverk", "title", "energy_production", None)]),
    ("Vindkraftverk på Heia - utgreiingsprogram", "", "mentions", [("Vindkraftverk", "title", "energy_production", None)]),
    ("Eiendomsskatt på kraftverk", "", "none", NONE),
    ("Sal av fjernvarmeanlegget til Fjordby Energi AS", "", "none", NONE),
    ("Årsregnskap for Fjordby kommunale energiverk", "", "none", NONE),
    # an economic context with a tie still counts, and shows the tie
    (
        "Sak",
        "Kjøp av fjernvarme fra biobrenselanlegg skal kutte utslipp fra oljefyring.",
        "mentions",
        [("fjernvarme", "text", "energy_production", "utslipp"), ("utslipp", "text", "emissions", None)],
    ),
    # saving and efficiency count on their own; a building alone does not
    ("Energisparing i kommunale bygg", "", "mentions", [("Energisparing", "title", "energy", None)]),
    ("Energisparinga i skulane held fram", "", "mentions", [("Energisparinga", "title", "energy", None)]),
    ("Vedlikehald av kommunale bygg", "Taket på rådhuset skal skiftast.", "none", NONE),
    ("Rehabilitering av Nordby skole", "Skolen får nye vinduer og ventilasjon.", "none", NONE),
    ("Ny barnehage bygges som passivhus", "", "mentions", [("passivhus", "title", "energy", None)]),
]

WASTE = [
    # waste counts, except a collection contract, a fee or a company's accounts without a tie
    ("Tildeling av kontrakt for innsamling av husholdningsavfall", "", "none", NONE),
    ("Avfallsgebyr 2024", "", "none", NONE),
    ("Fjordby Renovasjon IKS - årsmelding og rekneskap", "", "none", NONE),
    ("Lokal forskrift om brenning av avfall", "", "mentions", [("avfall", "title", "waste", None)]),
    ("Avfallshandtering i kommunale bygg", "", "mentions", [("Avfallshandtering", "title", "waste", None)]),
    ("Ny innsamlingsordning for matavfall", "", "mentions", [("matavfall", "title", "waste", None)]),
    (
        "Kontrakt om renovasjon",
        "Ny kontrakt om renovasjon stiller krav om fossilfrie renovasjonsbilar.",
        "mentions",
        [
            ("renovasjon", "title", "waste", "fossilfrie"),
            ("renovasjon", "text", "waste", "fossilfrie"),
            ("fossilfrie", "text", "transport", None),
            ("renovasjonsbilar", "text", "waste", "fossilfrie"),
        ],
    ),
    ("Gjenbrukstorg - kjøpekontrakt", "", "mentions", [("Gjenbrukstorg", "title", "waste", None)]),
    ("Kjeldesortering i kantina", "", "mentions", [("Kjeldesortering", "title", "waste", None)]),
]

VEHICLES = [
    ("Sluttrekneskap kjøp av el-bil", "", "mentions", [("el-bil", "title", "transport", None)]),
    ("Nye tjenestebiler til hjemmetjenesten", "Bilene leases i fem år.", "none", NONE),
    (
        "Fossilfrie tenestebilar",
        "",
        "linked",
        [("Fossilfrie", "title", "transport", None), ("tenestebilar", "title", "work:service_cars", None)],
    ),
]

WORKING_RULES = [
    (
        "Miljø i arbeidsreglementet",
        "",
        "linked",
        [
            ("Miljø i arbeidsreglementet", "title", "environment", None),
            ("Miljø i arbeidsreglementet", "title", "work:working_rules", None),
        ],
    ),
    (
        "Revidert arbeidsreglement",
        "Nytt punkt: Alle tilsette skal kjeldesortere og slå av lys og PC etter arbeidstid.",
        "linked",
        [
            ("kjeldesortere", "text", "waste", None),
            ("arbeidstid", "text", "work:work_methods", None),
        ],
    ),
    ("Revidert arbeidsreglement", "Reglementet får nye reglar om bierverv.", "none", NONE),
    (
        "Arbeidsreglement - nytt punkt om miljø",
        "",
        "linked",
        [
            ("punkt om miljø", "title", "environment", None),
            ("Arbeidsreglement", "title", "work:working_rules", None),
        ],
    ),
    ("Revidert arbeidsreglement", "Nytt punkt om miljøet på arbeidsplassen.", "none", NONE),
    ("Revidert arbeidsreglement", "Tilsette skal bidra til eit godt miljø på avdelinga.", "none", NONE),
]

REAL_CLIMATE = [
    ("Tiltak for prioriterte vannforekomster", "", "mentions", [("vannforekomster", "title", "water_environment", None)]),
    ("Regional plan for vassforvaltning - høyring", "", "mentions", [("vassforvaltning", "title", "water_environment", None)]),
    ("Verneplan for Fjordheia", "", "mentions", [("Verneplan", "title", "biodiversity", None)]),
    ("Klimatiltaka i barnehagane", "", "mentions", [("Klimatiltaka", "title", "climate", None)]),
    ("Miljøfyrtårnsertifisering av rådhuset", "", "mentions", [("Miljøfyrtårnsertifisering", "title", "certification", None)]),
    ("Berekraftsmåla i kommuneplanen", "", "mentions", [("Berekraftsmåla", "title", "sdg", None)]),
    ("Forureining frå gamle deponi", "", "mentions", [("Forureining", "title", "pollution", None)]),
    ("Fossilfri byggeplass", "", "mentions", [("Fossilfri", "title", "transport", None)]),
    ("Overgang til elektriske varebilar", "", "mentions", [("elektriske varebilar", "title", "transport", None)]),
    ("Ny elferje på sambandet", "", "mentions", [("elferje", "title", "transport", None)]),
    ("Søknad om Enova-støtte", "", "mentions", [("Enova-støtte", "title", "energy", None)]),
    ("Elektrisk anlegg i rådhuset", "", "none", NONE),
    ("Søknad om tilskot til sykkelritt", "", "none", NONE),
    ("Årsrapport - arbeidsgruppa for klima, miljø og energi", "", "mentions",
     [("klima", "title", "climate", None), ("miljø", "title", "environment", None)]),
]

TRAPS = [
    # committee and unit names say who handles an item, not what it is about
    ("Referat fra arbeidsmiljøutvalget", "", "none", NONE),
    ("Sammenslåing av administrasjonsutvalg og AMU", "", "none", NONE),
    ("Møteplan for plan- og miljøutvalet", "", "none", NONE),
    ("Val av medlemer til Klima- og miljøutvalet", "", "none", NONE),
    ("Sak", "Saksgang: Hovedutvalg for teknikk og miljø, formannskapet.", "none", NONE),
    ("Sak", "Saksbehandler: Kari Dahl, Enhet for plan, landbruk og miljøvern.", "none", NONE),
    ("Omorganisering av miljøavdelinga", "", "none", NONE),
    # not the natural environment
    ("Overføring av miljørettet helsevern til samkommunen", "", "none", NONE),
    ("Psykososialt arbeidsmiljø i barnehagane", "", "none", NONE),
    ("Læringsmiljøet i skulen", "", "none", NONE),
    ("Samarbeidsklimaet mellom partane", "", "none", NONE),
    ("Nye verneområde for verneomboda", "", "none", NONE),
    # assessment headings answered in the negative and negative statements
    ("Sak", "Klima og miljø: Ingen.", "none", NONE),
    ("Sak", "FNs bærekraftsmål: Ikke relevant for saken.", "none", NONE),
    ("Sak", "Miljø og klima: Saka har inga tyding for klima og miljø.", "none", NONE),
    ("Sak", "Endringen vil ikke påvirke miljøet.", "none", NONE),
    ("Gebyr for tømming etter forurensningsforskriften", "", "none", NONE),
]

CASES = PARKING + ENERGY + WASTE + VEHICLES + WORKING_RULES + REAL_CLIMATE + TRAPS


@pytest.mark.parametrize(("title", "text", "level", "evidence"), CASES)
def test_rule(title, text, level, evidence):
    result = classify(title, text)
    assert (result.level, rows(result)) == (level, evidence)


def test_item_is_classified_on_its_own_fields_not_the_committee():
    """A header naming an environment committee adds nothing; the decision's content does."""
    header = "Utvalg: Plan- og miljøutvalget. Saksgang: Utval for teknikk og miljø."
    assert classify("Godkjenning av protokoll", header).level == "none"
    result = classify(
        "Godkjenning av protokoll", header, fields={"decision": "Kommunen skal bli Miljøfyrtårn."}
    )
    assert rows(result) == [("Miljøfyrtårn", "decision", "certification", None)]


def test_tie_in_to_dict_only_when_tied():
    tied = classify("Sak", "Færre parkeringsplasser skal redusere klimagassutslippene.").to_dict()
    assert tied["evidence"][0] == {
        "phrase": "parkeringsplasser",
        "field": "text",
        "start": 6,
        "end": 23,
        "category": "parking",
        "tie": {
            "phrase": "klimagassutslippene",
            "field": "text",
            "start": 38,
            "end": 57,
            "category": "emissions",
        },
    }
    assert "tie" not in tied["evidence"][1]
    untied = classify("Klimaplan").to_dict()
    assert untied == {
        "level": "mentions",
        "evidence": [
            {"phrase": "Klimaplan", "field": "title", "start": 0, "end": 9, "category": "climate"}
        ],
    }
