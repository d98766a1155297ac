"""Test settings: the settings with DEBUG=1 at import (development storage and key; pytest-django
still runs the tests with DEBUG off), an immediate task backend and a fast hasher."""
import os

os.environ.setdefault("DEBUG", "1")

from .settings import *  # noqa: E402,F401,F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
