"""The words of the synthetic data: fictional names, agenda titles, case papers, proposals and positions."""
from __future__ import annotations

import datetime
import zlib
from dataclasses import dataclass

from meetings.models import AgendaItem
from municipalities.models import Membership

from .config import MEASURES_PER_YEAR

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


def fmt_title(template: str, day: datetime.date) -> str:
    """A bank title for a meeting on ``day``: {y} its year, {p} the previous, {n} the next, {n3} the
    year four on, {d} the date."""
    if "{" not in template:
        return template
    return template.format(y=day.year, p=day.year - 1, n=day.year + 1, n3=day.year + 4, d=day.strftime("%d.%m.%Y"))


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
