"""The eInnsyn client against the fake server: API key, paging, retries, timeouts, rate limit."""
from __future__ import annotations

import time

import pytest

from harvest.client import Client, EinnsynError

from ..helpers.einnsyn import ADM


def test_requests_carry_the_api_key_and_a_wrong_key_is_refused(einnsyn):
    assert Client().enhet("enhet_01jb0vaksdal0kommune00000")["navn"] == "Vaksdal kommune"
    with pytest.raises(EinnsynError) as refused:
        Client(api_key="feil").enhet("enhet_01jb0vaksdal0kommune00000")
    assert refused.value.status == 401


def test_pages_follow_the_cursor(einnsyn):
    client = Client()
    page = client.search_meetings([ADM], limit=2)
    assert [hit["id"] for hit in page.items] == ["mm_01jb0adm2025feb04000000000", "mm_01jb0adm2025mar11000000000"]
    assert "startingAfter=2025-03-13T10:00:00Z,mm_01jb0adm2025mar11000000000" in page.next
    rest = client.next_page(page.next)
    assert [hit["id"] for hit in rest.items] == ["mm_01jb0adm2025mai20000000000"] and rest.next is None
    later = client.search_meetings([ADM], starting_after="2025-03-13T10:00:00Z,mm_01jb0adm2025mar11000000000")
    assert [hit["id"] for hit in later.items] == ["mm_01jb0adm2025mai20000000000"]
    since = client.search_meetings([ADM], updated_from="2025-03-01")
    assert len(since.items) == 2


def test_429_500_and_a_timeout_are_retried(einnsyn, settings):
    settings.EINNSYN_TIMEOUT_SECONDS = 0.3
    einnsyn.slow_seconds = 1.0
    einnsyn.fail("/moetemappe/", 429, 500, "slow")
    client = Client()
    record = client.meeting("mm_01jb0adm2025feb04000000000")
    assert record["moetesak"][1]["vedtak"]["votering"][0]["stemme"] == "Ja"
    assert (client.retries, client.requests) == (3, 4)


def test_retries_are_bounded(einnsyn):
    einnsyn.fail("/enhet/", *[500] * 10)
    client = Client(max_retries=2)
    with pytest.raises(EinnsynError) as failed:
        client.enhet("enhet_01jb0vaksdal0kommune00000")
    assert "gave up after 3 attempts" in str(failed.value) and failed.value.status == 500
    assert einnsyn.paths().count("/enhet/enhet_01jb0vaksdal0kommune00000") == 3


def test_a_body_that_is_not_json_is_an_error(einnsyn):
    einnsyn.fail("/enhet/", "garbage")
    with pytest.raises(EinnsynError, match="not JSON"):
        Client().enhet("enhet_01jb0vaksdal0kommune00000")


def test_the_rate_limit_spaces_requests(einnsyn):
    client = Client(per_second=20)
    started = time.monotonic()
    for _ in range(5):
        client.enhet("enhet_01jb0vaksdal0kommune00000")
    assert time.monotonic() - started >= 4 / 20 - 0.01


def test_documents_come_only_from_einnsyns_own_server(einnsyn):
    client = Client()
    assert client.document(f"{einnsyn.url}/files/innkalling-adm-2025-05-20.txt").startswith(b"Vaksdal kommune")
    with pytest.raises(EinnsynError, match="not on eInnsyn's server"):
        client.document("http://169.254.169.254/latest/meta-data/")
