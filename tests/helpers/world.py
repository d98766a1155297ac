"""The shared world of the suite: a user per role, a client per user, two municipalities with meetings
(described in tests/conftest.py)."""
from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.test import Client, TestCase

from meetings.models import AgendaItem, Attendance, Meeting, Proposal
from municipalities.models import Membership, Municipality, Organisation

from .. import factories as f

ROLES = ["anonymous", "superuser", "hr_a", "hr_b", "union_rep_a", "adviser"]


def build_users() -> dict:
    """Users by role name; ``anonymous`` is None. Vaksdal writes nynorsk, which would be its users'
    default language; the tests read bokmål, so the test world's Vaksdal writes bokmål
    (tests/i18n/test_catalogues.py covers the written standard)."""
    Municipality.objects.filter(number=f.VAKSDAL).update(written_standard="nb")
    a = Municipality.objects.get(number=f.VAKSDAL)
    b = Municipality.objects.get(number=f.SARPSBORG)
    fagforbundet = Organisation.objects.get(short_name="Fagforbundet")
    return {
        "anonymous": None,
        "superuser": f.SuperuserFactory(username="root"),
        "hr_a": f.HRProfileFactory(user__username="hr_a", municipality=a).user,
        "hr_b": f.HRProfileFactory(user__username="hr_b", municipality=b).user,
        "union_rep_a": f.UnionRepProfileFactory(user__username="tv_a", municipality=a, organisation=fagforbundet).user,
        "adviser": f.AdviserProfileFactory(user__username="ks").user,
    }


def make_client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _meeting(body, day: datetime.date, start: tuple[int, int], end: tuple[int, int], held: bool = True, **extra):
    """A held and published meeting, or (``held=False``) a planned draft."""
    return f.MeetingFactory(
        body=body, date=day, start_time=datetime.time(*start), end_time=datetime.time(*end),
        state=Meeting.State.HELD if held else Meeting.State.PLANNED, published=held, **extra,
    )


def build_world(users: dict) -> SimpleNamespace:
    municipality_a = Municipality.objects.get(number=f.VAKSDAL)
    municipality_b = Municipality.objects.get(number=f.SARPSBORG)
    org = {o.short_name: o for o in Organisation.objects.filter(
        short_name__in=["Fagforbundet", "Utdanningsforbundet", "SP", "AP"]
    )}
    w = SimpleNamespace(a=municipality_a, b=municipality_b, org=org, users=users)

    w.body_a = f.BodyFactory(municipality=municipality_a, name="Administrasjonsutvalet")
    w.body_b = f.BodyFactory(municipality=municipality_b, name="Administrasjonsutvalget")

    def seat(body, name, role, side, on_behalf_of, voting=True):
        person = f.PersonFactory(name=name, municipality=body.municipality)
        return f.MembershipFactory(
            body=body, person=person, role=role, side=side, on_behalf_of=on_behalf_of, voting_right=voting
        )

    M = Membership
    w.chair = seat(w.body_a, "Siri Leiarsen", M.Role.LEIAR, M.Side.POLITICAL, org["SP"])
    w.politician = seat(w.body_a, "Per Politikar", M.Role.MEDLEM, M.Side.POLITICAL, org["AP"])
    w.rep = seat(w.body_a, "Lina Sørbø", M.Role.MEDLEM, M.Side.EMPLOYEE, org["Fagforbundet"])
    w.rep2 = seat(w.body_a, "Ola Lærar", M.Role.MEDLEM, M.Side.EMPLOYEE, org["Utdanningsforbundet"])
    w.substitute = seat(w.body_a, "Vera Varamedlem", M.Role.VARAMEDLEM, M.Side.EMPLOYEE, org["Fagforbundet"])
    w.secretary = seat(w.body_a, "Hanne Sekretær", M.Role.SEKRETAER, M.Side.EMPLOYER, None, voting=False)
    w.chair_b = seat(w.body_b, "Bjørn Sarpen", M.Role.LEIAR, M.Side.POLITICAL, org["AP"])
    w.rep_b = seat(w.body_b, "Kari Tillit", M.Role.MEDLEM, M.Side.EMPLOYEE, org["Fagforbundet"])

    # A: a published, held meeting with everything on it
    w.pub_a = _meeting(w.body_a, datetime.date(2023, 2, 7), (10, 0), (11, 30), place="Kommunestyresalen")
    A = Attendance
    for membership, status in [
        (w.chair, A.Status.PRESENT), (w.politician, A.Status.PRESENT),
        (w.rep, A.Status.ABSENT), (w.rep2, A.Status.PRESENT),
    ]:
        f.AttendanceFactory(
            meeting=w.pub_a, person=membership.person, membership=membership, status=status,
            side=membership.side, organisation=membership.on_behalf_of, role=membership.get_role_display(),
        )
    w.sub_attendance = f.AttendanceFactory(
        meeting=w.pub_a, person=w.substitute.person, membership=w.substitute, status=A.Status.PRESENT,
        substitute_for=w.rep, side=A.Side.EMPLOYEE, organisation=org["Fagforbundet"], role="Varamedlem",
    )
    f.AttendanceFactory(
        meeting=w.pub_a, person=None, name="Kari Kommunedirektør", status=A.Status.PRESENT,
        side=A.Side.OTHER, role="Kommunedirektør",
    )
    w.item_a1 = f.AgendaItemFactory(
        meeting=w.pub_a, position=1, case_number="04/2023", title="Godkjenning av innkalling og saksliste",
        procedural=True,
    )
    w.item_a2 = f.AgendaItemFactory(
        meeting=w.pub_a, position=2, case_number="05/2023", title="Parkeringsavgift for tilsette",
        administration_proposal="Parkeringsavgift vert innført frå 1. juni.",
        decision="Parkeringsavgift vert innført frå 1. juni.",
    )
    w.proposal_admin = f.ProposalFactory(
        item=w.item_a2, position=0, kind=Proposal.Kind.ADMINISTRATION, by_administration=True,
        text="Parkeringsavgift vert innført frå 1. juni.", outcome=Proposal.Outcome.ADOPTED,
        votes_for=7, votes_against=2,
    )
    w.proposal_union = f.ProposalFactory(
        item=w.item_a2, position=1, kind=Proposal.Kind.AMENDMENT, text="Avgifta vert utsett eitt år.",
        outcome=Proposal.Outcome.FELL, votes_for=2, votes_against=7,
        proposers=[org["Fagforbundet"], org["Utdanningsforbundet"]],
    )

    # A: the next published meeting, with the item the employee side asked for
    w.pub_a2 = _meeting(w.body_a, datetime.date(2023, 3, 21), (10, 0), (12, 0))
    w.item_a2_next = f.AgendaItemFactory(
        meeting=w.pub_a2, position=1, case_number="09/2023", title="Kommunalt trepartssamarbeid"
    )
    w.request = f.RequestFactory(
        meeting=w.pub_a, raised_under=w.item_a2, person=w.rep.person, by_name="",
        organisation=org["Fagforbundet"],
        text="Ber om at sak om trepartssamarbeid blir teken med på sakslista til neste møte.",
        asks_for_agenda_item=True, resulting_item=w.item_a2_next,
    )

    # A: a draft
    w.draft_a = _meeting(w.body_a, datetime.date(2023, 8, 22), (10, 0), (11, 30), held=False)
    w.item_draft_a = f.AgendaItemFactory(
        meeting=w.draft_a, position=1, case_number="12/2023", title="Utkast: klimabudsjett"
    )

    # B: one published meeting and one draft
    w.pub_b = _meeting(w.body_b, datetime.date(2023, 3, 9), (9, 0), (11, 0))
    w.item_b = f.AgendaItemFactory(meeting=w.pub_b, position=1, case_number="10/2023", title="Årsrapport HMS")
    w.draft_b = _meeting(w.body_b, datetime.date(2023, 9, 14), (9, 0), (11, 0), held=False)
    w.item_draft_b = f.AgendaItemFactory(
        meeting=w.draft_b, position=1, case_number="20/2023", title="Utkast: reiseregulativ"
    )
    return w


# --- fixtures --------------------------------------------------------------------------------


def counts() -> dict[str, int]:
    return {
        "meetings": Meeting.objects.count(),
        "attendance": Attendance.objects.count(),
        "items": AgendaItem.objects.count(),
        "proposals": Proposal.objects.count(),
    }


# --- reading pages ---------------------------------------------------------------------------


def committed():
    """Run what a commit starts (the worker's refresh of the dashboards' statistics, on the
    immediate task backend) at the end of the block, as the commit of a request does."""
    return TestCase.captureOnCommitCallbacks(execute=True)
