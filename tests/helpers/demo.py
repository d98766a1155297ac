"""The demo data (``seed_demo``) seeded once for a test module."""
from __future__ import annotations

import contextlib
from io import StringIO

from django.core.management import call_command


@contextlib.contextmanager
def seeded_demo(django_db_blocker):
    """Seed inside an outer transaction that is rolled back on leaving: use it in a module-scoped
    fixture (with ``django_db_setup``), and each test runs in a savepoint within it."""
    from django.db import transaction
    from django.test import override_settings

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(DEBUG=True):
                call_command("seed_demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
