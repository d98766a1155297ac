"""Climate measures anchored in a municipality's climate items, and their involvement histories."""
from __future__ import annotations

import datetime
from decimal import Decimal

from measures.models import ClimateMeasure, Involvement, ProcessAnswer
from meetings.models import AgendaItem
from municipalities.models import Body

from .draws import weighted
from .texts import LINKED, MEASURE_TITLES, MEASURE_TITLES_RATE, POSITION_TEXTS, RESPONSIBLE_UNITS, SECOND_TOPIC
from .writer import R

S = ClimateMeasure.Status
Inv = Involvement
#: Status of a decided measure by its age in days at the end of the range: the first row whose
#: age it exceeds (None: any age).
DECIDED_STATUS = (
    (3 * 365, [(S.IMPLEMENTED, 50), (S.EVALUATED, 35), (S.IN_IMPLEMENTATION, 15)]),
    (365, [(S.IN_IMPLEMENTATION, 55), (S.IMPLEMENTED, 35), (S.DECIDED, 10)]),
    (None, [(S.DECIDED, 60), (S.IN_IMPLEMENTATION, 40)]),
)
UNDECIDED_STATUS = [(S.IDEA, 40), (S.PROPOSED, 60)]
FUNDING = [("operating_budget", 35), ("investment_budget", 20), ("klimasats", 15), ("climate_fund", 10),
           ("none", 15), ("", 5)]
POSITIONS = [(Inv.Position.SUPPORTS, 45), (Inv.Position.MIXED, 25), (Inv.Position.OPPOSES, 10),
             (Inv.Position.NOT_STATED, 20)]


def decided_weights(age: int) -> list[tuple[str, int]]:
    """The status weights of :data:`DECIDED_STATUS` for a measure decided ``age`` days before the end."""
    return next(weights for older_than, weights in DECIDED_STATUS if older_than is None or age > older_than)


def states_position(level: int, raised_by: str) -> bool:
    """Whether an involvement records the employee side's position: from consultation up, or
    whenever the employee side (or both sides) raised it."""
    return level >= 2 or raised_by != Inv.RaisedBy.EMPLOYER


class MeasuresMixin:
    """Measures and involvement of :class:`~.builder.MunicipalityBuilder`."""

    def build_measures(self) -> None:
        rng, nn = self.rng, self.lang.nn
        years = self.last.year - self.first.year + 1
        wanted = round(years * rng.uniform(*MEASURE_TITLES_RATE))
        anchors = [a for a in self.climate_items if a[0].item_type in (AgendaItem.Type.PS, AgendaItem.Type.ORIENTERING)]
        rng.shuffle(anchors)
        titles_used: set[str] = set()
        for item, meeting, body, entry in anchors[:wanted]:
            topic = entry[3]
            affects_wanted = entry[2] == LINKED or rng.random() < 0.45
            options = [m for m in MEASURE_TITLES[topic] if m[2] == affects_wanted] or list(MEASURE_TITLES[topic])
            spec = rng.choice(options)
            title = spec[1] if nn else spec[0]
            if title in titles_used:
                title = f"{title} ({meeting.date.year})"
                if title in titles_used:
                    continue
            titles_used.add(title)
            self.build_measure(title, spec, topic, item, meeting, body)

    def build_measure(self, title, spec, topic, item, meeting, body) -> None:
        rng = self.rng
        day = meeting.date
        measure = self.new_measure(title, spec, item, meeting, body)
        self.c.measures.append(measure)
        self.c.measure_topics.append((measure, self.ref.topic[topic]))
        if rng.random() < 0.2:
            self.c.measure_topics.append((measure, self.ref.topic[SECOND_TOPIC[topic]]))
        self.c.measure_items.append((measure, item))
        events = self.involvement_plan(measure, item, meeting, body)
        if measure.status == S.STOPPED:
            self.stop(measure, day, max([e[0] for e in events], default=None))
        for event in events:
            self.add_involvement(measure, *event)
        if rng.random() < 0.35:
            for question in ProcessAnswer.Question.values:
                answer = weighted(rng, [("yes", 45), ("partly", 35), ("no", 20)])
                self.c.process_answers.append(R(ProcessAnswer, measure=measure, question=question, answer=answer))

    def new_measure(self, title, spec, item, meeting, body) -> ClimateMeasure:
        """The measure with its status, funding and expected effect (decided if its item is a PS)."""
        rng = self.rng
        day = meeting.date
        decided = item.item_type == AgendaItem.Type.PS
        proposed = day - datetime.timedelta(days=rng.randint(30, 300)) if decided else day
        handled = self.lang.pick(("Tiltaket ble behandlet i ", "Tiltaket vart handsama i "))
        measure = R(
            ClimateMeasure,
            municipality=self.m, title=title, proposed_date=proposed,
            description=handled + f"{body.name.lower()} {day:%d.%m.%Y}.",
            responsible_unit=rng.choice(RESPONSIBLE_UNITS), affects_employees=spec[2],
            employee_effects=list(spec[3]) if spec[2] else [], status=S.IDEA,
            decision_date=None, decision_item=None, decided_by="", stopped_date=None, funding="",
            funding_amount=None, expected_emission_effect=None, emission_effect_source="",
        )
        if decided:
            self.decide(measure, item, body, day)
        else:
            measure.status = weighted(rng, UNDECIDED_STATUS)
        measure.funding = weighted(rng, FUNDING)
        if measure.funding not in ("", "none") and rng.random() < 0.6:
            measure.funding_amount = rng.choice([50, 100, 250, 400, 750, 1200, 3000]) * 1000
        if rng.random() < 0.3:
            measure.expected_emission_effect = Decimal(f"{rng.uniform(1, 150):.1f}")
            measure.emission_effect_source = ("Klimakalkulator, Miljødirektoratet" if rng.random() < 0.5 else
                                              "Kommunens klimaregnskap")
        return measure

    def decide(self, measure, item, body, day: datetime.date) -> None:
        """Decided at the meeting: stopped now and then, otherwise further along the older it is."""
        rng = self.rng
        measure.decision_date = day
        measure.decision_item = item
        measure.decided_by = rng.choice([body.name, "Kommunestyret", "Kommunedirektøren"])
        if rng.random() < 0.05:
            measure.status = S.STOPPED
        else:
            measure.status = weighted(rng, decided_weights((self.last - day).days))

    def stop(self, measure, day: datetime.date, latest: datetime.date | None) -> None:
        """A stopped measure's stop date: after its decision and its last involvement, within the range."""
        stop = (measure.decision_date or day) + datetime.timedelta(days=self.rng.randint(120, 540))
        measure.stopped_date = min(max(stop, latest or stop), self.last)
        if measure.stopped_date < (measure.decision_date or day):  # decided in the last days of the range
            measure.status, measure.stopped_date = S.DECIDED, None

    # involvement ----------------------------------------------------------------------------------
    def involvement_plan(self, measure, item, meeting, body) -> list[tuple]:
        """Events as (date, arena, raised_by, level, agenda_item, request): early, late or never."""
        arena = Inv.Arena.PSU if body.kind == Body.Kind.PSU else Inv.Arena.AMU
        events = []
        request = self.request_results.get(id(item))
        if request is not None:
            # the employee side asked for the item: initiated (level 4) at the meeting where they asked
            events.append((request.meeting.date, arena, Inv.RaisedBy.EMPLOYEE, 4, None, request))
        roll = self.rng.random()
        if roll < self.never and request is None:
            events += self.never_events(measure)
        elif roll < self.never + (1 - self.never) * self.early or request is not None:
            events += self.early_events(measure, item, meeting, arena)
        else:
            events += self.late_events(measure, item, meeting, arena)
        return events

    def never_events(self, measure) -> list[tuple]:
        """Never involved: now and then a note that the employer decided alone."""
        if self.rng.random() < 0.3:
            return [(measure.decision_date or measure.proposed_date, Inv.Arena.OTHER, Inv.RaisedBy.EMPLOYER, 0, None, None)]
        return []

    def early_events(self, measure, item, meeting, arena) -> list[tuple]:
        """Early: consulted, at the latest in the meeting that decides, perhaps before it too."""
        rng, proposed = self.rng, measure.proposed_date
        events = [(meeting.date, arena, Inv.RaisedBy.EMPLOYER, rng.choice([2, 2, 3]), item, None)]
        if rng.random() < 0.4 and proposed < meeting.date:
            before = proposed + datetime.timedelta(days=rng.randint(0, (meeting.date - proposed).days))
            events.append((before, rng.choice([Inv.Arena.DROFTING, Inv.Arena.WORKING_GROUP]),
                           rng.choice([Inv.RaisedBy.EMPLOYER, Inv.RaisedBy.JOINT]), rng.choice([1, 2, 3, 3]), None, None))
        return events

    def late_events(self, measure, item, meeting, arena) -> list[tuple]:
        """Late: informed before the decision, or heard only after it."""
        rng, decision = self.rng, measure.decision_date
        events = []
        if rng.random() < 0.5:
            events.append((meeting.date, arena, Inv.RaisedBy.EMPLOYER, 1, item, None))
        if decision and rng.random() < 0.7:
            after = decision + datetime.timedelta(days=rng.randint(20, 200))
            if after <= self.last:
                events.append((after, Inv.Arena.DROFTING, Inv.RaisedBy.EMPLOYER, 2, None, None))
        if not events:
            events.append((meeting.date, arena, Inv.RaisedBy.EMPLOYER, 1, item, None))
        return events

    def add_involvement(self, measure, day, arena, raised_by, level, item, request) -> None:
        rng = self.rng
        if measure.stopped_date and day > measure.stopped_date:
            return
        position = Inv.Position.NOT_STATED
        text = ""
        if states_position(level, raised_by):
            position = weighted(rng, POSITIONS)
            if position != Inv.Position.NOT_STATED:
                text = rng.choice(POSITION_TEXTS[position])[self.lang.nn]
        involvement = R(
            Inv,
            measure=measure, date=day, arena=arena, raised_by=raised_by, level=level, agenda_item=item,
            source_request=request, position=position, position_text=text,
            recorded_by_side="employee" if rng.random() < 0.3 else "employer",
        )
        self.c.involvements.append(involvement)
        if level >= 1 and self.employee_people:
            person, union = rng.choice(self.employee_people)
            self.c.involvement_unions.append((involvement, union))
            if rng.random() < 0.5:
                self.c.involvement_people.append((involvement, person))
