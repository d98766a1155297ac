"""The employee side's voice on an agenda: proposals with outcomes and votes, requests and questions."""
from __future__ import annotations

from meetings.models import AgendaItem, Proposal, Request

from .config import EMPLOYEE_PROPOSAL_SHARE, POLITICAL_PROPOSAL_SHARE, REQUESTS_PER_MEETING
from .draws import weighted
from .texts import EMPLOYEE_PROPOSAL_TEXTS, NONE, PARTIES, POLITICAL_PROPOSAL_TEXTS, PS_TITLES, QUESTION_TEXTS
from .writer import R

P = Proposal
EMPLOYEE_KINDS = [(P.Kind.AMENDMENT, 45), (P.Kind.ADDITIONAL, 40), (P.Kind.JOINT, 15)]
EMPLOYEE_OUTCOMES = [(P.Outcome.ADOPTED, 35), (P.Outcome.FELL, 40), (P.Outcome.WITHDRAWN, 10), (P.Outcome.NOT_VOTED, 15)]
POLITICAL_KINDS = [(P.Kind.AMENDMENT, 50), (P.Kind.ALTERNATIVE, 30), (P.Kind.ADDITIONAL, 20)]
#: Requests and questions are about a bank title without placeholders, climate or not.
REQUEST_SUBJECTS = {
    climate: [e for e in PS_TITLES if (e[2] != NONE) == climate and "{" not in e[0]] for climate in (False, True)
}


class ProposalsMixin:
    """Proposals and requests of :class:`~.builder.MunicipalityBuilder`."""

    def build_proposals(self, substantive, present, nn) -> None:
        unions_present = sorted({org for _p, org in present if org})
        for item in substantive:
            if item.item_type in (AgendaItem.Type.PS, AgendaItem.Type.DROFTING):
                self.propose(item, unions_present, nn)

    def _add_proposal(self, proposal):
        self.c.proposals.append(proposal)
        self.proposals_of[id(proposal.item)].append(proposal)
        return proposal

    def _votes_for(self, outcome: str, votes_total: int) -> int:
        """Votes for a proposal: a majority when it was adopted, a minority when it fell."""
        if outcome == P.Outcome.ADOPTED:
            return self.rng.randint(votes_total // 2 + 1, votes_total)
        return self.rng.randint(1, votes_total // 2)

    def propose(self, item, unions_present: list[int], nn: bool) -> None:
        """The administration's proposal (adopted), perhaps the employee side's and a political one."""
        rng = self.rng
        admin = self._add_proposal(R(P, item=item, position=0, kind=P.Kind.ADMINISTRATION, by_administration=True,
                                     votes_for=None, votes_against=None, text=item.administration_proposal,
                                     outcome=P.Outcome.ADOPTED))
        votes_total = rng.randint(6, 11)
        unanimous = True
        position = 1
        if unions_present and rng.random() < min(0.9, EMPLOYEE_PROPOSAL_SHARE * self.voice):
            unanimous = self.employee_proposal(item, position, votes_total, unions_present, nn)
            position += 1
        if rng.random() < POLITICAL_PROPOSAL_SHARE:
            self.political_proposal(item, admin, position, votes_total, nn)
            unanimous = False
        if unanimous:
            item.handling = self.lang.pick(("Enstemmig vedtatt.", "Samrøystes vedteke."))
            return
        if admin.votes_for is None:
            admin.votes_for, admin.votes_against = votes_total, 0
        item.handling = self.lang.pick((f"Kommunedirektørens forslag fikk {admin.votes_for} stemmer.",
                                        f"Kommunedirektøren sitt framlegg fekk {admin.votes_for} røyster."))

    def employee_proposal(self, item, position: int, votes_total: int, unions_present: list[int], nn: bool) -> bool:
        """One or two unions' proposal (joint: with a party); returns whether no one voted against it."""
        rng = self.rng
        kind = weighted(rng, EMPLOYEE_KINDS)
        outcome = weighted(rng, EMPLOYEE_OUTCOMES)
        proposers = rng.sample(unions_present, min(len(unions_present), rng.choice([1, 1, 2])))
        if kind == P.Kind.JOINT:
            proposers.append(self.ref.org[weighted(rng, PARTIES)])
        text = rng.choice(EMPLOYEE_PROPOSAL_TEXTS)[nn]
        proposal = R(P, item=item, position=position, kind=kind, text=text, outcome=outcome)
        unanimous = True
        if outcome in (P.Outcome.ADOPTED, P.Outcome.FELL):
            for_ = self._votes_for(outcome, votes_total)
            proposal.votes_for, proposal.votes_against = for_, votes_total - for_
            unanimous = proposal.votes_against == 0
        self._add_proposal(proposal)
        self.c.proposers.extend((proposal, org) for org in dict.fromkeys(proposers))
        if outcome == P.Outcome.ADOPTED:
            item.decision = f"{item.administration_proposal}\n{text}"
        return unanimous

    def political_proposal(self, item, admin, position: int, votes_total: int, nn: bool) -> None:
        """A party's proposal, always voted on; an adopted alternative makes the administration's fall."""
        rng = self.rng
        kind = weighted(rng, POLITICAL_KINDS)
        outcome = P.Outcome.ADOPTED if rng.random() < 0.35 else P.Outcome.FELL
        text = rng.choice(POLITICAL_PROPOSAL_TEXTS)[nn]
        for_ = self._votes_for(outcome, votes_total)
        proposal = self._add_proposal(R(P, item=item, position=position, kind=kind, text=text, outcome=outcome,
                                        votes_for=for_, votes_against=votes_total - for_))
        self.c.proposers.append((proposal, self.ref.org[weighted(rng, PARTIES)]))
        if outcome == P.Outcome.ADOPTED and kind == P.Kind.ALTERNATIVE:
            admin.outcome = P.Outcome.FELL
            admin.votes_for, admin.votes_against = votes_total - for_, for_
            item.decision = text
        elif outcome == P.Outcome.ADOPTED:
            item.decision = f"{item.decision}\n{text}"

    # requests -------------------------------------------------------------------------------------
    def build_requests(self, meeting, substantive, present, pending, nn) -> None:
        """The employee side's requests and questions; some ask for an item at the next meeting."""
        rng = self.rng
        if not present:
            return
        count = 0
        rate = REQUESTS_PER_MEETING * self.voice
        while rng.random() < rate / (1 + count):
            count += 1
        for _ in range(count):
            person, org = rng.choice(present)
            entry = rng.choice(REQUEST_SUBJECTS[rng.random() < 0.3])
            asks = rng.random() < 0.5
            text = self.request_text(person, org, entry, asks, nn)
            raised_under = rng.choice(substantive) if substantive and rng.random() < 0.6 else None
            request = R(Request, meeting=meeting, raised_under=raised_under, person=person, organisation_id=org,
                        text=text, asks_for_agenda_item=asks)
            self.c.requests.append(request)
            if asks and rng.random() < 0.65:
                pending.append((request, entry))

    def request_text(self, person, org: int | None, entry: tuple, asks: bool, nn: bool) -> str:
        """A request for an item on ``entry``'s subject, or a question about it (a drawn text)."""
        subject = self.lang.pick(entry)
        subject = subject[0].lower() + subject[1:]
        who = f"{person.name} ({self.ref.org_name[org]})" if org else person.name
        if not asks:
            return self.rng.choice(QUESTION_TEXTS)[nn].format(who=who, subject=subject)
        return self.lang.pick((f"{who} ber om at sak om {subject} blir tatt med på sakslisten til neste møte.",
                               f"{who} ber om at sak om {subject} blir teken med på sakslista til neste møte."))
