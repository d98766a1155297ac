"""``seed_demo``: exact counts, idempotent, the research figures, demo users, and the DEBUG guard."""
from __future__ import annotations

import datetime
import os
from io import StringIO

import pytest

pytest.importorskip("meetings.demo_agenda")

from django.apps import apps  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import CommandError, call_command  # noqa: E402
from django.test import Client  # noqa: E402

from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request  # noqa: E402
from municipalities.models import Body, Membership, Person, Profile  # noqa: E402
from tests.helpers.demo import seeded_demo  # noqa: E402

pytestmark = pytest.mark.django_db

FOUNDATION = [Body, Person, Membership, Meeting, Attendance, AgendaItem, Proposal, Request, Profile]


def foundation_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in FOUNDATION} | {"User": get_user_model().objects.count()}


def all_counts() -> dict[str, int]:
    """Every table of the project's apps (history excluded: a re-run may add history rows)."""
    return {
        model._meta.label: model.objects.count()
        for label in ("municipalities", "meetings", "measures", "dashboards")
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    }


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    """Seed once for the module inside an outer transaction (rolled back at the end); each test runs
    in a savepoint within it, so what a test writes is undone before the next."""
    with seeded_demo(django_db_blocker):
        yield foundation_counts(), all_counts()


@pytest.fixture
def seeded(db, _seeded_once, settings):
    settings.DEBUG = True
    return _seeded_once


def _proposals_expected() -> int:
    """One administration proposal per case for decision (PS), plus the proposals its spec lists."""
    from meetings import demo_agenda

    items = demo_agenda.LILLESTROM_ITEMS + demo_agenda.SARPSBORG_ITEMS + demo_agenda.VAKSDAL_ITEMS
    items += demo_agenda.KONGSBERG_ITEMS
    return sum(1 + len(spec.get("proposals", [])) for spec in items if spec.get("type", "PS") == "PS")


def _held_items_expected() -> int:
    """The research figures for Lillestrøm (38) and Sarpsborg (46), plus the Vaksdal and Kongsberg lists."""
    from meetings import demo_agenda

    return 38 + 46 + len(demo_agenda.VAKSDAL_ITEMS) + len(demo_agenda.KONGSBERG_ITEMS)


# held: 19 + 16 + 5 + 5; cancelled: 5 + 4 + 1 + 0; drafts: Sarpsborg 1, Vaksdal 1 (one item each).
# attendance per held meeting: regular seats + the chief executive + a substitute every fourth meeting
# (Lillestrøm 19*13+5, Sarpsborg 16*13+4, Vaksdal 5*11+1, Kongsberg 5*10+1).
# people: 51 seats plus the measures demo's 3 people outside the bodies.
EXPECTED = {
    "Body": 4, "Person": 55, "Membership": 51, "Meeting": 57, "Attendance": 571,
    "AgendaItem": _held_items_expected() + 2, "Proposal": _proposals_expected(), "Request": 4, "Profile": 4,
    "User": 5,
}
READY = f"Demo data ready: 4 bodies, 57 meetings, {_held_items_expected()} agenda items."


def test_the_demo_agenda_lists_hold_the_vaksdal_and_kongsberg_items():
    from meetings import demo_agenda

    assert (len(demo_agenda.LILLESTROM_ITEMS), len(demo_agenda.SARPSBORG_ITEMS)) == (38, 46)
    assert (len(demo_agenda.VAKSDAL_ITEMS), len(demo_agenda.KONGSBERG_ITEMS)) == (14, 12)


def test_seed_demo_creates_exactly_the_demo_data(seeded):
    foundation, _ = seeded
    assert foundation == EXPECTED


def test_seed_demo_is_idempotent(seeded, settings):
    foundation, everything = seeded
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert READY in out.getvalue()
    assert foundation_counts() == foundation == EXPECTED
    assert all_counts() == everything


def _psu(number: str) -> Body:
    return Body.objects.get(municipality_id=number, kind=Body.Kind.PSU)


def test_lillestrom_psu_matches_the_research(seeded):
    meetings = Meeting.objects.filter(
        body=_psu("3205"), date__range=(datetime.date(2020, 5, 27), datetime.date(2023, 5, 31))
    )
    held = meetings.filter(state=Meeting.State.HELD).order_by("date")
    assert held.count() == 19
    assert (held.first().date, held.last().date) == (datetime.date(2020, 5, 27), datetime.date(2023, 5, 31))
    assert meetings.filter(state=Meeting.State.CANCELLED).count() == 5
    assert AgendaItem.objects.filter(meeting__in=held).count() == 38
    assert Meeting.objects.filter(body=_psu("3205")).count() == 24  # nothing outside the period


def test_sarpsborg_administration_committee_matches_the_research(seeded):
    body = _psu("3105")
    meetings = Meeting.objects.filter(body=body, date__range=(datetime.date(2019, 11, 1), datetime.date(2023, 6, 30)))
    held = meetings.filter(state=Meeting.State.HELD)
    assert held.count() == 16
    assert meetings.filter(state=Meeting.State.CANCELLED).count() == 4
    assert AgendaItem.objects.filter(meeting__in=held).count() == 46
    assert Meeting.objects.filter(body=body, published=False).count() == 1


def test_demo_substitutes_meet_for_absent_members_and_cancelled_meetings_have_no_attendance(seeded):
    substitutes = Attendance.objects.filter(substitute_for__isnull=False).select_related("substitute_for")
    assert substitutes.count() == 5 + 4 + 1 + 1
    for row in substitutes:
        assert row.status == Attendance.Status.PRESENT
        seat_row = Attendance.objects.get(meeting=row.meeting, membership=row.substitute_for)
        assert seat_row.status == Attendance.Status.ABSENT
    assert Meeting.objects.filter(state=Meeting.State.CANCELLED, attendances__isnull=False).count() == 0


DEMO_USERS = {
    "admin": (True, None, None),
    "hr.vaksdal": (False, Profile.Role.HR, "4628"),
    "hr.sarpsborg": (False, Profile.Role.HR, "3105"),
    "tv.vaksdal": (False, Profile.Role.UNION_REP, "4628"),
    "ks.radgiver": (False, Profile.Role.ADVISER, None),
}


def test_demo_users_have_their_roles(seeded):
    users = {}
    for user in get_user_model().objects.all():
        profile = getattr(user, "profile", None)
        users[user.username] = (user.is_superuser, profile.role if profile else None,
                                profile.municipality_id if profile else None)
    assert users == DEMO_USERS
    assert Profile.objects.get(user__username="tv.vaksdal").organisation.short_name == "Fagforbundet"


@pytest.mark.parametrize("username", sorted(DEMO_USERS))
def test_demo_users_can_log_in_with_the_demo_password(seeded, settings, username):
    assert os.environ.get("DEMO_PASSWORD", "demo-passord") == settings.DEMO_PASSWORD
    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": settings.DEMO_PASSWORD})
    assert (response.status_code, response.url) == (302, "/")
    assert client.get("/").context["user"].username == username
    wrong = Client().post("/accounts/login/", {"username": username, "password": "feil-passord"})
    assert wrong.status_code == 200


def test_seed_demo_refuses_to_run_when_debug_is_off(settings):
    settings.DEBUG = False
    before = foundation_counts()
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo")
    assert foundation_counts() == before
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out)
    assert READY in out.getvalue()
    assert foundation_counts() == EXPECTED
