"""Shared, layout-independent parsing helpers (bokmål and nynorsk), re-exported from the modules
that own them, so ``from .common import X`` and ``common.X`` keep working:

- :mod:`.textnorm`: normalisation, flattening, wrapped lines;
- :mod:`.dates`: dates and times;
- :mod:`.header`: labelled header fields and the municipality in the masthead;
- :mod:`.case_numbers`: case numbers in running text, item types, procedural items;
- :mod:`.orgs`: parties and unions;
- :mod:`.proposals`, :mod:`.outcomes`, :mod:`.votes`: proposals, their outcomes and vote counts;
- :mod:`.agenda_requests`: requests made in a meeting and their subjects.

Everything works on anchors and labels, not on line structure, so flattened text (all line
breaks replaced by spaces) parses like the original; line breaks are used only as hints.
All regexes are linear-time (bounded repetitions, no nested unbounded quantifiers).
"""

# ruff: noqa: F401 - this module re-exports its neighbours' names

from .agenda_requests import (
    AGENDA_ASK_RE,
    REQUEST_RE,
    REQUEST_STOP_RE,
    STOPWORDS,
    SUBJECT_RE,
    content_stems,
    parse_requests,
    request_subject,
    stem,
    subject_score,
)
from .case_numbers import (
    CASE_RE,
    PROCEDURAL_RE,
    TYPE_PREFIXES,
    case_number,
    find_cases,
    is_procedural,
    item_type,
)
from .dates import (
    ANY_DATE_RE,
    DATE_RE,
    LONG_DATE_RE,
    MONTHS,
    TIME_RANGE_RE,
    TIME_RE,
    make_date,
    make_time,
    parse_date,
    parse_time_range,
)
from .header import (
    BODY_LABEL,
    DATE_LABEL,
    HELD_DATE_RE,
    MASTHEAD_CHARS,
    MEETING_WORD_RE,
    MUNICIPALITY_RE,
    MUNICIPALITY_URL_RE,
    NOT_NAMES,
    PLACE_LABEL,
    TIME_LABEL,
    Header,
    find_municipality,
    label_value,
    parse_header,
)
from .orgs import (
    CANONICAL_PARTIES,
    CANONICAL_UNIONS,
    PARTIES,
    UNIONS,
    canonical_org,
    org_side,
    orgs_in,
    split_proposers,
)
from .outcomes import (
    ADMIN_REF_RE,
    ADOPTED_RE,
    FELL_RE,
    KIND_REF_RE,
    KIND_WORDS,
    OPPOSED_RE,
    SENTENCE_SPLIT_RE,
    VOTE_LABEL_RE,
    VOTES_MOT_RE,
    VOTES_RE,
    WITHDRAWN_RE,
)
from .proposals import (
    ADMIN_LABEL_RE,
    PROPOSAL_BY_PERSON_RE,
    PROPOSAL_HEAD_RE,
    extract_proposals,
    find_proposal_heads,
    remove_spans,
)
from .textnorm import (
    LOWER,
    UPPER,
    clean_block,
    flat,
    normalize,
    title_case_if_upper,
)
from .types import (
    ParsedProposal,
    ParsedRequest,
    Side,
)
from .votes import (
    apply_votes,
)
