"""Project middleware: the language (the user's choice, else their municipality's written standard,
else bokmål), bad input answered with a 4xx, private caching."""
import logging

from django.conf import settings
from django.db import IntegrityError
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from municipalities.language import SESSION_KEY

logger = logging.getLogger(__name__)


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but the browser's Accept-Language is not consulted.

    The language switch in the header (a cookie) wins; without it a logged-in user gets their
    municipality's written standard (bokmål or nynorsk, remembered in the session at login), and
    everybody else bokmål, even on an English-language browser.
    """

    def process_request(self, request):
        languages = dict(settings.LANGUAGES)
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in languages:
            session = getattr(request, "session", None)
            code = session.get(SESSION_KEY) if session is not None else None
        if code not in languages:
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = translation.get_language()


class BadInputMiddleware:
    """Bad input is a 4xx, never a 500, for every view in one place.

    - A NUL character in the path, a query parameter or a form field: 400. PostgreSQL cannot
      store or compare text with NUL, so without this check any view that filters by a raw
      parameter (``?q=``, ``?county=``) would fail with a database error.
    - A database integrity error that escapes a form post: 409. Forms validate unique fields, but two
      submissions of the same form at once (a double click, two tabs) can both pass validation;
      the loser's transaction is rolled back (saves are atomic), so nothing is half-written, and
      the person is told it was probably saved already.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return bad_input_response(
                request, 400, _("The address or the form contains a character that is not allowed (NUL).")
            )
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, IntegrityError) and request.method == "POST":
            logger.warning("Integrity error answered with 409 at %s: %s", request.path, exception)
            return bad_input_response(
                request,
                409,
                _("This was not saved because it conflicts with data saved at the same moment, probably "
                  "the same form sent twice. Check the page before you try again."),
            )
        return None


def _has_nul(request) -> bool:
    if "\x00" in request.path:
        return True
    fields = [request.GET]
    if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        fields.append(request.POST)
    return any("\x00" in key or "\x00" in value for data in fields for key, values in data.lists() for value in values)


def bad_input_response(request, status: int, message: str):
    return render(request, "400.html", {"message": message}, status=status)


class PrivateCacheMiddleware:
    """Pages for a logged-in user are theirs: ``Cache-Control: private`` keeps shared caches
    (proxies, CDNs) from storing them and serving them to someone else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
        return response
