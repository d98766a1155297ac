"""The permission module and the tenant-scoped querysets, with exact expected sets.

The world is built once for the module (``shared_world``); every test only reads.

World (see conftest): A = 4628 Vaksdal with published ``pub_a``, ``pub_a2`` and draft
``draft_a``; B = 3105 Sarpsborg with published ``pub_b`` and draft ``draft_b``.
"""
from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from municipalities import permissions
from municipalities.models import Body, Membership, Municipality, Person

from .. import factories as f
from ..helpers import ROLES

LOGGED_IN = [role for role in ROLES if role != "anonymous"]


@pytest.fixture(scope="module")
def module_world(shared_world, django_db_blocker):
    """The shared world plus attendance, a proposal and a request in B's draft, so drafts hide children too."""
    w = shared_world
    with django_db_blocker.unblock():
        w.att_draft_b = f.AttendanceFactory(meeting=w.draft_b, person__name="Utkast Person")
        w.proposal_draft_b = f.ProposalFactory(item=w.item_draft_b, proposers=[w.org["AP"]])
        w.request_draft_b = f.RequestFactory(meeting=w.draft_b, raised_under=w.item_draft_b)
    return w


@pytest.fixture
def world(db, module_world):
    return module_world


@pytest.fixture
def full_world(world):
    return world


@pytest.fixture
def users(world):
    return world.users


@pytest.fixture
def user_of(users):
    def get(role):
        return users[role] if users[role] is not None else AnonymousUser()

    return get


def ids(queryset) -> set:
    return set(queryset.values_list("pk", flat=True))


# --- the role of a user --------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, expected",
    [("anonymous", None), ("superuser", "superuser"), ("hr_a", "hr"), ("hr_b", "hr"),
     ("union_rep_a", "union_rep"), ("adviser", "adviser")],
)
def test_role_of(user_of, role, expected):
    assert permissions.role_of(user_of(role)) == expected


@pytest.mark.parametrize(
    "role, expected",
    [("anonymous", None), ("superuser", None), ("hr_a", "4628"), ("hr_b", "3105"),
     ("union_rep_a", "4628"), ("adviser", None)],
)
def test_home_municipality(user_of, role, expected):
    assert permissions.home_municipality_id(user_of(role)) == expected


def test_a_user_without_a_profile_has_no_role_and_sees_nothing(world):
    user = f.UserFactory(username="nobody")
    assert permissions.role_of(user) is None
    assert ids(Meeting.objects.visible_to(user)) == set()
    assert ids(Body.objects.visible_to(user)) == set()
    assert not permissions.can_read(user, "4628", published=True)
    assert not permissions.can_edit(user, "4628")


def test_a_superuser_with_a_union_profile_is_still_a_superuser(world):
    user = f.SuperuserFactory(username="root2")
    f.UnionRepProfileFactory(user=user, municipality=world.b)
    assert permissions.role_of(user) == "superuser"
    assert permissions.can_edit(user, "4628")


# --- single-object checks ---------------------------------------------------------------------

# (municipality, published) -> roles that may read / edit
OBJECTS = {
    ("4628", True): ({"superuser", "hr_a", "hr_b", "union_rep_a", "adviser"}, {"superuser", "hr_a"}),
    ("4628", False): ({"superuser", "hr_a", "union_rep_a"}, {"superuser", "hr_a"}),
    ("3105", True): ({"superuser", "hr_a", "hr_b", "union_rep_a", "adviser"}, {"superuser", "hr_b"}),
    ("3105", False): ({"superuser", "hr_b"}, {"superuser", "hr_b"}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("municipality, published", list(OBJECTS))
def test_can_read_and_can_edit(user_of, role, municipality, published):
    readers, editors = OBJECTS[(municipality, published)]
    assert permissions.can_read(user_of(role), municipality, published=published) is (role in readers)
    assert permissions.can_edit(user_of(role), municipality) is (role in editors)
    assert permissions.can_view_history(user_of(role), municipality) is (role in editors)


@pytest.mark.parametrize(
    "role, expected",
    [("anonymous", set()), ("superuser", {"4628", "3105"}), ("hr_a", {"4628"}), ("hr_b", {"3105"}),
     ("union_rep_a", {"4628"}), ("adviser", set())],
)
def test_can_record_involvement(user_of, role, expected):
    assert {m for m in ("4628", "3105") if permissions.can_record_involvement(user_of(role), m)} == expected


# --- Q objects -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_read_q_and_edit_q_on_meetings(world, user_of, role):
    w = world
    expected_read = {
        "anonymous": set(),
        "superuser": {w.pub_a.pk, w.pub_a2.pk, w.draft_a.pk, w.pub_b.pk, w.draft_b.pk},
        "hr_a": {w.pub_a.pk, w.pub_a2.pk, w.draft_a.pk, w.pub_b.pk},
        "hr_b": {w.pub_a.pk, w.pub_a2.pk, w.pub_b.pk, w.draft_b.pk},
        "union_rep_a": {w.pub_a.pk, w.pub_a2.pk, w.draft_a.pk, w.pub_b.pk},
        "adviser": {w.pub_a.pk, w.pub_a2.pk, w.pub_b.pk},
    }[role]
    expected_edit = {
        "anonymous": set(),
        "superuser": {w.pub_a.pk, w.pub_a2.pk, w.draft_a.pk, w.pub_b.pk, w.draft_b.pk},
        "hr_a": {w.pub_a.pk, w.pub_a2.pk, w.draft_a.pk},
        "hr_b": {w.pub_b.pk, w.draft_b.pk},
        "union_rep_a": set(),
        "adviser": set(),
    }[role]
    user = user_of(role)
    assert ids(Meeting.objects.filter(permissions.read_q(user, "body__municipality", "published"))) == expected_read
    assert ids(Meeting.objects.filter(permissions.edit_q(user, "body__municipality"))) == expected_edit


@pytest.mark.parametrize("role", ROLES)
def test_read_q_without_a_publish_flag_reads_everything_for_every_role(world, user_of, role):
    expected = set() if role == "anonymous" else {world.body_a.pk, world.body_b.pk}
    assert ids(Body.objects.filter(permissions.read_q(user_of(role), "municipality"))) == expected


# --- querysets ---------------------------------------------------------------------------------


def _meeting_sets(w):
    return {
        "anonymous": set(),
        "superuser": {"pub_a", "pub_a2", "draft_a", "pub_b", "draft_b"},
        "hr_a": {"pub_a", "pub_a2", "draft_a", "pub_b"},
        "hr_b": {"pub_a", "pub_a2", "pub_b", "draft_b"},
        "union_rep_a": {"pub_a", "pub_a2", "draft_a", "pub_b"},
        "adviser": {"pub_a", "pub_a2", "pub_b"},
    }


EDITABLE_MEETINGS = {
    "anonymous": set(),
    "superuser": {"pub_a", "pub_a2", "draft_a", "pub_b", "draft_b"},
    "hr_a": {"pub_a", "pub_a2", "draft_a"},
    "hr_b": {"pub_b", "draft_b"},
    "union_rep_a": set(),
    "adviser": set(),
}


@pytest.mark.parametrize("role", ROLES)
def test_meeting_querysets(full_world, user_of, role):
    w, user = full_world, user_of(role)
    named = lambda names: {getattr(w, n).pk for n in names}  # noqa: E731
    assert ids(Meeting.objects.visible_to(user)) == named(_meeting_sets(w)[role])
    assert ids(Meeting.objects.editable_by(user)) == named(EDITABLE_MEETINGS[role])


ITEMS_BY_MEETING = {
    "pub_a": {"item_a1", "item_a2"}, "pub_a2": {"item_a2_next"}, "draft_a": {"item_draft_a"},
    "pub_b": {"item_b"}, "draft_b": {"item_draft_b"},
}


@pytest.mark.parametrize("role", ROLES)
def test_agenda_item_querysets(full_world, user_of, role):
    w, user = full_world, user_of(role)

    def items(meetings):
        return {getattr(w, name).pk for meeting in meetings for name in ITEMS_BY_MEETING[meeting]}

    assert ids(AgendaItem.objects.visible_to(user)) == items(_meeting_sets(w)[role])
    assert ids(AgendaItem.objects.editable_by(user)) == items(EDITABLE_MEETINGS[role])


@pytest.mark.parametrize("role", ROLES)
def test_attendance_proposal_and_request_querysets(full_world, user_of, role):
    w, user = full_world, user_of(role)
    attendance_a = set(Attendance.objects.filter(meeting=w.pub_a).values_list("pk", flat=True))
    assert len(attendance_a) == 6
    sees_a = role != "anonymous"
    sees_draft_b = role in ("superuser", "hr_b")
    edits_a = role in ("superuser", "hr_a")
    edits_b = role in ("superuser", "hr_b")

    def pick(a_rows, b_row, a_ok, b_ok):
        return (set(a_rows) if a_ok else set()) | ({b_row} if b_ok else set())

    assert ids(Attendance.objects.visible_to(user)) == pick(attendance_a, w.att_draft_b.pk, sees_a, sees_draft_b)
    assert ids(Attendance.objects.editable_by(user)) == pick(attendance_a, w.att_draft_b.pk, edits_a, edits_b)
    proposals_a = {w.proposal_admin.pk, w.proposal_union.pk}
    assert ids(Proposal.objects.visible_to(user)) == pick(proposals_a, w.proposal_draft_b.pk, sees_a, sees_draft_b)
    assert ids(Proposal.objects.editable_by(user)) == pick(proposals_a, w.proposal_draft_b.pk, edits_a, edits_b)
    assert ids(Request.objects.visible_to(user)) == pick({w.request.pk}, w.request_draft_b.pk, sees_a, sees_draft_b)
    assert ids(Request.objects.editable_by(user)) == pick({w.request.pk}, w.request_draft_b.pk, edits_a, edits_b)


@pytest.mark.parametrize("role", ROLES)
def test_body_person_and_membership_querysets(full_world, user_of, role):
    w, user = full_world, user_of(role)
    bodies = {"a": {w.body_a.pk}, "b": {w.body_b.pk}}
    people = {"a": set(Person.objects.filter(municipality=w.a).values_list("pk", flat=True)),
              "b": set(Person.objects.filter(municipality=w.b).values_list("pk", flat=True))}
    seats = {"a": set(Membership.objects.filter(body=w.body_a).values_list("pk", flat=True)),
             "b": set(Membership.objects.filter(body=w.body_b).values_list("pk", flat=True))}
    assert (len(people["a"]), len(people["b"]), len(seats["a"]), len(seats["b"])) == (6, 3, 6, 2)  # B: + draft guest
    visible = set() if role == "anonymous" else {"a", "b"}
    editable = {"superuser": {"a", "b"}, "hr_a": {"a"}, "hr_b": {"b"}}.get(role, set())

    def union(table, keys):
        return set().union(*(table[k] for k in keys)) if keys else set()

    assert ids(Body.objects.visible_to(user)) == union(bodies, visible)
    assert ids(Body.objects.editable_by(user)) == union(bodies, editable)
    assert ids(Person.objects.visible_to(user)) == union(people, visible)
    assert ids(Person.objects.editable_by(user)) == union(people, editable)
    assert ids(Membership.objects.visible_to(user)) == union(seats, visible)
    assert ids(Membership.objects.editable_by(user)) == union(seats, editable)


@pytest.mark.parametrize(
    "role, expected", [("anonymous", 0), ("superuser", 372), ("hr_a", 1), ("hr_b", 1), ("union_rep_a", 0), ("adviser", 0)]
)
def test_municipality_editable_by(world, user_of, role, expected):
    editable = Municipality.objects.editable_by(user_of(role))
    assert editable.count() == expected
    if role.startswith("hr_"):
        assert editable.get().number == {"hr_a": "4628", "hr_b": "3105"}[role]


def test_scoped_querysets_compose_with_held_and_in_municipality(world, users):
    assert ids(Meeting.objects.visible_to(users["adviser"]).held().in_municipality(world.a)) == {
        world.pub_a.pk, world.pub_a2.pk
    }
    assert ids(Meeting.objects.visible_to(users["hr_a"]).in_municipality(world.a)) == {
        world.pub_a.pk, world.pub_a2.pk, world.draft_a.pk
    }


# --- one record: permissions.may_read / readable agree with visible_to -------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_may_read_on_one_record_agrees_with_visible_to_on_every_record(full_world, user_of, role):
    """The single-object form of the rule (used for references to other records on pages, in
    exports and in the API) gives the same answer as the queryset form, for every record."""
    user = user_of(role)
    for model in (Meeting, AgendaItem, Attendance, Proposal, Request, Body, Person, Membership):
        records = list(model.objects.select_related(*_path_to_body(model)))
        assert records, model
        visible = ids(model.objects.visible_to(user))
        assert {r.pk for r in records if permissions.may_read(user, r)} == visible, model.__name__
        assert {r.pk for r in records if permissions.readable(user, r) is r} == visible, model.__name__


def _path_to_body(model) -> list[str]:
    return {
        Meeting: ["body"], AgendaItem: ["meeting__body"], Attendance: ["meeting__body"],
        Proposal: ["item__meeting__body"], Request: ["meeting__body"], Membership: ["body"],
    }.get(model, [])


def test_readable_of_nothing_is_nothing(user_of):
    assert permissions.readable(user_of("superuser"), None) is None


def test_a_scoped_model_that_names_no_path_is_read_by_superusers_only(world, user_of):
    """Fail closed: imports declare no path to a municipality, so only superusers pass the rule."""
    from meetings.models import ImportRun

    run = ImportRun.objects.create(municipality=world.a, created_by=world.users["hr_a"])
    assert {role for role in ROLES if permissions.may_read(user_of(role), run)} == {"superuser"}
    assert all(permissions.may_read(user_of(role), world.a) for role in LOGGED_IN)  # reference data
    assert not permissions.may_read(user_of("anonymous"), world.a)
