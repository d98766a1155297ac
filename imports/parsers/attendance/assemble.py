"""Attendance records from parsed rows: present members, absent members with their
substitutes, administration and others, each with a side and an organisation."""

from __future__ import annotations

import re

from ..orgs import CANONICAL_PARTIES, CANONICAL_UNIONS, canonical_org, org_side
from ..textnorm import LOWER, UPPER
from ..types import ParsedAttendance, Side
from .names import known_as
from .rows import Row
from .vocabulary import EMPLOYEE_ROLE_RE, EMPLOYER_ROLE_RE, SECRETARY_ROLE_RE, is_substitute_role

SUBSTITUTE_ROLE = "Varamedlem"


def row_side(row: Row, default: Side) -> Side:
    """Side from organisation first, then role, else ``default``."""
    for org in row.orgs:
        side = org_side(org)
        if side:
            return side
    roles = " ".join(row.roles)
    if EMPLOYEE_ROLE_RE.search(roles):
        return "employee"
    if EMPLOYER_ROLE_RE.search(roles) and default != "political":
        return "employer"
    return row.side or default


def row_org(row: Row) -> str | None:
    return row.orgs[0] if row.orgs else None


def row_role(row: Row) -> str | None:
    return " ".join(row.roles) if row.roles else None


def merge_repeat(kept: ParsedAttendance, person: ParsedAttendance) -> None:
    """A person listed twice as present: a substitute also in the list of those present
    (with no role there, or a substitute's) keeps the substitute's role and the member replaced."""
    substitute_listed = not kept.role or is_substitute_role(kept.role)
    if kept.present and person.present and person.role == SUBSTITUTE_ROLE and substitute_listed:
        kept.role = kept.role or person.role
        kept.substitute_for = kept.substitute_for or person.substitute_for


class _Attendance:
    """People in the order found; a present person found again is merged, not repeated."""

    def __init__(self) -> None:
        self.people: list[ParsedAttendance] = []
        self.seen: set[str] = set()

    def add(self, person: ParsedAttendance) -> None:
        key = person.name.lower()
        if key in self.seen and person.present:
            merge_repeat(next(p for p in self.people if p.name.lower() == key), person)
            return
        self.seen.add(key)
        self.people.append(person)


def build_attendance(
    members: list[Row],
    absences: list[Row],
    others: list[Row],
    *,
    member_default: Side = "political",
    other_default: Side = "other",
    substitutes: list[Row] | None = None,
) -> list[ParsedAttendance]:
    """Assemble attendance: present members, absent members with their substitutes, others.

    ``substitutes`` (Elements style) are rows 'Substitute' with ``other_name`` = absent member.
    """
    out = _Attendance()
    for row in members:
        out.add(ParsedAttendance(row.name, row_side(row, member_default), row_role(row), row_org(row), True))
    absent_by_name = _add_absences(out, absences, member_default)
    present = [m.name for m in members]
    for row in substitutes or []:
        _add_substitute(out, row, _absent_member(row, absent_by_name), present, member_default)
    for row in others:
        out.add(ParsedAttendance(row.name, _other_side(row, other_default), row_role(row), row_org(row), True))
    return out.people


def _add_absences(out: _Attendance, absences: list[Row], default: Side) -> dict[str, ParsedAttendance]:
    """Absent members, each followed by the substitute its row names."""
    absent_by_name: dict[str, ParsedAttendance] = {}
    for row in absences:
        person = ParsedAttendance(row.name, row_side(row, default), row_role(row), row_org(row), False)
        out.add(person)
        absent_by_name[row.name.lower()] = person
        if row.other_name:
            out.add(
                ParsedAttendance(row.other_name, person.side, SUBSTITUTE_ROLE, person.organisation, True, row.name)
            )
    return absent_by_name


def _absent_member(row: Row, absent_by_name: dict[str, ParsedAttendance]) -> ParsedAttendance | None:
    """The absent member a substitute row met for, however the two lists spell the name."""
    name = (row.other_name or "").lower()
    key = name if name in absent_by_name else known_as(name, list(absent_by_name))
    return absent_by_name[key] if key is not None else None


def _add_substitute(
    out: _Attendance, row: Row, absent: ParsedAttendance | None, present: list[str], default: Side
) -> None:
    """A substitute row; the member replaced is added as absent unless listed elsewhere
    (absent, or present at other times)."""
    side = row_side(row, absent.side if absent else default)
    org = row_org(row) or (absent.organisation if absent else None)
    if absent is None and row.other_name and not known_as(row.other_name, present):
        out.add(ParsedAttendance(row.other_name, side, None, org, False))
    member = absent.name if absent else row.other_name  # as the member's own record spells it
    out.add(ParsedAttendance(row.name, side, row_role(row) or SUBSTITUTE_ROLE, org, True, member))


def _other_side(row: Row, default: Side) -> Side:
    """Others' side; a secretary among the others stays 'other' whatever the organisation."""
    if default == "other" and SECRETARY_ROLE_RE.search(" ".join(row.roles)):
        return "other"
    return row_side(row, default)


PERSON_ORG_RE = re.compile(
    rf"(?<![\w])([{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+){{1,3}})\s*\(([^()\n]{{1,40}})\)"
)


def infer_organisations(attendance: list[ParsedAttendance], text: str) -> None:
    """Fill a missing organisation from 'Name (Org)' elsewhere in the meeting text."""
    seen: dict[str, str] = {}
    for m in PERSON_ORG_RE.finditer(text):
        org = canonical_org(m.group(2), strict_case=False)
        if org:
            seen.setdefault(" ".join(m.group(1).split()).lower(), org)
    for person in attendance:
        if person.organisation is None and person.name.lower() in seen:
            _fill_organisation(person, seen[person.name.lower()])


def _fill_organisation(person: ParsedAttendance, org: str) -> None:
    """A union makes an employee or other an employee; a party fills a politician's."""
    if person.side in ("employee", "other") and org in CANONICAL_UNIONS:
        person.organisation = org
        person.side = "employee"
    elif person.side == "political" and org in CANONICAL_PARTIES:
        person.organisation = org
