"""Derived values and business logic for climate measures.

Nothing here is stored: the first involvement date, the highest level, the timing and the
flag are computed from the involvement events each time (``MeasureQuerySet.with_involvement_dates``
does the aggregation in the database, :func:`summary_of` applies the rules). Pure functions
(:func:`timing_for`, :func:`is_flagged`, :func:`build_coverage`) take plain values and are
unit-tested with exact values; the ``*_for`` functions gather their input in a fixed number
of queries.

A package by concern: ``timing`` (timing, flag, summaries), ``register``, ``coverage``,
``requests``, ``suggestions``, ``saving``, ``history`` and ``timeline``. Everything is
re-exported here, so ``from measures import services`` and ``services.timing_for`` keep working.
"""
from .coverage import (
    CLIMATE_LEVELS,
    NO_TOPIC,
    Coverage,
    CoverageCell,
    CoverageRow,
    build_coverage,
    climate_item_q,
    coverage_for,
    coverage_items,
    item_topics,
)
from .history import measure_history
from .register import green_representatives, not_consulted_before_decision, register, register_queryset
from .requests import RequestOutcome, employee_requests, request_outcome
from .saving import link_item, process_answers, save_involvement, save_measure, save_process_answers
from .suggestions import (
    ARENA_BY_BODY_KIND,
    EMPLOYEE_ORG_KINDS,
    Suggestion,
    dismiss_suggestion,
    find_suggestion,
    suggestions_for,
)
from .timeline import TimelineEntry, TimelineGeometry, timeline, timeline_figure, timeline_geometry
from .timing import InvolvementSummary, Timing, is_flagged, summary_of, timing_for, timing_q, with_summaries
