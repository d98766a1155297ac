"""Test settings: the production settings with an immediate task backend and a fast hasher."""
from .settings import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# SQLite tests use a file database rather than Django's in-memory one, so a worker started as a
# subprocess by the worker-fault tests (tests/imports/test_worker_faults.py) can open it too.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import tempfile as _tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(_tempfile.gettempdir()) / f"partssamarbeid-test-{os.getpid()}.sqlite3"),  # noqa: F405
    }
    # test data need not survive a power cut: skip the fsync of every commit
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF"  # noqa: F405
