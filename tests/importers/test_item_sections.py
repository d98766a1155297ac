"""Where an item's own text ends (issue 10 req. 6): at the next item's heading, a new document's
heading or a bounded length, never at the end of the document, so that a climate word in one
item's case paper never flags another item. Synthetic notices with fictional people, bokmål and
nynorsk, each read line-broken and flattened."""

from __future__ import annotations

import pytest
from synthetic_docs import NORDVIK_NOTICE_HEAD, flattened

from imports.parsers import parse_text
from imports.parsers import sections as sec
from imports.parsers.textnorm import flat, normalize

FORMS = ["text", "flattened"]

# case papers headed 'Sak NN/YY Arkivsaksnr.: …' after the saksliste, then a table of contents
NOTICE_SAK_HEADINGS = f"""{NORDVIK_NOTICE_HEAD}10/21 21/345 Godkjenning av protokoll
11/21 21/346 Sykefravær fjerde kvartal
12/21 21/347 Reisepolicy for ansatte
Nordvik, 7. mars 2021 Per Olsen leder

Sak 10/21 Arkivsaksnr.: 21/345
Godkjenning av protokoll
Forslag til vedtak: Protokollen godkjennes.

Sak 11/21 Arkivsaksnr.: 21/346
Sykefravær fjerde kvartal
Sykefraværet var 6,1 prosent i fjerde kvartal.
Forslag til vedtak: Saken tas til orientering.

Sak 12/21 Arkivsaksnr.: 21/347
Reisepolicy for ansatte
Ny reisepolicy skal redusere klimagassutslipp fra tjenestereiser og pendling.
Forslag til vedtak: Reisepolicyen vedtas.

INNHOLDSFORTEGNELSE
Årsrapport for bedriftshelsetjenesten side 4
Klimaplan og energisparing i kommunale bygg side 9
"""

# nynorsk; the page number is glued to 'Sak' ('2Sak 20/20'), so the number is read without it
NOTICE_GLUED_PAGE_NN = """
Austvik kommune
MØTEINNKALLING
Utval: Arbeidsmiljøutvalet
Møtedato: 02.09.2020 Tid: 12:00
Møtestad: Kommunehuset
SAKLISTE
Saksnr. Tittel
20/20 Avvik i heimetenesta
21/20 Plan for sykkelparkering ved rådhuset
Austvik, 26. august 2020 Ola Nes leiar
2Sak 20/20 Arkivsaksnr.: 20/812
Avvik i heimetenesta
Det vart meldt 14 avvik i første halvår.
Framlegg til vedtak: Saka vert teken til orientering.
3Sak 21/20 Arkivsaksnr.: 20/813
Plan for sykkelparkering ved rådhuset
Sykkelparkering skal gjere det lettare å sykle til jobb og redusere klimagassutslepp frå pendling.
Framlegg til vedtak: Planen vert vedteken.
"""

# the case papers' numbers are lost, so they cannot be matched to the saksliste: the last
# entry must not swallow them (nor the next committee's climate plan)
NOTICE_UNMATCHED_PAPERS = """
Vestby kommune
MØTEINNKALLING
Utvalg: Partssammensatt utvalg
Møtedato: 11.05.2022 Tid: 10:00
Møtested: Bystyresalen
SAKSLISTE
Saksnr. Tittel
5/22 Godkjenning av innkalling
6/22 Lønnsoppgjøret 2022
Saksframlegg Saksbehandler: Kari Holm Arkivsak: 22/ Utvalgssaksnr Utvalg Møtedato Partssammensatt utvalg
Lønnsoppgjøret 2022
Partene ble enige om et tillegg på 3,7 prosent.
Saksframlegg Saksbehandler: Kari Holm Arkivsak: 22/ Utvalgssaksnr Utvalg Møtedato Kommunestyret
Klimaplan for kommunen
Kommunens klimaplan skal redusere klimagassutslipp med 50 prosent innen 2030.
"""

# nynorsk; an attached annual-meeting protocol of another organisation after the last case paper
NOTICE_ATTACHED_PROTOCOL_NN = """
Fjordheim kommune
MØTEINNKALLING
Utval: Hovudarbeidsmiljøutvalet
Møtedato: 05.10.2023 Tid: 13:00
Møtestad: Heradshuset
SAKLISTE
PS 30/23 Rapport frå verneombodet
PS 31/23 Arbeidstid i barnehagane

PS 30/23 Rapport frå verneombodet
Verneombodet har gått vernerunde på alle einingar.
Framlegg til vedtak: Rapporten vert teken til orientering.

PS 31/23 Arbeidstid i barnehagane
Ny turnus gjeld frå 1. januar.
Framlegg til vedtak: Turnusen vert godkjend.
MØTEBOK
Årsmøte i Fjordregionen bedriftshelseteneste
Det regionale klimanettverket skal kutte klimagassutslepp frå køyretøy og bygg.
"""

# nynorsk case paper with a routing table naming a climate committee above an unrelated case
NOTICE_ROUTING_NN = """
Fjellbygd kommune
MØTEINNKALLING
Utval: Administrasjonsutvalet
Møtedato: 21.11.2022 Tid: 10:00
Møtestad: Heradshuset
SAKLISTE
PS 40/22 Lønnspolitisk plan
PS 40/22 Lønnspolitisk plan
Saksgang Utval Møtedato Saksnr
Klima- og miljøutvalet 14.11.2022 12/22
Administrasjonsutvalet 21.11.2022 40/22
Heradsstyret
Framlegg til vedtak: Lønnspolitisk plan vert vedteken.
"""


def items(text: str, form: str):
    doc = parse_text(flattened(text) if form == "flattened" else text)
    assert len(doc.meetings) == 1
    return [(i.case_number, flat(i.text), i.climate.is_climate) for i in doc.meetings[0].items]


# each notice with the items it gives: (case number, the item's own text, flagged as climate)
ITEM_TEXTS = [
    pytest.param(
        NOTICE_SAK_HEADINGS,
        [
            ("10/2021", "Forslag til vedtak: Protokollen godkjennes.", False),
            (
                "11/2021",
                "Sykefraværet var 6,1 prosent i fjerde kvartal. Forslag til vedtak: Saken tas til orientering.",
                False,
            ),
            (
                "12/2021",
                "Ny reisepolicy skal redusere klimagassutslipp fra tjenestereiser og pendling. "
                "Forslag til vedtak: Reisepolicyen vedtas.",
                True,
            ),
        ],
        id="sak_headings_after_the_saksliste_hold_each_case_paper_and_end_before_the_contents",
    ),
    pytest.param(
        NOTICE_GLUED_PAGE_NN,
        [
            (
                "20/2020",
                "Det vart meldt 14 avvik i første halvår. Framlegg til vedtak: Saka vert teken til orientering.",
                False,
            ),
            (
                "21/2020",
                "Sykkelparkering skal gjere det lettare å sykle til jobb og redusere klimagassutslepp frå "
                "pendling. Framlegg til vedtak: Planen vert vedteken.",
                True,
            ),
        ],
        id="a_capitalised_sak_glued_to_a_page_number_is_a_heading_not_a_reference",
    ),
    pytest.param(
        NOTICE_UNMATCHED_PAPERS,
        [
            ("05/2022", "", False),
            ("06/2022", "", False),  # the climate plan further down belongs to no item here
        ],
        id="the_last_saksliste_entry_does_not_swallow_case_papers_it_cannot_be_matched_to",
    ),
    pytest.param(
        NOTICE_ATTACHED_PROTOCOL_NN,
        [
            (
                "30/2023",
                "Verneombodet har gått vernerunde på alle einingar. "
                "Framlegg til vedtak: Rapporten vert teken til orientering.",
                False,
            ),
            ("31/2023", "Ny turnus gjeld frå 1. januar. Framlegg til vedtak: Turnusen vert godkjend.", False),
        ],
        id="an_attached_protocol_is_not_the_last_items_case_paper",
    ),
    pytest.param(
        NOTICE_ROUTING_NN,
        [
            ("40/2022", "Framlegg til vedtak: Lønnspolitisk plan vert vedteken.", False),
        ],
        id="a_routing_table_naming_committees_is_not_case_paper",
    ),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("text", "expected"), ITEM_TEXTS)
def test_each_item_holds_its_own_text(text, expected, form):
    assert items(text, form) == expected


@pytest.mark.parametrize("form", FORMS)
def test_a_climate_word_in_item_bs_case_paper_never_flags_item_a(form):
    """B's heading carries a glued page number ('3Sak 12/21'): B's case paper, with its climate
    words, still ends A's section."""
    text = NOTICE_SAK_HEADINGS.replace("\nSak 12/21", "\n3Sak 12/21")
    flags = [(case, climate) for case, _, climate in items(text, form)]
    assert flags == [("10/2021", False), ("11/2021", False), ("12/2021", True)]


def test_a_lower_case_sak_before_a_number_is_still_a_reference():
    text = normalize("Saksliste\n10/21 Budsjett\nSom vedteke i sak 10/21 Budsjett.\nSak 10/21 Budsjett\nTekst.")
    entries, _ = sec.parse_agenda(text, 9, len(text), 2021)
    located = sec.locate_items(text, entries, text.index("Som"), len(text))
    assert located.starts == [(text.index("Sak 10/21"), text.index("Sak 10/21") + len("Sak 10/21"))]


def test_a_section_without_a_next_heading_is_bounded():
    text = "Sak 1/21 Tittel\n" + "Ord " * 20_000
    located = sec.Located([(0, 8)])
    assert sec.section_end(text, 8, located, len(text)) == 8 + sec.MAX_SECTION_CHARS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saksgang: Utvalgssaksnummer Utvalg Møtedato 15/21 Arbeidsmiljøutvalget /21 "
            "Administrasjonsutvalget Formannskapet Kommunestyret Arbeidstid i jula",
            " Arbeidstid i jula",
        ),
        (
            "Utv.saksnr Utvalg Møtedato 15/21 Sektorstyre for næring, forvaltning og kommunalteknikk "
            "/21 Kommunestyret Forvaltningsplan for grågås",
            " Forvaltningsplan for grågås",
        ),
        (
            "Utvalg Møtedato Saksnr. Komité plan og samfunn i Nordvik /21 Nordvik formannskap /21 "
            "Nordvik kommunestyre Rådmannens forslag",
            " Rådmannens forslag",
        ),
        ("Ingen tabell her. Utvalget skal vurdere saka.", "Ingen tabell her. Utvalget skal vurdere saka."),
    ],
)
def test_strip_routing_drops_the_column_headings_and_rows(text, expected):
    assert sec.strip_routing(text) == expected
