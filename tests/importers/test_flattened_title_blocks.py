"""A saksliste whose columns were flattened prints every number before the titles; an
'Eventuelt' that ends that block of titles is the last item's title, not the heading after the
saksliste (imports.parsers.sections.parse_agenda, titles.cut_title)."""

from __future__ import annotations

import pytest

from imports.parsers import parse_text

COLUMNS_WITH_EVENTUELT = {
    "nn": "Møteinnkalling Arbeidsmiljøutvalet Dato: 10.09.2024 Sakliste Utvalsaksnr Innhald "
    "AMU 16/2024 AMU 17/2024 AMU 18/2024 Sjukefråvær første halvår Rapport frå bedriftshelsetenesta "
    "2024/248 Eventuelt 2024/248",
    "nb": "Møteinnkalling Partssammensatt utvalg Dato: 10.09.2024 Saksliste Saksnr Innhold "
    "16/2024 17/2024 18/2024 Sykefravær første halvår Rapport fra bedriftshelsetjenesten Eventuelt",
}


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_eventuelt_ending_a_block_of_flattened_titles_is_its_last_title(lang):
    meeting = parse_text(COLUMNS_WITH_EVENTUELT[lang]).meetings[0]
    assert [i.title for i in meeting.items][1:] == [
        {"nn": "Rapport frå bedriftshelsetenesta", "nb": "Rapport fra bedriftshelsetjenesten"}[lang],
        "Eventuelt",
    ]
