"""Shared fixtures: one user per role, a logged-in client per role and a small world.

The world uses two real register rows (loaded by the data migration):

- municipality A: 4628 Vaksdal, HR user ``hr_a`` and union representative ``tv_a``;
- municipality B: 3105 Sarpsborg, HR user ``hr_b``.

A has two published meetings (``pub_a`` with attendance, items, proposals and a request;
``pub_a2`` holding the item the request led to) and one draft (``draft_a``); B has one
published meeting (``pub_b``) and one draft (``draft_b``).
"""
from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.forms import CheckboxInput
from django.test import Client, TestCase
from django.utils import translation

from meetings.models import AgendaItem, Attendance, Meeting, Proposal
from municipalities.models import Membership, Municipality, Organisation

from . import factories as f

ROLES = ["anonymous", "superuser", "hr_a", "hr_b", "union_rep_a", "adviser"]


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the statistics version a cached summary is keyed on
    starts again with every test's database (dashboards.summary_cache)."""
    from dashboards import summary_cache

    summary_cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in bokmål: a request in another language leaves it active in the thread."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


# --- users, clients and the world: builders ----------------------------------------------


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
    w.pub_a = f.MeetingFactory(
        body=w.body_a, date=datetime.date(2023, 2, 7), start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30), place="Kommunestyresalen", state=Meeting.State.HELD, published=True,
    )
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
    w.pub_a2 = f.MeetingFactory(
        body=w.body_a, date=datetime.date(2023, 3, 21), start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0), state=Meeting.State.HELD, published=True,
    )
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
    w.draft_a = f.MeetingFactory(
        body=w.body_a, date=datetime.date(2023, 8, 22), start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30), state=Meeting.State.PLANNED, published=False,
    )
    w.item_draft_a = f.AgendaItemFactory(
        meeting=w.draft_a, position=1, case_number="12/2023", title="Utkast: klimabudsjett"
    )

    # B: one published meeting and one draft
    w.pub_b = f.MeetingFactory(
        body=w.body_b, date=datetime.date(2023, 3, 9), start_time=datetime.time(9, 0),
        end_time=datetime.time(11, 0), state=Meeting.State.HELD, published=True,
    )
    w.item_b = f.AgendaItemFactory(meeting=w.pub_b, position=1, case_number="10/2023", title="Årsrapport HMS")
    w.draft_b = f.MeetingFactory(
        body=w.body_b, date=datetime.date(2023, 9, 14), start_time=datetime.time(9, 0),
        end_time=datetime.time(11, 0), state=Meeting.State.PLANNED, published=False,
    )
    w.item_draft_b = f.AgendaItemFactory(
        meeting=w.draft_b, position=1, case_number="20/2023", title="Utkast: reiseregulativ"
    )
    return w


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture
def municipality_a(db):
    return Municipality.objects.get(number=f.VAKSDAL)


@pytest.fixture
def municipality_b(db):
    return Municipality.objects.get(number=f.SARPSBORG)


@pytest.fixture
def users(db):
    return build_users()


@pytest.fixture
def client_for(users):
    """``client_for("hr_a")`` returns a test client logged in as that role (no login for anonymous)."""
    return lambda role: make_client(users[role])


def committed():
    """Run what a commit starts (the worker's refresh of the dashboards' statistics, on the
    immediate task backend) at the end of the block, as the commit of a request does."""
    return TestCase.captureOnCommitCallbacks(execute=True)


@pytest.fixture
def world(db, users):
    """A fresh world per test: use it when the test changes rows or reads them after a change."""
    with committed():
        return build_world(users)


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """One world per test module, for tests that only read (or whose writes are rolled back).

    Built once inside an outer transaction; each test (which must request ``db``) runs in a
    savepoint within it, so its writes are rolled back. Python objects are shared across
    tests: use their primary keys, never their possibly stale attribute values after a write.
    Do not use it together with ``world``/``users`` in one module (same usernames and names).
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with committed():
                world = build_world(build_users())
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def _shared_sessions(shared_world, django_db_blocker):
    """One session per role for the module, so tests need not log in (and trigger login signals) each time."""
    from django.conf import settings

    sessions = {}
    with django_db_blocker.unblock():
        for role, user in shared_world.users.items():
            if user is not None:
                sessions[role] = make_client(user).cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


@pytest.fixture
def shared_client_for(db, shared_world, _shared_sessions):
    """Like ``client_for``, for ``shared_world``'s users."""
    from django.conf import settings

    def make(role: str) -> Client:
        client = Client()
        if role in _shared_sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = _shared_sessions[role]
        return client

    return make


# --- form payloads --------------------------------------------------------------------------


def _as_post_value(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def form_values(form) -> dict:
    """What a browser would post for ``form`` as rendered (unchecked checkboxes are left out)."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(field.widget, CheckboxInput):
            if value:
                data[bound.html_name] = "on"
            continue
        if getattr(field.widget, "allow_multiple_selected", False) and not value:
            continue  # an empty multiple select sends nothing
        data[bound.html_name] = _as_post_value(value)
    return data


def formset_values(formset) -> dict:
    """Management form plus every row of ``formset``, as rendered."""
    data = {}
    management = formset.management_form
    for name in management.fields:
        data[management[name].html_name] = _as_post_value(management[name].value())
    for form in formset.forms:
        data.update(form_values(form))
    return data


def forms_payload(form=None, *formsets) -> dict:
    """The POST body for an unchanged ``form`` and ``formsets``."""
    data = form_values(form) if form is not None else {}
    for formset in formsets:
        data.update(formset_values(formset))
    return data


def page_payload(response, form_name: str | None = "form", *formset_names: str) -> dict:
    """The POST body of a rendered edit page: the main form and its formsets, unchanged."""
    return forms_payload(
        response.context[form_name] if form_name else None, *(response.context[name] for name in formset_names)
    )


def add_row(data: dict, prefix: str, **values) -> int:
    """Append a row to the formset ``prefix`` in ``data``; returns its index."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    set_row(data, prefix, index, **values)
    return index


def set_row(data: dict, prefix: str, index: int, **values) -> None:
    for name, value in values.items():
        key = f"{prefix}-{index}-{name}"
        if value is False:
            data.pop(key, None)
        elif value is True:
            data[key] = "on"
        else:
            data[key] = _as_post_value(value)


def empty_formset(prefix: str, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(initial),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def counts() -> dict[str, int]:
    return {
        "meetings": Meeting.objects.count(),
        "attendance": Attendance.objects.count(),
        "items": AgendaItem.objects.count(),
        "proposals": Proposal.objects.count(),
    }


# --- reading pages ---------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ById(HTMLParser):
    """Attributes and text content of every element that has an id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, dict] = {}
        self.text: dict[str, list[str]] = {}
        self.stack: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        element_id = attrs.get("id")
        if element_id:
            self.attrs[element_id] = attrs
            self.text.setdefault(element_id, [])
        if tag not in _VOID:
            self.stack.append(element_id)

    def handle_endtag(self, tag):
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for element_id in self.stack:
            if element_id:
                self.text[element_id].append(data)


def _parsed(response) -> _ById:
    if getattr(response, "_by_id", None) is None:
        parser = _ById()
        parser.feed(response.content.decode())
        response._by_id = parser
    return response._by_id


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def field_error(response, input_id: str) -> str:
    """The error text tied to the input ``input_id`` by aria-describedby (what a screen reader reads).

    Fails when the field is not marked invalid or has no linked error element.
    """
    parser = _parsed(response)
    attrs = parser.attrs[input_id]
    assert attrs.get("aria-invalid") == "true", f"{input_id} is not marked invalid"
    described_by = attrs.get("aria-describedby")
    assert described_by, f"{input_id} has no aria-describedby"
    return squash("".join(parser.text[described_by]))


def invalid_fields(response) -> set[str]:
    """Ids of every input marked aria-invalid on the page."""
    parser = _parsed(response)
    return {element_id for element_id, attrs in parser.attrs.items() if attrs.get("aria-invalid") == "true"}


def page_text(response) -> str:
    """The page's HTML with runs of whitespace squashed."""
    return squash(response.content.decode())


def nb(message: str, **params) -> str:
    """``message`` as the default language (nb) shows it, so tests hold when translations are added."""
    with translation.override("nb"):
        text = str(translation.gettext(message))
    return text % params if params else text


__all__ = [
    "ROLES", "form_values", "formset_values", "forms_payload", "page_payload", "add_row", "set_row", "empty_formset",
    "counts", "field_error", "invalid_fields", "page_text", "squash", "nb", "make_client",
]
