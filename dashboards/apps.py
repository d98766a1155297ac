from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self):
        from . import stale

        # changes to the records mark the statistics they touch stale; the worker recomputes them
        stale.connect()
        # statistics computed by an older generation of the rules are rebuilt after migrate
        post_migrate.connect(_rebuild_if_outdated, sender=self)


def _rebuild_if_outdated(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if using != DEFAULT_DB_ALIAS:
        return
    from .statistics import rebuild_if_outdated

    rebuild_if_outdated()
