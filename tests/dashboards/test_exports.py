"""CSV and XLSX exports: exact content for a small fixture, formats, and formula safety."""
from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dashboards.exports import COMPARISON_HEADER, ITEM_HEADER, csv_value, safe_text
from meetings.models import AgendaItem

pytestmark = pytest.mark.django_db
YEAR = {"from": "2022-01-01", "to": "2022-12-31", "body_kind": "PSU"}


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def read_xlsx(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]


def expected_items(w) -> list[list[str]]:
    url = "http://testserver/items/{}/"
    common = ["3205", "Lillestrøm", "Partssammensatt utvalg", "PSU", str(w.m1.pk), "2022-05-01", "held"]
    return [
        ITEM_HEADER,
        common + [str(w.i2.pk), "2", "02/2022", "Referatsaker: klimaregnskap", "RS", "true", "false", "mentions",
                  "mentions", "", "", "not_assessed", "false", "false", "false", url.format(w.i2.pk)],
        common + [str(w.i3.pk), "3", "03/2022", "Reiseregulativ", "PS", "false", "true", "mentions", "none",
                  "mentions", "", "not_assessed", "true", "false", "false", url.format(w.i3.pk)],
        common + [str(w.i5.pk), "5", "05/2022", "Parkeringsavgift for ansatte", "PS", "false", "true", "linked",
                  "linked", "", "parkeringsavgift for ansatte", "consequences", "false", "false", "false",
                  url.format(w.i5.pk)],
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


def test_items_behind_a_figure_as_xlsx(cworld, client_for):
    response = client_for("hr_a").get(
        reverse("dashboards:records_export", args=["xlsx"]), {**YEAR, "metric": "climate_mentions", "municipality": "3205"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = read_xlsx(response)
    assert rows[0] == ITEM_HEADER

    def plain(value) -> str:
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, datetime.datetime):
            return value.date().isoformat()
        return "" if value is None else str(value)

    assert [[plain(v) for v in row] for row in rows[1:]] == expected_items(cworld)[1:]
    assert isinstance(rows[1][4], int) and isinstance(rows[1][12], bool)  # typed cells, not text


def test_measures_and_seats_and_initiatives(cworld, client_for):
    client = client_for("adviser")
    measures = read_csv(client.get(reverse("dashboards:records_export", args=["csv"]),
                                   {**YEAR, "metric": "measures_affecting_employees", "municipality": "3205"}))
    assert [(r[3], r[13], r[12]) for r in measures[1:]] == [
        ("mA", "early", "2"), ("mB", "late", "2"), ("mC", "early", "4"), ("mF", "never", "0"),
    ]
    assert measures[1][5] == "transport"
    seats = read_csv(client.get(reverse("dashboards:records_export", args=["csv"]),
                                {**YEAR, "metric": "employee_seat_fill_rate", "municipality": "3205"}))
    assert [(r[4], r[7], r[8]) for r in seats[1:]] == [
        ("Tillitsvalgt 1", "present", "true"), ("Tillitsvalgt 2", "absent", "true"),
        ("Tillitsvalgt 4", "absent", "false"), ("Tillitsvalgt uten sete", "present", "true"),
        ("Tillitsvalgt 1", "absent", "false"),
    ]
    initiatives = read_csv(client.get(reverse("dashboards:records_export", args=["csv"]),
                                      {**YEAR, "metric": "employee_initiatives", "municipality": "3205"}))
    assert [(r[0], r[4]) for r in initiatives[1:]] == [("request", cworld.request.text), ("measure", "mC")]


def test_the_comparison_table(cworld, client_for):
    response = client_for("adviser").get(reverse("dashboards:national_export", args=["csv"]),
                                         {**YEAR, "with_data": "on", "county": "32"})
    rows = read_csv(response)
    assert rows[0] == COMPARISON_HEADER
    assert rows[1] == [
        "3205", "Lillestrøm", "Akershus", rows[1][3], "PSU", "2022-01-01", "2022-12-31",
        "2", "1", "8", "6", "3", "1", "1", "6", "0.6", "0.5", "2", "5", "4", "2", "0.5", "2.0", "69.5", "100", "",
    ]
    assert len(rows) == 2
    xlsx = read_xlsx(client_for("adviser").get(reverse("dashboards:national_export", args=["xlsx"]),
                                               {**YEAR, "with_data": "on", "county": "32"}))
    assert xlsx[1][7:24] == [2, 1, 8, 6, 3, 1, 1, 6, 0.6, 0.5, 2, 5, 4, 2, 0.5, 2.0, 69.5]


def test_no_data_is_empty_not_zero(cworld, client_for):
    rows = read_csv(client_for("adviser").get(reverse("dashboards:national_export", args=["csv"]),
                                              {**YEAR, "county": "03"}))
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
    assert (safe_text("-1"), safe_text("a=b"), csv_value(None), csv_value(True), csv_value(2 / 3)) == (
        "'-1", "a=b", "", "true", "0.6667")


def test_control_characters_are_dropped_from_xlsx_cells_and_kept_in_csv(cworld, client_for):
    """One title with a control character (as imports of PDFs can bring) must not break the export."""
    AgendaItem.objects.filter(pk=cworld.i3.pk).update(title="Reise\x0bregulativ \x1f2022\tny")
    params = {**YEAR, "metric": "climate_mentions", "municipality": "3205"}
    response = client_for("adviser").get(reverse("dashboards:records_export", args=["xlsx"]), params)
    assert response.status_code == 200
    titles = [row[ITEM_HEADER.index("title")] for row in read_xlsx(response)[1:]]
    assert titles == ["Referatsaker: klimaregnskap", "Reiseregulativ 2022\tny", "Parkeringsavgift for ansatte"]
    rows = read_csv(client_for("adviser").get(reverse("dashboards:records_export", args=["csv"]), params))
    assert rows[2][ITEM_HEADER.index("title")] == "Reise\x0bregulativ \x1f2022\tny"
