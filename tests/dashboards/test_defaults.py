"""Defaults that show the data: the scorecard opens on the last four full years with published
meetings (and says so), with the research periods one click away."""
from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from dashboards.scope import Period, data_period

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_default_period_is_the_last_four_full_years_with_published_meetings(cworld):
    assert data_period("PSU", ["3205"], today=D(2026, 11, 27)) == (Period(D(2019, 1, 1), D(2022, 12, 31)), True)
    assert data_period("PSU", ["3205"], today=D(2022, 6, 1)) == (Period(D(2018, 1, 1), D(2021, 12, 31)), True)
    assert data_period("PSU", ["3205"], today=D(2020, 1, 1)) == (Period(D(2016, 1, 1), D(2020, 1, 1)), False)
    assert data_period("HAMU", ["3205"], today=D(2026, 11, 27)) == (Period(D(2022, 11, 27), D(2026, 11, 27)), False)


def test_the_scorecard_opens_on_the_years_with_data_and_says_so(cworld, client_for):
    response = client_for("adviser").get(reverse("dashboards:scorecard", args=["3205"]))
    assert response.status_code == 200
    assert response.context["card"].period == Period(D(2019, 1, 1), D(2022, 12, 31))
    assert response.context["card"].counts.meetings_held == 3  # 2021 and 2022, not an empty period
    page = response.content.decode()
    assert "Perioden som vises, er de siste fire hele årene med publiserte møter (2019–2022)." in page
    given = client_for("adviser").get(reverse("dashboards:scorecard", args=["3205"]),
                                      {"from": "2023-01-01", "to": "2023-12-31"})
    assert given.context["card"].period == Period(D(2023, 1, 1), D(2023, 12, 31))
    assert "siste fire hele årene" not in given.content.decode()


def test_the_research_periods_are_one_click_away(cworld, client_for):
    page = client_for("adviser").get(reverse("dashboards:scorecard", args=["3205"])).content.decode()
    assert '<a href="?from=2020-05-27&amp;to=2023-05-31&amp;body_kind=PSU">Include/UiO 2023: Lillestrøm PSU, ' \
           '27.05.2020–31.05.2023</a>' in page
    chosen = client_for("adviser").get(reverse("dashboards:scorecard", args=["3205"]),
                                       {"from": "2020-05-27", "to": "2023-05-31", "body_kind": "PSU"})
    assert "<strong>Include/UiO 2023: Lillestrøm PSU, 27.05.2020–31.05.2023</strong>" in chosen.content.decode()
    sarpsborg = client_for("adviser").get(reverse("dashboards:scorecard", args=["3105"])).content.decode()
    assert "?from=2019-11-01&amp;to=2023-06-30&amp;body_kind=PSU" in sarpsborg
    assert "Include/UiO" not in client_for("adviser").get(reverse("dashboards:scorecard", args=["4628"])).content.decode()
