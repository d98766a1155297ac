"""The synthetic national dataset (``manage.py generate_synthetic``): exact structure, proportions
within tolerances, determinism, consistency with the climate classifier, the refusal to mix with
real data, and ``--clear``. A small run (3 municipalities x 2 years) takes well under a second."""
from __future__ import annotations

import datetime
import hashlib
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from measures.models import ClimateMeasure, Involvement, ProcessAnswer
from meetings.classification import classification_for
from meetings.climate.classifier import assess_environment, classify
from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from municipalities.models import Body, Membership, Municipality, Organisation, Person
from partssamarbeid.models import SyntheticDataset
from partssamarbeid.synthetic import texts
from partssamarbeid.synthetic.cleanup import real_data
from partssamarbeid.synthetic.draws import periods
from partssamarbeid.synthetic.run import default_end_year
from tests import factories as f

END_YEAR = 2024
SMALL = {"municipalities": 3, "years": 2, "seed": 7, "end_year": END_YEAR}


def generate(**options):
    call_command("generate_synthetic", verbosity=0, **{**SMALL, **options})


def fingerprint() -> tuple:
    """Everything that must be the same for the same seed (ids and timestamps aside)."""
    items = list(
        AgendaItem.objects.order_by("meeting__body__municipality_id", "meeting__body__kind", "meeting__date", "position")
        .values_list("meeting__body__municipality_id", "meeting__body__name", "meeting__date", "position", "title",
                     "item_type", "climate_level", "env_assessment", "case_number")
    )
    people = sorted(Person.objects.values_list("municipality_id", "name", "title"))
    attendance = sorted(
        Attendance.objects.values_list("meeting__date", "meeting__body__name", "person__name", "status", "role")
    )
    measures = sorted(ClimateMeasure.objects.values_list("municipality_id", "title", "status", "decision_date"))
    digest = hashlib.sha256(repr((items, people, attendance, measures)).encode()).hexdigest()
    counts = (Meeting.objects.count(), AgendaItem.objects.count(), Attendance.objects.count(),
              Proposal.objects.count(), Request.objects.count(), ClimateMeasure.objects.count(),
              Involvement.objects.count(), Person.objects.count())
    return counts, [row[4] for row in items[:15]], digest


# --- the title bank: pure, no database -----------------------------------------------------------


BANKS = texts.PS_TITLES + texts.ORIENTERING_TITLES + texts.RS_TITLES


@pytest.mark.parametrize("entry", BANKS, ids=[e[0] for e in BANKS])
def test_every_bank_title_has_the_level_the_classifier_gives_it(entry):
    day = datetime.date(2023, 3, 14)
    for title in entry[:2]:  # bokmål and nynorsk
        assert classify(texts.fmt_title(title, day)).level == entry[2], title
    assert (entry[3] is None) == (entry[2] == texts.NONE)


@pytest.mark.parametrize("entry", texts.PS_TITLES, ids=[e[0] for e in texts.PS_TITLES])
def test_case_paper_paragraphs_change_no_level_and_no_assessment(entry):
    """The background and economy paragraphs give case papers a realistic length, but neither the
    climate level of any title nor the reading of the environmental assessment changes."""
    from meetings.climate.classifier import classify_agenda_item

    heading = ("Vurdering av miljøkonsekvenser:", "Vurdering av miljøkonsekvensar:")
    endings = ("", " Ingen.", " Saken har konsekvenser for miljøet, se vurderingen over.")
    for nn in (0, 1):
        title = texts.fmt_title(entry[nn], datetime.date(2023, 3, 14))
        expected = classify_agenda_item(title, f"Saken gjelder {title}.").level
        assert expected == entry[2], title
        for background in texts.CASE_BACKGROUND:
            for economy in texts.CASE_ECONOMY:
                paper = f"Saken gjelder {title}.\n\n{background[nn]}\n\n{economy[nn]}"
                assert classify_agenda_item(title, paper).level == expected, (title, background[nn], economy[nn])
                for ending in endings:
                    short = f"Saken gjelder {title}." + (f"\n\n{heading[nn]}{ending}" if ending else "")
                    full = f"{paper}" + (f"\n\n{heading[nn]}{ending}" if ending else "")
                    assert assess_environment(full) == assess_environment(short), (title, full)


def test_case_papers_have_background_and_economy():
    paper = texts.case_paper("Lønnspolitisk plan 2023", datetime.date(2023, 3, 14), 0)
    assert paper.startswith("Saksopplysninger: ") and "\n\nØkonomiske konsekvenser: " in paper
    assert paper == texts.case_paper("Lønnspolitisk plan 2023", datetime.date(2023, 3, 14), 0)
    assert texts.case_paper("Lønnspolitisk plan 2023", datetime.date(2023, 3, 14), 1).startswith("Saksopplysningar: ")


def test_procedural_titles_mention_no_climate():
    day = datetime.date(2023, 3, 14)
    for title in texts.PROCEDURAL_NOTICE + texts.PROCEDURAL_MINUTES:
        assert classify(texts.fmt_title(title, day)).level == "none"


def test_every_topic_has_measures_and_the_bank_covers_every_topic():
    from measures.models import Topic

    assert set(texts.MEASURE_TITLES) == set(Topic.Code.values)
    climate_topics = {e[3] for e in texts.PS_TITLES + texts.ORIENTERING_TITLES if e[3]}
    assert climate_topics <= set(Topic.Code.values)
    assert any(e[2] == texts.LINKED for e in texts.ORIENTERING_TITLES)


def test_election_periods():
    two = periods(datetime.date(2023, 1, 1), datetime.date(2024, 12, 31))
    assert two == [(datetime.date(2019, 10, 15), datetime.date(2023, 10, 14)), (datetime.date(2023, 10, 15), None)]
    ten = periods(datetime.date(2016, 1, 1), datetime.date(2025, 12, 31))
    assert [p[0].year for p in ten] == [2015, 2019, 2023]


# --- a small dataset -----------------------------------------------------------------------------


@pytest.fixture
def small(db):
    generate()
    return SyntheticDataset.objects.get()


def test_exact_structure(small):
    numbers = list(Municipality.objects.filter(kind="municipality").order_by("number").values_list("number", flat=True)[:3])
    assert sorted(Body.objects.values_list("municipality_id", flat=True)) == sorted(numbers * 2)
    assert Counter(Body.objects.values_list("kind", flat=True)) == {"PSU": 3, "AMU": 3}
    # 8 PSU and 4 AMU meetings a year: exactly 3 x 2 x 12, all published, all in the two years
    assert Meeting.objects.count() == 3 * 2 * (8 + 4)
    assert Counter(Meeting.objects.values_list("body__kind", flat=True)) == {"PSU": 3 * 2 * 8, "AMU": 3 * 2 * 4}
    assert not Meeting.objects.filter(published=False).exists()
    assert not Meeting.objects.exclude(date__year__in=[2023, 2024]).exists()
    assert set(Meeting.objects.values_list("state", flat=True)) <= {"held", "cancelled"}
    assert small.counts["meetings"] == 72 and small.municipalities == 3 and small.end_year == END_YEAR
    # cancelled meetings have no agenda and no attendance; held ones have 3-12 items, the first procedural
    cancelled = Meeting.objects.filter(state="cancelled")
    assert not AgendaItem.objects.filter(meeting__in=cancelled).exists()
    assert not Attendance.objects.filter(meeting__in=cancelled).exists()
    for meeting in Meeting.objects.filter(state="held").prefetch_related("items"):
        items = list(meeting.items.all())
        assert 3 <= len(items) <= 14
        assert [i.position for i in items] == list(range(1, len(items) + 1))
        assert items[0].procedural and items[0].title.startswith("Godkjenning av innkalling")
        assert not any(i.procedural for i in items[2:] if i.item_type != "RS")
    # memberships over two election periods, every body with employee seats
    for body in Body.objects.all():
        starts = set(body.memberships.values_list("start_date", flat=True))
        assert starts == {datetime.date(2019, 10, 15), datetime.date(2023, 10, 15)}
        assert body.memberships.filter(side="employee").exclude(role="varamedlem").exists()
        assert body.memberships.filter(role="varamedlem").exists()
    assert set(Membership.objects.filter(side="political").values_list("on_behalf_of__kind", flat=True)) == {"party"}
    assert set(Membership.objects.filter(side="employee").exclude(on_behalf_of=None).values_list(
        "on_behalf_of__kind", flat=True)) == {"union"}
    # bulk inserts write no history
    assert not Meeting.history.exists() and not AgendaItem.history.exists()


def test_proportions(small):
    items = AgendaItem.objects.all()
    total = items.count()
    assert 350 <= total <= 650  # about 7 per held meeting
    climate = items.filter(climate_level__in=["mentions", "linked"]).count() / total
    linked = items.filter(climate_level="linked").count() / total
    assert 0.18 <= climate <= 0.42, climate
    assert 0.01 <= linked <= 0.12, linked
    attendance = Counter(Attendance.objects.values_list("status", flat=True))
    assert attendance["present"] / sum(attendance.values()) > 0.75
    assert attendance["absent"] > 0
    assert Attendance.objects.filter(substitute_for__isnull=False).exists()
    # every substantive PS item has exactly one proposal from the administration
    for item in AgendaItem.objects.filter(item_type="PS", procedural=False).prefetch_related("proposals"):
        assert [p.kind for p in item.proposals.all()].count("administration") == 1
    employee = Proposal.objects.filter(proposers__kind="union").distinct()
    assert employee.exists()
    assert set(employee.values_list("outcome", flat=True)) <= set(Proposal.Outcome.values)
    # requests: some led to an item at a later meeting of the same body
    linked_requests = Request.objects.filter(resulting_item__isnull=False).select_related("meeting", "resulting_item__meeting")
    assert Request.objects.exists()
    for request in linked_requests:
        assert request.resulting_item.meeting.body_id == request.meeting.body_id
        assert request.resulting_item.meeting.date > request.meeting.date
    assert ClimateMeasure.objects.exists() and Involvement.objects.exists()


def test_stored_climate_levels_evidence_and_assessments_equal_the_classifier(small):
    """Levels are set directly, but they are exactly what classify_item would store."""
    checked = 0
    for item in AgendaItem.objects.prefetch_related("proposals"):
        result = classification_for(item)
        assert (item.climate_level, item.climate_evidence) == (result.level, result.to_dict()["evidence"]), item.title
        assert item.env_assessment == assess_environment(item.text), item.title
        checked += 1
    assert checked > 300


def test_measures_and_involvement_pass_model_validation(small):
    measures = list(ClimateMeasure.objects.select_related("decision_item__meeting__body"))
    assert measures
    for measure in measures:
        measure.full_clean()
        assert measure.topics.exists()
        assert measure.agenda_items.filter(meeting__body__municipality=measure.municipality).exists()
        if measure.decision_item_id:
            assert measure.decision_date == measure.decision_item.meeting.date
    for involvement in Involvement.objects.select_related("measure", "agenda_item__meeting__body"):
        involvement.full_clean()
        if involvement.agenda_item_id:
            assert involvement.date == involvement.agenda_item.meeting.date
    assert not ProcessAnswer.objects.exclude(question__in=range(1, 7)).exists()


def test_same_seed_same_data_other_seed_other_data(db):
    generate()
    first = fingerprint()
    call_command("generate_synthetic", "--clear-only", verbosity=0)
    assert Meeting.objects.count() == 0
    generate()
    assert fingerprint() == first
    call_command("generate_synthetic", "--clear-only", verbosity=0)
    generate(seed=8)
    other = fingerprint()
    assert other[2] != first[2]
    assert other[0][0] == first[0][0] == 72  # the meeting count does not depend on the seed


def test_a_municipality_does_not_depend_on_how_many_are_generated(db):
    generate(municipalities=1)
    one = sorted(AgendaItem.objects.values_list("meeting__date", "position", "title"))
    call_command("generate_synthetic", "--clear-only", verbosity=0)
    generate(municipalities=2)
    first_number = Municipality.objects.filter(kind="municipality").order_by("number").first().number
    two = sorted(AgendaItem.objects.filter(meeting__body__municipality_id=first_number).values_list(
        "meeting__date", "position", "title"))
    assert one == two


def test_refuses_to_mix_with_real_data_unless_forced(db):
    real_body = f.BodyFactory(municipality=Municipality.objects.filter(kind="municipality").order_by("number").first(),
                              name="Partssammensatt utvalg")
    real_person = f.PersonFactory(municipality=real_body.municipality)
    with pytest.raises(CommandError, match="real \\(non-synthetic\\) data: 1 bodies, 1 people"):
        generate()
    assert Meeting.objects.count() == 0 and not SyntheticDataset.objects.exists()
    f.MeetingFactory(body=real_body, date=datetime.date(2023, 5, 1))
    with pytest.raises(CommandError, match="1 meetings"):
        generate()
    generate(force=True)
    assert Meeting.objects.count() == 72 + 1
    # a synthetic body never takes a real body's name
    assert Body.objects.filter(municipality=real_body.municipality, name__startswith="Partssammensatt utvalg").count() <= 2
    assert real_data() == {"bodies": 1, "meetings": 1, "people": 1}
    call_command("generate_synthetic", "--clear-only", verbosity=0)
    assert list(Body.objects.all()) == [real_body] and list(Person.objects.all()) == [real_person]
    assert Meeting.objects.count() == 1


def test_clear_replace_and_skip(db):
    generate()
    with pytest.raises(CommandError, match="already holds a synthetic dataset"):
        generate()
    generate(skip_if_present=True)  # identical parameters: nothing to do
    assert SyntheticDataset.objects.count() == 1 and Meeting.objects.count() == 72
    generate(clear=True, municipalities=2)
    assert SyntheticDataset.objects.get().municipalities == 2 and Meeting.objects.count() == 48
    call_command("generate_synthetic", "--clear-only", verbosity=0)
    for model in (Body, Person, Membership, Meeting, Attendance, AgendaItem, Proposal, Request, ClimateMeasure,
                  Involvement, ProcessAnswer, SyntheticDataset):
        assert not model.objects.exists(), model.__name__
    assert Organisation.objects.filter(kind="union").exists()  # reference data stays


def test_rejects_bad_arguments(db):
    with pytest.raises(CommandError, match="--end-year"):
        generate(end_year=default_end_year() + 1)
    with pytest.raises(CommandError, match="--municipalities"):
        generate(municipalities=358)
    with pytest.raises(CommandError, match="--years"):
        generate(years=0)


def test_clear_keeps_real_rows_that_point_into_synthetic_data(db):
    """After --force, real rows may point at synthetic ones: clearing follows on_delete (SET_NULL)."""
    real_body = f.BodyFactory(municipality=Municipality.objects.get(number=f.VAKSDAL))
    real_meeting = f.MeetingFactory(body=real_body, date=datetime.date(2023, 5, 1))
    generate(force=True)
    synthetic_item = AgendaItem.objects.exclude(meeting=real_meeting).first()
    seat = Membership.objects.exclude(body=real_body).first()
    request = f.RequestFactory(meeting=real_meeting, raised_under=synthetic_item, resulting_item=synthetic_item,
                               by_name="Kari Tillit", text="Spør om status.")
    attendance = f.AttendanceFactory(meeting=real_meeting, person=None, name="Gjest", membership=seat)
    call_command("generate_synthetic", "--clear-only", verbosity=0)
    request.refresh_from_db()
    attendance.refresh_from_db()
    assert (request.raised_under, request.resulting_item, attendance.membership) == (None, None, None)
    assert list(Meeting.objects.all()) == [real_meeting]
    # a real seat held by a synthetic person stops the clearing with a clear message
    generate(force=True)
    f.MembershipFactory(body=real_body, person=Person.objects.exclude(memberships__body=real_body).first(),
                        side="employee")
    with pytest.raises(CommandError, match="refer to synthetic people"):
        call_command("generate_synthetic", "--clear-only", verbosity=0)
