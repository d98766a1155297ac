"""The web process freezes what it holds after startup and its first requests
(partssamarbeid/gc_policy.py), so the collector's full passes walk only newer objects."""
from __future__ import annotations

import gc

import pytest

from partssamarbeid import gc_policy


@pytest.fixture
def fresh_policy(monkeypatch):
    monkeypatch.setattr(gc_policy, "_requests", 0)
    yield
    gc.unfreeze()


def test_freezing_keeps_live_objects_out_of_the_collectors_walk(fresh_policy):
    kept = [[n] for n in range(1000)]  # a thousand tracked objects that stay alive
    gc_policy.freeze_long_lived()
    frozen = gc.get_freeze_count()
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(o) in tracked for o in kept)
    assert frozen >= len(kept)
    later = [[n] for n in range(10)]
    assert all(id(o) in {id(t) for t in gc.get_objects()} for o in later)


def test_the_process_freezes_after_its_1st_10th_100th_and_1000th_request(fresh_policy, monkeypatch):
    froze_at = []
    monkeypatch.setattr(gc_policy, "freeze_long_lived", lambda: froze_at.append(gc_policy._requests))
    for _ in range(1001):
        gc_policy._request_finished(sender=None)
    assert froze_at == [1, 10, 100, 1000]
