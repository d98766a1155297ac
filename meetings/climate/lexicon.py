"""Climate and working-conditions lexicon (bokmål and nynorsk), as precompiled regexes.

Words are matched one token at a time (``WORD_RULES`` with ``fullmatch`` on the lower-cased
token), phrases over the whole field (``PHRASE_RULES``). Traps (``arbeidsmiljø``,
``samarbeidsklima``, ``klimaet i organisasjonen``, HMS, assessment headings ...) are removed
by ``WORD_TRAP_RE``, ``PHRASE_TRAPS`` and the context rules for bare ``klima``/``miljø``/
``bærekraft``. Committee and unit names (``Plan- og miljøutvalet``, ``Utval for teknikk og
miljø``, ``miljøavdelinga``) and assessment headings answered in the negative (``Klima og miljø:
Ingen``) are traps too: they say who handles an item, not what it is about.

Words that are often but not always climate measures have their own kinds (see ``WORD_RULES``):
``a_`` words (parking) count only when tied to a climate signal or, for employees, to commuting
and travel policy; ``e_`` words (waste, energy production) count unless the text around them is
about a contract, fee, tax or a company's accounts (``ECONOMIC_CONTEXT_RE``) and nothing ties
them to climate. ``p_`` words (the employees) only tie parking in the same sentence: the
employees' parking is travel policy, linked to working conditions. All patterns are linear-time: no nested quantifiers over the same characters.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# A token: a word with inner hyphens, or a word split over a line break ("arbeids-\nmiljø").
TOKEN_RE = re.compile(r"\w+(?:-\w+|-[ \t]*\n[ \t]*(?!(?:og|eller|and)\b)\w+)*")
LINEBREAK_HYPHEN_RE = re.compile(r"-[ \t]*\n[ \t]*")

# Phrases (PHRASE_RULES, PHRASE_TRAPS) are only tried at tokens that can start one.
PHRASE_ANCHOR_RE = re.compile(
    r"ytre|grøn\w*|miljøvennl\w*|det|biologisk|iso\w*|paris\w*|spar(?:e|a|er|ar)|"
    r"parkering\w*|ansattes|tilsettes|tilsette|reis(?:e|er|a|ene)|sykl(?:e|a|er|ar)|miljø\w*|"
    r"elektrisk\w*|punkt\w*|føresegn\w*|bestemmelse\w*|bestemming\w*|kapittel\w*|paragraf\w*|"
    r"regel|reglar|regler",
    _I,
)
TRAP_ANCHOR_RE = re.compile(
    r"helse\w*|miljø\w*|klima\w*|konsekvens\w*|vurdering|psykososial\w*|sosial\w*|"
    r"økonomisk\w*|finansiell\w*|natur\w*|bærekraft\w*|berekraft\w*|fns?|"
    r"(?:hovud|hoved)?(?:utval|utvalg|komit[eé])\w*|nemnd\w*|ingen|inga|ikke|ikkje|"
    r"eining\w*|enhet\w*|avdeling\w*|seksjon\w*|etat\w*",
    _I,
)

# Tokens that never count (checked before WORD_RULES).
WORD_TRAP_RE = re.compile(
    r"""
    # compounds ending in klima: samarbeidsklima, ytringsklimaet, arbeidsklima ...
    \w+klima(?:et|ets|a)?
    # technical or unrelated words starting with klima
    | klima(?:anlegg|ks|kteri|tis|skall|skjerm)[\w-]*
    # social-care and school uses of miljø-: miljøterapeut, miljøarbeidar, miljøtenesta ...
    | miljø-?(?:terap|arbeid|personal|personell|tenest|tjenest|regl|pedagog|veiled|rettleia|
              skifte|konsekvens|vaktmeist|vaktmest|team|kontakt|rett)[\w-]*
    # committee and unit names: miljøutvalet, klimautvalget, miljøavdelinga, miljøetaten ...
    | \w*(?:klima|miljø)\w*?(?:utval|utvalg|komit[eé]|nemnd|avdeling|etat|seksjon|eining|enhet|
        sektor)\w*
    # pollution laws and regulations are cited as a legal basis, not a topic
    | forurensningslov\w* | forureiningslov\w* | forurensningsforskrift\w* | forureiningsforskrift\w*
    # compounds ending in -miljø other than natural ones: arbeidsmiljø, læringsmiljø ...
    | (?!(?:natur|by|hav|vann|vass|kyst|luft|jord|sjø)miljø)\w+-?miljø[\w-]*
    # motorcycles are not cycling, nor are bike races
    | motorsyk\w* | sykkelritt\w* | sykkelløp\w*
    # "lønnsom" (profitable) is not pay
    | lønnsom\w* | lønsam\w* | lønar | lønner
    # syklus (cycle), naturleg/naturlig, lading of other things handled by rules
    """,
    _I | re.VERBOSE,
)

# Ordered word rules: the first named group that matches the whole token wins.
# Group names: c_<category> = climate signal, w_<category> = working-conditions signal,
# x_<category> = needs a context check (see classifier), l_<category> = linked on its own.
WORD_RULES = re.compile(
    r"""
    (?P<l_parking_fee>(?:ansatt|tilsett|personal)-?parkering[\w-]*)
    | (?P<c_parking>parkeringspolitik[\w-]*|parkeringsstrategi[\w-]*|innfartsparkering[\w-]*
        |pendlarparkering[\w-]*|pendlerparkering[\w-]*)
    | (?P<c_certification>miljøfyrtårn[\w-]*|miljøsertifi[\w-]*|svanemerk[\w-]*|emas)
    | (?P<c_sdg>(?:fns?-?)?(?:bærekraftsmål|berekraftsmål)[\w-]*|sdg\w*)
    | (?P<x_sustainability>bærekraft[\w-]*|berekraft[\w-]*)
    | (?P<c_emissions>klimagass[\w-]*|drivhusgass[\w-]*|[\w-]*utsl[ie]pp[\w-]*|co2[\w-]*|co₂[\w-]*
        |karbon(?:nøytral|fangst|fotavtrykk|avtrykk|fri|budsjett|rekneskap|regnskap|utslipp|utslepp)[\w-]*
        |lågkarbon\w*|lavkarbon\w*)
    | (?P<c_climate_budget>klima(?:budsjett|rekneskap|regnskap|fond|sats)[\w-]*)
    | (?P<x_climate>klima|klimaet|klimaets|klimaa)
    | (?P<c_climate>klima[\w-]+)
    | (?P<c_procurement>miljøkrav[\w-]*|innkjøpsmiljø)
    | (?P<x_environment>miljø|miljøet|miljøets|miljøa|miljøer|miljøane|miljøene)
    | (?P<c_environment>miljø[\w-]+|naturmiljø[\w-]*|bymiljø[\w-]*|havmiljø\w*|vannmiljø\w*
        |vassmiljø\w*|kystmiljø\w*|luftmiljø\w*|jordmiljø\w*|sjømiljø\w*)
    | (?P<c_biodiversity>natur(?:mangfald|mangfold|vern|område|omr|ressurs|tap|inngrep|basert
        |restaurer|kapital|verdi|type|typar|typer|areal|reservat)[\w-]*
        |verneplan\w*|nasjonalpark\w*|landskapsvern\w*|skogvern\w*|strandrydd\w*
        |økosystem[\w-]*|økologisk[\w-]*|artsmangf[\w-]*|biomangfold\w*)
    | (?P<c_energy>energi(?:sparing|spar|effekt|bruk|forbruk|økonomi|tiltak|plan|merk|kartlegg
        |oppfølging|styring|leiing|ledelse|reduks|fleksib|omlegging|sparetiltak)[\w-]*
        |enøk[\w-]*|enova[\w-]*|straumspar\w*|strømspar\w*|straumforbruk\w*|strømforbruk\w*|fornybar\w*
        |solcelle\w*|solenergi\w*|solkraft\w*|varmepumpe\w*|passivhus\w*
        |nullenergi\w*|plusshus\w*|bioenergi\w*)
    | (?P<c_transport>el-?bil(?:ar|er|ane|ene|en|ordning|leasing|lading|lader|ladar|park|flåte)?[\w-]*
        |el-?(?:buss|ferje|ferge|båt|varebil|lastebil|anleggsmaskin|motor)[\w-]*|batteriferj\w*|batterifer\w*
        |el-?sykk?el[\w-]*|[\w-]*sykl(?:ar|er|ane|ene)|[\w-]*sykkel[\w-]*
        |(?:[\w-]*-)?sykl(?:ar|er|ane|ene|ing|ingen|ande|ende|ist|istar|ister|istane|istene|e|a|ar)
        |fossilfri\w*|fossil\w*|kollektivtransport\w*|kollektivtrafikk\w*|kollektivtilbod\w*
        |kollektivtilbud\w*|bildeling\w*|bilpool\w*|delebil\w*|samkøyring\w*|samkjøring\w*
        |ladestasjon\w*|ladepunkt\w*|ladeinfrastruktur\w*|biogass\w*|biodrivstoff\w*|hydrogen\w*)
    | (?P<c_waste>ombruk[\w-]*|(?:møbel|material|materiell)ombruk\w*
        |[\w-]*gjenbruk[\w-]*|sirkulær\w*|resirkul\w*|kildesort\w*|kjeldesort\w*|gjenvinn\w*
        |attvinn\w*|engangsplast\w*|plastavfall\w*|plastforbruk\w*|plastbruk\w*|forsøpl\w*
        |avfalls(?:sorter|reduks|forebygg|minimer|plan|strategi|mengd)[\w-]*)
    # often but not always climate measures (see the module docstring)
    | (?P<a_parking>[\w-]*parkering[\w-]*|parkere|parkera|parkerer)
    | (?P<e_waste>[\w-]*avfall[\w-]*|[\w-]*renovasjon[\w-]*)
    | (?P<e_energy_production>[\w-]*kraftverk\w*|kraftstasjon\w*|vasskraft\w*|vannkraft\w*
        |småkraft\w*|minikraft\w*|mikrokraft\w*|kraftutbygg\w*|vindkraft\w*|vindturbin\w*
        |vindmølle\w*|vindpark\w*|havvind\w*|bølgekraft\w*|energiproduksjon\w*|kraftproduksjon\w*
        |straumproduksjon\w*|strømproduksjon\w*|fjernvarme\w*|nærvarme\w*)
    | (?P<c_water_environment>vannforekomst\w*|vassførekomst\w*|vannforvaltning\w*
        |vassforvaltning\w*|vannområde\w*|vassområde\w*|vannregion\w*|vassregion\w*)
    | (?P<c_pollution>forurens\w*|forurein\w*|luftkvalitet\w*|svevestøv\w*)
    | (?P<c_food>matsvinn\w*|kortreist\w*|plantebasert\w*|vegetar\w*|kjøttfri\w*)
    # employees: only a tie for parking in the same sentence (their parking is travel policy)
    | (?P<p_employees>ansatt|ansatte|ansattes|tilsett|tilsette|tilsettes|medarbeid(?:ere|erne|arar|arane)
        |arbeidstak(?:ere|erne|arar|arane)|personalet)
    # working conditions
    | (?P<w_commuting>pendl\w*|reiseve[gi]\w*|arbeidsreis\w*|jobbreis\w*)
    | (?P<w_travel>tenestereis\w*|tjenestereis\w*|reiseregulativ\w*|reisepolicy|reisepolitikk\w*
        |bilgodtgj\w*|kjøregodtgj\w*|køyregodtgj\w*|kilometergodtgj\w*|privatbil\w*)
    | (?P<w_service_cars>tenestebil\w*|tjenestebil\w*|bilpark(?:en)?|bilflåte\w*|firmabil\w*
        |køyretøypark\w*|kjøretøypark\w*)
    | (?P<w_working_rules>arbeidsreglement\w*|personalreglement\w*|personalhandbok\w*
        |personalhåndbok\w*|arbeidsinstruks\w*|stillingsinstruks\w*|stillingsomtale\w*
        |stillingsbeskriv\w*)
    | (?P<w_work_methods>arbeidsmetod\w*|arbeidsmåt\w*|arbeidsform\w*|arbeidsoppgåve\w*
        |arbeidsoppgave\w*|arbeidsrutin\w*|arbeidsdag\w*|arbeidskvardag\w*|arbeidshverdag\w*
        |arbeidstid\w*|hjemmekontor\w*|heimekontor\w*|fjernarbeid\w*)
    | (?P<w_training>opplæring\w*|kompetanseheving\w*|kompetansehev\w*|kompetanseutvikl\w*
        |kompetanseplan\w*|kurs|kursa|kurset|kursene|kursa|kursing|kurstilbod\w*|kurstilbud\w*
        |e-læring\w*|etterutdanning\w*|vidareutdanning\w*|videreutdanning\w*|skolering\w*)
    | (?P<w_relocation>flytting\w*|relokali\w*|samlokali\w*)
    | (?P<w_pay>lønn|lønna|lønnen|lønns[\w-]+|løn|løna|lønas|løns[\w-]+|tariff\w*
        |mellomoppgj\w*|hovudoppgj\w*|hovedoppgj\w*)
    | (?P<w_terms>arbeidsvilkår\w*|tilsettingsvilkår\w*|ansettelsesvilkår\w*|arbeidsforhold\w*
        |personalgode\w*|ansattgode\w*|fordelsordning\w*|leasing\w*|leasingordning\w*
        |sykkelordning\w*|elbilordning\w*)
    """,
    _I | re.VERBOSE,
)

# Phrases that never count; word matches inside these spans are dropped.
PHRASE_TRAPS = re.compile(
    r"""
    helse\W{0,4}(?:og\s+)?miljø\W{0,4}(?:og\s+)?(?:sikkerh|tryggleik)\w*
    | miljømessige?\s+konsekvens\w*
    | (?:klima|miljø)-?\s*(?:og|/)\s*(?:klima|miljø)(?:messige?\s+)?konsekvens\w*
    | konsekvens(?:ar|er)?\s+for\s+(?:ytre\s+)?(?:klima|miljø)\w*(?:\s*(?:og|/|,)\s*(?:klima|miljø)\w*)?
    | vurdering\s+av\s+(?:klima|miljø)\w*(?:\s*(?:og|/)\s*(?:klima|miljø)\w*)?
    | (?:psyko)?sosial\w*\s+miljø\w*
    | (?:økonomisk|sosial|finansiell)\w*\s+(?:bære|bere)kraft\w*
    # committee and unit names: "Utval for plan, teknikk og miljø", "Hovedutvalg miljøvern/teknikk",
    # "Enhet for plan, landbruk og miljøvern", "Klima- og miljøutvalet"
    | (?:(?:hovud|hoved)?(?:utval|utvalg|komit[eé]|nemnd)\w*|eining\w*|enhet\w*|avdeling\w*|seksjon\w*|
        etat\w*)\s+(?:for\s+)?(?:[\w.-]+\s*(?:,|og|&|/)\s*){0,4}
        (?:klima|miljø|natur|energi|bærekraft|berekraft)\w*
    | (?:klima|miljø|natur)\w*-?(?:\s*(?:,|og|&|/)\s*\w+-?){0,3}?\s*(?:,|og|&|/)\s*
        \w*?(?:utval|utvalg|komit[eé]|nemnd|avdeling|etat|seksjon|eining|enhet|sektor)\w*
    # a heading answered in the negative: "Klima og miljø: Ingen", "FNs bærekraftsmål: Ikke relevant",
    # "Miljø og klima: Saka har inga tyding for ..."
    | (?:fns?\s+)?(?:klima|miljø|natur|bærekraft|berekraft)[\w-]*(?:(?:\s*(?:,|og|/|&)\s*|\s+)[\w-]+){0,3}
        \s*:\s*(?:nei\b|(?=[^.\n:]{0,60}?\b(?:ingen|inga|ikke|ikkje)\b))
    # a negative statement: "ingen konsekvensar for klima og miljø", "vil ikke påvirke miljøet"
    | (?:ingen|inga|ikke|ikkje)\s+(?:[\w-]+\s+){0,3}?(?:betydning|tyding|konsekvens\w*|verknad\w*|virkning\w*|
        innverknad\w*|påvirk\w*|påverk\w*|effekt\w*|relevan\w*|aktuel\w*)\s+(?:for\s+|på\s+)?(?:det\s+)?
        (?:ytre\s+)?(?:klima|miljø|natur)\w*(?:\s*(?:-|og|,|/)\s*(?:klima|miljø|natur)\w*)*
    """,
    _I | re.VERBOSE,
)

# Phrases that count as climate signals on their own.
PHRASE_RULES = re.compile(
    r"""
    (?P<c_environment>\bytre\s+miljø\w*
        |\b(?:punkt\w*|føresegn\w*|bestemmelse\w*|bestemming\w*|kapittel\w*|paragraf\w*|regel|reglar|
        regler)\s+(?:om|for)\s+(?:det\s+)?(?:ytre\s+)?miljø(?:et)?\b(?!\s+(?:på|i|blant|mellom|hos)\s))
    | (?P<l_working_rules>\bmiljø(?:omsyn|hensyn|krav|ansvar|plikt)?\w*\s+(?:i|og)\s+(?:det\s+nye\s+)?
        (?:arbeidsreglement|personalreglement|personalhandbok|personalhåndbok)\w*)
    | (?P<c_procurement>\bgrøn(?:n|ne|e|t)?\s+(?:innkjøp|anskaff\w*)|\bmiljøvennl\w*\s+(?:innkjøp|anskaff\w*))
    | (?P<c_green_transition>\bdet\s+grøn(?:n)?e\s+skiftet|\bgrønt\s+skifte\b
        |\bgrøn(?:n|ne|e)?\s+(?:omstilling\w*|mobilitet|transport|vekst|teknologi|energi)\b)
    | (?P<c_green_representatives>\bgrøn(?:ne|e)\s+(?:tillitsvalgt\w*|tillitsvald\w*))
    | (?P<c_biodiversity>\bbiologisk\s+mangf[ao]l[dt]\w*)
    | (?P<c_certification>\biso\s*14001\b|\bgrønt\s+flagg\b)
    | (?P<c_climate>\bparis-?avtalen\b)
    | (?P<c_transport>\belektrisk\w*\s+(?:\w+-?\s+)?(?:bil|bilar|biler|bilen|bilane|bilene|varebil\w*|buss\w*|ferj\w*|
        ferg\w*|båt\w*|kjøretøy\w*|køyretøy\w*|anleggsmaskin\w*|maskin\w*|sykkel\w*|syklar\w*|sykler\w*)\b)
    | (?P<c_energy>\bspar(?:e|a|er|ar)\s+(?:på\s+)?(?:energi|straum|strøm)\b)
    | (?P<l_parking_fee>\bparkering\w*\s+(?:avgift\w*\s+)?(?:for|til|blant)\s+
        (?:dei\s+|de\s+|alle\s+|kommunen\s+sine\s+|kommunens\s+)?
        (?:tilsette|ansatte|medarbeidarar|medarbeidere|arbeidstakarar|arbeidstakere)\b
        |\b(?:ansattes|tilsettes|tilsette\s+si|tilsette\s+sin)\s+parkering\w*)
    | (?P<w_commuting>\breis(?:e|er|a|ene)\s+(?:til\s+og\s+(?:frå|fra)|til)\s+(?:jobb\w*|arbeid\w*)
)
    | (?P<l_commuting>\b(?:sykle|sykla|sykler|syklar)\s+(?:til\s+og\s+(?:frå|fra)|til)\s+(?:jobb\w*|arbeid\w*))
    """,
    _I | re.VERBOSE,
)

# Around an ``e_`` word (waste, energy production): a contract, fee, tax or company's accounts.
# Matched anywhere in the window, so compounds count too (avfallsgebyr, eigedomsskatt, IKS).
ECONOMIC_CONTEXT_RE = re.compile(
    r"kontrakt|avtale|anbo[dt]|anbud|konkurranse|tildeling|"
    r"gebyr|avgift|skatt|takser|regnskap|rekneskap|årsmelding|årsrapport|årsberetning|selskap|"
    r"aksje|eierskap|eigarskap|utbytte|representantskap|hjemfall|heimfall|\b(?:iks|as|kf)\b|\b(?:salg|sal\s+av|"
    r"utleige|utleie|kjøp)\b",
    _I,
)
ECONOMIC_WINDOW = 100
# Employees tie parking only within this distance and in the same sentence.
EMPLOYEE_WINDOW = 80
SENTENCE_END_RE = re.compile(r"[.!?;]\s|\n\s*\n")

# Context rules for ambiguous bare words (windows are the text just before/after the token).
KLIMA_TRAP_BEFORE = re.compile(
    r"(?:\b(?:godt|god|gode|betre|bedre|dårleg\w*|dårlig\w*|positivt?|negativt?|trygt|ope|opent|"
    r"åpent|sosialt|psykososialt|sunt|konstruktivt|varmt|kaldt|hardt|tøft|rått|"
    r"heile|hele|eit|et)\s+)$",
    _I,
)
KLIMA_TRAP_AFTER = re.compile(
    r"^\s+(?:i|innan\w*|innen\w*|inn\w*|mellom|blant|på|rundt|hos|for|til)\s+"
    r"(?:\S+\s+){0,2}?"
    r"(?:organisasjon|samarbei|grupp|arbeidsplass|kollegi|kolleg|avdeling|part|personal|leiing|"
    r"ledelse|utval|eining|enhet|team|møte|skule|skole|klass|barnehag|seksjon|tenest|tjenest|stab|"
    r"leiargrupp|ledergrupp|bedrift|verksemd|virksomhet|ytring|dialog|innovasjon|læring|endring|"
    r"tillit|debatt|diskusjon|rådhus|huset|kommuneorganisasjon)",
    _I,
)
MILJO_OK_BEFORE = re.compile(
    r"(?:\bytre\s+|\b(?:klima\w*|natur\w*|bærekraft\w*|berekraft\w*)\s*-?\s*(?:og|,|/|&)\s*)$", _I
)
MILJO_OK_AFTER = re.compile(
    r"^\s*-?\s*(?:og|,|/|&)\s*(?:klima|natur|bærekraft|berekraft|energi|utsl|biologisk)", _I
)
MILJO_FOR_BEFORE = re.compile(r"\b(?:for|på|overfor|mot)\s+$", _I)
MILJO_FOR_AFTER = re.compile(r"^\s*(?:[.,;:!?)]|$)")
SUSTAIN_TRAP_AFTER = re.compile(
    r"^\s+(?:økonomi\w*|drift\w*|tenest\w*|tjenest\w*|helse\w*|omsorg\w*|velferd\w*|"
    r"bemanning\w*|turnus\w*|kommuneøkonomi\w*|budsjett\w*|arbeidsliv\w*|rekrutter\w*|"
    r"personalpolitikk\w*|organisasjon\w*|og\s+(?:god\s+)?ressursbruk|i\s+(?:tenest|tjenest|"
    r"økonomi|drift|budsjett)\w*)",
    _I,
)

# Environmental-consequences section of a case paper.
ENV_HEADING_RE = re.compile(
    r"""
    (?:klima-?\s*(?:og|/)\s*)?miljømessige?\s+konsekvens(?:ar|er)?
    | (?:klima-?\s*(?:og|/)\s*)?miljøkonsekvens(?:ar|er)?
    | klimakonsekvens(?:ar|er)?
    | konsekvens(?:ar|er)?\s+for\s+(?:ytre\s+)?(?:miljø|klima)(?:et)?(?:\s*(?:og|/)\s*(?:miljø|klima)(?:et)?)?
    | vurdering\s+av\s+(?:miljø|klima)\w*(?:\s*(?:og|/)\s*(?:miljø|klima)\w*)?
    | (?:miljø|klima)vurdering(?:ar|er)?
    | miljø\s+og\s+klima(?=\s*:)
    | klima\s+og\s+miljø(?=\s*:)
    """,
    _I | re.VERBOSE,
)
# Every heading contains one of these words; ENV_HEADING_RE is only tried around them.
ENV_KEY_RE = re.compile(r"[Kk]onsekvens|[Vv]urdering|KONSEKVENS|VURDERING|(?:klima|miljø)\s*:", _I)

# Where a section ends: another typical case-paper heading.
SECTION_END_RE = re.compile(
    r"""
    \n\s*\n
    | \b(?:økonomiske|økonomisk|administrative|juridiske|personalmessige|organisatoriske)\s+
        (?:konsekvens\w*|vurdering\w*|følgjer|følger)
    | \b(?:folkehelse|beredskap|likestilling|universell\s+utforming|personvern|risiko|
        konklusjon|vurdering|tilråding|innstilling|vedlegg|saksopplysning\w*|bakgrunn|
        kommunedirektøren\w*|rådmannen\w*|forslag\s+til\s+vedtak|framlegg\s+til\s+vedtak)\b\s*:
    | \b(?:kommunedirektøren\w*|rådmannen\w*)\s+(?:sitt\s+|sin\s+)?(?:framlegg|forslag|innstilling|tilråding)
    """,
    _I | re.VERBOSE,
)
ENV_NOT_ASSESSED_RE = re.compile(
    r"\b(?:ikke|ikkje|ikkje)\s+(?:blitt\s+|vorte\s+)?(?:vurdert|utgreidd|utgreia|utredet|utreda|"
    r"kartlagt|vurdera)\b|\bikke\s+vurdert\b|\buavklart\b",
    _I,
)
ENV_NONE_RE = re.compile(
    r"^\W*(?:ingen|inga|ikke\s+relevant|ikkje\s+relevant|ikke\s+aktuelt|ikkje\s+aktuelt|nei|"
    r"ikke\s+aktuell|ikkje\s+aktuell)\b"
    r"|\b(?:ingen|inga)\s+(?:kjende\s+|kjente\s+|særlege\s+|særlige\s+|spesielle\s+|direkte\s+|"
    r"vesentlege\s+|vesentlige\s+|negative\s+|positive\s+)?(?:miljø\w*|klima\w*|konsekvens\w*|"
    r"verknad\w*|virkning\w*|betydning|innverknad|påvirkning)"
    r"|\b(?:ikke|ikkje)\s+(?:\w+\s+){0,4}?(?:konsekvens\w*|betydning|verknad\w*|virkning\w*|"
    r"påvirkning\w*|innverknad\w*|relevant|aktuelt)\b",
    _I,
)
ENV_BUT_RE = re.compile(r"\b(?:men|likevel|derimot|imidlertid)\b", _I)
