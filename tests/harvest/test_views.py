"""The source pages: who may use them, the form, test connection, run now, harvest health."""
from __future__ import annotations

import pytest
from django.urls import reverse

from harvest.models import HarvestRun, Source
from meetings.models import Meeting

from ..helpers import make_client
from ..helpers.einnsyn import ADM, KOMMUNE


@pytest.fixture
def hr(users):
    return make_client(users["hr_a"])


def test_only_hr_of_the_municipality_and_superusers_reach_the_pages(users, source):
    pages = [reverse("harvest:source_list", args=["4628"]), reverse("harvest:source_create", args=["4628"]),
             reverse("harvest:source_edit", args=[source.pk])]
    for role, expected in [("hr_a", 200), ("superuser", 200), ("hr_b", 403), ("union_rep_a", 403), ("adviser", 403)]:
        client = make_client(users[role])
        codes = [client.get(url).status_code for url in pages]
        # a source of another municipality is not there for them at all
        assert codes == [expected, expected, 404 if expected == 403 else 200], role
    assert make_client(None).get(pages[0]).status_code == 302  # to the login page
    hr_b = make_client(users["hr_b"])
    assert hr_b.post(reverse("harvest:source_run", args=[source.pk])).status_code == 404
    assert hr_b.post(reverse("harvest:source_test", args=[source.pk])).status_code == 404


def test_hr_creates_a_source_and_bad_ids_are_refused(hr, body, users):
    url = reverse("harvest:source_create", args=["4628"])
    bad = hr.post(url, {"body": body.pk, "enhet_id": "Vaksdal kommune", "utvalg_ids": "ikkje ein id"})
    assert bad.status_code == 400 and Source.objects.count() == 0
    response = hr.post(url, {"body": body.pk, "enhet_id": KOMMUNE, "utvalg_ids": f"{ADM}, {ADM}\n",
                             "publish_harvested": "on", "active": "on"})
    source = Source.objects.get()
    assert response.status_code == 302 and response.url == reverse("harvest:source_edit", args=[source.pk])
    assert (source.municipality_id, source.utvalg_ids, source.publish_harvested) == ("4628", [ADM], True)


def test_a_body_of_another_municipality_cannot_be_chosen(hr, db):
    from municipalities.models import Body, Municipality

    other = Body.objects.create(municipality=Municipality.objects.get(number="3105"), name="Sarpsborg-utvalet")
    response = hr.post(reverse("harvest:source_create", args=["4628"]),
                       {"body": other.pk, "enhet_id": KOMMUNE, "utvalg_ids": ADM})
    assert response.status_code == 400 and Source.objects.count() == 0


def test_test_connection_lists_what_would_be_harvested(hr, einnsyn, source):
    response = hr.post(reverse("harvest:source_test", args=[source.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Vaksdal kommune" in text
    assert text.count("Administrasjonsutvalet 2025-") == 3
    assert Meeting.objects.count() == 0 and HarvestRun.objects.count() == 0


def test_test_connection_says_when_einnsyn_cannot_be_reached(hr, source, settings):
    settings.EINNSYN_API_URL = "http://127.0.0.1:9"
    settings.EINNSYN_MAX_RETRIES = 1
    response = hr.post(reverse("harvest:source_test", args=[source.pk]))
    assert response.status_code == 200 and 'class="alert alert-danger"' in response.content.decode()


def test_run_now_harvests_and_the_health_page_shows_it(hr, einnsyn, source, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = hr.post(reverse("harvest:source_run", args=[source.pk]))
    assert response.status_code == 302
    assert Meeting.objects.filter(body=source.body, published=False).count() == 3
    page = hr.get(reverse("harvest:source_list", args=["4628"]))
    rows = page.context["rows"]
    assert [(r.source, r.last_run.status, r.last_run.added, r.failing) for r in rows] == [(source, "done", 3, False)]
    assert [m.date.isoformat() for m in page.context["drafts"]] == ["2025-05-20", "2025-03-11", "2025-02-04"]
    Meeting.objects.filter(date="2025-03-11").update(published=True)
    page = hr.get(reverse("harvest:source_list", args=["4628"]))
    assert [m.date.isoformat() for m in page.context["drafts"]] == ["2025-05-20", "2025-02-04"]
