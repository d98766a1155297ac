"""Table columns whose cells are not names but sit beside them: a merger body's municipality
column printed without its heading ('Kari Lie Nordvik AP Medlem', 'Per Dal Sørdal H Medlem').

A word that ends the names of many rows, right before their party or role, is a column's
value, not a surname: a few such words ending most rows of the attendance block (the
municipalities of a merger) are dropped from the names.
"""

from __future__ import annotations

import re
from collections import Counter

from .names import is_first_name
from .tokens import name_runs, tokenize

MIN_ROWS = 5  # rows that end in a repeated word before a column value is believed
MIN_SHARE = 0.6  # of the rows of three name words or more
MAX_VALUES = 5  # a merger joins a few municipalities


def row_endings(text: str) -> list[str]:
    """The last word of each run of three name words or more that a party or role follows."""
    toks = tokenize(text)
    endings = []
    for run in name_runs(toks):
        after = run[-1] + 1
        if len(run) >= 3 and after < len(toks) and toks[after].kind in ("org", "role"):
            endings.append(toks[run[-1]].text)
    return endings


def column_values(texts: list[str]) -> set[str]:
    """The words that end most rows of the lists, each in two rows or more."""
    endings = [word for text in texts for word in row_endings(text)]
    counts = Counter(w for w in endings if not is_first_name(w))
    values = {w for w, n in counts.items() if n >= 2}
    rows = sum(counts[w] for w in values)
    if len(values) > MAX_VALUES or rows < MIN_ROWS or rows < MIN_SHARE * len(endings):
        return set()
    return values


def drop_column_values(text: str, values: set[str]) -> str:
    """The text without the column's values after a word."""
    if not values:
        return text
    pattern = "|".join(re.escape(v) for v in sorted(values))
    return re.sub(rf"(?<=\w)[ \t]+(?:{pattern})(?![\w])", "", text)
