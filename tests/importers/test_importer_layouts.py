"""Layout families of real meeting documents (issue 10), as synthetic documents with fictional
people: case numbers in every printed form, titles without archive columns, flattened saksliste
columns, the header deciding the meeting. Each document is read line-broken and flattened."""

from __future__ import annotations

import datetime as dt

import pytest
from synthetic_docs import LAYOUTS, flattened

from imports.parsers import ProtocolImportError, parse_text
from imports.parsers import cases as cs
from imports.parsers import titles as tt
from imports.parsers.header import find_municipality, parse_header

FORMS = ["text", "flattened"]
MISSING_DATE = "Fant ingen møtedato: fyll den inn før møtet lagres."


def meeting(name: str, form: str):
    text = LAYOUTS[name]
    doc = parse_text(flattened(text) if form == "flattened" else text)
    assert len(doc.meetings) == 1
    return doc.meetings[0]


def assert_fields(m, **expected) -> None:
    """The meeting's fields named in ``expected`` hold those values (compared all at once)."""
    assert {name: getattr(m, name) for name in expected} == expected


def items(m) -> list[tuple]:
    return [(i.case_number, i.type, i.title) for i in m.items]


@pytest.mark.parametrize("form", FORMS)
def test_acos_notice_with_capitals_archive_column_and_stripped_number(form):
    m = meeting("acos_notice_caps", form)
    assert_fields(m, date=None, start=dt.time(9, 0), body_name="Administrasjonsutvalget", municipality_name="Lindvik")
    assert m.warnings[0] == MISSING_DATE
    assert items(m) == [
        ("12/2019", "PS", "GODKJENNING AV PROTOKOLL"),
        ("13/2019", "PS", "SYKEFRAVÆR FØRSTE KVARTAL"),
        ("14/2019", "PS", "ARBEIDSTID I ROMJULA"),  # printed '/19': recovered from the sequence
        ("15/2019", "PS", "RETNINGSLINJER FOR VARSLING"),  # without the signature after it
    ]


@pytest.mark.parametrize("form", FORMS)
def test_typed_series_year_first_and_flattened_columns(form):
    m = meeting("acos_prefixed", form)
    assert_fields(m, date=dt.date(2017, 3, 14), start=dt.time(10, 0), place="Kommunestyresalen")
    assert items(m) == [
        ("20/2017", "PS", "Godkjenning av møteprotokoll"),  # numbers printed before titles
        ("21/2017", "PS", "Referatsaker"),
        ("04/2017", "RS", "Melding om vedtak i klagenemnda"),  # 'RS 17/4': year first
        ("22/2017", "PS", "Delegerte saker"),
        ("31/2017", "drofting", "12/7 - Ferdigattest for garasje - Ola Lie"),  # gnr/bnr kept once
        ("32/2017", "drofting", "Utslippsløyve for fritidsbustad - Lie VVS AS"),
        ("23/2017", "PS", "Budsjettregulering"),  # archive number 2017/113 removed
        ("24/2017", "PS", "Klimaplan for kommunen"),
    ]


@pytest.mark.parametrize("form", FORMS)
def test_four_digit_year_first_nynorsk(form):
    m = meeting("acos_year_first_nn", form)
    assert_fields(m, date=None, body_name="Kommunestyret", place="Kommunestyresalen")
    assert items(m) == [
        ("20/2011", "PS", "Budsjettregulering"),
        ("21/2011", "PS", "Klage på vedtak i fondsstyresak 2011/7"),  # not a case of its own
        ("22/2011", "PS", "Skjenkeløyve for Fjellkroa"),
        ("23/2011", "PS", "Delegering av mynde etter plan- og bygningslova"),
        ("03/2011", "RS", "Referatsaker"),
    ]


@pytest.mark.parametrize("form", FORMS)
def test_two_digit_year_first_decided_by_the_series(form):
    m = meeting("acos_year_first_short", form)
    assert items(m) == [
        ("01/2015", "PS", "Arbeidstid på julaften"),  # 'PS 15/1', never case 15 of 2001
        ("02/2015", "PS", "Sykefravær i Strandvik kommune"),
        ("03/2015", "PS", "Retningslinjer for bierverv"),  # arkivkode 405 and page furniture cut
    ]


@pytest.mark.parametrize("form", FORMS)
def test_county_motebok_with_sak_headings_nynorsk(form):
    m = meeting("county_motebok_nn", form)
    assert_fields(
        m, date=dt.date(2014, 9, 23), start=dt.time(10, 30), end=dt.time(14, 30), body_name="Hovudutval for samferdsle",
        place="Fylkeshuset", document_kind="protocol",
    )
    assert items(m) == [
        ("51/2014", "PS", "Skriv og meldingar"),
        ("52/2014", "PS", "Ny ferjekontrakt for Nordsundet - høyringsfråsegn"),  # 'sak 47/13' is a reference
    ]
    assert m.items[1].decision.strip() == "Som tilrådd."


@pytest.mark.parametrize("form", FORMS)
def test_three_digit_numbers_with_leading_zeros(form):
    m = meeting("word_protocol_three_digits", form)
    assert_fields(m, date=None, start=dt.time(15, 0), document_kind="protocol", municipality_name="Havnes")
    assert [(i.case_number, i.title) for i in m.items] == [
        ("44/2013", "Referatsaker"),
        ("45/2013", "Spørsmål og informasjon"),
        ("46/2013", "Parkering ved rådhuset"),
        ("47/2013", "Kommunens regnskap og årsberetning for 2012"),
        ("48/2013", "Kommunal veinorm - revisjon"),
    ]


@pytest.mark.parametrize("form", FORMS)
def test_a_date_inside_an_item_is_not_the_meeting_date(form):
    m = meeting("historical_date_in_item", form)
    assert m.date is None and m.warnings[0] == MISSING_DATE
    assert [(i.case_number, i.title) for i in m.items] == [
        ("07/2016", "Oppfølging av vedtak fra 12.01.2010 om HMS-runder"),
        ("08/2016", "Søknadsfrist 15. april 2016 for velferdsmidler"),
    ]


@pytest.mark.parametrize("form", FORMS)
def test_saksliste_whose_years_were_stripped_takes_the_documents_year(form):
    m = meeting("year_stripped_nn", form)
    assert_fields(m, date=None, body_name="Kommunestyret", place="Heradshuset", document_kind="protocol")
    assert [(i.case_number, i.title) for i in m.items] == [
        ("57/2016", "Godkjenning av møtebok"),  # '57 / / 3855': year and archive year stripped
        ("58/2016", "Tilstandsrapport for skulen"),
        ("60/2016", "Ny kraftleidning Fjordby - Dalen"),
        ("61/2016", "Referat - og drøftingssaker"),
    ]
    assert m.items[0].decision.strip() == "Møteboka vart godkjent."


@pytest.mark.parametrize("form", FORMS)
def test_own_template_with_slashed_labels_and_sak_numbers(form):
    m = meeting("control_committee_notice", form)
    assert_fields(
        m, date=dt.date(2009, 2, 19), start=dt.time(9, 0), place="Kommunehuset, møterom A",
        body_name="Kontrollutvalget", municipality_name="Fjordby",
    )
    assert [(i.case_number, i.title) for i in m.items] == [
        ("01/2009", "Godkjenning av protokoll fra møte"),  # 'Arkivsak: 035/2009' is not a case
        ("02/2009", "Referatsaker"),
        ("03/2009", "Plan for forvaltningsrevisjon for 2009"),
        ("04/2009", "Eventuelt"),  # the references '4/2008, 7/2008' are not items either
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Møteinnkalling Utvalg: Formannskapet Møtested: Rådhuset Møtetid: 23.01.2019 kl. 12.00",
         (dt.date(2019, 1, 23), dt.time(12, 0))),
        ("MØTEBOK Fylkestinget Dato: 15. oktober 2013 Kl.: 10:00 Stad: Fylkeshuset",
         (dt.date(2013, 10, 15), dt.time(10, 0))),
        ("Formannskapet 20.08.2020 Utvalg: Fjordby formannskap Møtested: Rådhuset Tid: 09:00 - 14:55",
         (dt.date(2020, 8, 20), dt.time(9, 0))),
        ("Møteinnkalling Utvalg: Formannskapet Dato: Tidspunkt: 13:00 Søknadsfrist 01.03.2018",
         (None, dt.time(13, 0))),
    ],
)  # fmt: skip
def test_header_fields_decide_date_and_time(text, expected):
    head = parse_header(text)
    assert (head.date, head.start) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MØTEINNKALLING Utvalg: Møtested: Dato: Arbeidsmiljøutvalget Formannskapssalen Tidspunkt: 1300 NB!",
         (dt.time(13, 0), None, None, None)),
        ("PROTOKOLL Partssamansett utval Stad: Heradshuset Tid: kl 0900 - 1130",
         (dt.time(9, 0), dt.time(11, 30), None, "Heradshuset")),
        ("Møtebok Administrasjonsutvalet kl 1000 Møtestad: Heradshuset", (dt.time(10, 0), None, None, "Heradshuset")),
        ("Møteprotokoll Arbeidsmiljøutvalget Møtetid: 2019 Møtestad: Rådhuset", (None, None, None, "Rådhuset")),
        ("Møteprotokoll Arbeidsmiljøutvalget Tid: 2460", (None, None, None, None)),
        # stacked labels: the value after 'Møtested:' is the body's when 'Utvalg:' has none
        ("Møteinnkalling Utvalg: Møtested: Administrasjonsutvalget Dato: Tidspunkt: 10:00 Rådhuset",
         (dt.time(10, 0), None, "Administrasjonsutvalget", None)),
        ("Utval: Møtestad: Partssamansett utval Dato: Kl.: 10:00", (dt.time(10, 0), None, "Partssamansett utval", None)),
        ("Utvalg: Møtested: Formannskapssalen Dato: Tid: 14:00", (dt.time(14, 0), None, None, "Formannskapssalen")),
    ],
)  # fmt: skip
def test_header_fields_of_flattened_templates(text, expected):
    head = parse_header(text)
    assert (head.start, head.end, head.body, head.place) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 TRANØY KOMMUNE MØTEINNKALLING Utvalg: Kommunestyret", "Tranøy"),
        ("KVAM HERAD KVAM HERADSSTYRE MØTEPROTOKOLL Dato:", "Kvam"),
        ("HORDALAND FYLKESKOMMUNE MØTEBOK Fylkestinget", "Hordaland"),
        ("STOKKE KOMMUNE ANDEBU KOMMUNE SANDEFJORD KOMMUNE MØTEINNKALLING Utvalg: Fellesnemnda", None),
        ("Møteinnkalling Utvalg: Fylkesutvalet " + "x " * 300 + "Ås kommune - søknad om tilskot", None),
    ],
)
def test_municipality_only_from_the_masthead(text, expected):
    assert find_municipality(text) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("PS 1/19", [("PS", 1, 2019, "normal")]),
        ("RS 2/19", [("RS", 2, 2019, "normal")]),
        ("FO 15/18", [("FO", 15, 2018, "normal"), ("FO", 18, 2015, "year_first")]),
        ("Sak 21/14", [("SAK", 21, 2014, "normal"), ("SAK", 14, 2021, "year_first")]),
        ("Saknr. 21/14", [("SAK", 21, 2014, "normal"), ("SAK", 14, 2021, "year_first")]),
        ("Sak nr. 12/2015", [("SAK", 12, 2015, "normal")]),
        ("SAK 51/14", [("SAK", 51, 2014, "normal")]),
        ("AMU-sak 3/12", [("AMU", 3, 2012, "normal")]),
        ("FS-044/13", [("FS", 44, 2013, "normal")]),
        ("023/17", [(None, 23, 2017, "normal")]),
        ("12/2015", [(None, 12, 2015, "normal")]),
        ("2013/21", [(None, 21, 2013, "year_first")]),
        ("PS 15/1", [("PS", 1, 2015, "year_first")]),
        ("PS 14/75", [("PS", 75, 2014, "year_first")]),  # never case 14 of 2075
        ("/13 Referatsaker", [(None, None, 2013, "stripped")]),
        ("103/5", []),  # gnr/bnr
        ("13/441", []),  # archive number
        ("2018/720-3", []),  # archive number with document number
        ("16/4516", []),
        ("/13 /14", []),  # stripped digits not followed by a title
    ],
)
def test_case_number_forms(printed, expected):
    found = [
        (t.prefix, r.number, r.year, r.form) for t in cs.scan(printed) for r in t.readings
    ]
    assert found == expected


def test_same_number_in_two_series_are_two_items():
    entries = parse_text(
        "Møteinnkalling Utvalg: Formannskapet Møtested: Rådhuset Dato: 10.05.2011\n"
        "Saksliste\nPS 5/11 Referatsaker\nRS 5/11 Brev frå fylkesmannen\nPS 6/11 Budsjett\n"
    ).meetings[0].items
    assert [(i.case_number, i.type, i.title) for i in entries] == [
        ("05/2011", "PS", "Referatsaker"),
        ("05/2011", "RS", "Brev frå fylkesmannen"),
        ("06/2011", "PS", "Budsjett"),
    ]


def test_stripped_numbers_recovered_only_where_the_gap_allows():
    text = "8/12 Vegplan /12 Kriseplan /12 Valg /12 Skatt 12/12 Legat"
    tokens = cs.agenda_series(text, 0, len(text)).tokens
    assert [t.number for t in tokens] == [8, 9, 10, 11, 12]
    text = "8/12 Vegplan /12 Kriseplan /12 Valg 10/12 Legat"
    tokens = cs.agenda_series(text, 0, len(text)).tokens
    assert [t.number for t in tokens] == [8, 10]


def test_flattened_titles_split_at_title_starts():
    block = (
        "Kommunal plan for vilt i Fjordby kommune Oppstart av landbruksplan for Fjordby kommune "
        "Uttalelse - forslag til vedtekter Fjordby boligstiftelse. Endring av forskrift om "
        "snøscooterløyper i Fjordby kommune, Finnmark Forpliktende plan"
    )
    assert tt.split_titles(block, 5) == [
        "Kommunal plan for vilt i Fjordby kommune",
        "Oppstart av landbruksplan for Fjordby kommune",
        "Uttalelse - forslag til vedtekter Fjordby boligstiftelse.",
        "Endring av forskrift om snøscooterløyper i Fjordby kommune, Finnmark",
        "Forpliktende plan",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dette er eit brev utan møte.",
        "Saksliste",  # a label alone
        "Protokoll 12/4567 og 2018/720-3",  # only archive numbers
    ],
)
def test_nothing_recognisable_is_still_refused(text):
    with pytest.raises(ProtocolImportError) as info:
        parse_text(text)
    assert info.value.code == "no_meeting_found"
    assert info.value.message.startswith("Fant ingen møte i dokumentet")


def test_a_header_alone_is_a_partial_meeting():
    m = parse_text("KVAM HERAD MØTEPROTOKOLL Dato: Kl.: 16:00-19:45 Stad: Rådhuset").meetings[0]
    assert_fields(m, date=None, start=dt.time(16, 0), end=dt.time(19, 45), place="Rådhuset", items=[])
    assert m.warnings == [MISSING_DATE, "Fant ingen saker med saksnummer."]


@pytest.mark.parametrize("form", FORMS)
def test_oral_reports_before_the_agenda_are_orientering_items(form):
    text = (
        "Lindvik kommune\nMøteprotokoll\nUtvalg: Administrasjonsutvalget\nMøtedato: 12.03.2019\n\n"
        "Orienteringer:\nPersonalsjefen orienterte om sykefraværet i første kvartal.\n\n"
        "Saksliste\n12/19 Budsjett for lærlinger\n13/19 Retningslinjer for varsling\n"
    )
    m = parse_text(flattened(text) if form == "flattened" else text).meetings[0]
    assert [(i.position, i.case_number, i.type, i.title) for i in m.items] == [
        (1, None, "orientering", "Orienteringer"),
        (2, "12/2019", "PS", "Budsjett for lærlinger"),
        (3, "13/2019", "PS", "Retningslinjer for varsling"),
    ]
    assert m.items[0].text == "Personalsjefen orienterte om sykefraværet i første kvartal."


def test_a_number_printed_again_with_its_type_ends_the_agenda():
    text = "Saksliste 12/19 Vegplan 13/19 Budsjett PS 12/19 Vegplan Rådmannens innstilling: Vedtas."
    series = cs.agenda_series(text, 0, len(text))
    assert [t.number for t in series.tokens] == [12, 13]
    assert text[series.end :].startswith("PS 12/19")


@pytest.mark.parametrize("form", FORMS)
def test_notice_with_an_earlier_protocol_attached_is_two_meetings(form):
    text = LAYOUTS["notice_with_protocol_nn"]
    doc = parse_text(flattened(text) if form == "flattened" else text)
    kinds = [(m.document_kind, m.body_name, m.start, m.place) for m in doc.meetings]
    assert kinds == [
        ("protocol", "Valstyre", dt.time(15, 0), "KOMMUNESTYRESALEN"),
        ("notice", "Valstyre", dt.time(15, 0), "KOMMUNESTYRESALEN"),
    ]
    protocol, notice = doc.meetings
    assert protocol.items == []  # 'Saksnr.: 001/13-008/13' is a range, not an item
    assert [(i.case_number, i.title) for i in notice.items] == [
        ("10/2013", "Godkjenning av møtebok frå møte i valstyret"),
        ("11/2013", "Referatsaker"),
        ("12/2013", "Tid og stad for oppteljing"),
    ]


# Rules found on unseen real documents: a meeting's own number ('Møte: 4/2022') is no case and
# does not end the header; a title starting with an absence word ('Fraværsoppfølging') is no
# 'Fravær' label; a workplace after a role in parentheses ('(hovedverneombud Nordvik sykehjem)')
# is not part of the name; the rest of a heading row after its label ('Møtedeltakarar Parti Rolle')
# is no party; 'U.off' and 'Side nr.' are not part of a title; a number after a section heading
# ('Politiske saker 1/22 ...') is a case, after 'saker' in a sentence a reference. Per document:
# header fields, items (number, title, decision) and attendance (name, role, organisation, present).
UNSEEN_RULES = {
    "psu_meeting_number_nn": (
        dict(date=dt.date(2022, 9, 6), start=dt.time(13, 0), place="Heradshuset, møterom 2",
             body_name="Partssamansett utval", document_kind="protocol"),
        [("12/2022", "Godkjenning av innkalling og sakliste", "Innkalling og sakliste vart godkjent."),
         ("13/2022", "Godkjenning av møtebok frå førre møte", "Møteboka frå møte 3/2022 vart godkjent.")],
        [("Ivar Dale", "leiar", None, True), ("Siri Holm", None, None, True), ("Per Vik", None, None, True),
         ("Anne Moe", None, "Fagforbundet", True), ("Kari Lie", None, None, False)],
    ),
    "amu_notice_absence_title": (
        dict(date=dt.date(2023, 3, 14), start=dt.time(9, 0), place="Rådhuset",
             body_name="Arbeidsmiljøutvalget", document_kind="notice"),
        [("05/2023", "Fraværsoppfølging i hjemmetjenesten", ""), ("06/2023", "Vernerunder 2023", "")],
        [],
    ),
    "amu_protocol_workplaces": (
        dict(date=dt.date(2023, 6, 12), place="Rådhuset", document_kind="protocol"),
        [("07/2023", "Sykefravær første tertial", "Saken tas til orientering.")],
        [("Kari Lie", "leder", "AP", True), ("Siri Holm", "hovedverneombud", None, True),
         ("Per Vik", None, "Fagforbundet", True), ("Tone Dal", "enhetsleder", None, True),
         ("Ola Moe", None, None, False)],
    ),
    "psu_participant_table_nn": (
        dict(date=dt.date(2022, 10, 5), start=dt.time(9, 0), body_name="Partssamansett utval"),
        [("21/2022", "Godkjenning av innkalling og sakliste", ""), ("22/2022", "Lønnspolitisk plan", "")],
        [("Ivar Dale", "Leiar", "SP", True), ("Siri Holm", "Nestleiar", "AP", True), ("Per Vik", "Medlem", "H", True),
         ("Anne Moe", "Medlem", "Fagforbundet", True), ("Tor Lund", "Medlem", "Utdanningsforbundet", True)],
    ),
    "acos_notice_small_columns": (
        dict(date=dt.date(2022, 11, 7), body_name="Administrasjonsutvalget", document_kind="notice"),
        [("30/2022", "Godkjenning av innkalling og saksliste", ""), ("31/2022", "Tilsettingsreglement - revisjon", "")],
        [],
    ),
    "elements_section_heading": (
        dict(date=dt.date(2022, 2, 14), body_name="Administrasjonsutvalget", document_kind="protocol"),
        [("01/2022", "Lønnspolitisk plan 2022", ""), ("02/2022", "Seniorpolitiske tiltak", ""),
         ("03/2022", "Følgende saker 4/21 og 9/21 - oppfølging", "")],
        [("Kari Lie", "Leder", "AP", True), ("Per Dal", "Medlem", "H", True)],
    ),
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", list(UNSEEN_RULES))
def test_rules_found_on_unseen_documents(name, form):
    header, agenda, people = UNSEEN_RULES[name]
    m = meeting(name, form)
    assert_fields(m, **header)
    assert [(i.case_number, i.title, i.decision.strip()) for i in m.items] == agenda
    assert [(a.name, a.role, a.organisation, a.present) for a in m.attendance] == people
