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

from . import attendance as att
from .types import ParsedAttendance

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
_MET = r"(?:møtte|møtt|til\s+stades?|til\s+stede)"
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
_EMPLOYEE_SIDE_RE = re.compile(
    r"arbeidstak|ansatte?rep|tilsett|tillitsval|verneomb|de\s+ansatte", re.IGNORECASE
)
_EMPLOYER_SIDE_RE = re.compile(r"arbeidsgiv|arbeidsgjev", re.IGNORECASE)
_ROLL_CALL_RE = re.compile(r"møtt|stede|stades|deltak|frammøtte|fremmøtte|styret", re.IGNORECASE)
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
    rf"{_FROM_ADM}(?:\s+møtte)?"
    rf"|Administrasjonen\s*:|Administrasjonen(?=\s+[A-ZÆØÅ][a-zæøå])|Frå\s+sekretariatet"
    rf"|Fra\s+sekretariatet){_COLON}",
    "others": rf"(?:Andre\s+(?:til\s+stede|til\s+stades|møtande|møtende|som\s+møtte)|Andre\s*:"
    rf"|Til\s+stades?\s+med\s+møte-?\s*og\s+talerett|Til\s+stede\s+med\s+møte-?\s*og\s+talerett"
    rf"|Møte-?\s*og\s+talerett\s*:|Sekretariat(?:\s+for\s+møtet)?\s*:|Møtesekretær\s*:?"
    rf"|Sekretær\s*:|Protokollfører\s*:|Protokollførar\s*:|Referent\s*:"
    rf"|Bedriftshelsetjenesten\s*:|Bedriftshelsetenesta\s*:|BHT\s*:"
    rf"|Observatør(?:ar|er)?\s*:|Dessuten\s+møtte|Dessutan\s+møtte|I\s+tillegg\s+møtte){_COLON}",
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
_LABEL_RES = {kind: re.compile(_CAP + f"(?i:{pattern})") for kind, pattern in LABELS.items()}
ADMIN_KINDS = ("admin", "others")
_WITH_FOR_RE = re.compile(r"(?<![\w])(?:Vara|Møtte|Møtt)\s+for(?![\w])", re.IGNORECASE)
FOR_RE = re.compile(
    r"\s+(?:for|i\s+stedet\s+for|istf\.?|møtte\s+for|møtte\s+i\s+staden\s+for|vara\s+for)\s+",
    re.IGNORECASE,
)
_PROSE_WORD_RE = re.compile(r"[a-zæøå][\wæøå-]*[.,;:]?|\d[\d.:,]*")
_SENTENCE_END_RE = re.compile(r"(?<=[a-zæøå]{2})\.\s+(?=[A-ZÆØÅ])")
_NUMBERING_RE = re.compile(r"(?<![\w.])\d{1,2}\.\s+(?=[A-ZÆØÅ])")
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
    rows: list[att.Row] | None = None  # rows given to a label whose values were printed later
    column: int = 0  # where the label starts on its line (for tables read by column position)

    def parse(self, known: list[str] | None = None) -> list[att.Row]:
        if self.rows is not None:
            return self.rows
        return att.parse_rows(_NUMBERING_RE.sub(", ", self.text), known=known)


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
    labels = [label for label in labels if label[2] != "inner"]
    sections = []
    for i, (start, end, kind) in enumerate(labels):
        stop = labels[i + 1][0] if i + 1 < len(labels) else len(head)
        stop = min(stop, end + MAX_SECTION_CHARS)
        text = head[end:stop] if kind == "ticks" else _cut_prose(head[end:stop])
        column = start - (head.rfind("\n", 0, start) + 1)
        sections.append(Section(kind, head[start:end], text, column=column))
    return sections


def _single_person(section: Section) -> bool:
    return section.kind == "chair" or (
        section.kind == "others" and bool(att.ROLE_RE.fullmatch(section.label.strip(" :")))
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
        if len(stack) > 1 and any(_single_person(s) for s in stack[:-1]):
            for target in stack:
                if _single_person(target) and rows:
                    target.rows = [rows.pop(0)]
            lists = [s for s in stack if s.kind != "stop" and not _single_person(s)]
            for target in stack:
                if target.rows is None:
                    target.rows = rows if lists and target is lists[-1] else []
        out += stack
        stack = []
    out += stack
    return [s for s in out if s.kind != "stop"]


def _cut_prose(text: str) -> str:
    """The section up to the first run of ordinary lower-case words (a sentence, not a list)."""
    run = 0
    run_start = 0
    for m in re.finditer(r"\S+", text):
        word = m.group()
        prose = bool(_PROSE_WORD_RE.fullmatch(word)) and not att.ROLE_RE.fullmatch(word)
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


def read_attendance(text: str, *, protocol: bool) -> list[ParsedAttendance]:
    """Attendance of the meeting a document's head describes (and, in a protocol, the members
    chosen to sign it, who were there)."""
    people = attendance_from_sections(find_sections(attendance_block(text)), protocol=protocol)
    if protocol:
        listed = [p.name for p in people]
        for name in signers(text[:SIGNERS_CHARS]):
            if not att.known_as(name, listed):
                people.append(ParsedAttendance(name, "political", None, None, True))
                listed.append(name)
    return people


SIGNERS_CHARS = 30_000
_SIGN = r"(?:skrive\s+under|underskrive|signere|medunderskrive|godkjenne\s+protokollen)"
_CHOSEN = r"(?:(?:vart|ble|blei|er)\s+)?(?:valde|valt|valgt|vald|valgte|utpekt|utpeikt|utpeika)"
SIGNERS_BEFORE_RE = re.compile(rf"(?<![\w]){_CHOSEN}\s+til\s+å\s+{_SIGN}", re.IGNORECASE)
SIGNERS_AFTER_RE = re.compile(
    rf"(?<![\w])(?:til\s+å\s+{_SIGN}[^.:\n]{{0,40}}?{_CHOSEN}"
    rf"|(?:protokollen|møteboka|møteboken)\s+"
    rf"(?:underskrives|vert\s+underskriven|skrives\s+under)\s+av)"
    r"\s*:?",
    re.IGNORECASE,
)
_CLAUSE_END_RE = re.compile(r"[.:;!?]\s|\n\s*\n")


def signers(text: str) -> list[str]:
    """Members chosen to sign the minutes ('Kari Lie og Per Dal vart valde til å skrive under
    møteboka'; 'Til å underskrive protokollen ble valgt: Kari Lie og Per Dal')."""
    names: list[str] = []
    for m in SIGNERS_BEFORE_RE.finditer(text):
        before = text[max(0, m.start() - 120) : m.start()]
        ends = list(_CLAUSE_END_RE.finditer(before))
        names += [r.name for r in att.parse_rows(before[ends[-1].end() :] if ends else before)]
    for m in SIGNERS_AFTER_RE.finditer(text):
        after = text[m.end() : m.end() + 120]
        end = _CLAUSE_END_RE.search(after)
        names += [r.name for r in att.parse_rows(after[: end.start()] if end else after)]
    return names[:4]


def attendance_from_sections(
    sections: list[Section], *, protocol: bool
) -> list[ParsedAttendance]:
    members: list[att.Row] = []
    absent: list[att.Row] = []
    subs: list[att.Row] = []
    admin: list[att.Row] = []
    others: list[att.Row] = []
    # absences first: their names split the substitutes' rows
    sections = distribute_stacked(sections)
    for section in sections:
        if section.kind == "absent":
            absent += section.parse()
        elif section.kind == "absent_subs":
            if re.search(r"Parti\s*$", section.label) or pairs_have_orgs(section.text):
                # both columns carry a party: the cells alternate absent, substitute
                for first, second in parse_pairs(section.text):
                    if first:
                        absent.append(first)
                    if second:
                        second.other_name = first.name if first else None
                        subs.append(second)
            else:
                # 'Absent [party/role] Substitute' rows (the substitute column has no party)
                absent += att.parse_absence_rows(section.text, substitute_last=True)
        elif section.kind == "ticks":
            t_members, t_absent = parse_ticks(section)
            members += t_members
            absent += t_absent
        elif section.kind == "roster":
            r_members, r_absent, r_subs = parse_roster(section.text)
            members += r_members
            absent += r_absent
            subs += r_subs
    notes = {}
    for section in sections:
        if section.kind == "members" and section.rows is None:
            section.text, found = inline_notes(section.text)
            notes.update(found)
    absent += [att.Row(name) for name, note in notes.items() if note is None]
    absent_names = [r.name for r in absent]
    for section in sections:
        if section.kind in ("members", "chair"):
            rows = section.rows if section.rows is not None else parse_member_rows(
                section.text, absent_names, with_for=bool(_WITH_FOR_RE.search(section.text[:80]))
            )
            rows = [r for r in rows if notes.get(r.name, "") is not None]
            for row in rows:
                if notes.get(row.name):
                    row.other_name = notes[row.name]
                    row.roles = row.roles or ["Varamedlem"]
            if section.kind == "chair":
                rows = rows[:1]
            if not _ROLL_CALL_RE.search(section.label) and section.kind == "members":
                # a list of the body's members, not of those who met: forfall wins
                rows = [r for r in rows if not att.known_as(r.name, absent_names)]
            side = (
                "employee"
                if _EMPLOYEE_SIDE_RE.search(section.label)
                else "employer"
                if _EMPLOYER_SIDE_RE.search(section.label)
                else None
            )
            for row in rows:
                row.side = row.side or side
            members += [r for r in rows if not r.other_name]
            subs += [r for r in rows if r.other_name]
        elif section.kind == "members_subs":
            for first, second in parse_pairs(section.text):
                if first:
                    members.append(first)
                if second:
                    subs.append(second)
        elif section.kind in ADMIN_KINDS:
            rows = section.parse()
            label_role = section.label.strip(" :")
            if att.ROLE_RE.fullmatch(label_role):
                for row in rows:
                    row.roles = row.roles or [label_role]
            (admin if section.kind == "admin" else others).extend(rows)
    present_names = [r.name for r in members]
    for section in sections:
        if section.kind == "subs":
            subs += section.rows if section.rows is not None else parse_substitutes(
                section.text, absent_names, present_names
            )
    if not protocol:
        # a notice: who has forfall and who is called in for them, never the invitation list
        members, admin, others = [], [], []
        subs = [r for r in subs if r.other_name]
    people = att.build_attendance(members, absent, [], substitutes=subs)
    people += att.build_attendance([], [], admin, other_default="employer")
    people += att.build_attendance([], [], others)
    return _dedupe(people)


_INLINE_NOTE_RE = re.compile(
    r"\(\s*(?:(?P<absent>forfall|fråfall|meldt\s+forfall|ikke\s+møtt|ikkje\s+møtt|fravær)"
    r"|(?:vara|varamedlem|møtte|møtt)\s+for\s+(?P<member>[^()\n]{3,60}))\s*\)",
    re.IGNORECASE,
)


def inline_notes(text: str) -> tuple[str, dict[str, str | None]]:
    """Notes in parentheses after a name in a list of those present: '(forfall)' makes the
    member absent (None), '(vara for Kari Lie)' a substitute for that member. Returns the
    text without the notes and {name: member replaced, or None for absent}."""
    notes: dict[str, str | None] = {}
    for m in _INLINE_NOTE_RE.finditer(text):
        before = att.parse_rows(text[max(0, m.start() - 80) : m.start()])
        if not before:
            continue
        if m.group("absent"):
            notes[before[-1].name] = None
        else:
            member = att.parse_rows(m.group("member"))
            if member:
                notes[before[-1].name] = member[0].name
    return _INLINE_NOTE_RE.sub(" ", text), notes


def _dedupe(people: list[ParsedAttendance]) -> list[ParsedAttendance]:
    out: list[ParsedAttendance] = []
    index: dict[str, int] = {}
    for person in people:
        key = person.name.lower()
        if key in index:
            kept = out[index[key]]
            if kept.present and person.present and person.role == "Varamedlem" and not kept.role:
                kept.role = person.role  # a substitute also in the list of those present
                kept.substitute_for = kept.substitute_for or person.substitute_for
            continue
        index[key] = len(out)
        out.append(person)
    return out


def pairs_have_orgs(text: str) -> bool:
    """Whether the cells of a two-column table carry a party each (then cells alternate)."""
    kinds = [t.kind for t in att.tokenize(text)]
    return kinds.count("org") >= 2


def parse_pairs(text: str) -> list[tuple[att.Row | None, att.Row | None]]:
    """A two-column table flattened into alternating cells: 'A1 Party B1 Party A2 Party ...'.

    'Ingen' (or '-') is an empty cell.
    """
    cells: list[att.Row | None] = []
    for kind, run in att.runs(att.tokenize(text)):
        if kind == "N":
            cells += [att.Row(name) for name in att.split_names(run, [])]
        elif kind == "A":
            for tok in run:
                if tok.kind == "empty":
                    cells.append(None)
                elif cells and cells[-1] is not None:
                    if tok.kind == "org" and tok.org:
                        cells[-1].orgs.append(tok.org)
                    elif tok.kind == "role":
                        cells[-1].roles.append(tok.text)
    cells = [c for c in cells if c is None or att.plausible_name(c.name)]
    return [
        (cells[i], cells[i + 1] if i + 1 < len(cells) else None) for i in range(0, len(cells), 2)
    ]


def parse_member_rows(text: str, absent_names: list[str], *, with_for: bool) -> list[att.Row]:
    """Member rows; with a 'Vara for' column a substitute's row ends with the member replaced."""
    text = _NUMBERING_RE.sub(", ", text)
    if not with_for:
        return att.parse_rows(text, known=absent_names)
    rows: list[att.Row] = []
    groups = att.runs(att.tokenize(text))
    for i, (kind, run) in enumerate(groups):
        if kind == "N":
            names = att.attach_wrapped(rows, att.split_names(run, absent_names), absent_names)
            no_attrs_follow = i + 1 == len(groups) or groups[i + 1][0] != "A"
            if (rows and _is_substitute(rows[-1]) and rows[-1].other_name is None and names
                    and (len(names) >= 2 or no_attrs_follow or att.known_as(names[0], absent_names))):
                name = names.pop(0)
                rows[-1].other_name = att.known_as(name, absent_names) or name
            rows += [att.Row(name) for name in names]
        elif kind == "A" and rows:
            orgs, roles = att.attrs(run)
            rows[-1].orgs += orgs
            rows[-1].roles += roles
    return [r for r in rows if att.plausible_name(r.name)]


def _is_substitute(row: att.Row) -> bool:
    return any(role.lower().startswith("vara") and "ordf" not in role.lower() for role in row.roles)


def parse_substitutes(
    text: str, absent_names: list[str], present_names: list[str] | None = None
) -> list[att.Row]:
    """'Per Olsen (SP) for Anne Berg', 'Sub Absent Party' rows, or plain names (no pairing)."""
    text = att.TABLE_HEADER_RE.sub(" ", text)
    present_names = present_names or []
    if FOR_RE.search(text):
        rows: list[att.Row] = []
        for part in re.split(r",(?![^()]*\))|;|\n", text):
            m = FOR_RE.search(part)
            if not m:
                rows += att.parse_rows(part)
                continue
            sub_rows = att.parse_rows(part[: m.start()])
            absent_rows = att.parse_rows(part[m.end() :], known=absent_names)
            if sub_rows:
                row = sub_rows[-1]
                row.other_name = absent_rows[0].name if absent_rows else None
                rows += sub_rows
        return rows
    groups = att.runs(att.tokenize(_NUMBERING_RE.sub(", ", text)))
    split = [att.split_names(run, absent_names) if kind == "N" else [] for kind, run in groups]
    paired_table = any(att.known_as(n, absent_names) for names in split for n in names)
    if paired_table:
        # 'Sub Member Party' rows: a member present at other times can be the one replaced
        absent_names = absent_names + present_names
    rows = []
    for (kind, run), names in zip(groups, split, strict=True):
        if kind == "N" and _column_pairs(names, absent_names):
            # a column of substitutes, then a column of the members they met for
            k = len(names) // 2
            rows += [
                att.Row(sub, other_name=att.known_as(member, absent_names))
                for sub, member in zip(names[:k], names[k:], strict=True)
            ]
        elif kind == "N":
            names = att.attach_wrapped(rows, names, absent_names)
            for name in names:
                member = att.known_as(name, absent_names)
                if member and rows and rows[-1].other_name is None:
                    # the absent member's own record; a member present at other times as printed
                    rows[-1].other_name = member if member not in present_names else name
                elif not member:
                    rows.append(att.Row(name))
        elif kind == "A" and rows:
            orgs, roles = att.attrs(run)
            _attach_attrs(rows, orgs, roles)
    return [r for r in rows if att.plausible_name(r.name)]


def _column_pairs(names: list[str], members: list[str]) -> bool:
    k = len(names) // 2
    return (
        k >= 2
        and len(names) == 2 * k
        and not any(att.known_as(n, members) for n in names[:k])
        and all(att.known_as(n, members) for n in names[k:])
    )


def _attach_attrs(rows: list[att.Row], orgs: list[str], roles: list[str]) -> None:
    """Attributes after rows: one each to the last rows when a column was flattened."""
    n = max(len(orgs), len(roles))
    if n >= 2 and len(rows) >= n and len(orgs) in (0, n) and len(roles) in (0, n):
        for i, row in enumerate(rows[-n:]):
            row.orgs += orgs[i : i + 1]
            row.roles += roles[i : i + 1]
    else:
        rows[-1].orgs += orgs
        rows[-1].roles += roles


def parse_roster(text: str) -> tuple[list[att.Row], list[att.Row], list[att.Row]]:
    """A roster 'Funksjon Navn Forfall Møtt for': (members present, absent, substitutes).

    Row by row ('Medlem Kari Lie FO Medlem ... Varamedlem Per Dal Kari Lie') or, when the
    columns were flattened one after the other, all roles, then all names, then the marks and
    the members the substitutes met for.
    """
    toks = [
        att.Tok(t.text, "mark", t.line_start) if _is_mark(t.text) else t
        for t in att.tokenize(text)
    ]
    leading_roles = 0
    while leading_roles < len(toks) and toks[leading_roles].kind == "role":
        leading_roles += 1
    if leading_roles >= 3:
        return _roster_by_columns(toks, leading_roles)
    return _roster_by_rows(toks)


def _is_mark(word: str) -> bool:
    return word.lower().rstrip(".") in att.ABSENCE_MARKS


def _roster_by_rows(toks: list[att.Tok]) -> tuple[list[att.Row], list[att.Row], list[att.Row]]:
    rows: list[tuple[str, list[att.Tok], bool]] = []  # (role, name tokens, marked absent)
    for tok in toks:
        if tok.kind == "role":
            rows.append((tok.text, [], False))
        elif rows and tok.kind == "name":
            rows[-1][1].append(tok)
        elif rows and tok.kind == "mark":
            rows[-1] = (rows[-1][0], rows[-1][1], True)
    absent = [
        att.Row(name, roles=[role])
        for role, names, marked in rows
        if marked
        for name in att.split_names(names, [])[:1]
    ]
    absent = [r for r in absent if att.plausible_name(r.name)]
    known = [r.name for r in absent]
    members, subs = [], []
    for role, name_toks, marked in rows:
        if marked:
            continue
        names = [n for n in att.split_names(name_toks, known) if att.plausible_name(n)]
        if not names:
            continue
        row = att.Row(names[0], roles=[role])
        if role.lower().startswith("vara") and "ordf" not in role.lower():
            row.other_name = names[1] if len(names) > 1 else None
            subs.append(row)
        else:
            members.append(row)
    return members, absent, subs


def _roster_by_columns(
    toks: list[att.Tok], n_roles: int
) -> tuple[list[att.Row], list[att.Row], list[att.Row]]:
    roles = [t.text for t in toks[:n_roles]]
    rest = toks[n_roles:]
    i = 0
    while i < len(rest) and rest[i].kind != "name":
        i += 1  # the 'Navn' heading
    name_toks = []
    while i < len(rest) and rest[i].kind == "name":
        name_toks.append(rest[i])
        i += 1
    names = att.split_into(name_toks, n_roles, [])
    tail = rest[i:]
    for_names = [
        n for kind, run in att.runs(tail) if kind == "N" for n in att.split_names(run, names)
    ]
    for_names = [n for n in for_names if att.plausible_name(n)]
    marks = sum(1 for t in tail if t.kind == "mark")
    absent_set = {n.lower() for n in for_names}
    members, absent, subs = [], [], []
    vara_rows = [
        (role, name)
        for role, name in zip(roles, names, strict=False)
        if role.lower().startswith("vara") and "ordf" not in role.lower()
    ]
    for role, name in zip(roles, names, strict=False):
        if name.lower() in absent_set:
            absent.append(att.Row(name, roles=[role]))
        elif (role, name) not in vara_rows:
            members.append(att.Row(name, roles=[role]))
    if marks and len(absent) < marks and not for_names:
        members = []  # marks without names: who is absent cannot be told
    for (role, name), member in zip(vara_rows, for_names, strict=False):
        subs.append(att.Row(name, roles=[role], other_name=member))
    return members, absent, subs


TICK_MARKS = {t.lower() for t in att.TICKS} | {"ja"}
_TICK_RE = re.compile(r"(?<!\S)(?:[xX×✓✔]|Ja|ja)(?!\S)")


def parse_ticks(section: Section) -> tuple[list[att.Row], list[att.Row]]:
    """A tick table 'Navn [Parti] Møtt Forfall [Vara]': (present, absent with substitutes).

    Line by line the column of each mark decides; flattened, a row whose mark is followed by
    another name before the next mark is a forfall with that substitute, else present.
    """
    columns = _tick_columns(section)
    lines = section.text.split("\n")
    if not section.text.startswith("\n"):
        lines = lines[1:]  # the rest of the heading line
    lines = [line for line in lines if line.strip()]
    if columns is None or len(lines) < 2 or not all(_TICK_RE.search(x) for x in lines[:2]):
        return _ticks_flattened(section.text)
    met_col, forfall_col = columns
    present, absent = [], []
    for line in lines:
        mark = _TICK_RE.search(line)
        rows = att.parse_rows(line[: mark.start()] if mark else line)
        if not mark or not rows:
            break
        row = rows[0]
        if abs(mark.start() - forfall_col) < abs(mark.start() - met_col):
            after = att.parse_rows(line[mark.end() :])
            row.other_name = after[0].name if after else None
            absent.append(row)
        else:
            present.append(row)
    return present, absent


def _tick_columns(section: Section) -> tuple[int, int] | None:
    """Columns of the 'Møtt' and 'Forfall' headings on the label's line."""
    if "\n" in section.label:
        return None
    met = re.search(r"Møtt|Møtte|Til\s+stede|Til\s+stades", section.label)
    forfall = re.search(r"Forfall|Fråfall|Ikke\s+møtt|Ikkje\s+møtt", section.label)
    if not (met and forfall):
        return None
    return section.column + met.start(), section.column + forfall.start()


def _ticks_flattened(text: str) -> tuple[list[att.Row], list[att.Row]]:
    present: list[att.Row] = []
    absent: list[att.Row] = []
    row: att.Row | None = None
    marked = False
    groups = att.runs(att.tokenize(text))
    for i, (kind, run) in enumerate(groups):
        if kind == "N":
            names = [n for n in att.split_names(run, []) if att.plausible_name(n)]
            next_marked = i + 1 < len(groups) and any(
                t.text.lower() in TICK_MARKS for t in groups[i + 1][1]
            )
            own_row = len(names) == 1 and next_marked
            if row is not None and marked and row.other_name is None and names and not own_row:
                row.other_name = names.pop(0)  # the substitute after a forfall mark
                present.remove(row)
                absent.append(row)
            for name in names:
                row, marked = att.Row(name), False
            continue
        for tok in run:
            if tok.text.lower() in TICK_MARKS and row is not None and not marked:
                marked = True
                present.append(row)
            elif tok.kind == "org" and row is not None and tok.org and not marked:
                row.orgs.append(tok.org)
    return present, absent
