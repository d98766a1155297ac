"""Which part of an import's preview the review page shows: all of it, or one meeting at a time.

A small document is reviewed on one page. A big one (many meetings or items) is reviewed one
meeting at a time, its items in pages of :data:`ITEMS_PER_PAGE`; the corrections of each page
are kept in the import run, and "confirm" saves everything. This keeps the page small however
big the document is (a 50-meeting x 500-item file renders one meeting's first 50 items).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

SINGLE_PAGE_MEETINGS = 10
SINGLE_PAGE_ITEMS = 200
ITEMS_PER_PAGE = 50


@dataclass
class ReviewPage:
    paged: bool
    meeting: int | None = None  # index of the meeting shown; None: all of them
    page: int = 1
    pages: int = 1
    item_range: tuple[int, int] | None = None
    summary: list[dict] = field(default_factory=list)

    @property
    def form_kwargs(self) -> dict:
        if not self.paged:
            return {}
        return {"meetings": [self.meeting], "items": self.item_range}

    def query(self, meeting: int | None = None, page: int | None = None) -> str:
        if not self.paged:
            return ""
        return "?" + urlencode({"meeting": self.meeting if meeting is None else meeting, "page": page or 1})

    @property
    def next_query(self) -> str | None:
        """The next page of items, else the next meeting; None on the last page."""
        if self.page < self.pages:
            return self.query(page=self.page + 1)
        if self.meeting is not None and self.meeting + 1 < len(self.summary):
            return self.query(meeting=self.meeting + 1)
        return None

    @property
    def page_numbers(self) -> range:
        return range(1, self.pages + 1)


def _number(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def review_page(preview: dict, params) -> ReviewPage:
    """The part of ``preview`` to show for the query ``params`` (``meeting``, ``page``)."""
    meetings = preview.get("meetings", [])
    total_items = sum(len(entry["data"]["items"]) for entry in meetings)
    if len(meetings) <= SINGLE_PAGE_MEETINGS and total_items <= SINGLE_PAGE_ITEMS:
        return ReviewPage(paged=False)
    meeting = min(max(_number(params.get("meeting"), 0), 0), len(meetings) - 1)
    items = len(meetings[meeting]["data"]["items"])
    pages = max(1, -(-items // ITEMS_PER_PAGE))
    page = min(max(_number(params.get("page"), 1), 1), pages)
    summary = [
        {
            "index": index,
            "date": entry["data"].get("date"),
            "body": entry["data"].get("body"),
            "items": len(entry["data"]["items"]),
            "include": entry.get("include", True),
            "existing": bool(entry.get("existing_meeting_id")),
            "changes": len(entry.get("changes", [])),
            "warnings": len(entry.get("warnings", [])),
        }
        for index, entry in enumerate(meetings)
    ]
    start = (page - 1) * ITEMS_PER_PAGE
    return ReviewPage(
        paged=True, meeting=meeting, page=page, pages=pages,
        item_range=(start, min(start + ITEMS_PER_PAGE, items)), summary=summary,
    )
