"""Precomputed statistics behind the scorecards (see :mod:`dashboards.statistics`).

Figures count published records for everyone (:mod:`dashboards.scope`), so the additive counts
of :class:`dashboards.metrics.Counts` can be stored per municipality, body kind and **day** and
summed for any period: a period boundary never splits a bucket, so the sums equal the raw
computation exactly, whatever ``from`` and ``to`` are. Measures are counted from the records
(one cheap query); everything that hangs off meetings comes from here.

The rows are derived data: :func:`dashboards.statistics.refresh_statistics` rebuilds them,
after an import or save (signals from the meetings and measures apps) and by
``manage.py refresh_statistics``.
"""
from django.db import models


class MeetingDayStatistics(models.Model):
    """The counts of the published meetings of one municipality's bodies of one kind on one day."""

    municipality = models.ForeignKey("municipalities.Municipality", on_delete=models.CASCADE, related_name="+")
    body_kind = models.CharField(max_length=20)
    date = models.DateField()
    meetings_held = models.PositiveIntegerField(default=0)
    meetings_cancelled = models.PositiveIntegerField(default=0)
    agenda_items = models.PositiveIntegerField(default=0)
    substantive_items = models.PositiveIntegerField(default=0)
    climate_mentions = models.PositiveIntegerField(default=0)
    climate_linked = models.PositiveIntegerField(default=0)
    env_assessed_consequences = models.PositiveIntegerField(default=0)
    env_not_assessed = models.PositiveIntegerField(default=0)
    employee_seats = models.PositiveIntegerField(default=0)
    employee_seats_filled = models.PositiveIntegerField(default=0)
    voice_items = models.PositiveIntegerField(default=0)
    employee_requests = models.PositiveIntegerField(default=0)
    #: the latest import and change of these meetings (for "data last imported")
    last_imported_at = models.DateTimeField(null=True)
    last_changed_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "body_kind", "date"], name="meeting_day_statistics_unique"),
        ]
        indexes = [models.Index(fields=["body_kind", "date"], name="meeting_day_stats_kind_date")]

    def __str__(self):
        return f"{self.municipality_id} {self.body_kind} {self.date}"


class TopicDayStatistics(models.Model):
    """Agenda items of held published meetings (one municipality, body kind and day) linked to a
    climate measure on ``topic``: the data of the national topic heat map."""

    municipality = models.ForeignKey("municipalities.Municipality", on_delete=models.CASCADE, related_name="+")
    body_kind = models.CharField(max_length=20)
    date = models.DateField()
    topic = models.CharField(max_length=30)
    agenda_items = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "body_kind", "date", "topic"], name="topic_day_statistics_unique"
            ),
        ]
        indexes = [models.Index(fields=["body_kind", "date"], name="topic_day_stats_kind_date")]

    def __str__(self):
        return f"{self.municipality_id} {self.body_kind} {self.date} {self.topic}"
