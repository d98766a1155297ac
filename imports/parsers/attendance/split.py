"""Splitting a run of name words into people's names ('Anne Lise Bergo Amalie Johnsen Lunde').

The best segmentation into names of one to five words, scored by the names the document gives
elsewhere, line breaks, first names that start a name and surnames that end one. Each score
is one named rule.
"""

from __future__ import annotations

from .names import is_first_name, is_initial, surname_like
from .tokens import Tok
from .vocabulary import MAX_NAME_RUN, MAX_NAME_WORDS, NAME_PARTICLES

LENGTH_SCORE = {1: -6.0, 2: 0.0, 3: 0.0, 4: -1.0, 5: -4.0}
_MINUS = -1e9


def first_word_score(tokens: list[Tok], i: int) -> float:
    """How well ``tokens[i]`` starts a name: a first name yes, an initial, a particle or a
    surname no, a word in the middle of a line rather not."""
    first = tokens[i].text
    if is_initial(first) or first.lower() in NAME_PARTICLES:
        return -5
    if is_first_name(first):
        return 2
    if surname_like(first):
        return -2
    return 0 if tokens[i].line_start else -1


def last_word_score(last: str) -> float:
    """How well the last word of a name of two words or more ends it: a surname yes, an
    initial no, a first name rather not."""
    if is_initial(last):
        return -4
    if surname_like(last):
        return 0.5
    if is_first_name(last):
        return -0.5
    return 0


def wrapped_surname_score(tokens: list[Tok], i: int, j: int) -> float:
    """A lone surname at the start of the run before a first name is the end of a name
    wrapped from the previous cell ('Hamsund Mia Hansen')."""
    wrapped = (
        i == 0
        and j == 1
        and j < len(tokens)
        and surname_like(tokens[0].text, strict=True)
        and is_first_name(tokens[j].text)
    )
    return 5.5 if wrapped else 0


def line_break_score(tokens: list[Tok], i: int, j: int) -> float:
    """A name starts a line, and a line break inside it counts against it."""
    starts = 1.5 if tokens[i].line_start else 0
    return starts - 1.5 * sum(1 for t in tokens[i + 1 : j] if t.line_start)


def segment_score(tokens: list[Tok], i: int, j: int, known: set[str]) -> float:
    """The score of ``tokens[i:j]`` as one person's name."""
    score = LENGTH_SCORE[j - i] + first_word_score(tokens, i) + line_break_score(tokens, i, j)
    if " ".join(t.text for t in tokens[i:j]).lower() in known:
        score += 8
    if j - i > 1:
        return score + last_word_score(tokens[j - 1].text)
    return score + wrapped_surname_score(tokens, i, j)


def _names_from(tokens: list[Tok], starts: list[int]) -> list[str]:
    ends = [*starts[1:], len(tokens)]
    return [" ".join(t.text for t in tokens[s:e]) for s, e in zip(starts, ends, strict=True)]


def split_names(tokens: list[Tok], known: list[str]) -> list[str]:
    """Split a run of name tokens into person names (long runs are not names)."""
    if len(tokens) > MAX_NAME_RUN or not tokens:
        return []
    if len(tokens) == 1:
        return [tokens[0].text]
    known_set = {k.lower() for k in known}
    n = len(tokens)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(_MINUS, 0)] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_NAME_WORDS), end):
            score = best[start][0] + segment_score(tokens, start, end, known_set)
            if score > best[end][0]:
                best[end] = (score, start)
    starts: list[int] = []
    end = n
    while end > 0:
        end = best[end][1]
        starts.append(end)
    return _names_from(tokens, starts[::-1])


def _can_split_into(n: int, count: int) -> bool:
    return 0 < count <= n <= MAX_NAME_RUN * 2 and n <= count * MAX_NAME_WORDS


def split_into(tokens: list[Tok], count: int, known: list[str]) -> list[str]:
    """Split a run of name tokens into exactly ``count`` names (a column of a flattened table
    whose row count is known), or the best split when that is impossible."""
    n = len(tokens)
    if not _can_split_into(n, count):
        return split_names(tokens[:MAX_NAME_RUN], known)
    known_set = {k.lower() for k in known}
    best = [[(_MINUS, 0)] * (count + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, 0)
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_NAME_WORDS), end):
            _extend_split(best, start, end, segment_score(tokens, start, end, known_set))
    if best[n][count][0] <= _MINUS:
        return split_names(tokens, known)
    starts: list[int] = []
    end, c = n, count
    while end > 0:
        end, c = best[end][c][1], c - 1
        starts.append(end)
    return _names_from(tokens, starts[::-1])


def _extend_split(best: list[list[tuple[float, int]]], start: int, end: int, seg: float) -> None:
    """Best scores of ``tokens[:end]`` in c names, by a last name ``tokens[start:end]``."""
    for c in range(1, len(best[0])):
        prev = best[start][c - 1][0]
        if prev > _MINUS and prev + seg > best[end][c][0]:
            best[end][c] = (prev + seg, start)
