"""Business logic for meetings: initial attendance, atomic saves, change history."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from operator import attrgetter

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history import utils

from municipalities.models import Body, Membership

from .classification import classify_item, classify_items
from .models import AgendaItem, Attendance, Meeting, Proposal, Request
from .signals import send_meetings_changed
from .versioning import claim_versions


def initial_attendance(body: Body, day: datetime.date) -> list[dict]:
    """One row per regular seat active on ``day`` (substitutes are added when they meet)."""
    seats = (
        Membership.objects.filter(body=body)
        .active_on(day)
        .exclude(role=Membership.Role.VARAMEDLEM)
        .select_related("person")
        .order_by("side", "role", "person__name")
    )
    return [
        {
            "person": seat.person_id,
            "membership": seat.pk,
            "side": seat.side,
            "organisation": seat.on_behalf_of_id,
            "role": seat.get_role_display(),
            "status": Attendance.Status.NOT_RECORDED,
        }
        for seat in seats
    ]


def all_valid(*forms) -> bool:
    """Validate every form and formset (no short-circuit, so every error is shown)."""
    return all([form.is_valid() for form in forms])


@transaction.atomic
def save_meeting(form, *formsets) -> Meeting:
    """Save a meeting and its formsets as one transaction: all or nothing.

    The item rows the page added or changed are (re)classified for climate relevance as part of
    the same transaction; an item row posted back unchanged is not saved, and its classification,
    read from fields this page does not edit, stays as it is. Raises
    :class:`~meetings.versioning.StaleEdit`, writing nothing, when someone saved in between.
    """
    claim_versions(form, *formsets)
    meeting = form.save()
    saved_items = []
    for formset in formsets:
        formset.instance = meeting
        saved = formset.save()
        if formset.model is AgendaItem:
            saved_items += saved
    if saved_items:
        classify_items(AgendaItem.objects.filter(pk__in=[item.pk for item in saved_items]))
    _changed(save_meeting, meeting)
    return meeting


def _changed(sender, meeting: Meeting) -> None:
    """Tell the listeners (search, alerts; the statistics mark only this meeting) what was saved."""
    send_meetings_changed(sender, meeting.body.municipality_id, meeting_ids=[meeting.pk])


@transaction.atomic
def save_item(form, *formsets) -> AgendaItem:
    """Save an item with its proposals and requests; :class:`~meetings.versioning.StaleEdit` as above."""
    claim_versions(form, *formsets)
    item = form.save()
    for formset in formsets:
        formset.instance = item
        formset.save()
    classify_item(item)
    _changed(save_item, item.meeting)
    return item


def set_published(meeting: Meeting, published: bool) -> bool:
    """Publish a draft meeting or take it back to draft; True if it changed."""
    if meeting.published == published:
        return False
    meeting.published = published
    meeting.save(update_fields=["published"])
    _changed(set_published, meeting)
    return True


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime.datetime
    who: str
    action: str
    what: str
    object_label: str
    changes: tuple[str, ...]


_ACTIONS = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"), "-": gettext_lazy("deleted")}


def history_entries(records, what: str, label) -> list[HistoryEntry]:
    """Turn historical records into entries, diffing each against the previous version in memory."""
    entries = []
    previous: dict[int, object] = {}
    for record in sorted(records, key=attrgetter("history_date", "history_id")):
        changes: tuple[str, ...] = ()
        before = previous.get(record.id)
        previous[record.id] = record
        if record.history_type == "~" and before is not None:
            m2m_names = [field.name for field in record._history_m2m_fields]
            # diff_against() queries M2M rows per record; compare the prefetched rows instead.
            delta = record.diff_against(before, excluded_fields=m2m_names)
            changed = [change.field for change in delta.changes]
            changed += [name for name in m2m_names if _m2m_ids(record, name) != _m2m_ids(before, name)]
            changes = tuple(str(record.instance._meta.get_field(name).verbose_name) for name in changed)
            if not changes:
                continue
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user.get_username() if record.history_user else _("system"),
                action=_ACTIONS[record.history_type],
                what=what,
                object_label=label(record),
                changes=changes,
            )
        )
    return entries


def m2m_history_accessor(history_model, name: str) -> str:
    """The prefetchable reverse accessor from a historical record to its M2M rows for ``name``."""
    m2m_model = getattr(history_model, name).model
    return m2m_model._meta.get_field("history").remote_field.get_accessor_name()


def _m2m_ids(record, name: str) -> list:
    """The related ids of a historical M2M field, from the prefetch cache when there is one."""
    field = record.instance_type._meta.get_field(name)
    column = f"{utils.get_m2m_reverse_field_name(field)}_id"
    return sorted(getattr(row, column) for row in getattr(record, m2m_history_accessor(type(record), name)).all())


def meeting_history(meeting: Meeting, limit: int = 200) -> list[HistoryEntry]:
    """Who changed what and when: the meeting, its attendance, items, proposals and requests."""
    entries = history_entries(
        Meeting.history.filter(id=meeting.pk).select_related("history_user"),
        _("meeting"),
        lambda r: f"{r.date:%d.%m.%Y}",
    )
    entries += history_entries(
        Attendance.history.filter(meeting_id=meeting.pk).select_related("history_user", "person"),
        _("attendance"),
        lambda r: r.person.name if r.person_id else r.name,
    )
    entries += history_entries(
        AgendaItem.history.filter(meeting_id=meeting.pk).select_related("history_user"),
        _("agenda item"),
        lambda r: f"{r.case_number} {r.title}".strip(),
    )
    item_ids = list(AgendaItem.objects.filter(meeting=meeting).values_list("pk", flat=True))
    entries += history_entries(
        Proposal.history.filter(item_id__in=item_ids).select_related("history_user")
        .prefetch_related(m2m_history_accessor(Proposal.history.model, "proposers")),
        _("proposal"),
        lambda r: r.get_kind_display(),
    )
    entries += history_entries(
        Request.history.filter(meeting_id=meeting.pk).select_related("history_user"),
        _("request"),
        lambda r: r.text[:60],
    )
    entries.sort(key=attrgetter("when"), reverse=True)
    return entries[:limit]


