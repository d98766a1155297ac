"""Rosters ('Funksjon Navn Forfall Møtt for' with 'FO' marks) and tick tables ('Navn Parti
Møtt Forfall Vara' with an 'X' per row), line by line or flattened."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .labels import Section
from .names import plausible_name
from .rows import Row, parse_rows, plausible_rows
from .split import split_into, split_names
from .tokens import Tok, runs, tokenize
from .vocabulary import ABSENCE_MARKS, TICKS, is_substitute_role

Roster = tuple[list[Row], list[Row], list[Row]]  # (members present, absent, substitutes)


def is_mark(word: str) -> bool:
    """'FO', 'F', 'X': a mark in a roster's 'Forfall' column."""
    return word.lower().rstrip(".") in ABSENCE_MARKS


def parse_roster(text: str) -> Roster:
    """A roster 'Funksjon Navn Forfall Møtt for': (members present, absent, substitutes).

    Row by row ('Medlem Kari Lie FO Medlem ... Varamedlem Per Dal Kari Lie') or, when the
    columns were flattened one after the other, all roles, then all names, then the marks and
    the members the substitutes met for.
    """
    toks = [Tok(t.text, "mark", t.line_start) if is_mark(t.text) else t for t in tokenize(text)]
    leading_roles = 0
    while leading_roles < len(toks) and toks[leading_roles].kind == "role":
        leading_roles += 1
    if leading_roles >= 3:
        return _roster_by_columns(toks, leading_roles)
    return _roster_by_rows(toks)


@dataclass
class _RosterLine:
    role: str
    names: list[Tok] = field(default_factory=list)
    marked: bool = False  # marked absent


def _roster_lines(toks: list[Tok]) -> list[_RosterLine]:
    """A line per role: the name tokens after it and whether a mark follows."""
    lines: list[_RosterLine] = []
    for tok in toks:
        if tok.kind == "role":
            lines.append(_RosterLine(tok.text))
        elif lines and tok.kind == "name":
            lines[-1].names.append(tok)
        elif lines and tok.kind == "mark":
            lines[-1].marked = True
    return lines


def _roster_by_rows(toks: list[Tok]) -> Roster:
    lines = _roster_lines(toks)
    absent = plausible_rows(
        [Row(name, roles=[line.role]) for line in lines if line.marked for name in split_names(line.names, [])[:1]]
    )
    known = [r.name for r in absent]
    members: list[Row] = []
    subs: list[Row] = []
    for line in lines:
        names = [] if line.marked else [n for n in split_names(line.names, known) if plausible_name(n)]
        if not names:
            continue
        row = Row(names[0], roles=[line.role])
        if is_substitute_role(line.role):
            row.other_name = names[1] if len(names) > 1 else None  # the member met for
            subs.append(row)
        else:
            members.append(row)
    return members, absent, subs


def _name_column(rest: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """The column of names after the roles (past the 'Navn' heading), and what follows it."""
    i = 0
    while i < len(rest) and rest[i].kind != "name":
        i += 1
    start = i
    while i < len(rest) and rest[i].kind == "name":
        i += 1
    return rest[start:i], rest[i:]


def marks_without_names(marks: int, absent: list[Row], for_names: list[str]) -> bool:
    """More forfall marks than absent members found, and no 'Møtt for' names: who is absent
    cannot be told, so neither who is present."""
    return bool(marks) and len(absent) < marks and not for_names


def _members_and_absent(
    roles: list[str], names: list[str], absent_set: set[str], vara_rows: list[tuple[str, str]]
) -> tuple[list[Row], list[Row]]:
    """A column roster's rows: absent when a 'Møtt for' name is theirs, else present members
    (substitutes aside)."""
    members: list[Row] = []
    absent: list[Row] = []
    for role, name in zip(roles, names, strict=False):
        if name.lower() in absent_set:
            absent.append(Row(name, roles=[role]))
        elif (role, name) not in vara_rows:
            members.append(Row(name, roles=[role]))
    return members, absent


def _roster_by_columns(toks: list[Tok], n_roles: int) -> Roster:
    roles = [t.text for t in toks[:n_roles]]
    name_toks, tail = _name_column(toks[n_roles:])
    names = split_into(name_toks, n_roles, [])
    for_names = [n for kind, run in runs(tail) if kind == "N" for n in split_names(run, names)]
    for_names = [n for n in for_names if plausible_name(n)]
    absent_set = {n.lower() for n in for_names}
    vara_rows = [(role, name) for role, name in zip(roles, names, strict=False) if is_substitute_role(role)]
    members, absent = _members_and_absent(roles, names, absent_set, vara_rows)
    if marks_without_names(sum(1 for t in tail if t.kind == "mark"), absent, for_names):
        members = []
    subs = [
        Row(name, roles=[role], other_name=member)
        for (role, name), member in zip(vara_rows, for_names, strict=False)
    ]
    return members, absent, subs


TICK_MARKS = {t.lower() for t in TICKS} | {"ja"}
_TICK_RE = re.compile(r"(?<!\S)(?:[xX×✓✔]|Ja|ja)(?!\S)")


def parse_ticks(section: Section) -> tuple[list[Row], list[Row]]:
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
    present: list[Row] = []
    absent: list[Row] = []
    for line in lines:
        mark = _TICK_RE.search(line)
        rows = parse_rows(line[: mark.start()] if mark else line)
        if not mark or not rows:
            break
        if nearer_forfall(mark.start(), columns):
            after = parse_rows(line[mark.end() :])
            rows[0].other_name = after[0].name if after else None
            absent.append(rows[0])
        else:
            present.append(rows[0])
    return present, absent


def nearer_forfall(position: int, columns: tuple[int, int]) -> bool:
    """A mark nearer the 'Forfall' heading than the 'Møtt' heading."""
    met_col, forfall_col = columns
    return abs(position - forfall_col) < abs(position - met_col)


def _tick_columns(section: Section) -> tuple[int, int] | None:
    """Columns of the 'Møtt' and 'Forfall' headings on the label's line."""
    if "\n" in section.label:
        return None
    met = re.search(r"Møtt|Møtte|Til\s+stede|Til\s+stades", section.label)
    forfall = re.search(r"Forfall|Fråfall|Ikke\s+møtt|Ikkje\s+møtt", section.label)
    if not (met and forfall):
        return None
    return section.column + met.start(), section.column + forfall.start()


def followed_by_tick(groups: list[tuple[str, list[Tok]]], i: int) -> bool:
    """The run after run ``i`` holds a tick."""
    return i + 1 < len(groups) and any(t.text.lower() in TICK_MARKS for t in groups[i + 1][1])


@dataclass
class _TickReader:
    """A flattened tick table read run by run: the current row and whether it has its mark."""

    present: list[Row] = field(default_factory=list)
    absent: list[Row] = field(default_factory=list)
    row: Row | None = None
    marked: bool = False

    def takes_substitute(self, names: list[str], next_marked: bool) -> bool:
        """Names after a marked row are its substitute (a forfall), unless the only name
        has its own tick next (a row of its own)."""
        own_row = len(names) == 1 and next_marked
        free = self.row is not None and self.marked and self.row.other_name is None
        return free and bool(names) and not own_row

    def names(self, names: list[str], next_marked: bool) -> None:
        if self.row is not None and self.takes_substitute(names, next_marked):
            self.row.other_name = names.pop(0)
            self.present.remove(self.row)
            self.absent.append(self.row)
        for name in names:
            self.row, self.marked = Row(name), False

    def attributes(self, run: list[Tok]) -> None:
        """The first tick marks the current row present; its party before the tick."""
        for tok in run:
            if self.row is None or self.marked:
                continue
            if tok.text.lower() in TICK_MARKS:
                self.marked = True
                self.present.append(self.row)
            elif tok.kind == "org" and tok.org:
                self.row.orgs.append(tok.org)


def _ticks_flattened(text: str) -> tuple[list[Row], list[Row]]:
    reader = _TickReader()
    groups = runs(tokenize(text))
    for i, (kind, run) in enumerate(groups):
        if kind == "N":
            names = [n for n in split_names(run, []) if plausible_name(n)]
            reader.names(names, followed_by_tick(groups, i))
        else:
            reader.attributes(run)
    return reader.present, reader.absent
