"""Demo climate measures with involvement histories (real measures from seed 000, fictional people).

Lillestrøm (3205): the parking fee for employees (decided politically; the employee side was
involved only afterwards and opposed it) and the Miljøfyrtårn certification of the laundry and
cleaning services (2022, initiated by a working group of employees). Sarpsborg (3105): the
energy-saving measures (PSU 29.09.2022), environment added to the working rules (PSU
01.12.2022, proposed by Naturviterne, unanimous), e-bike and electric-car leasing for employees,
and the main library (Miljøfyrtårn since 2013).

Each measure is linked to the demo agenda item whose title matches, when there is one; events
that happened in that meeting take its date. Without the item the story keeps its own dates.
Idempotent: rows are matched on natural keys and saved only when a value differs, so running
twice changes nothing (and writes no history).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from meetings.models import AgendaItem
from municipalities.models import Municipality, Organisation, Person

from .models import ClimateMeasure, GreenRepresentative, Involvement, Level, Topic

M = ClimateMeasure
I = Involvement  # noqa: E741 - short alias for the tables below
D = datetime.date


@dataclass(frozen=True)
class DemoEvent:
    offset_or_date: int | datetime.date  # days after the anchor meeting, or a fixed date
    arena: str
    level: int
    raised_by: str
    position: str = I.Position.NOT_STATED
    position_text: str = ""
    unions: tuple[str, ...] = ()
    arena_detail: str = ""
    in_meeting: bool = False  # happened under the anchor item (takes the meeting's date)
    side: str = "employer"  # who recorded it


@dataclass(frozen=True)
class DemoMeasure:
    municipality: str
    title: str
    item_title: str  # the demo agenda item to link (matched case-insensitively, may be absent)
    fallback: datetime.date  # the anchor date when the item is absent
    values: dict
    topics: tuple[str, ...]
    events: tuple[DemoEvent, ...] = ()
    decision: str = ""  # "anchor": decided in the anchor meeting; "" : use values
    proposed_offset: int | None = None  # proposal date relative to the anchor
    extra: dict = field(default_factory=dict)


MEASURES = [
    DemoMeasure(
        "3205",
        "Parkeringsavgift for ansatte",
        "Parkeringsavgift for ansatte",
        D(2020, 11, 25),
        {
            "description": "Parkeringsavgift for alle ansatte ved rådhuset og de største tjenestestedene, "
            "vedtatt politisk for å redusere bilbruk til og fra jobb. Pengene går ikke øremerket til "
            "sykkelveier eller kollektivtilbud.",
            "status": M.Status.IN_IMPLEMENTATION,
            "decision_date": D(2020, 6, 18),
            "proposed_date": D(2020, 3, 12),
            "decided_by": "Kommunestyret",
            "responsible_unit": "Eiendom",
            "affects_employees": True,
            "employee_effects": ["commuting"],
            "funding": M.Funding.NONE,
        },
        ("transport",),
        (
            DemoEvent(0, I.Arena.PSU, Level.CONSULTED, I.RaisedBy.EMPLOYER, I.Position.OPPOSES,
                      "Bekymring rundt å innføre parkeringsavgift for ansatte på tjenestestedene.",
                      ("Fagforbundet", "Utdanningsforbundet", "Sykepleierforbundet"), in_meeting=True,
                      side="employee"),
            DemoEvent(21, I.Arena.DROFTING, Level.CONSULTED, I.RaisedBy.EMPLOYER, I.Position.MIXED,
                      "Flere forbund opplever avgiften som urettferdig og som «grønnvasking»; Naturviterne "
                      "er ikke imot.", ("Fagforbundet", "Utdanningsforbundet", "Naturviterne"),
                      arena_detail="Drøftingsmøte med hovedtillitsvalgte", side="employee"),
        ),
    ),
    DemoMeasure(
        "3205",
        "Miljøfyrtårn-sertifisering av vaskeri og renhold (Internservice)",
        "Miljøfyrtårn-sertifisering av vaskeri- og renholdstjenesten",
        D(2022, 6, 15),
        {
            "description": "Internservice vaskeri og renhold ble sertifisert som Miljøfyrtårn i 2022: maskinelt "
            "renhold med mindre vann og kjemikalier, bedre dosering, resirkulering og gjenbruk av tøy.",
            "status": M.Status.IMPLEMENTED,
            "proposed_date": D(2021, 3, 15),
            "decision_date": D(2021, 5, 3),
            "decided_by": "Virksomhetsleder Internservice (klarsignal)",
            "responsible_unit": "Internservice, kommunalområde Eiendom",
            "affects_employees": True,
            "employee_effects": ["work_methods", "training"],
            "funding": M.Funding.CLIMATE_FUND,
            "funding_note": "Prosjektet ble finansiert av kommunens klimafond.",
        },
        ("certification", "waste"),
        (
            DemoEvent(D(2021, 3, 15), I.Arena.WORKING_GROUP, Level.INITIATED, I.RaisedBy.EMPLOYEE, I.Position.SUPPORTS,
                      "Fire ansatte i vaskeri og renhold tok initiativ til sertifiseringen.",
                      arena_detail="Miljøfyrtårngruppen, Internservice", side="employee"),
            DemoEvent(D(2021, 9, 6), I.Arena.INFORMATION, Level.INFORMED, I.RaisedBy.EMPLOYEE, I.Position.SUPPORTS,
                      "Arbeidsgruppen informerte alle ansatte om prosjektet; fagforeningsklubben ble ikke "
                      "invitert til drøfting.", arena_detail="Allmøte Internservice"),
            DemoEvent(0, I.Arena.PSU, Level.INFORMED, I.RaisedBy.EMPLOYER, in_meeting=True),
        ),
    ),
    DemoMeasure(
        "3105",
        "Energisparetiltak i kommunale bygg",
        "Energisparetiltak i kommunale bygg",
        D(2022, 9, 29),
        {
            "description": "Lavere innetemperatur, redusert belysning og kortere driftstid for ventilasjon i "
            "administrasjonsbygg, for å nå målene i klima- og energiplanen.",
            "status": M.Status.IN_IMPLEMENTATION,
            "decided_by": "Administrasjonsutvalget",
            "responsible_unit": "Eiendom",
            "affects_employees": True,
            "employee_effects": ["work_methods", "equipment"],
            "funding": M.Funding.OPERATING,
            "expected_emission_effect": None,
        },
        ("energy", "buildings"),
        (
            DemoEvent(0, I.Arena.PSU, Level.CONSULTED, I.RaisedBy.EMPLOYER, I.Position.NOT_STATED,
                      "Protokollen viser ikke hva arbeidstakersiden tok opp i drøftingen.",
                      ("Fagforbundet", "NITO"), in_meeting=True),
        ),
        decision="anchor",
        proposed_offset=-14,
    ),
    DemoMeasure(
        "3105",
        "Miljø som hensyn i arbeidsreglementet",
        "Miljø i arbeidsreglementet",
        D(2022, 12, 1),
        {
            "description": "Ny bestemmelse i arbeidsreglementet: alle ansatte skal bidra til kommunens klima- og "
            "miljømål i sitt daglige arbeid.",
            "status": M.Status.IMPLEMENTED,
            "decided_by": "Administrasjonsutvalget (enstemmig)",
            "responsible_unit": "HR",
            "affects_employees": True,
            "employee_effects": ["working_rules"],
            "funding": M.Funding.NONE,
        },
        ("planning", "competence"),
        (
            DemoEvent(-14, I.Arena.DROFTING, Level.INITIATED, I.RaisedBy.EMPLOYEE, I.Position.SUPPORTS,
                      "Naturviterne foreslo å ta inn miljø som et hensyn ansatte skal ta i rollen som arbeidstaker.",
                      ("Naturviterne",), arena_detail="Drøftingsmøte med tillitsvalgte", side="employee"),
            DemoEvent(0, I.Arena.PSU, Level.CONSULTED, I.RaisedBy.EMPLOYEE, I.Position.SUPPORTS,
                      "Ingen innvendinger; endringen ble enstemmig vedtatt.",
                      ("Naturviterne", "Fagforbundet", "NITO", "Utdanningsforbundet"), in_meeting=True),
        ),
        decision="anchor",
        proposed_offset=-14,
    ),
    DemoMeasure(
        "3105",
        "Leasing av elsykkel og elbil for ansatte",
        "Leasing av elsykkel og elbil for ansatte",
        D(2021, 4, 22),
        {
            "description": "Ansatte kan lease elsykkel eller elbil gjennom trekk i lønn, via kommunens egen "
            "transport- og verkstedsavdeling.",
            "status": M.Status.IMPLEMENTED,
            "decided_by": "Administrasjonsutvalget",
            "responsible_unit": "Transport og verksted",
            "affects_employees": True,
            "employee_effects": ["commuting", "equipment"],
            "funding": M.Funding.OPERATING,
        },
        ("transport",),
        (
            DemoEvent(0, I.Arena.PSU, Level.CONSULTED, I.RaisedBy.EMPLOYER, I.Position.SUPPORTS,
                      "Hovedtillitsvalgte trekker fram ordningen som et positivt tiltak.",
                      ("Fagforbundet",), in_meeting=True),
        ),
        decision="anchor",
    ),
    DemoMeasure(
        "3105",
        "Miljøfyrtårn-sertifisering av hovedbiblioteket",
        "Miljøfyrtårn hovedbiblioteket",
        D(2021, 6, 10),
        {
            "description": "Hovedbiblioteket har vært Miljøfyrtårn-sertifisert siden 2013. Rehabiliteringen bruker "
            "klimavennlige materialer, solceller, grønt tak og ombrukte møbler. Miljøarbeidet har ikke vært "
            "tema på klubbmøtene.",
            "status": M.Status.IMPLEMENTED,
            "responsible_unit": "Sarpsborg bibliotek",
            "affects_employees": True,
            "employee_effects": ["work_methods"],
            "funding": M.Funding.KLIMASATS,
            "funding_amount": 3_000_000,
            "funding_note": "Klimasats-midler til nytt hovedbibliotek.",
        },
        ("certification", "buildings"),
        (DemoEvent(0, I.Arena.PSU, Level.INFORMED, I.RaisedBy.EMPLOYER, in_meeting=True),),
    ),
]

MEASURES += [
    # Vaksdal: one measure the employee side was consulted on early, one they only heard about.
    DemoMeasure(
        "4628",
        "Parkeringsavgift for tilsette ved kommunehuset",
        "Parkeringsavgift for tilsette ved kommunehuset",
        D(2023, 6, 1),
        {
            "description": "Parkeringsavgift for tilsette ved kommunehuset, med unntak for tilsette som må "
            "bruke eigen bil i tenesta. Drøfta med hovudtillitsvalde før vedtaket.",
            "status": M.Status.DECIDED,
            "decided_by": "Administrasjonsutvalet",
            "responsible_unit": "Eigedom",
            "affects_employees": True,
            "employee_effects": ["commuting"],
            "funding": M.Funding.NONE,
        },
        ("transport",),
        (
            DemoEvent(-21, I.Arena.DROFTING, Level.CONSULTED, I.RaisedBy.EMPLOYER, I.Position.MIXED,
                      "Fagforbundet godtek avgifta om tilsette med køyreplikt får unntak.",
                      ("Fagforbundet",), arena_detail="Drøftingsmøte med hovudtillitsvalde", side="employee"),
            DemoEvent(0, I.Arena.PSU, Level.CONSULTED, I.RaisedBy.EMPLOYER, I.Position.SUPPORTS,
                      "Unntaket for tilsette med køyreplikt kom med i vedtaket.", ("Fagforbundet",),
                      in_meeting=True),
        ),
        decision="anchor",
        proposed_offset=-35,
    ),
    DemoMeasure(
        "4628",
        "Miljøfyrtårn-sertifisering av Vaksdal sjukeheim",
        "Miljøfyrtårn-sertifisering av Vaksdal sjukeheim",
        D(2023, 10, 1),
        {
            "description": "Sjukeheimen vert sertifisert som Miljøfyrtårn: avfallssortering, nye innkjøpsrutinar "
            "og opplæring av tilsette. Tillitsvalde fekk orientering etter at leiinga hadde bestemt seg.",
            "status": M.Status.IN_IMPLEMENTATION,
            "decided_by": "Kommunedirektøren",
            "responsible_unit": "Helse og meistring",
            "affects_employees": True,
            "employee_effects": ["work_methods", "training"],
            "funding": M.Funding.OPERATING,
        },
        ("certification", "waste"),
        (
            DemoEvent(0, I.Arena.PSU, Level.INFORMED, I.RaisedBy.EMPLOYER, in_meeting=True),
            DemoEvent(30, I.Arena.DROFTING, Level.CONSULTED, I.RaisedBy.EMPLOYEE, I.Position.SUPPORTS,
                      "Tillitsvalde bad om å få vere med på opplæringsplanen.", ("Fagforbundet", "Delta"),
                      arena_detail="Drøftingsmøte med tillitsvalde", side="employee"),
        ),
        decision="anchor",
        proposed_offset=-60,
    ),
]

GREEN_REPRESENTATIVES = [
    # municipality, fictional name, union, since, until
    ("3205", "Mari Grønvold", "Naturviterne", D(2023, 1, 1), None),
    ("3105", "Tor Løvaas", "Fagforbundet", D(2022, 6, 1), None),
    ("3105", "Siri Aker", "NITO", D(2021, 1, 1), D(2022, 12, 31)),
    ("4628", "Randi Fjellheim", "Fagforbundet", D(2023, 1, 1), None),
]

MEASURE_DEFAULTS = {
    "description": "", "status": M.Status.IDEA, "proposed_date": None, "decision_date": None,
    "decided_by": "", "decision_item": None, "stopped_date": None, "responsible_unit": "",
    "affects_employees": False, "employee_effects": [], "funding": "", "funding_amount": None,
    "funding_note": "", "expected_emission_effect": None, "emission_effect_source": "",
}


def _upsert(model, lookup: dict, values: dict):
    """update_or_create that saves only when a value differs (no history rows for no change)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj, "inserted"
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return obj, "unchanged"
    for name in changed:
        setattr(obj, name, values[name])
    obj.full_clean()
    obj.save()
    return obj, "updated"


def _anchor_item(municipality: Municipality, title: str) -> AgendaItem | None:
    return (
        AgendaItem.objects.in_municipality(municipality)
        .filter(title__icontains=title)
        .select_related("meeting")
        .order_by("meeting__date", "position")
        .first()
    )


def measure_values(spec: DemoMeasure, item: AgendaItem | None, anchor: datetime.date) -> dict:
    """A demo measure's field values: its own over the defaults; decided in the anchor meeting
    (its date and item) when ``spec.decision`` says so; proposed ``proposed_offset`` days from it."""
    values = {**MEASURE_DEFAULTS, **spec.values}
    if spec.decision == "anchor":
        values["decision_date"] = anchor
        values["decision_item"] = item
    if spec.proposed_offset is not None:
        values["proposed_date"] = anchor + datetime.timedelta(days=spec.proposed_offset)
    return values


def event_day(event: DemoEvent, anchor: datetime.date) -> datetime.date:
    """An event's date: a fixed date, or a number of days after the anchor meeting."""
    if isinstance(event.offset_or_date, datetime.date):
        return event.offset_or_date
    return anchor + datetime.timedelta(days=event.offset_or_date)


def event_values(event: DemoEvent, item: AgendaItem | None) -> dict:
    """An event's field values; one that happened in the anchor meeting names its item and, when
    it has no arena detail of its own, the meeting's body."""
    in_meeting = bool(item and event.in_meeting)
    return {
        "level": event.level,
        "raised_by": event.raised_by,
        "arena_detail": event.arena_detail or (item.meeting.body.name if in_meeting else ""),
        "position": event.position,
        "position_text": event.position_text,
        "agenda_item": item if event.in_meeting else None,
        "recorded_by_side": event.side,
    }


def _seed_measure(spec: DemoMeasure, orgs: dict, topics: dict, counts: dict[str, int]) -> None:
    municipality = Municipality.objects.get(number=spec.municipality)
    item = _anchor_item(municipality, spec.item_title)
    anchor = item.meeting.date if item else spec.fallback
    values = measure_values(spec, item, anchor)
    measure, outcome = _upsert(ClimateMeasure, {"municipality": municipality, "title": spec.title}, values)
    counts[outcome] += 1
    measure.topics.set([topics[code] for code in spec.topics])
    measure.agenda_items.set([item] if item else [])
    for event in spec.events:
        involvement, outcome = _upsert(
            Involvement,
            {"measure": measure, "date": event_day(event, anchor), "arena": event.arena},
            event_values(event, item),
        )
        counts[outcome] += 1
        involvement.unions.set([orgs[name] for name in event.unions])


def seed_measures() -> dict[str, int]:
    """Create or update the demo measures, their events and the green representatives."""
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    orgs = {o.short_name: o for o in Organisation.objects.all()}
    topics = {t.code: t for t in Topic.objects.all()}
    for spec in MEASURES:
        _seed_measure(spec, orgs, topics, counts)
    for number, name, union, since, until in GREEN_REPRESENTATIVES:
        municipality = Municipality.objects.get(number=number)
        person, _ = Person.objects.get_or_create(municipality=municipality, name=name)
        _, outcome = _upsert(
            GreenRepresentative,
            {"municipality": municipality, "person": person, "since": since},
            {"union": orgs[union], "until": until},
        )
        counts[outcome] += 1
    return counts
