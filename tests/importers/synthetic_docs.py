"""Synthetic meeting documents with fictional municipalities and people, for importer tests.

SING: a nynorsk Sing-portal notice (12.03.2024) with the protocol of 16.01.2024 attached.
ELEMENTS: a bokmål Elements protocol (14.03.2024).
GENERIC: a bokmål protocol in a free layout (5. mars 2024).
"""

from __future__ import annotations

import io

SEP = "-" * 60
#: The mastheads the importer tests' notices share: Nordvik (bokmål, 14.03.2021) and Fjellvik (nynorsk, Sing, 12.03.2024).
NORDVIK_NOTICE_HEAD = """
Nordvik kommune
MØTEINNKALLING
Utvalg: Administrasjonsutvalget
Møtedato: 14.03.2021 Tid: 09:00
Møtested: Rådhuset, møterom 2
SAKSLISTE
Saksnr. Arkivsaksnr. Tittel
"""
FJELLVIK_NOTICE_HEAD = """
Fjellvik kommune

MØTEINNKALLING

ADMINISTRASJONSUTVALET

Møtedato: 12.03.2024
Møtestad: Formannskapssalen
Møtetid: 09:00 - 12:00
"""

SING = f"""{FJELLVIK_NOTICE_HEAD}
Eventuelle forfall må meldast til Siri Nesheim.

SAKSLISTE
SAKSNR TITTEL
07/2024 GODKJENNING AV INNKALLING OG SAKSLISTE

08/2024 GODKJENNING AV MØTEPROTOKOLL

09/2024 Sykkelordning for tilsette

10/2024 Orientering om sjukefråvær

1. mars 2024

Kari Brekke
Leiar

https://mote.sing.no/fjellvik/
 Saksnr Utval Type Dato
07/2024

Administrasjonsutvalet PS 12.03.2024

Sakshandsamar Arkiv ArkivsakID
Siri Nesheim FE-033 24/210

GODKJENNING AV INNKALLING OG SAKSLISTE

Kommunedirektøren sitt framlegg til vedtak:

Innkalling og saksliste vert godkjent.
 SAKSPAPIR

Saksnr Utval Type Dato
08/2024

Administrasjonsutvalet PS 12.03.2024

Sakshandsamar Arkiv ArkivsakID
Siri Nesheim FE-033 24/210

GODKJENNING AV MØTEPROTOKOLL

Vedlegg:
Protokoll - Administrasjonsutvalet - 16.01.2024

Kommunedirektøren sitt framlegg til vedtak:

Protokollen vert godkjent slik han ligg føre.
 MØTEPROTOKOLL
ADMINISTRASJONSUTVALET

Møtedato: 16.01.2024
Møtestad: Formannskapssalen
Møtetid: 09:00 - 11:45

Møtedeltakarar:

Medlemmer Parti Rolle
Kari Brekke AP Utvalsleiar
Odd Rasmussen H Nestleiar
Gunhild Sæther SP Medlem
Petter Fjeld FRP Medlem
Hanne Lid SV Medlem
Mona Tveit Arbeidstakarrepr.
Rune Skaar Arbeidstakarrepr.

Forfall Parti Møtande varamedlem
Ingrid Vatne Arbeidstakarrepr. Tone Bratt
Leif Moe KRF

Andre møtande:
Geir Husdal, Siri Nesheim

Saksliste

SAKSNR TITTEL
01/2024 GODKJENNING AV INNKALLING OG SAKSLISTE

02/2024 GODKJENNING AV MØTEPROTOKOLL

03/2024 Parkeringsavgift for tilsette ved rådhuset

04/2024 Lønspolitisk plan 2024-2027
 01/2024: GODKJENNING AV INNKALLING OG SAKSLISTE

Kommunedirektøren sitt framlegg til vedtak:

Innkalling og saksliste vert godkjent.

Administrasjonsutvalet 16.01.2024

Behandling:
Samrøystes vedteke.

ADM - sak 01/2024 Vedtak/Tilråding:

Innkalling og saksliste vert godkjent.

{SEP}

02/2024: GODKJENNING AV MØTEPROTOKOLL

Kommunedirektøren sitt framlegg til vedtak:

Protokollen vert godkjent slik han ligg føre.

Administrasjonsutvalet 16.01.2024

Behandling:
Samrøystes vedteke.

ADM - sak 02/2024 Vedtak/Tilråding:

Protokollen vert godkjent slik han ligg føre.

{SEP}

03/2024: Parkeringsavgift for tilsette ved rådhuset

Kommunedirektøren sitt framlegg til vedtak:

Det vert innført parkeringsavgift for tilsette ved rådhuset frå 1. mai 2024. Inntektene går til
kommunen sitt klimafond.

Endringsforslag frå Fagforbundet:

Parkeringsavgifta vert utsett til det er etablert sykkelparkering og eit betre kollektivtilbod.

Tilleggsforslag frå SV:

Kommunen skal tilby tilsette rabatt på kollektivtransport.

Administrasjonsutvalet 16.01.2024

Behandling:
Kommunedirektøren svarer på spørsmål.
Røysting:
Kommunedirektøren sitt framlegg vart sett opp mot endringsforslaget frå Fagforbundet.
Endringsforslaget frå Fagforbundet fekk 3 stemmer (Fagforbundet, SV) og falt. Kommunedirektøren
sitt framlegg fekk 6 stemmer og vart vedteke.
Tilleggsforslaget frå SV vart samrøystes vedteke.

ADM - sak 03/2024 Vedtak/Tilråding:

Det vert innført parkeringsavgift for tilsette ved rådhuset frå 1. mai 2024. Inntektene går til
kommunen sitt klimafond.
Kommunen skal tilby tilsette rabatt på kollektivtransport.

{SEP}

04/2024: Lønspolitisk plan 2024-2027

Kommunedirektøren sitt framlegg til vedtak:

Lønspolitisk plan 2024-2027 vert vedteken.

Fellesforslag frå AP, H og Utdanningsforbundet:

Planen vert evaluert etter to år.

Administrasjonsutvalet 16.01.2024

Behandling:
Utdanningsforbundet trekk fellesforslaget.
Kommunedirektøren sitt framlegg vart vedteke med 8 mot 1 stemmer.

ADM - sak 04/2024 Vedtak/Tilråding:

Lønspolitisk plan 2024-2027 vert vedteken.

{SEP}
 Orienteringar:
HR-leiar orienterer om sjukefråvær.

Spørsmål:
Mona Tveit (Fagforbundet) ber om at sak om sykkelordning for tilsette blir sett opp på
sakslista til neste møte.
Rune Skaar (Delta) spør om status for nytt turnusprogram.
 SAKSPAPIR

Saksnr Utval Type Dato
09/2024

Administrasjonsutvalet PS 12.03.2024

Sakshandsamar Arkiv ArkivsakID
Geir Husdal  24/388

Sykkelordning for tilsette

Vedlegg:
Avtaleutkast

Kommunedirektøren sitt framlegg til vedtak:

Fjellvik kommune innfører ei sykkelordning der tilsette kan lease elsykkel gjennom lønstrekk.

Bakgrunn for saka:

Fagforbundet bad i møte 16.01.2024 om ei sak om sykkelordning. Ordninga skal gjere det
enklare å sykle til jobben.

Miljømessige konsekvensar:
Ordninga vil redusere bilbruk og klimagassutslepp frå arbeidsreiser.

Økonomiske konsekvensar:
Ordninga er kostnadsnøytral for kommunen.
 SAKSPAPIR

Saksnr Utval Type Dato
10/2024

Administrasjonsutvalet PS 12.03.2024

Sakshandsamar Arkiv ArkivsakID
Siri Nesheim FE-400 24/390

Orientering om sjukefråvær

Kommunedirektøren sitt framlegg til vedtak:

Saka vert teken til orientering.

Saksopplysningar:

Sjukefråværet var 7,9 prosent i 2023. Arbeidsmiljøet og det psykososiale miljøet vert følgt
opp i alle einingar, og samarbeidsklimaet er godt.

Miljømessige konsekvensar:
Ingen.
"""

ELEMENTS = """
Sørfjell kommune

Møteprotokoll

Utvalg: Administrasjonsutvalget
Møtested: Kommunestyresalen, Sørfjell rådhus
Møtedato: 14.03.2024
Tidspunkt: 09:00 - 11:15

Faste medlemmer som møtte:
Navn Funksjon Representerer
Astrid Lunde Leder AP
Jon Bakke Nestleder H
Ingrid Solberg Medlem SP
Ole Haugen Medlem FRP
Mette Lie Medlem Fagforbundet
Knut Strand Medlem Utdanningsforbundet

Forfall:
Navn Funksjon Representerer
Tone Dahl Medlem SV
Jonas Berg Medlem Sykepleierforbundet

Varamedlemmer som møtte:
Navn Møtte for Representerer
Eva Moen Tone Dahl SV
Lars Holm Jonas Berg Sykepleierforbundet

Fra administrasjonen møtte:
Navn Stilling
Anne Vikane Rådmann
Trond Aas Personalsjef

Protokollfører: Berit Sand

Saksliste
Saksnr Tittel
PS 1/24 Godkjenning av innkalling og saksliste
PS 2/24 Godkjenning av protokoll fra forrige møte
RS 3/24 Referatsaker
PS 4/24 Miljøfyrtårn-sertifisering av renholdstjenesten
PS 5/24 Reglement for hjemmekontor
OS 6/24 Orientering om sykefravær og arbeidsmiljø

PS 1/24 Godkjenning av innkalling og saksliste
Rådmannens innstilling
Innkalling og saksliste godkjennes.

Behandling i Administrasjonsutvalget - 14.03.2024
Enstemmig vedtatt.

Vedtak i Administrasjonsutvalget - 14.03.2024
Innkalling og saksliste godkjennes.

PS 2/24 Godkjenning av protokoll fra forrige møte
Rådmannens innstilling
Protokoll fra møtet 01.02.2024 godkjennes.

Behandling i Administrasjonsutvalget - 14.03.2024
Enstemmig vedtatt.

Vedtak i Administrasjonsutvalget - 14.03.2024
Protokoll fra møtet 01.02.2024 godkjennes.

RS 3/24 Referatsaker
Rådmannens innstilling
Referatsakene tas til orientering.

Behandling i Administrasjonsutvalget - 14.03.2024
Enstemmig vedtatt.

Vedtak i Administrasjonsutvalget - 14.03.2024
Referatsakene tas til orientering.

PS 4/24 Miljøfyrtårn-sertifisering av renholdstjenesten
Rådmannens innstilling
Renholdstjenesten miljøsertifiseres etter Miljøfyrtårn-ordningen innen utgangen av 2024.

Behandling i Administrasjonsutvalget - 14.03.2024
Endringsforslag fra Fagforbundet:
Sertifiseringen gjennomføres i 2025, etter at de ansatte har fått tid til å lære nye rutiner.

Tilleggsforslag fra H:
Kostnadene dekkes innenfor rammen.

Votering:
Endringsforslaget fra Fagforbundet fikk 3 stemmer og falt.
Rådmannens innstilling fikk 6 stemmer og ble vedtatt.
Tilleggsforslaget fra H ble enstemmig vedtatt.

Vedtak i Administrasjonsutvalget - 14.03.2024
Renholdstjenesten miljøsertifiseres etter Miljøfyrtårn-ordningen innen utgangen av 2024.
Kostnadene dekkes innenfor rammen.

PS 5/24 Reglement for hjemmekontor
Rådmannens innstilling
Reglement for hjemmekontor vedtas.

Behandling i Administrasjonsutvalget - 14.03.2024
Mette Lie (Fagforbundet) fremmet følgende tilleggsforslag:
Ordningen evalueres etter ett år i samarbeid med de tillitsvalgte.

Rådmannens innstilling med tilleggsforslaget fra Fagforbundet ble enstemmig vedtatt.

Vedtak i Administrasjonsutvalget - 14.03.2024
Reglement for hjemmekontor vedtas. Ordningen evalueres etter ett år i samarbeid med de
tillitsvalgte.

OS 6/24 Orientering om sykefravær og arbeidsmiljø
Rådmannens innstilling
Saken tas til orientering.

Behandling i Administrasjonsutvalget - 14.03.2024
Personalsjef Trond Aas orienterte om sykefraværet og det psykososiale arbeidsmiljøet.
Enstemmig vedtatt.

Vedtak i Administrasjonsutvalget - 14.03.2024
Saken tas til orientering.

Eventuelt:
Knut Strand (Utdanningsforbundet) ber om en orientering om klimabudsjettet på neste møte.
"""

GENERIC = """
Nordvik kommune
Protokoll fra møte i partssammensatt utvalg

Dato: 5. mars 2024
Tid: kl. 13.00–15.00
Sted: Møterom Fjorden, rådhuset

Til stede: Ola Berg (AP, leder), Siri Dahl (H), Kjell Moen (SP), Hilde Lund (Fagforbundet),
Tor Vik (Delta)
Forfall: Lise Holm (SV), Anders Nygård (NITO)
Vara: Per Øien (SV) for Lise Holm
Fra administrasjonen: Gunnar Aas (kommunedirektør), Mari Sand (personalsjef)

Sak 1/24 Godkjenning av innkalling og saksliste
Vedtak: Innkalling og saksliste godkjennes.

Sak 2/24 Klimabudsjett 2025 for kommuneorganisasjonen
Forslag til vedtak: Utvalget tar klimabudsjettet til orientering.
Behandling: Hilde Lund (Fagforbundet) fremmet følgende tilleggsforslag: De ansatte skal
involveres i arbeidet med klimatiltak på arbeidsplassene gjennom opplæring.
Tilleggsforslaget ble enstemmig vedtatt. Forslag til vedtak ble enstemmig vedtatt.
Vedtak: Utvalget tar klimabudsjettet til orientering. De ansatte skal involveres i arbeidet med
klimatiltak på arbeidsplassene gjennom opplæring.

Sak 3/24 Drøfting av ny turnusordning i hjemmetjenesten
Behandling: Saken ble drøftet.
Vedtak: Saken tas til orientering.

Eventuelt:
Tor Vik (Delta) spør om status for tjenestebiler i hjemmetjenesten.
"""

DOCUMENTS = {"sing": SING, "elements": ELEMENTS, "generic": GENERIC}


def flattened(text: str) -> str:
    """All line breaks replaced by spaces, as when pasted from a web portal."""
    return text.replace("\n", " ")


def make_pdf(text: str, *, lines_per_page: int = 55, user_password: str | None = None, owner_password: str | None = None) -> bytes:
    """A text PDF (reportlab, Helvetica) with one text line per document line, encrypted if asked."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    encrypt = StandardEncryption(user_password or "", owner_password) if owner_password else None
    pdf = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    lines = text.split("\n")
    for start in range(0, max(1, len(lines)), lines_per_page):
        y = 800
        for line in lines[start : start + lines_per_page]:
            pdf.drawString(40, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_blank_pdf() -> bytes:
    """A PDF with a drawn rectangle and no text (as a scan without OCR)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.rect(50, 50, 400, 600, stroke=1, fill=0)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_encrypted_pdf(
    text: str = "Møteprotokoll\nMøtedato: 01.01.2024", password: str = "hemmeleg"
) -> bytes:
    """A text PDF that needs a user password."""
    return make_pdf(text, user_password=password, owner_password=password + "-eier")


# ---------------------------------------------------------------- layout families (issue 10)
# Fictional people; each shape is one the importer reads in real documents. Page numbers and
# digits lost in transcripts ('/19', 'Dato:' without a date) are part of the shape.

ACOS_NOTICE_CAPS = """
1 Lindvik kommune MØTEINNKALLING Utvalg: Møtested: Møtedato: ADMINISTRASJONSUTVALGET
Rådhuset, møterom 2 Tid: 09:00 Eventuelt forfall meldes til tlf Varamedlemmer møter etter
nærmere avtale.

SAKSLISTE Saksnr. Arkivsaksnr. Tittel 12/19 19/331 GODKJENNING AV PROTOKOLL 13/19 19/412
SYKEFRAVÆR FØRSTE KVARTAL /19 19/420 ARBEIDSTID I ROMJULA 15/19 18/1877 RETNINGSLINJER FOR
VARSLING Lindvik, Kari Nordmo leder

2 Sak 12/19 Arkivsaksnr.: 19/331-2 GODKJENNING AV PROTOKOLL Forslag til vedtak: Protokollen
godkjennes.
"""

ACOS_PREFIXED = """
Bjørkvik kommune
Møteinnkalling
Utvalg: Formannskapet
Møtested: Kommunestyresalen
Dato: 14.03.2017
Tidspunkt: 10:00

Saksliste
Utvalgssaksnr Innhold Arkivsaksnr
PS 20/17 PS 21/17 Godkjenning av møteprotokoll Referatsaker
RS 17/4 Melding om vedtak i klagenemnda 2016/1204
PS 22/17 Delegerte saker
DS 17/31 12/7 - Ferdigattest for garasje - Ola Lie 12/7
DS 17/32 Utslippsløyve for fritidsbustad - Lie VVS AS
PS 23/17 Budsjettregulering 2017/113
PS 24/17 Klimaplan for kommunen 2016/988
"""

ACOS_YEAR_FIRST_NN = """
Nordfjell kommune
Møteinnkalling
Utval: Kommunestyret
Møtestad: Kommunestyresalen
Dato:
Tidspunkt: 10:00
Saksliste
Utv.saksnr Sakstittel U.Off Arkivsaksnr
PS 2011/20 Budsjettregulering 2011/5315
PS 2011/21 Klage på vedtak i fondsstyresak 2011/7 X 2011/3234
PS 2011/22 PS 2011/23 Skjenkeløyve for Fjellkroa Delegering av mynde etter plan- og
bygningslova 2011/4410
RS 2011/3 Referatsaker
Fjellvik Ivar Haugen ordførar
"""

ACOS_YEAR_FIRST_SHORT = """
1 Strandvik kommune for framtida MØTEINNKALLING Administrasjonsutvalget Dato: Møtested:
Rådhuset Tidspunkt: 13:30 SAKSLISTE:

2 Saksliste: Saksnr Innhold Arkivsaksnr PS 15/1 Arbeidstid på julaften 403 PS 15/2
Sykefravær i Strandvik kommune PS 15/3 Retningslinjer for bierverv 405

3 Strandvik kommune Saksframlegg Referanse 2014/ Saksgang: Utvalgssaksnummer Utvalg
Møtedato 15/2 Arbeidsmiljøutvalget /1 Administrasjonsutvalget Arbeidstid på julaften
Rådmannens innstilling: Kontorene holdes stengt julaften.
"""

COUNTY_MOTEBOK_NN = """
MØTEBOK
Organ: Hovudutval for samferdsle
Møtestad: Fylkeshuset
Møtedato: 23.09.2014
Kl.: 10:30 - 14:30

Ingen merknader til innkalling og sakliste.

SAK 51/14 Skriv og meldingar
Frå fylkesdirektøren låg det føre slik tilråding til vedtak:
Skriva vert tekne til orientering.
Vedtak:
Skriva vert tekne til orientering.

SAK 52/14 Ny ferjekontrakt for Nordsundet - høyringsfråsegn
Frå fylkesdirektøren låg det føre slik tilråding til vedtak:
Hovudutvalet sluttar seg til høyringsframlegget. Vedtaket i sak 47/13 står ved lag.
Vedtak:
Som tilrådd.
"""

WORD_PROTOCOL_THREE_DIGITS = """
Havnes kommune Møteprotokoll for Formannskapet Møtedato: Møtested: Kommunestyresalen
Møtetid: kl: 15:00

Saksliste Sak nr. Sakstittel 044/13 Referatsaker 045/13 Spørsmål og informasjon 046/13
Parkering ved rådhuset /13 Kommunens regnskap og årsberetning for 2012 048/13 Kommunal veinorm -
revisjon

044/13: Referatsaker Referatsakene tas til orientering. Enstemmig tatt til orientering
FS-044/13 Vedtak: Tatt til orientering 045/13: Spørsmål og informasjon Rådmannen orienterte.
"""

HISTORICAL_DATE_IN_ITEM = """
Lunde kommune
MØTEINNKALLING
Utvalg: Arbeidsmiljøutvalget
Møtedato:
Tidspunkt: 12:00

SAKSLISTE
Saksnr. Tittel
07/2016 Oppfølging av vedtak fra 12.01.2010 om HMS-runder
08/2016 Søknadsfrist 15. april 2016 for velferdsmidler
"""

YEAR_STRIPPED_NN = """
MØTE PROTOKOLL Utval Kommunestyret Møtestad: Heradshuset Møtedato: Start kl.: Slutt kl.:
Saksnr. Tittel 57 / / 3855 Godkjenning av møtebok SAKLISTE 58 / / 3910 Tilstandsrapport for
skulen 60 / / 3534 Ny kraftleidning Fjordby - Dalen; 61 / / 3856 Referat - og drøftingssaker

57 / 16 Godkjenning av møtebok Handsaming: Det var ikkje merknad til møteboka.
VEDTAK: Møteboka vart godkjent.
"""

CONTROL_COMMITTEE_NOTICE = """
1 FJORDBY KOMMUNE Møteinnkalling Arkivsak: 035/2009 Utvalg/styre/råd : Kontrollutvalget
Møtedato/tid : Torsdag 19. februar 2009 kl 09.00 Møtested/lokaler : Kommunehuset, møterom A
Vedlagt oversendes sakene 4/2008, 7/2008 og 9/2008 til orientering.
Sakliste: Sak 1/2009 Godkjenning av protokoll fra møte Sak 2/2009 Referatsaker
Sak 3/2009 Plan for forvaltningsrevisjon for 2009 Sak 4/2009 Eventuelt Eventuelle forfall meldes
til sekretariatet. Kari Lie leder (sign)
"""

NOTICE_WITH_PROTOCOL_NN = """
1 Fjellvik kommune MØTEINNKALLING Utval: VALSTYRE Møtestad: KOMMUNESTYRESALEN Møtedato: Kl. 15:00
Eventuelt forfall skal meldast til servicekontoret. SAKLISTE Sak nr. Saktittel
010/13 Godkjenning av møtebok frå møte i valstyret /13 Referatsaker
012/13 Tid og stad for oppteljing Fjellvik, 13. august 2013 Ivar Dale Leiar

2 Fjellvik kommune Møteprotokoll VALSTYRE Møtedato: Møtetid: Kl. 15:00 Møtestad: KOMMUNESTYRESALEN
Saksnr.: 001/13-008/13 Møteleiar: Ivar Dale
"""

PSU_MEETING_NUMBER_NN = """
Fjellvik kommune PROTOKOLL Partssamansett utval Møte: 4/2022 Tid: Tysdag 6. september 2022 kl. 13:00
Stad: Heradshuset, møterom 2 Til stades: Ivar Dale (leiar), Siri Holm, Per Vik, Anne Moe (Fagforbundet)
Forfall: Kari Lie
Sak 12/22 Godkjenning av innkalling og sakliste
Vedtak: Innkalling og sakliste vart godkjent.
Sak 13/22 Godkjenning av møtebok frå førre møte
Vedtak: Møteboka frå møte 3/2022 vart godkjent.
"""

AMU_NOTICE_ABSENCE_TITLE = """
Nordvik kommune MØTEINNKALLING Arbeidsmiljøutvalget Møte: 2/2023 Møtested: Rådhuset Møtedato: 14.03.2023
Tid: 09:00 SAKSLISTE Saksnr. Arkivsaksnr. Tittel
5/23 23/311 Fraværsoppfølging i hjemmetjenesten 6/23 23/312 Vernerunder 2023
Eventuelle forfall meldes til servicetorget.
"""

AMU_PROTOCOL_WORKPLACES = """
Nordvik kommune MØTEPROTOKOLL Arbeidsmiljøutvalget Møtested: Rådhuset Møtedato: 12.06.2023 Tid: 09:00
Til stede: Kari Lie (leder, Ap), Siri Holm (hovedverneombud Nordvik sykehjem), Per Vik (Fagforbundet),
Tone Dal (enhetsleder Sentrum skole)
Forfall: Ola Moe
Sak 7/23 Sykefravær første tertial
Vedtak: Saken tas til orientering.
"""

PSU_PARTICIPANT_TABLE_NN = """
Møtedato: 05.10.2022 Møtestad: Heradshuset Møtetid: 09:00-11:00 Møtebok for Partssamansett utval
Møtedeltakarar Parti Rolle Ivar Dale SP Leiar Siri Holm AP Nestleiar Per Vik H Medlem
Anne Moe Fagforbundet Medlem Tor Lund Utdanningsforbundet Medlem
Sakliste Saknr Tittel 021/22 Godkjenning av innkalling og sakliste 022/22 Lønnspolitisk plan
"""

ACOS_NOTICE_SMALL_COLUMNS = """
Nordvik kommune Møteinnkalling Utvalg: Administrasjonsutvalget Møtested: Rådhuset Dato: 07.11.2022
Tidspunkt: 10:00 Saksliste Utvalgssaksnr PS 22/30 PS 22/31 Innhold U.off Arkivsaksnr
Godkjenning av innkalling og saksliste Tilsettingsreglement - revisjon 22/511 Side nr. Kari Lie leder
"""

ELEMENTS_SECTION_HEADING = """
Møteprotokoll Protokoll fra møte i Administrasjonsutvalget Møtested: Fylkeshuset Møtedato: 14.02.2022 Tid: 10:00 12:00
Faste medlemmer som møtte: Navn Funksjon Representerer Kari Lie Leder AP Per Dal Medlem H
Saksliste Saksnr Tittel Politiske saker 1/22 Lønnspolitisk plan 2022 2/22 Seniorpolitiske tiltak
3/22 Følgende saker 4/21 og 9/21 - oppfølging
"""

LAYOUTS = {
    "elements_section_heading": ELEMENTS_SECTION_HEADING,
    "psu_participant_table_nn": PSU_PARTICIPANT_TABLE_NN,
    "acos_notice_small_columns": ACOS_NOTICE_SMALL_COLUMNS,
    "amu_protocol_workplaces": AMU_PROTOCOL_WORKPLACES,
    "psu_meeting_number_nn": PSU_MEETING_NUMBER_NN,
    "amu_notice_absence_title": AMU_NOTICE_ABSENCE_TITLE,
    "notice_with_protocol_nn": NOTICE_WITH_PROTOCOL_NN,
    "control_committee_notice": CONTROL_COMMITTEE_NOTICE,
    "year_stripped_nn": YEAR_STRIPPED_NN,
    "acos_notice_caps": ACOS_NOTICE_CAPS,
    "acos_prefixed": ACOS_PREFIXED,
    "acos_year_first_nn": ACOS_YEAR_FIRST_NN,
    "acos_year_first_short": ACOS_YEAR_FIRST_SHORT,
    "county_motebok_nn": COUNTY_MOTEBOK_NN,
    "word_protocol_three_digits": WORD_PROTOCOL_THREE_DIGITS,
    "historical_date_in_item": HISTORICAL_DATE_IN_ITEM,
}
