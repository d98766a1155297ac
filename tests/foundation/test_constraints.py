"""Model constraints hold in the DATABASE, whatever the forms do.

Every write here bypasses forms and ``full_clean`` (``objects.create``, ``bulk_create``,
``.update()``), so only the database can refuse it. Each rejection is paired with an
accepted control, so a test fails when the constraint is missing *or* too strict.
"""
from __future__ import annotations

import datetime
from contextlib import contextmanager

import pytest
from django.db import IntegrityError, connection, transaction

from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from municipalities.models import Body, Membership, Municipality, Profile

from .. import factories as f

pytestmark = pytest.mark.django_db

DAY = datetime.date(2023, 2, 7)
TEN = datetime.time(10, 0)


@contextmanager
def violates(constraint: str, sqlite_unique: str | None = None):
    """The block must raise IntegrityError naming ``constraint``.

    PostgreSQL names every constraint; SQLite names CHECK constraints but reports a UNIQUE
    violation by its columns, given as ``sqlite_unique``.
    """
    with pytest.raises(IntegrityError) as info, transaction.atomic():
        yield
    message = str(info.value)
    if connection.vendor == "sqlite" and sqlite_unique:
        assert f"UNIQUE constraint failed: {sqlite_unique}" in message
    else:
        assert constraint in message


@pytest.fixture
def body():
    return f.BodyFactory(municipality=f.MunicipalityFactory(number=f.VAKSDAL))


@pytest.fixture
def meeting(body):
    return f.MeetingFactory(body=body, date=DAY, start_time=TEN, end_time=datetime.time(12, 0))


# --- meetings -------------------------------------------------------------------------------


def test_one_meeting_per_body_date_and_start_time(body, meeting):
    with violates(
        "meeting_unique_body_date_start",
        "meetings_meeting.body_id, meetings_meeting.date, meetings_meeting.start_time",
    ):
        Meeting.objects.create(body=body, date=DAY, start_time=TEN)
    # controls: another start time, another day and another body are fine
    Meeting.objects.create(body=body, date=DAY, start_time=datetime.time(13, 0))
    Meeting.objects.create(body=body, date=DAY + datetime.timedelta(days=1), start_time=TEN)
    Meeting.objects.create(body=f.BodyFactory(municipality=body.municipality), date=DAY, start_time=TEN)
    assert Meeting.objects.filter(date=DAY, start_time=TEN).count() == 2


def test_one_meeting_per_body_and_date_when_the_start_time_is_unknown(body):
    Meeting.objects.create(body=body, date=DAY, start_time=None)
    with violates("meeting_unique_body_date_without_time", "meetings_meeting.body_id, meetings_meeting.date"):
        Meeting.objects.create(body=body, date=DAY, start_time=None)
    with violates("meeting_unique_body_date_without_time", "meetings_meeting.body_id, meetings_meeting.date"):
        Meeting.objects.bulk_create([Meeting(body=body, date=DAY, start_time=None)])
    # control: a meeting with a known start time on the same day is a different meeting
    Meeting.objects.create(body=body, date=DAY, start_time=TEN)
    assert Meeting.objects.filter(body=body, date=DAY).count() == 2


@pytest.mark.parametrize("end", [datetime.time(9, 59), datetime.time(10, 0)])
def test_meeting_cannot_end_before_or_when_it_starts(body, end):
    with violates("meeting_end_after_start"):
        Meeting.objects.create(body=body, date=DAY, start_time=TEN, end_time=end)


def test_meeting_end_time_cannot_be_moved_before_the_start_by_update(meeting):
    with violates("meeting_end_after_start"):
        Meeting.objects.filter(pk=meeting.pk).update(end_time=datetime.time(8, 0))
    meeting.refresh_from_db()
    assert meeting.end_time == datetime.time(12, 0)
    # controls: a later end, or no start at all, are accepted
    assert Meeting.objects.filter(pk=meeting.pk).update(end_time=datetime.time(10, 1)) == 1
    Meeting.objects.create(body=meeting.body, date=DAY + datetime.timedelta(days=3), end_time=datetime.time(8, 0))


# --- agenda items ---------------------------------------------------------------------------


def test_case_number_unique_per_meeting(meeting):
    AgendaItem.objects.create(meeting=meeting, position=1, case_number="04/2023", title="A")
    with violates(
        "item_unique_case_number",
        "meetings_agendaitem.meeting_id, meetings_agendaitem.item_type, meetings_agendaitem.case_number",
    ):
        AgendaItem.objects.create(meeting=meeting, position=2, case_number="04/2023", title="B")
    # the same number in another series (PS 4/23 and RS 4/23) is another item
    AgendaItem.objects.create(meeting=meeting, position=5, case_number="04/2023", title="R", item_type="RS")
    # controls: the same number in another meeting, and several items without a number
    other = f.MeetingFactory(body=meeting.body, date=DAY + datetime.timedelta(days=14))
    AgendaItem.objects.create(meeting=other, position=1, case_number="04/2023", title="C")
    AgendaItem.objects.create(meeting=meeting, position=3, case_number="", title="D")
    AgendaItem.objects.create(meeting=meeting, position=4, case_number="", title="E")
    assert AgendaItem.objects.filter(case_number="04/2023").count() == 3
    assert AgendaItem.objects.filter(meeting=meeting).count() == 4


def test_item_position_unique_per_meeting(meeting):
    AgendaItem.objects.create(meeting=meeting, position=1, title="A")
    with violates("item_unique_position", "meetings_agendaitem.meeting_id, meetings_agendaitem.position"):
        AgendaItem.objects.create(meeting=meeting, position=1, title="B")


@pytest.mark.parametrize("number", ["4/2023a", "2023", "04-2023", "1234/2023", "04/202", "04/2023 ", "/2023"])
def test_malformed_case_numbers_are_rejected(meeting, number):
    with violates("item_case_number_format"):
        AgendaItem.objects.create(meeting=meeting, position=1, case_number=number, title="Sak")
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


@pytest.mark.parametrize("number", ["04/2023", "123/23", "4/2023", ""])
def test_well_formed_case_numbers_are_accepted(meeting, number):
    item = AgendaItem.objects.create(meeting=meeting, position=1, case_number=number, title="Sak")
    assert AgendaItem.objects.get(pk=item.pk).case_number == number


def test_malformed_case_number_rejected_by_update_and_bulk_create(meeting):
    item = AgendaItem.objects.create(meeting=meeting, position=1, case_number="04/2023", title="Sak")
    with violates("item_case_number_format"):
        AgendaItem.objects.filter(pk=item.pk).update(case_number="04-2023")
    with violates("item_case_number_format"):
        AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, position=2, case_number="2023", title="X")])
    item.refresh_from_db()
    assert item.case_number == "04/2023"
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_climate_override_needs_a_reason(meeting):
    with violates("item_override_has_reason"):
        AgendaItem.objects.create(
            meeting=meeting, position=1, title="Sak", climate_override=AgendaItem.ClimateLevel.LINKED
        )
    item = AgendaItem.objects.create(
        meeting=meeting, position=1, title="Sak", climate_override=AgendaItem.ClimateLevel.LINKED,
        climate_override_reason="Parkeringsavgift for tilsette er eit klimatiltak.",
    )
    with violates("item_override_has_reason"):
        AgendaItem.objects.filter(pk=item.pk).update(climate_override_reason="")


# --- proposals -----------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["votes_for", "votes_against", "votes_abstaining"])
def test_negative_votes_are_rejected(meeting, field):
    proposal = f.ProposalFactory(item=f.AgendaItemFactory(meeting=meeting), votes_for=3)
    # The name of the violated CHECK depends on which of the two checks (PositiveIntegerField's
    # own and proposal_votes_not_negative) the database evaluates first; both refuse.
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(**{field: -1})
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.create(item=proposal.item, kind=Proposal.Kind.AMENDMENT, **{field: -1})
    proposal.refresh_from_db()
    assert (proposal.votes_for, proposal.votes_against, proposal.votes_abstaining) == (3, None, None)
    # control: zero votes are fine
    assert Proposal.objects.filter(pk=proposal.pk).update(**{field: 0}) == 1


# --- attendance ----------------------------------------------------------------------------


def test_a_person_is_listed_once_per_meeting(meeting):
    person = f.PersonFactory(municipality=meeting.body.municipality)
    Attendance.objects.create(meeting=meeting, person=person, status=Attendance.Status.PRESENT)
    with violates("attendance_one_row_per_person", "meetings_attendance.meeting_id, meetings_attendance.person_id"):
        Attendance.objects.create(meeting=meeting, person=person, status=Attendance.Status.ABSENT)
    # controls: the same person in another meeting, and two unregistered guests with a name
    other = f.MeetingFactory(body=meeting.body, date=DAY + datetime.timedelta(days=7))
    Attendance.objects.create(meeting=other, person=person)
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting, name="Gjest"), Attendance(meeting=meeting, name="Gjest")]
    )
    assert Attendance.objects.filter(meeting=meeting).count() == 3


def test_a_substitute_must_be_present(meeting):
    seat = f.MembershipFactory(body=meeting.body)
    substitute = f.PersonFactory(municipality=meeting.body.municipality)
    for status in (Attendance.Status.ABSENT, Attendance.Status.NOT_RECORDED):
        with violates("attendance_substitute_is_present"):
            Attendance.objects.create(meeting=meeting, person=substitute, substitute_for=seat, status=status)
    row = Attendance.objects.create(
        meeting=meeting, person=substitute, substitute_for=seat, status=Attendance.Status.PRESENT
    )
    with violates("attendance_substitute_is_present"):
        Attendance.objects.filter(pk=row.pk).update(status=Attendance.Status.ABSENT)


def test_only_one_substitute_per_seat(meeting):
    seat = f.MembershipFactory(body=meeting.body)
    first, second = f.PersonFactory.create_batch(2, municipality=meeting.body.municipality)
    Attendance.objects.create(meeting=meeting, person=first, substitute_for=seat, status="present")
    with violates(
        "attendance_one_substitute_per_seat", "meetings_attendance.meeting_id, meetings_attendance.substitute_for_id"
    ):
        Attendance.objects.create(meeting=meeting, person=second, substitute_for=seat, status="present")
    # control: another seat can have its own substitute
    Attendance.objects.create(
        meeting=meeting, person=second, substitute_for=f.MembershipFactory(body=meeting.body), status="present"
    )


def test_attendance_needs_a_person_or_a_name(meeting):
    with violates("attendance_has_person_or_name"):
        Attendance.objects.create(meeting=meeting, person=None, name="")
    row = Attendance.objects.create(meeting=meeting, person=None, name="Kommunedirektøren")
    with violates("attendance_has_person_or_name"):
        Attendance.objects.filter(pk=row.pk).update(name="")


# --- requests ------------------------------------------------------------------------------


def test_request_needs_a_person_or_a_name(meeting):
    with violates("request_has_person_or_name"):
        Request.objects.create(meeting=meeting, text="Spørsmål", person=None, by_name="")
    Request.objects.create(meeting=meeting, text="Spørsmål", by_name="Fagforbundet v/ hovudtillitsvald")


# --- municipalities ------------------------------------------------------------------------


def test_membership_cannot_end_before_it_starts(body):
    start = datetime.date(2020, 1, 1)
    with violates("membership_end_after_start"):
        f.MembershipFactory(body=body, start_date=start, end_date=start - datetime.timedelta(days=1))
    seat = f.MembershipFactory(body=body, start_date=start, end_date=start)  # one day is fine
    with violates("membership_end_after_start"):
        Membership.objects.filter(pk=seat.pk).update(end_date=datetime.date(2019, 12, 31))


def test_membership_unique_per_person_body_and_start(body):
    seat = f.MembershipFactory(body=body)
    with violates(
        "membership_unique_person_body_start",
        "municipalities_membership.person_id, municipalities_membership.body_id, municipalities_membership.start_date",
    ):
        Membership.objects.create(
            person=seat.person, body=body, start_date=seat.start_date, side=Membership.Side.EMPLOYEE
        )


def test_body_name_unique_per_municipality(body):
    with violates("body_unique_name_per_municipality", "municipalities_body.municipality_id, municipalities_body.name"):
        Body.objects.create(municipality=body.municipality, name=body.name)
    Body.objects.create(municipality=Municipality.objects.get(number=f.SARPSBORG), name=body.name)


@pytest.mark.parametrize("number", ["123", "1", "ab12", "46a", "4 28", ""])
def test_municipality_number_format_is_rejected(number):
    with violates("municipality_number_format"):
        Municipality.objects.create(
            number=number, name="Ugyldig", county_number="46", county_name="Vestland"
        )


@pytest.mark.parametrize("number", ["9999", "99"])
def test_municipality_number_format_is_accepted(number):
    Municipality.objects.create(number=number, name="Ny", county_number="99", county_name="Ny")
    assert Municipality.objects.filter(number=number).count() == 1


def test_hr_and_union_rep_profiles_need_a_municipality():
    for role in (Profile.Role.HR, Profile.Role.UNION_REP):
        with violates("profile_scoped_roles_need_municipality"):
            Profile.objects.create(user=f.UserFactory(), role=role, municipality=None)
    Profile.objects.create(user=f.UserFactory(), role=Profile.Role.ADVISER, municipality=None)
