"""A form sent twice at the same moment: both pass validation, the database refuses the second.

The loser gets a 409 page that says what happened (not a 500), and nothing is half-written.
The race is simulated by switching off the form's uniqueness check, as if the second request
had been validated before the first was saved.
"""
from __future__ import annotations

from unittest import mock

import pytest
from django.urls import reverse

from measures.models import ClimateMeasure

from ..helpers import page_payload

pytestmark = pytest.mark.django_db


def test_the_second_of_two_simultaneous_submits_gets_409_and_one_measure_is_saved(world, client_for):
    hr = client_for("hr_a")
    url = reverse("measures:measure_create", args=[world.a.number])
    data = {**page_payload(hr.get(url)), "title": "Sykkelparkering", "status": "idea"}
    with (
        mock.patch("measures.forms._unique_title", side_effect=lambda form, municipality, title: title),
        mock.patch.object(ClimateMeasure, "validate_unique"),
        mock.patch.object(ClimateMeasure, "validate_constraints"),
    ):
        first = hr.post(url, data)
        second = hr.post(url, data)
    assert first.status_code == 302
    assert second.status_code == 409
    assert "det samme skjemaet sendt to ganger" in second.content.decode()  # bokmål, the default
    assert ClimateMeasure.objects.filter(municipality=world.a, title="Sykkelparkering").count() == 1
    assert ClimateMeasure.history.filter(title="Sykkelparkering").count() == 1


def test_an_integrity_error_on_a_get_is_not_hidden(world, client_for):
    """Only form posts are answered with 409: an integrity error while reading is a bug to see."""
    from django.db import IntegrityError

    with mock.patch("municipalities.views.render", side_effect=IntegrityError("boom")), pytest.raises(IntegrityError):
        client_for("hr_a").get(reverse("municipalities:municipality_list"))
