"""Test settings: the settings with DEBUG=1 at import (development storage and key; pytest-django
still runs the tests with DEBUG off), an immediate task backend and a fast hasher."""
import os

os.environ.setdefault("DEBUG", "1")

from .settings import *  # noqa: E402,F401,F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Never the real eInnsyn: the harvest tests start their own fake server (tests/harvest/fake_einnsyn.py).
EINNSYN_API_URL = "http://127.0.0.1:9"
EINNSYN_REQUESTS_PER_SECOND = 1000
EINNSYN_BACKOFF_SECONDS = 0.01
EINNSYN_TIMEOUT_SECONDS = 1
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# a test session's objects are not long-lived (tests/foundation/test_gc_policy.py tests the policy itself)
GC_FREEZE_LONG_LIVED = False

# SQLite tests use a file database rather than Django's in-memory one, so a worker started as a
# subprocess by the worker-fault tests (tests/imports/test_worker_faults.py) can open it too.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import tempfile as _tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(_tempfile.gettempdir()) / f"partssamarbeid-test-{os.getpid()}.sqlite3"),  # noqa: F405
    }
    # test data need not survive a power cut: skip the fsync of every commit
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF"  # noqa: F405
