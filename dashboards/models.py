"""Precomputed statistics behind the scorecards (see :mod:`dashboards.statistics`).

Figures count published records for everyone (:mod:`dashboards.scope`), so the additive counts
of :class:`dashboards.metrics.Counts` can be stored per municipality, body kind and **day** and
summed for any period: a period boundary never splits a bucket, so the sums equal the raw
computation exactly, whatever ``from`` and ``to`` are. Measures are counted from the records
(one cheap query); everything that hangs off meetings comes from here.

The rows are derived data. A change to any record they count marks its (municipality, body
kind, day) in :class:`StaleStatistics` (model signals, :mod:`dashboards.stale`), in the same
transaction; after the commit the background worker recomputes and upserts those keys
(:func:`dashboards.statistics.refresh_stale`). ``manage.py refresh_statistics`` rebuilds
everything.
"""
from django.db import models

from .definitions import MEETING_FIELDS


class MeetingDayStatistics(models.Model):
    """The counts of the published meetings of one municipality's bodies of one kind on one day."""

    municipality = models.ForeignKey("municipalities.Municipality", on_delete=models.CASCADE, related_name="+")
    body_kind = models.CharField(max_length=20)
    date = models.DateField()
    # one column per count of dashboards.definitions.MEETING_COUNTS (added below the class)
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


for _field in MEETING_FIELDS:
    MeetingDayStatistics.add_to_class(_field, models.PositiveIntegerField(default=0))


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


class StaleStatistics(models.Model):
    """A (municipality, body kind, day) whose statistics must be recomputed; no kind and no day:
    the whole municipality. Written by the model signals in the transaction of the change, read
    and deleted by the background refresh (:func:`dashboards.statistics.refresh_stale`)."""

    municipality = models.ForeignKey("municipalities.Municipality", on_delete=models.CASCADE, related_name="+")
    body_kind = models.CharField(max_length=20, blank=True)
    date = models.DateField(null=True)

    def __str__(self):
        return f"{self.municipality_id} {self.body_kind or '*'} {self.date or '*'}"


class StatisticsVersion(models.Model):
    """One row: a number that grows whenever a figure may have changed (the statistics were written,
    a climate measure or its involvement changed, a municipality's register data changed). Cached
    summaries are keyed on it (:mod:`dashboards.summary_cache`), so every process sees a change."""

    number = models.PositiveBigIntegerField(default=0)
    #: the :data:`dashboards.statistics.STATISTICS_GENERATION` the stored statistics were computed
    #: with; ``migrate`` rebuilds them when the code's is different (:func:`rebuild_if_outdated`)
    generation = models.PositiveIntegerField(default=0)

    def __str__(self):
        return str(self.number)
