"""What an import changes in saved records, and the rule that keeps a person's corrections.

The importer remembers what it last wrote (``import_snapshot``); a current value that differs
from it was corrected by hand, and a new imported value for it is reported as a conflict instead
of being written. Every difference is recorded as a :class:`~imports.preview.ChangePreview`, so
the review can show it and the reviewer can reject a change or overwrite a correction.
"""
from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .preview import ChangePreview


@dataclass
class ImportResult:
    """Counts and messages of one apply; ``changes`` lists every change to a saved record.

    ``rejected`` and ``forced`` hold the ids of changes the reviewer turned down, and of
    conflicts (values corrected by hand) the reviewer chose to overwrite, for the meeting being
    applied (see :func:`imports.building.preview_changes`).
    """

    counts: Counter = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meeting_ids: list[int] = field(default_factory=list)
    changes: list[ChangePreview] = field(default_factory=list)
    rejected: set[str] = field(default_factory=set)
    forced: set[str] = field(default_factory=set)
    updating: bool = False  # the meeting being applied was saved before

    def as_dict(self) -> dict:
        return {
            "counts": {key: self.counts.get(key, 0) for key in ("inserted", "updated", "unchanged")},
            "conflicts": list(self.conflicts),
            "warnings": list(self.warnings),
            "meeting_ids": list(self.meeting_ids),
        }


def jsonable(value):
    if isinstance(value, datetime.time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def merge_fields(obj, values: dict, result: ImportResult, label: str, scope: str) -> bool:
    """Update fields the importer owns; keep and report values a person corrected. True if changed.

    Every difference is recorded in ``result.changes`` under the id ``scope:field``. A change the
    reviewer rejected is not made and counts from now on as a hand correction; a conflict the
    reviewer chose to overwrite is made.
    """
    snapshot = dict(obj.import_snapshot or {})
    changed = False
    for name, new in values.items():
        current = getattr(obj, name)
        as_json = jsonable(new)
        if jsonable(current) == as_json:
            snapshot[name] = as_json
            continue
        change_id = f"{scope}:{name}"
        corrected = name in snapshot and snapshot[name] != jsonable(current)
        if corrected and snapshot[name] == as_json:
            continue  # the document says what it said before; the correction stands
        result.changes.append(_field_change(obj, name, current, new, change_id, label, conflict=corrected))
        if corrected and change_id not in result.forced:
            result.conflicts.append(
                _("%(what)s: “%(field)s” was corrected by hand and was not overwritten.")
                % {"what": label, "field": obj._meta.get_field(name).verbose_name}
            )
            continue
        if corrected or change_id not in result.rejected:
            setattr(obj, name, new)
            changed = True
        snapshot[name] = as_json  # a rejected change: the saved value counts as a hand correction from now on
    if snapshot != obj.import_snapshot:
        obj.import_snapshot = snapshot
        changed = True
    return changed


def display(obj, name: str, value) -> str:
    """A value as the review shows it: choice labels, dates as dd.mm.yyyy, times as hh:mm."""
    if value in (None, ""):
        return "–"
    model_field = obj._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _field_change(obj, name, old, new, change_id, label, *, conflict: bool) -> ChangePreview:
    return ChangePreview(
        id=change_id, kind="conflict" if conflict else "field", what=label,
        field=str(obj._meta.get_field(name).verbose_name), old=display(obj, name, old), new=display(obj, name, new),
    )


# --- child sets: replaced wholesale ---------------------------------------------------------


def canonical(rows: list[dict], keys) -> list[list]:
    return sorted([[row.get(k) for k in keys] for row in rows], key=repr)


@dataclass
class ChildSet:
    """A set of rows an import replaces wholesale (attendance, proposals, attachments) of ``owner``.

    ``key`` names it in the owner's ``import_snapshot``; rows are compared on ``keys``;
    ``create`` writes the wanted rows after ``delete`` removed the current ones; ``describe``
    gives a row's line in the review; the change's id is ``scope:key``."""

    owner: object
    key: str
    keys: tuple[str, ...]
    wanted: list[dict]
    current: list[dict]
    create: object
    delete: object
    scope: str
    title: str
    describe: object

    @property
    def change_id(self) -> str:
        return f"{self.scope}:{self.key}"

    def remember(self, rows: list[list]) -> None:
        self.owner.import_snapshot[self.key] = rows
        type(self.owner).objects.filter(pk=self.owner.pk).update(import_snapshot=self.owner.import_snapshot)

    def change(self, new: list[list], current: list[list], *, edited: bool, label: str) -> ChangePreview:
        return ChangePreview(
            id=self.change_id, kind="conflict" if edited else "set", what=label, field=str(self.title),
            added=[self.describe(row) for row in self.wanted if [row.get(k) for k in self.keys] not in current],
            removed=[self.describe(row) for row in self.current if [row.get(k) for k in self.keys] not in new],
        )


def replace_set(child: ChildSet, result: ImportResult, label: str) -> None:
    """Replace a child set wholesale unless a person edited it since the last import.

    The lines added and removed are recorded in ``result.changes`` (id ``scope:key``); the
    reviewer may reject the change or overwrite a set edited by hand, as for fields.
    """
    new, current = canonical(child.wanted, child.keys), canonical(child.current, child.keys)
    snapshot = child.owner.import_snapshot.get(child.key)
    if new == current:
        result.counts["unchanged"] += len(new)
        child.remember(new)
        return
    edited = bool(current) and snapshot != current
    if edited and snapshot == new:
        return  # the document says what it said before; the hand edit stands
    result.changes.append(child.change(new, current, edited=edited, label=label))
    if edited and child.change_id not in result.forced:
        result.conflicts.append(_set_conflict(label, child.key, entered=snapshot is None))
        return
    if edited or child.change_id not in result.rejected:  # a rejected change: a hand edit from now on
        child.delete()
        child.create(child.wanted)
        kept = len([row for row in new if row in current])
        result.counts["unchanged"] += kept
        result.counts["inserted"] += len(new) - kept
    child.remember(new)


def _set_conflict(label: str, key: str, *, entered: bool) -> str:
    message = (
        _("%(what)s: %(set)s was entered by hand and was not overwritten.") if entered
        else _("%(what)s: %(set)s was edited by hand and was not overwritten.")
    )
    return message % {"what": label, "set": key}
