"""Signals the meetings app sends; other apps (the dashboards' statistics) listen.

``meetings_changed``: meetings, agenda items, attendance, proposals or requests of some
municipalities changed. Sent with ``municipality_ids`` (municipality numbers) after
:func:`meetings.services.save_meeting`, :func:`~meetings.services.save_item`, a confirmed import
(:func:`meetings.importing.apply_preview`), a climate override and a meeting deletion.
"""
from django.dispatch import Signal

meetings_changed = Signal()


def send_meetings_changed(sender, *municipality_ids) -> None:
    ids = sorted({str(i) for i in municipality_ids if i})
    if ids:
        meetings_changed.send(sender=sender, municipality_ids=ids)
