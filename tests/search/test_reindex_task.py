"""The worker's reindex task survives a passing database error (a deadlock with another
worker's writes, a lost connection): it rebuilds once more rather than leaving the documents stale."""
from __future__ import annotations

import pytest
from django.db import OperationalError, connection

from search import tasks
from search.models import SearchDocument
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def closed(monkeypatch):
    """Records the connection closes instead of making them (the test's transaction stays open)."""
    made = []
    monkeypatch.setattr(connection, "close", lambda: made.append(True))
    return made


def failing_once(real, calls: list):
    def step(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise OperationalError("deadlock detected")
        return real(*args, **kwargs)
    return step


def test_a_deadlock_in_a_municipality_rebuild_is_tried_once_more(monkeypatch, closed):
    item = f.AgendaItemFactory(title="Sykkelparkering ved rådhuset")
    SearchDocument.objects.all().delete()
    calls = []
    monkeypatch.setattr(tasks.indexing, "index_municipalities", failing_once(tasks.indexing.index_municipalities, calls))
    assert tasks.reindex.call([], [item.meeting.body.municipality_id]) == 1
    assert (len(calls), closed) == (2, [True])
    assert list(SearchDocument.objects.values_list("kind", "object_id")) == [("item", item.pk)]


def test_a_deadlock_in_a_meeting_rebuild_is_tried_once_more(monkeypatch, closed):
    item = f.AgendaItemFactory(title="Sykkelparkering ved rådhuset")
    SearchDocument.objects.all().delete()
    calls = []
    monkeypatch.setattr(tasks, "reindex_meetings", failing_once(tasks.reindex_meetings, calls))
    assert tasks.reindex.call([item.meeting_id], []) == 1
    assert (len(calls), closed) == (2, [True])
    assert list(SearchDocument.objects.values_list("kind", "object_id")) == [("item", item.pk)]


def test_an_error_that_stays_fails_the_task(monkeypatch):
    def broken(*args):
        raise OperationalError("deadlock detected")

    monkeypatch.setattr(tasks, "reindex_meetings", broken)
    with pytest.raises(OperationalError):
        tasks.reindex.call([1], [])
