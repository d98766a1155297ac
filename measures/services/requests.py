"""The employee side's requests and what became of them."""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from meetings.models import Request
from municipalities import permissions
from municipalities.models import Municipality

# --- the employee side's requests -------------------------------------------------------------


class RequestOutcome(models.TextChoices):
    ON_AGENDA = "on_agenda", gettext_lazy("Reached the agenda")
    WAITING = "waiting", gettext_lazy("Asked for an agenda item, not on an agenda yet")
    QUESTION = "question", gettext_lazy("Question or statement (no agenda item asked for)")


def request_outcome(request: Request, user) -> str:
    """Whether the request reached the agenda, as ``user`` may know it: an item in a draft the user
    may not read does not count (:func:`municipalities.permissions.readable`)."""
    if permissions.readable(user, request.resulting_item):
        return RequestOutcome.ON_AGENDA
    if request.asks_for_agenda_item:
        return RequestOutcome.WAITING
    return RequestOutcome.QUESTION


def employee_requests(user, municipality: Municipality) -> list[Request]:
    """Requests and questions from the employee side, newest first, each with ``.outcome``."""
    requests = list(
        Request.objects.visible_to(user)
        .in_municipality(municipality)
        .select_related("meeting__body", "person", "organisation", "raised_under", "resulting_item__meeting__body")
        .order_by("-meeting__date", "id")
    )
    for request in requests:
        request.outcome = request_outcome(request, user)
    return requests
