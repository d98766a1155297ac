"""Test settings: the production settings with an immediate task backend and a fast hasher."""
from .settings import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
