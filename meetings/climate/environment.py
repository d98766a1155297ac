"""A case paper's environmental assessment: its environmental-consequences section, and whether
it finds consequences, none, or was not assessed.
"""

from __future__ import annotations

from typing import Literal

from . import lexicon as lx

EnvAssessment = Literal["consequences", "none_found", "not_assessed"]


def find_env_section(text: str) -> str | None:
    """The content of the first environmental-consequences section, or None when absent."""
    if not text:
        return None
    m = None
    for key in lx.ENV_KEY_RE.finditer(text):
        m = lx.ENV_HEADING_RE.search(text, max(0, key.start() - 45), key.end() + 60)
        if m is not None:
            break
    if m is None:
        return None
    rest = text[m.end() : m.end() + 1500]
    rest = rest.lstrip(" \t:.-–\n")
    end = lx.SECTION_END_RE.search(rest)
    content = rest[: end.start()] if end else rest[:600]
    return " ".join(content.split())


def assess_environment(text: str) -> EnvAssessment:
    """``consequences`` / ``none_found`` / ``not_assessed`` from a case paper's text."""
    content = find_env_section(text or "")
    if content is None:
        return "not_assessed"
    if len(content.split()) < 1 or lx.ENV_NOT_ASSESSED_RE.search(content[:200]):
        return "not_assessed"
    if lx.ENV_NONE_RE.search(content) and not (
        lx.ENV_BUT_RE.search(content) and len(content.split()) > 12
    ):
        return "none_found"
    if len(content.split()) < 3:
        return "not_assessed"
    return "consequences"
