"""A member (of a body) and a green representative are a person chosen from the municipality's
people or a new name, exactly one of the two: the rule is written once
(:class:`municipalities.forms.PersonOrNewPersonMixin`) and both forms use it."""
from __future__ import annotations

import pytest
from django.utils import translation

from measures.forms import GreenRepresentativeForm
from measures.models import GreenRepresentative
from municipalities.forms import MembershipForm
from municipalities.models import Body, Membership, Municipality, Organisation, Person

from .. import factories as f

pytestmark = pytest.mark.django_db

BOTH = ("new_person", "Choose a person or write a new name, not both.")
NEITHER = ("person", "Choose a person or write a new name.")


@pytest.fixture
def vaksdal():
    return Municipality.objects.get(number=f.VAKSDAL)


def membership_form(vaksdal, person, new_person):
    body = Body.objects.create(municipality=vaksdal, name="Partssamansett utval")
    data = {"person": person.pk if person else "", "new_person": new_person, "role": Membership.Role.MEDLEM,
            "side": Membership.Side.EMPLOYEE, "on_behalf_of": Organisation.objects.get(short_name="Fagforbundet").pk,
            "voting_right": "on", "start_date": "2024-01-01"}
    return MembershipForm(data, instance=Membership(body=body), municipality=vaksdal)


def green_form(vaksdal, person, new_person):
    data = {"person": person.pk if person else "", "new_person": new_person,
            "union": Organisation.objects.get(short_name="Fagforbundet").pk, "since": "2024-01-01"}
    return GreenRepresentativeForm(data, instance=GreenRepresentative(municipality=vaksdal), municipality=vaksdal)


@pytest.mark.parametrize("build", [membership_form, green_form], ids=["membership", "green representative"])
@pytest.mark.parametrize(("chosen", "new_person", "errors"), [
    (True, "", None),
    (False, "Tora Tangen", None),
    (True, "Tora Tangen", BOTH),
    (False, "   ", NEITHER),
])
def test_a_person_or_a_new_name_exactly_one(vaksdal, build, chosen, new_person, errors):
    person = f.PersonFactory(name="Liv Lunde", municipality=vaksdal) if chosen else None
    with translation.override("en"):
        form = build(vaksdal, person, new_person)
        valid = form.is_valid()
        if errors is None:
            assert valid, form.errors
        else:
            field, message = errors
            assert (valid, form.errors[field]) == (False, [message])


@pytest.mark.parametrize("build", [membership_form, green_form], ids=["membership", "green representative"])
def test_a_new_name_registers_the_person_in_the_municipality(vaksdal, build):
    form = build(vaksdal, None, "  Tora Tangen ")
    assert form.is_valid(), form.errors
    saved = form.save()
    assert (saved.person.name, saved.person.municipality_id) == ("Tora Tangen", vaksdal.pk)
    assert Person.objects.filter(name="Tora Tangen").count() == 1


def test_only_the_municipalitys_people_can_be_chosen(vaksdal):
    other = f.PersonFactory(name="Per Utanbys", municipality=Municipality.objects.get(number=f.SARPSBORG))
    with translation.override("en"):
        form = membership_form(vaksdal, other, "")
        assert not form.is_valid()
        assert list(form.errors) == ["person"]
