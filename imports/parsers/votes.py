"""Outcomes and vote counts of proposals, read sentence by sentence from the handling text."""

from __future__ import annotations

import re

from .orgs import orgs_in
from .outcomes import (
    ADMIN_REF_RE,
    ADOPTED_RE,
    FELL_RE,
    KIND_REF_RE,
    KIND_WORDS,
    OPPOSED_RE,
    SENTENCE_SPLIT_RE,
    VOTES_MOT_RE,
    VOTES_RE,
    WITHDRAWN_RE,
)
from .types import ParsedProposal


def _kind_of(word: str) -> str:
    word = word.lower()
    return "alternative" if word.startswith("alternativ") else KIND_WORDS.get(word, "alternative")


def _refs(sentence: str, proposals: list[ParsedProposal]) -> list[int]:
    """Indexes of the proposals a sentence refers to."""
    bare = re.sub(r"\([^()]{0,200}\)", " ", sentence)
    found: list[int] = []
    if ADMIN_REF_RE.search(bare):
        found += [i for i, p in enumerate(proposals) if p.kind == "administration"]
    kinds = {_kind_of(k) for k in KIND_REF_RE.findall(bare)}
    orgs = set(orgs_in(bare))
    others = [i for i, p in enumerate(proposals) if p.kind != "administration"]
    candidates = []
    for i in others:
        p = proposals[i]
        kind_ok = not kinds or p.kind in kinds
        org_ok = not orgs or bool(orgs & set(p.proposers))
        if (kinds or orgs) and kind_ok and org_ok:
            candidates.append(i)
    if len(candidates) > 1 and orgs:
        best = max(len(orgs & set(proposals[i].proposers)) for i in candidates)
        exact = [i for i in candidates if set(proposals[i].proposers) == orgs]
        if not WITHDRAWN_RE.search(bare):
            candidates = exact or [
                i for i in candidates if len(orgs & set(proposals[i].proposers)) == best
            ]
    if len(candidates) > 1 and not WITHDRAWN_RE.search(bare) and not (kinds or orgs):
        candidates = []
    return found + [i for i in candidates if i not in found]


def apply_votes(proposals: list[ParsedProposal], handling: str) -> None:
    """Set outcome and vote counts on ``proposals`` from the handling text."""
    if not handling.strip() or not proposals:
        return
    decided: set[int] = set()
    pairs: list[list[int]] = []
    for sentence in SENTENCE_SPLIT_RE.split(handling):
        sentence = " ".join(sentence.split())
        if not sentence:
            continue
        refs = _refs(sentence, proposals)
        if OPPOSED_RE.search(sentence) and len(refs) >= 2:
            pairs.append(refs[:2])
        if WITHDRAWN_RE.search(sentence):
            outcome = "withdrawn"
        elif FELL_RE.search(sentence):
            outcome = "fell"
        elif ADOPTED_RE.search(sentence):
            outcome = "adopted"
        else:
            continue
        if not refs:
            admin = [
                i
                for i, p in enumerate(proposals)
                if p.kind == "administration" and i not in decided
            ]
            undecided = [i for i in range(len(proposals)) if i not in decided]
            if len(undecided) == 1:
                refs = undecided
            elif admin and outcome == "adopted" and not decided:
                refs = admin[:1]
            else:
                continue
        if outcome != "withdrawn" and OPPOSED_RE.search(sentence):
            refs = refs[:1]
        votes = VOTES_RE.search(sentence)
        mot = VOTES_MOT_RE.search(sentence)
        for i in refs:
            p = proposals[i]
            p.outcome = outcome  # type: ignore[assignment]
            decided.add(i)
            if votes and outcome != "withdrawn":
                p.votes_for = int(votes.group(1))
                if votes.group(2):
                    p.votes_against = int(votes.group(2))
            elif mot and outcome != "withdrawn":
                p.votes_for, p.votes_against = int(mot.group(1)), int(mot.group(2))
    counted = [i for i, p in enumerate(proposals) if p.votes_for is not None]
    if not pairs and len(counted) == 2:
        outcomes = {proposals[i].outcome for i in counted}
        if outcomes == {"adopted", "fell"}:
            pairs.append(counted)
    for a, b in pairs:
        pa, pb = proposals[a], proposals[b]
        if pa.votes_for is not None and pb.votes_for is not None:
            if pa.votes_against is None:
                pa.votes_against = pb.votes_for
            if pb.votes_against is None:
                pb.votes_against = pa.votes_for
