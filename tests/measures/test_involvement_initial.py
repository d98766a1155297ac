"""The initial values of a new involvement event (measures.views.involvement_initial), table-driven."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from measures.views import involvement_initial
from municipalities import permissions


def user(role: str | None, organisation_id: int | None = None, *, authenticated: bool = True):
    profile = None if role is None else SimpleNamespace(role=role, organisation_id=organisation_id)
    return SimpleNamespace(is_authenticated=authenticated, profile=profile)


class Suggestion:
    def initial(self) -> dict:
        return {"level": 2, "agenda_item": 5}


REP = user(permissions.UNION_REP, 7)

# (user, suggestion, ?item=, initial values)
INITIAL = [
    # a suggestion's values, whoever confirms it and whatever the link says
    (REP, Suggestion(), "12", {"level": 2, "agenda_item": 5}),
    # a union representative's own union
    (REP, None, "", {"unions": [7]}),
    (user(permissions.UNION_REP, None), None, "", {}),
    (user("hr", 7), None, "", {}),
    (user(None), None, "", {}),
    (user(permissions.UNION_REP, 7, authenticated=False), None, "", {}),
    # the agenda item an alert was about, when it is a plausible id
    (user("hr", 7), None, "12", {"agenda_item": 12}),
    (REP, None, "12", {"unions": [7], "agenda_item": 12}),
    (REP, None, "1" * 18, {"unions": [7], "agenda_item": int("1" * 18)}),
    (REP, None, "1" * 19, {"unions": [7]}),
    (REP, None, "12a", {"unions": [7]}),
    (REP, None, "-3", {"unions": [7]}),
]


@pytest.mark.parametrize(("who", "suggestion", "item", "expected"), INITIAL)
def test_involvement_initial(who, suggestion, item, expected):
    assert involvement_initial(who, suggestion, item) == expected
