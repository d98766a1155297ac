"""CSV and XLSX exports: exact content for a small fixture, read back as a Norwegian spreadsheet
would read them (``;``, decimal comma, byte-order mark; XLSX number formats, frozen heading,
filter, widths, sheet names and the sheet that explains the columns), and formula safety."""
from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from dashboards.exports import COMPARISON, ITEMS, csv_value, decimal_comma, safe_text
from meetings.models import AgendaItem

pytestmark = pytest.mark.django_db
YEAR = {"from": "2022-01-01", "to": "2022-12-31", "body_kind": "PSU"}

ITEM_HEADER_NB = [
    "Kommunenummer", "Kommune", "Utvalg", "Type utvalg", "Møte-ID", "Møtedato", "Møtestatus", "Sak-ID",
    "Saksnr. i møtet", "Saksnummer", "Tittel", "Sakstype", "Formalitet", "Realitetssak", "Klimarelevans",
    "Klimarelevans (automatisk)", "Klimarelevans (satt av en person)", "Klimaord funnet", "Miljøkonsekvenser",
    "Forslag fra arbeidstakersiden", "Henvendelse fra arbeidstakersiden", "Uttalelse fra arbeidstakersiden",
    "Nettadresse",
]


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def workbook(response):
    return load_workbook(io.BytesIO(response.content))


def read_xlsx(response) -> list[list]:
    sheet = workbook(response).worksheets[0]
    return [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]


def expected_items(w) -> list[list[str]]:
    url = "http://testserver/items/{}/"
    common = ["3205", "Lillestrøm", "Partssammensatt utvalg", "PSU", str(w.m1.pk), "2022-05-01", "Avholdt"]
    return [
        ITEM_HEADER_NB,
        common + [str(w.i2.pk), "2", "02/2022", "Referatsaker: klimaregnskap", "RS", "ja", "nei",
                  "Nevner klima eller miljø", "Nevner klima eller miljø", "", "", "Ikke vurdert", "nei", "nei", "nei",
                  url.format(w.i2.pk)],
        common + [str(w.i3.pk), "3", "03/2022", "Reiseregulativ", "PS", "nei", "ja", "Nevner klima eller miljø",
                  "Ikke klimarelatert", "Nevner klima eller miljø", "", "Ikke vurdert", "ja", "nei", "nei",
                  url.format(w.i3.pk)],
        common + [str(w.i5.pk), "5", "05/2022", "Parkeringsavgift for ansatte", "PS", "nei", "ja",
                  "Knyttet til arbeidsforhold", "Knyttet til arbeidsforhold", "", "parkeringsavgift for ansatte",
                  "Vurdert: har miljøkonsekvenser", "nei", "nei", "nei", url.format(w.i5.pk)],
    ]


def test_items_behind_a_figure_as_csv(cworld, client_for):
    response = client_for("adviser").get(
        reverse("dashboards:records_export", args=["csv"]), {**YEAR, "metric": "climate_mentions", "municipality": "3205"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="partssamarbeid-climate_mentions-3205-PSU-2022-01-01-2022-12-31.csv"'
    )
    assert read_csv(response) == expected_items(cworld)


def test_english_headings_and_values_with_the_english_interface(cworld, client_for):
    client = client_for("adviser")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    rows = read_csv(client.get(reverse("dashboards:records_export", args=["csv"]),
                               {**YEAR, "metric": "climate_linked", "municipality": "3205"}))
    assert rows[0][:8] == [
        "Municipality number", "Municipality", "Body", "Body kind", "Meeting ID", "Meeting date", "Meeting state",
        "Item ID",
    ]
    assert (rows[1][6], rows[1][12], rows[1][14], rows[1][18]) == (
        "Held", "no", "Linked to working conditions", "Assessed: has environmental consequences")
    book = workbook(client.get(reverse("dashboards:records_export", args=["xlsx"]),
                               {**YEAR, "metric": "climate_linked", "municipality": "3205"}))
    assert book.sheetnames == ["Agenda items", "Columns"]


def test_items_behind_a_figure_as_xlsx(cworld, client_for):
    client = client_for("hr_a")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"  # Vaksdal's default is nynorsk
    response = client.get(
        reverse("dashboards:records_export", args=["xlsx"]), {**YEAR, "metric": "climate_mentions", "municipality": "3205"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = read_xlsx(response)
    assert rows[0] == ITEM_HEADER_NB

    def plain(value) -> str:
        if isinstance(value, bool):
            return "ja" if value else "nei"
        if isinstance(value, datetime.datetime):
            return value.date().isoformat()
        return "" if value is None else str(value)

    assert [[plain(v) for v in row] for row in rows[1:]] == expected_items(cworld)[1:]
    assert isinstance(rows[1][4], int) and isinstance(rows[1][12], bool)  # typed cells, not text

    book = workbook(response)
    assert book.sheetnames == ["Saker", "Kolonner"]
    sheet = book["Saker"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:W4"
    assert sheet["A1"].font.b is True
    assert sheet["F2"].number_format == "yyyy-mm-dd"
    assert (sheet.column_dimensions["K"].width, sheet.column_dimensions["F"].width) == (50, 12)
    explained = [[cell for cell in row] for row in book["Kolonner"].iter_rows(values_only=True)]
    assert explained[0] == ["Kolonne", "Hva den inneholder"]
    assert [row[0] for row in explained[1:]] == ITEM_HEADER_NB  # every column explained
    assert explained[14] == ["Realitetssak", "Verken formalitet eller referatsak: telles blant realitetssakene."]
    assert all(row[1] for row in explained[1:])


def test_measures_and_seats_and_initiatives(cworld, client_for):
    client = client_for("adviser")
    measures = read_csv(client.get(reverse("dashboards:records_export", args=["csv"]),
                                   {**YEAR, "metric": "measures_affecting_employees", "municipality": "3205"}))
    assert [(r[3], r[13], r[12]) for r in measures[1:]] == [
        ("mA", "Tidlig: drøftet før vedtaket", "2"), ("mB", "Sent: ikke drøftet før vedtaket", "2"),
        ("mC", "Tidlig: drøftet før vedtaket", "4"), ("mF", "Aldri involvert", "0"),
    ]
    assert measures[1][5] == "Transport og pendling (inkl. parkering)"
    seats = read_csv(client.get(reverse("dashboards:records_export", args=["csv"]),
                                {**YEAR, "metric": "employee_seat_fill_rate", "municipality": "3205"}))
    assert [(r[4], r[7], r[8]) for r in seats[1:]] == [
        ("Tillitsvalgt 1", "Til stede", "ja"), ("Tillitsvalgt 2", "Forfall", "ja"),
        ("Tillitsvalgt 4", "Forfall", "nei"), ("Tillitsvalgt uten sete", "Til stede", "ja"),
        ("Tillitsvalgt 1", "Forfall", "nei"),
    ]
    initiatives = read_csv(client.get(reverse("dashboards:records_export", args=["csv"]),
                                      {**YEAR, "metric": "employee_initiatives", "municipality": "3205"}))
    assert [(r[0], r[4]) for r in initiatives[1:]] == [("Henvendelse", cworld.request.text), ("Klimatiltak", "mC")]


def test_the_comparison_table(cworld, client_for):
    response = client_for("adviser").get(reverse("dashboards:national_export", args=["csv"]),
                                         {**YEAR, "with_data": "on", "county": "32"})
    rows = read_csv(response)
    assert rows[0] == [str(c.label) for c in COMPARISON.columns]
    assert rows[0][:8] == [
        "Kommunenummer", "Kommune", "Fylke", "Innbyggertall", "Type utvalg", "Fra", "Til", "Avholdte møter"]
    # shares as percentages with a decimal comma, the median and the index with a decimal comma
    assert rows[1] == [
        "3205", "Lillestrøm", "Akershus", rows[1][3], "PSU", "2022-01-01", "2022-12-31",
        "2", "1", "8", "6", "3", "1", "1", "6", "60%", "50%", "2", "5", "4", "2", "50%", "2", "69,5", "100", "",
    ]
    assert len(rows) == 2
    response = client_for("adviser").get(reverse("dashboards:national_export", args=["xlsx"]),
                                         {**YEAR, "with_data": "on", "county": "32"})
    xlsx = read_xlsx(response)
    assert xlsx[1][7:24] == [2, 1, 8, 6, 3, 1, 1, 6, 0.6, 0.5, 2, 5, 4, 2, 0.5, 2.0, 69.5]
    book = workbook(response)
    assert book.sheetnames == ["Sammenligning", "Kolonner"]
    sheet = book["Sammenligning"]
    assert (sheet["P2"].number_format, sheet["F2"].number_format, sheet["X2"].number_format) == (
        "0.0 %", "yyyy-mm-dd", "0.0")
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", "A1:Z2")


def test_no_data_is_empty_not_zero(cworld, client_for):
    rows = read_csv(client_for("adviser").get(reverse("dashboards:national_export", args=["csv"]),
                                              {**YEAR, "county": "03", "show_all": "on"}))
    assert [row[0] for row in rows[1:]] == ["03", "0301"]  # the county municipality and the municipality
    assert all(row[7:24] == [""] * 17 for row in rows[1:])


def test_unknown_format_and_bad_filters(client_for):
    client = client_for("adviser")
    assert client.get(reverse("dashboards:records_export", args=["pdf"]), {"metric": "measures"}).status_code == 404
    assert client.get(reverse("dashboards:national_export", args=["json"])).status_code == 404
    assert client.get(reverse("dashboards:records_export", args=["csv"]), {"metric": "x"}).status_code == 400
    assert client.get(reverse("dashboards:national_export", args=["csv"]), {"from": "x"}).status_code == 400


def test_formulas_are_not_run_by_spreadsheets(cworld, client_for):
    AgendaItem.objects.filter(pk=cworld.i5.pk).update(title='=HYPERLINK("http://evil","x")')
    params = {**YEAR, "metric": "climate_linked", "municipality": "3205"}
    rows = read_csv(client_for("adviser").get(reverse("dashboards:records_export", args=["csv"]), params))
    assert rows[1][10] == "'=HYPERLINK(\"http://evil\",\"x\")"
    xlsx = read_xlsx(client_for("adviser").get(reverse("dashboards:records_export", args=["xlsx"]), params))
    assert xlsx[1][10] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert (safe_text("-1"), safe_text("a=b"), csv_value(None), csv_value(2 / 3), csv_value(2 / 3, "share")) == (
        "'-1", "a=b", "", "0,6667", "66,7%")
    assert (decimal_comma(92000.0, 1), decimal_comma(0.5, 4), csv_value(-3), csv_value(0.9545, "share")) == (
        "92000", "0,5", "-3", "95,5%")
    assert ITEMS.keys[0] == "municipality"



def test_control_characters_are_dropped_from_xlsx_cells_and_kept_in_csv(cworld, client_for):
    """One title with a control character (as imports of PDFs can bring) must not break the export."""
    AgendaItem.objects.filter(pk=cworld.i3.pk).update(title="Reise\x0bregulativ \x1f2022\tny")
    params = {**YEAR, "metric": "climate_mentions", "municipality": "3205"}
    response = client_for("adviser").get(reverse("dashboards:records_export", args=["xlsx"]), params)
    assert response.status_code == 200
    titles = [row[ITEMS.keys.index("title")] for row in read_xlsx(response)[1:]]
    assert titles == ["Referatsaker: klimaregnskap", "Reiseregulativ 2022\tny", "Parkeringsavgift for ansatte"]
    rows = read_csv(client_for("adviser").get(reverse("dashboards:records_export", args=["csv"]), params))
    assert rows[2][ITEMS.keys.index("title")] == "Reise\x0bregulativ \x1f2022\tny"
