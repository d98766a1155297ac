from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _refresh(sender, municipality_ids=(), **kwargs):
    from .statistics import refresh_statistics

    refresh_statistics(municipality_ids)


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self):
        from measures.signals import measures_changed
        from meetings.signals import meetings_changed

        # the statistics of the municipalities concerned are rebuilt at once, in the same transaction
        meetings_changed.connect(_refresh, dispatch_uid="dashboards.statistics.meetings")
        measures_changed.connect(_refresh, dispatch_uid="dashboards.statistics.measures")
