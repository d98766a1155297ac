import pytest

from tests.helpers.language import restore_language  # noqa: F401 - autouse


@pytest.fixture(scope="module")
def canary(django_db_setup, django_db_blocker):
    """The canary world (tests/security/walk.py), built once per module in an outer transaction
    that is rolled back at the end."""
    from django.db import transaction

    from .walk import build_canary

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_canary()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
