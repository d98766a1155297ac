"""Signals the meetings app sends; other apps (the dashboards' statistics) listen.

Model signals report every ``save()`` and ``delete()``; ``meetings_changed`` reports writes that
bypass them (``bulk_create``, ``update``): sent with ``municipality_ids`` (municipality numbers)
and, when known, ``meeting_ids`` (the meetings whose records changed), e.g. after a confirmed
import (:func:`imports.importing.apply_preview`).
"""
from django.dispatch import Signal

meetings_changed = Signal()


def send_meetings_changed(sender, *municipality_ids, meeting_ids=None) -> None:
    ids = sorted({str(i) for i in municipality_ids if i})
    if ids or meeting_ids:
        meetings_changed.send(sender=sender, municipality_ids=ids, meeting_ids=meeting_ids)
