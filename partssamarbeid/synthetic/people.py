"""The administration, the two bodies (PSU and AMU) and their seats per election period."""
from __future__ import annotations

import datetime

from measures.models import GreenRepresentative
from municipalities.models import Body, Membership, Person

from .draws import weighted
from .texts import AMU_UNIONS, FIRST_NAMES, LAST_NAMES, PARTIES, PSU_UNIONS
from .writer import R

M = Membership
PSU_NAMES = {
    False: ["Partssammensatt utvalg", "Administrasjonsutvalget", "Administrasjonsutvalget (ADU)"],
    True: ["Administrasjonsutvalet", "Partssamansett utval"],
}
AMU_NAME = ("Arbeidsmiljøutvalget", "Arbeidsmiljøutvalet")
HOVEDTILLITSVALGT = ("Hovedtillitsvalgt", "Hovudtillitsvald")


def rank_role(index: int) -> str:
    """The first politician leads the body, the second is deputy, the rest are members."""
    return (M.Role.LEIAR, M.Role.NESTLEIAR)[index] if index < 2 else M.Role.MEDLEM


def amu_chairs(period_index: int) -> tuple[str, str]:
    """(employer side's role, employee side's role): the AMU's chair alternates between the sides."""
    if period_index % 2 == 0:
        return M.Role.LEIAR, M.Role.NESTLEIAR
    return M.Role.NESTLEIAR, M.Role.LEIAR


class PeopleMixin:
    """People, bodies and memberships of :class:`~.builder.MunicipalityBuilder`."""

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

    def carry(self, slot: tuple, keep: float, title: str = "") -> Person:
        """The person in ``slot`` last period (with probability ``keep``), or a new one."""
        if slot in self.previous and self.rng.random() < keep:
            return self.previous[slot]
        person = self.person(title)
        self.previous[slot] = person
        return person

    def build_administration(self) -> None:
        """The administration: the same people over the years."""
        pick = self.lang.pick
        self.director = self.person("Kommunedirektør")
        self.hr_leader = self.person(pick(("HR-sjef", "HR-leiar")))
        self.sector_leader = self.person("Kommunalsjef")
        self.adviser = self.person(pick(("HR-rådgiver", "HR-rådgjevar")))
        self.bht = self.person(pick(("Bedriftshelsetjenesten", "Bedriftshelsetenesta")))

    def build_bodies(self) -> tuple[Body, Body]:
        """The PSU and the AMU (a name already taken gets " (syntetisk)", only with --force)."""
        psu_name = self.rng.choice(PSU_NAMES[self.lang.nn])
        bodies = []
        for kind, name in ((Body.Kind.PSU, psu_name), (Body.Kind.AMU, self.lang.pick(AMU_NAME))):
            while (self.m.number, name) in self.taken_names:
                name = f"{name} (syntetisk)"
            body = R(Body, municipality=self.m, name=name, kind=kind, permanent=True,
                     parties=Body.Parties.TWO if kind == Body.Kind.PSU else Body.Parties.THREE)
            self.c.bodies.append(body)
            bodies.append(body)
        return bodies[0], bodies[1]

    def build_memberships(self, psu: Body, amu: Body, periods: list) -> dict[str, list]:
        """Seats per body as (membership, period index); some people continue from period to period."""
        rng = self.rng
        n_pol = rng.choice([5, 5, 7, 7, 7, 9])
        n_emp = rng.choice([2, 3, 3, 4])
        unions = [PSU_UNIONS[0]] + rng.sample(PSU_UNIONS[1:], n_emp - 1)
        seats = {"psu": [], "amu": []}
        self.previous = {}
        for p_index, (start, end) in enumerate(periods):
            hovedtillitsvalgt = self.seat_psu(psu, seats["psu"], (p_index, start, end), n_pol, unions)
            self.seat_amu(amu, seats["amu"], (p_index, start, end), hovedtillitsvalgt)
        return seats

    def _sitter(self, body: Body, seats: list, period: tuple):
        p_index, start, end = period

        def sit(person, role, side, org, voting=True):
            seats.append((self.seat(body, person, role, side, org, start, end, voting=voting), p_index))
        return sit

    def _employee(self, person: Person, union: str) -> int:
        org = self.ref.org[union]
        self.employee_people.append((person, org))
        return org

    def seat_psu(self, psu: Body, seats: list, period: tuple, n_pol: int, unions: list) -> dict[str, Person]:
        """Politicians with parties, union representatives, substitutes and the secretary;
        returns each union's hovedtillitsvalgt."""
        rng, pick, org = self.rng, self.lang.pick, self.ref.org
        sit = self._sitter(psu, seats, period)
        parties = [weighted(rng, PARTIES) for _ in range(n_pol)]
        for i, party in enumerate(parties):
            sit(self.carry(("pol", i), 0.4), rank_role(i), M.Side.POLITICAL, org[party])
        for i in range(2):
            sit(self.carry(("polvara", i), 0.3), M.Role.VARAMEDLEM, M.Side.POLITICAL, org[parties[i]])
        hovedtillitsvalgt = {}
        for i, union in enumerate(unions):
            person = self.carry(("emp", i), 0.6, pick(HOVEDTILLITSVALGT))
            hovedtillitsvalgt[union] = person
            sit(person, M.Role.MEDLEM, M.Side.EMPLOYEE, self._employee(person, union))
        for i in range(2):
            union = unions[i % len(unions)]
            person = self.carry(("empvara", i), 0.5, pick(("Tillitsvalgt", "Tillitsvald")))
            sit(person, M.Role.VARAMEDLEM, M.Side.EMPLOYEE, self._employee(person, union))
        sit(self.adviser, M.Role.SEKRETAER, M.Side.EMPLOYER, None, voting=False)
        return hovedtillitsvalgt

    def seat_amu(self, amu: Body, seats: list, period: tuple, hovedtillitsvalgt: dict[str, Person]) -> None:
        """Employer side, employee side (safety delegate and union representatives), BHT."""
        rng, pick, org = self.rng, self.lang.pick, self.ref.org
        sit = self._sitter(amu, seats, period)
        amu_unions = [AMU_UNIONS[0], rng.choice(AMU_UNIONS[1:])]
        employer_role, employee_role = amu_chairs(period[0])
        for person, role in ((self.director, employer_role), (self.hr_leader, M.Role.MEDLEM),
                             (self.sector_leader, M.Role.MEDLEM)):
            sit(person, role, M.Side.EMPLOYER, None)
        safety = self.carry(("hvo",), 0.6, pick(("Hovedverneombud", "Hovudverneombod")))
        sit(safety, employee_role, M.Side.EMPLOYEE, None)
        for i, union in enumerate(amu_unions):
            # the union's hovedtillitsvalgt sits in both bodies
            person = hovedtillitsvalgt.get(union) or self.carry(("amu", i), 0.6, pick(HOVEDTILLITSVALGT))
            sit(person, M.Role.MEDLEM, M.Side.EMPLOYEE, self._employee(person, union))
        sit(self.adviser, M.Role.VARAMEDLEM, M.Side.EMPLOYER, None)
        vara = self.carry(("amuvara",), 0.5, pick(("Verneombud", "Verneombod")))
        sit(vara, M.Role.VARAMEDLEM, M.Side.EMPLOYEE, org[amu_unions[0]])
        sit(self.bht, M.Role.MEDLEM, M.Side.EMPLOYER, None, voting=False)

    def build_green_representative(self) -> None:
        """Now and then an employee representative is the municipality's green representative."""
        rng = self.rng
        if rng.random() < 0.12 and self.employee_people:
            person, union = rng.choice(self.employee_people)
            since = self.first + datetime.timedelta(days=rng.randint(0, (self.last - self.first).days))
            self.c.green.append(R(GreenRepresentative, municipality=self.m, person=person, union_id=union, since=since))
