"""Language selection: the user's choice, else their municipality's written standard, else bokmål."""
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from municipalities.language import SESSION_KEY


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
