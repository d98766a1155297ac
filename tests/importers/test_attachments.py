"""Case papers and attachments apart (issue 12 req. 5): the text after a case paper's attachment
markers (an attachment list and the listed titles printed as headings, 'VEDLEGG 1: …', a new
document's heading) is stored as attachments, each with its title; the classifier reads them
and says so. Synthetic notices with fictional people, bokmål and nynorsk, as text, as flattened
text (portal copy) and as a generated PDF."""

from __future__ import annotations

import pytest
from synthetic_docs import FJELLVIK_NOTICE_HEAD, NORDVIK_NOTICE_HEAD, flattened, make_pdf

from imports.parsers import parse_document, parse_text
from imports.parsers.attachments import find_title_heading, list_titles, split_case_paper
from imports.parsers.textnorm import flat

# bokmål, case papers headed 'Sak NN/YY'; 10/21 lists two attachments printed after it, 11/21
# has an unlisted 'VEDLEGG 1: …' heading; 12/21 lists one the file does not hold
NOTICE_NB = f"""{NORDVIK_NOTICE_HEAD}10/21 21/345 Sykefravær fjerde kvartal
11/21 21/346 Reisepolicy for ansatte
12/21 21/347 Godkjenning av protokoll
Nordvik, 7. mars 2021 Per Olsen leder

Sak 10/21 Arkivsaksnr.: 21/345
Sykefravær fjerde kvartal
Vedlegg:
1. Fraværsstatistikk for 2020
2. Notat fra bedriftshelsetjenesten

Sykefraværet var 6,1 prosent i fjerde kvartal.
Forslag til vedtak: Saken tas til orientering.


Fraværsstatistikk 2020
Fraværet var høyest i hjemmetjenesten og lavest i administrasjonen.

Notat fra
bedriftshelsetjenesten
Bedriftshelsetjenesten anbefaler mer fysisk aktivitet. Sykkel til jobb gir
mindre klimagassutslipp og færre fraværsdager.

Sak 11/21 Arkivsaksnr.: 21/346
Reisepolicy for ansatte
Forslag til vedtak: Reisepolicyen vedtas.
VEDLEGG 1: Utkast til reisepolicy
Ansatte skal velge tog framfor fly når reisetiden er under seks timer.

Sak 12/21 Arkivsaksnr.: 21/347
Godkjenning av protokoll
Vedlegg: Protokoll fra møtet 10.02.2021
Forslag til vedtak: Protokollen godkjennes.
"""

# nynorsk, a Sing case paper: its attachment list, then the handbook it names (headed by a
# line above the title, the title's number written out) and another body's minutes (MØTEBOK)
NOTICE_NN = f"""{FJELLVIK_NOTICE_HEAD}
SAKSLISTE
SAKSNR TITTEL
11/2024 Kommunalt trepartssamarbeid

1. mars 2024

Kari Brekke
Leiar
 SAKSPAPIR

Saksnr Utval Type Dato
11/2024

Administrasjonsutvalet PS 12.03.2024

Sakshandsamar Arkiv ArkivsakID
Geir Husdal  24/390

Kommunalt trepartssamarbeid

Vedlegg:
Kommunalt 3-partssamarbeid
Referat frå allmøtet i Fagforbundet

Kommunedirektøren sitt framlegg til vedtak:

Saka vert teken til orientering.

Bakgrunn for saka:

Fagforbundet har bede om eit lokalt trepartssamarbeid i kommunen.



Handbok i

Kommunalt
trepartssamarbeid
Handboka syner korleis partane kan samarbeide om omstilling.
Ei arbeidsgruppe kan til dømes sjå på energibruk og klimagassutslepp i kommunale bygg.

MØTEBOK
Referat frå allmøtet i Fagforbundet
Allmøtet drøfta lønsoppgjeret.
"""


def items(text: str):
    doc = parse_text(text)
    assert len(doc.meetings) == 1
    return doc.meetings[0].items


def attachments(item) -> list[tuple[str, str]]:
    return [(a.title, flat(a.text)) for a in item.attachments]


def places(item) -> set[str]:
    return {e.field for e in item.climate.evidence}


EXPECTED_NB = [
    (
        "10/2021",
        "Vedlegg: 1. Fraværsstatistikk for 2020 2. Notat fra bedriftshelsetjenesten Sykefraværet var 6,1 prosent i "
        "fjerde kvartal. Forslag til vedtak: Saken tas til orientering.",
        [
            ("Fraværsstatistikk for 2020",
             "Fraværsstatistikk 2020 Fraværet var høyest i hjemmetjenesten og lavest i administrasjonen."),
            ("Notat fra bedriftshelsetjenesten",
             "Notat fra bedriftshelsetjenesten Bedriftshelsetjenesten anbefaler mer fysisk aktivitet. Sykkel til jobb "
             "gir mindre klimagassutslipp og færre fraværsdager."),
        ],
    ),
    (
        "11/2021",
        "Forslag til vedtak: Reisepolicyen vedtas.",
        [("Utkast til reisepolicy", "VEDLEGG 1: Utkast til reisepolicy Ansatte skal velge tog framfor fly når "
          "reisetiden er under seks timer.")],
    ),
    (
        "12/2021",
        "Vedlegg: Protokoll fra møtet 10.02.2021 Forslag til vedtak: Protokollen godkjennes.",
        [("Protokoll fra møtet 10.02.2021", "")],
    ),
]


def test_bokmal_case_papers_and_their_attachments_apart():
    found = [(i.case_number, flat(i.text), attachments(i)) for i in items(NOTICE_NB)]
    assert found == EXPECTED_NB


@pytest.mark.parametrize("form", ["pdf", "flattened"])
def test_a_pdf_and_a_portal_copy_give_the_same_attachments(form):
    if form == "pdf":
        doc = parse_document(make_pdf(NOTICE_NB), "nordvik.pdf")
        found = [(i.case_number, flat(i.text), attachments(i)) for i in doc.meetings[0].items]
        assert found == EXPECTED_NB
    else:
        # one line: no headings can be seen, so the attachments keep their titles from the list
        # and their text stays with the case paper
        found = [(i.case_number, [a.title for a in i.attachments]) for i in items(flattened(NOTICE_NB))]
        assert found == [
            ("10/2021", ["Fraværsstatistikk for 2020", "Notat fra bedriftshelsetjenesten"]),
            ("11/2021", []),
            ("12/2021", ["Protokoll fra møtet 10.02.2021"]),
        ]


def test_the_classifier_reads_the_attachments_and_says_where():
    first, second, _third = items(NOTICE_NB)
    assert first.climate.level == "mentions"
    assert places(first) == {"attachment[1]"}  # the climate word is in the second attachment only
    assert second.climate.level == "none"


def test_nynorsk_sing_case_paper_keeps_its_text_and_the_handbook_and_minutes_are_attachments():
    (item,) = items(NOTICE_NN)
    assert flat(item.text) == (
        "Vedlegg: Kommunalt 3-partssamarbeid Referat frå allmøtet i Fagforbundet Kommunedirektøren sitt framlegg "
        "til vedtak: Saka vert teken til orientering. Bakgrunn for saka: Fagforbundet har bede om eit lokalt "
        "trepartssamarbeid i kommunen."
    )
    assert attachments(item) == [
        ("Kommunalt 3-partssamarbeid",
         "Handbok i Kommunalt trepartssamarbeid Handboka syner korleis partane kan samarbeide om omstilling. "
         "Ei arbeidsgruppe kan til dømes sjå på energibruk og klimagassutslepp i kommunale bygg."),
        ("Referat frå allmøtet i Fagforbundet",
         "MØTEBOK Referat frå allmøtet i Fagforbundet Allmøtet drøfta lønsoppgjeret."),
    ]
    assert item.climate.is_climate and places(item) == {"attachment[0]"}
    assert item.to_dict()["attachments"][1] == {
        "title": "Referat frå allmøtet i Fagforbundet",
        "text": "MØTEBOK Referat frå allmøtet i Fagforbundet Allmøtet drøfta lønsoppgjeret.",
    }


def test_without_an_attachment_list_a_new_document_is_not_the_items():
    text = "Saka gjeld turnus.\nFramlegg til vedtak: Turnusen vert godkjend.\nMØTEBOK\nÅrsmøte\nKlimatiltak."
    case_paper, found = split_case_paper(text)
    assert (case_paper, found) == ("Saka gjeld turnus. Framlegg til vedtak: Turnusen vert godkjend.", [])


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Vedlegg:\n1. Rapport\n2) Notat om turnus\n\nSaksopplysninger:\nTekst.", ["Rapport", "Notat om turnus"]),
        ("Vedlegg:\n- Avtale\n- Kart\nSamandrag:\nTekst.", ["Avtale", "Kart"]),
        ("Vedlegg: Rapport frå verneombodet\n\n\nTekst i saka.", ["Rapport frå verneombodet"]),
        ("Vedlegg: 1. Notat frå Rambøll 2. Kostnadsoverslag Saksopplysninger: I sak 47/13 ...", ["Notat frå Rambøll", "Kostnadsoverslag"]),
        ("Trykte vedlegg:\nBudsjett 2024\nKommunedirektøren sitt framlegg til vedtak:\nTekst.", ["Budsjett 2024"]),
        ("Vedlegg: Gjeldande reglement. Det er vist til kapittel 18. Samandrag: Tekst.", ["Gjeldande reglement"]),
        ("Saka har ingen vedlegg.\nTekst.", []),
    ],
)
def test_attachment_lists_of_several_layouts(text, titles):
    assert list_titles(text)[0] == titles


def test_a_sentence_starting_with_an_attachments_title_is_not_its_heading():
    text = "Kommunalt trepartssamarbeid er eit tema som mange kommunar arbeider med i desse dagar.\nKommunalt\ntrepartssamarbeid\nTekst."
    assert find_title_heading(text, "Kommunalt 3-partssamarbeid", 0) == text.index("Kommunalt\ntrepartssamarbeid")


def test_vedlegg_in_a_sentence_is_not_an_attachment():
    text = "Vedlegg:\nRapport\n\nTekst om saka som er lang nok.\nVedlegg 1 viser tala for 2023.\nMeir tekst."
    case_paper, found = split_case_paper(text)
    assert case_paper.endswith("Vedlegg 1 viser tala for 2023. Meir tekst.")
    assert [(a.title, a.text) for a in found] == [("Rapport", "")]
