from django.apps import AppConfig


class PartssamarbeidConfig(AppConfig):
    """The project package (settings, URLs, pages that combine apps); the last installed app."""

    name = "partssamarbeid"

    def ready(self):
        from django.conf import settings

        if getattr(settings, "GC_FREEZE_LONG_LIVED", True):
            from . import gc_policy

            gc_policy.connect()
