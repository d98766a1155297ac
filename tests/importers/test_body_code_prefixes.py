"""A partssamarbeid body's abbreviation printed before each case number of its saksliste
('AMU 16/2013', 'PSU 4/2024') is the number's prefix, not a title (imports.parsers.case_tokens),
also where a flattened saksliste prints every number before the titles."""

from __future__ import annotations

import pytest

from imports.parsers import parse_text
from imports.parsers.case_tokens import scan
from tests.importers.synthetic_docs import flattened


@pytest.mark.parametrize(
    ("text", "prefix"),
    [("AMU 16/2013 Sjukefråvær", "AMU"), ("HAMU 3/24 Årsrapport", "HAMU"), ("PSU 4/2024 Budsjett", "PSU"),
     ("ADMU 7/2022 Lønnsoppgjer", "ADMU"), ("SAMU 7/2022 Lønnsoppgjer", None)],
)  # fmt: skip
def test_body_code_is_the_prefix(text, prefix):
    token = next(t for t in scan(text) if t.readings)
    assert token.prefix == prefix


NOTICE_NN = """Møteinnkalling
Arbeidsmiljøutvalet
Dato: 10.09.2024
Tid: 12:00 - 14:00

Sakliste
AMU 16/2024 Godkjenning av referat frå førre møte
AMU 17/2024 Sjukefråvær første halvår
AMU 18/2024 Rapport frå bedriftshelsetenesta
"""
NOTICE_NB = """Møteinnkalling
Partssammensatt utvalg
Dato: 10.09.2024
Tid: 12:00 - 14:00

Saksliste
PSU 16/2024 Godkjenning av protokoll fra forrige møte
PSU 17/2024 Sykefravær første halvår
PSU 18/2024 Rapport fra bedriftshelsetjenesten
"""
COLUMNS_NN = (
    "Møteinnkalling Arbeidsmiljøutvalet Dato: 10.09.2024 Sakliste Utvalsaksnr Innhald "
    "AMU 16/2024 AMU 17/2024 AMU 18/2024 Godkjenning av referat frå førre møte "
    "Sjukefråvær første halvår Rapport frå bedriftshelsetenesta"
)
TITLES_NN = ["Godkjenning av referat frå førre møte", "Sjukefråvær første halvår", "Rapport frå bedriftshelsetenesta"]
TITLES_NB = ["Godkjenning av protokoll fra forrige møte", "Sykefravær første halvår", "Rapport fra bedriftshelsetjenesten"]


@pytest.mark.parametrize(
    ("text", "titles"),
    [(NOTICE_NN, TITLES_NN), (flattened(NOTICE_NN), TITLES_NN), (NOTICE_NB, TITLES_NB), (flattened(NOTICE_NB), TITLES_NB),
     (COLUMNS_NN, TITLES_NN)],
)  # fmt: skip
def test_saksliste_with_body_code_prefixes(text, titles):
    meeting = parse_text(text).meetings[0]
    assert [(i.case_number, i.title) for i in meeting.items] == list(
        zip(["16/2024", "17/2024", "18/2024"], titles, strict=True)
    )
