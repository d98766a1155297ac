"""Bokmål and nynorsk variants that widen a search.

Each group holds words that mean the same in a meeting document but are written differently in
bokmål, nynorsk or older usage (``tilsette``/``tilsatte``/``ansatte``, ``framlegg``/``forslag``,
``vedteke``/``vedtatt``). A search word whose Norwegian stem equals the stem of any word in a
group matches every word of the group; inflections are handled by the stemmer, so one form per
word is enough. Keep the list short and certain: a wrong pair makes every search noisier.
"""
from __future__ import annotations

VARIANT_GROUPS: tuple[tuple[str, ...], ...] = (
    ("tilsette", "tilsatte", "ansatte"),
    ("tilsett", "tilsatt", "ansatt"),
    ("framlegg", "forslag"),
    ("vedteke", "vedtatt"),
    ("handsaming", "behandling"),
    ("samrøystes", "enstemmig"),
    ("møtestad", "møtested"),
    ("innstilling", "tilråding"),
    ("arbeidstakar", "arbeidstaker"),
    ("arbeidsgjevar", "arbeidsgiver"),
    ("utval", "utvalg"),
    ("eigedom", "eiendom"),
    ("kommunedirektør", "rådmann"),
    ("tillitsvald", "tillitsvalgt"),
    ("verksemd", "virksomhet"),
)
