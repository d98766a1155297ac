"""Climate classifier: ``classify`` an agenda item, ``assess_environment`` of a case paper."""

from .classifier import (
    Classification,
    Evidence,
    assess_environment,
    classify,
    classify_agenda_item,
    evidence_label,
    evidence_phrases,
    find_env_section,
)

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
