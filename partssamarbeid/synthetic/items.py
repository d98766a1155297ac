"""A held meeting's agenda: items with titles from the banks, their texts and climate evidence."""
from __future__ import annotations

from meetings.climate.classifier import classify_agenda_item
from meetings.models import AgendaItem
from municipalities.models import Body

from .config import CLIMATE_SHARE, LINKED_SHARE_OF_CLIMATE
from .draws import weighted
from .texts import (
    ENV_VALUES,
    EVIDENCE_CACHE,
    LINKED,
    MENTIONS,
    NONE,
    ORIENTERING_TITLES,
    PROCEDURAL_MINUTES,
    PROCEDURAL_NOTICE,
    PS_TITLES,
    RS_TITLES,
    case_paper,
    fmt_title,
)
from .writer import R

T = AgendaItem.Type
Env = AgendaItem.EnvAssessment
#: Weights of (consequences, none found, not assessed) on a PS item, by the municipality's practice.
ASSESSMENT_WEIGHTS = {"strict": (22, 68, 10), "partial": (10, 30, 60), "rare": (3, 7, 90)}
UNANIMOUS = ("Enstemmig vedtatt.", "Samrøystes vedteke.")
ENV_HEADING = ("Vurdering av miljøkonsekvenser:", "Vurdering av miljøkonsekvensar:")
ENV_CONSEQUENCES = ("Saken har konsekvenser for miljøet, se vurderingen over.",
                    "Saka har konsekvensar for miljøet, sjå vurderinga over.")


def assessment_weights(practice: str, level: str) -> tuple[int, int, int]:
    """Weights of :data:`ENV_VALUES` for a PS item: a climate item is four times as likely to
    have its consequences assessed."""
    weights = ASSESSMENT_WEIGHTS[practice]
    if level != NONE:
        weights = (weights[0] * 4, weights[1], weights[2])
    return weights


def procedural_proposal(item_type: str, title: str) -> tuple[str, str]:
    """The administration's proposal (bokmål, nynorsk) on a procedural item."""
    if item_type == T.RS:
        return "Referatsakene tas til orientering.", "Referatsakene vert tekne til orientering."
    if title.startswith(PROCEDURAL_NOTICE):
        return "Innkalling og saksliste godkjennes.", "Innkalling og sakliste vert godkjend."
    return "Protokollen godkjennes.", "Protokollen vert godkjend."


class ItemsMixin:
    """Agenda items of :class:`~.builder.MunicipalityBuilder`."""

    def _title_entry(self, bank, level: str):
        return self.rng.choice([e for e in bank if e[2] == level])

    def _level(self) -> str:
        rng = self.rng
        if rng.random() >= min(0.95, CLIMATE_SHARE * self.climate):
            return NONE
        return LINKED if rng.random() < LINKED_SHARE_OF_CLIMATE else MENTIONS

    def item_specs(self, body: Body, previous_held, pending: list) -> list[tuple]:
        """(type, title entry, procedural, request that asked for the item) per item, in order."""
        rng = self.rng
        specs: list[tuple] = [(T.PS, (PROCEDURAL_NOTICE[0], PROCEDURAL_NOTICE[1], NONE, None), True, None)]
        if previous_held and rng.random() < 0.6:
            minutes = tuple(t.replace("{d}", previous_held.strftime("%d.%m.%Y")) for t in PROCEDURAL_MINUTES)
            specs.append((T.PS, (minutes[0], minutes[1], NONE, None), True, None))
        # items the employee side asked for at the previous meeting come first among the cases
        specs.extend((T.PS, entry, False, request) for request, entry in pending)
        pending.clear()
        n = max(3, min(12, round(rng.gauss(7.8 if body.kind == Body.Kind.PSU else 7.0, 1.6))))
        while len(specs) < n:
            kind = weighted(rng, [(T.PS, 58), (T.ORIENTERING, 24), (T.RS, 13), (T.DROFTING, 5)])
            if kind == T.RS:
                specs.append((kind, rng.choice(RS_TITLES), True, None))
            else:
                bank = ORIENTERING_TITLES if kind == T.ORIENTERING else PS_TITLES
                specs.append((kind, self._title_entry(bank, self._level()), False, None))
        return specs

    def build_items(self, meeting, body, day, case, previous_held, pending, present) -> int:
        """The meeting's items, proposals and requests; returns the last case number used."""
        meeting_items = []
        specs = self.item_specs(body, previous_held, pending)
        for position, (kind, entry, procedural, request) in enumerate(specs, start=1):
            numbered = kind != T.ORIENTERING
            if numbered:
                case += 1
            item = self.new_item(meeting, position, kind, entry, procedural, case if numbered else None)
            self.fill_texts(item, body, entry, procedural, self.lang.nn)
            self.c.items.append(item)
            meeting_items.append(item)
            if entry[2] != NONE:
                self.climate_items.append((item, meeting, body, entry))
            if request is not None:
                request.resulting_item = item
                self.request_results[id(item)] = request
        substantive = [i for i in meeting_items if not i.procedural and i.item_type != T.RS]
        self.build_proposals(substantive, present, self.lang.nn)
        self.build_requests(meeting, substantive, present, pending, self.lang.nn)
        for item in meeting_items:
            if item.climate_level != NONE:
                item.climate_level, item.climate_evidence = self.evidence(item)
        return case

    def new_item(self, meeting, position: int, kind: str, entry: tuple, procedural: bool, case: int | None):
        day = meeting.date
        return R(
            AgendaItem,
            meeting=meeting, position=position, case_number=f"{case:02d}/{day.year}" if case is not None else "",
            archive_id=f"{day.year % 100:02d}/{self.rng.randint(100, 2999)}" if kind == T.PS and not procedural else "",
            title=fmt_title(self.lang.pick(entry), day), item_type=kind, procedural=procedural, climate_level=entry[2],
            climate_evidence=[], administration_proposal="", text="", handling="", decision="",
            env_assessment=Env.NOT_ASSESSED,
        )

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

    # texts ----------------------------------------------------------------------------------------
    def fill_texts(self, item: AgendaItem, body: Body, entry, procedural: bool, nn: bool) -> None:
        pick = self.lang.pick
        if procedural:
            item.administration_proposal = pick(procedural_proposal(item.item_type, item.title))
            item.decision = item.administration_proposal
            item.handling = pick(UNANIMOUS)
        elif item.item_type == T.ORIENTERING:
            item.administration_proposal = pick(("Saken tas til orientering.", "Saka vert teken til orientering."))
            item.text = pick(("Administrasjonen orienterer utvalget i møtet.", "Administrasjonen orienterer utvalet i møtet."))
            item.decision = item.administration_proposal
            item.handling = pick(UNANIMOUS)
        else:
            self.fill_case_paper(item, body, entry, nn)

    def fill_case_paper(self, item: AgendaItem, body: Body, entry, nn: bool) -> None:
        """PS and drøfting: a case paper, perhaps with an environmental assessment."""
        pick, title = self.lang.pick, item.title
        subject = f"{title[0].lower()}{title[1:]}"
        intro = pick((f"Saken gjelder {subject}. Kommunedirektøren legger saken fram for {body.name.lower()}.",
                      f"Saka gjeld {subject}. Kommunedirektøren legg saka fram for {body.name.lower()}."))
        assessment = Env.NOT_ASSESSED
        if item.item_type == T.PS:
            assessment = weighted(self.rng, list(zip(ENV_VALUES, assessment_weights(self.assessment, entry[2]))))
        intro = f"{intro}\n\n{case_paper(title, item.meeting.date, nn)}"
        if assessment == Env.CONSEQUENCES:
            item.text = f"{intro}\n\n{pick(ENV_HEADING)} {pick(ENV_CONSEQUENCES)}"
        elif assessment == Env.NONE_FOUND:
            item.text = f"{intro}\n\n{pick(ENV_HEADING)} Ingen."
        else:
            item.text = intro
        item.env_assessment = assessment
        item.administration_proposal = pick((f"{title} vedtas som fremlagt.", f"{title} vert vedteken slik saka ligg føre."))
        item.decision = item.administration_proposal
