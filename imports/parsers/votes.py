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

ADMINISTRATION = "administration"


def kind_of(word: str) -> str:
    """The proposal kind a word names ('Endringsforslaget' -> 'amendment'); unknown words and
    'alternativt' name an alternative proposal."""
    word = word.lower()
    return "alternative" if word.startswith("alternativ") else KIND_WORDS.get(word, "alternative")


def handling_sentences(handling: str):
    """The non-empty sentences of a handling text, each with its whitespace collapsed."""
    for sentence in SENTENCE_SPLIT_RE.split(handling):
        sentence = " ".join(sentence.split())
        if sentence:
            yield sentence


def outcome_of(sentence: str) -> str | None:
    """The outcome a sentence reports: 'withdrawn' before 'fell' before 'adopted' (None: none)."""
    if WITHDRAWN_RE.search(sentence):
        return "withdrawn"
    if FELL_RE.search(sentence):
        return "fell"
    if ADOPTED_RE.search(sentence):
        return "adopted"
    return None


def names_kind_and_org(proposal: ParsedProposal, kinds: set[str], orgs: set[str]) -> bool:
    """A sentence naming proposal kinds and/or organisations refers to a proposal that is of one
    of the kinds named and made by at least one of the organisations named."""
    if not (kinds or orgs):
        return False
    kind_ok = not kinds or proposal.kind in kinds
    org_ok = not orgs or bool(orgs & set(proposal.proposers))
    return kind_ok and org_ok


def narrow_by_proposers(
    candidates: list[int], proposals: list[ParsedProposal], orgs: set[str], *, withdrawn: bool
) -> list[int]:
    """Of several proposals matching the organisations named, the one made by exactly them, else
    those sharing the most of them. A withdrawal keeps them all (one sentence may withdraw several)."""
    if len(candidates) <= 1 or not orgs or withdrawn:
        return candidates
    exact = [i for i in candidates if set(proposals[i].proposers) == orgs]
    if exact:
        return exact
    shared = {i: len(orgs & set(proposals[i].proposers)) for i in candidates}
    best = max(shared.values())
    return [i for i in candidates if shared[i] == best]


def referenced(sentence: str, proposals: list[ParsedProposal]) -> list[int]:
    """Indexes of the proposals a sentence refers to: the administration's first, then the others
    by kind and organisation (text in parentheses, such as a list of voters, is ignored)."""
    bare = re.sub(r"\([^()]{0,200}\)", " ", sentence)
    found: list[int] = []
    if ADMIN_REF_RE.search(bare):
        found += [i for i, p in enumerate(proposals) if p.kind == ADMINISTRATION]
    kinds = {kind_of(k) for k in KIND_REF_RE.findall(bare)}
    orgs = set(orgs_in(bare))
    candidates = [
        i for i, p in enumerate(proposals) if p.kind != ADMINISTRATION and names_kind_and_org(p, kinds, orgs)
    ]
    candidates = narrow_by_proposers(candidates, proposals, orgs, withdrawn=bool(WITHDRAWN_RE.search(bare)))
    return found + [i for i in candidates if i not in found]


def unnamed_refs(proposals: list[ParsedProposal], decided: set[int], outcome: str) -> list[int]:
    """The proposals an outcome that names none decides: the only undecided proposal, else the
    administration's when nothing was decided yet and the outcome is an adoption; else none."""
    undecided = [i for i in range(len(proposals)) if i not in decided]
    if len(undecided) == 1:
        return undecided
    admin = [i for i in undecided if proposals[i].kind == ADMINISTRATION]
    if admin and outcome == "adopted" and not decided:
        return admin[:1]
    return []


def vote_counts(sentence: str) -> tuple[int, int | None] | None:
    """(for, against) from 'fekk 12 røyster mot 3' or '12 mot 3 røyster' (against None: not
    printed); None when the sentence gives no count."""
    votes = VOTES_RE.search(sentence)
    if votes:
        return int(votes.group(1)), int(votes.group(2)) if votes.group(2) else None
    mot = VOTES_MOT_RE.search(sentence)
    if mot:
        return int(mot.group(1)), int(mot.group(2))
    return None


def record_outcome(proposal: ParsedProposal, outcome: str, counts: tuple[int, int | None] | None) -> None:
    """Set a proposal's outcome and, except for a withdrawal, the votes counted for and against it."""
    proposal.outcome = outcome  # type: ignore[assignment]
    if counts is None or outcome == "withdrawn":
        return
    proposal.votes_for = counts[0]
    if counts[1] is not None:
        proposal.votes_against = counts[1]


def counted_pair(proposals: list[ParsedProposal]) -> list[list[int]]:
    """Two counted proposals, one adopted and one fallen, were voted against each other."""
    counted = [i for i, p in enumerate(proposals) if p.votes_for is not None]
    if len(counted) == 2 and {proposals[i].outcome for i in counted} == {"adopted", "fell"}:
        return [counted]
    return []


def fill_opposed_counts(a: ParsedProposal, b: ParsedProposal) -> None:
    """Two proposals voted against each other: the votes for one are the votes against the other."""
    if a.votes_for is None or b.votes_for is None:
        return
    if a.votes_against is None:
        a.votes_against = b.votes_for
    if b.votes_against is None:
        b.votes_against = a.votes_for


def apply_votes(proposals: list[ParsedProposal], handling: str) -> None:
    """Set outcome and vote counts on ``proposals`` from the handling text."""
    if not handling.strip() or not proposals:
        return
    decided: set[int] = set()
    pairs: list[list[int]] = []
    for sentence in handling_sentences(handling):
        refs = referenced(sentence, proposals)
        opposed = bool(OPPOSED_RE.search(sentence))
        if opposed and len(refs) >= 2:
            pairs.append(refs[:2])
        outcome = outcome_of(sentence)
        if outcome is None:
            continue
        refs = refs or unnamed_refs(proposals, decided, outcome)
        if outcome != "withdrawn" and opposed:
            refs = refs[:1]  # the first named of two proposals set against each other
        counts = vote_counts(sentence)
        for i in refs:
            record_outcome(proposals[i], outcome, counts)
            decided.add(i)
    for a, b in pairs or counted_pair(proposals):
        fill_opposed_counts(proposals[a], proposals[b])
