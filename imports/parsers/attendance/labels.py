"""Attendance from labelled sections, whatever the template: one label vocabulary, one reader.

The head of a protocol holds labelled lists ('Til stede:', 'Faste medlemmer som møtte',
'Forfall', 'Varamedlemmer som møtte', 'Møtande varamedlemer', 'Frå adm. møtte', ...). Each label
has a kind; a section runs to the next label, a stop label (an invitation or distribution list,
signatures, the saksliste) or the first run of prose. Section shapes:

- rows 'Name [role] [party]' (line by line, flattened or comma separated);
- substitutes 'Sub for Absent', 'Sub Absent Party' (a 'Møtte for' column) or plain names;
- two-column tables flattened into alternating cells ('Forfall Parti | Varamedl. møtte Parti');
- rosters 'Innkalte: Funksjon Navn Forfall Møtt for' with 'FO' marks, row by row or column by
  column;
- numbered lists per party ('DESSE MØTTE ARBEIDARPARTIET 1. Kari Nordmann 2. ...').

A notice's invitation list is not attendance: in a notice only the forfall and the substitutes
called in for them are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..orgs import canonical_org
from .rows import Row, parse_rows
from .vocabulary import NAME_STOPWORDS, ROLE_RE

HEAD_CHARS = 15_000
MAX_SECTION_CHARS = 4_000
PROSE_WORDS = 4  # this many lower-case words in a row end a section

# (?=[A-ZÆØÅ]) keeps labels to capitalised words: 'møtande varamedlemer' inside a sentence
# is not a label.
_CAP = r"(?<![\w])(?=[A-ZÆØÅ])"
_COLON = r"\s*:?"
_VARA = (
    r"(?:varamedlemmer|varamedlemer|varamedlem|varamedl\.?|vararepresentantar|"
    r"vararepresentanter)"
)
_MEMBERS = r"(?:medlemmer|medlemer|medl\.?|representantar|representanter)"
# 'møtte på heile eller delar av møtet': the rest of the label, not a sentence
_PART_OF_MEETING = r"(?:\s+på\s+(?:heile|hele)\s+eller\s+(?:delar|deler)\s+av\s+møtet)?"
_MET = rf"(?:møtte|møtt|til\s+stades?|til\s+stede){_PART_OF_MEETING}"
_FOLLOWING = r"(?:(?:Følgende|Følgjande)\s+)?"
_EMPLOYEE_SIDE = (
    r"(?:(?:Fra|Frå)\s+)?(?:Arbeidstakarrepresentantar|Arbeidstakerrepresentanter|"
    r"Arbeidstakarrepr\.?|Arbeidstakerrepr\.?|Arbeidstakersiden|Arbeidstakarsida|"
    r"Arbeidstakerne|Arbeidstakarane|Ansatterepresentanter|Ansattrepresentanter|"
    r"Tilsetterepresentantar|Tilsettrepresentantar|(?:Hoved|Hovud)?[Tt]illitsvalgte|"
    r"(?:Hoved|Hovud)?[Tt]illitsvalde|(?:Hoved|Hovud)?[Vv]erneombud|(?:Hoved|Hovud)?[Vv]erneombod)"
)
_EMPLOYER_SIDE = (
    r"(?:(?:Fra|Frå)\s+)?(?:Arbeidsgiverrepresentanter|Arbeidsgjevarrepresentantar|"
    r"Arbeidsgiverrepr\.?|Arbeidsgjevarrepr\.?|Arbeidsgiversiden|Arbeidsgjevarsida|"
    r"Arbeidsgiver|Arbeidsgjevar|Arbeidsgivar)"
)
EMPLOYEE_SIDE_RE = re.compile(
    r"arbeidstak|ansatte?rep|tilsett|tillitsval|verneomb|de\s+ansatte", re.IGNORECASE
)
EMPLOYER_SIDE_RE = re.compile(r"arbeidsgiv|arbeidsgjev", re.IGNORECASE)
ROLL_CALL_RE = re.compile(r"møtt|stede|stades|deltak|frammøtte|fremmøtte|styret", re.IGNORECASE)
# the administration's roles as a sub-heading, singular or plural ('Rådmenn:', 'Kommunalsjefar:')
_ADMIN_ROLES = (
    r"[\wæøå-]*(?:rådmenn|rådmann|rådmannen|direktør|direktørar|direktører|sjef|sjefar|sjefer|"
    r"sjefane|sjefene|rådgivere|rådgjevarar|konsulenter|konsulentar)"
)
# another body's people ('Fra kontrollutvalget møtte', 'Frå revisjonen møtte'); the sides,
# the administration, the secretariat and the board have labels of their own
_FROM_BODY = (
    r"(?:Fra|Frå)\s+(?!(?:arbeidsg|arbeidstak|de\s+ansatte|dei\s+tilsette|adm|sekretariat|styret|sak))"
    r"[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?\s+møtte"
)
_FROM_ADM = r"(?:Fra|Frå|Fr\s?[aå])\s+(?:administrasjonen|administrasjon|adm\.?)"

LABELS: dict[str, str] = {
    # a two-column table: absent members | substitutes who met
    "absent_subs": rf"(?:Forfall(?:\s+meldt)?(?:\s+(?:frå|fra))?\s+{_FOLLOWING}{_MEMBERS}{_COLON}"
    rf"|Forfall){_COLON}\s+(?:Parti\s+)?{_FOLLOWING}(?:{_VARA}\s+{_MET}|Møtande\s+{_VARA}|"
    rf"Møtende\s+{_VARA})(?:\s+Parti)?",
    # a two-column table: members who met | substitutes who met
    "members_subs": rf"{_FOLLOWING}(?:Faste\s+)?{_MEMBERS}\s+(?:som\s+)?{_MET}(?:\s+Parti)?\s+"
    rf"{_FOLLOWING}{_VARA}\s+(?:som\s+)?{_MET}(?:\s+Parti)?",
    "roster": r"(?:Innkalte\s*:?\s*)?(?:(?:Funksjon|Navn|Namn|Parti|Rolle|Representerer)\s+){1,3}"
    r"(?:Forfall|Fråfall|Fravær)\s+(?:Møtt|Møtte|Innkalt|Innkalla|Vara)\s+for"
    r"|Innkalte\s*:?\s*(?:Funksjon|Navn|Namn|Rolle)(?![\w])",
    # a tick table: one mark per row under 'Møtt' or 'Forfall', a substitute's name after it
    "ticks": r"(?:Navn|Namn|Medlemmer|Medlemer|Representant)\s+"
    r"(?:(?:Parti|Funksjon|Rolle|Representerer|Repr\.?)\s+){0,2}"
    r"(?:Møtt|Møtte|Til\s+stede|Til\s+stades)\s+(?:Forfall|Fråfall|Ikke\s+møtt|Ikkje\s+møtt)"
    r"(?:\s+(?:Møtt\s+for|Vara(?:medlem)?|Møtande\s+vara(?:medlem)?|Møtende\s+vara(?:medlem)?))?",
    # column headings inside a roster flattened column by column: not a section border
    "inner": r"(?:Forfall|Fråfall)\s+(?:Møtt|Møtte|Innkalt|Innkalla|Vara)\s+for",
    "absent": rf"(?:{_FOLLOWING}(?:Faste\s+)?{_MEMBERS}\s+(?:som\s+)?(?:ikke|ikkje)\s+{_MET}"
    rf"|{_FOLLOWING}(?:Faste\s+)?{_MEMBERS}\s+{_MET}\s+(?:ikke|ikkje)"
    rf"|{_FOLLOWING}(?:faste\s+)?{_MEMBERS}\s+(?:som\s+)?(?:hadde|meldte|har\s+meldt)\s+forfall"
    rf"|{_MEMBERS}\s+med\s+forfall|Meldt\s+forfall|Forfall\s+meldt(?:\s+(?:frå|fra)\s+\S+)?"
    rf"|Forfall\s+til\s+møtet|Forfall(?!\s+(?:meldes|meldast|må|skal|kan))"
    rf"|Ikke\s+møtt|Ikkje\s+møtt|Møtte\s+ikke|Møtte\s+ikkje|Ikke\s+til\s*stede|Ikkje\s+til\s*stades"
    rf"|Fraværende|Fråverande|Fravær|Fråvær){_COLON}",
    "subs": rf"(?:{_FOLLOWING}{_VARA}\s+(?:som\s+)?{_MET}|Møtande\s+{_VARA}|Møtende\s+{_VARA}"
    rf"|{_VARA}\s*:|Vara\s*:|Møtande\s+vara|Møtende\s+vara|Vara\s+som\s+møtte"
    rf"|Møtte\s+som\s+vara(?:medlem|medlemmer|medlemer)?)",
    "members": rf"(?:(?:Til\s*stede|Til\s*stades|Møtt|Møtte)\s+(?:fra|frå)\s+"
    rf"(?:arbeidsgiver\w*|arbeidsgjevar\w*|arbeidstak\w*|de\s+ansatte|dei\s+tilsette)"
    rf"|{_FOLLOWING}(?:Faste\s+)?{_MEMBERS}(?:/{_VARA})?\s+(?:som\s+)?{_MET}"
    rf"|{_MEMBERS}(?:\s+(?:Parti|Rolle|Funksjon|Representerer)(?![\w])){{1,3}}"
    rf"|(?:Faste\s+)?{_MEMBERS}\s*:|Til\s*stede|Til\s*stades|Tilstades|Møtande\s+{_MEMBERS}"
    rf"|Møtende\s+{_MEMBERS}|Frammøtte|Fremmøtte|Desse\s+møtte|Disse\s+møtte|Følgende\s+møtte"
    rf"|Følgjande\s+møtte|(?:Møte)?[Dd]elta[gk]ere|(?:Møte)?[Dd]elta[gk]arar|Møtt\s*:|Møtte\s*:"
    rf"|Fra\s+styret\s*:|Frå\s+styret\s*:|(?:Følgende|Følgjande)\s+deltok(?:\s+i\s+møtet)?"
    rf"|Deltok(?:\s+i\s+møtet)?\s*:|Oppmøte\s*:"
    rf"|(?:{_EMPLOYEE_SIDE}|{_EMPLOYER_SIDE}|Politikarar|Politikere|Folkevalde|Folkevalgte)"
    rf"(?:\s+(?:som\s+)?{_MET})?\s*:){_COLON}",
    "chair": r"(?:Møteleiar|Møteleder|Møteleiing)(?!\s+(?:var|ble|vart))" + _COLON,
    "admin": rf"(?:{_FOLLOWING}"
    rf"(?:(?:Til\s+stede|Til\s+stades|Møtende|Møtande|I\s+tillegg\s+møtte)\s+)?"
    rf"{_FROM_ADM}(?:\s+møtte{_PART_OF_MEETING})?"
    rf"|Administrasjonen\s*:|Administrasjonen(?=\s+[A-ZÆØÅ][a-zæøå])|Frå\s+sekretariatet"
    rf"|Fra\s+sekretariatet|{_ADMIN_ROLES}\s*:){_COLON}",
    # a sub-list of an administrative unit or guest body by its short name ('NUI:', 'NAV:');
    # a party's short name ('AP:') is no such label (see ``_party_group``)
    "unit": r"(?-i:[A-ZÆØÅ]{2,6})\s*:",
    "others": rf"(?:Andre\s+(?:til\s+stede|til\s+stades|møtande|møtende|som\s+møtte)|Andre\s*:"
    rf"|Til\s+stades?\s+med\s+møte-?\s*og\s+talerett|Til\s+stede\s+med\s+møte-?\s*og\s+talerett"
    rf"|Møte-?\s*og\s+talerett\s*:|Sekretariat(?:\s+for\s+møtet)?\s*:|Møtesekretær\s*:?"
    rf"|Sekretær\s*:|Protokollfører\s*:|Protokollførar\s*:|Referent\s*:"
    rf"|Bedriftshelsetjenesten\s*:|Bedriftshelsetenesta\s*:|BHT\s*:"
    rf"|Observatør(?:ar|er)?\s*:|Dessuten\s+møtte|Dessutan\s+møtte|I\s+tillegg\s+møtte"
    rf"|{_FROM_BODY}){_COLON}",
    # lists that are not attendance, and what ends the attendance block
    "stop": r"(?:Innkalling(?:en)?\s+(?:er\s+)?sendt\s+til|Kopi\s+til|Kopi\s*:|Innkalte\s*:"
    r"|Innkalte\s+til\s+møtet|(?:Møtestad|Møtested|Møtedato|Møtetid|Dato|Tidspunkt|Tid|Sted|Stad"
    r"|Utvalg|Utval|Organ|Møterom)\s*:"
    r"|Gjenpart\s+til|Utsendt\s+til|(?:Hoved)?[Uu]tskrift\s+(?:er\s+)?(?:sendt|sendes)"
    r"|Møteprotokoll(?:en)?\s+er\s+sendt|Protokoll(?:en)?\s+(?:sendes|er\s+sendt)"
    r"|Underskrift\w*|Merknad\w*|Permisjon|Ugilde?\s*:|Utlevert|Orientering\w*\s*:"
    r"|Saksliste|Sakliste|Sakskart|Dagsorden|Saksnr\.?|Saknr\.?|Sak\s+nr\.?\s*:|Vi\s+bekrefter"
    r"|Vi\s+stadfester|Eventuelt\s+forfall|Varamedlem(?:mer|mar)?\s+møter)",
}
# a label is whole words: 'Fravær' is no label in 'Fraværsregler', nor 'Forfall' in 'Forfallsgrunn'
_LABEL_RES = {kind: re.compile(_CAP + f"(?i:{pattern})(?![\\w])") for kind, pattern in LABELS.items()}
ADMIN_KINDS = ("admin", "others", "unit")
WITH_FOR_RE = re.compile(r"(?<![\w])(?:Vara|Møtte|Møtt)\s+for(?![\w])", re.IGNORECASE)
FOR_RE = re.compile(
    r"\s+(?:for|i\s+stedet\s+for|istf\.?|møtte\s+for|møtte\s+i\s+staden\s+for|vara\s+for)\s+",
    re.IGNORECASE,
)
_PROSE_WORD_RE = re.compile(r"[a-zæøå][\wæøå-]*[.,;:]?|\d[\d.:,]*")
_SENTENCE_END_RE = re.compile(r"(?<=[a-zæøå]{2})\.\s+(?=[A-ZÆØÅ])")
NUMBERING_RE = re.compile(r"(?<![\w.])\d{1,2}\.\s+(?=[A-ZÆØÅ])")
# the saksliste, or the first item heading ('Sak 1/24 Title', 'PS 12/13 Title', a line
# '057/13 Title'); not a range in the header ('Saknr.: 015/11-024/11') or a case in a sentence
_AGENDA_START_RE = re.compile(
    r"(?<![\w])(?:Saksliste|SAKSLISTE|Sakliste|SAKLISTE|Dagsorden)(?![\w])"
    r"|(?:(?<![\w])(?:PS|RS|Sak|SAK|Sak\s+nr\.?|Saknr\.?|Saksnr\.?)\s+|^[ \t]*)"
    r"\d{1,4}\s?/\s?\d{2,4}(?![\d/-])"
    r"(?=\s*:?\s+[A-ZÆØÅ])",
    re.MULTILINE,
)
_BLOCK_END_RE = re.compile(r"(?<![\w])(?:SAKSPAPIR|SAKSFRAMLEGG|Saksframlegg)(?![\w])")


@dataclass
class Section:
    kind: str
    label: str
    text: str
    rows: list[Row] | None = None  # rows given to a label whose values were printed later
    column: int = 0  # where the label starts on its line (for tables read by column position)

    def parse(self, known: list[str] | None = None) -> list[Row]:
        if self.rows is not None:
            return self.rows
        return parse_rows(NUMBERING_RE.sub(", ", self.text), known=known)


def find_sections(head: str) -> list[Section]:
    """Labelled sections of the attendance block, in document order."""
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _LABEL_RES.items():
        found += [(m.start(), m.end(), kind) for m in pattern.finditer(head)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    labels: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if labels and start < labels[-1][1]:
            continue  # inside a longer label that starts earlier or at the same place
        labels.append((start, end, kind))
    labels = [label for label in labels if label[2] != "inner" and not _party_group(head, label)]
    sections = []
    for i, (start, end, kind) in enumerate(labels):
        stop = labels[i + 1][0] if i + 1 < len(labels) else len(head)
        stop = min(stop, end + MAX_SECTION_CHARS)
        text = head[end:stop] if kind == "ticks" else _cut_prose(head[end:stop])
        column = start - (head.rfind("\n", 0, start) + 1)
        sections.append(Section(kind, head[start:end], text, column=column))
    return sections


def _party_group(head: str, label: tuple[int, int, str]) -> bool:
    """A short-name label that names a party or union, or is a heading word ('NB:'): the
    names after it are members of the list it is in."""
    start, end, kind = label
    word = head[start:end].strip(" :")
    return kind == "unit" and (canonical_org(word) is not None or word.lower() in NAME_STOPWORDS)


def single_person(section: Section) -> bool:
    """A label for one person: the chair, or a role ('Møtesekretær:')."""
    return section.kind == "chair" or (
        section.kind == "others" and bool(ROLE_RE.fullmatch(section.label.strip(" :")))
    )


def distribute_stacked(sections: list[Section]) -> list[Section]:
    """Labels printed one after the other with their values after them all ('Møteleiar:
    Møtesekretær: Frå adm. møtte: Kari Lie Per Dal Rådmann Anne Moe ...'): each one-person
    label takes one name in order, the last list label the rest."""
    out: list[Section] = []
    stack: list[Section] = []
    for section in sections:
        stack.append(section)
        rows = section.parse()
        if not rows:
            continue
        if len(stack) > 1 and any(single_person(s) for s in stack[:-1]):
            _share_rows(stack, rows)
        out += stack
        stack = []
    out += stack
    return [s for s in out if s.kind != "stop"]


def _share_rows(stack: list[Section], rows: list[Row]) -> None:
    """The rows after stacked labels: one each to the one-person labels, in order, the rest
    to the last list label, none to the others."""
    for target in stack:
        if single_person(target) and rows:
            target.rows = [rows.pop(0)]
    lists = [s for s in stack if s.kind != "stop" and not single_person(s)]
    for target in stack:
        if target.rows is None:
            target.rows = rows if lists and target is lists[-1] else []


def _cut_prose(text: str) -> str:
    """The section up to the first run of ordinary lower-case words (a sentence, not a list)."""
    run = 0
    run_start = 0
    for m in re.finditer(r"\S+", text):
        word = m.group()
        prose = bool(_PROSE_WORD_RE.fullmatch(word)) and not ROLE_RE.fullmatch(word)
        if word.lower().rstrip(".,;:") in ("og", "for", "ved", "v/", "i"):
            continue
        if prose:
            if run == 0:
                run_start = m.start()
            run += 1
            if run >= PROSE_WORDS:
                # the sentence's subject goes too: 'Kari Lie. Per Dal fratrådte møtet før ...'
                ends = list(_SENTENCE_END_RE.finditer(text, max(0, run_start - 60), run_start))
                return text[: ends[-1].start() + 1] if ends else text[:run_start]
        else:
            run = 0
    return text


def attendance_block(text: str) -> str:
    """The part of a document that can hold the meeting's attendance: the head up to the
    saksliste or the first case paper (an attached paper's lists belong to other meetings)."""
    head = text[:HEAD_CHARS]
    block_end = _BLOCK_END_RE.search(head)
    if block_end:
        head = head[: block_end.start()]
    first_label = min(
        (
            m.start()
            for kind, r in _LABEL_RES.items()
            if kind not in ("stop", "inner")
            for m in [r.search(head)]
            if m
        ),
        default=None,
    )
    if first_label is None:
        return ""
    after = _AGENDA_START_RE.search(head, first_label)
    return head[: after.start()] if after else head
