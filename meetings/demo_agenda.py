"""Demo agenda items for the ``seed_demo`` command (pure data, fictional wording and people).

Each item is a dict: ``title``, ``text`` (a short case-paper summary), ``type`` ("PS", "RS"
or "orientering"), ``procedural`` (bool) and ``env_section`` (the text of the case paper's
environmental-consequences section, "" when the paper has no such section). Store
``case_paper_text(item)`` as the item's case-paper text so the classifier sees the section.

The research figures (DOMAIN.md) are reproduced by the classifier
(``meetings.climate.classify(title, case_paper_text(item))`` and ``assess_environment``):

Lillestrøm (38 items): 14 mention climate/environment/SDGs, 2 of them linked to working
conditions:
  mentions: Miljøfyrtårn-sertifisering av vaskeri- og renholdstjenesten (2022), Klimabudsjett
  2021, Klima- og energiplan, Innkjøpsstrategi med klima- og miljøkrav, Ombruk av møbler og
  IKT-utstyr, Energisparing i kommunale bygg, Matsvinn i institusjonskjøkkenene, Utslippsfrie
  kjøretøy i teknisk drift, FNs bærekraftsmål i kommuneplanens samfunnsdel, Sykkelparkering og
  garderober ved rådhuset, Avfallssortering i rådhuset og tjenestestedene, Naturmangfold og
  grøntstruktur;
  linked: Parkeringsavgift for ansatte; Budsjettnotat om oljepris, det grønne skiftet og
  lønnsdannelsen.
Sarpsborg (46 items): 11 mention climate/environment/ecological sustainability: 4 action
plans (klima og energi, Miljøfyrtårn, energisparing, sirkulær økonomi), 3 annual reports
(miljørapport 2020, Miljøfyrtårn hovedbiblioteket 2021, HMS og ytre miljø 2022), energy-saving
measures (PSU 29.09.2022), Klimafond, and 2 linked: environment in the working rules (PSU
01.12.2022, proposed by Naturviterne, unanimous) and e-bike/electric-car leasing for
employees. 9 items have environmental consequences assessed (``consequences``): the 4 action
plans, energy-saving measures, Klimafond, working rules, leasing and the HMS/ytre miljø annual
report; the other 37 are ``none_found`` or ``not_assessed``.
Vaksdal (12 items): none climate-related (2023). Kongsberg (12 items, fully
Miljøfyrtårn-certified): 4 climate items, 1 of them linked (tjenestesykler og elbiler i
hjemmetjenesten).
"""

from __future__ import annotations

ENV_HEADING = "Miljømessige konsekvenser"


def item(
    title: str, text: str, type: str = "PS", procedural: bool = False, env_section: str = ""
) -> dict:
    """One agenda item in the demo format."""
    return {
        "title": title,
        "text": text,
        "type": type,
        "procedural": procedural,
        "env_section": env_section,
    }


def case_paper_text(agenda_item: dict) -> str:
    """The case-paper text to store: the summary plus the environmental section, if any."""
    text = agenda_item["text"]
    if agenda_item.get("env_section"):
        text = f"{text}\n\n{ENV_HEADING}:\n{agenda_item['env_section']}"
    return text


_INNKALLING = item(
    "Godkjenning av innkalling og saksliste",
    "Innkalling og saksliste legges fram for godkjenning.",
    procedural=True,
)
_PROTOKOLL = item(
    "Godkjenning av protokoll fra forrige møte",
    "Protokollen fra forrige møte legges fram for godkjenning.",
    procedural=True,
)
_REFERAT = item(
    "Referatsaker",
    "Referatsakene omfatter drøftingsprotokoller og meldinger fra hovedtillitsvalgte.",
    type="RS",
    procedural=True,
)

LILLESTROM_ITEMS: list[dict] = [
    _INNKALLING,
    _PROTOKOLL,
    _REFERAT,
    item(
        "Arbeidsgiverpolitikk for Lillestrøm kommune 2020-2024",
        "Den nye kommunen trenger en felles arbeidsgiverpolitikk etter sammenslåingen. Dokumentet "
        "beskriver verdier, ledelse, medvirkning og et godt samarbeidsklima mellom partene.",
    ),
    item(
        "Lønnspolitisk plan 2021",
        "Planen samordner lønnspolitikken fra de tre tidligere kommunene og beskriver kriterier "
        "for lokale forhandlinger.",
    ),
    item(
        "Sykefravær - status første halvår 2020",
        "Sykefraværet var 8,1 prosent. Tiltak rettes mot enheter med høyt fravær.",
        type="orientering",
    ),
    item(
        "Koronapandemien - konsekvenser for ansatte",
        "Kommunedirektøren orienterte om hjemmekontor, smittevern og omdisponering av ansatte "
        "under pandemien.",
        type="orientering",
    ),
    item(
        "HMS-handlingsplan 2021",
        "Planen samler tiltak innen helse, miljø og sikkerhet, med vekt på vold og trusler og "
        "forebygging av belastningsskader.",
    ),
    item(
        "Medarbeiderundersøkelsen 10-FAKTOR 2021",
        "Resultatene viser godt psykososialt arbeidsmiljø i de fleste enheter, men svakere "
        "mestringsklima i helse og mestring.",
        type="orientering",
    ),
    item(
        "Retningslinjer for varsling av kritikkverdige forhold",
        "Retningslinjene skal sikre et godt ytringsklima og trygg behandling av varsler.",
    ),
    item(
        "Heltidskultur - handlingsplan",
        "Andelen heltidsstillinger skal økes gjennom langvakter, kombinasjonsstillinger og "
        "ressursbank.",
    ),
    item(
        "Rekrutteringsstrategi for helse og mestring",
        "Strategien skal dekke behovet for sykepleiere og helsefagarbeidere fram mot 2030.",
    ),
    item(
        "Seniorpolitikk - revidert retningslinje",
        "Retningslinjen beskriver seniorsamtaler, tilrettelegging og redusert arbeidstid for "
        "ansatte over 62 år.",
    ),
    item(
        "Budsjett 2021 og økonomiplan 2021-2024 - konsekvenser for ansatte",
        "Kommunedirektøren orienterte om innsparingskrav og behovet for en bærekraftig økonomi. "
        "Omstillingen skal skje i dialog med tillitsvalgte.",
        type="orientering",
    ),
    item(
        "Omstilling i hjemmetjenesten",
        "Hjemmetjenesten organiseres i fire soner. Endringene er drøftet med de hovedtillitsvalgte.",
    ),
    item(
        "Etiske retningslinjer for ansatte",
        "Retningslinjene gjelder gaver, bierverv, habilitet og bruk av kommunens utstyr.",
    ),
    item(
        "Arbeidsmiljøutvalgets årsrapport 2021",
        "Arbeidsmiljøutvalget behandlet 24 saker, blant annet vernerunder og avvik i "
        "oppvekstsektoren.",
        type="orientering",
    ),
    item(
        "Lærlingeplan 2022",
        "Kommunen tar inn 40 lærlinger i helsearbeiderfaget, barne- og ungdomsarbeiderfaget og "
        "IKT-faget.",
    ),
    item(
        "Retningslinjer for bruk av sosiale medier",
        "Retningslinjene skiller mellom bruk i tjenesten og privat bruk.",
    ),
    item(
        "Organisering av kultursektoren",
        "Bibliotek, kulturskole og kulturhus samles i en virksomhet for å styrke fagmiljøene.",
    ),
    item(
        "Tilsettingsreglement - revisjon",
        "Reglementet oppdateres med regler for intern utlysning og bruk av innstillingsråd.",
    ),
    item(
        "Samarbeidsklimaet mellom partene",
        "Partene evaluerte samarbeidet etter sammenslåingen. Klimaet i organisasjonen oppleves "
        "som bedre enn i 2020.",
        type="orientering",
    ),
    item(
        "Psykososialt arbeidsmiljø i skolene",
        "Vernetjenesten melder om høy belastning. Tiltak for læringsmiljø og arbeidsmiljø "
        "koordineres.",
        type="orientering",
    ),
    item(
        "Likestillings- og mangfoldsarbeid - årlig redegjørelse",
        "Redegjørelsen viser kjønnsbalanse, lønnsforskjeller og bruk av deltid.",
    ),
    # --- climate/environment/SDG items (12 mentions + 2 linked)
    item(
        "Miljøfyrtårn-sertifisering av vaskeri- og renholdstjenesten",
        "Vaskeriet og renholdstjenesten ble sertifisert som Miljøfyrtårn i 2022. Sertifiseringen "
        "omfatter kjemikaliebruk, avfallssortering og innkjøp av svanemerkede produkter.",
        type="orientering",
    ),
    item(
        "Klimabudsjett 2021",
        "Klimabudsjettet viser kommunens planlagte utslippskutt per sektor og følges opp i "
        "tertialrapportene.",
        type="orientering",
    ),
    item(
        "Klima- og energiplan - høring",
        "Planen setter mål om 50 prosent lavere klimagassutslipp innen 2030. Partssammensatt "
        "utvalg gir høringsuttalelse.",
    ),
    item(
        "Innkjøpsstrategi med klima- og miljøkrav",
        "Strategien vekter miljø med minst 30 prosent i alle egnede anskaffelser.",
    ),
    item(
        "Ombruk av møbler og IKT-utstyr",
        "Kommunen etablerer et internt lager for ombruk av møbler og brukt IKT-utstyr.",
    ),
    item(
        "Energisparing i kommunale bygg vinteren 2022/2023",
        "Temperaturen i kontorbygg senkes til 20 grader og driftstidene for ventilasjon "
        "reduseres for å spare energi.",
        type="orientering",
    ),
    item(
        "Matsvinn i institusjonskjøkkenene",
        "Sentralkjøkkenet måler matsvinn og endrer porsjonering og bestillingsrutiner.",
    ),
    item(
        "Utslippsfrie kjøretøy i teknisk drift",
        "Teknisk drift går over til elektriske varebiler og maskiner når kontraktene fornyes.",
        type="orientering",
    ),
    item(
        "FNs bærekraftsmål i kommuneplanens samfunnsdel",
        "Samfunnsdelen bygger på FNs bærekraftsmål. Kommunedirektøren orienterte om prosessen.",
        type="orientering",
    ),
    item(
        "Sykkelparkering og garderober ved rådhuset",
        "Det etableres 60 nye sykkelplasser under tak og nye garderober i kjelleren.",
    ),
    item(
        "Avfallssortering i rådhuset og tjenestestedene",
        "Alle tjenestesteder innfører kildesortering i fem fraksjoner fra 1. mars.",
        type="orientering",
    ),
    item(
        "Naturmangfold og grøntstruktur - kommunedelplan",
        "Planen kartlegger naturmangfold og viktige grøntområder langs Nitelva.",
        type="orientering",
    ),
    item(
        "Parkeringsavgift for ansatte",
        "Kommunedirektøren foreslår parkeringsavgift for ansatte ved rådhuset og de største "
        "tjenestestedene for å redusere bilbruk. Fagforeningene mener ordningen må drøftes "
        "lokalt.",
    ),
    item(
        "Budsjettnotat: oljepris, det grønne skiftet og lønnsdannelsen",
        "Notatet beskriver hvordan lavere petroleumsinntekter og det grønne skiftet kan påvirke "
        "frontfaget, lønnsdannelsen og de ansattes lønnsutvikling.",
        type="orientering",
    ),
]

_NONE = "Saken har ingen kjente miljømessige konsekvenser."
_NOT = "Ikke vurdert."

SARPSBORG_ITEMS: list[dict] = [
    _INNKALLING,
    _PROTOKOLL,
    _REFERAT,
    item(
        "Arbeidsgiverstrategi 2020-2024",
        "Strategien beskriver mål for rekruttering, ledelse og kompetanse.",
        env_section=_NONE,
    ),
    item(
        "Lønnspolitiske retningslinjer",
        "Retningslinjene omfatter kriterier for lokale forhandlinger og lederlønn.",
        env_section=_NONE,
    ),
    item("Sykefravær 2019 - årsrapport", "Sykefraværet var 7,6 prosent.", type="orientering"),
    item(
        "Heltid i helse og omsorg",
        "Prosjektet skal øke andelen hele stillinger.",
        env_section="Ingen.",
    ),
    item(
        "Rutine for oppfølging av sykmeldte",
        "Rutinen er revidert etter IA-avtalen.",
        env_section=_NOT,
    ),
    item(
        "Retningslinjer for bruk av velferdsteknologi",
        "Retningslinjene omfatter opplæring og personvern.",
        env_section=_NONE,
    ),
    item(
        "Omorganisering av barnevernstjenesten",
        "Tjenesten deles i to avdelinger.",
        env_section="Ingen.",
    ),
    item(
        "Kompetanseplan for oppvekst",
        "Planen prioriterer videreutdanning for lærere.",
        env_section=_NOT,
    ),
    item(
        "Medarbeiderundersøkelse 2020",
        "Resultatene viser et godt arbeidsmiljø og gode relasjoner til nærmeste leder.",
        type="orientering",
    ),
    item(
        "Handlingsplan mot vold og trusler",
        "Planen omfatter risikovurderinger og opplæring i konflikthåndtering.",
        env_section=_NONE,
    ),
    item(
        "Koronapandemien - status for ansatte",
        "Orientering om hjemmekontor og smittevern.",
        type="orientering",
    ),
    item("Seniorpolitiske tiltak", "Tiltakene gjelder ansatte over 62 år.", env_section="Ingen."),
    item(
        "Lærlingestrategi",
        "Kommunen skal ha minst to lærlinger per 1000 innbyggere.",
        env_section=_NOT,
    ),
    item(
        "Revisjon av permisjonsreglement",
        "Reglementet tilpasses ny hovedtariffavtale.",
        env_section=_NONE,
    ),
    item(
        "Etiske retningslinjer",
        "Retningslinjene gjelder alle ansatte og folkevalgte.",
        env_section="Ingen.",
    ),
    item(
        "Budsjett 2021 - konsekvenser for ansatte",
        "Kommunedirektøren orienterte om innsparinger i administrasjonen.",
        type="orientering",
    ),
    item(
        "Organisering av eiendomsavdelingen",
        "Drift og forvaltning samles i en enhet.",
        env_section=_NOT,
    ),
    item(
        "Ny turnusordning i sykehjemmene",
        "Turnusen skal gi flere helgefrie helger.",
        env_section=_NONE,
    ),
    item(
        "HMS-årsrapport 2020",
        "Rapporten omfatter helse, miljø og sikkerhet, avvik og vernerunder.",
        type="orientering",
    ),
    item(
        "Retningslinjer for varsling",
        "Retningslinjene skal sikre et godt ytringsklima.",
        env_section="Ingen.",
    ),
    item(
        "Rekruttering av sykepleiere",
        "Tiltakene omfatter stipend og rekrutteringsbonus.",
        env_section=_NOT,
    ),
    item(
        "Likestillingsredegjørelse 2021",
        "Redegjørelsen viser lønnsforskjeller og deltid.",
        type="orientering",
    ),
    item(
        "Samarbeidsavtale med hovedtillitsvalgte",
        "Avtalen beskriver møteplan og frikjøp.",
        env_section=_NONE,
    ),
    item(
        "Psykososialt arbeidsmiljø i skolene",
        "Vernetjenesten melder om høy belastning i ungdomsskolene.",
        type="orientering",
    ),
    item(
        "Arbeidsmiljøutvalgets årsrapport 2021", "Utvalget behandlet 19 saker.", type="orientering"
    ),
    item(
        "Digitaliseringsstrategi - konsekvenser for ansatte",
        "Strategien krever ny kompetanse og endrede arbeidsprosesser.",
        env_section=_NOT,
    ),
    item(
        "Lederutviklingsprogram",
        "Programmet gjelder alle ledere med personalansvar.",
        env_section=_NONE,
    ),
    item(
        "Bemanningsplan for barnehagene",
        "Planen følger den nye bemanningsnormen.",
        env_section=_NOT,
    ),
    item("Medarbeiderundersøkelse 2022", "Resultatene drøftes i alle enheter.", type="orientering"),
    item("Sykefravær 2022 - årsrapport", "Sykefraværet økte til 8,9 prosent.", type="orientering"),
    item(
        "Budsjett 2023 - omstilling",
        "Kommunedirektøren orienterte om nedbemanning i administrasjonen.",
        type="orientering",
    ),
    item(
        "Organisasjonsklima i helse og velferd",
        "Oppfølging av organisasjonsklimaet etter omstillingen.",
        type="orientering",
    ),
    # --- climate/environment items: 4 action plans, 3 annual reports, 4 others
    item(
        "Handlingsplan for klima og energi 2020-2023",
        "Handlingsplanen omfatter tiltak for lavere klimagassutslipp i kommunens egen drift.",
        env_section="Planen reduserer kommunens klimagassutslipp og energibruk.",
    ),
    item(
        "Handlingsplan for Miljøfyrtårn-sertifisering av virksomhetene",
        "Alle virksomheter skal være sertifisert som Miljøfyrtårn innen 2023.",
        env_section="Sertifiseringen gir bedre avfallshåndtering og lavere energibruk.",
    ),
    item(
        "Handlingsplan for energisparing 2022-2023",
        "Planen følger opp energisparetiltakene og setter mål for strømforbruket i kommunale bygg.",
        env_section="Lavere strømforbruk gir reduserte utslipp.",
    ),
    item(
        "Handlingsplan for sirkulær økonomi i kommunens drift",
        "Planen omfatter ombruk av møbler, reparasjon av utstyr og mindre avfall.",
        env_section="Planen reduserer avfallsmengden og ressursbruken.",
    ),
    item(
        "Årsrapport 2020 - miljø og klima",
        "Rapporten viser utviklingen i klimaregnskapet for kommunens virksomheter.",
        type="orientering",
        env_section=_NOT,
    ),
    item(
        "Årsmelding 2021 - Miljøfyrtårn hovedbiblioteket",
        "Hovedbiblioteket har vært Miljøfyrtårn siden 2013 og ble resertifisert i 2021.",
        type="orientering",
    ),
    item(
        "Årsrapport 2022 - HMS og ytre miljø",
        "Rapporten omfatter HMS-avvik og virksomhetenes påvirkning på ytre miljø.",
        type="orientering",
        env_section="Rapporten viser lavere avfallsmengder og energibruk enn i 2021.",
    ),
    item(
        "Energisparetiltak i kommunale bygg (PSU 29.09.2022)",
        "Tiltakene omfatter lavere innetemperatur, redusert belysning og kortere driftstid "
        "for ventilasjon i administrasjonsbygg.",
        env_section="Tiltakene reduserer energibruken med om lag 10 prosent.",
    ),
    item(
        "Klimafond - retningslinjer",
        "Klimafondet gir tilskudd til klimatiltak i kommunens virksomheter.",
        env_section="Fondet finansierer tiltak som reduserer utslipp.",
    ),
    item(
        "Miljø i arbeidsreglementet (PSU 01.12.2022)",
        "Naturviterne foreslo at arbeidsreglementet får en ny bestemmelse om at alle ansatte "
        "skal bidra til kommunens klima- og miljømål i sitt daglige arbeid. Forslaget ble "
        "enstemmig vedtatt.",
        env_section="Bestemmelsen styrker miljøarbeidet i hele organisasjonen og bidrar til "
        "lavere utslipp.",
    ),
    item(
        "Leasing av elsykkel og elbil for ansatte",
        "Ansatte får tilbud om å lease elsykkel eller elbil gjennom trekk i lønn.",
        env_section="Ordningen kan redusere klimagassutslipp fra arbeidsreiser.",
    ),
]

VAKSDAL_ITEMS: list[dict] = [
    item(
        "Godkjenning av innkalling og saksliste",
        "Innkalling og saksliste vert lagt fram for godkjenning.",
        procedural=True,
    ),
    item(
        "Godkjenning av møteprotokoll",
        "Protokollen vert lagt fram for godkjenning.",
        procedural=True,
    ),
    item(
        "Referatsaker og meldingar",
        "Referatsakene vert lagde fram til orientering.",
        type="RS",
        procedural=True,
    ),
    item(
        "Behov for lærlingar i alle sektorar",
        "Kommunen vurderer godtgjersle for instruktørar og godkjenning som lærebedrift i nye fag.",
    ),
    item(
        "Innspel til debatthefte - mellomoppgjeret",
        "Utvalet gjev innspel til KS om lokal pott og prioritering av lågtlønsgrupper.",
    ),
    item(
        "Kommunalt trepartssamarbeid",
        "Fagforbundet har teke initiativ til eit "
        "dialogforum mellom politikarar, administrasjon og tillitsvalde.",
    ),
    item(
        "Oppsummering frå arbeidsgruppa om toppbemanning",
        "Arbeidsgruppa tilrår å sjå på "
        "grunnbemanninga i staden for ei ordning med ambulerande vikarar.",
    ),
    item(
        "Sjukefråvær - status",
        "Sjukefråværet var 9,2 prosent. Arbeidsmiljøet vert følgt opp i alle einingar.",
        type="orientering",
    ),
    item(
        "Arbeidsgjevarstrategi - revisjon",
        "Strategien skal styrke samarbeidsklimaet og rekrutteringa.",
    ),
    item("Lønspolitisk plan", "Planen vert revidert etter hovudoppgjeret."),
    item(
        "Heiltidskultur",
        "Kommunen kartlegg ufrivillig deltid i helse og meistring.",
        type="orientering",
    ),
    item(
        "Orientering frå HR-leiar",
        "Fast orientering om tilsetjingar og utlysingar.",
        type="orientering",
    ),
    item(
        "Parkeringsavgift for tilsette ved kommunehuset",
        "Kommunedirektøren føreslår parkeringsavgift for tilsette ved kommunehuset for å få fleire "
        "til å reise kollektivt eller sykle til jobb.",
        env_section="Tiltaket skal redusere klimagassutslepp frå reiser til og frå arbeid.",
    ),
    item(
        "Miljøfyrtårn-sertifisering av Vaksdal sjukeheim",
        "Sjukeheimen skal sertifiserast som Miljøfyrtårn. Tilsette får opplæring i avfallssortering "
        "og nye innkjøpsrutinar.",
        type="orientering",
    ),
]

KONGSBERG_ITEMS: list[dict] = [
    _INNKALLING,
    _PROTOKOLL,
    _REFERAT,
    item(
        "Miljøfyrtårn - resertifisering av alle virksomheter",
        "Kongsberg kommune er fullt Miljøfyrtårn-sertifisert. Resertifiseringen skjer "
        "samlet for alle virksomheter.",
        type="orientering",
        env_section="Sertifiseringen gir lavere energibruk og mindre avfall.",
    ),
    item(
        "Klimabudsjett 2023",
        "Klimabudsjettet fordeler utslippskutt på sektorene.",
        type="orientering",
        env_section="Budsjettet styrer mot lavere klimagassutslipp.",
    ),
    item(
        "Tjenestesykler og elbiler i hjemmetjenesten",
        "Hjemmetjenesten tar i bruk tjenestesykler og elbiler. Ansatte får opplæring i "
        "sykling i trafikken og ny kjørerutine.",
        env_section="Tiltaket reduserer utslipp fra tjenestekjøring.",
    ),
    item(
        "Grønne innkjøp - rutine",
        "Rutinen stiller miljøkrav til leverandører av mat og forbruksmateriell.",
        env_section="Rutinen reduserer miljøbelastningen fra innkjøp.",
    ),
    item("Lønnspolitisk plan 2023", "Planen beskriver kriterier for lokale forhandlinger."),
    item("Sykefravær 2022", "Sykefraværet var 7,8 prosent.", type="orientering"),
    item(
        "Medarbeiderundersøkelsen 2022",
        "Resultatene viser godt psykososialt arbeidsmiljø.",
        type="orientering",
    ),
    item(
        "Retningslinjer for hjemmekontor",
        "Retningslinjene gjelder ansatte i administrative stillinger.",
    ),
    item("Heltidskultur i helse og omsorg", "Kommunen prøver ut langvakter i to sykehjem."),
]

ITEMS_BY_MUNICIPALITY: dict[str, list[dict]] = {
    "Lillestrøm": LILLESTROM_ITEMS,
    "Sarpsborg": SARPSBORG_ITEMS,
    "Vaksdal": VAKSDAL_ITEMS,
    "Kongsberg": KONGSBERG_ITEMS,
}


# Dates and employee-side proposals the seeds name for particular items. The seed command pins
# an item with a "date" to a meeting on that day and records its "proposals" (besides the
# administration's own proposal).
ITEM_EXTRAS: dict[str, dict] = {
    "Energisparetiltak i kommunale bygg (PSU 29.09.2022)": {"date": "2022-09-29"},
    "Miljø i arbeidsreglementet (PSU 01.12.2022)": {
        "date": "2022-12-01",
        "proposals": [
            {
                "kind": "additional",
                "proposers": ["Naturviterne"],
                "outcome": "adopted",
                "text": "Arbeidsreglementet får en ny bestemmelse: alle ansatte skal bidra til "
                "kommunens klima- og miljømål i sitt daglige arbeid.",
            }
        ],
    },
    "Parkeringsavgift for ansatte": {
        "proposals": [
            {
                "kind": "amendment",
                "proposers": ["Fagforbundet", "Delta"],
                "outcome": "fell",
                "votes_for": 3,
                "votes_against": 8,
                "text": "Saken utsettes til ordningen er drøftet med de hovedtillitsvalgte.",
            }
        ],
    },
}

for _items in (LILLESTROM_ITEMS, SARPSBORG_ITEMS, VAKSDAL_ITEMS, KONGSBERG_ITEMS):
    for _item in _items:
        _item.update(ITEM_EXTRAS.get(_item["title"], {}))
