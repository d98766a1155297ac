"""Random sequences of edits keep the precomputed statistics equal to the raw computation.

A hypothesis state machine creates, edits and deletes meetings, attendance, agenda items,
proposals (and their proposers), requests, measures (their topics and agenda-item links) and
involvement events, moves meetings, publishes and unpublishes them, changes a body's kind and a
membership's role, each as one committed change (the worker's refresh runs after the commit, on
the immediate task backend). After every step the dashboards read from the statistics must give
exactly what the records give. Each example runs in a savepoint that is rolled back.
"""
from __future__ import annotations

import datetime
import itertools

import pytest
from django.db import transaction
from django.test import TestCase
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from dashboards import metrics, queries, statistics
from dashboards.models import MeetingDayStatistics, StaleStatistics, TopicDayStatistics
from dashboards.scope import Period
from measures.models import ClimateMeasure, Involvement, Level, Topic
from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from municipalities.models import Body, Membership, Municipality, Organisation

from .. import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
DAYS = [D(2022, 3, 1), D(2022, 3, 2), D(2022, 9, 30), D(2023, 1, 5)]
PERIODS = [Period(D(2021, 1, 1), D(2023, 12, 31)), Period(D(2022, 3, 2), D(2022, 12, 31))]
KINDS = [Body.Kind.PSU, Body.Kind.AMU]
pick = st.integers(min_value=0, max_value=10_000)


def nth(model, index: int, **filters):
    rows = list(model.objects.filter(**filters).order_by("pk"))
    return rows[index % len(rows)] if rows else None


class Edits(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.counter = itertools.count(1)
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.user = f.SuperuserFactory(username=f"stateful-{id(self)}")
        with self.committed():
            for number in ("4628", "3105"):
                municipality = Municipality.objects.get(number=number)
                body = f.BodyFactory(municipality=municipality, kind=Body.Kind.PSU)
                for side, role in [
                    (Membership.Side.EMPLOYEE, Membership.Role.MEDLEM),
                    (Membership.Side.EMPLOYEE, Membership.Role.VARAMEDLEM),
                    (Membership.Side.EMPLOYER, Membership.Role.MEDLEM),
                ]:
                    f.MembershipFactory(body=body, side=side, role=role)
            f.BodyFactory(municipality=Municipality.objects.get(number="4628"), kind=Body.Kind.AMU)
            # something for every rule to change from the first step on: per body a held, published
            # meeting with attendance, a climate item with a union proposal and a linked measure
            union = Organisation.objects.get(short_name="Fagforbundet")
            for body in Body.objects.filter(pk__in=[b.pk for b in Body.objects.order_by("-pk")[:3]]):
                meeting = f.MeetingFactory(body=body, date=DAYS[0], state=Meeting.State.HELD, published=True,
                                           start_time=datetime.time(9, 0), end_time=None)
                for membership in Membership.objects.filter(body=body):
                    f.AttendanceFactory(meeting=meeting, person=None, name=f"Deltakar {self.n()}",
                                        membership=membership, side=membership.side,
                                        status=Attendance.Status.PRESENT)
                item = f.AgendaItemFactory(meeting=meeting, position=1, climate_level=AgendaItem.ClimateLevel.LINKED)
                Proposal.objects.create(item=item, position=1, text="Forslag").proposers.set([union])
                measure = ClimateMeasure.objects.create(
                    municipality_id=body.municipality_id, title=f"Tiltak {self.n()}",
                    status=ClimateMeasure.Status.DECIDED, decision_date=D(2022, 5, 1),
                )
                measure.topics.set([nth(Topic, 0)])
                measure.agenda_items.add(item)

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    @staticmethod
    def committed():
        return TestCase.captureOnCommitCallbacks(execute=True)

    def n(self) -> int:
        return next(self.counter)

    def edit_or_delete(self, row, delete: bool, **changes):
        """One committed change: delete ``row``, or set ``changes`` on it and save it."""
        with self.committed():
            if delete:
                row.delete()
            else:
                for name, value in changes.items():
                    setattr(row, name, value)
                row.save()

    # --- meetings ---------------------------------------------------------------------------------

    @rule(body=pick, day=st.sampled_from(DAYS), state=st.sampled_from(Meeting.State.values), published=st.booleans())
    def add_meeting(self, body, day, state, published):
        n = self.n()
        with self.committed():
            f.MeetingFactory(body=nth(Body, body), date=day, state=state, published=published,
                             start_time=datetime.time(n % 24, n // 24 % 60), end_time=None)

    @precondition(lambda self: Meeting.objects.exists())
    @rule(meeting=pick, day=st.sampled_from(DAYS), state=st.sampled_from(Meeting.State.values),
          published=st.booleans(), body=st.none() | pick)
    def edit_meeting(self, meeting, day, state, published, body):
        meeting = nth(Meeting, meeting)
        meeting.date, meeting.state, meeting.published = day, state, published
        if body is not None:
            meeting.body = nth(Body, body)
        # a body has one meeting at a date and time (meeting_unique_body_date_start): the app refuses this edit
        taken = Meeting.objects.filter(body=meeting.body, date=day, start_time=meeting.start_time)
        if taken.exclude(pk=meeting.pk).exists():
            return
        with self.committed():
            meeting.save()

    @precondition(lambda self: Meeting.objects.exists())
    @rule(meeting=pick)
    def delete_meeting(self, meeting):
        with self.committed():
            nth(Meeting, meeting).delete()

    @rule(body=pick, kind=st.sampled_from(KINDS))
    def change_body_kind(self, body, kind):
        body = nth(Body, body)
        body.kind = kind
        with self.committed():
            body.save()

    @rule(membership=pick, role=st.sampled_from([Membership.Role.MEDLEM, Membership.Role.VARAMEDLEM]),
          side=st.sampled_from([Membership.Side.EMPLOYEE, Membership.Side.EMPLOYER]))
    def edit_membership(self, membership, role, side):
        membership = nth(Membership, membership)
        membership.role, membership.side = role, side
        with self.committed():
            membership.save()

    # --- attendance, items, proposals, requests -------------------------------------------------------

    @precondition(lambda self: Meeting.objects.exists())
    @rule(meeting=pick, membership=pick, status=st.sampled_from(Attendance.Status.values), substitute=st.booleans())
    def add_attendance(self, meeting, membership, status, substitute):
        meeting = nth(Meeting, meeting)
        membership = nth(Membership, membership, body=meeting.body)
        values = {"meeting": meeting, "person": None, "name": f"Deltakar {self.n()}", "status": status}
        if membership is not None:
            values |= {"membership": membership, "side": membership.side}
            seat = nth(Membership, 0, body=meeting.body, side=Membership.Side.EMPLOYEE, role=Membership.Role.MEDLEM)
            taken = Attendance.objects.filter(meeting=meeting, substitute_for=seat).exists()
            if substitute and seat is not None and seat != membership and not taken:
                values |= {"substitute_for": seat, "status": Attendance.Status.PRESENT}
        with self.committed():
            f.AttendanceFactory(**values)

    @precondition(lambda self: Attendance.objects.exists())
    @rule(row=pick, status=st.sampled_from(Attendance.Status.values), delete=st.booleans())
    def edit_or_delete_attendance(self, row, status, delete):
        row = nth(Attendance, row)
        with self.committed():
            if delete:
                row.delete()
            elif row.substitute_for_id is None:
                row.status = status
                row.save()

    @precondition(lambda self: Meeting.objects.exists())
    @rule(meeting=pick, procedural=st.booleans(), item_type=st.sampled_from(AgendaItem.Type.values),
          level=st.sampled_from(AgendaItem.ClimateLevel.values),
          override=st.sampled_from(["", *AgendaItem.ClimateLevel.values]),
          env=st.sampled_from(AgendaItem.EnvAssessment.values))
    def add_item(self, meeting, procedural, item_type, level, override, env):
        with self.committed():
            f.AgendaItemFactory(
                meeting=nth(Meeting, meeting), position=self.n(), procedural=procedural, item_type=item_type,
                climate_level=level, climate_override=override, climate_override_reason="Vurdert" if override else "",
                env_assessment=env,
            )

    @precondition(lambda self: AgendaItem.objects.exists())
    @rule(item=pick, level=st.sampled_from(AgendaItem.ClimateLevel.values), procedural=st.booleans(),
          delete=st.booleans())
    def edit_or_delete_item(self, item, level, procedural, delete):
        self.edit_or_delete(nth(AgendaItem, item), delete, climate_level=level, procedural=procedural)

    @precondition(lambda self: AgendaItem.objects.exists())
    @rule(item=pick, proposers=st.sets(st.sampled_from(["Fagforbundet", "AP"])))
    def add_proposal(self, item, proposers):
        with self.committed():
            proposal = Proposal.objects.create(item=nth(AgendaItem, item), position=self.n(), text="Forslag")
            proposal.proposers.set(Organisation.objects.filter(short_name__in=proposers))

    @precondition(lambda self: Proposal.objects.exists())
    @rule(proposal=pick, proposers=st.sets(st.sampled_from(["Fagforbundet", "AP"])), delete=st.booleans())
    def edit_or_delete_proposal(self, proposal, proposers, delete):
        proposal = nth(Proposal, proposal)
        with self.committed():
            if delete:
                proposal.delete()
            else:
                proposal.proposers.set(Organisation.objects.filter(short_name__in=proposers))

    @precondition(lambda self: Meeting.objects.exists())
    @rule(meeting=pick, under_item=st.booleans())
    def add_request(self, meeting, under_item):
        meeting = nth(Meeting, meeting)
        under = nth(AgendaItem, 0, meeting=meeting) if under_item else None
        with self.committed():
            Request.objects.create(meeting=meeting, raised_under=under, by_name="Tillitsvald", text=f"Spørsmål {self.n()}")

    @precondition(lambda self: Request.objects.exists())
    @rule(request=pick)
    def delete_request(self, request):
        with self.committed():
            nth(Request, request).delete()

    # --- measures and involvement ----------------------------------------------------------------------

    @rule(number=st.sampled_from(["4628", "3105"]), topics=st.sets(st.sampled_from(range(3))))
    def add_measure(self, number, topics):
        with self.committed():
            measure = ClimateMeasure.objects.create(
                municipality_id=number, title=f"Tiltak {self.n()}", status=ClimateMeasure.Status.DECIDED,
                decision_date=D(2022, 5, 1),
            )
            measure.topics.set([nth(Topic, t) for t in topics])

    @precondition(lambda self: ClimateMeasure.objects.exists() and AgendaItem.objects.exists())
    @rule(measure=pick, item=pick, link=st.booleans())
    def link_or_unlink_item(self, measure, item, link):
        measure, item = nth(ClimateMeasure, measure), nth(AgendaItem, item)
        with self.committed():
            if link:
                measure.agenda_items.add(item)
            else:
                measure.agenda_items.remove(item)

    @precondition(lambda self: ClimateMeasure.objects.exists())
    @rule(measure=pick, topics=st.sets(st.sampled_from(range(3))), clear=st.booleans())
    def change_topics(self, measure, topics, clear):
        measure = nth(ClimateMeasure, measure)
        with self.committed():
            if clear:
                measure.topics.clear()
            else:
                measure.topics.set([nth(Topic, t) for t in topics])

    @precondition(lambda self: ClimateMeasure.objects.exists())
    @rule(measure=pick)
    def delete_measure(self, measure):
        with self.committed():
            nth(ClimateMeasure, measure).delete()

    @precondition(lambda self: ClimateMeasure.objects.exists())
    @rule(measure=pick, item=st.none() | pick, position=st.sampled_from(Involvement.Position.values),
          raised_by=st.sampled_from(Involvement.RaisedBy.values))
    def add_involvement(self, measure, item, position, raised_by):
        with self.committed():
            Involvement.objects.create(
                measure=nth(ClimateMeasure, measure), date=D(2022, 4, 1), arena=Involvement.Arena.PSU,
                raised_by=raised_by, level=Level.CONSULTED, position=position,
                agenda_item=None if item is None else nth(AgendaItem, item),
            )

    @precondition(lambda self: Involvement.objects.exists())
    @rule(involvement=pick, position=st.sampled_from(Involvement.Position.values), item=st.none() | pick,
          delete=st.booleans())
    def edit_or_delete_involvement(self, involvement, position, item, delete):
        agenda_item = None if item is None else nth(AgendaItem, item)
        self.edit_or_delete(nth(Involvement, involvement), delete, position=position, agenda_item=agenda_item)

    # --- the property ------------------------------------------------------------------------------------

    @invariant()
    def precomputed_equals_raw(self):
        assert not StaleStatistics.objects.exists()
        for period in PERIODS:
            for kind in KINDS:
                fast = metrics.gather_counts(self.user, period, kind)
                assert fast == metrics.gather_counts(self.user, period, kind, raw=True), (period, kind)
                assert queries.topic_heatmap(self.user, period, kind) == queries.topic_heatmap(
                    self.user, period, kind, raw=True
                ), (period, kind)
        assert metrics.last_imported(self.user) == metrics.last_imported(self.user, raw=True)
        # and no row is left over that a full rebuild would not write
        assert MeetingDayStatistics.objects.count() == len(statistics.compute_meeting_days())
        assert TopicDayStatistics.objects.count() == len(statistics.compute_topic_days())


def test_random_edits_keep_the_statistics_equal_to_the_records():
    run_state_machine_as_test(
        Edits,
        settings=settings(
            max_examples=20, stateful_step_count=15, deadline=None, derandomize=True,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
