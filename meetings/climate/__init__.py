"""Climate classifier: ``classify`` an agenda item, ``assess_environment`` of a case paper."""

from .classifier import (
    Classification,
    Evidence,
    assess_environment,
    classify,
    classify_agenda_item,
    find_env_section,
)
from .labels import evidence_label, evidence_phrases

__all__ = [
    "Classification",
    "Evidence",
    "assess_environment",
    "classify",
    "classify_agenda_item",
    "evidence_label",
    "evidence_phrases",
    "find_env_section",
]
