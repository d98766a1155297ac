"""Apply one agenda item of a reviewed preview: its fields, proposals and votes, attachments.

An item is matched on its meeting and case number (or, without one, its position); a new item
of a meeting saved before is one change the reviewer may reject, its proposals part of it.
"""
from __future__ import annotations

import hashlib

from django.db.models import Q
from django.utils.translation import gettext as _

from meetings.classification import classify_item
from meetings.models import AgendaItem, Attachment, Meeting, Proposal

from .changes import ChildSet, ImportResult, merge_fields, replace_set
from .preview import AttachmentPreview, ChangePreview, ItemPreview, ProposalPreview
from .resolving import resolve_organisation

_ITEM_TYPES = set(AgendaItem.Type.values)


def item_values(item: ItemPreview) -> dict:
    """The item's fields as saved: the type defaults to PS, texts are cut to their columns."""
    return {
        "position": item.position or 1,
        "title": item.title[:500],
        "item_type": item.type if item.type in _ITEM_TYPES else AgendaItem.Type.PS,
        "archive_id": (item.archive_id or "")[:40],
        "procedural": item.procedural,
        "administration_proposal": item.administration_proposal,
        "handling": item.handling,
        "decision": item.decision,
        "text": item.text,
    }


def item_scope(case_number: str, values: dict) -> str:
    """The prefix of the ids of an item's changes: by case number, else by position."""
    return f"item:{values['item_type']}:{case_number}" if case_number else f"item::{values['position']}"


def apply_item(meeting: Meeting, data: ItemPreview, orgs, result: ImportResult) -> AgendaItem | None:
    values = item_values(data)
    case_number = data.case_number or ""
    lookup = (
        Q(case_number=case_number, item_type=values["item_type"]) if case_number
        else Q(case_number="", position=values["position"])
    )
    item = AgendaItem.objects.filter(lookup, meeting=meeting).first()
    label = _("Item %(case)s") % {"case": case_number or values["title"][:40]}
    scope = item_scope(case_number, values)
    created = item is None
    if created:
        item = _new_item(meeting, case_number, values, result, label, scope)
        if item is None:
            return None
    else:
        _update_item(item, values, result, label, scope)
    if data.climate_override in AgendaItem.ClimateLevel.values and data.climate_override_reason:
        AgendaItem.objects.filter(pk=item.pk).update(
            climate_override=data.climate_override, climate_override_reason=data.climate_override_reason
        )
    apply_proposals(item, data.proposals, orgs, result, label, scope)
    apply_attachments(item, data.attachments, result, label, scope)
    if created:  # a new item is one change: its proposals are part of it
        result.changes = [c for c in result.changes if not c.id.startswith(f"{scope}:") or c.id == f"{scope}:new"]
    classify_item(item)
    return item


def _new_item(meeting, case_number: str, values: dict, result: ImportResult, label: str, scope: str) -> AgendaItem | None:
    """Create the item; None when it would be added to a saved meeting and the reviewer rejected that."""
    if result.updating:
        result.changes.append(ChangePreview(
            id=f"{scope}:new", kind="new_item", what=label, field=str(_("New agenda item")), old="–", new=values["title"],
        ))
        if f"{scope}:new" in result.rejected:
            return None
    if AgendaItem.objects.filter(meeting=meeting, position=values["position"]).exists():
        values["position"] = max(AgendaItem.objects.filter(meeting=meeting).values_list("position", flat=True)) + 1
    item = AgendaItem(meeting=meeting, case_number=case_number, **values)
    item.import_snapshot = dict(values)
    item.save()
    result.counts["inserted"] += 1
    return item


def _update_item(item: AgendaItem, values: dict, result: ImportResult, label: str, scope: str) -> None:
    values.pop("position")  # keep the order a person may have set
    if merge_fields(item, values, result, label, scope):
        item.save()
        result.counts["updated"] += 1
    else:
        result.counts["unchanged"] += 1


# --- proposals and attachments ----------------------------------------------------------------


PROPOSAL_KEYS = ("kind", "by_administration", "text", "outcome", "votes_for", "votes_against", "proposers")


def proposal_row(position: int, row: ProposalPreview, orgs) -> dict:
    """A proposal as saved: an unknown kind is an alternative proposal, an unknown outcome not voted on."""
    return {
        "position": position,
        "kind": row.kind if row.kind in Proposal.Kind.values else Proposal.Kind.ALTERNATIVE,
        "by_administration": row.kind == Proposal.Kind.ADMINISTRATION,
        "text": row.text,
        "outcome": row.outcome if row.outcome in Proposal.Outcome.values else Proposal.Outcome.NOT_VOTED,
        "votes_for": row.votes_for,
        "votes_against": row.votes_against,
        "proposers": sorted(org.pk for org in (resolve_organisation(name, orgs) for name in row.proposers) if org),
    }


def apply_proposals(item: AgendaItem, rows: list[ProposalPreview], orgs, result: ImportResult, label: str, scope: str) -> None:
    wanted = [proposal_row(position, row, orgs) for position, row in enumerate(rows, start=1)]
    current_rows = [
        {**{k: getattr(p, k) for k in PROPOSAL_KEYS if k != "proposers"},
         "proposers": sorted(o.pk for o in p.proposers.all())}
        for p in item.proposals.prefetch_related("proposers")
    ]

    def create(rows):
        for row in rows:
            proposal = Proposal.objects.create(item=item, **{k: v for k, v in row.items() if k != "proposers"})
            proposal.proposers.set(row["proposers"])

    org_names = {o.pk: o.short_name for o in orgs.values()}

    def describe(row: dict) -> str:
        by = ", ".join(org_names.get(pk, "?") for pk in row["proposers"])
        votes = f" ({row['votes_for']}–{row['votes_against'] if row['votes_against'] is not None else '?'})" if row["votes_for"] is not None else ""
        return f"{Proposal.Kind(row['kind']).label}{' – ' + by if by else ''}: {Proposal.Outcome(row['outcome']).label}{votes}"

    replace_set(ChildSet(
        item, "proposals", PROPOSAL_KEYS, wanted, current_rows,
        create=create, delete=lambda: item.proposals.all().delete(),
        scope=scope, title=_("Proposals and votes"), describe=describe,
    ), result, label)


ATTACHMENT_KEYS = ("position", "title", "digest")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def apply_attachments(item: AgendaItem, rows: list[AttachmentPreview], result: ImportResult, label: str, scope: str) -> None:
    """The documents attached to the case paper, as the file holds them (compared by title and text)."""
    wanted = [
        {"position": position, "title": row.title[:300], "text": row.text, "digest": _digest(row.text)}
        for position, row in enumerate(rows, start=1)
    ]
    current_rows = [
        {"position": a.position, "title": a.title, "digest": _digest(a.text)} for a in item.attachments.all()
    ]
    if not wanted and not current_rows and "attachments" not in item.import_snapshot:
        return  # none then, none now: nothing to remember
    replace_set(ChildSet(
        item, "attachments", ATTACHMENT_KEYS, wanted, current_rows,
        create=lambda rows: Attachment.objects.bulk_create(
            [Attachment(item=item, position=r["position"], title=r["title"], text=r["text"]) for r in rows]
        ),
        delete=lambda: item.attachments.all().delete(),
        scope=scope, title=_("Attachments"), describe=lambda row: row["title"],
    ), result, label)
