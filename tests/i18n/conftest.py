from tests.helpers.language import restore_language  # noqa: F401 - autouse
