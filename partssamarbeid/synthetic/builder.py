"""Building one municipality's bodies, people, meetings, items, proposals, requests and measures in memory."""
from __future__ import annotations

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from measures.models import (
    ClimateMeasure,
    GreenRepresentative,
    Involvement,
    ProcessAnswer,
    Topic,
)
from meetings.climate.classifier import classify_agenda_item
from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from municipalities.models import Body, Membership, Municipality, Organisation, Person

from .config import (
    ABSENT_SHARE,
    AMU_MONTHS,
    CANCELLED_SHARE,
    CLIMATE_SHARE,
    ELECTION_YEARS,
    EMPLOYEE_PROPOSAL_SHARE,
    LINKED_SHARE_OF_CLIMATE,
    NOT_RECORDED_MEETING_SHARE,
    POLITICAL_PROPOSAL_SHARE,
    PSU_MONTHS,
    REQUESTS_PER_MEETING,
    SUBSTITUTE_SHARE,
)
from .texts import (
    AMU_UNIONS,
    EMPLOYEE_PROPOSAL_TEXTS,
    ENV_VALUES,
    EVIDENCE_CACHE,
    FIRST_NAMES,
    LAST_NAMES,
    LINKED,
    MEASURE_TITLES,
    MEASURE_TITLES_RATE,
    MENTIONS,
    NONE,
    NYNORSK_COUNTIES,
    ORIENTERING_TITLES,
    PARTIES,
    POLITICAL_PROPOSAL_TEXTS,
    POSITION_TEXTS,
    PROCEDURAL_MINUTES,
    PROCEDURAL_NOTICE,
    PS_TITLES,
    PSU_UNIONS,
    QUESTION_TEXTS,
    RESPONSIBLE_UNITS,
    ROLE_LABEL,
    RS_TITLES,
    SECOND_TOPIC,
    SIDES,
    Lang,
    case_paper,
)
from .writer import R

# --- generation -----------------------------------------------------------------------------------


@dataclass
class Chunk:
    """Rows for a few municipalities, built in memory and written together."""

    bodies: list = field(default_factory=list)
    people: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    attendance: list = field(default_factory=list)
    items: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    proposers: list = field(default_factory=list)  # (proposal, organisation id)
    requests: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    measure_topics: list = field(default_factory=list)  # (measure, topic id)
    measure_items: list = field(default_factory=list)  # (measure, item)
    involvements: list = field(default_factory=list)
    involvement_unions: list = field(default_factory=list)  # (involvement, organisation id)
    involvement_people: list = field(default_factory=list)  # (involvement, person)
    process_answers: list = field(default_factory=list)
    green: list = field(default_factory=list)


class Reference:
    """What every municipality needs: organisations and topics by code, loaded once."""

    def __init__(self):
        self.org = {o.short_name: o.pk for o in Organisation.objects.all()}
        self.org_name = {pk: name for name, pk in self.org.items()}
        self.topic = {t.code: t.pk for t in Topic.objects.all()}
        missing = [name for name, _w in PARTIES if name not in self.org] + [
            u for u in PSU_UNIONS + AMU_UNIONS if u not in self.org
        ]
        if missing:
            raise RuntimeError(f"Organisations missing from the register: {', '.join(sorted(set(missing)))} (run migrate).")
        if len(self.topic) < len(Topic.Code.values):
            raise RuntimeError("The climate topics are missing (run migrate).")


def _weighted(rng: random.Random, pairs):
    total = sum(w for _v, w in pairs)
    x = rng.random() * total
    for value, weight in pairs:
        x -= weight
        if x < 0:
            return value
    return pairs[-1][0]


def _fmt_title(template: str, day: datetime.date) -> str:
    if "{" not in template:
        return template
    return template.format(y=day.year, p=day.year - 1, n=day.year + 1, n3=day.year + 4, d=day.strftime("%d.%m.%Y"))


def _weekday_in(rng: random.Random, year: int, month: int) -> datetime.date:
    day = datetime.date(year, month, rng.randint(2, 22))
    while day.weekday() not in (1, 2, 3):  # Tuesday to Thursday
        day += datetime.timedelta(days=1)
    return day


def _periods(first: datetime.date, last: datetime.date) -> list[tuple[datetime.date, datetime.date | None]]:
    """Election periods overlapping [first, last]: (start, end), the current one open-ended."""
    starts = [datetime.date(y, 10, 15) for y in ELECTION_YEARS]
    periods = []
    for index, start in enumerate(starts[:-1]):
        end = starts[index + 1] - datetime.timedelta(days=1)
        if end < first or start > last:
            continue
        periods.append((start, end if end < last else None))
    return periods


class MunicipalityBuilder:
    """Builds one municipality's rows into a :class:`Chunk` (no queries)."""

    def __init__(self, municipality: Municipality, seed: int, years: int, end_year: int, ref: Reference,
                 chunk: Chunk, taken_names: set[tuple[str, str]]):
        self.m = municipality
        self.rng = random.Random(f"{seed}/{municipality.number}")
        self.first = datetime.date(end_year - years + 1, 1, 1)
        self.last = datetime.date(end_year, 12, 31)
        self.ref = ref
        self.c = chunk
        self.taken_names = taken_names
        rng = self.rng
        self.lang = Lang(rng.random() < NYNORSK_COUNTIES.get(municipality.county_number, 0.03))
        # the municipality's own character
        self.climate = rng.uniform(0.45, 1.55)
        self.voice = rng.uniform(0.3, 1.8)
        self.early = rng.uniform(0.1, 0.7)
        self.never = rng.uniform(0.1, 0.4)
        self.assessment = _weighted(rng, [("strict", 25), ("partial", 40), ("rare", 35)])
        self.names_used: set[str] = set()
        self.climate_items: list[tuple[AgendaItem, Meeting, Body, tuple]] = []
        self.request_results: dict[int, Request] = {}  # id(item) -> request that asked for it
        self.employee_people: list[tuple[Person, int]] = []
        self.proposals_of: dict[int, list] = defaultdict(list)  # id(item) -> its proposals in order

    # people ---------------------------------------------------------------------------------
    def person(self, title: str = "") -> Person:
        rng = self.rng
        for _ in range(50):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name not in self.names_used:
                break
        else:  # pragma: no cover - 4000 combinations, a municipality uses ~100
            name = f"{name} {len(self.names_used)}"
        self.names_used.add(name)
        person = R(Person, name=name, municipality=self.m, title=title)
        self.c.people.append(person)
        return person

    def seat(self, body, person, role, side, org, start, end, voting=True) -> Membership:
        membership = R(
            Membership,
            person=person, body=body, role=role, side=side, on_behalf_of_id=org, voting_right=voting,
            start_date=start, end_date=end,
        )
        self.c.memberships.append(membership)
        return membership

    def build(self) -> None:
        rng, nn = self.rng, self.lang.nn
        M = Membership
        # the administration: mostly the same people over the years
        self.director = self.person("Kommunedirektør")
        self.hr_leader = self.person("HR-sjef" if not nn else "HR-leiar")
        self.sector_leader = self.person("Kommunalsjef")
        self.adviser = self.person("HR-rådgiver" if not nn else "HR-rådgjevar")
        self.bht = self.person("Bedriftshelsetjenesten" if not nn else "Bedriftshelsetenesta")
        psu_name = rng.choice(
            ["Administrasjonsutvalet", "Partssamansett utval"] if nn else
            ["Partssammensatt utvalg", "Administrasjonsutvalget", "Administrasjonsutvalget (ADU)"]
        )
        amu_name = "Arbeidsmiljøutvalet" if nn else "Arbeidsmiljøutvalget"
        bodies = []
        for kind, name in ((Body.Kind.PSU, psu_name), (Body.Kind.AMU, amu_name)):
            while (self.m.number, name) in self.taken_names:  # only with --force next to real data
                name = f"{name} (syntetisk)"
            body = R(Body, municipality=self.m, name=name, kind=kind, permanent=True,
                        parties=Body.Parties.TWO if kind == Body.Kind.PSU else Body.Parties.THREE)
            self.c.bodies.append(body)
            bodies.append(body)
        psu, amu = bodies
        periods = _periods(self.first, self.last)
        n_pol = rng.choice([5, 5, 7, 7, 7, 9])
        n_emp = rng.choice([2, 3, 3, 4])
        unions = [PSU_UNIONS[0]] + rng.sample(PSU_UNIONS[1:], n_emp - 1)
        seats = {"psu": [], "amu": []}  # (membership, period index) per body
        previous: dict[tuple, Person] = {}

        def carry(slot, keep, title=""):
            if slot in previous and rng.random() < keep:
                return previous[slot]
            person = self.person(title)
            previous[slot] = person
            return person

        for p_index, (start, end) in enumerate(periods):
            parties = [_weighted(rng, PARTIES) for _ in range(n_pol)]
            for i, party in enumerate(parties):
                role = M.Role.LEIAR if i == 0 else M.Role.NESTLEIAR if i == 1 else M.Role.MEDLEM
                person = carry(("pol", i), 0.4)
                seats["psu"].append((self.seat(psu, person, role, M.Side.POLITICAL, self.ref.org[party], start, end), p_index))
            for i in range(2):
                person = carry(("polvara", i), 0.3)
                seats["psu"].append((self.seat(psu, person, M.Role.VARAMEDLEM, M.Side.POLITICAL,
                                             self.ref.org[parties[i]], start, end), p_index))
            hovedtillitsvalgt = {}
            for i, union in enumerate(unions):
                person = carry(("emp", i), 0.6, "Hovedtillitsvalgt" if not nn else "Hovudtillitsvald")
                hovedtillitsvalgt[union] = person
                self.employee_people.append((person, self.ref.org[union]))
                seats["psu"].append((self.seat(psu, person, M.Role.MEDLEM, M.Side.EMPLOYEE, self.ref.org[union], start, end), p_index))
            for i in range(2):
                union = unions[i % len(unions)]
                person = carry(("empvara", i), 0.5, "Tillitsvalgt" if not nn else "Tillitsvald")
                self.employee_people.append((person, self.ref.org[union]))
                seats["psu"].append((self.seat(psu, person, M.Role.VARAMEDLEM, M.Side.EMPLOYEE, self.ref.org[union],
                                             start, end), p_index))
            seats["psu"].append((self.seat(psu, self.adviser, M.Role.SEKRETAER, M.Side.EMPLOYER, None, start, end,
                                         voting=False), p_index))
            # AMU: employer side, employee side (safety delegate and union representatives), BHT
            amu_unions = [AMU_UNIONS[0], rng.choice(AMU_UNIONS[1:])]
            employer_first = p_index % 2 == 0  # the chair alternates between the sides
            for person, role in ((self.director, M.Role.LEIAR if employer_first else M.Role.NESTLEIAR),
                                 (self.hr_leader, M.Role.MEDLEM), (self.sector_leader, M.Role.MEDLEM)):
                seats["amu"].append((self.seat(amu, person, role, M.Side.EMPLOYER, None, start, end), p_index))
            safety = carry(("hvo",), 0.6, "Hovedverneombud" if not nn else "Hovudverneombod")
            seats["amu"].append((self.seat(amu, safety, M.Role.NESTLEIAR if employer_first else M.Role.LEIAR,
                                         M.Side.EMPLOYEE, None, start, end), p_index))
            for i, union in enumerate(amu_unions):
                # the union's hovedtillitsvalgt sits in both bodies
                person = hovedtillitsvalgt.get(union) or carry(
                    ("amu", i), 0.6, "Hovedtillitsvalgt" if not nn else "Hovudtillitsvald")
                self.employee_people.append((person, self.ref.org[union]))
                seats["amu"].append((self.seat(amu, person, M.Role.MEDLEM, M.Side.EMPLOYEE, self.ref.org[union], start, end), p_index))
            seats["amu"].append((self.seat(amu, self.adviser, M.Role.VARAMEDLEM, M.Side.EMPLOYER, None, start, end), p_index))
            vara = carry(("amuvara",), 0.5, "Verneombud" if not nn else "Verneombod")
            seats["amu"].append((self.seat(amu, vara, M.Role.VARAMEDLEM, M.Side.EMPLOYEE, self.ref.org[amu_unions[0]],
                                         start, end), p_index))
            seats["amu"].append((self.seat(amu, self.bht, M.Role.MEDLEM, M.Side.EMPLOYER, None, start, end, voting=False),
                               p_index))
        self.build_meetings(psu, seats["psu"], periods)
        self.build_meetings(amu, seats["amu"], periods)
        self.build_measures()
        if rng.random() < 0.12 and self.employee_people:
            person, union = rng.choice(self.employee_people)
            since = self.first + datetime.timedelta(days=rng.randint(0, (self.last - self.first).days))
            self.c.green.append(R(GreenRepresentative, municipality=self.m, person=person, union_id=union, since=since))

    # meetings -------------------------------------------------------------------------------
    def build_meetings(self, body: Body, seats: list, periods) -> None:
        rng = self.rng
        months = PSU_MONTHS if body.kind == Body.Kind.PSU else AMU_MONTHS
        pending: list[tuple[Request, tuple]] = []  # requests waiting for an item at the next meeting
        previous_held: datetime.date | None = None
        for year in range(self.first.year, self.last.year + 1):
            case = 0
            for month in months:
                day = _weekday_in(rng, year, month)
                hour = rng.choice([9, 10, 10, 12, 13])
                duration = rng.choice([90, 120, 120, 150, 180])
                start = datetime.time(hour, 0 if hour != 12 else 30)
                end_minutes = hour * 60 + start.minute + duration
                cancelled = rng.random() < CANCELLED_SHARE
                meeting = R(
                    Meeting,
                    body=body, date=day, start_time=start, end_time=datetime.time(end_minutes // 60, end_minutes % 60),
                    place=rng.choice(["Kommunestyresalen", "Formannskapssalen", "Møterom 1, rådhuset", "Teams"]),
                    state=Meeting.State.CANCELLED if cancelled else Meeting.State.HELD, published=True,
                )
                self.c.meetings.append(meeting)
                if cancelled:
                    continue
                period = next(i for i, (s, e) in enumerate(periods) if s <= day and (e is None or day <= e))
                active = [s for s, p in seats if p == period]
                present = self.build_attendance(meeting, active)
                case = self.build_items(meeting, body, day, case, previous_held, pending, present)
                previous_held = day
        # requests still waiting at the end stay "not on an agenda yet"

    def build_attendance(self, meeting: Meeting, active: list[Membership]) -> list[tuple[Person, int | None]]:
        """Attendance rows; returns the employee-side people present (with their union)."""
        rng, labels = self.rng, ROLE_LABEL[self.lang.nn]
        A, M = Attendance, Membership
        not_recorded = rng.random() < NOT_RECORDED_MEETING_SHARE
        members = [s for s in active if s.role not in (M.Role.VARAMEDLEM, M.Role.SEKRETAER)]
        substitutes = {side: [s for s in active if s.role == M.Role.VARAMEDLEM and s.side == side] for side in SIDES}
        for side in substitutes:
            rng.shuffle(substitutes[side])
        employees_present = []
        seen = set()
        for seat in members:
            if not_recorded:
                status = A.Status.NOT_RECORDED
            else:
                status = A.Status.ABSENT if rng.random() < ABSENT_SHARE else A.Status.PRESENT
            seen.add(id(seat.person))
            self.c.attendance.append(R(
                A,
                meeting=meeting, person=seat.person, membership=seat, status=status, side=seat.side,
                role=labels[seat.role], organisation_id=seat.on_behalf_of_id,
            ))
            if status == A.Status.PRESENT and seat.side == M.Side.EMPLOYEE:
                employees_present.append((seat.person, seat.on_behalf_of_id))
            if status == A.Status.ABSENT and substitutes[seat.side] and rng.random() < SUBSTITUTE_SHARE:
                sub = substitutes[seat.side].pop()
                if id(sub.person) in seen:
                    continue
                seen.add(id(sub.person))
                self.c.attendance.append(R(
                    A,
                    meeting=meeting, person=sub.person, membership=sub, status=A.Status.PRESENT,
                    substitute_for=seat, side=sub.side, role=labels[M.Role.VARAMEDLEM],
                    organisation_id=sub.on_behalf_of_id,
                ))
                if sub.side == M.Side.EMPLOYEE:
                    employees_present.append((sub.person, sub.on_behalf_of_id))
        for seat in active:
            if seat.role == M.Role.SEKRETAER and id(seat.person) not in seen:
                seen.add(id(seat.person))
                self.c.attendance.append(R(
                A,
                    meeting=meeting, person=seat.person, membership=seat,
                    status=A.Status.NOT_RECORDED if not_recorded else A.Status.PRESENT,
                    side=A.Side.EMPLOYER, role=labels[M.Role.SEKRETAER],
                ))
        if meeting.body.kind == Body.Kind.PSU:
            others = [(self.director, "Kommunedirektør")]
            if rng.random() < 0.5:
                others.append((self.hr_leader, self.hr_leader.title))
            for person, role in others:
                if id(person) not in seen:
                    seen.add(id(person))
                    self.c.attendance.append(R(A, meeting=meeting, person=person, status=A.Status.PRESENT,
                                               side=A.Side.OTHER, role=role))
        return employees_present

    def _title_entry(self, bank, level: str):
        return self.rng.choice([e for e in bank if e[2] == level])

    def _level(self) -> str:
        rng = self.rng
        if rng.random() >= min(0.95, CLIMATE_SHARE * self.climate):
            return NONE
        return LINKED if rng.random() < LINKED_SHARE_OF_CLIMATE else MENTIONS

    def build_items(self, meeting, body, day, case, previous_held, pending, present) -> int:
        rng, lang = self.rng, self.lang
        T = AgendaItem.Type
        nn = lang.nn
        specs: list[tuple] = []  # (type, title entry, procedural, request that asked for the item)
        specs.append((T.PS, (PROCEDURAL_NOTICE[0], PROCEDURAL_NOTICE[1], NONE, None), True, None))
        if previous_held and rng.random() < 0.6:
            minutes = tuple(t.replace("{d}", previous_held.strftime("%d.%m.%Y")) for t in PROCEDURAL_MINUTES)
            specs.append((T.PS, (minutes[0], minutes[1], NONE, None), True, None))
        # items the employee side asked for at the previous meeting come first among the cases
        specs.extend((T.PS, entry, False, request) for request, entry in pending)
        pending.clear()
        n = max(3, min(12, round(rng.gauss(7.8 if body.kind == Body.Kind.PSU else 7.0, 1.6))))
        while len(specs) < n:
            kind = _weighted(rng, [(T.PS, 58), (T.ORIENTERING, 24), (T.RS, 13), (T.DROFTING, 5)])
            if kind == T.RS:
                specs.append((kind, rng.choice(RS_TITLES), True, None))
            else:
                bank = ORIENTERING_TITLES if kind == T.ORIENTERING else PS_TITLES
                specs.append((kind, self._title_entry(bank, self._level()), False, None))
        meeting_items = []
        for position, (kind, entry, procedural, request) in enumerate(specs, start=1):
            title = _fmt_title(lang.pick(entry), day)
            level = entry[2]
            numbered = kind != T.ORIENTERING
            if numbered:
                case += 1
            item = R(
                AgendaItem,
                meeting=meeting, position=position, case_number=f"{case:02d}/{day.year}" if numbered else "",
                archive_id=f"{day.year % 100:02d}/{rng.randint(100, 2999)}" if kind == T.PS and not procedural else "",
                title=title, item_type=kind, procedural=procedural, climate_level=level, climate_evidence=[],
                administration_proposal="", text="", handling="", decision="",
                env_assessment=AgendaItem.EnvAssessment.NOT_ASSESSED,
            )
            self.fill_texts(item, body, entry, procedural, nn)
            self.c.items.append(item)
            meeting_items.append(item)
            if level != NONE:
                self.climate_items.append((item, meeting, body, entry))
            if request is not None:
                request.resulting_item = item
                self.request_results[id(item)] = request
        substantive = [i for i in meeting_items if not i.procedural and i.item_type != T.RS]
        self.build_proposals(substantive, present, nn)
        self.build_requests(meeting, substantive, present, pending, nn)
        for item in meeting_items:
            if item.climate_level != NONE:
                item.climate_level, item.climate_evidence = self.evidence(item)
        return case

    def evidence(self, item) -> tuple[str, list]:
        """The classifier's level and evidence for a climate item, from exactly the fields
        :func:`meetings.classification.classify_item` reads. Items share their texts, so a cache
        keyed by those texts runs the classifier a few thousand times, not once per item."""
        proposals = tuple((p.kind, p.text) for p in self.proposals_of.get(id(item), ()))
        key = (item.title, item.text, item.administration_proposal, item.handling, item.decision, proposals)
        cached = EVIDENCE_CACHE.get(key)
        if cached is None:
            result = classify_agenda_item(
                item.title, item.text, administration_proposal=item.administration_proposal,
                handling=item.handling, decision=item.decision, proposals=proposals,
            )
            cached = EVIDENCE_CACHE[key] = (result.level, result.to_dict()["evidence"])
        return cached[0], [dict(e) for e in cached[1]]

    def fill_texts(self, item: AgendaItem, body: Body, entry, procedural: bool, nn: bool) -> None:
        rng = self.rng
        T = AgendaItem.Type
        title = item.title
        if procedural:
            if item.item_type == T.RS:
                item.administration_proposal = "Referatsakene tas til orientering." if not nn else "Referatsakene vert tekne til orientering."
            elif title.startswith(PROCEDURAL_NOTICE):
                item.administration_proposal = "Innkalling og saksliste godkjennes." if not nn else "Innkalling og sakliste vert godkjend."
            else:
                item.administration_proposal = "Protokollen godkjennes." if not nn else "Protokollen vert godkjend."
            item.decision = item.administration_proposal
            item.handling = "Enstemmig vedtatt." if not nn else "Samrøystes vedteke."
            return
        if item.item_type == T.ORIENTERING:
            item.administration_proposal = "Saken tas til orientering." if not nn else "Saka vert teken til orientering."
            item.text = ("Administrasjonen orienterer utvalget i møtet." if not nn else
                         "Administrasjonen orienterer utvalet i møtet.")
            item.decision = item.administration_proposal
            item.handling = "Enstemmig vedtatt." if not nn else "Samrøystes vedteke."
            return
        # PS and drøfting: a case paper, perhaps with an environmental assessment
        intro = (f"Saken gjelder {title[0].lower()}{title[1:]}. Kommunedirektøren legger saken fram for {body.name.lower()}."
                 if not nn else
                 f"Saka gjeld {title[0].lower()}{title[1:]}. Kommunedirektøren legg saka fram for {body.name.lower()}.")
        assessment = AgendaItem.EnvAssessment.NOT_ASSESSED
        if item.item_type == T.PS:
            weights = {"strict": (22, 68, 10), "partial": (10, 30, 60), "rare": (3, 7, 90)}[self.assessment]
            if entry[2] != NONE:
                weights = (weights[0] * 4, weights[1], weights[2])
            assessment = _weighted(rng, list(zip(ENV_VALUES, weights)))
        intro = f"{intro}\n\n{case_paper(title, item.meeting.date, nn)}"
        heading = "Vurdering av miljøkonsekvenser:" if not nn else "Vurdering av miljøkonsekvensar:"
        if assessment == AgendaItem.EnvAssessment.CONSEQUENCES:
            body_text = ("Saken har konsekvenser for miljøet, se vurderingen over." if not nn else
                         "Saka har konsekvensar for miljøet, sjå vurderinga over.")
            item.text = f"{intro}\n\n{heading} {body_text}"
        elif assessment == AgendaItem.EnvAssessment.NONE_FOUND:
            item.text = f"{intro}\n\n{heading} Ingen."
        else:
            item.text = intro
        item.env_assessment = assessment
        item.administration_proposal = (f"{title} vedtas som fremlagt." if not nn else
                                        f"{title} vert vedteken slik saka ligg føre.")
        item.decision = item.administration_proposal

    def build_proposals(self, substantive, present, nn) -> None:
        rng = self.rng
        P = Proposal
        unions_present = sorted({org for _p, org in present if org})
        for item in substantive:
            if item.item_type not in (AgendaItem.Type.PS, AgendaItem.Type.DROFTING):
                continue
            admin = R(P, item=item, position=0, kind=P.Kind.ADMINISTRATION, by_administration=True, votes_for=None, votes_against=None,
                      text=item.administration_proposal, outcome=P.Outcome.ADOPTED)
            self.c.proposals.append(admin)
            self.proposals_of[id(item)].append(admin)
            votes_total = rng.randint(6, 11)
            unanimous = True
            position = 1
            if unions_present and rng.random() < min(0.9, EMPLOYEE_PROPOSAL_SHARE * self.voice):
                kind = _weighted(rng, [(P.Kind.AMENDMENT, 45), (P.Kind.ADDITIONAL, 40), (P.Kind.JOINT, 15)])
                outcome = _weighted(rng, [(P.Outcome.ADOPTED, 35), (P.Outcome.FELL, 40), (P.Outcome.WITHDRAWN, 10),
                                          (P.Outcome.NOT_VOTED, 15)])
                proposers = rng.sample(unions_present, min(len(unions_present), rng.choice([1, 1, 2])))
                if kind == P.Kind.JOINT:
                    proposers.append(self.ref.org[_weighted(rng, PARTIES)])
                text = rng.choice(EMPLOYEE_PROPOSAL_TEXTS)[nn]
                proposal = R(P, item=item, position=position, kind=kind, text=text, outcome=outcome)
                if outcome in (P.Outcome.ADOPTED, P.Outcome.FELL):
                    for_ = rng.randint(votes_total // 2 + 1, votes_total) if outcome == P.Outcome.ADOPTED else rng.randint(1, votes_total // 2)
                    proposal.votes_for, proposal.votes_against = for_, votes_total - for_
                    unanimous = unanimous and proposal.votes_against == 0
                self.c.proposals.append(proposal)
                self.proposals_of[id(item)].append(proposal)
                self.c.proposers.extend((proposal, org) for org in dict.fromkeys(proposers))
                position += 1
                if outcome == P.Outcome.ADOPTED:
                    item.decision = f"{item.administration_proposal}\n{text}"
            if rng.random() < POLITICAL_PROPOSAL_SHARE:
                kind = _weighted(rng, [(P.Kind.AMENDMENT, 50), (P.Kind.ALTERNATIVE, 30), (P.Kind.ADDITIONAL, 20)])
                outcome = P.Outcome.ADOPTED if rng.random() < 0.35 else P.Outcome.FELL
                text = rng.choice(POLITICAL_PROPOSAL_TEXTS)[nn]
                for_ = rng.randint(votes_total // 2 + 1, votes_total) if outcome == P.Outcome.ADOPTED else rng.randint(1, votes_total // 2)
                proposal = R(P, item=item, position=position, kind=kind, text=text, outcome=outcome,
                             votes_for=for_, votes_against=votes_total - for_)
                self.c.proposals.append(proposal)
                self.proposals_of[id(item)].append(proposal)
                self.c.proposers.append((proposal, self.ref.org[_weighted(rng, PARTIES)]))
                unanimous = False
                if outcome == P.Outcome.ADOPTED and kind == P.Kind.ALTERNATIVE:
                    admin.outcome = P.Outcome.FELL
                    admin.votes_for, admin.votes_against = votes_total - for_, for_
                    item.decision = text
                elif outcome == P.Outcome.ADOPTED:
                    item.decision = f"{item.decision}\n{text}"
            if unanimous:
                item.handling = "Enstemmig vedtatt." if not nn else "Samrøystes vedteke."
            else:
                if admin.votes_for is None:
                    admin.votes_for, admin.votes_against = votes_total, 0
                item.handling = (f"Kommunedirektørens forslag fikk {admin.votes_for} stemmer." if not nn else
                                 f"Kommunedirektøren sitt framlegg fekk {admin.votes_for} røyster.")

    def build_requests(self, meeting, substantive, present, pending, nn) -> None:
        rng = self.rng
        if not present:
            return
        count = 0
        rate = REQUESTS_PER_MEETING * self.voice
        while rng.random() < rate / (1 + count):
            count += 1
        for _ in range(count):
            person, org = rng.choice(present)
            climate = rng.random() < 0.3
            bank = [e for e in PS_TITLES if (e[2] != NONE) == climate and "{" not in e[0]]
            entry = rng.choice(bank)
            subject = self.lang.pick(entry)
            subject = subject[0].lower() + subject[1:]
            asks = rng.random() < 0.5
            who = f"{person.name} ({self.ref.org_name[org]})" if org else person.name
            if asks:
                text = (f"{who} ber om at sak om {subject} blir tatt med på sakslisten til neste møte." if not nn else
                        f"{who} ber om at sak om {subject} blir teken med på sakslista til neste møte.")
            else:
                text = rng.choice(QUESTION_TEXTS)[nn].format(who=who, subject=subject)
            raised_under = rng.choice(substantive) if substantive and rng.random() < 0.6 else None
            request = R(Request, meeting=meeting, raised_under=raised_under, person=person, organisation_id=org,
                              text=text, asks_for_agenda_item=asks)
            self.c.requests.append(request)
            if asks and rng.random() < 0.65:
                pending.append((request, entry))

    # measures -------------------------------------------------------------------------------
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
        S = ClimateMeasure.Status
        day = meeting.date
        decided = item.item_type == AgendaItem.Type.PS
        proposed = day - datetime.timedelta(days=rng.randint(30, 300)) if decided else day
        measure = R(
            ClimateMeasure,
            municipality=self.m, title=title, proposed_date=proposed,
            description=("Tiltaket ble behandlet i " if not self.lang.nn else "Tiltaket vart handsama i ") + f"{body.name.lower()} {day:%d.%m.%Y}.",
            responsible_unit=rng.choice(RESPONSIBLE_UNITS), affects_employees=spec[2],
            employee_effects=list(spec[3]) if spec[2] else [], status=ClimateMeasure.Status.IDEA,
            decision_date=None, decision_item=None, decided_by="", stopped_date=None, funding="",
            funding_amount=None, expected_emission_effect=None, emission_effect_source="",
        )
        age = (self.last - day).days
        if decided:
            measure.decision_date = day
            measure.decision_item = item
            measure.decided_by = rng.choice([body.name, "Kommunestyret", "Kommunedirektøren"])
            if rng.random() < 0.05:
                measure.status = S.STOPPED
            elif age > 3 * 365:
                measure.status = _weighted(rng, [(S.IMPLEMENTED, 50), (S.EVALUATED, 35), (S.IN_IMPLEMENTATION, 15)])
            elif age > 365:
                measure.status = _weighted(rng, [(S.IN_IMPLEMENTATION, 55), (S.IMPLEMENTED, 35), (S.DECIDED, 10)])
            else:
                measure.status = _weighted(rng, [(S.DECIDED, 60), (S.IN_IMPLEMENTATION, 40)])
        else:
            measure.status = _weighted(rng, [(S.IDEA, 40), (S.PROPOSED, 60)])
        funding = _weighted(rng, [("operating_budget", 35), ("investment_budget", 20), ("klimasats", 15),
                                  ("climate_fund", 10), ("none", 15), ("", 5)])
        measure.funding = funding
        if funding not in ("", "none") and rng.random() < 0.6:
            measure.funding_amount = rng.choice([50, 100, 250, 400, 750, 1200, 3000]) * 1000
        if rng.random() < 0.3:
            measure.expected_emission_effect = Decimal(f"{rng.uniform(1, 150):.1f}")
            measure.emission_effect_source = "Klimakalkulator, Miljødirektoratet" if rng.random() < 0.5 else "Kommunens klimaregnskap"
        self.c.measures.append(measure)
        self.c.measure_topics.append((measure, self.ref.topic[topic]))
        if rng.random() < 0.2:
            self.c.measure_topics.append((measure, self.ref.topic[SECOND_TOPIC[topic]]))
        self.c.measure_items.append((measure, item))
        events = self.involvement_plan(measure, item, meeting, body)
        latest = max([e[0] for e in events], default=None)
        if measure.status == S.STOPPED:
            stop = (measure.decision_date or day) + datetime.timedelta(days=rng.randint(120, 540))
            measure.stopped_date = min(max(stop, latest or stop), self.last)
            if measure.stopped_date < (measure.decision_date or day):  # decided in the last days of the range
                measure.status, measure.stopped_date = S.DECIDED, None
        for event in events:
            self.add_involvement(measure, *event)
        if rng.random() < 0.35:
            for question in ProcessAnswer.Question.values:
                answer = _weighted(rng, [("yes", 45), ("partly", 35), ("no", 20)])
                self.c.process_answers.append(R(ProcessAnswer, measure=measure, question=question, answer=answer))

    def involvement_plan(self, measure, item, meeting, body) -> list[tuple]:
        """Events as (date, arena, raised_by, level, agenda_item, request): early, late or never."""
        rng = self.rng
        Inv = Involvement
        arena = Inv.Arena.PSU if body.kind == Body.Kind.PSU else Inv.Arena.AMU
        decision = measure.decision_date
        proposed = measure.proposed_date
        events = []
        request = self.request_results.get(id(item))
        if request is not None:
            # the employee side asked for the item: initiated (level 4) at the meeting where they asked
            events.append((request.meeting.date, arena, Inv.RaisedBy.EMPLOYEE, 4, None, request))
        roll = rng.random()
        if roll < self.never and request is None:
            if rng.random() < 0.3:
                events.append((decision or proposed, Inv.Arena.OTHER, Inv.RaisedBy.EMPLOYER, 0, None, None))
        elif roll < self.never + (1 - self.never) * self.early or request is not None:
            # early: consulted, at the latest in the meeting that decides
            events.append((meeting.date, arena, Inv.RaisedBy.EMPLOYER, rng.choice([2, 2, 3]), item, None))
            if rng.random() < 0.4 and proposed < meeting.date:
                before = proposed + datetime.timedelta(days=rng.randint(0, (meeting.date - proposed).days))
                events.append((before, rng.choice([Inv.Arena.DROFTING, Inv.Arena.WORKING_GROUP]),
                               rng.choice([Inv.RaisedBy.EMPLOYER, Inv.RaisedBy.JOINT]), rng.choice([1, 2, 3, 3]), None, None))
        else:
            # late: informed before the decision, or heard only after it
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
        Inv = Involvement
        if measure.stopped_date and day > measure.stopped_date:
            return
        position = Inv.Position.NOT_STATED
        text = ""
        if level >= 2 or raised_by != Inv.RaisedBy.EMPLOYER:
            position = _weighted(rng, [(Inv.Position.SUPPORTS, 45), (Inv.Position.MIXED, 25), (Inv.Position.OPPOSES, 10),
                                       (Inv.Position.NOT_STATED, 20)])
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
