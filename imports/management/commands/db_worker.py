"""``manage.py db_worker``: django-tasks-db's worker, made to survive its database going away.

The library's worker exits when a query fails with anything but "database is locked", and a
task whose connection was cut leaves its queue entry "running" and its import run "parsing"
for good. This command (it takes the place of the library's, since ``imports`` comes before it
in INSTALLED_APPS) adds:

- reconnecting: a lost connection is closed and the loop carries on after a pause, also when
  the loss happens while a task runs or while its result is recorded;
- a watchdog thread that looks for import runs whose worker's lease ran out (a worker killed
  with -9, or cut off from the database) every few seconds and retries or fails them
  (:func:`imports.tasks.recover_stale_runs`).

Every option of the library's command still works; ``make run`` starts this one.
"""
from __future__ import annotations

import logging
import threading
import time

from django.db import close_old_connections, connections
from django_tasks_db.management.commands import db_worker

from imports.tasks import lease_seconds, recover_stale_runs
from partssamarbeid.database import DATABASE_ERRORS

logger = logging.getLogger("django_tasks_db")

RECONNECT_PAUSE_S = 1.0


def _forget_connections() -> None:
    """Close every connection of this thread (a broken one cannot be used again)."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DATABASE_ERRORS:
            pass


class Worker(db_worker.Worker):
    def run(self) -> None:
        self._start_watchdog()
        while True:
            try:
                return super().run()
            except DATABASE_ERRORS:
                if not self.running:
                    return None
                logger.warning("Lost the database connection; reconnecting.", exc_info=True)
                _forget_connections()
                self.startup_delay = False
                time.sleep(RECONNECT_PAUSE_S)

    def run_task(self, db_task_result) -> None:
        try:
            super().run_task(db_task_result)
        except DATABASE_ERRORS:
            # The task or the recording of its result lost the connection. Record the failure
            # on a new connection if the database is back; an import run it left "parsing" is
            # picked up by the watchdog when its lease runs out.
            logger.warning("Task id=%s lost the database connection.", db_task_result.id, exc_info=True)
            _forget_connections()
            try:
                db_task_result.set_failed(ConnectionError("lost the database connection"))
            except DATABASE_ERRORS:
                _forget_connections()

    def _start_watchdog(self) -> None:
        interval = max(0.5, min(10.0, lease_seconds() / 2))

        def watch():
            while self.running:
                try:
                    close_old_connections()
                    recover_stale_runs()
                except DATABASE_ERRORS:
                    _forget_connections()
                except Exception:  # noqa: BLE001 - the watchdog must outlive any one failure
                    logger.exception("Checking for lost import runs failed.")
                time.sleep(interval)
            _forget_connections()

        threading.Thread(target=watch, name="lease-watchdog", daemon=True).start()


class Command(db_worker.Command):
    help = db_worker.Command.help + " (reconnects after a lost database connection; recovers lost import runs)"

    def handle(self, *args, **options):
        # The library builds its Worker by name inside handle(): point that name at ours.
        original = db_worker.Worker
        db_worker.Worker = Worker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
