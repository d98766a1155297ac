"""Readable names for the classifier's evidence: where a phrase was found and what it signals.

The classifier stores codes (``administration_proposal``, ``work:parking_fee``); pages show
these labels instead. A code without a label (a lexicon category added later) is shown as is.
"""
from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

PLACES = {
    "title": _("Title"),
    "text": _("Case paper"),
    "administration_proposal": _("The administration's proposal"),
    "handling": _("Handling"),
    "decision": _("Decision"),
}
PROPOSAL = re.compile(r"^proposal\[(\d+)\]$")
ATTACHMENT = re.compile(r"^attachment\[(\d+)\]$")

CATEGORIES = {
    "climate": _("Climate"),
    "climate_budget": _("Climate budget and accounts"),
    "emissions": _("Emissions"),
    "energy": _("Energy"),
    "environment": _("Environment"),
    "biodiversity": _("Nature and biodiversity"),
    "certification": _("Environmental certification"),
    "sdg": _("Sustainable development goals"),
    "sustainability": _("Sustainability"),
    "green_transition": _("Green transition"),
    "green_representatives": _("Green union representatives"),
    "procurement": _("Procurement"),
    "transport": _("Transport"),
    "parking": _("Parking"),
    "waste": _("Waste and circularity"),
    "food": _("Food and food waste"),
    "commuting": _("Commuting"),
    "parking_fee": _("Parking fees for employees"),
}
WORK_CATEGORIES = {
    "commuting": _("Commuting"),
    "parking_fee": _("Parking fees for employees"),
    "pay": _("Pay"),
    "relocation": _("Relocation"),
    "service_cars": _("Service cars"),
    "terms": _("Terms of employment"),
    "training": _("Training"),
    "travel": _("Work travel"),
    "work_methods": _("Ways of working"),
    "working_rules": _("Working rules"),
}


def place_label(code: str) -> str:
    if code in PLACES:
        return str(PLACES[code])
    if match := PROPOSAL.match(code or ""):
        return str(_("Proposal %(number)s")) % {"number": int(match.group(1)) + 1}
    if match := ATTACHMENT.match(code or ""):
        return str(_("Attachment %(number)s")) % {"number": int(match.group(1)) + 1}
    return code


def category_label(code: str) -> str:
    kind, sep, name = (code or "").partition(":")
    if sep and kind == "work":
        label = WORK_CATEGORIES.get(name)
        return str(_("Working conditions: %(what)s")) % {"what": label} if label else code
    return str(CATEGORIES[code]) if code in CATEGORIES else code


def evidence_label(entry: dict) -> str:
    """One stored evidence entry (``to_dict`` form) as people see it: "phrase" or "phrase → tie"."""
    phrase = (entry.get("phrase") or "").strip()
    tie = entry.get("tie")
    if phrase and isinstance(tie, dict) and tie.get("phrase"):
        return f"{phrase} → {tie['phrase']}"
    return phrase


def evidence_phrases(evidence: list[dict]) -> list[str]:
    """The distinct labels of stored evidence, in order (see ``evidence_label``)."""
    return list(dict.fromkeys(evidence_label(entry) for entry in evidence))
