"""Suggestions of involvement events from imported protocols (proposals and requests)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from meetings.models import AgendaItem, Proposal, Request
from municipalities.models import Body, Organisation

from ..models import (
    ClimateMeasure,
    DismissedSuggestion,
    Involvement,
    Level,
)

# --- suggestions from imported protocols -------------------------------------------------------

ARENA_BY_BODY_KIND = {
    Body.Kind.PSU: Involvement.Arena.PSU,
    Body.Kind.AMU: Involvement.Arena.AMU,
    Body.Kind.HAMU: Involvement.Arena.AMU,
    Body.Kind.DROFTING: Involvement.Arena.DROFTING,
    Body.Kind.WORKING_GROUP: Involvement.Arena.WORKING_GROUP,
    Body.Kind.TREPARTS: Involvement.Arena.OTHER,
}
EMPLOYEE_ORG_KINDS = Organisation.EMPLOYEE_SIDE_KINDS


@dataclass(frozen=True)
class Suggestion:
    """An involvement event read from a protocol, waiting for a person to confirm it."""

    key: str
    reason: str
    date: datetime.date
    arena: str
    arena_detail: str
    level: int
    unions: tuple[Organisation, ...]
    position_text: str
    agenda_item: AgendaItem | None
    note: str = ""
    source_proposal: Proposal | None = None
    source_request: Request | None = None

    @property
    def level_label(self) -> str:
        return Level(self.level).label

    def initial(self) -> dict:
        return {
            "date": self.date,
            "arena": self.arena,
            "arena_detail": self.arena_detail,
            "raised_by": Involvement.RaisedBy.EMPLOYEE,
            "level": self.level,
            "unions": [u.pk for u in self.unions],
            "position": Involvement.Position.NOT_STATED,
            "position_text": self.position_text,
            "agenda_item": self.agenda_item.pk if self.agenda_item else None,
            "note": self.note,
        }


def _shorten(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def suggestions_for(measure: ClimateMeasure) -> list[Suggestion]:
    """Involvement events suggested by the protocols of the items linked to ``measure``.

    - an employee-side proposal (a union or federation among the proposers) on a linked item:
      level 3 (co-developed) if it was adopted, else level 2 (consulted: the employee side had
      the case before the decision and proposed something);
    - a request or question raised under a linked item: level 2 (consulted: heard in the meeting);
    - a request that put a linked item on the agenda: level 4 (initiated by the employee side),
      dated at the meeting where it was asked.

    Proposals and requests already confirmed or dismissed for this measure are left out.
    Four queries.
    """
    item_ids = list(measure.agenda_items.values_list("pk", flat=True))
    if not item_ids:
        return []
    dismissed = set(DismissedSuggestion.objects.filter(measure=measure).values_list("key", flat=True))
    suggestions: list[Suggestion] = []
    proposals = (
        Proposal.objects.filter(item__in=item_ids, proposers__kind__in=EMPLOYEE_ORG_KINDS)
        .exclude(climate_involvements__measure=measure)
        .select_related("item__meeting__body")
        .prefetch_related(Prefetch("proposers", queryset=Organisation.objects.order_by("short_name")))
        .distinct()
    )
    for proposal in proposals:
        meeting = proposal.item.meeting
        unions = tuple(o for o in proposal.proposers.all() if o.kind in EMPLOYEE_ORG_KINDS)
        adopted = proposal.outcome == Proposal.Outcome.ADOPTED
        suggestions.append(
            Suggestion(
                key=f"proposal-{proposal.pk}",
                reason=_("%(kind)s from %(who)s (%(outcome)s)")
                % {
                    "kind": proposal.get_kind_display(),
                    "who": ", ".join(u.short_name for u in unions),
                    "outcome": proposal.get_outcome_display().lower(),
                },
                date=meeting.date,
                arena=ARENA_BY_BODY_KIND.get(meeting.body.kind, Involvement.Arena.OTHER),
                arena_detail=meeting.body.name,
                level=Level.CO_DEVELOPED if adopted else Level.CONSULTED,
                unions=unions,
                position_text=_shorten(f"{proposal.get_kind_display()}: {proposal.text}"),
                agenda_item=proposal.item,
                source_proposal=proposal,
            )
        )
    requests = (
        Request.objects.filter(Q(raised_under__in=item_ids) | Q(resulting_item__in=item_ids))
        .exclude(climate_involvements__measure=measure)
        .select_related("meeting__body", "organisation", "person", "raised_under", "resulting_item__meeting")
    )
    for request in requests:
        meeting = request.meeting
        unions = (request.organisation,) if request.organisation_id else ()
        who = request.asked_by + (f" ({request.organisation})" if request.organisation_id else "")
        arena = ARENA_BY_BODY_KIND.get(meeting.body.kind, Involvement.Arena.OTHER)
        if request.resulting_item_id in item_ids:
            target = request.resulting_item
            varying = dict(
                reason=_("%(who)s asked for the item that put the measure on the agenda") % {"who": who},
                level=Level.INITIATED,
                agenda_item=None,
                note=_("Led to item %(item)s on %(day)s.")
                % {"item": target, "day": target.meeting.date.strftime("%d.%m.%Y")},
            )
        else:
            varying = dict(
                reason=_("%(who)s raised a question or request under the item") % {"who": who},
                level=Level.CONSULTED,
                agenda_item=request.raised_under,
            )
        suggestions.append(
            Suggestion(
                key=f"request-{request.pk}",
                date=meeting.date,
                arena=arena,
                arena_detail=meeting.body.name,
                unions=unions,
                position_text=_shorten(request.text),
                source_request=request,
                **varying,
            )
        )
    suggestions = [s for s in suggestions if s.key not in dismissed]
    suggestions.sort(key=lambda s: (s.date, s.key))
    return suggestions


def find_suggestion(measure: ClimateMeasure, key: str) -> Suggestion | None:
    return next((s for s in suggestions_for(measure) if s.key == key), None)


def dismiss_suggestion(measure: ClimateMeasure, key: str, user) -> bool:
    """Hide a suggestion that does not apply; False when there is no such suggestion."""
    if find_suggestion(measure, key) is None:
        return False
    DismissedSuggestion.objects.get_or_create(measure=measure, key=key, defaults={"dismissed_by": user})
    return True
