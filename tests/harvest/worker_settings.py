"""Settings of the worker subprocesses test_workers.py starts: the production settings on the test
database (DATABASE_URL, MEDIA_ROOT, EINNSYN_API_URL and EINNSYN_API_KEY come from the
environment) with the database task backend, and quick retries against the fake eInnsyn."""
from partssamarbeid.settings import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EINNSYN_REQUESTS_PER_SECOND = 1000
EINNSYN_BACKOFF_SECONDS = 0.01
EINNSYN_TIMEOUT_SECONDS = 5

# SQLite: several processes write at once; take the write lock when a transaction starts and wait
# for it (rather than failing with "database is locked" when a read turns into a write).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=60)  # noqa: F405
