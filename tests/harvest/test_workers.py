"""Four worker processes (``manage.py db_worker``) share the harvest queue in the database: 50
sources from the fake eInnsyn, every source queued twice (as when the nightly run and "run now"
meet), harvested once each, with the same result as one worker."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from harvest.models import HarvestedRecord, HarvestRun, Source
from harvest.tasks import harvest_source_task
from meetings.models import AgendaItem, Meeting, Proposal
from municipalities.models import Body, Municipality

from ..helpers.workers import database_url
from .fake_einnsyn import API_KEY, FakeEinnsyn, scale_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
SOURCES = 50


@pytest.fixture
def scale_fake():
    objects, ids = scale_world(SOURCES)
    fake = FakeEinnsyn(objects).start()
    fake.ids = ids
    yield fake
    fake.stop()


@pytest.fixture
def sources(scale_fake, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    municipalities = list(Municipality.objects.filter(number__regex=r"^[0-9]{4}$").order_by("number")[:SOURCES])
    created = []
    for municipality, (enhet, utvalg) in zip(municipalities, scale_fake.ids):
        body = Body.objects.create(municipality=municipality, name="Administrasjonsutval")
        created.append(Source.objects.create(municipality=municipality, body=body, enhet_id=enhet, utvalg_ids=[utvalg]))
    return created


def run_workers(count: int, fake: FakeEinnsyn) -> str:
    """Run ``count`` workers until the queue is empty; what they logged (for a failing assertion)."""
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "tests.harvest.worker_settings", "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT), "EINNSYN_API_URL": fake.url, "EINNSYN_API_KEY": API_KEY,
        "DEBUG": "1", "PYTHONPATH": str(ROOT), "DASHBOARDS_STATISTICS": "0",
    }
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--interval", "0.1",
             "--no-startup-delay", "--verbosity", "0", "--worker-id", f"w{n}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        for n in range(count)
    ]
    logged = []
    for worker in workers:
        _out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err.decode()[-2000:]
        logged.append(err.decode(errors="replace")[-3000:])
    return "\n".join(logged)


def queue_every_source_twice(sources) -> None:
    requested = timezone.now().isoformat()
    for source in sources:
        harvest_source_task.enqueue(source.pk, requested)
        harvest_source_task.enqueue(source.pk, requested)


def result() -> list[tuple]:
    """The harvested records, by source, without database ids."""
    return sorted(
        [("meeting", m.body.municipality_id, str(m.date), m.state, m.published) for m in Meeting.objects.select_related("body")]
        + [("item", i.meeting.body.municipality_id, str(i.meeting.date), i.case_number, i.title, i.decision)
           for i in AgendaItem.objects.select_related("meeting__body")]
        + [("proposal", p.item.meeting.body.municipality_id, p.item.case_number, p.outcome, p.votes_for, p.votes_against)
           for p in Proposal.objects.select_related("item__meeting__body")]
        + [("record", r.source.municipality_id, r.einnsyn_id, r.kind) for r in HarvestedRecord.objects.select_related("source")]
    )


def forget_harvest() -> None:
    Meeting.objects.all().delete()
    HarvestRun.objects.all().delete()
    Source.objects.update(cursor="", next_run_at=None)
    DBTaskResult.objects.all().delete()


def test_four_workers_harvest_fifty_sources_once_each_like_one_worker(sources, scale_fake):
    queue_every_source_twice(sources)
    logged = run_workers(4, scale_fake)
    four = result()
    runs = HarvestRun.objects.exclude(status="done")
    assert list(runs.values_list("source_id", "status", "errors")) == [], logged
    # each source harvested once: one run, its two meetings fetched once
    assert sorted(HarvestRun.objects.values_list("source_id", flat=True)) == sorted(s.pk for s in sources)
    fetched = [p for p in scale_fake.paths() if p.startswith("/moetemappe/")]
    assert len(fetched) == len(set(fetched)) == 2 * SOURCES, logged
    assert len(set(HarvestRun.objects.values_list("worker", flat=True))) > 1  # the work was shared
    assert Meeting.objects.count() == 2 * SOURCES and AgendaItem.objects.count() == 2 * SOURCES
    assert set(Proposal.objects.values_list("votes_for", "votes_against")) == {(3, 1)}

    forget_harvest()
    queue_every_source_twice(sources)
    run_workers(1, scale_fake)
    assert result() == four
    assert HarvestRun.objects.count() == SOURCES
