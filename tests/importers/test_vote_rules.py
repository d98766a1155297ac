"""Table-driven tests of the small rules that read outcomes and votes (imports.parsers.votes)
and name proposal kinds (imports.parsers.proposals)."""

from __future__ import annotations

import pytest

from imports.parsers import votes as v
from imports.parsers.proposals import head_kind
from imports.parsers.types import ParsedProposal


def _props(*specs: tuple[str, list[str]]) -> list[ParsedProposal]:
    return [ParsedProposal(kind, proposers) for kind, proposers in specs]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Endrings", "amendment"),
        ("tilleggs", "additional"),
        ("Tillegs", "additional"),
        ("felles", "joint"),
        ("alternativt", "alternative"),
        ("Alternative", "alternative"),
        ("nytt", "alternative"),
    ],
)
def test_kind_of(word, expected):
    assert v.kind_of(word) == expected


@pytest.mark.parametrize(
    ("kind_word", "proposers", "expected"),
    [
        ("Endrings", ["SV"], "amendment"),
        ("Tilleggs ", ["SV", "H"], "additional"),
        ("Alternativt ", ["SV"], "alternative"),
        (None, ["SV", "H"], "joint"),
        (None, ["SV"], "alternative"),
        ("Nytt ", [], "alternative"),
    ],
)
def test_head_kind(kind_word, proposers, expected):
    assert head_kind(kind_word, proposers) == expected


@pytest.mark.parametrize(
    ("handling", "expected"),
    [
        ("Forslaget vart vedteke.  Neste   setning.", ["Forslaget vart vedteke.", "Neste setning."]),
        ("Første del\n\nandre del", ["Første del", "andre del"]),
        ("   \n\n  ", []),
        ("fekk 7 stemmer. 2 mot 5", ["fekk 7 stemmer.", "2 mot 5"]),
    ],
)
def test_handling_sentences(handling, expected):
    assert list(v.handling_sentences(handling)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Forslaget vart vedteke.", "adopted"),
        ("Samrøystes vedteke.", "adopted"),
        ("Endringsforslaget falt.", "fell"),
        ("Forslaget ble ikke vedtatt.", "fell"),  # 'fell' before 'adopted'
        ("SV trekte forslaget.", "withdrawn"),
        ("Forslaget vart trekt og falt.", "withdrawn"),  # 'withdrawn' before 'fell'
        ("Det vart votert over forslaget.", None),
    ],
)
def test_outcome_of(sentence, expected):
    assert v.outcome_of(sentence) == expected


@pytest.mark.parametrize(
    ("proposal", "kinds", "orgs", "expected"),
    [
        (("amendment", ["SV"]), set(), set(), False),  # the sentence names nothing
        (("amendment", ["SV"]), {"amendment"}, set(), True),
        (("amendment", ["SV"]), {"additional"}, set(), False),
        (("amendment", ["SV"]), set(), {"SV"}, True),
        (("amendment", ["SV", "H"]), set(), {"H", "AP"}, True),
        (("amendment", ["SV"]), set(), {"H"}, False),
        (("amendment", ["SV"]), {"amendment"}, {"H"}, False),
        (("joint", ["SV", "H"]), {"joint"}, {"SV"}, True),
    ],
)
def test_names_kind_and_org(proposal, kinds, orgs, expected):
    assert v.names_kind_and_org(ParsedProposal(*proposal), kinds, orgs) is expected


_THREE = _props(("joint", ["SV", "H"]), ("amendment", ["SV"]), ("additional", ["SV", "H", "AP"]))


@pytest.mark.parametrize(
    ("candidates", "orgs", "withdrawn", "expected"),
    [
        ([0, 1, 2], {"SV"}, False, [1]),  # made by exactly SV
        ([0, 1, 2], {"SV", "H"}, False, [0]),  # made by exactly SV and H
        ([0, 1, 2], {"H", "AP"}, False, [2]),  # shares the most
        ([0, 1], {"H", "AP"}, False, [0]),  # shares the most (one)
        ([0, 2], {"SV", "FRP"}, False, [0, 2]),  # a tie keeps both
        ([0, 1, 2], {"SV"}, True, [0, 1, 2]),  # a withdrawal keeps them all
        ([0, 1, 2], set(), False, [0, 1, 2]),  # no organisation named
        ([2], {"SV"}, False, [2]),  # one candidate
    ],
)
def test_narrow_by_proposers(candidates, orgs, withdrawn, expected):
    assert v.narrow_by_proposers(candidates, _THREE, orgs, withdrawn=withdrawn) == expected


_ADMIN_AND_TWO = _props(("administration", []), ("amendment", ["SV"]), ("additional", ["Fagforbundet"]))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kommunedirektøren sitt forslag vart vedteke.", [0]),
        ("Innstillinga vart vedteke.", [0]),
        ("Endringsforslaget falt.", [1]),
        ("Tilleggsforslaget frå Fagforbundet vart vedteke.", [2]),
        ("Forslaget frå SV falt.", [1]),
        ("Innstillinga og tilleggsforslaget vart vedteke.", [0, 2]),
        ("Innstillinga (mot stemmene frå SV) vart vedteke.", [0]),  # parentheses are ignored
        ("Endringsforslaget frå Fagforbundet falt.", []),  # no amendment by Fagforbundet
        ("Samrøystes vedteke.", []),
    ],
)
def test_referenced(sentence, expected):
    assert v.referenced(sentence, _ADMIN_AND_TWO) == expected


@pytest.mark.parametrize(
    ("specs", "decided", "outcome", "expected"),
    [
        ([("administration", [])], set(), "adopted", [0]),  # the only proposal
        ([("administration", []), ("amendment", ["SV"])], {1}, "fell", [0]),  # the only undecided
        ([("administration", []), ("amendment", ["SV"])], set(), "adopted", [0]),  # the administration's
        ([("administration", []), ("amendment", ["SV"])], set(), "fell", []),  # a fall names its proposal
        ([("administration", []), ("amendment", ["SV"]), ("joint", ["H", "V"])], {1}, "adopted", []),
        ([("amendment", ["SV"]), ("joint", ["H", "V"])], set(), "adopted", []),  # no administration
        ([("amendment", ["SV"])], {0}, "adopted", []),  # all decided
    ],
)
def test_unnamed_refs(specs, decided, outcome, expected):
    assert v.unnamed_refs(_props(*specs), decided, outcome) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Forslaget fekk 7 stemmer og vart vedteke.", (7, None)),
        ("Forslaget fekk 7 røyst mot 2 og vart vedteke.", (7, 2)),
        ("Forslaget fikk 5 stemme (SV) mot 4 stemmer (H) og ble vedtatt.", (5, 4)),
        # after a plural ('røyster') the count against is read too (the alternation tries plurals first)
        ("Forslaget fekk 7 røyster mot 2 og vart vedteke.", (7, 2)),
        ("Forslaget fikk 3 stemmer mot 6 stemmer og falt.", (3, 6)),
        ("Innstillingen ble vedtatt med 7 mot 2 stemmer.", (7, 2)),
        ("Vedteke 6-3 røyster.", (6, 3)),
        ("Samrøystes vedteke.", None),
    ],
)
def test_vote_counts(sentence, expected):
    assert v.vote_counts(sentence) == expected


@pytest.mark.parametrize(
    ("before", "outcome", "counts", "expected"),
    [
        ((None, None), "adopted", (7, 2), ("adopted", 7, 2)),
        ((None, 3), "adopted", (7, None), ("adopted", 7, 3)),  # an unprinted count is kept
        ((None, None), "fell", None, ("fell", None, None)),
        ((None, None), "withdrawn", (7, 2), ("withdrawn", None, None)),  # a withdrawal has no votes
    ],
)
def test_record_outcome(before, outcome, counts, expected):
    p = ParsedProposal("amendment", ["SV"], votes_for=before[0], votes_against=before[1])
    v.record_outcome(p, outcome, counts)
    assert (p.outcome, p.votes_for, p.votes_against) == expected


@pytest.mark.parametrize(
    ("states", "expected"),
    [
        ([("adopted", 7), ("fell", 2)], [[0, 1]]),
        ([("adopted", 7), ("not_voted", None), ("fell", 2)], [[0, 2]]),
        ([("adopted", 7), ("adopted", 2)], []),  # both adopted: not against each other
        ([("adopted", 7), ("fell", None)], []),  # one counted
        ([("adopted", 7), ("fell", 2), ("fell", 1)], []),  # three counted
    ],
)
def test_counted_pair(states, expected):
    props = [ParsedProposal("amendment", [], outcome=o, votes_for=n) for o, n in states]  # type: ignore[arg-type]
    assert v.counted_pair(props) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((7, None), (2, None), ((7, 2), (2, 7))),
        ((7, 1), (2, None), ((7, 1), (2, 7))),  # a printed count is kept
        ((7, None), (None, None), ((7, None), (None, None))),  # one side uncounted
    ],
)
def test_fill_opposed_counts(a, b, expected):
    pa = ParsedProposal("administration", votes_for=a[0], votes_against=a[1])
    pb = ParsedProposal("amendment", votes_for=b[0], votes_against=b[1])
    v.fill_opposed_counts(pa, pb)
    assert ((pa.votes_for, pa.votes_against), (pb.votes_for, pb.votes_against)) == expected


@pytest.mark.parametrize(
    ("specs", "handling", "expected"),
    [
        (
            [("administration", []), ("amendment", ["SV"])],
            "Endringsforslaget vart sett opp mot innstillinga. Innstillinga fekk 6 røyster og vart vedteke. "
            "Endringsforslaget fekk 3 røyster og falt.",
            [("adopted", 6, 3), ("fell", 3, 6)],
        ),
        (
            [("administration", []), ("additional", ["SV"])],
            "SV trekte tilleggsforslaget. Samrøystes vedteke.",
            [("adopted", None, None), ("withdrawn", None, None)],
        ),
        ([("administration", [])], "", [("not_voted", None, None)]),
        ([("administration", []), ("amendment", ["SV"])], "Det vart røysta.", [("not_voted", None, None)] * 2),
    ],
)
def test_apply_votes(specs, handling, expected):
    props = _props(*specs)
    v.apply_votes(props, handling)
    assert [(p.outcome, p.votes_for, p.votes_against) for p in props] == expected
