"""Substitutes and the members they met for: 'Sub for Absent' lists, 'Sub Absent Party' rows,
member lists with a 'Vara for' column and two-column tables flattened into alternating cells."""

from __future__ import annotations

import re

from .labels import FOR_RE, NUMBERING_RE
from .names import known_as, plausible_name
from .rows import Row, add_attrs, attach_wrapped, parse_rows, plausible_rows
from .split import split_names
from .tokens import Tok, attrs, runs, tokenize
from .vocabulary import TABLE_HEADER_RE, is_substitute_role


def pairs_have_orgs(text: str) -> bool:
    """Whether the cells of a two-column table carry a party each (then cells alternate)."""
    kinds = [t.kind for t in tokenize(text)]
    return kinds.count("org") >= 2


def _cell_attribute(cells: list[Row | None], tok: Tok) -> None:
    """An attribute token: an empty cell, or a party or role of the cell before."""
    if tok.kind == "empty":
        cells.append(None)
    elif cells and cells[-1] is not None:
        if tok.kind == "org" and tok.org:
            cells[-1].orgs.append(tok.org)
        elif tok.kind == "role":
            cells[-1].roles.append(tok.text)


def parse_pairs(text: str) -> list[tuple[Row | None, Row | None]]:
    """A two-column table flattened into alternating cells: 'A1 Party B1 Party A2 Party ...'.

    'Ingen' (or '-') is an empty cell.
    """
    cells: list[Row | None] = []
    for kind, run in runs(tokenize(text)):
        if kind == "N":
            cells += [Row(name) for name in split_names(run, [])]
        elif kind == "A":
            for tok in run:
                _cell_attribute(cells, tok)
    cells = [c for c in cells if c is None or plausible_name(c.name)]
    return [(cells[i], cells[i + 1] if i + 1 < len(cells) else None) for i in range(0, len(cells), 2)]


def is_substitute(row: Row) -> bool:
    return any(is_substitute_role(role) for role in row.roles)


def names_replaced_member(rows: list[Row], names: list[str], no_attrs_follow: bool, absent: list[str]) -> bool:
    """In a member list with a 'Vara for' column, the first name of a run is the member the
    substitute row before met for: that row has none yet, and the name is not the start of a
    row of its own (more names follow, no attributes follow, or it is an absent member)."""
    if not (rows and is_substitute(rows[-1]) and rows[-1].other_name is None and names):
        return False
    return len(names) >= 2 or no_attrs_follow or known_as(names[0], absent) is not None


def parse_member_rows(text: str, absent_names: list[str], *, with_for: bool) -> list[Row]:
    """Member rows; with a 'Vara for' column a substitute's row ends with the member replaced."""
    text = NUMBERING_RE.sub(", ", text)
    if not with_for:
        return parse_rows(text, known=absent_names)
    rows: list[Row] = []
    groups = runs(tokenize(text))
    for i, (kind, run) in enumerate(groups):
        if kind == "N":
            names = attach_wrapped(rows, split_names(run, absent_names), absent_names)
            no_attrs_follow = i + 1 == len(groups) or groups[i + 1][0] != "A"
            if names_replaced_member(rows, names, no_attrs_follow, absent_names):
                name = names.pop(0)
                rows[-1].other_name = known_as(name, absent_names) or name
            rows += [Row(name) for name in names]
        elif kind == "A" and rows:
            add_attrs(rows[-1], run)
    return plausible_rows(rows)


def parse_substitutes(text: str, absent_names: list[str], present_names: list[str] | None = None) -> list[Row]:
    """'Per Olsen (SP) for Anne Berg', 'Sub Absent Party' rows, or plain names (no pairing)."""
    text = TABLE_HEADER_RE.sub(" ", text)
    if FOR_RE.search(text):
        return _substitutes_for(text, absent_names)
    return _substitutes_in_table(text, absent_names, present_names or [])


def _substitutes_for(text: str, absent_names: list[str]) -> list[Row]:
    """'Per Olsen (SP) for Anne Berg, Kari Lie vara for Ola Dal': one part per row."""
    rows: list[Row] = []
    for part in re.split(r",(?![^()]*\))|;|\n", text):
        m = FOR_RE.search(part)
        if not m:
            rows += parse_rows(part)
            continue
        sub_rows = parse_rows(part[: m.start()])
        absent_rows = parse_rows(part[m.end() :], known=absent_names)
        if sub_rows:
            sub_rows[-1].other_name = absent_rows[0].name if absent_rows else None
            rows += sub_rows
    return rows


def _substitutes_in_table(text: str, absent_names: list[str], present_names: list[str]) -> list[Row]:
    """'Sub Member Party' rows, a column of substitutes then one of members, or plain names."""
    groups = runs(tokenize(NUMBERING_RE.sub(", ", text)))
    split = [split_names(run, absent_names) if kind == "N" else [] for kind, run in groups]
    if any(known_as(n, absent_names) for names in split for n in names):
        # 'Sub Member Party' rows: a member present at other times can be the one replaced
        absent_names = absent_names + present_names
    rows: list[Row] = []
    for (kind, run), names in zip(groups, split, strict=True):
        if kind == "N" and column_pairs(names, absent_names):
            # a column of substitutes, then a column of the members they met for
            k = len(names) // 2
            rows += [
                Row(sub, other_name=known_as(member, absent_names))
                for sub, member in zip(names[:k], names[k:], strict=True)
            ]
        elif kind == "N":
            _add_substitute_names(rows, attach_wrapped(rows, names, absent_names), absent_names, present_names)
        elif kind == "A" and rows:
            attach_attrs(rows, *attrs(run))
    return plausible_rows(rows)


def _add_substitute_names(rows: list[Row], names: list[str], absent_names: list[str], present: list[str]) -> None:
    """A substitute's row, or the absent member's own record after it (a member present at
    other times as printed)."""
    for name in names:
        member = known_as(name, absent_names)
        if member and rows and rows[-1].other_name is None:
            rows[-1].other_name = member if member not in present else name
        elif not member:
            rows.append(Row(name))


def column_pairs(names: list[str], members: list[str]) -> bool:
    """A run of substitutes' names, then as many members' names (a flattened table)."""
    k = len(names) // 2
    return (
        k >= 2
        and len(names) == 2 * k
        and not any(known_as(n, members) for n in names[:k])
        and all(known_as(n, members) for n in names[k:])
    )


def attach_attrs(rows: list[Row], orgs: list[str], roles: list[str]) -> None:
    """Attributes after rows: one each to the last rows when a column was flattened."""
    n = max(len(orgs), len(roles))
    if n >= 2 and len(rows) >= n and len(orgs) in (0, n) and len(roles) in (0, n):
        for i, row in enumerate(rows[-n:]):
            row.orgs += orgs[i : i + 1]
            row.roles += roles[i : i + 1]
    else:
        rows[-1].orgs += orgs
        rows[-1].roles += roles
