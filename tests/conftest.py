"""Shared fixtures: one user per role, a logged-in client per role and a small world.

The world uses two real register rows (loaded by the data migration):

- municipality A: 4628 Vaksdal, HR user ``hr_a`` and union representative ``tv_a``;
- municipality B: 3105 Sarpsborg, HR user ``hr_b``.

A has two published meetings (``pub_a`` with attendance, items, proposals and a request;
``pub_a2`` holding the item the request led to) and one draft (``draft_a``); B has one
published meeting (``pub_b``) and one draft (``draft_b``).
"""
from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from municipalities.models import Municipality

from . import factories as f
from .helpers.world import build_users, build_world, committed, make_client


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the statistics version a cached summary is keyed on
    starts again with every test's database (dashboards.summary_cache)."""
    from dashboards import summary_cache

    summary_cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in bokmål: a request in another language leaves it active in the thread."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


# --- users, clients and the world (the builders are in tests/helpers/world.py) --------------


@pytest.fixture
def municipality_a(db):
    return Municipality.objects.get(number=f.VAKSDAL)


@pytest.fixture
def municipality_b(db):
    return Municipality.objects.get(number=f.SARPSBORG)


@pytest.fixture
def users(db):
    return build_users()


@pytest.fixture
def client_for(users):
    """``client_for("hr_a")`` returns a test client logged in as that role (no login for anonymous)."""
    return lambda role: make_client(users[role])


@pytest.fixture
def world(db, users):
    """A fresh world per test: use it when the test changes rows or reads them after a change."""
    with committed():
        return build_world(users)


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """One world per test module, for tests that only read (or whose writes are rolled back).

    Built once inside an outer transaction; each test (which must request ``db``) runs in a
    savepoint within it, so its writes are rolled back. Python objects are shared across
    tests: use their primary keys, never their possibly stale attribute values after a write.
    Do not use it together with ``world``/``users`` in one module (same usernames and names).
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with committed():
                world = build_world(build_users())
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def _shared_sessions(shared_world, django_db_blocker):
    """One session per role for the module, so tests need not log in (and trigger login signals) each time."""
    from django.conf import settings

    sessions = {}
    with django_db_blocker.unblock():
        for role, user in shared_world.users.items():
            if user is not None:
                sessions[role] = make_client(user).cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


@pytest.fixture
def shared_client_for(db, shared_world, _shared_sessions):
    """Like ``client_for``, for ``shared_world``'s users."""
    from django.conf import settings

    def make(role: str) -> Client:
        client = Client()
        if role in _shared_sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = _shared_sessions[role]
        return client

    return make

