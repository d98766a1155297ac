"""The importer's small rules, one table each: what a preview row becomes when it is saved or reviewed."""
import pytest

from imports.applying import _Seating
from imports.forms import ChangeForm, _default_role, _default_side
from imports.items import item_scope, item_values, proposal_row
from imports.preview import AttendancePreview, ChangePreview, ItemPreview, MeetingData, MeetingPreview, ProposalPreview


def item(**values) -> ItemPreview:
    return ItemPreview(**{"case_number": None, "position": 3, "title": "Sak", **values})


@pytest.mark.parametrize(("row", "field", "expected"), [
    (item(), "item_type", "PS"),
    (item(type="RS"), "item_type", "RS"),
    (item(type="sak"), "item_type", "PS"),  # an unknown type is a case (PS)
    (item(position=0), "position", 1),  # items are numbered from 1
    (item(title="x" * 600), "title", "x" * 500),
    (item(archive_id=None), "archive_id", ""),
    (item(archive_id="A" * 50), "archive_id", "A" * 40),
    (item(procedural=True), "procedural", True),
])
def test_item_values(row, field, expected):
    assert item_values(row)[field] == expected


@pytest.mark.parametrize(("case_number", "values", "expected"), [
    ("01/2024", {"item_type": "PS", "position": 4}, "item:PS:01/2024"),
    ("01/2024", {"item_type": "RS", "position": 4}, "item:RS:01/2024"),
    ("", {"item_type": "PS", "position": 4}, "item::4"),  # without a case number: by position
])
def test_item_scope(case_number, values, expected):
    assert item_scope(case_number, values) == expected


@pytest.mark.parametrize(("row", "expected"), [
    (ProposalPreview(kind="administration", outcome="adopted"), ("administration", True, "adopted")),
    (ProposalPreview(kind="amendment", outcome="fell"), ("amendment", False, "fell")),
    (ProposalPreview(kind="motion", outcome="adopted"), ("alternative", False, "adopted")),  # unknown kind
    (ProposalPreview(kind="joint", outcome="passed"), ("joint", False, "not_voted")),  # unknown outcome
])
def test_proposal_row(row, expected):
    saved = proposal_row(2, row, {})
    assert (saved["kind"], saved["by_administration"], saved["outcome"]) == expected
    assert (saved["position"], saved["proposers"]) == (2, [])


class Seat:
    pk = 11


@pytest.mark.parametrize(("row", "expected"), [
    (AttendancePreview(name="A", role="Leiar"), (None, "", "Leiar")),
    (AttendancePreview(name="A", substitute_for="Kari Vestrheim"), (Seat.pk, "", "")),  # a registered seat
    (AttendancePreview(name="A", substitute_for="Nils Ukjend"), (None, "Nils Ukjend", "Varamedlem for Nils Ukjend")),
    (AttendancePreview(name="A", role="Vara", substitute_for="per utan sete"), (None, "Per Utan Sete (saved)", "Vara for per utan sete")),
])
def test_a_substitute_fills_a_seat_or_names_the_member(row, expected):
    seating = _Seating(seats={"kari vestrheim": Seat()}, people={}, saved_names={"per utan sete": "Per Utan Sete (saved)"}, orgs={})
    seat, name, role = seating.substitution(row)  # the last: the absent member's row as it is saved
    assert (seat.pk if seat else None, name, role) == expected


@pytest.mark.parametrize(("row", "side", "role"), [
    (AttendancePreview(name="A", side="employee"), "employee", "medlem"),
    (AttendancePreview(name="A", side="political", substitute_for="B"), "political", "varamedlem"),
    (AttendancePreview(name="A", side="unknown"), "employee", "medlem"),  # not a side of a membership
])
def test_a_new_member_is_offered_the_side_and_role_the_document_suggests(row, side, role):
    assert (_default_side(row), _default_role(row)) == (side, role)


def change(kind: str) -> ChangePreview:
    return ChangePreview(id=f"meeting:{kind}", kind=kind, what="Møte", field="Stad")


@pytest.mark.parametrize(("kind", "rejected", "forced", "ticked"), [
    ("field", [], [], True),  # a change is applied unless the reviewer unticks it
    ("field", ["meeting:field"], [], False),
    ("set", [], [], True),
    ("conflict", [], [], False),  # a hand correction is kept unless the reviewer ticks it
    ("conflict", [], ["meeting:conflict"], True),
])
def test_a_change_is_ticked_unless_rejected_and_a_conflict_only_when_forced(kind, rejected, forced, ticked):
    entry = MeetingPreview(data=MeetingData(date="2024-02-06"), rejected=rejected, forced=forced)
    form = ChangeForm(row=change(kind), entry=entry, prefix="m0_c0")
    assert form["apply"].initial is ticked
    assert form["apply"].html_name == "m0_c0"
