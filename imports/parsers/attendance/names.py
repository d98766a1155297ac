"""Person names: the shape of a name word, a plausible full name, and whether two spellings
name the same person.

Matching asks rapidfuzz for the similarity of two names (lower case, initials dropped, words
sorted) by Levenshtein distance where a misread letter costs 1 and a letter more or less
costs 2: OCR misreads letters ('Haugeland' / 'Haugeiand'), while a letter more or less is
usually another name ('Lie' / 'Lien', 'Berg' / 'Berge', 'Nilsen' / 'Nilssen'). The cutoff
allows one misread letter in a name of twelve characters or more, two in twenty-four: two
people in one meeting whose names are that close are far rarer than a misread letter, while
shorter names ('Kari Hansen' / 'Kari Hanson') stay apart. Old and new spellings of the same
letter ('Haakon' / 'Håkon') and middle initials are not differences; a first name may be cut
to its initial ('K. Nilsen' / 'Kari Nilsen') when no other known name fits it.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .vocabulary import FIRST_NAMES, LONG_SURNAME_ENDINGS, NAME_STOPWORDS, SURNAME_ENDINGS

# Levenshtein weights (insertion, deletion, substitution) and the normalised similarity two
# names must reach to count as one misspelt for the other (see the module docstring)
NAME_EDIT_WEIGHTS = (2, 2, 1)
TYPO_CUTOFF = 0.91


def is_first_name(word: str) -> bool:
    low = word.lower()
    return low in FIRST_NAMES or low.split("-")[0] in FIRST_NAMES


def surname_like(word: str, *, strict: bool = False) -> bool:
    """Ends like a Norwegian surname ('-sen', '-stad', '-vik'); ``strict``: only by the
    endings of three letters or more."""
    low = word.lower()
    endings = LONG_SURNAME_ENDINGS if strict else SURNAME_ENDINGS
    return not is_first_name(word) and low.endswith(endings)


def is_initial(word: str) -> bool:
    return len(word) <= 4 and (word.endswith(".") or len(word) == 1)


def is_abbreviation(word: str) -> bool:
    """'Kr.', 'Chr.', 'Johs.', 'E.': an abbreviated name keeps its dot ('Hans Kr. Enge')."""
    stem = word.rstrip(".")
    short = word.endswith(".") and len(stem) <= 4
    return short and not surname_like(stem) and not is_first_name(stem)


def plausible_name(name: str) -> bool:
    """A person's name: two to six words, not all initials, no label or heading words."""
    words = name.split()
    return (
        2 <= len(words) <= 6
        and sum(1 for w in words if len(w.rstrip(".")) > 1) >= 2
        and len(name) <= 80
        and not any(w.lower().rstrip(".") in NAME_STOPWORDS for w in words)
    )


def _full_words(name: str) -> list[str]:
    """The words of a name in lower case, initials dropped, 'aa' written 'å'."""
    return [w.replace("aa", "å") for w in name.lower().split() if not is_initial(w)]


def same_words(a: str, b: str) -> bool:
    """The same name of two words or more written with or without middle initials
    ('Andreas W. Wiese' / 'Andreas Wiese')."""
    wa, wb = _full_words(a), _full_words(b)
    return wa == wb and len(wa) >= 2


def wrapped_surname(a: str, b: str) -> bool:
    """A name of three words or more cut at a cell border ('Bjørg Eva Eliassen' /
    'Bjørg Eva Eliassen Hamsund'); two words are too few to tell ('Eva Eliassen')."""
    short, long_ = sorted((_full_words(a), _full_words(b)), key=len)
    return len(short) >= 3 and long_[: len(short)] == short


def initial_for_first_name(a: str, b: str) -> bool:
    """'K. Nilsen' / 'Kari Nilsen': word for word the same, but a first or middle name cut to
    its initial in one of them; the surname is written out in both."""
    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) != len(wb) or len(wa) < 2 or wa == wb or wa[-1] != wb[-1] or is_initial(wa[-1]):
        return False
    return all(_same_or_initial(x, y) for x, y in zip(wa[:-1], wb[:-1], strict=True))


def _same_or_initial(x: str, y: str) -> bool:
    if x == y:
        return True
    short, full = sorted((x, y), key=is_initial, reverse=True)
    return is_initial(short) and not is_initial(full) and full.startswith(short.rstrip("."))


def _match_key(name: str) -> str:
    return " ".join(sorted(_full_words(name)))


def misspelt_as(a: str, b: str) -> bool:
    """The same name of two words or more with letters misread (OCR), or its words in
    another order ('Nilsen Kari'), within ``TYPO_CUTOFF``."""
    ka, kb = _match_key(a), _match_key(b)
    if len(ka.split()) < 2 or len(ka.split()) != len(kb.split()):
        return False
    score = Levenshtein.normalized_similarity(ka, kb, weights=NAME_EDIT_WEIGHTS)
    return score >= TYPO_CUTOFF


def same_person(a: str, b: str) -> bool:
    """Whether two spellings in one document name the same person (see the module docstring)."""
    return known_as(a, [b]) is not None


def known_as(name: str, known: list[str]) -> str | None:
    """The known name this name stands for, if any: the first known name that is the same
    name (middle initials aside, or cut at a cell border), else the only one it gives by
    initials, else the closest one within the misspelling cutoff."""
    same = next((k for k in known if same_words(name, k) or wrapped_surname(name, k)), None)
    if same is not None:
        return same
    by_initials = [k for k in known if initial_for_first_name(name, k)]
    if by_initials:
        return by_initials[0] if len(by_initials) == 1 else None
    return _closest_spelling(name, known)


def _closest_spelling(name: str, known: list[str]) -> str | None:
    candidates = [k for k in known if misspelt_as(name, k)]
    if not candidates:
        return None
    best = process.extractOne(
        _match_key(name),
        [_match_key(k) for k in candidates],
        scorer=Levenshtein.normalized_similarity,
        scorer_kwargs={"weights": NAME_EDIT_WEIGHTS},
    )
    return candidates[best[2]]
