"""The meetings app's models: a meeting and who was there (``meeting``), what was on its
agenda (``items``) and where it came from (``sources``).

``from meetings.models import X`` stays the way to import them; the migrations refer to
``meetings.models.source_upload_path``.
"""

from .items import (
    CASE_NUMBER_PATTERN,
    AgendaItem,
    Attachment,
    Proposal,
    Request,
    case_number_validator,
)
from .meeting import Attendance, Meeting
from .sources import ImportRun, MeetingSource, SourceDocument, source_upload_path

__all__ = [
    "CASE_NUMBER_PATTERN",
    "AgendaItem",
    "Attachment",
    "Attendance",
    "ImportRun",
    "Meeting",
    "MeetingSource",
    "Proposal",
    "Request",
    "SourceDocument",
    "case_number_validator",
    "source_upload_path",
]
