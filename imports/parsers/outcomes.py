"""The vocabulary of proposals' outcomes in handling text: references to the administration's
and the other proposals, withdrawn / fell / adopted, vote counts and opposed votes."""

from __future__ import annotations

import re

from .textnorm import UPPER

_I = re.IGNORECASE


KIND_WORDS = {
    "endrings": "amendment", "tilleggs": "additional", "tillegs": "additional",
    "felles": "joint", "alternativt": "alternative", "alternativ": "alternative",
}  # fmt: skip

VOTE_LABEL_RE = re.compile(
    r"(?<![\w])(?:Røysting|Røystinga|Votering|Voteringa|Voteringen|Avstemming|Avstemning)\s*:?", _I
)
ADMIN_REF_RE = re.compile(
    r"(?:kommunedirektøren|rådmannen|administrasjonen|administrasjonssjefen|fylkesdirektøren|"
    r"ordføreren|ordføraren)\w*\s+(?:sitt\s+|sin\s+|si\s+)?(?:opprinnelige\s+)?"
    r"(?:framlegg|forslag|innstilling|tilråding)"
    r"|(?<![\w])(?:innstillinga|innstillingen|tilrådinga|tilrådingen)(?![\w])"
    r"|(?<![\w])(?:innstilling|tilråding)\s+(?:fra|frå)\s+(?:kommunedirektøren|rådmannen|administrasjonen)"
    r"|(?<![\w])(?:forslag|framlegg)(?:et)?\s+til\s+vedtak(?![\w])",
    _I,
)
KIND_REF_RE = re.compile(
    r"(endrings|tilleggs|tillegs|felles|alternativ\w*)\s*(?:forslag|framlegg)\w*", _I
)
WITHDRAWN_RE = re.compile(
    r"(?<![\w])(?:trekk|trekkjer|trekker|trakk|trekte|trekt|trukke|trukken|trukket|trekkes|trekkast)(?![\w])",
    _I,
)
FELL_RE = re.compile(
    r"(?<![\w])(?:falt|fall|fell|forkasta|forkastet|nedstemt|nedrøysta|ikkje\s+vedteke|"
    r"ikke\s+vedtatt|ikkje\s+vedtatt|ble\s+ikke\s+vedtatt|vart\s+ikkje\s+vedteke)(?![\w])",
    _I,
)
ADOPTED_RE = re.compile(
    r"(?<![\w])(?:vedteke|vedtatt|vedtas|vedtekne|vedtok|bifalt|tiltrådt|tiltredd|tiltrådd|"
    r"godkjent|godkjend|godkjendt|einstemmig|enstemmig|samrøystes)(?![\w])",
    _I,
)
VOTES_RE = re.compile(
    # plural before singular: "stemme" would stop a match inside "stemmer" (or "røyst" in "røyster")
    r"(?<![\w])(?:fekk|fikk|fått|får|med)\s+(\d{1,3})\s+(?:stemmer|stemmar|stemme|røyster|røystar|røyst)"
    r"(?:\s*\([^()]{0,120}\))?(?:\s+mot\s+(\d{1,3})(?:\s+(?:stemmer|stemme|røyster|røyst))?\s*"
    r"(?:\([^()]{0,120}\))?\s*(?:mot|imot)?)?",
    _I,
)
VOTES_MOT_RE = re.compile(
    r"(?<![\w])(\d{1,3})\s*(?:-|mot)\s*(\d{1,3})\s+(?:stemmer|røyster|røystar)", _I
)
OPPOSED_RE = re.compile(
    r"(?:sett|satt|stilt|stilla|sett)\s+opp\s+mot|alternativt?\s+(?:votering|røysting)|"
    r"votert\s+(?:over\s+)?alternativt|mot\s+kvarandre|mot\s+hverandre",
    _I,
)
SENTENCE_SPLIT_RE = re.compile(rf"(?<=[.!?])\s+(?=[{UPPER}«\"0-9])|\n\s*\n")
