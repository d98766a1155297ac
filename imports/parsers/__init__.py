"""Protocol importer core, framework-free (no Django imports).

``parse_document(data, filename)`` turns an uploaded PDF or text file into a
``ParsedDocument`` of meetings (attendance, items, proposals, votes, decisions, requests,
climate classification); ``parse_text(text)`` does the same for pasted text. Both raise only
``ProtocolImportError`` (with a Norwegian message and a stable ``code``).
"""

from .errors import MAX_BYTES, ProtocolImportError
from .pipeline import detect_family, parse_document, parse_text
from .text import ExtractedText, extract_text
from .types import (
    ParsedAttendance,
    ParsedDocument,
    ParsedItem,
    ParsedMeeting,
    ParsedProposal,
    ParsedRequest,
)

__all__ = [
    "MAX_BYTES",
    "ExtractedText",
    "ParsedAttendance",
    "ParsedDocument",
    "ParsedItem",
    "ParsedMeeting",
    "ParsedProposal",
    "ParsedRequest",
    "ProtocolImportError",
    "detect_family",
    "extract_text",
    "parse_document",
    "parse_text",
]
