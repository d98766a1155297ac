"""Summaries of every municipality, cached and keyed on the statistics version.

The national page needs every municipality's figures (the summary, the map, the distribution and
the sort order) although it shows one page of rows. Computing them costs a few hundred
milliseconds at 357 municipalities; they change only when the statistics are written or a
climate measure, its involvement or a municipality's register data changes. Each of those bumps
:class:`~dashboards.models.StatisticsVersion` (one row, read with one cheap query), and the
cached value is keyed on that number, so every process sees a change as soon as it is committed.

Only figures read from the precomputed statistics are cached (:func:`dashboards.statistics.applies`):
they count published records for everyone. The key still holds the reader's role and home
municipality, so nothing a user may see is ever served to another.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

from django.db import transaction
from django.db.models import F

from municipalities import permissions

from .models import StatisticsVersion

T = TypeVar("T")


_pinned = threading.local()


def version() -> int:
    """The current statistics version (one query; none inside :func:`pinned`)."""
    number = getattr(_pinned, "number", None)
    if number is not None:
        return number
    return StatisticsVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


@contextmanager
def pinned():
    """Read the version once for everything cached inside (one request)."""
    before = getattr(_pinned, "number", None)
    _pinned.number = None
    _pinned.number = version()
    try:
        yield
    finally:
        _pinned.number = before


def bump() -> None:
    """A figure may have changed: in a transaction, once it commits."""
    def increment():
        if not StatisticsVersion.objects.filter(pk=1).update(number=F("number") + 1):
            StatisticsVersion.objects.get_or_create(pk=1, defaults={"number": 1})

    transaction.on_commit(increment, robust=True)


#: the values of this process: {key: value}, the oldest dropped first (no pickling: the values
#: are immutable figures, read as they are)
_values: OrderedDict = OrderedDict()
MAX_VALUES = 64


def _lookup(key: str, compute: Callable[[], T]) -> T:
    try:
        _values.move_to_end(key)
        return _values[key]
    except KeyError:
        value = _values[key] = compute()
        while len(_values) > MAX_VALUES:
            _values.popitem(last=False)
        return value


def clear() -> None:
    _values.clear()


def cached(name: str, parts, user, compute: Callable[[], T]) -> T:
    """``compute()``, cached under ``name`` and ``parts`` (anything with a stable ``repr``) for
    the current version and the reader's scope; computed afresh when the statistics do not apply.
    The value must not be changed by the caller."""
    from . import statistics

    if not statistics.applies(user):
        return compute()
    scope = (permissions.role_of(user), permissions.home_municipality_id(user))
    return _lookup(f"{name}:{version()}:{parts!r}:{scope!r}", compute)


def cached_for_everyone(name: str, parts, compute: Callable[[], T]) -> T:
    """As :func:`cached`, for values that are the same for every reader (published records only)."""
    return _lookup(f"{name}:{version()}:{parts!r}", compute)
