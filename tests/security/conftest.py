import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _restore_language():
    """Requests in English leave English active in the test thread (LocaleMiddleware does not
    switch back); later tests that translate outside a request would then see English."""
    language = translation.get_language()
    yield
    translation.activate(language)


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
