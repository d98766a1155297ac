from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self):
        from . import stale

        # changes to the records mark the statistics they touch stale; the worker recomputes them
        stale.connect()
