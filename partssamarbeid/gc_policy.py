"""Keep the garbage collector's full passes short in a long-running process (web or worker).

CPython's cyclic collector now and then runs a full pass (generation 2) that walks every tracked
object the process holds. After Django has started and served its first pages, that is about
150 000 objects that live as long as the process (modules, models, URL patterns, compiled
templates, catalogues), and a full pass took 90 ms of CPU here (2 cores, loaded); it lands inside
whichever request happens to allocate at that moment, so it decided the p95 of the meeting save
(docs/deploy.md). Objects that are frozen (:func:`gc.freeze`) are never walked again.

So the process freezes what is alive once it has started (:meth:`PartssamarbeidConfig.ready`,
the last app) and again at the end of its 1st, 10th, 100th and 1000th request (by then the pages
have compiled their templates and filled their caches), each time right after a full collection,
so only live objects are frozen. A full pass afterwards walks only what was made since: the
garbage of recent requests (a few ms). The cost: a frozen object that later becomes cyclic
garbage is never collected; the few freezes are one request's objects each at most.
"""
from __future__ import annotations

import gc

from django.core.signals import request_finished

#: the requests of a process after which what is alive is frozen
FREEZE_AFTER_REQUESTS = frozenset({1, 10, 100, 1000})

_requests = 0


def freeze_long_lived() -> None:
    """Collect, then freeze whatever is still alive (the collector no longer walks it)."""
    gc.collect()
    gc.freeze()


def _request_finished(sender, **kwargs) -> None:
    global _requests
    _requests += 1
    if _requests in FREEZE_AFTER_REQUESTS:
        freeze_long_lived()


def connect() -> None:
    freeze_long_lived()
    request_finished.connect(_request_finished, dispatch_uid="partssamarbeid.gc_policy")
