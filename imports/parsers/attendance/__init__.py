"""Attendance tables: members, absences with substitutes, administration and others.

Rows are found from token classes (name words, party/union names, roles), not from lines, so
flattened tables parse too; line breaks, names from other tables and a list of common first
names only help to split run-together names.

Modules, from words up: ``vocabulary`` (roles, name shapes, headings), ``names`` (a name's
shape and whether two spellings name one person), ``tokens``, ``split`` (run-together names),
``rows``, ``assemble`` (attendance records), ``labels`` (the labelled sections of a document's
head), ``substitutes``, ``rosters`` (rosters and tick tables), ``columns`` (column values beside
the names, such as a merger body's municipality) and ``sections`` (reading it all).
"""

from .assemble import build_attendance, infer_organisations, row_org, row_role, row_side
from .labels import LABELS, Section, attendance_block, distribute_stacked, find_sections
from .names import is_first_name, is_initial, known_as, plausible_name, same_person, surname_like
from .rosters import parse_roster, parse_ticks
from .rows import Row, attach_wrapped, distribute_attrs, parse_absence_rows, parse_rows
from .sections import attendance_from_sections, inline_notes, read_attendance, signers
from .split import split_into, split_names
from .substitutes import pairs_have_orgs, parse_member_rows, parse_pairs, parse_substitutes
from .tokens import Tok, attrs, classify_token, runs, tokenize
from .vocabulary import (
    ABSENCE_MARKS,
    FIRST_NAMES,
    NAME_STOPWORDS,
    ROLE_RE,
    TABLE_HEADER_RE,
    TICKS,
)
