"""The one exception the importer raises, with a user-facing Norwegian (bokmål) message."""

from __future__ import annotations

from ..limits import IMPORT_MAX_BYTES as MAX_BYTES  # noqa: F401 - the one definition, re-exported

MESSAGES: dict[str, str] = {
    "empty": "Fila er tom.",
    "too_large": "Fila er større enn 20 MB.",
    "not_a_document": "Fila er verken PDF eller tekst.",
    "no_text_layer": "Fant ingen tekst i PDF-en, heller ikke med tekstgjenkjenning (OCR) av sidene.",
    "ocr_unavailable": (
        "PDF-en er skannet (har ikke tekstlag), og tekstgjenkjenning (OCR) er ikke installert på serveren. "
        "Be driftsansvarlig installere Debian-pakkene tesseract-ocr og tesseract-ocr-nor "
        "(apt-get install tesseract-ocr tesseract-ocr-nor, eller make ocr), og last opp fila på nytt."
    ),
    "encrypted": "PDF-en er kryptert eller passordbeskyttet. Lagre en ukryptert kopi og prøv igjen.",
    "invalid_pdf": "PDF-en kan ikke leses (fila er skadet eller ufullstendig).",
    "too_many_pages": "PDF-en har for mange sider til å importeres (over 2000 sider).",
    "too_slow": "Fila tok for lang tid å lese. Del den opp og prøv igjen.",
    "too_complex": (
        "Dokumentet er for komplisert å lese: det brukte mer tid eller minne enn én fil får. "
        "Del det opp, eller lagre det på nytt som PDF, og prøv igjen."
    ),
    "worker_lost": (
        "Lesingen ble avbrutt to ganger fordi bakgrunnsprosessen stoppet. "
        "Prøv igjen om litt, eller del opp filene."
    ),
    "no_meeting_found": (
        "Fant ingen møte i dokumentet: fant ikke møtedato, saksliste eller saker. "
        "Kontroller at dette er en møteprotokoll eller møteinnkalling."
    ),
    "internal": "Dokumentet kunne ikke tolkes på grunn av en uventet feil.",
    "save_lost": (
        "Lagringa ble avbrutt fordi bakgrunnsprosessen stoppet. Ingenting ble lagret: bekreft på nytt."
    ),
    "save_failed": "Lagringa feilet på grunn av en uventet feil. Ingenting ble lagret.",
}


class ProtocolImportError(Exception):
    """Raised for any input the importer cannot turn into meetings.

    ``code`` is a stable machine-readable key (see ``MESSAGES``); ``message`` is shown to users.
    """

    def __init__(self, code: str, message: str | None = None, *, detail: str | None = None):
        self.code = code
        self.message = message or MESSAGES.get(code, MESSAGES["internal"])
        self.detail = detail
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"ProtocolImportError(code={self.code!r}, message={self.message!r})"
