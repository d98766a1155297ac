"""Which statistics a change makes stale: model signals mark them, the worker recomputes them.

Every model the counts read (:mod:`dashboards.definitions`) is watched with ``pre_save``,
``post_save``, ``pre_delete`` and, for its many-to-many fields, ``m2m_changed``, so a change
through a form, the admin, an import or any ORM ``save()`` counts. A receiver only works out the
(municipality, body kind, day) keys the record touched before and after the change and stores
them as :class:`~dashboards.models.StaleStatistics` rows, in the transaction of the change; after
the commit it enqueues :func:`dashboards.tasks.refresh_stale_statistics` (once per commit), which
the background worker runs. Nothing is recomputed on the write path.

Writes that bypass model signals call :func:`mark_meetings` or :func:`mark_municipalities`
(through the ``meetings_changed`` signal of the meetings app), or, for bulk loads,
:func:`dashboards.statistics.refresh_statistics` inside :func:`suspended`.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from measures.models import ClimateMeasure, Involvement, Topic
from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from meetings.signals import meetings_changed
from municipalities.models import Body, Membership, Municipality, Organisation

from . import summary_cache
from .models import StaleStatistics

_local = threading.local()

#: the path from each watched record to the meeting(s) whose day it counts in
MEETING_PATHS: dict[type, tuple[str, ...]] = {
    Meeting: ("",),
    AgendaItem: ("meeting__",),
    Attendance: ("meeting__",),
    Request: ("meeting__", "raised_under__meeting__"),
    Proposal: ("item__meeting__",),
    Involvement: ("agenda_item__meeting__",),
}


# --- marking ----------------------------------------------------------------------------------------


@contextmanager
def suspended():
    """Mark nothing in this thread (for bulk loads that rebuild the statistics themselves)."""
    before = getattr(_local, "suspended", False)
    _local.suspended = True
    try:
        yield
    finally:
        _local.suspended = before


class _Enqueue:
    """Enqueues the refresh once for all the marks of one commit (the callbacks of one commit run
    one after another, so the first enqueues and the others find it done)."""

    done = False

    def __call__(self):
        if not self.done:
            self.done = True
            from .tasks import refresh_stale_statistics

            refresh_stale_statistics.enqueue()


def _schedule() -> None:
    pending = getattr(_local, "pending", None)
    if pending is None or pending.done:
        pending = _local.pending = _Enqueue()
    # robust: a failed enqueue must not fail a request whose change is committed; its marks stay
    # and the next refresh handles them
    transaction.on_commit(pending, robust=True)


def mark(keys) -> None:
    """Mark (municipality, body kind, day) keys stale and schedule their refresh after the commit."""
    keys = {key for key in keys if all(key)}
    if not keys or getattr(_local, "suspended", False):
        return
    StaleStatistics.objects.bulk_create(
        StaleStatistics(municipality_id=number, body_kind=kind, date=day) for number, kind, day in keys
    )
    _schedule()


def mark_municipalities(numbers) -> None:
    """Mark whole municipalities stale (the worker rebuilds them)."""
    numbers = {str(n) for n in numbers if n}
    if not numbers or getattr(_local, "suspended", False):
        return
    StaleStatistics.objects.bulk_create(StaleStatistics(municipality_id=number) for number in numbers)
    _schedule()


def meeting_keys(meetings, prefix: str = "") -> set:
    """The keys of ``meetings`` (a queryset of any model, with ``prefix`` the path to its meeting)."""
    return set(
        meetings.values_list(f"{prefix}body__municipality_id", f"{prefix}body__kind", f"{prefix}date").distinct()
    )


def mark_meetings(meeting_ids) -> None:
    mark(meeting_keys(Meeting.objects.filter(pk__in=list(meeting_ids))))


def _record_keys(model, pk) -> set:
    keys = set()
    for prefix in MEETING_PATHS[model]:
        keys |= meeting_keys(model._base_manager.filter(pk=pk), prefix)
    return keys


# --- receivers: records that belong to a meeting -----------------------------------------------------


def _before_save(sender, instance, raw=False, **kwargs):
    """Remember the keys the record counted in before the change (it may move to another day)."""
    instance._stale_keys = set() if instance._state.adding else _record_keys(sender, instance.pk)


def _after_save(sender, instance, raw=False, **kwargs):
    mark(getattr(instance, "_stale_keys", set()) | _record_keys(sender, instance.pk))


def _before_delete(sender, instance, **kwargs):
    mark(_record_keys(sender, instance.pk))


# --- receivers: records many meetings depend on --------------------------------------------------------

#: the fields of each record that the counts read (a change to another field changes no figure)
COUNTED_FIELDS: dict[type, tuple[str, ...]] = {
    Body: ("municipality_id", "kind"),
    Membership: ("side", "role"),
    Organisation: ("kind",),
    Topic: ("code",),
}


def _dependent_keys(sender, pk) -> set:
    """The keys of the meetings whose counts read the record ``pk`` of ``sender``."""
    if sender is Body:
        return meeting_keys(Meeting.objects.filter(body_id=pk))
    if sender is Membership:
        return meeting_keys(Attendance.objects.filter(Q(membership_id=pk) | Q(substitute_for_id=pk)), "meeting__")
    if sender is Organisation:
        return meeting_keys(AgendaItem.objects.filter(proposals__proposers=pk), "meeting__")
    return meeting_keys(AgendaItem.objects.filter(climate_measures__topics=pk), "meeting__")  # Topic


def _before_shared_save(sender, instance, raw=False, **kwargs):
    instance._stale_keys = set()
    if instance._state.adding:
        return
    before = sender._base_manager.filter(pk=instance.pk).values(*COUNTED_FIELDS[sender]).first()
    if before and any(before[f] != getattr(instance, f) for f in COUNTED_FIELDS[sender]):
        instance._stale_keys = _dependent_keys(sender, instance.pk)


def _after_shared_save(sender, instance, raw=False, **kwargs):
    if getattr(instance, "_stale_keys", None):  # the same days, now under the new values
        mark(instance._stale_keys | _dependent_keys(sender, instance.pk))


def _before_shared_delete(sender, instance, **kwargs):
    mark(_dependent_keys(sender, instance.pk))


def _before_measure_delete(sender, instance, **kwargs):
    """Its links to agenda items go with it, without signals of their own."""
    mark(meeting_keys(instance.agenda_items.all(), "meeting__"))


# --- receivers: many-to-many links ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Link:
    """A many-to-many field the counts read, and the agenda items its records reach."""

    forward: type  # the model that declares the field
    field: str
    to_items: Callable[[QuerySet], Q]  # records of ``forward`` -> a condition on agenda items

    def receiver(self, sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "pre_clear"):
            return
        if not reverse:
            forward, targets = self.forward.objects.filter(pk=instance.pk), pk_set
        elif action == "pre_clear":
            forward, targets = self.forward.objects.filter(**{self.field: instance.pk}), {instance.pk}
        else:
            forward, targets = self.forward.objects.filter(pk__in=pk_set), {instance.pk}
        reached = self.to_items(forward)
        if self.field == "agenda_items" and targets:  # a link just removed no longer reaches its item
            reached |= Q(pk__in=targets)
        mark(meeting_keys(AgendaItem.objects.filter(reached), "meeting__"))


LINKS = (
    _Link(Proposal, "proposers", lambda proposals: Q(proposals__in=proposals)),
    _Link(ClimateMeasure, "agenda_items", lambda measures: Q(climate_measures__in=measures)),
    _Link(ClimateMeasure, "topics", lambda measures: Q(climate_measures__in=measures)),
)


def _meetings_changed(sender, municipality_ids=(), meeting_ids=None, **kwargs):
    if meeting_ids is not None:
        mark_meetings(meeting_ids)
    else:
        mark_municipalities(municipality_ids)


def connect() -> None:
    """Connect the receivers (from :meth:`dashboards.apps.DashboardsConfig.ready`)."""
    for model in MEETING_PATHS:
        uid = f"dashboards.stale.{model.__name__}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(_after_save, sender=model, dispatch_uid=uid)
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=uid)
    for model in COUNTED_FIELDS:
        uid = f"dashboards.stale.{model.__name__}"
        pre_save.connect(_before_shared_save, sender=model, dispatch_uid=uid)
        post_save.connect(_after_shared_save, sender=model, dispatch_uid=uid)
        pre_delete.connect(_before_shared_delete, sender=model, dispatch_uid=uid)
    pre_delete.connect(_before_measure_delete, sender=ClimateMeasure, dispatch_uid="dashboards.stale.measure")
    for link in LINKS:
        through = getattr(link.forward, link.field).through
        m2m_changed.connect(link.receiver, sender=through, weak=False, dispatch_uid=f"dashboards.stale.{through.__name__}")
    meetings_changed.connect(_meetings_changed, dispatch_uid="dashboards.stale.meetings_changed")
    # measure figures are counted from the records, and the register data is shown beside the
    # figures: a change to them makes the cached summaries old (dashboards.summary_cache)
    for model in (ClimateMeasure, Involvement, Municipality):
        uid = f"dashboards.summary_cache.{model.__name__}"
        post_save.connect(_summary_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_summary_changed, sender=model, dispatch_uid=uid)


def _summary_changed(sender, raw=False, **kwargs):
    if not raw:
        summary_cache.bump()
