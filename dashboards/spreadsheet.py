"""The one writer behind every CSV and XLSX export (see :mod:`dashboards.exports` for the tables).

A table is a list of :class:`Column` (a key, a translated heading, a kind and an explanation) and
a function that yields rows of values in that order.

Both formats are made to open as they are in a Norwegian spreadsheet:

- CSV: a UTF-8 byte-order mark, ``;`` between fields, decimal comma, shares as percentages
  (``95,5%``), dates as ``YYYY-MM-DD`` and date and time as ``YYYY-MM-DD HH:MM`` (which Excel reads as
  dates), yes/no in words. Streamed row by row (querysets are read in chunks), so its size is
  bounded only by the data.
- XLSX: typed cells with number formats (percent, date, date and time), a frozen heading row,
  an autofilter, column widths, a named sheet and a second sheet that explains every column.
  Built in openpyxl's write-only mode and capped at :data:`XLSX_MAX_ROWS` rows (a last row says
  so when the cap is reached; the CSV has everything).

Headings, sheet names and coded values (states, levels, statuses) are in the user's language
(Norwegian, or English with the English interface). Text that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``) is prefixed with an apostrophe. Control
characters that XML cannot carry (from an imported PDF, say) are dropped from XLSX cells, so one
odd title cannot break a whole export.
"""
from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_MAX_ROWS = 100_000
CHUNK = 1000
FORMATS = ("csv", "xlsx")
CSV_DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Excel number formats by column kind (the spreadsheet shows them in the reader's locale).
NUMBER_FORMATS = {
    "share": "0.0 %",
    "decimal": "0.0",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "time": "hh:mm",
    "int": "0",
}
#: Column widths (characters) by kind; text columns get :data:`TEXT_WIDTH` unless they say otherwise.
WIDTHS = {"share": 12, "decimal": 10, "date": 12, "datetime": 17, "time": 8, "int": 10, "bool": 9, "url": 40}
TEXT_WIDTH = 24


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # lazily translated heading
    kind: str = "text"  # text, int, decimal, share, date, datetime, time, bool, url
    help: str = ""  # lazily translated explanation, for the sheet that explains the columns
    width: int | None = None

    @property
    def chars(self) -> int:
        return self.width or WIDTHS.get(self.kind, TEXT_WIDTH)


@dataclass(frozen=True)
class Table:
    sheet: str  # lazily translated sheet name (at most 31 characters, no : \\ / ? * [ ])
    columns: tuple[Column, ...]

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def header(self) -> list[str]:
        return [str(c.label) for c in self.columns]


# --- values -----------------------------------------------------------------------------------------


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def decimal_comma(value: float, places: int) -> str:
    text = f"{round(value, places):.{places}f}".rstrip("0").rstrip(".") if places else f"{round(value)}"
    return text.replace(".", ",")


def csv_value(value, kind: str = "text") -> str:
    if value is None or value == "" and kind != "text":
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if kind == "share" and isinstance(value, (int, float)):
        return decimal_comma(value * 100, 1) + "%"
    if isinstance(value, float):
        return decimal_comma(value, 4)
    if isinstance(value, str):
        return safe_text(value)
    return str(value)


def xlsx_value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, str):
        return safe_text(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


# --- the writer ---------------------------------------------------------------------------------------


class _Echo:
    def write(self, value):
        return value


def csv_lines(table: Table, rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER)
    kinds = [c.kind for c in table.columns]
    yield "\ufeff" + writer.writerow(table.header())  # the byte-order mark makes spreadsheets read UTF-8
    for row in rows:
        yield writer.writerow([csv_value(v, kind) for v, kind in zip(row, kinds)])


def _in_language(language: str, lines: Iterator[str]) -> Iterator[str]:
    """A streamed body is written after the view returned: keep the request's language for it."""
    with translation.override(language):
        yield from lines


def _sheet_name(name: str) -> str:
    for char in ":\\/?*[]":
        name = name.replace(char, " ")
    return name[:31]


def xlsx_bytes(table: Table, rows: Iterable[list]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_name(str(table.sheet)))
    sheet.freeze_panes = "A2"
    for n, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = column.chars
    bold = Font(bold=True)
    heading = []
    for label in table.header():
        cell = WriteOnlyCell(sheet, label)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        heading.append(cell)
    sheet.append(heading)
    formats = [NUMBER_FORMATS.get(c.kind) for c in table.columns]
    count = 0
    for count, row in enumerate(rows, start=1):
        if count > XLSX_MAX_ROWS:
            sheet.append([_("Truncated after %(rows)s rows: download the CSV for all rows.") % {"rows": XLSX_MAX_ROWS}])
            count -= 1
            break
        cells = []
        for value, number_format in zip(row, formats):
            cell = WriteOnlyCell(sheet, xlsx_value(value))
            if number_format and value is not None:
                cell.number_format = number_format
            cells.append(cell)
        sheet.append(cells)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{count + 1}"
    _explanations(workbook, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _explanations(workbook: Workbook, table: Table) -> None:
    sheet = workbook.create_sheet(_sheet_name(_("Columns")))
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 100
    bold = Font(bold=True)
    heading = [WriteOnlyCell(sheet, _("Column")), WriteOnlyCell(sheet, _("What it holds"))]
    for cell in heading:
        cell.font = bold
    sheet.append(heading)
    for column in table.columns:
        text = WriteOnlyCell(sheet, safe_text(str(column.help or column.label)))
        text.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.append([WriteOnlyCell(sheet, str(column.label)), text])


def response(fmt: str, filename: str, table: Table, rows: Iterable[list]):
    if fmt == "csv":
        lines = _in_language(translation.get_language(), csv_lines(table, rows))
        result = StreamingHttpResponse(lines, content_type=CSV_CONTENT_TYPE)
    else:
        result = HttpResponse(xlsx_bytes(table, rows), content_type=XLSX_CONTENT_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return result


def chunked(rows):
    """A queryset read in chunks (bounded memory), or any other iterable as it is."""
    return rows.iterator(chunk_size=CHUNK) if hasattr(rows, "iterator") else rows


def label(choices, code) -> str:
    """The translated label of a coded value (the code itself if it is not one of the choices)."""
    if code in (None, ""):
        return ""
    try:
        return str(choices(code).label)
    except ValueError:
        return str(code)
