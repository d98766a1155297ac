"""The words of attendance lists: roles, name shapes, headings, marks, never-a-name words."""

from __future__ import annotations

import re
from pathlib import Path

from ..textnorm import LOWER, UPPER

_I = re.IGNORECASE


ROLE_WORDS = (
    r"leiar|leder|nestleiar|nestleder|utvalsleiar|utvalgsleder|utvalsleder|medlem|varamedlem|vara|"
    r"medl\.?|varamedl\.?|varaordf\.?|vararepresentant|vararepr\.?|kommunelege|revisor|"
    r"arbeidstakarrepr\.?|arbeidstakerrepr\.?|arbeidstakarrepresentant|arbeidstakerrepresentant|"
    r"ansatterepr\.?|ansatterepresentant|ansattrepresentant|tilsetterepresentant|"
    r"tilsettrepresentant|hovudtillitsvald|hovedtillitsvalgt|hovudverneombod|hovedverneombud|"
    r"verneombod|verneombud|tillitsvald|tillitsvalgt|sekretær|utvalssekretær|utvalgssekretær|"
    r"møtesekretær|protokollfører|protokollførar|ordfører|ordførar|varaordfører|varaordførar|"
    r"kommunedirektør|kommunedirektøren|rådmann|rådmannen|kommunalsjef|personalsjef|"
    r"personalleiar|personalleder|hr-sjef|hr-leiar|hr-leder|hr-direktør|hr-rådgjevar|hr-rådgiver|"
    r"økonomisjef|rådgjevar|rådgiver|seniorrådgiver|seniorrådgjevar|spesialrådgiver|"
    r"organisasjonssjef|stabssjef|kommuneadvokat|direktør|observatør|møtande|møtende|"
    r"[\wæøå-]*(?:sjef|leiar|leder|direktør|rådgiver|rådgjevar|rådgivar|konsulent|sekretær|representant|"
    r"ordfører|ordførar|ordføraren|ordføreren|rådmann|rådmannen|advokat|kommunelege|jurist|"
    r"tillitsvald|tillitsvalgt|verneombud|verneombod|ansvarleg|ansvarlig)"
)
ROLE_RE = re.compile(rf"(?:{ROLE_WORDS})[.,:;]?", _I)
ROLE_PREFIX_RE = re.compile(
    r"assisterende|assisterande|ass\.?|konstituert|kst\.|fung\.|fungerande|fungerende|politisk|"
    r"fast|personleg|personlig|1\.|2\.|3\.",
    _I,
)
EMPLOYEE_ROLE_RE = re.compile(
    r"arbeidstak|ansatterep|ansattrep|tilsett|tillitsval|verneomb|hovudtillits|hovedtillits", _I
)
EMPLOYER_ROLE_RE = re.compile(
    r"kommunedirektør|rådmann|sjef|hr-|personal|direktør|rådgiver|rådgjevar|kommuneadvokat|"
    r"kommunalsjef|økonomi|stabs|konsulent",
    _I,
)
SECRETARY_ROLE_RE = re.compile(r"sekretær|protokollfør", _I)
NAME_PARTICLES = {"van", "von", "de", "af", "da", "la", "du", "ter", "den", "der", "di", "le"}
NAME_TOKEN_RE = re.compile(
    rf"[{UPPER}][{LOWER}A-Za-z'’]*(?:-[{UPPER}{LOWER}][{LOWER}A-Za-z'’]*)*\.?"
)
TABLE_HEADER_RE = re.compile(
    r"(?:Medlemmer|Medlemer|Namn|Navn)\s+(?:Parti|Funksjon|Rolle|Stilling|Møtte\s+for|Kommune)"
    r"(?:\s+(?:Rolle|Parti|Representerer|Representerar|Funksjon|Møtte\s+for|Møtande\s+varamedlem"
    r"|Kommune))*"
    r"|Forfall\s+Parti\s+(?:Møtande|Møtende)\s+varamedlem|(?<![\w])Representerer(?![\w])"
    # the rest of a heading row whose first word was the section's label ('Møtedeltakarar Parti Rolle')
    r"|(?<![\w])(?:Parti|Funksjon|Rolle|Stilling|Kommune)\s+(?:Parti|Funksjon|Rolle|Stilling)(?![\w])",
    _I,
)


def _load_first_names() -> frozenset[str]:
    path = Path(__file__).parent.parent / "data" / "first_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


# Common first names, used only to split run-together names in flattened tables
# ("Anne Lise Bergo Amalie Johnsen Lunde"); a name is never accepted or refused by the list.
FIRST_NAMES = _load_first_names()
SURNAME_ENDINGS = (
    "sen", "son", "stad", "vik", "land", "heim", "rud", "dal", "dahl", "berg", "bø", "nes", "ness",
    "næss", "seth", "by", "haug", "haugen", "vold", "voll", "strand", "bakken", "bakke", "moen",
    "lund", "holm", "aas", "gård", "gaard", "rød", "sæter", "seter", "fjell", "myr", "skog", "li",
    "lie", "bu", "tun", "eng", "hus", "øy", "stø", "næs", "mo", "aa", "å", "sund", "jord", "gard",
)  # fmt: skip
LONG_SURNAME_ENDINGS = tuple(e for e in SURNAME_ENDINGS if len(e) >= 3)
# Capitalised words that are never part of a person's name in an attendance list: sentence
# starts, table headings, labels, places and bodies.
NAME_STOPWORDS = frozenset(
    """
    etter det den dei de han ho hun se til fra frå med ved og i på av for sak saker ingen alle
    møtet møte møtt møtte navn namn funksjon rolle parti partitilhørighet representerer
    representerar repr stilling vara forfall merknad merknader personal diverse orientering
    orienteringar orienteringer kl dato side permisjon ugild ugilde innkalling sakliste saksliste
    godkjenning referat referatsaker saknr saksnr spørsmål svar interpellasjon eventuelt vedtak
    behandling handsaming underskrift underskrifter protokoll møtebok møteprotokoll kommune herad fylkeskommune representanter
    representantar medlemmer medlemer medl varamedlemmer varamedlemer varamedl presse
    administrasjonen adm sekretariat sekretariatet totalt antall tilstede stede stades følgende
    følgjande desse disse faste andre også dessuten dessutan hovedutskrift utskrift kopi sign
    signert merk nb obs møtande møtende kommunestyret formannskapet utvalget utvalet styret
    bystyret fylkestinget fylkesutvalet fylkesutvalget heradsstyret innkalt innkalte møtested
    møtestad møtedato tid tidspunkt sted stad utvalg utval organ fravær fråvær leiar leder
    som ikke ikkje ble vart var er har hadde nr ny nye kommunestyresalen formannskapssalen
    rådhus rådhuset rådhusets møterom kantina kantine sekretæren ordføraren ordføreren
    fylkesordføraren leiaren lederen rådmannen kommunedirektøren
    """.split()  # noqa: SIM905 - a word list reads better as text
)
NOT_NAME_SUFFIX_RE = re.compile(
    r"(?:kommune|kommunes|herad|fylkeskommune|tidende|avis|avisa|posten|bladet|blad|budstikke|"
    r"nytt|tidene|kuriren|rådhus|rådhuset|salen|senter|senteret|sykehjem|skule|skole|"
    r"departement|departementet|direktoratet|vegvesen|revisjon)$",
    _I,
)
PARTY_WORD_RE = re.compile(
    r"[\wæøå]*(?:partiet|parti|lista|liste|listen|demokratene|demokratane)$", _I
)
# Marks in a roster's 'Forfall' column
ABSENCE_MARKS = frozenset({"fo", "f", "forfall", "x", "×", "fravær", "fråvær"})
TICKS = frozenset({"X", "x", "×", "✓", "✔"})  # marks in tick tables, never an initial
COMPANY_FORMS = frozenset({"AS", "ASA", "IKS", "SA", "KF", "BA", "HF"})
EMPTY_CELLS = frozenset({"ingen", "nei", "-", "–"})
MAX_NAME_RUN = 60
MAX_NAME_WORDS = 5

INITIALS_RE = re.compile(rf"(?:[{UPPER}]\.){{1,3}}")
PAREN_RE = re.compile(r"\(([^()\n]{1,60})\)")


def is_substitute_role(role: str) -> bool:
    """'Varamedlem', 'Vara', 'Varamedl.' but not 'Varaordførar' (a deputy mayor is a member)."""
    low = role.lower()
    return low.startswith("vara") and "ordf" not in low
