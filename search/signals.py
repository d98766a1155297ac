"""Keep the index current: saves and deletes of the searchable rows and of the rows above them,
and the ``meetings_changed`` signal (imports, reclassification and other bulk writes that bypass
``save()``), which rebuilds the documents of the meetings it names (else of the municipalities).
Measures are saved through ``save()`` and their links through ``m2m_changed``, so the model
signals cover them.

A saved row rebuilds its own documents at once (a few queries). Whole meetings (a meeting or a
body saved, ``meetings_changed``) and municipalities are rebuilt by the background worker
(:func:`search.tasks.reindex`), enqueued once per commit with everything the transaction asked
for, so a save does not rebuild every document of its meeting inside the request.

Lower apps do not know about search: this module listens to their signals.
"""
from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from measures.models import ClimateMeasure
from meetings.models import AgendaItem, Meeting, Proposal, Request
from meetings.signals import meetings_changed
from municipalities.models import Body

from . import indexing
from .models import SearchDocument

Kind = SearchDocument.Kind


def _item_and_below(item_ids) -> None:
    item_ids = list(item_ids)
    indexing.index(Kind.ITEM, item_ids)
    indexing.index(Kind.PROPOSAL, Proposal.objects.filter(item_id__in=item_ids).values_list("pk", flat=True))
    indexing.index(Kind.REQUEST, Request.objects.filter(raised_under_id__in=item_ids).values_list("pk", flat=True))


def reindex_meetings(meeting_ids) -> None:
    """Rebuild every document of these meetings: their items, proposals and requests."""
    meeting_ids = list(meeting_ids)
    _item_and_below(AgendaItem.objects.filter(meeting_id__in=meeting_ids).values_list("pk", flat=True))
    indexing.index(Kind.REQUEST, Request.objects.filter(meeting_id__in=meeting_ids).values_list("pk", flat=True))


def item_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _item_and_below([instance.pk])


def proposal_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index(Kind.PROPOSAL, [instance.pk])


def request_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index(Kind.REQUEST, [instance.pk])


_local = threading.local()


class _Reindex:
    """The meetings and municipalities to rebuild after one commit, enqueued as one task by the
    first of the commit's callbacks (they run one after another; the others find it done). Ids
    added in a savepoint that rolled back are rebuilt anyway, which is harmless."""

    def __init__(self):
        self.meetings: set[int] = set()
        self.municipalities: set[str] = set()
        self.done = False

    def __call__(self):
        if not self.done:
            self.done = True
            from .tasks import reindex

            reindex.enqueue(sorted(self.meetings), sorted(self.municipalities))


def after_commit(meeting_ids=(), municipality_ids=()) -> None:
    """Rebuild the documents of these meetings and municipalities after the commit, in the worker."""
    pending = getattr(_local, "pending", None)
    if pending is None or pending.done:
        pending = _local.pending = _Reindex()
    pending.meetings.update(meeting_ids)
    pending.municipalities.update(municipality_ids)
    # robust: a failed enqueue must not fail a request whose change is committed
    transaction.on_commit(pending, robust=True)


def meeting_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        after_commit(meeting_ids=[instance.pk])


def body_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        after_commit(meeting_ids=Meeting.objects.filter(body=instance).values_list("pk", flat=True))


def measure_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index(Kind.MEASURE, [instance.pk])


def measure_links_changed(sender, instance, action, pk_set=None, **kwargs):
    """Topics or agenda items of a measure changed: the measure and its items (their topics)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, ClimateMeasure):
        indexing.index(Kind.MEASURE, [instance.pk])
        _item_and_below(instance.agenda_items.values_list("pk", flat=True))
        if sender is ClimateMeasure.agenda_items.through and pk_set:
            _item_and_below(pk_set)
    elif isinstance(instance, AgendaItem):
        _item_and_below([instance.pk])


def deleted(kind):
    def handler(sender, instance, **kwargs):
        SearchDocument.objects.filter(kind=kind, object_id=instance.pk).delete()
    return handler


def municipalities_changed(sender, municipality_ids=(), meeting_ids=None, **kwargs):
    """Rebuild the documents of the meetings named, or else of the municipalities, after the
    commit (the import's transaction stays short; alerts, queued after this at a lower priority,
    read current documents)."""
    if meeting_ids is not None:
        after_commit(meeting_ids=meeting_ids)
    else:
        after_commit(municipality_ids=municipality_ids)


_delete_handlers = {kind: deleted(kind) for kind in Kind.values}


def connect() -> None:
    uid = "search.index"
    post_save.connect(item_saved, sender=AgendaItem, dispatch_uid=f"{uid}.item")
    post_save.connect(proposal_saved, sender=Proposal, dispatch_uid=f"{uid}.proposal")
    post_save.connect(request_saved, sender=Request, dispatch_uid=f"{uid}.request")
    post_save.connect(meeting_saved, sender=Meeting, dispatch_uid=f"{uid}.meeting")
    post_save.connect(body_saved, sender=Body, dispatch_uid=f"{uid}.body")
    post_save.connect(measure_saved, sender=ClimateMeasure, dispatch_uid=f"{uid}.measure")
    for model, kind in ((AgendaItem, Kind.ITEM), (Proposal, Kind.PROPOSAL), (Request, Kind.REQUEST),
                        (ClimateMeasure, Kind.MEASURE)):
        post_delete.connect(_delete_handlers[kind], sender=model, dispatch_uid=f"{uid}.delete.{kind}")
    m2m_changed.connect(measure_links_changed, sender=ClimateMeasure.topics.through, dispatch_uid=f"{uid}.topics")
    m2m_changed.connect(
        measure_links_changed, sender=ClimateMeasure.agenda_items.through, dispatch_uid=f"{uid}.items"
    )
    meetings_changed.connect(municipalities_changed, dispatch_uid=f"{uid}.meetings_changed")
