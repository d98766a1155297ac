"""What the import tests count before and after an import."""
from __future__ import annotations


def model_counts() -> dict[str, int]:
    """Rows per model an import writes (meetings, attendance, items, proposals, requests, source documents)."""
    from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request, SourceDocument

    return {m.__name__: m.objects.count() for m in (Meeting, Attendance, AgendaItem, Proposal, Request, SourceDocument)}
