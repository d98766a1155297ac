"""Demo agenda items for the ``seed_demo`` command (fictional wording and people).

The items are data, in ``meetings/data/demo_agenda.json``: per municipality a list of items (a
string names one of the ``shared`` items, such as the approval of the notice), and ``extras``:
dates and employee-side proposals the seeds name for particular items. The seed command pins an
item with a "date" to a meeting on that day and records its "proposals" (besides the
administration's own proposal).

Each item is a dict: ``title``, ``text`` (a short case-paper summary), ``type`` ("PS", "RS"
or "orientering"), ``procedural`` (bool) and ``env_section`` (the text of the case paper's
environmental-consequences section, "" when the paper has no such section). Store
``case_paper_text(item)`` as the item's case-paper text so the classifier sees the section.

The research figures (DOMAIN.md) are reproduced by the classifier
(``meetings.climate.classify(title, case_paper_text(item))`` and ``assess_environment``):

Lillestrøm (38 items): 14 mention climate/environment/SDGs, 2 of them linked to working
conditions:
  mentions: Miljøfyrtårn-sertifisering av vaskeri- og renholdstjenesten (2022), Klimabudsjett
  2021, Klima- og energiplan, Innkjøpsstrategi med klima- og miljøkrav, Ombruk av møbler og
  IKT-utstyr, Energisparing i kommunale bygg, Matsvinn i institusjonskjøkkenene, Utslippsfrie
  kjøretøy i teknisk drift, FNs bærekraftsmål i kommuneplanens samfunnsdel, Sykkelparkering og
  garderober ved rådhuset, Avfallssortering i rådhuset og tjenestestedene, Naturmangfold og
  grøntstruktur;
  linked: Parkeringsavgift for ansatte; Budsjettnotat om oljepris, det grønne skiftet og
  lønnsdannelsen.
Sarpsborg (46 items): 11 mention climate/environment/ecological sustainability: 4 action
plans (klima og energi, Miljøfyrtårn, energisparing, sirkulær økonomi), 3 annual reports
(miljørapport 2020, Miljøfyrtårn hovedbiblioteket 2021, HMS og ytre miljø 2022), energy-saving
measures (PSU 29.09.2022), Klimafond, and 2 linked: environment in the working rules (PSU
01.12.2022, proposed by Naturviterne, unanimous) and e-bike/electric-car leasing for
employees. 9 items have environmental consequences assessed (``consequences``): the 4 action
plans, energy-saving measures, Klimafond, working rules, leasing and the HMS/ytre miljø annual
report; the other 37 are ``none_found`` or ``not_assessed``.
Vaksdal (12 items): none climate-related (2023). Kongsberg (12 items, fully
Miljøfyrtårn-certified): 4 climate items, 1 of them linked (tjenestesykler og elbiler i
hjemmetjenesten).
"""

from __future__ import annotations

import json
from pathlib import Path

ENV_HEADING = "Miljømessige konsekvenser"
DATA = Path(__file__).resolve().parent / "data" / "demo_agenda.json"


def item(
    title: str, text: str, type: str = "PS", procedural: bool = False, env_section: str = ""
) -> dict:
    """One agenda item in the demo format."""
    return {
        "title": title,
        "text": text,
        "type": type,
        "procedural": procedural,
        "env_section": env_section,
    }


def case_paper_text(agenda_item: dict) -> str:
    """The case-paper text to store: the summary plus the environmental section, if any."""
    text = agenda_item["text"]
    if agenda_item.get("env_section"):
        text = f"{text}\n\n{ENV_HEADING}:\n{agenda_item['env_section']}"
    return text


def load_items(data: dict) -> dict[str, list[dict]]:
    """The items per municipality from the data file's form: each in the demo format, a shared
    item where the list names one, with the extras of its title."""
    shared, extras = data["shared"], data["extras"]

    def expand(entry: str | dict) -> dict:
        agenda_item = item(**(shared[entry] if isinstance(entry, str) else entry))
        return agenda_item | extras.get(agenda_item["title"], {})

    return {name: [expand(entry) for entry in entries] for name, entries in data["items"].items()}


_DATA = json.loads(DATA.read_text(encoding="utf-8"))
ITEMS_BY_MUNICIPALITY: dict[str, list[dict]] = load_items(_DATA)
ITEM_EXTRAS: dict[str, dict] = _DATA["extras"]
LILLESTROM_ITEMS = ITEMS_BY_MUNICIPALITY["Lillestrøm"]
SARPSBORG_ITEMS = ITEMS_BY_MUNICIPALITY["Sarpsborg"]
VAKSDAL_ITEMS = ITEMS_BY_MUNICIPALITY["Vaksdal"]
KONGSBERG_ITEMS = ITEMS_BY_MUNICIPALITY["Kongsberg"]
