"""Background work of the dashboards (run by ``manage.py db_worker``)."""
from __future__ import annotations

from django_tasks import task

from .statistics import refresh_stale


@task()
def refresh_stale_statistics() -> int:
    """Recompute the statistics that changes marked stale (:mod:`dashboards.stale`)."""
    return refresh_stale()
