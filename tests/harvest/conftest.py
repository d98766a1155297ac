"""The fake eInnsyn (a thread on loopback) and a Vaksdal body whose members vote in the fixtures."""
from __future__ import annotations

import pytest

from harvest.models import Source
from imports.parsers.pipeline import parse_document
from municipalities.models import Body, Membership, Municipality, Organisation

from .. import factories as f
from ..helpers.einnsyn import ADM, KOMMUNE
from .fake_einnsyn import API_KEY, FakeEinnsyn, fixture_files, load

MEMBERS = [  # name, side, organisation (fictional people, as in the fixtures)
    ("Solveig Haugland", Membership.Side.POLITICAL, "SP", Membership.Role.LEIAR),
    ("Arne Dale", Membership.Side.POLITICAL, "AP", Membership.Role.MEDLEM),
    ("Mona Lid", Membership.Side.POLITICAL, "AP", Membership.Role.MEDLEM),
    ("Jon Berge", Membership.Side.POLITICAL, "SP", Membership.Role.MEDLEM),
    ("Eli Aasen", Membership.Side.POLITICAL, "AP", Membership.Role.MEDLEM),
    ("Petter Skog", Membership.Side.EMPLOYEE, "Fagforbundet", Membership.Role.MEDLEM),
    ("Ingrid Voll", Membership.Side.EMPLOYEE, "Utdanningsforbundet", Membership.Role.MEDLEM),
]


@pytest.fixture
def fake():
    server = FakeEinnsyn(load("vaksdal.json"), fixture_files()).start()
    yield server
    server.stop()


@pytest.fixture
def einnsyn(fake, settings):
    settings.EINNSYN_API_URL = fake.url
    settings.EINNSYN_API_KEY = API_KEY
    return fake


@pytest.fixture
def body(db):
    vaksdal = Municipality.objects.get(number=f.VAKSDAL)
    body = Body.objects.create(municipality=vaksdal, name="Administrasjonsutvalet")
    for name, side, org, role in MEMBERS:
        person = f.PersonFactory(name=name, municipality=vaksdal)
        f.MembershipFactory(body=body, person=person, side=side, role=role,
                            on_behalf_of=Organisation.objects.get(short_name=org))
    return body


@pytest.fixture
def source(body):
    return Source.objects.create(municipality=body.municipality, body=body, enhet_id=KOMMUNE, utvalg_ids=[ADM])


@pytest.fixture
def in_process_parse():
    """Parse documents in this process (the worker parses in a child process; same parser)."""
    return lambda data, filename: parse_document(data, filename)
