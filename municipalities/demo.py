"""Demo people, bodies, memberships and users for real municipalities (people are fictional)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from .models import Body, Membership, Municipality, Organisation, Person, Profile

FIRST_NAMES = [
    "Anette", "Bjørn", "Camilla", "Dag", "Eli", "Frode", "Guro", "Håkon", "Ingrid", "Jon", "Kristin",
    "Lars", "Marte", "Nils", "Oda", "Per", "Ragnhild", "Sindre", "Tone", "Ulrik", "Vigdis", "Øystein",
    "Åse", "Arild", "Berit", "Cecilie", "Espen", "Hanne", "Ivar", "Linn",
]
LAST_NAMES = [
    "Aasen", "Berg", "Dahle", "Eidsvåg", "Fjeldstad", "Grønli", "Haugland", "Instefjord", "Jordal",
    "Kvamme", "Lothe", "Myklebust", "Nesheim", "Opsahl", "Palm", "Rygg", "Solheim", "Tveit", "Ulvestad",
    "Vatle", "Wiik", "Øvrebø", "Ådland",
]


@dataclass(frozen=True)
class DemoBody:
    municipality: str
    name: str
    parties: tuple[str, ...]  # one political seat per party, first is the chair
    unions: tuple[str, ...]  # one employee seat per union
    since: datetime.date


DEMO_BODIES = [
    DemoBody("4628", "Administrasjonsutvalet", ("SP", "SV", "FRP", "H", "AP", "AP"),
             ("Fagforbundet", "Utdanningsforbundet", "Sykepleierforbundet"), datetime.date(2019, 10, 1)),
    DemoBody("3205", "Partssammensatt utvalg", ("AP", "H", "SP", "FRP", "SV", "MDG", "KRF"),
             ("Fagforbundet", "Utdanningsforbundet", "Sykepleierforbundet", "Delta"), datetime.date(2020, 1, 1)),
    DemoBody("3105", "Administrasjonsutvalget", ("AP", "H", "SP", "FRP", "SV", "V", "KRF"),
             ("Fagforbundet", "Utdanningsforbundet", "NITO", "Naturviterne"), datetime.date(2019, 10, 1)),
    DemoBody("3303", "Partssammensatt utvalg", ("H", "AP", "FRP", "SP", "MDG"),
             ("Fagforbundet", "Utdanningsforbundet", "Delta"), datetime.date(2019, 10, 1)),
]

DEMO_USERS = [
    # username, role, municipality, organisation
    ("hr.vaksdal", Profile.Role.HR, "4628", None),
    ("hr.sarpsborg", Profile.Role.HR, "3105", None),
    ("tv.vaksdal", Profile.Role.UNION_REP, "4628", "Fagforbundet"),
    ("ks.radgiver", Profile.Role.ADVISER, None, None),
]


class NameSource:
    """Deterministic fictional names, unique across the whole demo."""

    def __init__(self) -> None:
        self._index = 0

    def next(self) -> str:
        i = self._index
        self._index += 1
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        last = LAST_NAMES[(i * 7 + i // len(FIRST_NAMES)) % len(LAST_NAMES)]
        return f"{first} {last}"


def _person(municipality: Municipality, name: str, title: str = "") -> Person:
    person, _ = Person.objects.update_or_create(
        municipality=municipality, name=name, defaults={"title": title}
    )
    return person


def _seat(body, person, *, role, side, org, start, voting=True) -> Membership:
    seat, _ = Membership.objects.update_or_create(
        person=person,
        body=body,
        start_date=start,
        defaults={"role": role, "side": side, "on_behalf_of": org, "voting_right": voting, "end_date": None},
    )
    return seat


def seed_bodies(names: NameSource) -> dict[str, Body]:
    """Create each demo municipality's PSU with politicians, employee representatives and substitutes."""
    orgs = {o.short_name: o for o in Organisation.objects.all()}
    bodies = {}
    for spec in DEMO_BODIES:
        municipality = Municipality.objects.get(number=spec.municipality)
        body, _ = Body.objects.update_or_create(
            municipality=municipality,
            name=spec.name,
            defaults={"kind": Body.Kind.PSU, "permanent": True, "parties": Body.Parties.TWO},
        )
        for index, party in enumerate(spec.parties):
            role = Membership.Role.LEIAR if index == 0 else (
                Membership.Role.NESTLEIAR if index == 1 else Membership.Role.MEDLEM
            )
            _seat(body, _person(municipality, names.next()), role=role, side=Membership.Side.POLITICAL,
                  org=orgs[party], start=spec.since)
        for union in spec.unions:
            _seat(body, _person(municipality, names.next()), role=Membership.Role.MEDLEM,
                  side=Membership.Side.EMPLOYEE, org=orgs[union], start=spec.since)
        # one substitute on each side
        _seat(body, _person(municipality, names.next()), role=Membership.Role.VARAMEDLEM,
              side=Membership.Side.POLITICAL, org=orgs[spec.parties[-1]], start=spec.since)
        _seat(body, _person(municipality, names.next()), role=Membership.Role.VARAMEDLEM,
              side=Membership.Side.EMPLOYEE, org=orgs[spec.unions[0]], start=spec.since)
        _seat(body, _person(municipality, names.next(), "HR-leiar"), role=Membership.Role.SEKRETAER,
              side=Membership.Side.EMPLOYER, org=None, start=spec.since, voting=False)
        bodies[spec.municipality] = body
    return bodies


def seed_users(password: str) -> list[str]:
    User = get_user_model()
    admin, _ = User.objects.get_or_create(username="admin", defaults={"email": "admin@example.invalid"})
    admin.is_staff = admin.is_superuser = True
    admin.set_password(password)
    admin.save()
    orgs = {o.short_name: o for o in Organisation.objects.all()}
    for username, role, number, org in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.invalid"})
        user.set_password(password)
        user.save()
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "role": role,
                "municipality": Municipality.objects.get(number=number) if number else None,
                "organisation": orgs.get(org) if org else None,
            },
        )
    return ["admin"] + [u[0] for u in DEMO_USERS]
