"""Background work of the subscriptions app (run by ``manage.py db_worker``): alert e-mails."""
from __future__ import annotations

from django_tasks import task

from . import alerts


@task()
def alert_on_changes(municipality_ids: list[str]) -> dict:
    """Record what is new for whom in these municipalities and mail the urgent items at once."""
    added = alerts.record_alerts(municipality_ids)
    return {"alerts": added, "mails": alerts.send_immediate()}


@task()
def send_digests(frequency: str) -> int:
    return alerts.send_digests(frequency)
