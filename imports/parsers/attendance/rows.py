"""Table rows of attendance lists: 'Name [attributes]', attributes first, and absences with
their substitutes, read from token runs (so flattened tables parse too)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..types import Side
from .names import is_first_name, known_as, plausible_name
from .split import split_names
from .tokens import Tok, attrs, runs, tokenize

Groups = list[tuple[str, list[Tok]]]


@dataclass
class Row:
    """One parsed table row: a person with attributes, optionally a second name."""

    name: str
    orgs: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    other_name: str | None = None
    side: Side | None = None  # the side a labelled list gives ('Arbeidstakarrepresentantar:')


def plausible_rows(rows: list[Row]) -> list[Row]:
    return [r for r in rows if plausible_name(r.name)]


def add_attrs(row: Row, run: list[Tok]) -> None:
    """The parties and roles of an attribute run to ``row``."""
    orgs, roles = attrs(run)
    row.orgs += orgs
    row.roles += roles


def attributes_lead(groups: Groups) -> bool:
    """Rows whose attributes come first: the list starts with a role or party."""
    return bool(groups) and groups[0][0] == "A" and any(t.kind in ("role", "org") for t in groups[0][1])


def parse_rows(section: str, *, known: list[str] | None = None) -> list[Row]:
    """Rows 'Name [attributes]' (members, administration, comma lists)."""
    known = known or []
    groups = runs(tokenize(section))
    if attributes_lead(groups):
        return _parse_prefixed_rows(groups, known)
    rows: list[Row] = []
    pending: list[str] = []  # names whose attributes may follow
    for kind, run in groups:
        if kind == "A":
            _attributes_after(rows, pending, run)
            pending = []
            continue
        rows += [Row(name) for name in pending]
        pending = attach_wrapped(rows, split_names(run, known), known) if kind == "N" else []
    rows += [Row(name) for name in pending]
    return plausible_rows(rows)


def _attributes_after(rows: list[Row], pending: list[str], run: list[Tok]) -> None:
    """An attribute run: to the pending names, else to the last row."""
    orgs, roles = attrs(run)
    if pending:
        rows += distribute_attrs(pending, orgs, roles)
    elif rows and (orgs or roles):
        rows[-1].orgs += orgs
        rows[-1].roles += roles


def one_attribute_each(k: int, orgs: list[str], roles: list[str]) -> bool:
    """A column of ``k`` names, then a column of roles or parties, one each."""
    return k >= 2 and len(orgs) in (0, k) and len(roles) in (0, k) and bool(orgs or roles)


def distribute_attrs(names: list[str], orgs: list[str], roles: list[str]) -> list[Row]:
    """Rows for names followed by their attributes: one attribute per name when a flattened
    table printed a column of names, then a column of roles or parties
    ('Ina Lie Vibeke Dahl Medlem Medlem AP FRP'); otherwise all to the last name."""
    if one_attribute_each(len(names), orgs, roles):
        return [Row(name, orgs[i : i + 1], roles[i : i + 1]) for i, name in enumerate(names)]
    return [Row(name) for name in names[:-1]] + [Row(names[-1], orgs, roles)] if names else []


def trailing_attributes(groups: Groups, i: int) -> int:
    """How many words of attribute run ``i``, in rows whose attributes lead, belong to the
    name before it: those in parentheses right after the name ('Leiar Kari Lie (AP), Per Dal
    (nestleiar)'), or the whole run when a separator or the end follows ('Leder: Kari Lie AP,
    Per Dal H'). The rest leads the next name."""
    if i == 0 or groups[i - 1][0] != "N":
        return 0
    run = groups[i][1]
    if i + 1 == len(groups) or groups[i + 1][0] == "S":
        return len(run)
    return next((n for n, tok in enumerate(run) if not tok.parenthesised), len(run))


def _parse_prefixed_rows(groups: Groups, known: list[str]) -> list[Row]:
    """Rows whose attributes come first: 'Rådmann Kari Lie Kommunalsjef Per Dal'; attributes
    after a name in parentheses or before a separator are that name's."""
    rows: list[Row] = []
    orgs: list[str] = []
    roles: list[str] = []
    for i, (kind, run) in enumerate(groups):
        if kind == "A":
            trailing = trailing_attributes(groups, i) if rows else 0
            if trailing:
                add_attrs(rows[-1], run[:trailing])
            more_orgs, more_roles = attrs(run[trailing:])
            orgs, roles = orgs + more_orgs, roles + more_roles
        elif kind == "N":
            names = attach_wrapped(rows, split_names(run, known), known)
            for j, name in enumerate(names):
                rows.append(Row(name, orgs if j == 0 else [], roles if j == 0 else []))
            orgs, roles = [], []
    return plausible_rows(rows)


def parse_absence_rows(section: str, *, substitute_last: bool, known: list[str] | None = None) -> list[Row]:
    """Absence rows with an optional substitute name in ``other_name``.

    ``substitute_last``: 'Absent [attrs] Substitute' (Sing); otherwise 'Substitute Absent
    [attrs]' (Elements 'Navn Møtte for Representerer').
    """
    groups = [r for r in runs(tokenize(section)) if r[0] != "S"]
    if substitute_last:
        return _absences_substitute_last(groups, known or [])
    return _absences_substitute_first(groups, known or [])


def takes_substitute(rows: list[Row], groups: Groups, i: int, names: list[str]) -> bool:
    """In 'Absent [attrs] Substitute' rows, the first name of run ``i`` is the substitute of
    the row before: it follows that row's attributes, the row has none yet, and the name is
    not the start of a row of its own (more names follow, or no attributes)."""
    followed_by_attrs = i + 1 < len(groups) and groups[i + 1][0] == "A"
    after_attrs = i > 0 and groups[i - 1][0] == "A"
    free = bool(rows) and after_attrs and rows[-1].other_name is None
    return free and (len(names) >= 2 or not followed_by_attrs)


def _absences_substitute_last(groups: Groups, known: list[str]) -> list[Row]:
    rows: list[Row] = []
    for i, (kind, run) in enumerate(groups):
        if kind == "A":
            if rows:
                add_attrs(rows[-1], run)
            continue
        names = split_names(run, known)
        if takes_substitute(rows, groups, i, names):
            rows[-1].other_name = names.pop(0)
        rows += [Row(name) for name in names]
    return plausible_rows(rows)


def _absences_substitute_first(groups: Groups, known: list[str]) -> list[Row]:
    rows: list[Row] = []
    for kind, run in groups:
        if kind == "N":
            names = split_names(run, known)
            rows += [Row(name) for name in names[:-2]]
            if len(names) >= 2:
                rows.append(Row(names[-2], other_name=names[-1]))
            elif names:
                rows.append(Row(names[0]))
        elif rows:
            add_attrs(rows[-1], run)
    return plausible_rows(rows)


def attach_wrapped(rows: list[Row], names: list[str], known: list[str]) -> list[str]:
    """Join a one-word fragment at the start of a run to the name it was wrapped from."""
    if not names or len(names[0].split()) != 1 or not rows or is_first_name(names[0]):
        return names
    fragment, prev = names[0], rows[-1]
    if prev.other_name:
        full = known_as(prev.other_name, known)
        if full and fragment.lower() in full.lower().split():
            prev.other_name = full
        elif known_as(f"{prev.other_name} {fragment}", known):
            prev.other_name = f"{prev.other_name} {fragment}"
    else:
        prev.name = f"{prev.name} {fragment}"
    return names[1:]
