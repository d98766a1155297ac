"""Synthetic meeting documents (fictional people) in the Sing layout, for import tests."""


def masthead(kind: str, date: str, gap: str = "\n") -> str:
    """Vaksdal's administrasjonsutval in the Sing layout: the document kind, ``gap``, the body, the date."""
    return f"""Vaksdal kommune

{kind}
{gap}ADMINISTRASJONSUTVALET

Møtedato: {date}
Møtestad: Kommunestyresalen
Møtetid: 10:00 - 11:30
"""


PROTOCOL_2024_02 = masthead("MØTEPROTOKOLL", "06.02.2024", gap="") + """
Møtedeltakarar:

Medlemmer Parti Rolle
Sigrid Fjellheim SP Utvalsleiar
Tor Brekkestø AP Medlem
Ola Nordtveit Arbeidstakarrepr.

Forfall Parti Møtande varamedlem
Kari Vestrheim Arbeidstakarrepr. Liv Haugen

Andre møtande:
Eva Dalsbø

Saksliste

SAKSNR TITTEL
01/2024 GODKJENNING AV INNKALLING OG SAKSLISTE
02/2024 Parkeringsavgift for tilsette ved rådhuset

01/2024: GODKJENNING AV INNKALLING OG SAKSLISTE

Kommunedirektøren sitt framlegg til vedtak:

Innkalling og saksliste vert godkjent.

Administrasjonsutvalet  06.02.2024

Behandling:
Samrøystes vedteke.

ADM - sak 01/2024 Vedtak/Tilråding:

Innkalling og saksliste vert godkjent.

---------------------------------------------------------------------------------------------------------------------------

02/2024: Parkeringsavgift for tilsette ved rådhuset

Kommunedirektøren sitt framlegg til vedtak:

Det vert innført parkeringsavgift for tilsette frå 1. mai 2024 for å redusere bilbruk og utslepp.

Administrasjonsutvalet  06.02.2024

Behandling:
Endringsforslag frå Fagforbundet:
Innføringa vert utsett til hausten, og tilsette får tilbod om el-sykkel.

Røysting:
Endringsforslaget frå Fagforbundet fekk 2 stemmer og falt. Kommunedirektøren sitt framlegg fekk 4 stemmer og vart vedteke.

ADM - sak 02/2024 Vedtak/Tilråding:

Det vert innført parkeringsavgift for tilsette frå 1. mai 2024 for å redusere bilbruk og utslepp.

---------------------------------------------------------------------------------------------------------------------------
Spørsmål:
Ola Nordtveit (Fagforbundet) ber om at sak om sykkelparkering for tilsette blir tatt med på saksliste til neste møte.
"""

NOTICE_2024_04 = masthead("MØTEINNKALLING", "16.04.2024") + """
SAKSLISTE
SAKSNR TITTEL
05/2024 GODKJENNING AV INNKALLING OG SAKSLISTE

06/2024 Sykkelparkering for tilsette

 Saksnr Utval Type Dato
06/2024

Administrasjonsutvalet PS 16.04.2024

Sakshandsamar Arkiv ArkivsakID
Eva Dalsbø FE-033 24/1100

Sykkelparkering for tilsette

Kommunedirektøren sitt framlegg til vedtak:

Det vert bygd overdekt sykkelparkering ved rådhuset.
"""

OTHER_MUNICIPALITY = PROTOCOL_2024_02.replace("Vaksdal kommune", "Sarpsborg kommune")
