"""Background work of the search app (run by ``manage.py db_worker``): rebuilding the documents of
whole meetings or municipalities after a save or an import (:mod:`search.signals`)."""
from __future__ import annotations

from django_tasks import task

from partssamarbeid.database import reconnecting

from . import indexing
from .signals import reindex_meetings

#: before the alerts that the same commit enqueues (the worker takes higher priorities first), so
#: they read the rebuilt documents
PRIORITY = 10


@task(priority=PRIORITY)
def reindex(meeting_ids: list[int], municipality_ids: list[str]) -> int:
    """Rebuild the documents of these meetings and of every record in these municipalities. A
    passing database error (a deadlock with another worker's writes, a lost connection) is tried
    once more: a failed task would leave the documents stale until their next change."""
    if municipality_ids:
        reconnecting(lambda: indexing.index_municipalities(municipality_ids))
    reconnecting(lambda: reindex_meetings(meeting_ids))  # rebuilding is idempotent: a retry starts over
    return len(meeting_ids) + len(municipality_ids)
