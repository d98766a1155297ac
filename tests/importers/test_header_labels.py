"""Header labels of ACOS-style templates (imports.parsers.header): the body label in its
'Utvalg/styre/råd' forms, and values printed under a column of labels, each given to its own
label (bokmål and nynorsk)."""

from __future__ import annotations

import datetime as dt

import pytest

from imports.parsers import parse_text
from imports.parsers.header import parse_header, stacked_values


@pytest.mark.parametrize(
    "label", ["Utvalg/styre/råd :", "Utvalg/styre/råd:", "Styre/råd/utval :", "Råd/utvalg:", "Utvalg / styre / råd :"]
)
@pytest.mark.parametrize("sep", ["\n", " "])
def test_body_label_of_acos_templates(label, sep):
    text = sep.join([f"Møteinnkalling {label} Eldrerådet", "Møtested : Rådhuset", "Dato : 12.03.2024"])
    head = parse_header(text)
    assert (head.body, head.place, head.date) == ("Eldrerådet", "Rådhuset", dt.date(2024, 3, 12))


STACKED_NB = "Møteprotokoll\nUtvalg:\nMøtested:\nDato:\nTidspunkt:\nFormannskapet\nRådhuset, møterom 1\n12.03.2024\n10:00 - 14:00\n"
STACKED_NN = "Møtebok\nUtval:\nMøtestad:\nDato:\nTid:\nHeradsstyret\nHeradshuset\n05.11.2024\n09:00 - 15:30\n"
STACKED_ACOS = "Møteinnkalling\nUtvalg/styre/råd :\nMøtested :\nMøtedato :\nPartssammensatt utvalg\nKantina\n01.02.2023\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (STACKED_NB, ("Formannskapet", "Rådhuset, møterom 1", dt.date(2024, 3, 12), dt.time(10, 0), dt.time(14, 0))),
        (STACKED_NN, ("Heradsstyret", "Heradshuset", dt.date(2024, 11, 5), dt.time(9, 0), dt.time(15, 30))),
        (STACKED_ACOS, ("Partssammensatt utvalg", "Kantina", dt.date(2023, 2, 1), None, None)),
    ],
)  # fmt: skip
def test_values_under_a_column_of_labels(text, expected):
    head = parse_header(text)
    assert (head.body, head.place, head.date, head.start, head.end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (STACKED_NB, {"body": "Formannskapet", "place": "Rådhuset, møterom 1", "date": "12.03.2024",
                      "time": "10:00 - 14:00"}),
        # labels that name no header field keep their place in the column
        ("Møteleder:\nMøtested:\nOla Vik\nRådhuset\n", {"place": "Rådhuset"}),
        ("Utvalg: Formannskapet\nMøtested: Rådhuset\n", {}),  # values beside their labels
        ("Forfall:\nVaramedlemmer:\nOla Vik\nKari Li\nMøtested:\nRådhuset\n", {}),
    ],
)  # fmt: skip
def test_stacked_values(text, expected):
    assert stacked_values(text) == expected


def test_stacked_header_of_a_whole_protocol():
    text = STACKED_NN + "\nSakliste\nPS 12/24 Godkjenning av innkalling\nPS 13/24 Budsjett for skulen\n"
    meeting = parse_text(text).meetings[0]
    assert (meeting.body_name, meeting.place, meeting.date, meeting.start) == (
        "Heradsstyret", "Heradshuset", dt.date(2024, 11, 5), dt.time(9, 0)
    )
    assert [i.title for i in meeting.items] == ["Godkjenning av innkalling", "Budsjett for skulen"]
