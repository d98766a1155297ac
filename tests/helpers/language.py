"""A fixture for test packages whose requests switch the language (import it into their conftest.py)."""
import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def restore_language():
    """Requests in English leave English active in the test thread (LocaleMiddleware does not
    switch back); later tests that translate outside a request would then see English."""
    language = translation.get_language()
    yield
    translation.activate(language)
