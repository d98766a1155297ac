"""Settings of the worker subprocess that test_worker_faults.py starts: the production settings
on the test database (DATABASE_URL, MEDIA_ROOT and IMPORT_LEASE_SECONDS come from the
environment), the database task backend, and a parse that waits while a marker file exists."""
from partssamarbeid.settings import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMPORT_PARSER = "tests.imports.faulty.parse_while_marker_exists"
