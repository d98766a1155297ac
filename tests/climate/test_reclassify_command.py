"""``manage.py reclassify_items`` applies the current classifier to stored items after an update."""
from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from meetings.models import AgendaItem
from meetings.signals import meetings_changed
from tests.factories import SARPSBORG, VAKSDAL, AgendaItemFactory, BodyFactory, MeetingFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items():
    """A Vaksdal item an older classifier missed, an override, and a Sarpsborg item already right."""
    vaksdal = MeetingFactory(body=BodyFactory(municipality=MunicipalityFactory(number=VAKSDAL)))
    sarpsborg = MeetingFactory(body=BodyFactory(municipality=MunicipalityFactory(number=SARPSBORG, name="Sarpsborg")))
    stale = AgendaItemFactory(meeting=vaksdal, title="Klimabudsjett 2025")
    overridden = AgendaItemFactory(meeting=vaksdal, title="Referatsaker", climate_override="linked",
                                   climate_override_reason="Gjeld klimaplanen")
    right = AgendaItemFactory(meeting=sarpsborg, title="Referatsaker")
    AgendaItem.objects.update(climate_level="none", climate_evidence=[])
    return stale, overridden, right


@pytest.fixture
def changed_signals():
    sent = []

    def listen(sender, municipality_ids, meeting_ids=None, **kwargs):
        sent.append(municipality_ids)

    meetings_changed.connect(listen)
    yield sent
    meetings_changed.disconnect(listen)


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("reclassify_items", *args, stdout=out)
    return out.getvalue()


def test_reclassifies_what_changed_keeps_the_override_and_refreshes_only_that_municipality(items, changed_signals):
    stale, overridden, right = items
    assert run() == "Reclassified 3 items in 2 municipalities: 1 changed.\n"
    stale.refresh_from_db()
    overridden.refresh_from_db()
    assert (stale.climate_level, [e["phrase"] for e in stale.climate_evidence]) == ("mentions", ["Klimabudsjett"])
    assert (overridden.climate_level, overridden.climate_override) == ("none", "linked")
    assert changed_signals == [[VAKSDAL]]
    assert run() == "Reclassified 3 items in 2 municipalities: 0 changed.\n"
    assert changed_signals == [[VAKSDAL]]


def test_one_municipality_and_its_counts(items):
    assert run("--municipality", SARPSBORG, "-v", "2") == (
        f"{SARPSBORG}: 1 items, 0 changed\nReclassified 1 items in 1 municipalities: 0 changed.\n")
    assert AgendaItem.objects.get(pk=items[0].pk).climate_level == "none"


def test_an_unknown_municipality_is_refused_and_nothing_changes(items):
    with pytest.raises(CommandError, match="Unknown municipality number: 9999"):
        run("--municipality", VAKSDAL, "--municipality", "9999")
    assert AgendaItem.objects.get(pk=items[0].pk).climate_level == "none"
