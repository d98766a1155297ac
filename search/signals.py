"""Keep the index current: saves and deletes of the searchable rows and of the rows above them,
and the ``meetings_changed`` signal (imports, reclassification and other bulk writes that bypass
``save()``), which rebuilds the documents of the meetings it names (else of the municipalities)
once the transaction has committed. Measures are saved through ``save()`` and their links
through ``m2m_changed``, so the model signals cover them.

Lower apps do not know about search: this module listens to their signals.
"""
from __future__ import annotations

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


def _meetings(meeting_ids) -> None:
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


def meeting_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _meetings([instance.pk])


def body_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        _meetings(Meeting.objects.filter(body=instance).values_list("pk", flat=True))


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
    commit (the import's transaction stays short; alerts, queued after this, read current documents)."""
    if meeting_ids is not None:
        meetings = list(meeting_ids)
        transaction.on_commit(lambda: _meetings(meetings))
        return
    ids = list(municipality_ids)
    transaction.on_commit(lambda: indexing.index_municipalities(ids))


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
