"""Classify an agenda item's climate relevance (a case paper's environmental assessment is in
:mod:`meetings.climate.environment`, imported from here too).

Levels (DOMAIN.md): ``none``; ``mentions`` (climate, nature, emissions, energy saving,
sustainability/SDGs, Miljøfyrtårn, transport, waste, food, procurement ...); ``linked`` (a
climate measure that changes employees' working day or terms: a climate signal near a
working-conditions signal, or a combined phrase such as "parkeringsavgift for tilsette").
Every classification carries its evidence: matched phrases with field, offsets and category.

Words that are often but not always climate measures (parking; waste and energy production in
a contract, fee, tax or accounts context) count only when a climate signal, or for employees a
commuting or travel-policy signal, is near them in the same field, or when another of the item's
fields ties a word of the same category. Their evidence carries that ``tie``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from . import lexicon as lx
from .environment import EnvAssessment as EnvAssessment
from .environment import assess_environment as assess_environment
from .environment import find_env_section as find_env_section

Level = Literal["none", "mentions", "linked"]

PROXIMITY = 200  # max distance (characters) between a climate and a working-conditions signal
MAX_FIELD_CHARS = 2_000_000
MAX_EVIDENCE = 40
_CONTEXT = 80
_LINKED_CLIMATE = {
    "parking_fee": "parking",
    "commuting": "transport",
    "working_rules": "environment",
}
# Working-conditions signals that tie an ambiguous word (employees' commuting and travel policy).
_TIE_WORK = {"commuting", "travel"}


@dataclass
class Evidence:
    """One matched phrase: ``field`` is the input field, ``start``/``end`` offsets into it.

    ``tie`` is the phrase that made an ambiguous word (parking, waste, energy production) count:
    a climate signal or an employees' commuting/travel signal. ``to_dict`` adds a ``"tie"`` key
    only when there is one, so stored evidence without ties keeps its shape.
    """

    phrase: str
    field: str
    start: int
    end: int
    category: str
    tie: Evidence | None = None

    def to_dict(self) -> dict:
        data = {
            "phrase": self.phrase,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "category": self.category,
        }
        if self.tie is not None:
            data["tie"] = self.tie.to_dict()
        return data


@dataclass
class Classification:
    """The level and the evidence behind it (empty for ``none``)."""

    level: Level = "none"
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"level": self.level, "evidence": [e.to_dict() for e in self.evidence]}

    @property
    def is_climate(self) -> bool:
        return self.level != "none"


@dataclass
class _Hit:
    kind: str  # "c" climate, "w" working conditions, "l" linked, "a"/"e" ambiguous, "p" employees
    category: str
    start: int
    end: int
    phrase: str
    tie: Evidence | None = None

    def evidence(self, field_name: str, category: str | None = None) -> Evidence:
        return Evidence(
            self.phrase, field_name, self.start, self.end, category or self.category, self.tie
        )

    def tie_evidence(self, field_name: str) -> Evidence:
        category = f"work:{self.category}" if self.kind == "w" else self.category
        if self.kind == "l":
            category = _LINKED_CLIMATE[self.category]
        return Evidence(self.phrase, field_name, self.start, self.end, category)


def _context_ok(kind: str, word: str, text: str, start: int, end: int) -> bool:
    """Decide whether an ambiguous bare word (klima, miljø, bærekraft) counts."""
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    if kind == "climate":
        return not (lx.KLIMA_TRAP_BEFORE.search(before) or lx.KLIMA_TRAP_AFTER.match(after))
    if kind == "environment":
        if lx.MILJO_OK_BEFORE.search(before) or lx.MILJO_OK_AFTER.match(after):
            return True
        return word.endswith("et") and bool(
            lx.MILJO_FOR_BEFORE.search(before) and lx.MILJO_FOR_AFTER.match(after)
        )
    if kind == "sustainability":
        return not lx.SUSTAIN_TRAP_AFTER.match(after)
    return True


_NOTHING = ("", "", False, False)
_WORD_CACHE: dict[str, tuple[str, str, bool, bool]] = {}


def _word_info(token: str) -> tuple[str, str, bool, bool]:
    """(kind, category, starts_phrase, starts_trap) for a token, cached by the raw token."""
    info = _WORD_CACHE.get(token)
    if info is not None:
        return info
    word = token.lower()
    if "\n" in word:
        word = lx.LINEBREAK_HYPHEN_RE.sub("", word)
    kind = category = ""
    if not lx.WORD_TRAP_RE.fullmatch(word):
        rule = lx.WORD_RULES.fullmatch(word)
        if rule is not None:
            kind, _, category = rule.lastgroup.partition("_")  # type: ignore[union-attr]
    phrase_anchor = bool(lx.PHRASE_ANCHOR_RE.fullmatch(word))
    trap_anchor = bool(lx.TRAP_ANCHOR_RE.fullmatch(word))
    info = (
        (kind, category, phrase_anchor, trap_anchor)
        if (kind or phrase_anchor or trap_anchor)
        else _NOTHING
    )
    if len(_WORD_CACHE) > 200_000:
        _WORD_CACHE.clear()
    _WORD_CACHE[token] = info
    return info


def _scan(text: str) -> list[_Hit]:
    """All climate/working-conditions hits in one field, traps removed, sorted by position."""
    if len(text) > MAX_FIELD_CHARS:
        text = text[:MAX_FIELD_CHARS]
    hits: list[_Hit] = []
    trap_until = covered_until = 0
    cache = _WORD_CACHE
    for m in lx.TOKEN_RE.finditer(text):
        token = m.group()
        info = cache.get(token) or _word_info(token)
        if info is _NOTHING or len(token) > 60:
            continue
        kind, category, phrase_anchor, trap_anchor = info
        start = m.start()
        if trap_anchor:
            trap_until = _trap_end(text, start, trap_until)
        if start < trap_until:
            continue
        if phrase_anchor and start >= covered_until:
            phrase = _phrase_hit(text, start)
            if phrase is not None:
                hits.append(phrase)
                covered_until = phrase.end
        if kind and start >= covered_until:
            word = _word_hit(kind, category, token, text, start, m.end())
            if word is not None:
                hits.append(word)
    return hits


def _trap_end(text: str, start: int, trap_until: int) -> int:
    """Where a trap phrase starting at ``start`` ends (no hit counts before there); ``trap_until``
    unchanged when ``start`` is still inside a trap or no trap starts there."""
    if start < trap_until:
        return trap_until
    trap = lx.PHRASE_TRAPS.match(text, start)
    return trap.end() if trap else trap_until


def _phrase_hit(text: str, start: int) -> _Hit | None:
    """The combined phrase (``PHRASE_RULES``) starting at ``start``, white space folded."""
    phrase = lx.PHRASE_RULES.match(text, start)
    if phrase is None:
        return None
    kind, _, category = phrase.lastgroup.partition("_")  # type: ignore[union-attr]
    return _Hit(kind, category, start, phrase.end(), " ".join(phrase.group().split()))


def _word_hit(kind: str, category: str, token: str, text: str, start: int, end: int) -> _Hit | None:
    """A single-word hit; a bare word (kind "x": klima, miljø, bærekraft) counts as climate
    only where its context allows (``_context_ok``)."""
    if kind == "x":
        if not _context_ok(category, token.lower(), text, start, end):
            return None
        kind = "c"
    return _Hit(kind, category, start, end, token.replace("\n", " "))


def _nearest(hits: list[_Hit], starts: list[int], position: int) -> _Hit | None:
    """The hit nearest ``position`` within PROXIMITY (``hits`` sorted, ``starts`` their starts)."""
    index = bisect_left(starts, position)
    best: _Hit | None = None
    for candidate in hits[max(0, index - 1) : index + 1]:
        distance = abs(candidate.start - position)
        if distance <= PROXIMITY and (best is None or distance < abs(best.start - position)):
            best = candidate
    return best


def _economic_context(text: str, hit: _Hit) -> bool:
    window = text[max(0, hit.start - lx.ECONOMIC_WINDOW) : hit.end + lx.ECONOMIC_WINDOW]
    return bool(lx.ECONOMIC_CONTEXT_RE.search(window))


def _is_tie(hit: _Hit) -> bool:
    """A climate or linked signal, or an employees' commuting/travel signal, ties an ambiguous word."""
    return hit.kind in ("c", "l") or (hit.kind == "w" and hit.category in _TIE_WORK)


def _waits_for_tie(text: str, hit: _Hit) -> bool:
    """An untied ambiguous hit that counts only when another field ties its category: parking
    ("a") always; waste or energy production ("e") in a contract, fee, tax or accounts context."""
    return hit.kind == "a" or _economic_context(text, hit)


def _shared_tie(tie: _Hit, field_name: str, cache: dict[int, Evidence]) -> Evidence:
    """One ``Evidence`` per tying phrase in a field, shared by every hit it ties."""
    if id(tie) not in cache:
        cache[id(tie)] = tie.tie_evidence(field_name)
    return cache[id(tie)]


def _employees_parking(hit: _Hit, staff: _Hit, field_name: str) -> None:
    """Parking in the same sentence as the employees is their parking: linked, tied to them."""
    hit.kind, hit.category = "l", "parking_fee"
    hit.tie = Evidence(staff.phrase, field_name, staff.start, staff.end, "employees")


def _resolve_ambiguous(fields: dict[str, str], scanned: dict[str, list[_Hit]]) -> None:
    """Keep an ambiguous hit (kind "a"/"e") as a climate hit when something ties it, else drop it.

    Tied: a climate or commuting/travel signal near it in its field, or a tied hit of the same
    category elsewhere in the item. An "e" hit (waste, energy production) also counts untied
    unless a contract, fee, tax or accounts context surrounds it. Parking in the same sentence
    as the employees is their parking (travel policy): linked, like "parkering for tilsette".
    """
    tied_by_category: dict[str, Evidence] = {}
    pending: list[_Hit] = []
    for name, hits in scanned.items():
        pending += _resolve_field(name, fields[name], hits, tied_by_category)
    for hit in pending:
        if hit.category in tied_by_category:
            hit.tie = tied_by_category[hit.category]
            hit.kind = "c"
    for name in scanned:
        scanned[name] = [h for h in scanned[name] if h.kind not in ("a", "e", "p")]


def _resolve_field(
    name: str, text: str, hits: list[_Hit], tied_by_category: dict[str, Evidence]
) -> list[_Hit]:
    """Resolve one field's ambiguous hits in place (see ``_resolve_ambiguous``), recording the
    first tie of each category; returns the hits that wait for a tie from another field."""
    ties = [h for h in hits if _is_tie(h)]
    starts = [t.start for t in ties]
    employees = [h for h in hits if h.kind == "p"]
    employee_starts = [h.start for h in employees]
    tie_evidence: dict[int, Evidence] = {}
    pending: list[_Hit] = []
    for hit in hits:
        if hit.kind not in ("a", "e"):
            continue
        tie = _nearest(ties, starts, hit.start)
        if tie is None and hit.kind == "a":
            staff = _employees(text, employees, employee_starts, hit)
            if staff is not None:
                _employees_parking(hit, staff, name)
                continue
        if tie is not None:
            hit.tie = _shared_tie(tie, name, tie_evidence)
            tied_by_category.setdefault(hit.category, hit.tie)
        elif _waits_for_tie(text, hit):
            pending.append(hit)
            continue
        hit.kind = "c"
    return pending


def _employees(text: str, employees: list[_Hit], starts: list[int], hit: _Hit) -> _Hit | None:
    """An employees word in the same sentence as ``hit`` and close to it."""
    near = _nearest(employees, starts, hit.start)
    if near is None or abs(near.start - hit.start) > lx.EMPLOYEE_WINDOW:
        return None
    between = text[min(near.end, hit.end) : max(near.start, hit.start)]
    return None if lx.SENTENCE_END_RE.search(between) else near


def _item_fields(title: str, text: str, fields: dict[str, str] | None) -> dict[str, str]:
    """Title and case paper first (empty when missing), then the further non-empty fields."""
    all_fields: dict[str, str] = {"title": title or "", "text": text or ""}
    for name, value in (fields or {}).items():
        if value and name not in ("title", "text"):
            all_fields[name] = value
    return all_fields


def _field_evidence(
    name: str, hits: list[_Hit], climate: list[Evidence], linked: list[Evidence]
) -> None:
    """Add one field's evidence: climate hits (up to MAX_EVIDENCE), linked phrases to both lists,
    and working-conditions signals near a climate hit (up to 10 linked)."""
    climate_hits = [h for h in hits if h.kind == "c"]
    starts = [h.start for h in climate_hits]
    for h in hits:
        if h.kind == "c":
            if len(climate) < MAX_EVIDENCE:
                climate.append(h.evidence(name))
        elif h.kind == "l":
            climate.append(h.evidence(name, _LINKED_CLIMATE[h.category]))
            linked.append(h.evidence(name, f"work:{h.category}"))
        elif h.kind == "w" and len(linked) < 10 and _nearest(climate_hits, starts, h.start):
            linked.append(h.evidence(name, f"work:{h.category}"))


def _title_work(title_hits: list[_Hit]) -> list[Evidence]:
    """Working-conditions signals in the title: they link a climate item when nothing else does."""
    return [
        Evidence(h.phrase, "title", h.start, h.end, f"work:{h.category}")
        for h in title_hits
        if h.kind == "w"
    ]


def classify(title: str, text: str = "", *, fields: dict[str, str] | None = None) -> Classification:
    """Classify an item from its title, case-paper text and any further fields."""
    all_fields = _item_fields(title, text, fields)
    scanned = {name: _scan(value) for name, value in all_fields.items() if value}
    _resolve_ambiguous(all_fields, scanned)
    climate: list[Evidence] = []
    linked: list[Evidence] = []
    for name, hits in scanned.items():
        _field_evidence(name, hits, climate, linked)
    if not climate:
        return Classification("none", [])
    if not linked:
        linked = _title_work(scanned.get("title", []))
    evidence = climate[: MAX_EVIDENCE - min(len(linked), 10)] + linked[:10]
    return Classification("linked" if linked else "mentions", evidence)


MAX_ATTACHMENT_CHARS = 40_000


def classify_agenda_item(
    title: str,
    text: str = "",
    *,
    administration_proposal: str = "",
    handling: str = "",
    decision: str = "",
    proposals: Iterable[tuple[str, str]] = (),
    attachments: Iterable[tuple[str, str]] = (),
) -> Classification:
    """Classify an agenda item on its own fields: title, case paper, the administration's
    proposal, handling, decision and the other proposals (``(kind, text)`` pairs in order; the
    administration's proposal is read from its own field, so its entry is skipped), and the
    documents attached to the case paper (``(title, text)`` pairs: evidence place
    ``attachment[i]``, each read up to :data:`MAX_ATTACHMENT_CHARS`).

    The import pipeline, the stored items and the synthetic data all classify through this.
    """
    fields = {
        "administration_proposal": administration_proposal,
        "handling": handling,
        "decision": decision,
    }
    for index, (kind, proposal_text) in enumerate(proposals):
        if kind != "administration" and proposal_text:
            fields[f"proposal[{index}]"] = proposal_text
    for index, (attachment_title, attachment_text) in enumerate(attachments):
        fields[f"attachment[{index}]"] = f"{attachment_title}\n\n{attachment_text}"[:MAX_ATTACHMENT_CHARS]
    return classify(title, text, fields=fields)
