"""Signals the measures app sends; other apps (the dashboards' statistics) listen.

``measures_changed``: climate measures, their involvement events, topics or agenda-item links
of some municipalities changed. Sent with ``municipality_ids`` (municipality numbers).
"""
from django.dispatch import Signal

measures_changed = Signal()


def send_measures_changed(sender, *municipality_ids) -> None:
    ids = sorted({str(i) for i in municipality_ids if i})
    if ids:
        measures_changed.send(sender=sender, municipality_ids=ids)
