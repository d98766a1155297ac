"""The subscriptions app listens to the meetings app; the meetings app does not know about alerts."""
from __future__ import annotations

from django.db import transaction

from meetings.signals import meetings_changed


def meetings_changed_handler(sender, municipality_ids=(), **kwargs):
    from .tasks import alert_on_changes

    ids = list(municipality_ids)
    # after the commit, so the worker reads what was saved (and nothing if it was rolled back)
    transaction.on_commit(lambda: alert_on_changes.enqueue(ids))


def connect() -> None:
    meetings_changed.connect(meetings_changed_handler, dispatch_uid="subscriptions.alerts")
