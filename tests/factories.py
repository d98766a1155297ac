"""factory_boy factories for every model of the foundation.

Municipalities and organisations are reference data loaded by a data migration, so their
factories fetch the existing rows (``django_get_or_create``) instead of inventing new ones.
"""
from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model

from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from municipalities.models import Body, Membership, Municipality, Organisation, Person, Profile

VAKSDAL = "4628"
SARPSBORG = "3105"
PASSWORD = "test-passord-123"


def many_to_many(name: str) -> factory.PostGeneration:
    """Set the many-to-many field ``name`` to the records passed for it (``proposers=[...]``)."""

    def set_records(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, name).set(extracted)

    return factory.PostGeneration(set_records)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """Returns the register row for ``number`` (the register is loaded by migration 0002)."""

    class Meta:
        model = Municipality
        django_get_or_create = ("number",)

    number = VAKSDAL
    name = "Vaksdal"
    county_number = "46"
    county_name = "Vestland"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("short_name",)

    short_name = "Fagforbundet"
    name = factory.LazyAttribute(lambda o: o.short_name)
    kind = Organisation.Kind.UNION


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n:03d}")
    municipality = factory.SubFactory(MunicipalityFactory)
    title = ""


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Partssamansett utval {n}")
    kind = Body.Kind.PSU
    permanent = True
    parties = Body.Parties.TWO


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    body = factory.SubFactory(BodyFactory)
    person = factory.SubFactory(PersonFactory, municipality=factory.SelfAttribute("..body.municipality"))
    role = Membership.Role.MEDLEM
    side = Membership.Side.EMPLOYEE
    on_behalf_of = factory.SubFactory(OrganisationFactory)
    voting_right = True
    start_date = datetime.date(2019, 10, 1)
    end_date = None


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.invalid")
    password = factory.django.Password(PASSWORD)


class SuperuserFactory(UserFactory):
    username = "root"
    is_staff = True
    is_superuser = True


class ProfileFactory(factory.django.DjangoModelFactory):
    """A user with an app role. Use the role subclasses below."""

    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    role = Profile.Role.HR
    municipality = factory.SubFactory(MunicipalityFactory)
    organisation = None


class HRProfileFactory(ProfileFactory):
    role = Profile.Role.HR


class UnionRepProfileFactory(ProfileFactory):
    role = Profile.Role.UNION_REP
    organisation = factory.SubFactory(OrganisationFactory)


class AdviserProfileFactory(ProfileFactory):
    role = Profile.Role.ADVISER
    municipality = None


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 3) + datetime.timedelta(days=7 * n))
    start_time = datetime.time(10, 0)
    end_time = datetime.time(12, 0)
    place = "Kommunestyresalen"
    state = Meeting.State.HELD
    published = True


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory, municipality=factory.SelfAttribute("..meeting.body.municipality"))
    status = Attendance.Status.PRESENT
    side = Attendance.Side.POLITICAL


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n % 900 + 1)
    case_number = factory.LazyAttribute(lambda o: f"{o.position:02d}/{o.meeting.date.year}")
    title = factory.Sequence(lambda n: f"Sak nummer {n}")
    item_type = AgendaItem.Type.PS


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    item = factory.SubFactory(AgendaItemFactory)
    position = 1
    kind = Proposal.Kind.AMENDMENT
    text = "Endringsforslag"
    outcome = Proposal.Outcome.NOT_VOTED

    proposers = many_to_many("proposers")


class RequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Request

    meeting = factory.SubFactory(MeetingFactory)
    by_name = "Tillitsvald"
    text = "Ber om at saka kjem på sakslista til neste møte."
    asks_for_agenda_item = True
