"""Marking synthetic rows, refusing to mix them with real data, and clearing them."""
from __future__ import annotations

from collections import Counter

from django.db import transaction

from dashboards.statistics import refresh_statistics
from measures.models import (
    ClimateMeasure,
    DismissedSuggestion,
    GreenRepresentative,
    Involvement,
    ProcessAnswer,
)
from meetings.models import AgendaItem, Attendance, Meeting, MeetingSource, Proposal, Request
from municipalities.models import Body, Membership, Person

from ..models import SyntheticDataset
from .config import GENERATOR_VERSION

# --- marking and refusing -----------------------------------------------------------------------


def _marked(name: str):
    through = getattr(SyntheticDataset, name).through
    column = {"bodies": "body_id", "people": "person_id", "measures": "climatemeasure_id"}[name]
    return through.objects.values(column)


def real_data() -> dict[str, int]:
    """Rows that are not synthetic, by kind (only kinds with rows): demo data, imports, hand entry."""
    bodies, people, measures = _marked("bodies"), _marked("people"), _marked("measures")
    found = {
        "bodies": Body.objects.exclude(pk__in=bodies).count(),
        "meetings": Meeting.objects.exclude(body_id__in=bodies).count(),
        "people": Person.objects.exclude(pk__in=people).count(),
        "climate measures": ClimateMeasure.objects.exclude(pk__in=measures).count(),
    }
    return {kind: n for kind, n in found.items() if n}


def _raw_delete(queryset) -> int:
    """DELETE without Django's collector: no cascades, no signals, so no history rows and no
    million objects in memory. The caller deletes children first."""
    return queryset._raw_delete(queryset.db) or 0


@transaction.atomic
def clear() -> dict[str, int]:
    """Remove every synthetic dataset and all rows under it; real data stays as it is.

    References from real rows to synthetic ones (possible only after ``--force``) are handled as
    the models' ``on_delete`` says: set to NULL, or the link row removed.
    """
    bodies, people, measures = _marked("bodies"), _marked("people"), _marked("measures")
    in_meetings = {"meeting__body_id__in": bodies}
    removed: Counter = Counter()
    affected = set(Body.objects.filter(pk__in=bodies.values("body_id")).values_list("municipality_id", flat=True))
    affected |= set(ClimateMeasure.objects.filter(pk__in=measures.values("climatemeasure_id")).values_list(
        "municipality_id", flat=True))
    # real rows pointing into synthetic data (SET_NULL / link rows)
    real_involvements = Involvement.objects.exclude(measure_id__in=measures)
    real_involvements.filter(agenda_item__meeting__body_id__in=bodies).update(agenda_item=None)
    real_involvements.filter(source_proposal__item__meeting__body_id__in=bodies).update(source_proposal=None)
    real_involvements.filter(source_request__meeting__body_id__in=bodies).update(source_request=None)
    ClimateMeasure.objects.exclude(pk__in=measures).filter(decision_item__meeting__body_id__in=bodies).update(
        decision_item=None
    )
    _raw_delete(ClimateMeasure.agenda_items.through.objects.exclude(climatemeasure_id__in=measures).filter(
        agendaitem__meeting__body_id__in=bodies))
    _raw_delete(Involvement.representatives.through.objects.exclude(involvement__measure_id__in=measures).filter(
        person_id__in=people))
    real_requests = Request.objects.exclude(**in_meetings)
    real_requests.filter(resulting_item__meeting__body_id__in=bodies).update(resulting_item=None)
    real_requests.filter(raised_under__meeting__body_id__in=bodies).update(raised_under=None)
    real_requests.filter(person_id__in=people).update(person=None)
    real_attendance = Attendance.objects.exclude(**in_meetings)
    real_attendance.filter(membership__body_id__in=bodies).update(membership=None)
    real_attendance.filter(substitute_for__body_id__in=bodies).update(substitute_for=None)
    protected = (real_attendance.filter(person_id__in=people).count()
                 + Membership.objects.exclude(body_id__in=bodies).filter(person_id__in=people).count())
    if protected:
        raise RuntimeError(
            f"{protected} attendance or membership rows of real bodies refer to synthetic people; "
            "remove them (or the people's seats) before clearing the synthetic data."
        )
    # measures
    removed["involvement unions"] = _raw_delete(
        Involvement.unions.through.objects.filter(involvement__measure_id__in=measures))
    removed["involvement representatives"] = _raw_delete(
        Involvement.representatives.through.objects.filter(involvement__measure_id__in=measures))
    removed["involvements"] = _raw_delete(Involvement.objects.filter(measure_id__in=measures))
    removed["process answers"] = _raw_delete(ProcessAnswer.objects.filter(measure_id__in=measures))
    _raw_delete(DismissedSuggestion.objects.filter(measure_id__in=measures))
    removed["measure topics"] = _raw_delete(ClimateMeasure.topics.through.objects.filter(climatemeasure_id__in=measures))
    removed["measure items"] = _raw_delete(
        ClimateMeasure.agenda_items.through.objects.filter(climatemeasure_id__in=measures))
    # meetings
    removed["proposers"] = _raw_delete(Proposal.proposers.through.objects.filter(proposal__item__meeting__body_id__in=bodies))
    removed["proposals"] = _raw_delete(Proposal.objects.filter(item__meeting__body_id__in=bodies))
    removed["requests"] = _raw_delete(Request.objects.filter(**in_meetings))
    removed["attendance"] = _raw_delete(Attendance.objects.filter(**in_meetings))
    _raw_delete(MeetingSource.objects.filter(**in_meetings))
    # the marker's own link rows go before the rows they point to: read the ids first
    removed["datasets"] = SyntheticDataset.objects.count()
    body_ids = list(bodies.values_list("body_id", flat=True))
    person_ids = list(people.values_list("person_id", flat=True))
    measure_ids = list(measures.values_list("climatemeasure_id", flat=True))
    for name in ("bodies", "people", "measures"):
        _raw_delete(getattr(SyntheticDataset, name).through.objects.all())
    _raw_delete(SyntheticDataset.objects.all())
    removed["measures"] = _delete_in(ClimateMeasure, "pk", measure_ids)
    removed["agenda items"] = _delete_in(AgendaItem, "meeting__body_id", body_ids)
    removed["meetings"] = _delete_in(Meeting, "body_id", body_ids)
    removed["green representatives"] = _delete_in(GreenRepresentative, "person_id", person_ids)
    removed["memberships"] = _delete_in(Membership, "body_id", body_ids)
    removed["bodies"] = _delete_in(Body, "pk", body_ids)
    removed["people"] = _delete_in(Person, "pk", person_ids)
    refresh_statistics(affected)
    return {kind: n for kind, n in removed.items() if n}


def _delete_in(model, path: str, ids: list) -> int:
    deleted = 0
    for start in range(0, len(ids), 20000):
        deleted += _raw_delete(model.objects.filter(**{f"{path}__in": ids[start:start + 20000]}))
    return deleted


def present(seed: int, municipalities: int, years: int, end_year: int) -> SyntheticDataset | None:
    """The dataset with exactly these parameters made by this version of the generator, if any."""
    return SyntheticDataset.objects.filter(
        seed=seed, municipalities=municipalities, years=years, end_year=end_year,
        generator_version=GENERATOR_VERSION,
    ).first()
