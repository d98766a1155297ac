"""Background work of the search app (run by ``manage.py db_worker``): rebuilding the documents of
whole meetings or municipalities after a save or an import (:mod:`search.signals`)."""
from __future__ import annotations

from django_tasks import task

from . import indexing
from .signals import reindex_meetings

#: before the alerts that the same commit enqueues (the worker takes higher priorities first), so
#: they read the rebuilt documents
PRIORITY = 10


@task(priority=PRIORITY)
def reindex(meeting_ids: list[int], municipality_ids: list[str]) -> int:
    """Rebuild the documents of these meetings and of every record in these municipalities."""
    if municipality_ids:
        indexing.index_municipalities(municipality_ids)
    reindex_meetings(meeting_ids)
    return len(meeting_ids) + len(municipality_ids)
