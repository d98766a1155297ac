"""Resolve what a document names against the municipality's records.

The municipality (a former name after a merger is accepted), the body (ignoring case and the
nynorsk/bokmål endings), organisations by short name or alias, and people by their seats in the
body on the meeting's day or by a name a reviewer matched before (:class:`PersonAlias`). Names that
match no member are shown for review and stored as names only: no person is created from a name.
"""
from __future__ import annotations

import datetime
import re
import unicodedata

from django.utils.translation import gettext as _

from municipalities.models import Body, Membership, Municipality, Organisation, PersonAlias
from municipalities.register import FormerName, former_names

from .parsers.errors import ProtocolImportError

ORGANISATION_ALIASES = {
    "ap": "AP", "a": "AP", "arbeidarpartiet": "AP", "arbeiderpartiet": "AP",
    "h": "H", "høgre": "H", "høyre": "H",
    "frp": "FRP", "framstegspartiet": "FRP", "fremskrittspartiet": "FRP",
    "sp": "SP", "senterpartiet": "SP",
    "sv": "SV", "v": "V", "venstre": "V",
    "krf": "KRF", "mdg": "MDG", "r": "R", "raudt": "R", "rødt": "R",
    "nsf": "Sykepleierforbundet", "sykepleiarforbundet": "Sykepleierforbundet",
    "fagforbundet": "Fagforbundet", "utdanningsforbundet": "Utdanningsforbundet",
}


class WrongMunicipality(ProtocolImportError):
    def __init__(self, found: str, expected: str):
        super().__init__(
            "wrong_municipality",
            _("The document is for %(found)s, not %(expected)s.") % {"found": found, "expected": expected},
        )


def normalise(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").casefold()
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def _municipality_matches(found: str, municipality: Municipality) -> bool:
    wanted = normalise(municipality.name)
    name = normalise(re.sub(r"\b(kommune|fylkeskommune|herad)\b", "", found, flags=re.I))
    parts = {normalise(p) for p in municipality.name.split(" - ")} | {wanted}
    return name in parts or any(part and part in name for part in parts)


def former_name(found: str, municipality: Municipality) -> FormerName | None:
    """The former name (before a merger) of ``municipality`` that ``found`` is, if any."""
    name = normalise(re.sub(r"\b(kommune|fylkeskommune|herad)\b", "", found, flags=re.I))
    for former in former_names():
        if former.new_number == municipality.number and name in {
            normalise(former.old_name),
            normalise(former.old_name.split(" (")[0]),
        }:
            return former
    return None


def check_municipality(parsed_name: str | None, municipality: Municipality) -> str | None:
    """Refuse a document whose masthead names another municipality.

    A former municipality that is now part of this one is accepted; the note returned says so.
    """
    if not parsed_name or _municipality_matches(parsed_name, municipality):
        return None
    former = former_name(parsed_name, municipality)
    if former is None:
        raise WrongMunicipality(parsed_name, municipality.name)
    return _("The document names %(old)s, which has been part of %(new)s since %(year)d.") % {
        "old": former.old_name,
        "new": municipality.name,
        "year": former.year,
    }


def resolve_body(name: str | None, municipality: Municipality, bodies: list[Body]) -> Body | None:
    """The body whose name matches (ignoring case and the nynorsk/bokmål -et/-g endings)."""
    if not name:
        return bodies[0] if len(bodies) == 1 else None

    def stem(value: str) -> str:
        return re.sub(r"(et|en|a|g|get)$", "", normalise(value).replace(" ", ""))

    wanted = stem(name)
    for body in bodies:
        if stem(body.name) == wanted:
            return body
    for body in bodies:
        if wanted and (wanted in stem(body.name) or stem(body.name) in wanted):
            return body
    return None


def organisation_lookup() -> dict[str, Organisation]:
    orgs = {normalise(o.short_name): o for o in Organisation.objects.all()}
    for alias, short in ORGANISATION_ALIASES.items():
        if normalise(short) in orgs:
            orgs.setdefault(alias, orgs[normalise(short)])
    return orgs


def resolve_organisation(name: str | None, orgs: dict[str, Organisation]) -> Organisation | None:
    return orgs.get(normalise(name)) if name else None


def seats_by_name(body: Body | None, day: datetime.date) -> dict[str, Membership]:
    if body is None:
        return {}
    seats = Membership.objects.filter(body=body).active_on(day).select_related("person", "on_behalf_of")
    return {normalise(seat.person.name): seat for seat in seats}


def aliases_of(body: Body | None) -> dict[str, int]:
    """The names a reviewer matched to a person in this body's earlier imports: person id by name."""
    if body is None:
        return {}
    return {normalise(name): person for name, person in PersonAlias.objects.filter(body=body).values_list("name", "person")}


