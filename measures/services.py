"""Derived values and business logic for climate measures.

Nothing here is stored: the first involvement date, the highest level, the timing and the
flag are computed from the involvement events each time (``MeasureQuerySet.with_involvement_dates``
does the aggregation in the database, :func:`summary_of` applies the rules). Pure functions
(:func:`timing_for`, :func:`is_flagged`, :func:`build_coverage`) take plain values and are
unit-tested with exact values; the ``*_for`` functions gather their input in a fixed number
of queries.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.models import AgendaItem, Meeting, Proposal, Request
from meetings.services import HistoryEntry, history_entries, m2m_history_accessor
from meetings.versioning import claim_versions
from municipalities import permissions
from municipalities.models import Body, Municipality, Organisation

from .access import recorder_side
from .models import (
    ClimateMeasure,
    DismissedSuggestion,
    GreenRepresentative,
    Involvement,
    Level,
    ProcessAnswer,
    Topic,
)
from .topics import classifier_topics

# --- timing and flag ---------------------------------------------------------------------


class Timing(models.TextChoices):
    EARLY = "early", gettext_lazy("Early: consulted before the decision")
    LATE = "late", gettext_lazy("Late: not consulted before the decision")
    NEVER = "never", gettext_lazy("Never involved")


def timing_for(
    decision_date: datetime.date | None,
    first_involvement_date: datetime.date | None,
    first_consultation_date: datetime.date | None,
) -> str:
    """How early the employee side was involved in a measure.

    - ``early``: the employee side was consulted or more (level >= 2) on or before the decision
      date. An event *on* the decision date counts as early: consultation in the meeting that
      decides happens before the vote. A measure without a decision date has not (or not
      knowably) been decided yet, so every consultation so far came before the decision and
      counts as early.
    - ``late``: the employee side was involved (level >= 1) but not consulted by the decision
      date: involvement came only after the decision, or before it they were only informed
      (level 1), which is not a say in the decision.
    - ``never``: no event at level 1 or higher (no events, or only "not involved" ones).

    The inputs are the decision date, the earliest event at level >= 1 and the earliest event
    at level >= 2 (the earliest consultation decides, so no other event matters).
    """
    if first_involvement_date is None and first_consultation_date is None:
        return Timing.NEVER
    if first_consultation_date is not None and (decision_date is None or first_consultation_date <= decision_date):
        return Timing.EARLY
    return Timing.LATE


def is_flagged(*, affects_employees: bool, decided: bool, timing: str) -> bool:
    """A decided measure that affects employees, without consultation before the decision.

    ``decided`` is :attr:`ClimateMeasure.is_decided` (a decision date, or a status from
    "decided" on). An undecided measure is never flagged: there is still time to consult.
    """
    return bool(affects_employees and decided and timing != Timing.EARLY)


@dataclass(frozen=True)
class InvolvementSummary:
    first_involvement_date: datetime.date | None
    first_consultation_date: datetime.date | None
    max_level: int
    timing: str
    flagged: bool

    @property
    def max_level_label(self) -> str:
        return Level(self.max_level).label

    @property
    def timing_label(self) -> str:
        return Timing(self.timing).label


def summary_of(measure: ClimateMeasure) -> InvolvementSummary:
    """The derived values of a measure loaded with ``with_involvement_dates()`` (no query)."""
    try:
        first, first_consultation, max_level = (
            measure.first_involvement_date, measure.first_consultation_date, measure.max_level
        )
    except AttributeError as exc:  # pragma: no cover - a programming error, said clearly
        raise TypeError("Load measures with ClimateMeasure.objects.with_involvement_dates().") from exc
    timing = timing_for(measure.decision_date, first, first_consultation)
    return InvolvementSummary(
        first_involvement_date=first,
        first_consultation_date=first_consultation,
        max_level=max_level or 0,
        timing=timing,
        flagged=is_flagged(affects_employees=measure.affects_employees, decided=measure.is_decided, timing=timing),
    )


def with_summaries(measures: Iterable[ClimateMeasure]) -> list[ClimateMeasure]:
    """Evaluate ``measures`` and attach ``.summary`` to each."""
    result = list(measures)
    for measure in result:
        measure.summary = summary_of(measure)
    return result


# --- register and flag list ----------------------------------------------------------------


def register_queryset(municipality: Municipality):
    return (
        ClimateMeasure.objects.in_municipality(municipality)
        .with_involvement_dates()
        .prefetch_related("topics")
        .order_by("title")
    )


def register(
    municipality: Municipality,
    *,
    topic: str | None = None,
    status: str | None = None,
    affects_employees: bool | None = None,
    timing: str | None = None,
) -> list[ClimateMeasure]:
    """The municipality's measures with summaries, filtered (two queries whatever the size)."""
    measures = register_queryset(municipality)
    if topic:
        measures = measures.filter(topics__code=topic)
    if status:
        measures = measures.filter(status=status)
    if affects_employees is not None:
        measures = measures.filter(affects_employees=affects_employees)
    result = with_summaries(measures)
    if timing:
        result = [m for m in result if m.summary.timing == timing]
    return result


def not_consulted_before_decision(municipality: Municipality) -> list[ClimateMeasure]:
    """Employee-affecting measures decided without consulting the employee side first."""
    measures = register(municipality, affects_employees=True)
    return sorted(
        (m for m in measures if m.summary.flagged),
        key=lambda m: (m.decision_date or datetime.date.max, m.title),
    )


# --- agenda coverage: topics x years -----------------------------------------------------------

CLIMATE_LEVELS = (AgendaItem.ClimateLevel.MENTIONS, AgendaItem.ClimateLevel.LINKED)


def climate_item_q() -> Q:
    """Agenda items whose effective climate level (a person's override, else automatic) is climate."""
    return Q(climate_override__in=CLIMATE_LEVELS) | (Q(climate_override="") & Q(climate_level__in=CLIMATE_LEVELS))


#: the topic code of the coverage row of climate items on no topic (in links to a cell's items)
NO_TOPIC = "none"


@dataclass(frozen=True)
class CoverageCell:
    items: int = 0
    measures: int = 0
    max_level: int | None = None
    year: int | None = None  # None: the row's total
    topic: str = NO_TOPIC  # the row's topic code

    @property
    def shade(self) -> str:
        """A CSS class for the heat map's colour: more items, darker (static/css/app.css)."""
        return f"coverage-shade-{min(self.items, 4)}"

    @property
    def empty(self) -> bool:
        return not self.items and not self.measures and self.max_level is None

    @property
    def max_level_label(self) -> str:
        return "" if self.max_level is None else Level(self.max_level).label


@dataclass(frozen=True)
class CoverageRow:
    topic: Topic | None  # None: climate items with no measure topic
    cells: tuple[CoverageCell, ...]
    total: CoverageCell


@dataclass(frozen=True)
class Coverage:
    years: tuple[int, ...]
    rows: tuple[CoverageRow, ...]


def build_coverage(
    *,
    topics: list[Topic],
    years: Iterable[int],
    measure_topics: dict[int, set[int]],
    measure_dates: dict[int, list[datetime.date | None]],
    events: Iterable[tuple[int, datetime.date, int]],
    items: Iterable[tuple[int, datetime.date, int | None]],
    classified: dict[int, set[int]] | None = None,
) -> Coverage:
    """The topics x years matrix of a municipality (pure).

    - ``topics``: the rows, in order; a last row (topic ``None``) holds climate items not linked
      to a measure with a topic, and measures without a topic.
    - ``years``: years that must appear (e.g. years with meetings); the columns run without
      gaps from the first to the last year of these and of the data, so empty years show.
    - ``measure_topics``: topic ids per measure id, for *every* measure of the municipality.
    - ``measure_dates``: proposal and decision dates per measure id.
    - ``events``: ``(measure id, date, level)`` per involvement event.
    - ``items``: ``(item id, meeting date, linked measure id or None)``, one row per link.
    - ``classified``: topic ids per climate item id, from the classifier's evidence
      (:func:`measures.topics.classifier_topics`).

    A cell (topic, year) counts the climate items on the agenda that year on the topic (linked to
    a measure with the topic, or classified under it; the last row: neither), the measures with the topic that were active that year (proposed, decided,
    on the agenda or with an involvement event), and the highest involvement level of the events
    that year. The total column counts distinct items and all measures with the topic, and the
    highest level ever.
    """
    item_sets: dict[tuple, set[int]] = defaultdict(set)
    measure_sets: dict[tuple, set[int]] = defaultdict(set)
    levels: dict[tuple, int] = {}
    data_years: set[int] = set(years)

    def topics_of(measure_id):
        return measure_topics.get(measure_id) or {None}

    def active(measure_id, year):
        for topic in topics_of(measure_id):
            measure_sets[(topic, year)].add(measure_id)
        data_years.add(year)

    items = list(items)
    for _item_id, day, measure_id in items:
        data_years.add(day.year)
        if measure_id is not None:
            active(measure_id, day.year)
    for item_id, (year, topics_of_item) in item_topics(items, measure_topics, classified).items():
        for topic in topics_of_item:
            item_sets[(topic, year)].add(item_id)
    for measure_id, dates in measure_dates.items():
        for day in dates:
            if day is not None:
                active(measure_id, day.year)
    for measure_id, day, level in events:
        active(measure_id, day.year)
        for topic in topics_of(measure_id):
            key = (topic, day.year)
            levels[key] = max(levels.get(key, level), level)

    column_years = tuple(range(min(data_years), max(data_years) + 1)) if data_years else ()
    rows = []
    for topic in [*topics, None]:
        topic_id = topic.pk if topic is not None else None
        code = topic.code if topic is not None else NO_TOPIC
        cells = tuple(
            CoverageCell(
                items=len(item_sets.get((topic_id, year), ())),
                measures=len(measure_sets.get((topic_id, year), ())),
                max_level=levels.get((topic_id, year)),
                year=year,
                topic=code,
            )
            for year in column_years
        )
        all_items = set().union(*(item_sets.get((topic_id, y), set()) for y in column_years))
        all_measures = {m for m, ts in measure_topics.items() if topic_id in (ts or {None})}
        row_levels = [lv for (t, _y), lv in levels.items() if t == topic_id]
        rows.append(
            CoverageRow(
                topic=topic,
                cells=cells,
                total=CoverageCell(
                    items=len(all_items),
                    measures=len(all_measures),
                    max_level=max(row_levels) if row_levels else None,
                    topic=code,
                ),
            )
        )
    return Coverage(years=column_years, rows=tuple(rows))


def item_topics(items, measure_topics: dict[int, set[int]], classified: dict[int, set[int]] | None):
    """{item id: (year, topic ids)} of the coverage: the topics of the measures an item is linked
    to and those the classifier found for it; ``{None}`` when it has neither (the "no topic" row).
    ``items`` and the rest as for :func:`build_coverage`."""
    classified = classified or {}
    topics: dict[int, set] = defaultdict(set)
    years: dict[int, int] = {}
    for item_id, day, measure_id in items:
        years[item_id] = day.year
        topics[item_id] |= classified.get(item_id, set())
        if measure_id is not None:
            topics[item_id] |= measure_topics.get(measure_id) or set()
    return {item_id: (year, topics[item_id] or {None}) for item_id, year in years.items()}


def coverage_items(user, municipality: Municipality, topic_code: str, year: int) -> list[AgendaItem]:
    """The agenda items one cell of the coverage counts (topic code, or :data:`NO_TOPIC`; year),
    as ``user`` sees them, by meeting date: the same input and rule as :func:`coverage_for`."""
    inputs = _coverage_input(user, municipality)
    topic_id = next((t.pk for t in inputs["topics"] if t.code == topic_code), None)
    if topic_id is None and topic_code != NO_TOPIC:
        return []
    ids = [
        item_id
        for item_id, (item_year, topics) in item_topics(
            inputs["items"], inputs["measure_topics"], inputs["classified"]
        ).items()
        if item_year == year and topic_id in topics
    ]
    return list(
        AgendaItem.objects.filter(pk__in=ids).select_related("meeting__body").order_by("meeting__date", "position")
    )


def coverage_for(user, municipality: Municipality) -> Coverage:
    """Gather the coverage input for ``municipality`` as ``user`` sees it (six queries)."""
    return build_coverage(**_coverage_input(user, municipality))


def _coverage_input(user, municipality: Municipality) -> dict:
    topics = list(Topic.objects.all())
    meeting_years = [
        day.year
        for day in Meeting.objects.visible_to(user)
        .in_municipality(municipality)
        .exclude(state=Meeting.State.CANCELLED)
        .dates("date", "year")
    ]
    measure_topics: dict[int, set[int]] = defaultdict(set)
    measure_dates: dict[int, list] = {}
    for measure_id, proposed, decided, topic_id in ClimateMeasure.objects.in_municipality(
        municipality
    ).values_list("id", "proposed_date", "decision_date", "topics"):
        measure_dates[measure_id] = [proposed, decided]
        if topic_id is not None:
            measure_topics[measure_id].add(topic_id)
        else:
            measure_topics.setdefault(measure_id, set())
    events = Involvement.objects.in_municipality(municipality).values_list("measure_id", "date", "level")
    linked = ClimateMeasure.agenda_items.through.objects.filter(
        climatemeasure__municipality=municipality
    ).values("agendaitem_id")
    visible = AgendaItem.objects.visible_to(user).in_municipality(municipality)
    items = visible.filter(climate_item_q() | Q(pk__in=linked)).values_list("id", "meeting__date", "climate_measures")
    topic_ids = {topic.code: topic.pk for topic in topics}
    classified = {
        item_id: {topic_ids[code] for code in classifier_topics(evidence) if code in topic_ids}
        for item_id, evidence in visible.filter(climate_item_q()).values_list("id", "climate_evidence")
    }
    return dict(
        topics=topics,
        years=meeting_years,
        measure_topics=dict(measure_topics),
        measure_dates=measure_dates,
        events=list(events),
        items=list(items),
        classified=classified,
    )


# --- the employee side's requests -------------------------------------------------------------


class RequestOutcome(models.TextChoices):
    ON_AGENDA = "on_agenda", gettext_lazy("Reached the agenda")
    WAITING = "waiting", gettext_lazy("Asked for an agenda item, not on an agenda yet")
    QUESTION = "question", gettext_lazy("Question or statement (no agenda item asked for)")


def request_outcome(request: Request, user) -> str:
    """Whether the request reached the agenda, as ``user`` may know it: an item in a draft the user
    may not read does not count (:func:`municipalities.permissions.readable`)."""
    if permissions.readable(user, request.resulting_item):
        return RequestOutcome.ON_AGENDA
    if request.asks_for_agenda_item:
        return RequestOutcome.WAITING
    return RequestOutcome.QUESTION


def employee_requests(user, municipality: Municipality) -> list[Request]:
    """Requests and questions from the employee side, newest first, each with ``.outcome``."""
    requests = list(
        Request.objects.visible_to(user)
        .in_municipality(municipality)
        .select_related("meeting__body", "person", "organisation", "raised_under", "resulting_item__meeting__body")
        .order_by("-meeting__date", "id")
    )
    for request in requests:
        request.outcome = request_outcome(request, user)
    return requests


# --- suggestions from imported protocols -------------------------------------------------------

ARENA_BY_BODY_KIND = {
    Body.Kind.PSU: Involvement.Arena.PSU,
    Body.Kind.AMU: Involvement.Arena.AMU,
    Body.Kind.HAMU: Involvement.Arena.AMU,
    Body.Kind.DROFTING: Involvement.Arena.DROFTING,
    Body.Kind.WORKING_GROUP: Involvement.Arena.WORKING_GROUP,
    Body.Kind.TREPARTS: Involvement.Arena.OTHER,
}
EMPLOYEE_ORG_KINDS = (Organisation.Kind.UNION, Organisation.Kind.FEDERATION)


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
            suggestions.append(
                Suggestion(
                    key=f"request-{request.pk}",
                    reason=_("%(who)s asked for the item that put the measure on the agenda") % {"who": who},
                    date=meeting.date,
                    arena=arena,
                    arena_detail=meeting.body.name,
                    level=Level.INITIATED,
                    unions=unions,
                    position_text=_shorten(request.text),
                    agenda_item=None,
                    note=_("Led to item %(item)s on %(day)s.")
                    % {"item": target, "day": target.meeting.date.strftime("%d.%m.%Y")},
                    source_request=request,
                )
            )
        else:
            suggestions.append(
                Suggestion(
                    key=f"request-{request.pk}",
                    reason=_("%(who)s raised a question or request under the item") % {"who": who},
                    date=meeting.date,
                    arena=arena,
                    arena_detail=meeting.body.name,
                    level=Level.CONSULTED,
                    unions=unions,
                    position_text=_shorten(request.text),
                    agenda_item=request.raised_under,
                    source_request=request,
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


# --- saving --------------------------------------------------------------------------------------


@transaction.atomic
def save_involvement(form, user, suggestion: Suggestion | None = None) -> Involvement:
    """Save an involvement form; a new event records who recorded it and from which side."""
    involvement = form.save(commit=False)
    if involvement.pk is None:
        involvement.recorded_by = user
        involvement.recorded_by_side = recorder_side(user)
        if suggestion is not None:
            involvement.source_proposal = suggestion.source_proposal
            involvement.source_request = suggestion.source_request
    involvement.save()
    form.save_m2m()
    return involvement


@transaction.atomic
@transaction.atomic
def save_measure(form) -> ClimateMeasure:
    """Save the measure form; :class:`~meetings.versioning.StaleEdit`, writing nothing, when
    someone saved the measure after the form was loaded."""
    claim_versions(form)
    measure = form.save()
    return measure


@transaction.atomic
def save_process_answers(measure: ClimateMeasure, answers: dict[int, tuple[str, str]]) -> None:
    """``answers`` maps each question to ``(answer, note)``; an empty answer removes the row."""
    existing = {a.question: a for a in ProcessAnswer.objects.filter(measure=measure)}
    for question, (answer, note) in answers.items():
        current = existing.get(question)
        if not answer:
            if current:
                current.delete()
            continue
        if current is None:
            ProcessAnswer.objects.create(measure=measure, question=question, answer=answer, note=note)
        elif (current.answer, current.note) != (answer, note):
            current.answer, current.note = answer, note
            current.save()


def process_answers(measure: ClimateMeasure) -> list[tuple[str, ProcessAnswer | None]]:
    """Every question in order, with its answer or None."""
    answers = {a.question: a for a in measure.process_answers.all()}
    return [(label, answers.get(value)) for value, label in ProcessAnswer.Question.choices]


def link_item(measure: ClimateMeasure, item: AgendaItem) -> bool:
    """Link ``item`` to ``measure``; False when it was linked already."""
    if measure.agenda_items.filter(pk=item.pk).exists():
        return False
    measure.agenda_items.add(item)
    return True


def measure_history(measure: ClimateMeasure, limit: int = 200) -> list[HistoryEntry]:
    """Who changed what and when: the measure, its involvement events and process answers."""
    entries = history_entries(
        ClimateMeasure.history.filter(id=measure.pk)
        .select_related("history_user")
        .prefetch_related(*(m2m_history_accessor(ClimateMeasure.history.model, n) for n in ("topics", "agenda_items"))),
        _("measure"),
        attrgetter("title"),
    )
    entries += history_entries(
        Involvement.history.filter(measure_id=measure.pk)
        .select_related("history_user")
        .prefetch_related(*(m2m_history_accessor(Involvement.history.model, n) for n in ("unions", "representatives"))),
        _("involvement"),
        lambda r: f"{r.date:%d.%m.%Y} {r.get_arena_display()}",
    )
    entries += history_entries(
        ProcessAnswer.history.filter(measure_id=measure.pk).select_related("history_user"),
        _("process question"),
        lambda r: _("question %(number)s") % {"number": r.question},
    )
    entries.sort(key=attrgetter("when"), reverse=True)
    return entries[:limit]


def green_representatives(municipality: Municipality):
    return GreenRepresentative.objects.in_municipality(municipality).select_related("person", "union")



@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # "event" or "decision"
    date: datetime.date
    involvement: Involvement | None = None


def timeline(involvements: Iterable[Involvement], decision_date: datetime.date | None) -> list[TimelineEntry]:
    """Events in date order with the decision placed among them.

    Events on the decision date come before the decision, as :func:`timing_for` counts them.
    """
    entries = [TimelineEntry("event", i.date, i) for i in sorted(involvements, key=attrgetter("date", "pk"))]
    if decision_date is None:
        return entries
    index = next((n for n, e in enumerate(entries) if e.date > decision_date), len(entries))
    entries.insert(index, TimelineEntry("decision", decision_date))
    return entries
