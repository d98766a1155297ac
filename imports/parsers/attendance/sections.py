"""Attendance from the labelled sections of a document's head (see ``labels``): absences
first (their names split the substitutes' rows), then members, administration and others,
then substitutes; in a protocol also the members chosen to sign it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..types import ParsedAttendance, Side
from .assemble import build_attendance, merge_repeat
from .columns import column_values, drop_column_values
from .labels import (
    ADMIN_KINDS,
    EMPLOYEE_SIDE_RE,
    EMPLOYER_SIDE_RE,
    ROLL_CALL_RE,
    WITH_FOR_RE,
    Section,
    attendance_block,
    distribute_stacked,
    find_sections,
)
from .names import known_as
from .rosters import parse_roster, parse_ticks
from .rows import Row, parse_absence_rows, parse_rows
from .substitutes import pairs_have_orgs, parse_member_rows, parse_pairs, parse_substitutes
from .vocabulary import ROLE_RE


def read_attendance(text: str, *, protocol: bool) -> list[ParsedAttendance]:
    """Attendance of the meeting a document's head describes (and, in a protocol, the members
    chosen to sign it, who were there)."""
    people = attendance_from_sections(find_sections(attendance_block(text)), protocol=protocol)
    if protocol:
        listed = [p.name for p in people]
        for name in signers(text[:SIGNERS_CHARS]):
            if not known_as(name, listed):
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
        names += [r.name for r in parse_rows(before[ends[-1].end() :] if ends else before)]
    for m in SIGNERS_AFTER_RE.finditer(text):
        after = text[m.end() : m.end() + 120]
        end = _CLAUSE_END_RE.search(after)
        names += [r.name for r in parse_rows(after[: end.start()] if end else after)]
    return names[:4]


@dataclass
class _Found:
    """Rows found so far, by what they are."""

    members: list[Row] = field(default_factory=list)
    absent: list[Row] = field(default_factory=list)
    subs: list[Row] = field(default_factory=list)
    admin: list[Row] = field(default_factory=list)
    others: list[Row] = field(default_factory=list)


def attendance_from_sections(sections: list[Section], *, protocol: bool) -> list[ParsedAttendance]:
    found = _Found()
    values = column_values([s.text for s in sections])
    for section in sections:
        section.text = drop_column_values(section.text, values)
    sections = distribute_stacked(sections)
    for section in sections:
        reader = _ABSENCE_READERS.get(section.kind)
        if reader:
            reader(section, found)
    notes = _take_inline_notes(sections)
    found.absent += [Row(name) for name, note in notes.items() if note is None]
    absent_names = [r.name for r in found.absent]
    for section in sections:
        _read_presence(section, found, absent_names, notes)
    present_names = [r.name for r in found.members]
    for section in sections:
        if section.kind == "subs":
            found.subs += section.rows if section.rows is not None else parse_substitutes(
                section.text, absent_names, present_names
            )
    if not protocol:
        # a notice: who has forfall and who is called in for them, never the invitation list
        found = _Found(absent=found.absent, subs=[r for r in found.subs if r.other_name])
    people = build_attendance(found.members, found.absent, [], substitutes=found.subs)
    people += build_attendance([], [], found.admin, other_default="employer")
    people += build_attendance([], [], found.others)
    return _dedupe(people)


def party_in_both_columns(section: Section) -> bool:
    """An 'absent | substitute' table whose cells both carry a party: the cells alternate."""
    return bool(re.search(r"Parti\s*$", section.label)) or pairs_have_orgs(section.text)


def _read_absent(section: Section, found: _Found) -> None:
    found.absent += section.parse()


def _read_absent_subs(section: Section, found: _Found) -> None:
    if not party_in_both_columns(section):
        # 'Absent [party/role] Substitute' rows (the substitute column has no party)
        found.absent += parse_absence_rows(section.text, substitute_last=True)
        return
    for first, second in parse_pairs(section.text):
        if first:
            found.absent.append(first)
        if second:
            second.other_name = first.name if first else None
            found.subs.append(second)


def _read_ticks(section: Section, found: _Found) -> None:
    present, absent = parse_ticks(section)
    found.members += present
    found.absent += absent


def _read_roster(section: Section, found: _Found) -> None:
    members, absent, subs = parse_roster(section.text)
    found.members += members
    found.absent += absent
    found.subs += subs


_ABSENCE_READERS: dict[str, Callable[[Section, _Found], None]] = {
    "absent": _read_absent,
    "absent_subs": _read_absent_subs,
    "ticks": _read_ticks,
    "roster": _read_roster,
}


def _take_inline_notes(sections: list[Section]) -> dict[str, str | None]:
    """The notes in the member lists ('(forfall)', '(vara for ...)'), taken out of their text."""
    notes: dict[str, str | None] = {}
    for section in sections:
        if section.kind == "members" and section.rows is None:
            section.text, found = inline_notes(section.text)
            notes.update(found)
    return notes


def label_side(label: str) -> Side | None:
    """The side a list's label gives ('Arbeidstakarrepresentantar', 'Frå arbeidsgjevar')."""
    if EMPLOYEE_SIDE_RE.search(label):
        return "employee"
    if EMPLOYER_SIDE_RE.search(label):
        return "employer"
    return None


def lists_the_body(section: Section) -> bool:
    """A list of the body's members ('Medlemmer:'), not of those who met: forfall wins."""
    return section.kind == "members" and not ROLL_CALL_RE.search(section.label)


def _apply_notes(rows: list[Row], notes: dict[str, str | None]) -> list[Row]:
    """Drop the rows noted absent; a row noted '(vara for X)' is X's substitute."""
    rows = [r for r in rows if notes.get(r.name, "") is not None]
    for row in rows:
        if notes.get(row.name):
            row.other_name = notes[row.name]
            row.roles = row.roles or ["Varamedlem"]
    return rows


def _read_members(section: Section, found: _Found, absent_names: list[str], notes: dict[str, str | None]) -> None:
    if section.rows is not None:
        rows = section.rows
    else:
        with_for = bool(WITH_FOR_RE.search(section.text[:80]))
        rows = parse_member_rows(section.text, absent_names, with_for=with_for)
    rows = _apply_notes(rows, notes)
    if section.kind == "chair":
        rows = rows[:1]
    if lists_the_body(section):
        rows = [r for r in rows if not known_as(r.name, absent_names)]
    side = label_side(section.label)
    for row in rows:
        row.side = row.side or side
    found.members += [r for r in rows if not r.other_name]
    found.subs += [r for r in rows if r.other_name]


def _read_presence(section: Section, found: _Found, absent_names: list[str], notes: dict[str, str | None]) -> None:
    """Members (with the absences known and the inline notes), administration and others."""
    if section.kind in ("members", "chair"):
        _read_members(section, found, absent_names, notes)
    elif section.kind == "members_subs":
        _read_members_subs(section, found)
    elif section.kind in ADMIN_KINDS:
        _read_admin(section, found)


def _read_members_subs(section: Section, found: _Found) -> None:
    for first, second in parse_pairs(section.text):
        if first:
            found.members.append(first)
        if second:
            found.subs.append(second)


def _read_admin(section: Section, found: _Found) -> None:
    rows = section.parse()
    label_role = section.label.strip(" :")
    if ROLE_RE.fullmatch(label_role):
        for row in rows:
            row.roles = row.roles or [label_role]
    (found.admin if section.kind == "admin" else found.others).extend(rows)


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
        before = parse_rows(text[max(0, m.start() - 80) : m.start()])
        if not before:
            continue
        if m.group("absent"):
            notes[before[-1].name] = None
        else:
            member = parse_rows(m.group("member"))
            if member:
                notes[before[-1].name] = member[0].name
    return _INLINE_NOTE_RE.sub(" ", text), notes


def _dedupe(people: list[ParsedAttendance]) -> list[ParsedAttendance]:
    """One record per name: the first, merged with a present repeat (see ``merge_repeat``)."""
    out: list[ParsedAttendance] = []
    index: dict[str, int] = {}
    for person in people:
        key = person.name.lower()
        if key in index:
            merge_repeat(out[index[key]], person)
            continue
        index[key] = len(out)
        out.append(person)
    return out
