"""A realistic, deterministic synthetic national dataset (``manage.py generate_synthetic``).

For the first N municipalities of the register (by number; 357 = all of them) and the last
``years`` calendar years up to ``end_year``, each municipality gets:

- a PSU ("Partssammensatt utvalg" / "Administrasjonsutvalet" ...) with 8 meetings a year and an
  AMU with 4, memberships per election period (politicians with parties, employee
  representatives with unions, the employer side in the AMU, substitutes, a secretary), with
  some people continuing from one period to the next;
- meetings, all published and in the past: held, or cancelled (about 7 %, without agenda);
- about 7 agenda items per held meeting: the first one or two procedural, then a mix of PS,
  orienteringssaker, referatsaker and drøftingssaker with titles from a bank of realistic
  titles (:data:`PS_TITLES` ...), the administration's proposal (adopted), employee-side and
  political amendments with outcomes and votes, attendance (mostly present, some absent with
  a substitute meeting, now and then not recorded), the employee side's requests and
  questions (some asking for an item that then appears at the next meeting);
- climate levels in the proportions of the research (seed 000): about 30 % of agenda items
  mention climate, about 5 % link it to working conditions; environmental assessments spread
  by a municipality's practice;
- climate measures anchored in its climate items, with topics, decision dates, effects on
  employees and involvement histories on the ladder 0-4 (early, late or never; a few
  initiated by the employee side through a request).

Municipalities differ: each draws its own propensities (climate on the agenda, employee
voice, early involvement, assessment practice), so the national comparison has a spread.

How it is made, and what that means:

- Deterministic: everything comes from ``random.Random`` seeded with ``"{seed}/{number}"`` per
  municipality, so the same seed gives the same rows (and a municipality's rows do not depend
  on how many others are generated). ``end_year`` defaults to last year; pass it to pin a
  dataset across calendar years. Only timestamps (``created_at`` ...) differ between runs.
- Climate levels and evidence are **set directly**, never computed by running the classifier
  on hundreds of thousands of items. The titles come from a bank whose every entry has the
  level the classifier gives it (a test checks this, and that stored levels, evidence and
  assessments equal what :func:`meetings.classification.classify_item` would produce), so pages
  look plausible and a re-classification would change nothing.
- Rows are written with ``bulk_create`` in batches: model ``save()`` logic and signals do not
  run, so django-simple-history records **no history rows** for synthetic data, and no
  ``created_at`` ordering can be relied on. Everything happens in one transaction.
- The rows are marked: a :class:`~partssamarbeid.models.SyntheticDataset` lists the bodies,
  people and measures it created. :func:`real_data` finds any other body, person, meeting or
  measure (demo data, imports, data entered by hand); :func:`clear` removes exactly the marked
  rows and everything under them with plain ``DELETE`` statements (no signals, no history).
- The people are fictional: names are drawn from lists of common Norwegian first and last names.
"""
from __future__ import annotations

import datetime
import io
import json
import random
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from dashboards.statistics import refresh_statistics
from measures.models import (
    ClimateMeasure,
    DismissedSuggestion,
    GreenRepresentative,
    Involvement,
    ProcessAnswer,
    Topic,
)
from meetings.climate.classifier import classify_agenda_item
from meetings.models import AgendaItem, Attendance, Meeting, MeetingSource, Proposal, Request
from municipalities.models import Body, Membership, Municipality, Organisation, Person

from .models import SyntheticDataset

#: Bump when the generator's output changes, so ``--skip-if-present`` regenerates.
GENERATOR_VERSION = 2
BATCH_SIZE = 5000
#: Municipalities built in memory before their rows are written.
CHUNK = 25

PSU_MONTHS = (2, 3, 4, 6, 8, 10, 11, 12)
AMU_MONTHS = (3, 6, 9, 12)
MEETINGS_PER_YEAR = {Body.Kind.PSU: len(PSU_MONTHS), Body.Kind.AMU: len(AMU_MONTHS)}
#: Municipal election years; a period starts on 15 October of the election year.
ELECTION_YEARS = tuple(range(1999, 2100, 4))

CANCELLED_SHARE = 0.07
NOT_RECORDED_MEETING_SHARE = 0.03
ABSENT_SHARE = 0.10
SUBSTITUTE_SHARE = 0.65
#: Per substantive item, before a municipality's propensity: climate (mentions or linked) and,
#: of those, linked to working conditions. Calibrated so that about 30 % of all items (procedural
#: ones included) mention climate and about 5 % are linked.
CLIMATE_SHARE = 0.46
LINKED_SHARE_OF_CLIMATE = 0.16
EMPLOYEE_PROPOSAL_SHARE = 0.14
POLITICAL_PROPOSAL_SHARE = 0.06
REQUESTS_PER_MEETING = 0.45
MEASURES_PER_YEAR = (0.6, 2.4)

# --- names ------------------------------------------------------------------------------------

FIRST_NAMES = (
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg", "Hilde",
    "Anna", "Solveig", "Marianne", "Randi", "Ida", "Nina", "Maria", "Elisabeth", "Kristin", "Silje",
    "Hanne", "Tone", "Camilla", "Ragnhild", "Heidi", "Mona", "Trine", "Gro", "Lene", "Sigrid",
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Thomas", "Hans", "Geir",
    "Tor", "Morten", "Terje", "Odd", "Erik", "Martin", "Andreas", "John", "Anders", "Rune", "Trond",
    "Tore", "Jon", "Kristian", "Harald", "Espen", "Magnus", "Eirik", "Sindre", "Håkon", "Øystein",
)
LAST_NAMES = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen",
    "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen",
    "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen",
    "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen",
    "Rasmussen", "Ali", "Lunde", "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Kristensen",
    "Fredriksen", "Holm", "Lien", "Hauge", "Christensen", "Andresen", "Nielsen", "Knudsen", "Evensen",
    "Aasen", "Myklebust", "Haugland", "Tveit", "Vik", "Brekke", "Sæther", "Rønning", "Nesheim",
)

# --- the title bank ---------------------------------------------------------------------------
# Each entry: (bokmål, nynorsk, level, topic). ``{y}`` is the meeting's year, ``{p}`` the year
# before, ``{n}`` the year after. The level is what the climate classifier gives the title
# (tests/scale/test_synthetic.py checks every entry); the topic is a measures.Topic code.

NONE, MENTIONS, LINKED = (AgendaItem.ClimateLevel.NONE.value, AgendaItem.ClimateLevel.MENTIONS.value,
                          AgendaItem.ClimateLevel.LINKED.value)

PS_TITLES = (
    ("Lønnspolitisk plan {y}", "Lønspolitisk plan {y}", NONE, None),
    ("Budsjett {n} og økonomiplan {n}–{n3}", "Budsjett {n} og økonomiplan {n}–{n3}", NONE, None),
    ("Arbeidsgiverpolitisk plattform", "Arbeidsgjevarpolitisk plattform", NONE, None),
    ("Rekrutteringsstrategi for helse og omsorg", "Rekrutteringsstrategi for helse og omsorg", NONE, None),
    ("Heltidskultur – handlingsplan", "Heiltidskultur – handlingsplan", NONE, None),
    ("Etiske retningslinjer for ansatte", "Etiske retningsliner for tilsette", NONE, None),
    ("Rutiner for varsling av kritikkverdige forhold", "Rutinar for varsling av kritikkverdige forhold", NONE, None),
    ("Sykefravær – status og tiltak", "Sjukefråvær – status og tiltak", NONE, None),
    ("Medarbeiderundersøkelsen {y} – resultater og oppfølging", "Medarbeidarundersøkinga {y} – resultat og oppfølging", NONE, None),
    ("Seniorpolitiske retningslinjer", "Seniorpolitiske retningsliner", NONE, None),
    ("Omstilling i pleie og omsorg", "Omstilling i pleie og omsorg", NONE, None),
    ("Organisering av stab og støttefunksjoner", "Organisering av stab og støttefunksjonar", NONE, None),
    ("Reglement for permisjoner", "Reglement for permisjonar", NONE, None),
    ("Årsrapport HMS {p}", "Årsrapport HMS {p}", NONE, None),
    ("Retningslinjer for bruk av vikarer", "Retningsliner for bruk av vikarar", NONE, None),
    ("Plan for likestilling og mangfold", "Plan for likestilling og mangfald", NONE, None),
    ("Ny turnusordning i hjemmetjenesten", "Ny turnusordning i heimetenesta", NONE, None),
    ("Rusmiddelpolitiske retningslinjer", "Rusmiddelpolitiske retningsliner", NONE, None),
    ("Psykososialt arbeidsmiljø – handlingsplan", "Psykososialt arbeidsmiljø – handlingsplan", NONE, None),
    ("Samarbeidsklima mellom partene", "Samarbeidsklima mellom partane", NONE, None),
    ("Delegeringsreglement – revisjon", "Delegeringsreglement – revisjon", NONE, None),
    ("Lederavtaler og lederutvikling", "Leiaravtalar og leiarutvikling", NONE, None),
    ("Tiltak for økt nærvær i barnehagene", "Tiltak for auka nærvær i barnehagane", NONE, None),
    ("Livsfasepolitikk", "Livsfasepolitikk", NONE, None),
    ("Klimabudsjett {n}", "Klimabudsjett {n}", MENTIONS, "planning"),
    ("Handlingsplan for klima og miljø {n}–{n3}", "Handlingsplan for klima og miljø {n}–{n3}", MENTIONS, "planning"),
    ("Kommunedelplan for klima og energi", "Kommunedelplan for klima og energi", MENTIONS, "planning"),
    ("Klimatilpasning – risiko- og sårbarhetsanalyse", "Klimatilpassing – risiko- og sårbarheitsanalyse", MENTIONS, "planning"),
    ("Bærekraftsmålene i kommuneplanens samfunnsdel", "Berekraftsmåla i samfunnsdelen av kommuneplanen", MENTIONS, "planning"),
    ("Miljøfyrtårn-sertifisering av rådhuset", "Miljøfyrtårn-sertifisering av rådhuset", MENTIONS, "certification"),
    ("Årsrapport Miljøfyrtårn {p}", "Årsrapport Miljøfyrtårn {p}", MENTIONS, "certification"),
    ("Energisparetiltak i kommunale bygg", "Energisparetiltak i kommunale bygg", MENTIONS, "energy"),
    ("Solcelleanlegg på kommunale bygg", "Solcelleanlegg på kommunale bygg", MENTIONS, "energy"),
    ("Strategi for grønne innkjøp", "Strategi for grøne innkjøp", MENTIONS, "procurement"),
    ("Miljøkrav i renholdsavtalen", "Miljøkrav i reinhaldsavtalen", MENTIONS, "procurement"),
    ("Tiltak mot matsvinn i kommunale kantiner", "Tiltak mot matsvinn i kommunale kantiner", MENTIONS, "food"),
    ("Kildesortering i kommunale virksomheter", "Kjeldesortering i kommunale verksemder", MENTIONS, "waste"),
    ("Gjenbruk av møbler og IT-utstyr", "Gjenbruk av møblar og IT-utstyr", MENTIONS, "waste"),
    ("Naturmangfold i arealplanleggingen", "Naturmangfald i arealplanlegginga", MENTIONS, "nature"),
    ("Klimasats-søknad: ladepunkter ved kommunale bygg", "Klimasats-søknad: ladepunkt ved kommunale bygg", MENTIONS, "transport"),
    ("Ny skole bygges som passivhus", "Ny skule vert bygd som passivhus", MENTIONS, "buildings"),
    ("Parkeringsavgift for ansatte", "Parkeringsavgift for tilsette", LINKED, "transport"),
    ("Leasing av el-sykkel for ansatte", "Leasing av el-sykkel for tilsette", LINKED, "transport"),
    ("Fossilfri bilpark – elbil som tjenestebil", "Fossilfri bilpark – elbil som tenestebil", LINKED, "transport"),
    ("Reiseregulativ med klimakrav for tjenestereiser", "Reiseregulativ med klimakrav for tenestereiser", LINKED, "transport"),
    ("Arbeidsreglement – miljøansvar for ansatte", "Arbeidsreglement – miljøansvar for tilsette", LINKED, "planning"),
    ("Opplæring i klimavennlig drift for driftspersonell", "Opplæring i klimavenleg drift for driftspersonell", LINKED, "competence"),
    ("Hjemmekontor som klimatiltak", "Heimekontor som klimatiltak", LINKED, "transport"),
    ("Samlokalisering i miljøsertifisert bygg", "Samlokalisering i miljøsertifisert bygg", LINKED, "buildings"),
)
ORIENTERING_TITLES = (
    ("Orientering om sykefraværet", "Orientering om sjukefråværet", NONE, None),
    ("Orientering fra kommunedirektøren", "Orientering frå kommunedirektøren", NONE, None),
    ("Orientering om økonomisk status", "Orientering om økonomisk status", NONE, None),
    ("Orientering om lønnsoppgjøret {y}", "Orientering om lønsoppgjeret {y}", NONE, None),
    ("Orientering om arbeidet med heltidskultur", "Orientering om arbeidet med heiltidskultur", NONE, None),
    ("Orientering fra hovedverneombudet", "Orientering frå hovudverneombodet", NONE, None),
    ("Orientering om bemanningssituasjonen", "Orientering om bemanningssituasjonen", NONE, None),
    ("Orientering om rekruttering av sykepleiere", "Orientering om rekruttering av sjukepleiarar", NONE, None),
    ("Orientering om arbeidet med klimaplanen", "Orientering om arbeidet med klimaplanen", MENTIONS, "planning"),
    ("Orientering om energiforbruket i kommunale bygg", "Orientering om energiforbruket i kommunale bygg", MENTIONS, "energy"),
    ("Orientering om Miljøfyrtårn-sertifiseringen", "Orientering om Miljøfyrtårn-sertifiseringa", MENTIONS, "certification"),
    ("Orientering om klimaregnskapet {p}", "Orientering om klimarekneskapen {p}", MENTIONS, "planning"),
    ("Orientering om avfallshåndtering i kommunen", "Orientering om avfallshandtering i kommunen", MENTIONS, "waste"),
    ("Orientering om ny parkeringsordning for ansatte", "Orientering om ny parkeringsordning for tilsette", LINKED, "transport"),
    ("Orientering om pendling og sykkel til jobb", "Orientering om pendling og sykkel til jobb", LINKED, "transport"),
)
RS_TITLES = (
    ("Referatsaker", "Referatsaker", NONE, None),
    ("Referatsak: protokoll fra arbeidsmiljøutvalget", "Referatsak: protokoll frå arbeidsmiljøutvalet", NONE, None),
    ("Referatsak: sykefraværsstatistikk", "Referatsak: sjukefråværsstatistikk", NONE, None),
    ("Delegerte vedtak", "Delegerte vedtak", NONE, None),
)
#: Case-paper paragraphs (bokmål, nynorsk) between a PS or drøfting item's introduction and its
#: environmental assessment, so the search has case-paper text of a realistic length to read. They
#: are chosen by a hash of the title and the meeting date, not by the random generator, so every
#: other row stays what it was; they say nothing the climate classifier or the assessment reader
#: reacts to (tests/scale/test_synthetic.py checks every combination).
CASE_BACKGROUND = (
    ("Saksopplysninger: Saken ble sist behandlet for to år siden. Administrasjonen har siden hentet inn "
     "erfaringer fra tjenestene og fra sammenlignbare kommuner, og forslaget bygger på disse. Det er gjort "
     "mindre endringer i ordlyden etter innspill i arbeidsgruppen.",
     "Saksopplysningar: Saka vart sist handsama for to år sidan. Administrasjonen har sidan henta inn "
     "røynsler frå tenestene og frå samanliknbare kommunar, og framlegget byggjer på desse. Det er gjort "
     "mindre endringar i ordlyden etter innspel i arbeidsgruppa."),
    ("Saksopplysninger: Forslaget er utarbeidet i en partssammensatt arbeidsgruppe som har hatt fire møter. "
     "Gruppen har gjennomgått gjeldende rutiner, lovverk og avtaleverk, og foreslår en felles ordning for "
     "alle virksomheter i kommunen.",
     "Saksopplysningar: Framlegget er utarbeidd i ei partssamansett arbeidsgruppe som har hatt fire møte. "
     "Gruppa har gått gjennom gjeldande rutinar, lovverk og avtaleverk, og gjer framlegg om ei felles "
     "ordning for alle verksemdene i kommunen."),
    ("Saksopplysninger: Kommunestyret ba i sitt vedtak om at saken skulle legges fram for utvalget før "
     "endelig behandling. Saken har vært på høring i virksomhetene, og høringssvarene er oppsummert i "
     "vedlegget.",
     "Saksopplysningar: Kommunestyret bad i vedtaket sitt om at saka skulle leggjast fram for utvalet før "
     "endeleg handsaming. Saka har vore på høyring i verksemdene, og høyringssvara er samanfatta i "
     "vedlegget."),
    ("Saksopplysninger: Revisjonen har i sin rapport pekt på at dagens praksis varierer mellom enhetene. "
     "Administrasjonen foreslår derfor en tydeligere ansvarsdeling og en årlig rapportering til utvalget.",
     "Saksopplysningar: Revisjonen har i rapporten sin peika på at dagens praksis varierer mellom einingane. "
     "Administrasjonen gjer difor framlegg om ei tydelegare ansvarsdeling og ei årleg rapportering til utvalet."),
    ("Saksopplysninger: Saken er en oppfølging av handlingsprogrammet. Tiltakene er prioritert etter "
     "behov og gjennomførbarhet, og det legges opp til en evaluering etter ett år.",
     "Saksopplysningar: Saka følgjer opp handlingsprogrammet. Tiltaka er prioriterte etter behov og "
     "kor gjennomførlege dei er, og det er lagt opp til ei evaluering etter eitt år."),
    ("Saksopplysninger: Det er innhentet innspill fra verneombud og ledere i alle sektorer. Innspillene "
     "er i hovedsak positive, men flere peker på behovet for en god plan for innføring og informasjon.",
     "Saksopplysningar: Det er henta inn innspel frå verneombod og leiarar i alle sektorane. Innspela "
     "er i hovudsak positive, men fleire peikar på trongen for ein god plan for innføring og informasjon."),
)
CASE_ECONOMY = (
    ("Økonomiske konsekvenser: Forslaget kan gjennomføres innenfor vedtatt budsjett.",
     "Økonomiske konsekvensar: Framlegget kan gjennomførast innanfor vedteke budsjett."),
    ("Økonomiske konsekvenser: Kostnadene dekkes av fond for omstilling og innarbeides i økonomiplanen.",
     "Økonomiske konsekvensar: Kostnadene vert dekte av fond for omstilling og innarbeidde i økonomiplanen."),
    ("Økonomiske konsekvenser: Tiltaket gir økte driftskostnader de første årene og innsparinger på sikt.",
     "Økonomiske konsekvensar: Tiltaket gjev auka driftskostnader dei første åra og innsparingar på sikt."),
    ("Økonomiske konsekvenser: Saken har ingen direkte økonomiske konsekvenser.",
     "Økonomiske konsekvensar: Saka har ingen direkte økonomiske konsekvensar."),
)


def case_paper(title: str, day: datetime.date, nn: bool) -> str:
    """The middle of a case paper: background and economy, chosen by title and date (no random draw)."""
    key = zlib.crc32(f"{title}|{day.isoformat()}".encode())
    background = CASE_BACKGROUND[key % len(CASE_BACKGROUND)][nn]
    economy = CASE_ECONOMY[(key // len(CASE_BACKGROUND)) % len(CASE_ECONOMY)][nn]
    return f"{background}\n\n{economy}"


PROCEDURAL_NOTICE = ("Godkjenning av innkalling og saksliste", "Godkjenning av innkalling og sakliste")
PROCEDURAL_MINUTES = ("Godkjenning av protokoll fra møte {d}", "Godkjenning av protokoll frå møte {d}")

#: Climate measures by topic: (bokmål, nynorsk, affects employees, effects on employees).
MEASURE_TITLES: dict[str, tuple] = {
    "transport": (
        ("Parkeringsavgift for ansatte", "Parkeringsavgift for tilsette", True, ["commuting"]),
        ("El-sykkel-leasing for ansatte", "El-sykkel-leasing for tilsette", True, ["commuting", "equipment"]),
        ("Fossilfri kommunal bilpark", "Fossilfri kommunal bilpark", True, ["equipment"]),
        ("Reisepolicy med klimakrav", "Reisepolicy med klimakrav", True, ["work_methods"]),
        ("Ladepunkter ved kommunale bygg", "Ladepunkt ved kommunale bygg", False, []),
        ("Hjemmekontordag som klimatiltak", "Heimekontordag som klimatiltak", True, ["work_methods", "location"]),
    ),
    "energy": (
        ("Energisparing i kommunale bygg", "Energisparing i kommunale bygg", True, ["work_methods"]),
        ("Solceller på skoler og sykehjem", "Solceller på skular og sjukeheimar", False, []),
        ("Energiledelse i eiendomsforvaltningen", "Energileiing i eigedomsforvaltninga", True, ["work_methods", "training"]),
    ),
    "procurement": (
        ("Miljøkrav i alle anbud", "Miljøkrav i alle anbod", True, ["work_methods"]),
        ("Grønne innkjøp av arbeidstøy", "Grøne innkjøp av arbeidsklede", True, ["equipment"]),
    ),
    "waste": (
        ("Kildesortering i alle virksomheter", "Kjeldesortering i alle verksemder", True, ["work_methods"]),
        ("Ombruk av møbler og IT-utstyr", "Ombruk av møblar og IT-utstyr", False, []),
    ),
    "buildings": (
        ("Nye skoler som passivhus", "Nye skular som passivhus", False, []),
        ("Samlokalisering av tjenester i miljøbygg", "Samlokalisering av tenester i miljøbygg", True, ["location"]),
    ),
    "food": (
        ("Mindre matsvinn i kantiner og sykehjem", "Mindre matsvinn i kantiner og sjukeheimar", True, ["work_methods"]),
        ("Mer plantebasert mat i kantinene", "Meir plantebasert mat i kantinene", True, ["work_methods"]),
    ),
    "certification": (
        ("Miljøfyrtårn-sertifisering av rådhuset", "Miljøfyrtårn-sertifisering av rådhuset", True, ["working_rules", "training"]),
        ("Miljøfyrtårn i vaskeri og renhold", "Miljøfyrtårn i vaskeri og reinhald", True, ["work_methods", "training"]),
        ("Miljøsertifisering av hovedbiblioteket", "Miljøsertifisering av hovudbiblioteket", True, ["work_methods"]),
    ),
    "nature": (
        ("Naturmangfold i arealplanene", "Naturmangfald i arealplanane", False, []),
        ("Grønne uteområder ved barnehagene", "Grøne uteområde ved barnehagane", True, ["work_methods"]),
    ),
    "competence": (
        ("Klimaopplæring for ledere", "Klimaopplæring for leiarar", True, ["training"]),
        ("Grønne tillitsvalgte", "Grøne tillitsvalde", True, ["training"]),
    ),
    "planning": (
        ("Klimabudsjett som styringsverktøy", "Klimabudsjett som styringsverktøy", False, []),
        ("Klimafond for ansattes forslag", "Klimafond for forslag frå tilsette", True, ["work_methods"]),
        ("Miljøansvar i arbeidsreglementet", "Miljøansvar i arbeidsreglementet", True, ["working_rules"]),
        ("Klimatilpasning av kommunale tjenester", "Klimatilpassing av kommunale tenester", True, ["work_methods"]),
    ),
}
SECOND_TOPIC = {
    "transport": "planning", "energy": "buildings", "procurement": "waste", "waste": "procurement",
    "buildings": "energy", "food": "waste", "certification": "competence", "nature": "planning",
    "competence": "certification", "planning": "competence",
}
RESPONSIBLE_UNITS = ("Eiendom", "Teknisk drift", "HR og organisasjon", "Innkjøp", "Plan og miljø", "Helse og omsorg",
                     "Oppvekst", "Kommunedirektørens stab")

PARTIES = (("AP", 25), ("H", 20), ("SP", 18), ("FRP", 11), ("SV", 6), ("KRF", 5), ("V", 4), ("MDG", 4), ("R", 4),
           ("INP", 1), ("PP", 2))
PSU_UNIONS = ("Fagforbundet", "Utdanningsforbundet", "Sykepleierforbundet", "Delta", "FO", "NITO", "Naturviterne")
AMU_UNIONS = ("Fagforbundet", "Utdanningsforbundet", "Sykepleierforbundet", "Delta")
NYNORSK_COUNTIES = {"46": 0.75, "15": 0.45, "11": 0.2, "34": 0.15, "40": 0.15, "33": 0.1}


@dataclass(frozen=True)
class Lang:
    nn: bool

    def pick(self, pair):
        return pair[1] if self.nn else pair[0]


ROLE_LABEL = {
    False: {"leiar": "Leder", "nestleiar": "Nestleder", "medlem": "Medlem", "varamedlem": "Varamedlem",
            "sekretaer": "Sekretær"},
    True: {"leiar": "Leiar", "nestleiar": "Nestleiar", "medlem": "Medlem", "varamedlem": "Varamedlem",
           "sekretaer": "Sekretær"},
}

# --- results ----------------------------------------------------------------------------------


@dataclass
class Result:
    dataset: SyntheticDataset | None
    counts: dict[str, int]
    seconds: float
    skipped: bool = False


def default_end_year(today: datetime.date | None = None) -> int:
    """The last complete calendar year: every generated meeting lies in the past."""
    return (today or timezone.localdate()).year - 1


# --- marking and refusing -----------------------------------------------------------------------


def _marked(name: str):
    through = getattr(SyntheticDataset, name).through
    column = {"bodies": "body_id", "people": "person_id", "measures": "climatemeasure_id"}[name]
    return through.objects.values(column)


def real_data() -> dict[str, int]:
    """Rows that are not synthetic, by kind (only kinds with rows): demo data, imports, hand entry."""
    bodies, people, measures = _marked("bodies"), _marked("people"), _marked("measures")
    found = {
        "bodies": Body.objects.exclude(pk__in=bodies).count(),
        "meetings": Meeting.objects.exclude(body_id__in=bodies).count(),
        "people": Person.objects.exclude(pk__in=people).count(),
        "climate measures": ClimateMeasure.objects.exclude(pk__in=measures).count(),
    }
    return {kind: n for kind, n in found.items() if n}


def _raw_delete(queryset) -> int:
    """DELETE without Django's collector: no cascades, no signals, so no history rows and no
    million objects in memory. The caller deletes children first."""
    return queryset._raw_delete(queryset.db) or 0


@transaction.atomic
def clear() -> dict[str, int]:
    """Remove every synthetic dataset and all rows under it; real data stays as it is.

    References from real rows to synthetic ones (possible only after ``--force``) are handled as
    the models' ``on_delete`` says: set to NULL, or the link row removed.
    """
    bodies, people, measures = _marked("bodies"), _marked("people"), _marked("measures")
    in_meetings = {"meeting__body_id__in": bodies}
    removed: Counter = Counter()
    affected = set(Body.objects.filter(pk__in=bodies.values("body_id")).values_list("municipality_id", flat=True))
    affected |= set(ClimateMeasure.objects.filter(pk__in=measures.values("climatemeasure_id")).values_list(
        "municipality_id", flat=True))
    # real rows pointing into synthetic data (SET_NULL / link rows)
    real_involvements = Involvement.objects.exclude(measure_id__in=measures)
    real_involvements.filter(agenda_item__meeting__body_id__in=bodies).update(agenda_item=None)
    real_involvements.filter(source_proposal__item__meeting__body_id__in=bodies).update(source_proposal=None)
    real_involvements.filter(source_request__meeting__body_id__in=bodies).update(source_request=None)
    ClimateMeasure.objects.exclude(pk__in=measures).filter(decision_item__meeting__body_id__in=bodies).update(
        decision_item=None
    )
    _raw_delete(ClimateMeasure.agenda_items.through.objects.exclude(climatemeasure_id__in=measures).filter(
        agendaitem__meeting__body_id__in=bodies))
    _raw_delete(Involvement.representatives.through.objects.exclude(involvement__measure_id__in=measures).filter(
        person_id__in=people))
    real_requests = Request.objects.exclude(**in_meetings)
    real_requests.filter(resulting_item__meeting__body_id__in=bodies).update(resulting_item=None)
    real_requests.filter(raised_under__meeting__body_id__in=bodies).update(raised_under=None)
    real_requests.filter(person_id__in=people).update(person=None)
    real_attendance = Attendance.objects.exclude(**in_meetings)
    real_attendance.filter(membership__body_id__in=bodies).update(membership=None)
    real_attendance.filter(substitute_for__body_id__in=bodies).update(substitute_for=None)
    protected = (real_attendance.filter(person_id__in=people).count()
                 + Membership.objects.exclude(body_id__in=bodies).filter(person_id__in=people).count())
    if protected:
        raise RuntimeError(
            f"{protected} attendance or membership rows of real bodies refer to synthetic people; "
            "remove them (or the people's seats) before clearing the synthetic data."
        )
    # measures
    removed["involvement unions"] = _raw_delete(
        Involvement.unions.through.objects.filter(involvement__measure_id__in=measures))
    removed["involvement representatives"] = _raw_delete(
        Involvement.representatives.through.objects.filter(involvement__measure_id__in=measures))
    removed["involvements"] = _raw_delete(Involvement.objects.filter(measure_id__in=measures))
    removed["process answers"] = _raw_delete(ProcessAnswer.objects.filter(measure_id__in=measures))
    _raw_delete(DismissedSuggestion.objects.filter(measure_id__in=measures))
    removed["measure topics"] = _raw_delete(ClimateMeasure.topics.through.objects.filter(climatemeasure_id__in=measures))
    removed["measure items"] = _raw_delete(
        ClimateMeasure.agenda_items.through.objects.filter(climatemeasure_id__in=measures))
    # meetings
    removed["proposers"] = _raw_delete(Proposal.proposers.through.objects.filter(proposal__item__meeting__body_id__in=bodies))
    removed["proposals"] = _raw_delete(Proposal.objects.filter(item__meeting__body_id__in=bodies))
    removed["requests"] = _raw_delete(Request.objects.filter(**in_meetings))
    removed["attendance"] = _raw_delete(Attendance.objects.filter(**in_meetings))
    _raw_delete(MeetingSource.objects.filter(**in_meetings))
    # the marker's own link rows go before the rows they point to: read the ids first
    removed["datasets"] = SyntheticDataset.objects.count()
    body_ids = list(bodies.values_list("body_id", flat=True))
    person_ids = list(people.values_list("person_id", flat=True))
    measure_ids = list(measures.values_list("climatemeasure_id", flat=True))
    for name in ("bodies", "people", "measures"):
        _raw_delete(getattr(SyntheticDataset, name).through.objects.all())
    _raw_delete(SyntheticDataset.objects.all())
    removed["measures"] = _delete_in(ClimateMeasure, "pk", measure_ids)
    removed["agenda items"] = _delete_in(AgendaItem, "meeting__body_id", body_ids)
    removed["meetings"] = _delete_in(Meeting, "body_id", body_ids)
    removed["green representatives"] = _delete_in(GreenRepresentative, "person_id", person_ids)
    removed["memberships"] = _delete_in(Membership, "body_id", body_ids)
    removed["bodies"] = _delete_in(Body, "pk", body_ids)
    removed["people"] = _delete_in(Person, "pk", person_ids)
    refresh_statistics(affected)
    return {kind: n for kind, n in removed.items() if n}


def _delete_in(model, path: str, ids: list) -> int:
    deleted = 0
    for start in range(0, len(ids), 20000):
        deleted += _raw_delete(model.objects.filter(**{f"{path}__in": ids[start:start + 20000]}))
    return deleted


def present(seed: int, municipalities: int, years: int, end_year: int) -> SyntheticDataset | None:
    """The dataset with exactly these parameters made by this version of the generator, if any."""
    return SyntheticDataset.objects.filter(
        seed=seed, municipalities=municipalities, years=years, end_year=end_year,
        generator_version=GENERATOR_VERSION,
    ).first()


# --- generation -----------------------------------------------------------------------------------


@dataclass
class Chunk:
    """Rows for a few municipalities, built in memory and written together."""

    bodies: list = field(default_factory=list)
    people: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    attendance: list = field(default_factory=list)
    items: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    proposers: list = field(default_factory=list)  # (proposal, organisation id)
    requests: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    measure_topics: list = field(default_factory=list)  # (measure, topic id)
    measure_items: list = field(default_factory=list)  # (measure, item)
    involvements: list = field(default_factory=list)
    involvement_unions: list = field(default_factory=list)  # (involvement, organisation id)
    involvement_people: list = field(default_factory=list)  # (involvement, person)
    process_answers: list = field(default_factory=list)
    green: list = field(default_factory=list)


class Reference:
    """What every municipality needs: organisations and topics by code, loaded once."""

    def __init__(self):
        self.org = {o.short_name: o.pk for o in Organisation.objects.all()}
        self.org_name = {pk: name for name, pk in self.org.items()}
        self.topic = {t.code: t.pk for t in Topic.objects.all()}
        missing = [name for name, _w in PARTIES if name not in self.org] + [
            u for u in PSU_UNIONS + AMU_UNIONS if u not in self.org
        ]
        if missing:
            raise RuntimeError(f"Organisations missing from the register: {', '.join(sorted(set(missing)))} (run migrate).")
        if len(self.topic) < len(Topic.Code.values):
            raise RuntimeError("The climate topics are missing (run migrate).")


def _weighted(rng: random.Random, pairs):
    total = sum(w for _v, w in pairs)
    x = rng.random() * total
    for value, weight in pairs:
        x -= weight
        if x < 0:
            return value
    return pairs[-1][0]


def _fmt_title(template: str, day: datetime.date) -> str:
    if "{" not in template:
        return template
    return template.format(y=day.year, p=day.year - 1, n=day.year + 1, n3=day.year + 4, d=day.strftime("%d.%m.%Y"))


def _weekday_in(rng: random.Random, year: int, month: int) -> datetime.date:
    day = datetime.date(year, month, rng.randint(2, 22))
    while day.weekday() not in (1, 2, 3):  # Tuesday to Thursday
        day += datetime.timedelta(days=1)
    return day


def _periods(first: datetime.date, last: datetime.date) -> list[tuple[datetime.date, datetime.date | None]]:
    """Election periods overlapping [first, last]: (start, end), the current one open-ended."""
    starts = [datetime.date(y, 10, 15) for y in ELECTION_YEARS]
    periods = []
    for index, start in enumerate(starts[:-1]):
        end = starts[index + 1] - datetime.timedelta(days=1)
        if end < first or start > last:
            continue
        periods.append((start, end if end < last else None))
    return periods


class MunicipalityBuilder:
    """Builds one municipality's rows into a :class:`Chunk` (no queries)."""

    def __init__(self, municipality: Municipality, seed: int, years: int, end_year: int, ref: Reference,
                 chunk: Chunk, taken_names: set[tuple[str, str]]):
        self.m = municipality
        self.rng = random.Random(f"{seed}/{municipality.number}")
        self.first = datetime.date(end_year - years + 1, 1, 1)
        self.last = datetime.date(end_year, 12, 31)
        self.ref = ref
        self.c = chunk
        self.taken_names = taken_names
        rng = self.rng
        self.lang = Lang(rng.random() < NYNORSK_COUNTIES.get(municipality.county_number, 0.03))
        # the municipality's own character
        self.climate = rng.uniform(0.45, 1.55)
        self.voice = rng.uniform(0.3, 1.8)
        self.early = rng.uniform(0.1, 0.7)
        self.never = rng.uniform(0.1, 0.4)
        self.assessment = _weighted(rng, [("strict", 25), ("partial", 40), ("rare", 35)])
        self.names_used: set[str] = set()
        self.climate_items: list[tuple[AgendaItem, Meeting, Body, tuple]] = []
        self.request_results: dict[int, Request] = {}  # id(item) -> request that asked for it
        self.employee_people: list[tuple[Person, int]] = []
        self.proposals_of: dict[int, list] = defaultdict(list)  # id(item) -> its proposals in order

    # people ---------------------------------------------------------------------------------
    def person(self, title: str = "") -> Person:
        rng = self.rng
        for _ in range(50):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name not in self.names_used:
                break
        else:  # pragma: no cover - 4000 combinations, a municipality uses ~100
            name = f"{name} {len(self.names_used)}"
        self.names_used.add(name)
        person = R(Person, name=name, municipality=self.m, title=title)
        self.c.people.append(person)
        return person

    def seat(self, body, person, role, side, org, start, end, voting=True) -> Membership:
        membership = R(
            Membership,
            person=person, body=body, role=role, side=side, on_behalf_of_id=org, voting_right=voting,
            start_date=start, end_date=end,
        )
        self.c.memberships.append(membership)
        return membership

    def build(self) -> None:
        rng, nn = self.rng, self.lang.nn
        M = Membership
        # the administration: mostly the same people over the years
        self.director = self.person("Kommunedirektør")
        self.hr_leader = self.person("HR-sjef" if not nn else "HR-leiar")
        self.sector_leader = self.person("Kommunalsjef")
        self.adviser = self.person("HR-rådgiver" if not nn else "HR-rådgjevar")
        self.bht = self.person("Bedriftshelsetjenesten" if not nn else "Bedriftshelsetenesta")
        psu_name = rng.choice(
            ["Administrasjonsutvalet", "Partssamansett utval"] if nn else
            ["Partssammensatt utvalg", "Administrasjonsutvalget", "Administrasjonsutvalget (ADU)"]
        )
        amu_name = "Arbeidsmiljøutvalet" if nn else "Arbeidsmiljøutvalget"
        bodies = []
        for kind, name in ((Body.Kind.PSU, psu_name), (Body.Kind.AMU, amu_name)):
            while (self.m.number, name) in self.taken_names:  # only with --force next to real data
                name = f"{name} (syntetisk)"
            body = R(Body, municipality=self.m, name=name, kind=kind, permanent=True,
                        parties=Body.Parties.TWO if kind == Body.Kind.PSU else Body.Parties.THREE)
            self.c.bodies.append(body)
            bodies.append(body)
        psu, amu = bodies
        periods = _periods(self.first, self.last)
        n_pol = rng.choice([5, 5, 7, 7, 7, 9])
        n_emp = rng.choice([2, 3, 3, 4])
        unions = [PSU_UNIONS[0]] + rng.sample(PSU_UNIONS[1:], n_emp - 1)
        seats = {"psu": [], "amu": []}  # (membership, period index) per body
        previous: dict[tuple, Person] = {}

        def carry(slot, keep, title=""):
            if slot in previous and rng.random() < keep:
                return previous[slot]
            person = self.person(title)
            previous[slot] = person
            return person

        for p_index, (start, end) in enumerate(periods):
            parties = [_weighted(rng, PARTIES) for _ in range(n_pol)]
            for i, party in enumerate(parties):
                role = M.Role.LEIAR if i == 0 else M.Role.NESTLEIAR if i == 1 else M.Role.MEDLEM
                person = carry(("pol", i), 0.4)
                seats["psu"].append((self.seat(psu, person, role, M.Side.POLITICAL, self.ref.org[party], start, end), p_index))
            for i in range(2):
                person = carry(("polvara", i), 0.3)
                seats["psu"].append((self.seat(psu, person, M.Role.VARAMEDLEM, M.Side.POLITICAL,
                                             self.ref.org[parties[i]], start, end), p_index))
            hovedtillitsvalgt = {}
            for i, union in enumerate(unions):
                person = carry(("emp", i), 0.6, "Hovedtillitsvalgt" if not nn else "Hovudtillitsvald")
                hovedtillitsvalgt[union] = person
                self.employee_people.append((person, self.ref.org[union]))
                seats["psu"].append((self.seat(psu, person, M.Role.MEDLEM, M.Side.EMPLOYEE, self.ref.org[union], start, end), p_index))
            for i in range(2):
                union = unions[i % len(unions)]
                person = carry(("empvara", i), 0.5, "Tillitsvalgt" if not nn else "Tillitsvald")
                self.employee_people.append((person, self.ref.org[union]))
                seats["psu"].append((self.seat(psu, person, M.Role.VARAMEDLEM, M.Side.EMPLOYEE, self.ref.org[union],
                                             start, end), p_index))
            seats["psu"].append((self.seat(psu, self.adviser, M.Role.SEKRETAER, M.Side.EMPLOYER, None, start, end,
                                         voting=False), p_index))
            # AMU: employer side, employee side (safety delegate and union representatives), BHT
            amu_unions = [AMU_UNIONS[0], rng.choice(AMU_UNIONS[1:])]
            employer_first = p_index % 2 == 0  # the chair alternates between the sides
            for person, role in ((self.director, M.Role.LEIAR if employer_first else M.Role.NESTLEIAR),
                                 (self.hr_leader, M.Role.MEDLEM), (self.sector_leader, M.Role.MEDLEM)):
                seats["amu"].append((self.seat(amu, person, role, M.Side.EMPLOYER, None, start, end), p_index))
            safety = carry(("hvo",), 0.6, "Hovedverneombud" if not nn else "Hovudverneombod")
            seats["amu"].append((self.seat(amu, safety, M.Role.NESTLEIAR if employer_first else M.Role.LEIAR,
                                         M.Side.EMPLOYEE, None, start, end), p_index))
            for i, union in enumerate(amu_unions):
                # the union's hovedtillitsvalgt sits in both bodies
                person = hovedtillitsvalgt.get(union) or carry(
                    ("amu", i), 0.6, "Hovedtillitsvalgt" if not nn else "Hovudtillitsvald")
                self.employee_people.append((person, self.ref.org[union]))
                seats["amu"].append((self.seat(amu, person, M.Role.MEDLEM, M.Side.EMPLOYEE, self.ref.org[union], start, end), p_index))
            seats["amu"].append((self.seat(amu, self.adviser, M.Role.VARAMEDLEM, M.Side.EMPLOYER, None, start, end), p_index))
            vara = carry(("amuvara",), 0.5, "Verneombud" if not nn else "Verneombod")
            seats["amu"].append((self.seat(amu, vara, M.Role.VARAMEDLEM, M.Side.EMPLOYEE, self.ref.org[amu_unions[0]],
                                         start, end), p_index))
            seats["amu"].append((self.seat(amu, self.bht, M.Role.MEDLEM, M.Side.EMPLOYER, None, start, end, voting=False),
                               p_index))
        self.build_meetings(psu, seats["psu"], periods)
        self.build_meetings(amu, seats["amu"], periods)
        self.build_measures()
        if rng.random() < 0.12 and self.employee_people:
            person, union = rng.choice(self.employee_people)
            since = self.first + datetime.timedelta(days=rng.randint(0, (self.last - self.first).days))
            self.c.green.append(R(GreenRepresentative, municipality=self.m, person=person, union_id=union, since=since))

    # meetings -------------------------------------------------------------------------------
    def build_meetings(self, body: Body, seats: list, periods) -> None:
        rng = self.rng
        months = PSU_MONTHS if body.kind == Body.Kind.PSU else AMU_MONTHS
        pending: list[tuple[Request, tuple]] = []  # requests waiting for an item at the next meeting
        previous_held: datetime.date | None = None
        for year in range(self.first.year, self.last.year + 1):
            case = 0
            for month in months:
                day = _weekday_in(rng, year, month)
                hour = rng.choice([9, 10, 10, 12, 13])
                duration = rng.choice([90, 120, 120, 150, 180])
                start = datetime.time(hour, 0 if hour != 12 else 30)
                end_minutes = hour * 60 + start.minute + duration
                cancelled = rng.random() < CANCELLED_SHARE
                meeting = R(
                    Meeting,
                    body=body, date=day, start_time=start, end_time=datetime.time(end_minutes // 60, end_minutes % 60),
                    place=rng.choice(["Kommunestyresalen", "Formannskapssalen", "Møterom 1, rådhuset", "Teams"]),
                    state=Meeting.State.CANCELLED if cancelled else Meeting.State.HELD, published=True,
                )
                self.c.meetings.append(meeting)
                if cancelled:
                    continue
                period = next(i for i, (s, e) in enumerate(periods) if s <= day and (e is None or day <= e))
                active = [s for s, p in seats if p == period]
                present = self.build_attendance(meeting, active)
                case = self.build_items(meeting, body, day, case, previous_held, pending, present)
                previous_held = day
        # requests still waiting at the end stay "not on an agenda yet"

    def build_attendance(self, meeting: Meeting, active: list[Membership]) -> list[tuple[Person, int | None]]:
        """Attendance rows; returns the employee-side people present (with their union)."""
        rng, labels = self.rng, ROLE_LABEL[self.lang.nn]
        A, M = Attendance, Membership
        not_recorded = rng.random() < NOT_RECORDED_MEETING_SHARE
        members = [s for s in active if s.role not in (M.Role.VARAMEDLEM, M.Role.SEKRETAER)]
        substitutes = {side: [s for s in active if s.role == M.Role.VARAMEDLEM and s.side == side] for side in SIDES}
        for side in substitutes:
            rng.shuffle(substitutes[side])
        employees_present = []
        seen = set()
        for seat in members:
            if not_recorded:
                status = A.Status.NOT_RECORDED
            else:
                status = A.Status.ABSENT if rng.random() < ABSENT_SHARE else A.Status.PRESENT
            seen.add(id(seat.person))
            self.c.attendance.append(R(
                A,
                meeting=meeting, person=seat.person, membership=seat, status=status, side=seat.side,
                role=labels[seat.role], organisation_id=seat.on_behalf_of_id,
            ))
            if status == A.Status.PRESENT and seat.side == M.Side.EMPLOYEE:
                employees_present.append((seat.person, seat.on_behalf_of_id))
            if status == A.Status.ABSENT and substitutes[seat.side] and rng.random() < SUBSTITUTE_SHARE:
                sub = substitutes[seat.side].pop()
                if id(sub.person) in seen:
                    continue
                seen.add(id(sub.person))
                self.c.attendance.append(R(
                    A,
                    meeting=meeting, person=sub.person, membership=sub, status=A.Status.PRESENT,
                    substitute_for=seat, side=sub.side, role=labels[M.Role.VARAMEDLEM],
                    organisation_id=sub.on_behalf_of_id,
                ))
                if sub.side == M.Side.EMPLOYEE:
                    employees_present.append((sub.person, sub.on_behalf_of_id))
        for seat in active:
            if seat.role == M.Role.SEKRETAER and id(seat.person) not in seen:
                seen.add(id(seat.person))
                self.c.attendance.append(R(
                A,
                    meeting=meeting, person=seat.person, membership=seat,
                    status=A.Status.NOT_RECORDED if not_recorded else A.Status.PRESENT,
                    side=A.Side.EMPLOYER, role=labels[M.Role.SEKRETAER],
                ))
        if meeting.body.kind == Body.Kind.PSU:
            others = [(self.director, "Kommunedirektør")]
            if rng.random() < 0.5:
                others.append((self.hr_leader, self.hr_leader.title))
            for person, role in others:
                if id(person) not in seen:
                    seen.add(id(person))
                    self.c.attendance.append(R(A, meeting=meeting, person=person, status=A.Status.PRESENT,
                                               side=A.Side.OTHER, role=role))
        return employees_present

    def _title_entry(self, bank, level: str):
        return self.rng.choice([e for e in bank if e[2] == level])

    def _level(self) -> str:
        rng = self.rng
        if rng.random() >= min(0.95, CLIMATE_SHARE * self.climate):
            return NONE
        return LINKED if rng.random() < LINKED_SHARE_OF_CLIMATE else MENTIONS

    def build_items(self, meeting, body, day, case, previous_held, pending, present) -> int:
        rng, lang = self.rng, self.lang
        T = AgendaItem.Type
        nn = lang.nn
        specs: list[tuple] = []  # (type, title entry, procedural, request that asked for the item)
        specs.append((T.PS, (PROCEDURAL_NOTICE[0], PROCEDURAL_NOTICE[1], NONE, None), True, None))
        if previous_held and rng.random() < 0.6:
            minutes = tuple(t.replace("{d}", previous_held.strftime("%d.%m.%Y")) for t in PROCEDURAL_MINUTES)
            specs.append((T.PS, (minutes[0], minutes[1], NONE, None), True, None))
        # items the employee side asked for at the previous meeting come first among the cases
        specs.extend((T.PS, entry, False, request) for request, entry in pending)
        pending.clear()
        n = max(3, min(12, round(rng.gauss(7.8 if body.kind == Body.Kind.PSU else 7.0, 1.6))))
        while len(specs) < n:
            kind = _weighted(rng, [(T.PS, 58), (T.ORIENTERING, 24), (T.RS, 13), (T.DROFTING, 5)])
            if kind == T.RS:
                specs.append((kind, rng.choice(RS_TITLES), True, None))
            else:
                bank = ORIENTERING_TITLES if kind == T.ORIENTERING else PS_TITLES
                specs.append((kind, self._title_entry(bank, self._level()), False, None))
        meeting_items = []
        for position, (kind, entry, procedural, request) in enumerate(specs, start=1):
            title = _fmt_title(lang.pick(entry), day)
            level = entry[2]
            numbered = kind != T.ORIENTERING
            if numbered:
                case += 1
            item = R(
                AgendaItem,
                meeting=meeting, position=position, case_number=f"{case:02d}/{day.year}" if numbered else "",
                archive_id=f"{day.year % 100:02d}/{rng.randint(100, 2999)}" if kind == T.PS and not procedural else "",
                title=title, item_type=kind, procedural=procedural, climate_level=level, climate_evidence=[],
                administration_proposal="", text="", handling="", decision="",
                env_assessment=AgendaItem.EnvAssessment.NOT_ASSESSED,
            )
            self.fill_texts(item, body, entry, procedural, nn)
            self.c.items.append(item)
            meeting_items.append(item)
            if level != NONE:
                self.climate_items.append((item, meeting, body, entry))
            if request is not None:
                request.resulting_item = item
                self.request_results[id(item)] = request
        substantive = [i for i in meeting_items if not i.procedural and i.item_type != T.RS]
        self.build_proposals(substantive, present, nn)
        self.build_requests(meeting, substantive, present, pending, nn)
        for item in meeting_items:
            if item.climate_level != NONE:
                item.climate_level, item.climate_evidence = self.evidence(item)
        return case

    def evidence(self, item) -> tuple[str, list]:
        """The classifier's level and evidence for a climate item, from exactly the fields
        :func:`meetings.classification.classify_item` reads. Items share their texts, so a cache
        keyed by those texts runs the classifier a few thousand times, not once per item."""
        proposals = tuple((p.kind, p.text) for p in self.proposals_of.get(id(item), ()))
        key = (item.title, item.text, item.administration_proposal, item.handling, item.decision, proposals)
        cached = EVIDENCE_CACHE.get(key)
        if cached is None:
            result = classify_agenda_item(
                item.title, item.text, administration_proposal=item.administration_proposal,
                handling=item.handling, decision=item.decision, proposals=proposals,
            )
            cached = EVIDENCE_CACHE[key] = (result.level, result.to_dict()["evidence"])
        return cached[0], [dict(e) for e in cached[1]]

    def fill_texts(self, item: AgendaItem, body: Body, entry, procedural: bool, nn: bool) -> None:
        rng = self.rng
        T = AgendaItem.Type
        title = item.title
        if procedural:
            if item.item_type == T.RS:
                item.administration_proposal = "Referatsakene tas til orientering." if not nn else "Referatsakene vert tekne til orientering."
            elif title.startswith(PROCEDURAL_NOTICE):
                item.administration_proposal = "Innkalling og saksliste godkjennes." if not nn else "Innkalling og sakliste vert godkjend."
            else:
                item.administration_proposal = "Protokollen godkjennes." if not nn else "Protokollen vert godkjend."
            item.decision = item.administration_proposal
            item.handling = "Enstemmig vedtatt." if not nn else "Samrøystes vedteke."
            return
        if item.item_type == T.ORIENTERING:
            item.administration_proposal = "Saken tas til orientering." if not nn else "Saka vert teken til orientering."
            item.text = ("Administrasjonen orienterer utvalget i møtet." if not nn else
                         "Administrasjonen orienterer utvalet i møtet.")
            item.decision = item.administration_proposal
            item.handling = "Enstemmig vedtatt." if not nn else "Samrøystes vedteke."
            return
        # PS and drøfting: a case paper, perhaps with an environmental assessment
        intro = (f"Saken gjelder {title[0].lower()}{title[1:]}. Kommunedirektøren legger saken fram for {body.name.lower()}."
                 if not nn else
                 f"Saka gjeld {title[0].lower()}{title[1:]}. Kommunedirektøren legg saka fram for {body.name.lower()}.")
        assessment = AgendaItem.EnvAssessment.NOT_ASSESSED
        if item.item_type == T.PS:
            weights = {"strict": (22, 68, 10), "partial": (10, 30, 60), "rare": (3, 7, 90)}[self.assessment]
            if entry[2] != NONE:
                weights = (weights[0] * 4, weights[1], weights[2])
            assessment = _weighted(rng, list(zip(ENV_VALUES, weights)))
        intro = f"{intro}\n\n{case_paper(title, item.meeting.date, nn)}"
        heading = "Vurdering av miljøkonsekvenser:" if not nn else "Vurdering av miljøkonsekvensar:"
        if assessment == AgendaItem.EnvAssessment.CONSEQUENCES:
            body_text = ("Saken har konsekvenser for miljøet, se vurderingen over." if not nn else
                         "Saka har konsekvensar for miljøet, sjå vurderinga over.")
            item.text = f"{intro}\n\n{heading} {body_text}"
        elif assessment == AgendaItem.EnvAssessment.NONE_FOUND:
            item.text = f"{intro}\n\n{heading} Ingen."
        else:
            item.text = intro
        item.env_assessment = assessment
        item.administration_proposal = (f"{title} vedtas som fremlagt." if not nn else
                                        f"{title} vert vedteken slik saka ligg føre.")
        item.decision = item.administration_proposal

    def build_proposals(self, substantive, present, nn) -> None:
        rng = self.rng
        P = Proposal
        unions_present = sorted({org for _p, org in present if org})
        for item in substantive:
            if item.item_type not in (AgendaItem.Type.PS, AgendaItem.Type.DROFTING):
                continue
            admin = R(P, item=item, position=0, kind=P.Kind.ADMINISTRATION, by_administration=True, votes_for=None, votes_against=None,
                      text=item.administration_proposal, outcome=P.Outcome.ADOPTED)
            self.c.proposals.append(admin)
            self.proposals_of[id(item)].append(admin)
            votes_total = rng.randint(6, 11)
            unanimous = True
            position = 1
            if unions_present and rng.random() < min(0.9, EMPLOYEE_PROPOSAL_SHARE * self.voice):
                kind = _weighted(rng, [(P.Kind.AMENDMENT, 45), (P.Kind.ADDITIONAL, 40), (P.Kind.JOINT, 15)])
                outcome = _weighted(rng, [(P.Outcome.ADOPTED, 35), (P.Outcome.FELL, 40), (P.Outcome.WITHDRAWN, 10),
                                          (P.Outcome.NOT_VOTED, 15)])
                proposers = rng.sample(unions_present, min(len(unions_present), rng.choice([1, 1, 2])))
                if kind == P.Kind.JOINT:
                    proposers.append(self.ref.org[_weighted(rng, PARTIES)])
                text = rng.choice(EMPLOYEE_PROPOSAL_TEXTS)[nn]
                proposal = R(P, item=item, position=position, kind=kind, text=text, outcome=outcome)
                if outcome in (P.Outcome.ADOPTED, P.Outcome.FELL):
                    for_ = rng.randint(votes_total // 2 + 1, votes_total) if outcome == P.Outcome.ADOPTED else rng.randint(1, votes_total // 2)
                    proposal.votes_for, proposal.votes_against = for_, votes_total - for_
                    unanimous = unanimous and proposal.votes_against == 0
                self.c.proposals.append(proposal)
                self.proposals_of[id(item)].append(proposal)
                self.c.proposers.extend((proposal, org) for org in dict.fromkeys(proposers))
                position += 1
                if outcome == P.Outcome.ADOPTED:
                    item.decision = f"{item.administration_proposal}\n{text}"
            if rng.random() < POLITICAL_PROPOSAL_SHARE:
                kind = _weighted(rng, [(P.Kind.AMENDMENT, 50), (P.Kind.ALTERNATIVE, 30), (P.Kind.ADDITIONAL, 20)])
                outcome = P.Outcome.ADOPTED if rng.random() < 0.35 else P.Outcome.FELL
                text = rng.choice(POLITICAL_PROPOSAL_TEXTS)[nn]
                for_ = rng.randint(votes_total // 2 + 1, votes_total) if outcome == P.Outcome.ADOPTED else rng.randint(1, votes_total // 2)
                proposal = R(P, item=item, position=position, kind=kind, text=text, outcome=outcome,
                             votes_for=for_, votes_against=votes_total - for_)
                self.c.proposals.append(proposal)
                self.proposals_of[id(item)].append(proposal)
                self.c.proposers.append((proposal, self.ref.org[_weighted(rng, PARTIES)]))
                unanimous = False
                if outcome == P.Outcome.ADOPTED and kind == P.Kind.ALTERNATIVE:
                    admin.outcome = P.Outcome.FELL
                    admin.votes_for, admin.votes_against = votes_total - for_, for_
                    item.decision = text
                elif outcome == P.Outcome.ADOPTED:
                    item.decision = f"{item.decision}\n{text}"
            if unanimous:
                item.handling = "Enstemmig vedtatt." if not nn else "Samrøystes vedteke."
            else:
                if admin.votes_for is None:
                    admin.votes_for, admin.votes_against = votes_total, 0
                item.handling = (f"Kommunedirektørens forslag fikk {admin.votes_for} stemmer." if not nn else
                                 f"Kommunedirektøren sitt framlegg fekk {admin.votes_for} røyster.")

    def build_requests(self, meeting, substantive, present, pending, nn) -> None:
        rng = self.rng
        if not present:
            return
        count = 0
        rate = REQUESTS_PER_MEETING * self.voice
        while rng.random() < rate / (1 + count):
            count += 1
        for _ in range(count):
            person, org = rng.choice(present)
            climate = rng.random() < 0.3
            bank = [e for e in PS_TITLES if (e[2] != NONE) == climate and "{" not in e[0]]
            entry = rng.choice(bank)
            subject = self.lang.pick(entry)
            subject = subject[0].lower() + subject[1:]
            asks = rng.random() < 0.5
            who = f"{person.name} ({self.ref.org_name[org]})" if org else person.name
            if asks:
                text = (f"{who} ber om at sak om {subject} blir tatt med på sakslisten til neste møte." if not nn else
                        f"{who} ber om at sak om {subject} blir teken med på sakslista til neste møte.")
            else:
                text = rng.choice(QUESTION_TEXTS)[nn].format(who=who, subject=subject)
            raised_under = rng.choice(substantive) if substantive and rng.random() < 0.6 else None
            request = R(Request, meeting=meeting, raised_under=raised_under, person=person, organisation_id=org,
                              text=text, asks_for_agenda_item=asks)
            self.c.requests.append(request)
            if asks and rng.random() < 0.65:
                pending.append((request, entry))

    # measures -------------------------------------------------------------------------------
    def build_measures(self) -> None:
        rng, nn = self.rng, self.lang.nn
        years = self.last.year - self.first.year + 1
        wanted = round(years * rng.uniform(*MEASURE_TITLES_RATE))
        anchors = [a for a in self.climate_items if a[0].item_type in (AgendaItem.Type.PS, AgendaItem.Type.ORIENTERING)]
        rng.shuffle(anchors)
        titles_used: set[str] = set()
        for item, meeting, body, entry in anchors[:wanted]:
            topic = entry[3]
            affects_wanted = entry[2] == LINKED or rng.random() < 0.45
            options = [m for m in MEASURE_TITLES[topic] if m[2] == affects_wanted] or list(MEASURE_TITLES[topic])
            spec = rng.choice(options)
            title = spec[1] if nn else spec[0]
            if title in titles_used:
                title = f"{title} ({meeting.date.year})"
                if title in titles_used:
                    continue
            titles_used.add(title)
            self.build_measure(title, spec, topic, item, meeting, body)

    def build_measure(self, title, spec, topic, item, meeting, body) -> None:
        rng = self.rng
        S = ClimateMeasure.Status
        day = meeting.date
        decided = item.item_type == AgendaItem.Type.PS
        proposed = day - datetime.timedelta(days=rng.randint(30, 300)) if decided else day
        measure = R(
            ClimateMeasure,
            municipality=self.m, title=title, proposed_date=proposed,
            description=("Tiltaket ble behandlet i " if not self.lang.nn else "Tiltaket vart handsama i ") + f"{body.name.lower()} {day:%d.%m.%Y}.",
            responsible_unit=rng.choice(RESPONSIBLE_UNITS), affects_employees=spec[2],
            employee_effects=list(spec[3]) if spec[2] else [], status=ClimateMeasure.Status.IDEA,
            decision_date=None, decision_item=None, decided_by="", stopped_date=None, funding="",
            funding_amount=None, expected_emission_effect=None, emission_effect_source="",
        )
        age = (self.last - day).days
        if decided:
            measure.decision_date = day
            measure.decision_item = item
            measure.decided_by = rng.choice([body.name, "Kommunestyret", "Kommunedirektøren"])
            if rng.random() < 0.05:
                measure.status = S.STOPPED
            elif age > 3 * 365:
                measure.status = _weighted(rng, [(S.IMPLEMENTED, 50), (S.EVALUATED, 35), (S.IN_IMPLEMENTATION, 15)])
            elif age > 365:
                measure.status = _weighted(rng, [(S.IN_IMPLEMENTATION, 55), (S.IMPLEMENTED, 35), (S.DECIDED, 10)])
            else:
                measure.status = _weighted(rng, [(S.DECIDED, 60), (S.IN_IMPLEMENTATION, 40)])
        else:
            measure.status = _weighted(rng, [(S.IDEA, 40), (S.PROPOSED, 60)])
        funding = _weighted(rng, [("operating_budget", 35), ("investment_budget", 20), ("klimasats", 15),
                                  ("climate_fund", 10), ("none", 15), ("", 5)])
        measure.funding = funding
        if funding not in ("", "none") and rng.random() < 0.6:
            measure.funding_amount = rng.choice([50, 100, 250, 400, 750, 1200, 3000]) * 1000
        if rng.random() < 0.3:
            measure.expected_emission_effect = Decimal(f"{rng.uniform(1, 150):.1f}")
            measure.emission_effect_source = "Klimakalkulator, Miljødirektoratet" if rng.random() < 0.5 else "Kommunens klimaregnskap"
        self.c.measures.append(measure)
        self.c.measure_topics.append((measure, self.ref.topic[topic]))
        if rng.random() < 0.2:
            self.c.measure_topics.append((measure, self.ref.topic[SECOND_TOPIC[topic]]))
        self.c.measure_items.append((measure, item))
        events = self.involvement_plan(measure, item, meeting, body)
        latest = max([e[0] for e in events], default=None)
        if measure.status == S.STOPPED:
            stop = (measure.decision_date or day) + datetime.timedelta(days=rng.randint(120, 540))
            measure.stopped_date = min(max(stop, latest or stop), self.last)
            if measure.stopped_date < (measure.decision_date or day):  # decided in the last days of the range
                measure.status, measure.stopped_date = S.DECIDED, None
        for event in events:
            self.add_involvement(measure, *event)
        if rng.random() < 0.35:
            for question in ProcessAnswer.Question.values:
                answer = _weighted(rng, [("yes", 45), ("partly", 35), ("no", 20)])
                self.c.process_answers.append(R(ProcessAnswer, measure=measure, question=question, answer=answer))

    def involvement_plan(self, measure, item, meeting, body) -> list[tuple]:
        """Events as (date, arena, raised_by, level, agenda_item, request): early, late or never."""
        rng = self.rng
        Inv = Involvement
        arena = Inv.Arena.PSU if body.kind == Body.Kind.PSU else Inv.Arena.AMU
        decision = measure.decision_date
        proposed = measure.proposed_date
        events = []
        request = self.request_results.get(id(item))
        if request is not None:
            # the employee side asked for the item: initiated (level 4) at the meeting where they asked
            events.append((request.meeting.date, arena, Inv.RaisedBy.EMPLOYEE, 4, None, request))
        roll = rng.random()
        if roll < self.never and request is None:
            if rng.random() < 0.3:
                events.append((decision or proposed, Inv.Arena.OTHER, Inv.RaisedBy.EMPLOYER, 0, None, None))
        elif roll < self.never + (1 - self.never) * self.early or request is not None:
            # early: consulted, at the latest in the meeting that decides
            events.append((meeting.date, arena, Inv.RaisedBy.EMPLOYER, rng.choice([2, 2, 3]), item, None))
            if rng.random() < 0.4 and proposed < meeting.date:
                before = proposed + datetime.timedelta(days=rng.randint(0, (meeting.date - proposed).days))
                events.append((before, rng.choice([Inv.Arena.DROFTING, Inv.Arena.WORKING_GROUP]),
                               rng.choice([Inv.RaisedBy.EMPLOYER, Inv.RaisedBy.JOINT]), rng.choice([1, 2, 3, 3]), None, None))
        else:
            # late: informed before the decision, or heard only after it
            if rng.random() < 0.5:
                events.append((meeting.date, arena, Inv.RaisedBy.EMPLOYER, 1, item, None))
            if decision and rng.random() < 0.7:
                after = decision + datetime.timedelta(days=rng.randint(20, 200))
                if after <= self.last:
                    events.append((after, Inv.Arena.DROFTING, Inv.RaisedBy.EMPLOYER, 2, None, None))
            if not events:
                events.append((meeting.date, arena, Inv.RaisedBy.EMPLOYER, 1, item, None))
        return events

    def add_involvement(self, measure, day, arena, raised_by, level, item, request) -> None:
        rng = self.rng
        Inv = Involvement
        if measure.stopped_date and day > measure.stopped_date:
            return
        position = Inv.Position.NOT_STATED
        text = ""
        if level >= 2 or raised_by != Inv.RaisedBy.EMPLOYER:
            position = _weighted(rng, [(Inv.Position.SUPPORTS, 45), (Inv.Position.MIXED, 25), (Inv.Position.OPPOSES, 10),
                                       (Inv.Position.NOT_STATED, 20)])
            if position != Inv.Position.NOT_STATED:
                text = rng.choice(POSITION_TEXTS[position])[self.lang.nn]
        involvement = R(
            Inv,
            measure=measure, date=day, arena=arena, raised_by=raised_by, level=level, agenda_item=item,
            source_request=request, position=position, position_text=text,
            recorded_by_side="employee" if rng.random() < 0.3 else "employer",
        )
        self.c.involvements.append(involvement)
        if level >= 1 and self.employee_people:
            person, union = rng.choice(self.employee_people)
            self.c.involvement_unions.append((involvement, union))
            if rng.random() < 0.5:
                self.c.involvement_people.append((involvement, person))


MEASURE_TITLES_RATE = MEASURES_PER_YEAR
ENV_VALUES = tuple(AgendaItem.EnvAssessment.values)
SIDES = tuple(Membership.Side.values)
#: (title, texts ...) -> (level, evidence): see MunicipalityBuilder.evidence.
EVIDENCE_CACHE: dict[tuple, tuple[str, list]] = {}

EMPLOYEE_PROPOSAL_TEXTS = (
    ("Saken utsettes til neste møte slik at den kan drøftes med de tillitsvalgte først.",
     "Saka vert utsett til neste møte slik at ho kan drøftast med dei tillitsvalde først."),
    ("De tillitsvalgte tas med i arbeidsgruppen som følger opp saken.",
     "Dei tillitsvalde vert med i arbeidsgruppa som følgjer opp saka."),
    ("Ordningen evalueres etter ett år i samråd med de tillitsvalgte.",
     "Ordninga vert evaluert etter eitt år i samråd med dei tillitsvalde."),
    ("Utvalget ber om en sak om gjennomføringen før sommeren.",
     "Utvalet ber om ei sak om gjennomføringa før sommaren."),
)
POLITICAL_PROPOSAL_TEXTS = (
    ("Saken sendes tilbake til administrasjonen for videre utredning.",
     "Saka vert send tilbake til administrasjonen for vidare utgreiing."),
    ("Kommunedirektøren legger fram en statusrapport om et halvt år.",
     "Kommunedirektøren legg fram ein statusrapport om eit halvt år."),
    ("Forslaget vedtas med de endringer som kom fram i møtet.",
     "Framlegget vert vedteke med dei endringane som kom fram i møtet."),
)
QUESTION_TEXTS = (
    ("{who} spør om status for arbeidet med {subject}.", "{who} spør om status for arbeidet med {subject}."),
    ("{who} ønsker en orientering om {subject} på et senere møte.", "{who} ønskjer ei orientering om {subject} på eit seinare møte."),
)
POSITION_TEXTS = {
    "supports": (("Støtter tiltaket.", "Støttar tiltaket."),
                 ("Positive, men ber om god informasjon til de ansatte.", "Positive, men ber om god informasjon til dei tilsette.")),
    "mixed": (("Støtter målet, men er uenige i gjennomføringen.", "Støttar målet, men er usamde i gjennomføringa."),),
    "opposes": (("Går imot ordningen slik den er foreslått.", "Går imot ordninga slik ho er føreslått."),),
}


class R:
    """A row to insert: attributes named like the model's fields; a foreign key may hold another
    row (or a model instance), resolved to its primary key when written. Much lighter than a
    model instance, and ``save()``/signals never run for it."""

    def __init__(self, model, **values):
        self.__dict__.update(values)
        self._model = model
        self.pk = None


_MISSING = object()


class Writer:
    """Writes rows table by table.

    PostgreSQL: the table is locked against other writers (readers are not blocked) for the rest
    of the transaction, a block of ids is taken from its sequence in one statement, and the rows
    go in with ``COPY`` (several times faster than INSERT). Other databases (SQLite in tests):
    ``bulk_create``, which returns the primary keys (SQLite 3.35+).
    """

    def __init__(self, batch_size: int = BATCH_SIZE):
        self.batch_size = batch_size
        self.postgres = connection.vendor == "postgresql"
        self.now = timezone.now()
        self._plans: dict = {}
        self._locked: set = set()

    def plan(self, model) -> list[tuple]:
        """Per column: (field, attribute, foreign-key attribute, default maker, COPY formatter)."""
        if model not in self._plans:
            plan = []
            for f in model._meta.concrete_fields:
                if f.primary_key:
                    plan.append((f, "pk", None, None, _format_for(f)))
                    continue
                if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                    default = lambda: self.now  # noqa: E731
                else:
                    default = f.get_default
                plan.append((f, f.name, f.attname if f.is_relation else None, default, _format_for(f)))
            self._plans[model] = plan
        return self._plans[model]

    @staticmethod
    def _value(values: dict, name, attname, default):
        value = values.get(name, _MISSING)
        if value is _MISSING:
            if attname is not None:
                value = values.get(attname, _MISSING)
            if value is _MISSING:
                return default()
        elif attname is not None and value is not None and not isinstance(value, (int, str)):
            value = value.pk  # a row or a model instance
        return value

    def write(self, model, rows: list) -> None:
        if not rows:
            return
        if self.postgres:
            self._copy(model, rows)
        else:
            self._bulk_create(model, rows)

    def _bulk_create(self, model, rows):
        plan = self.plan(model)
        objects = []
        for row in rows:
            values = row.__dict__
            objects.append(model(**{
                f.attname: self._value(values, name, attname, default)
                for f, name, attname, default, _fmt in plan if name != "pk"
            }))
        model.objects.bulk_create(objects, batch_size=self.batch_size)
        for row, obj in zip(rows, objects):
            row.pk = obj.pk

    def _copy(self, model, rows):
        table = model._meta.db_table
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            if table not in self._locked:
                # INSERTs from other sessions wait until we commit; SELECTs do not.
                cursor.execute(f"LOCK TABLE {quote(table)} IN EXCLUSIVE MODE")
                self._locked.add(table)
            cursor.execute(
                "SELECT setval(s::regclass, nextval(s::regclass) + %s - 1) FROM pg_get_serial_sequence(%s, %s) AS s",
                [len(rows), table, model._meta.pk.column],
            )
            last = cursor.fetchone()[0]
            for pk, row in enumerate(rows, start=last - len(rows) + 1):
                row.pk = pk
            plan = self.plan(model)
            value = self._value
            lines = []
            for row in rows:
                values = row.__dict__
                lines.append("\t".join([fmt(value(values, name, attname, default))
                                         for _f, name, attname, default, fmt in plan]))
            buffer = io.StringIO("\n".join(lines) + "\n")
            sql = f"COPY {quote(table)} ({', '.join(quote(f.column) for f, *_rest in plan)}) FROM STDIN"
            cursor.cursor.copy_expert(sql, buffer, size=1 << 20)


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_NULL = "\\N"


def _format_for(field) -> Callable:
    """How a value of ``field`` is written in PostgreSQL's COPY text format."""
    kind = field.get_internal_type()
    if kind == "JSONField":
        def fmt(v):
            if v is None:
                return _NULL
            if not v:
                return "[]" if isinstance(v, list) else "{}"
            return json.dumps(v, ensure_ascii=False).translate(_COPY_ESCAPES)
    elif kind == "BooleanField":
        def fmt(v):
            return _NULL if v is None else ("t" if v else "f")
    elif kind in ("CharField", "TextField") and not field.is_relation:
        def fmt(v):
            if v is None:
                return _NULL
            if "\n" in v or "\t" in v or "\\" in v or "\r" in v:
                return v.translate(_COPY_ESCAPES)
            return v
    elif kind in ("DateField", "DateTimeField", "TimeField"):
        def fmt(v):
            return _NULL if v is None else v.isoformat()
    else:  # integers, decimals, foreign keys
        def fmt(v):
            return _NULL if v is None else str(v)
    return fmt


def _link_rows(through, left: str, right: str, pairs) -> list:
    return [R(through, **{left: a, f"{right}_id" if isinstance(b, int) else right: b}) for a, b in pairs]


def write_chunk(c: Chunk, dataset: SyntheticDataset, writer: Writer, counts: Counter) -> None:
    """Insert a chunk, parents first."""
    w = writer.write
    w(Body, c.bodies)
    w(Person, c.people)
    w(Membership, c.memberships)
    w(Meeting, c.meetings)
    w(Attendance, c.attendance)
    w(AgendaItem, c.items)
    w(Proposal, c.proposals)
    w(Proposal.proposers.through, _link_rows(Proposal.proposers.through, "proposal", "organisation", c.proposers))
    w(Request, c.requests)
    w(ClimateMeasure, c.measures)
    w(ClimateMeasure.topics.through, _link_rows(ClimateMeasure.topics.through, "climatemeasure", "topic", c.measure_topics))
    w(ClimateMeasure.agenda_items.through,
      _link_rows(ClimateMeasure.agenda_items.through, "climatemeasure", "agendaitem", c.measure_items))
    w(Involvement, c.involvements)
    w(Involvement.unions.through, _link_rows(Involvement.unions.through, "involvement", "organisation", c.involvement_unions))
    w(Involvement.representatives.through,
      _link_rows(Involvement.representatives.through, "involvement", "person", c.involvement_people))
    w(ProcessAnswer, c.process_answers)
    w(GreenRepresentative, c.green)
    for name, rows in (("bodies", c.bodies), ("people", c.people), ("measures", c.measures)):
        through = getattr(SyntheticDataset, name).through
        target = {"bodies": "body", "people": "person", "measures": "climatemeasure"}[name]
        w(through, [R(through, syntheticdataset=dataset, **{target: row}) for row in rows])
    for name, rows in (
        ("bodies", c.bodies), ("people", c.people), ("memberships", c.memberships), ("meetings", c.meetings),
        ("attendance", c.attendance), ("agenda_items", c.items), ("proposals", c.proposals),
        ("proposers", c.proposers), ("requests", c.requests), ("measures", c.measures),
        ("measure_topics", c.measure_topics), ("measure_items", c.measure_items), ("involvements", c.involvements),
        ("involvement_unions", c.involvement_unions), ("involvement_representatives", c.involvement_people),
        ("process_answers", c.process_answers), ("green_representatives", c.green),
    ):
        counts[name] += len(rows)


def generate(
    *,
    municipalities: int,
    years: int,
    seed: int,
    end_year: int | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str], None] | None = None,
) -> Result:
    """Generate a dataset in one transaction (the caller checks for real and earlier data)."""
    started = time.monotonic()
    end_year = end_year or default_end_year()
    if years < 1:
        raise ValueError("years must be at least 1")
    if end_year > default_end_year():
        raise ValueError(f"end_year must be {default_end_year()} or earlier: every meeting is in the past")
    chosen = list(Municipality.objects.filter(kind=Municipality.Kind.MUNICIPALITY).order_by("number")[:municipalities])
    if len(chosen) < municipalities:
        raise ValueError(f"The register holds {len(chosen)} municipalities, not {municipalities} (run migrate).")
    ref = Reference()
    taken = set(Body.objects.values_list("municipality_id", "name"))
    counts: Counter = Counter()
    writer = Writer(batch_size)
    with transaction.atomic():
        dataset = SyntheticDataset.objects.create(
            seed=seed, municipalities=municipalities, years=years, end_year=end_year,
            generator_version=GENERATOR_VERSION,
        )
        for start in range(0, len(chosen), CHUNK):
            chunk = Chunk()
            for municipality in chosen[start:start + CHUNK]:
                MunicipalityBuilder(municipality, seed, years, end_year, ref, chunk, taken).build()
            write_chunk(chunk, dataset, writer, counts)
            if progress:
                done = min(start + CHUNK, len(chosen))
                progress(f"{done}/{len(chosen)} municipalities, {counts['meetings']} meetings, "
                         f"{counts['agenda_items']} agenda items ({time.monotonic() - started:.1f} s)")
        seconds = time.monotonic() - started
        dataset.counts = dict(counts)
        dataset.seconds = round(seconds, 2)
        dataset.save(update_fields=["counts", "seconds"])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    # the rows were written without signals: rebuild the dashboards' statistics for them
    refresh_statistics([m.number for m in chosen])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE dashboards_meetingdaystatistics")
            cursor.execute("ANALYZE dashboards_topicdaystatistics")
    return Result(dataset, dict(counts), time.monotonic() - started)


def summary(result: Result) -> str:
    return json.dumps({"seconds": round(result.seconds, 2), **result.counts}, ensure_ascii=False)


__all__ = ["generate", "clear", "real_data", "present", "default_end_year", "GENERATOR_VERSION", "Result"]
