"""Settings of the worker subprocesses test_workers.py starts: the production settings on the test
database (DATABASE_URL, MEDIA_ROOT, EINNSYN_API_URL and EINNSYN_API_KEY come from the
environment) with the database task backend, and quick retries against the fake eInnsyn."""
from partssamarbeid.settings import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EINNSYN_REQUESTS_PER_SECOND = 1000
EINNSYN_BACKOFF_SECONDS = 0.01
EINNSYN_TIMEOUT_SECONDS = 5

# SQLite: four processes write at once; the settings' IMMEDIATE transactions wait for the lock, longer here.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"]["timeout"] = 60  # noqa: F405
