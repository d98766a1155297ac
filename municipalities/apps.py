from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "municipalities"
    verbose_name = _("Municipalities and bodies")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .language import remember_default_language

        user_logged_in.connect(remember_default_language, dispatch_uid="municipalities.default_language")
