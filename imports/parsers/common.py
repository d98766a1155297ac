"""Shared, layout-independent parsing helpers: labels, dates, times, case numbers,
organisations, proposals, outcomes, votes and requests (bokmål and nynorsk).

Everything works on anchors and labels, not on line structure, so flattened text (all line
breaks replaced by spaces) parses like the original; line breaks are used only as hints.
All regexes are linear-time (bounded repetitions, no nested unbounded quantifiers).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .types import ParsedProposal, ParsedRequest, Side

_I = re.IGNORECASE
UPPER = "A-ZÆØÅÄÖÜÉ"
LOWER = "a-zæøåäöüé"

# ---------------------------------------------------------------- normalisation


def normalize(text: str) -> str:
    """Unify line breaks and spaces; drop soft hyphens; keep newlines as hints."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    text = re.sub(r"[\u00a0\u2007\u202f\t\v]", " ", text)
    text = re.sub(r" {2,}", " ", text)
    return re.sub(r" +\n", "\n", text)


def flat(text: str) -> str:
    """Collapse all whitespace to single spaces."""
    return " ".join(text.split())


_BULLET_RE = re.compile(r"^(?:[·•\-–*]|\d{1,2}[.)]|[a-z][.)])\s")


def clean_block(text: str) -> str:
    """Trim a text block: drop separator lines, join wrapped lines, keep paragraphs and bullets."""
    text = re.sub(r"[-_=]{6,}", "\n\n", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        prev = out[-1] if out else ""
        if prev and not _BULLET_RE.match(line) and not prev.endswith(":"):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return "\n".join(out).strip()


def title_case_if_upper(text: str) -> str:
    """'ADMINISTRASJONSUTVALET' -> 'Administrasjonsutvalet'; leave mixed case alone."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return text[:1].upper() + text[1:].lower()
    return text


# ---------------------------------------------------------------- dates and times

MONTHS = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}  # fmt: skip
DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])")
LONG_DATE_RE = re.compile(
    r"(?<!\d)(\d{1,2})\.?\s+(januar|februar|mars|april|mai|juni|juli|august|september|oktober|"
    r"november|desember)\s+(\d{4})(?!\d)",
    _I,
)
ANY_DATE_RE = re.compile(DATE_RE.pattern + "|" + LONG_DATE_RE.pattern, _I)
TIME_RANGE_RE = re.compile(
    r"(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:\s*(?:-|–|—|til)\s*|\s+)(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?!\d)",
    _I,
)
TIME_RE = re.compile(r"(?:kl\.?\s*)?(?<!\d)(\d{1,2})[:.](\d{2})(?![\d.])", _I)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def make_date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(_year(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """First date in ``text`` (dd.mm.yyyy or '7. februar 2023')."""
    m = ANY_DATE_RE.search(text)
    if not m:
        return None
    if m.group(1):
        return make_date(m.group(1), m.group(2), m.group(3))
    return make_date(m.group(4), str(MONTHS[m.group(5).lower()]), m.group(6))


def make_time(hour: str, minute: str) -> dt.time | None:
    try:
        return dt.time(int(hour), int(minute))
    except ValueError:
        return None


def parse_time_range(text: str) -> tuple[dt.time | None, dt.time | None]:
    """('10:00 - 11:30') -> (10:00, 11:30); a single time gives (start, None)."""
    m = TIME_RANGE_RE.search(text)
    if m:
        return make_time(m.group(1), m.group(2)), make_time(m.group(3), m.group(4))
    m = TIME_RE.search(text)
    if m:
        return make_time(m.group(1), m.group(2)), None
    return None, None


# ---------------------------------------------------------------- header labels

DATE_LABEL = r"(?:Møtedato(?:\s?/\s?tid|\s+og\s+tid)?|Dato(?:\s+og\s+tid)?)"
PLACE_LABEL = r"(?:Møtested(?:\s?/\s?lokaler?)?|Møtestad|Møterom|Sted|Stad)"
TIME_LABEL = r"(?:Møtetid|Tidspunkt|Tid|Klokkeslett)"
BODY_LABEL = r"(?:Utvalg(?:\s?/\s?styre)?(?:\s?/\s?råd)?|Utval|Organ)"
# A following label ends a header value: "Word:" or a known label word.
_VALUE_END = re.compile(
    rf"\n|\s(?:[{UPPER}][{LOWER}A-Za-z]+(?:\s+[{LOWER}]+){{0,2}})\.?\s*:|\s(?:{DATE_LABEL}|{TIME_LABEL}|"
    rf"{PLACE_LABEL}|Arkivsak|Eventuelle|Forfall|Saksliste|SAKSLISTE|Medlemmer|Møtedeltakarar|"
    rf"Faste|Følgende|Følgjande|Fra\s+kl|Frå\s+kl|Til\s+kl)\b"
    rf"|\s(?=[{UPPER}][{LOWER}]+\s[{LOWER}]{{2,}}\s[{LOWER}]{{2,}}\s)"  # a sentence begins
)


_EMPTY_VALUE = re.compile(rf"(?:{DATE_LABEL}|{TIME_LABEL}|{PLACE_LABEL}|{BODY_LABEL}|Kl\.?)\s*:")


def label_value(text: str, label: str, max_len: int = 100) -> str | None:
    """The value after 'Label:' up to the next label or line break."""
    m = re.search(rf"(?<![\w]){label}\s*:\s*", text)
    if not m:
        return None
    rest = text[m.end() : m.end() + max_len + 40]
    if _EMPTY_VALUE.match(rest):
        return None  # flattened header: the next label follows at once
    end = _VALUE_END.search(rest)
    value = rest[: end.start()] if end else rest[:max_len]
    value = " ".join(value.split()).strip(" ,;")
    return value[:max_len] or None


@dataclass
class Header:
    """Fields from a meeting document's header."""

    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    place: str | None = None
    body: str | None = None


MEETING_WORD_RE = re.compile(
    r"møteinnkalling|innkalling|møteprotokoll|protokoll|møtebok|saksliste|sakliste|sakskart|"
    r"har\s+møte|møte\s+i\b",
    _I,
)
HELD_DATE_RE = re.compile(
    r"(?:har|holder|held|avholdes|vert\s+halde)\s+møte\b[^.\n]{0,80}?(?=\d|"
    r"(?:mandag|tirsdag|onsdag|torsdag|fredag|måndag|tysdag)\b)",
    _I,
)


def _labelled_date(text: str, label: str, *, leading: bool = False) -> dt.date | None:
    """A date in the value of a labelled header field ('Møtedato: 12.03.2019'); with
    ``leading``, only a date that opens the value ('Møtetid: 23.01.2019 kl. 12.00')."""
    for m in re.finditer(rf"(?<![\w]){label}\s*:?\s*", text):
        value = label_value(text[m.start() :], label, 60) or ""
        if leading:
            value = value[:16] if re.match(r"\d", value) else ""
        found = parse_date(value)
        if found:
            return found
    return None


def parse_header(text: str) -> Header:
    """Date, time, place and body from labels such as 'Møtedato:', 'Møtestad:', 'Tidspunkt:'.

    The date comes from the labelled date field, else a date in the time field
    ('Møtetid: 23.01.2019 kl. 12.00'), else a date next to the notice's heading or 'har møte'
    ('Formannskapet 20.08.2020'), never from anywhere else in the text.
    """
    head = Header()
    head.date = _labelled_date(text, DATE_LABEL) or _labelled_date(text, TIME_LABEL, leading=True)
    if head.date is None:
        head.date = _heading_date(text)
    m = re.search(rf"(?<![\w]){TIME_LABEL}\s*:?\s*", text)
    if m:
        head.start, head.end = parse_time_range(text[m.end() : m.end() + 40])
    if head.start is None:
        m = re.search(r"(?:Fra|Frå)\s+kl\.?\s*:?\s*(\d{1,2})[:.](\d{2})", text, _I)
        if m:
            head.start = make_time(m.group(1), m.group(2))
            m2 = re.search(
                r"Til\s+kl\.?\s*:?\s*(\d{1,2})[:.](\d{2})", text[m.end() : m.end() + 80], _I
            )
            if m2:
                head.end = make_time(m2.group(1), m2.group(2))
    if head.start is None:
        m = re.search(r"(?<![\w])[Kk]l\.?\s*:?\s*(?=\d)", text[:1500])
        if m:
            head.start, head.end = parse_time_range(text[m.end() : m.end() + 30])
    head.place = label_value(text, PLACE_LABEL)
    body = label_value(text, BODY_LABEL, 80)
    head.body = title_case_if_upper(body) if body else None
    return head


def _heading_date(text: str) -> dt.date | None:
    """A date printed right after the heading of a meeting document or 'har møte ...'."""
    top = text[:400]
    for m in ANY_DATE_RE.finditer(top):
        before = top[max(0, m.start() - 80) : m.start()]
        if re.search(r"frist|datert|søknad|brev|av\s*$|fra\s*$|frå\s*$", before, _I):
            continue
        if MEETING_WORD_RE.search(before) or re.search(
            r"(?:utval\w*|utvalg\w*|formannskap\w*|kommunestyre\w*|bystyre\w*|heradsstyre\w*|"
            r"fylkesting\w*|nemnd\w*|AMU|PSU)\s*$",
            before,
            _I,
        ):
            return parse_date(m.group(0))
    m = HELD_DATE_RE.search(text[:1500])
    if m:
        return parse_date(text[m.end() : m.end() + 40])
    return None


MUNICIPALITY_RE = re.compile(
    rf"(?<![\w])([{UPPER}][{LOWER}]+(?:[- ][{UPPER}][{LOWER}]+)?(?:\s+og\s+[{UPPER}][{LOWER}]+)?|"
    rf"[{UPPER}]{{2,}}(?:[- ][{UPPER}]{{2,}})?(?:\s+OG\s+[{UPPER}]{{2,}})?)\s+"
    r"(?:kommune|Kommune|KOMMUNE|herad|Herad|HERAD|fylkeskommune|Fylkeskommune|FYLKESKOMMUNE)(?![\w])"
    r"(?!\s*[-–]\s)"
)
MUNICIPALITY_URL_RE = re.compile(r"mote\.sing\.no/([a-z\-æøå]+)", _I)
MASTHEAD_CHARS = 400
NOT_NAMES = frozenset({"denne", "vår", "var", "kvar", "hver", "i", "ein", "en", "den", "til", "fra", "frå"})


def find_municipality(text: str) -> str | None:
    """The municipality named in the masthead ('Vaksdal kommune', 'TRANØY KOMMUNE', 'KVAM HERAD'),
    or in the Sing portal URL. A masthead naming several municipalities (a joint committee)
    names none of them alone."""
    names = []
    for m in MUNICIPALITY_RE.finditer(text[:MASTHEAD_CHARS]):
        name = m.group(1)
        if name.lower() in NOT_NAMES:
            continue
        name = " ".join(w if w.lower() == "og" else title_case_if_upper(w) for w in name.split())
        name = name.replace(" Og ", " og ")
        if name not in names:
            names.append(name)
    if len(names) == 1:
        return names[0]
    if names:
        return None
    m = MUNICIPALITY_URL_RE.search(text)
    if m:
        return m.group(1).replace("-", " ").title()
    return None


# ---------------------------------------------------------------- case numbers

CASE_RE = re.compile(
    r"(?<![\w/.])(?:(PS|RS|OS|DS|FS|OR|Sak|Saknr\.?|Sak\s+nr\.?)\s*)?(\d{1,4})\s?/\s?(\d{4}|\d{2})(?![\w/])"
)


def case_number(prefix: str | None, number: str, year: str) -> str | None:
    """Normalise '4/24' -> '04/2024'; reject archive ids like '23/1070'."""
    if len(year) == 2 and not prefix:
        return None
    yr = _year(year)
    if not 1990 <= yr <= 2099 or len(number) > 3 or int(number) == 0:
        return None
    return f"{int(number):02d}/{yr}"


def find_cases(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[str, int, int, str | None]]:
    """All case numbers in text[start:end] as (case, start, end, prefix)."""
    out = []
    for m in CASE_RE.finditer(text, start, len(text) if end is None else end):
        cn = case_number(m.group(1), m.group(2), m.group(3))
        if cn:
            out.append((cn, m.start(), m.end(), m.group(1)))
    return out


TYPE_PREFIXES = {"PS": "PS", "RS": "RS", "OS": "orientering", "OR": "orientering", "DS": "drofting"}


def item_type(prefix: str | None, title: str) -> str:
    """PS/RS/orientering/drofting from a printed prefix or the title."""
    if prefix and prefix.upper() in TYPE_PREFIXES:
        return TYPE_PREFIXES[prefix.upper()]
    low = title.lower().lstrip()
    if low.startswith(("orientering", "orienteringssak", "informasjon om", "informasjonssak")):
        return "orientering"
    if low.startswith(("drøfting", "drøftingssak", "drøftingsmøte")):
        return "drofting"
    return "PS"


PROCEDURAL_RE = re.compile(
    r"godkjenn\w*\s+(?:av\s+)?(?:møte)?(?:innkalling|saksliste|sakliste|dagsorden|protokoll|"
    r"møtebok|referat)|innkalling\s+og\s+saksliste|referatsak\w*|referat-?\s*og\s+"
    r"(?:orientering|melding)\w*|\bmeldingar\b|\bmeldinger\b|delegerte\s+vedtak|"
    r"(?:val|valg)\s+av\s+\w+\s+(?:\w+\s+)?til\s+(?:å\s+)?(?:signere|underskrive|godkjenne)|"
    r"underskriving\s+av\s+protokoll|protokollunderskri\w*|protokollen\s+godkjennes|"
    r"konstituering",
    _I,
)


def is_procedural(title: str, type_: str = "PS") -> bool:
    """Approval of notice/agenda/minutes, referatsaker and similar formalities."""
    return type_ == "RS" or bool(PROCEDURAL_RE.search(title))


# ---------------------------------------------------------------- organisations

PARTIES = {
    "ap": "AP", "a": "AP", "arbeidarpartiet": "AP", "arbeiderpartiet": "AP",
    "h": "H", "høgre": "H", "høyre": "H",
    "sp": "SP", "senterpartiet": "SP",
    "sv": "SV", "sosialistisk venstreparti": "SV",
    "frp": "FRP", "framstegspartiet": "FRP", "fremskrittspartiet": "FRP",
    "krf": "KRF", "kristeleg folkeparti": "KRF", "kristelig folkeparti": "KRF",
    "v": "V", "venstre": "V",
    "mdg": "MDG", "miljøpartiet de grønne": "MDG", "miljøpartiet dei grøne": "MDG",
    "r": "RØDT", "rødt": "RØDT", "raudt": "RØDT",
    "pp": "PP", "pensjonistpartiet": "PP", "inp": "INP", "tvp": "TVP", "kyst": "KYST",
    "uavh.": "Uavhengig", "uavhengig": "Uavhengig", "uavhengig liste": "Uavhengig",
}  # fmt: skip
UNIONS = {
    "fagforbundet": "Fagforbundet", "ff": "Fagforbundet",
    "utdanningsforbundet": "Utdanningsforbundet", "uf": "Utdanningsforbundet", "udf": "Utdanningsforbundet",
    "sykepleierforbundet": "Sykepleierforbundet", "sjukepleiarforbundet": "Sykepleierforbundet",
    "norsk sykepleierforbund": "Sykepleierforbundet", "nsf": "Sykepleierforbundet",
    "delta": "Delta", "fo": "FO", "fellesorganisasjonen": "FO", "nito": "NITO",
    "naturviterne": "Naturviterne", "tekna": "Tekna", "akademikerne": "Akademikerne",
    "unio": "Unio", "lo": "LO Kommune", "lo kommune": "LO Kommune", "ys": "YS Kommune",
    "ys kommune": "YS Kommune", "legeforeningen": "Legeforeningen", "samfunnsviterne": "Samfunnsviterne",
    "parat": "Parat", "sl": "Skolenes landsforbund", "skolenes landsforbund": "Skolenes landsforbund",
    "lærernes yrkesforbund": "Lærernes Yrkesforbund", "mfo": "MFO", "econa": "Econa",
    "juristforbundet": "Juristforbundet", "psykologforeningen": "Psykologforeningen",
    "fysioterapeutforbundet": "Fysioterapeutforbundet", "ergoterapeutene": "Ergoterapeutene",
    "norsk lektorlag": "Norsk Lektorlag", "lektorlaget": "Norsk Lektorlag",
    "radiografforbund": "Radiografforbundet", "norsk radiografforbund": "Radiografforbundet",
}  # fmt: skip
CANONICAL_UNIONS = set(UNIONS.values())
CANONICAL_PARTIES = set(PARTIES.values())
_ORG_TOKEN_RE = re.compile(
    r"(?<![\w])("
    + "|".join(
        sorted((re.escape(k) for k in {**PARTIES, **UNIONS} if len(k) > 1), key=len, reverse=True)
    )
    + r")(?![\w])",
    _I,
)


def canonical_org(token: str, *, strict_case: bool = True) -> str | None:
    """Canonical short name of a party or union ('fagforbundet' -> 'Fagforbundet')."""
    raw = token.strip(" ().,;:")
    key = " ".join(raw.lower().split())
    if key in UNIONS:
        if len(key) <= 3 and strict_case and raw != raw.upper():
            return None
        return UNIONS[key]
    if key in PARTIES:
        if (
            len(key) <= 3
            and strict_case
            and not (raw.isupper() or raw in ("FrP", "KrF", "Ap", "Sp"))
        ):
            return None
        return PARTIES[key]
    return None


def org_side(org: str | None) -> Side | None:
    if org in CANONICAL_UNIONS:
        return "employee"
    if org in CANONICAL_PARTIES:
        return "political"
    return None


def orgs_in(text: str) -> list[str]:
    """Canonical organisations mentioned in free text (case-insensitive names, strict acronyms)."""
    found: list[str] = []
    for m in _ORG_TOKEN_RE.finditer(text):
        org = canonical_org(m.group(1))
        if org and org not in found:
            found.append(org)
    for m in re.finditer(r"(?<![\w])(H|V|A|R)(?![\w])", text):
        org = canonical_org(m.group(1))
        if org and org not in found:
            found.append(org)
    return found


def split_proposers(text: str, known_people: dict[str, str] | None = None) -> list[str]:
    """'SV, SP, H, AP, Utdanningsforbundet og Fagforbundet' -> ['SV', 'SP', 'H', 'AP', ...]."""
    text = " ".join(text.split())
    text = re.sub(r"\s+v/.*$", "", text)
    parts = re.split(r"\s*,\s*|\s+og\s+|\s+and\s+|\s*&\s*|\s*\+\s*", text)
    out: list[str] = []
    for part in parts:
        part = part.strip(" .:;")
        if not part:
            continue
        paren = re.search(r"\(([^)]{1,40})\)", part)
        org = canonical_org(paren.group(1)) if paren else None
        org = org or canonical_org(part, strict_case=False)
        if org is None and known_people:
            org = known_people.get(" ".join(part.split()).lower())
        name = org or re.sub(r"\s*\([^)]*\)", "", part)[:60]
        if name and name not in out:
            out.append(name)
    return out


# ---------------------------------------------------------------- proposals and votes

ADMIN_LABEL_RE = re.compile(
    r"(?:Kommunedirektøren|Kommunedirektørens|Rådmannen|Rådmannens|Administrasjonssjefen|"
    r"Administrasjonssjefens|Administrasjonen|Administrasjonens|Fylkesdirektøren|"
    r"Fylkesrådmannen|Kommunalsjefen|Ordføreren|Ordføraren|Ordførerens)\s*"
    r"(?:sitt\s+|sin\s+|si\s+|s\s+)?(?:framlegg|forslag|innstilling|innstillinga|tilråding)"
    r"(?:\s+til\s+vedtak)?\s*:?"
    r"|(?<![\w])(?:Forslag|Framlegg)\s+til\s+vedtak\s*:"
    r"|(?<![\w])(?:Innstilling|Tilråding)\s*:"
)
KIND_WORDS = {
    "endrings": "amendment", "tilleggs": "additional", "tillegs": "additional",
    "felles": "joint", "alternativt": "alternative", "alternativ": "alternative",
}  # fmt: skip
PROPOSAL_HEAD_RE = re.compile(
    r"(?<![\w])(?P<kind>Endrings|Tilleggs|Tillegs|Felles|Alternativt\s+|Alternativ\s+|Nytt\s+|Eige\s+|Eget\s+)?"
    r"(?:forslag|framlegg)(?:\s+til\s+vedtak)?\s+(?:fra|frå|fremmet\s+av|fremja\s+av|sett\s+fram\s+av|lagt\s+fram\s+av)\s+"
    r"(?P<who>[^:.;()]{1,150}?(?:\([^()]{1,40}\)[^:.;()]{0,40}?)?)\s*:",
    _I,
)
PROPOSAL_BY_PERSON_RE = re.compile(
    rf"(?<![\w])(?P<who>[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+){{0,3}})\s*"
    r"(?:\((?P<org>[^()]{1,40})\))?\s+(?i:(?:fremmet|fremja|sette\s+fram|satte\s+fram|la\s+fram|kom\s+med|"
    r"foreslo|gjorde)\s+(?:følgende|følgjande|slikt|eit|et|nytt|sitt|dette)?\s*"
    r"(?P<kind>endrings|tilleggs|tillegs|felles|alternativt\s+|alternativ\s+)?(?:forslag|framlegg)"
    r"(?:\s+til\s+vedtak)?(?:\s+på\s+vegne\s+av\s+(?P<behalf>[^:]{1,80}?))?)\s*:"
)
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
    r"(?<![\w])(?:fekk|fikk|fått|får|med)\s+(\d{1,3})\s+(?:stemme|stemmer|stemmar|røyst|røyster|røystar)"
    r"(?:\s*\([^()]{0,120}\))?(?:\s+mot\s+(\d{1,3})(?:\s+(?:stemme|stemmer|røyst|røyster))?\s*"
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


@dataclass
class _Head:
    start: int
    end: int
    kind: str
    proposers: list[str]


def find_proposal_heads(text: str, known_people: dict[str, str] | None = None) -> list[_Head]:
    """Headers of non-administration proposals ('Endringsforslag frå Fagforbundet:')."""
    heads: list[_Head] = []
    for m in PROPOSAL_HEAD_RE.finditer(text):
        who = m.group("who")
        if re.search(r"\b(?:vart|ble|fekk|fikk|er|var)\b", who, _I):
            continue
        kind_word = (m.group("kind") or "").strip().lower()
        proposers = split_proposers(who, known_people)
        kind = KIND_WORDS.get(kind_word, "joint" if len(proposers) > 1 else "alternative")
        heads.append(_Head(m.start(), m.end(), kind, proposers))
    for m in PROPOSAL_BY_PERSON_RE.finditer(text):
        if any(h.start <= m.start() < h.end for h in heads):
            continue
        kind_word = (m.group("kind") or "").strip().lower()
        who = m.group("behalf") or m.group("org") or m.group("who")
        proposers = split_proposers(who, known_people)
        if m.group("org") and not m.group("behalf"):
            proposers = split_proposers(m.group("org"), known_people) or proposers
        kind = KIND_WORDS.get(kind_word, "joint" if len(proposers) > 1 else "alternative")
        heads.append(_Head(m.start(), m.end(), kind, proposers))
    heads.sort(key=lambda h: h.start)
    return heads


def _proposal_end(text: str, start: int, limit: int) -> int:
    """A proposal's text ends at a vote label or a sentence that reports an outcome."""
    m = VOTE_LABEL_RE.search(text, start, limit)
    end = m.start() if m else limit
    for s in SENTENCE_SPLIT_RE.finditer(text, start, end):
        nxt = text[s.end() : min(end, s.end() + 300)]
        sentence = re.split(r"(?<=[.!?])\s", nxt, maxsplit=1)[0]
        if (ADMIN_REF_RE.search(sentence) or KIND_REF_RE.search(sentence)) and (
            ADOPTED_RE.search(sentence)
            or FELL_RE.search(sentence)
            or WITHDRAWN_RE.search(sentence)
            or VOTES_RE.search(sentence)
        ):
            return s.start()
    return end


def extract_proposals(
    text: str, known_people: dict[str, str] | None = None
) -> tuple[list[ParsedProposal], list[tuple[int, int]]]:
    """Non-administration proposals in ``text`` and the spans they occupy."""
    heads = find_proposal_heads(text, known_people)
    out: list[ParsedProposal] = []
    spans: list[tuple[int, int]] = []
    for i, head in enumerate(heads):
        limit = heads[i + 1].start if i + 1 < len(heads) else len(text)
        end = _proposal_end(text, head.end, limit)
        body = clean_block(text[head.end : end])
        out.append(ParsedProposal(head.kind, head.proposers, body))  # type: ignore[arg-type]
        spans.append((head.start, end))
    return out, spans


def remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Text with the given spans replaced by a paragraph break."""
    if not spans:
        return text
    parts, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        parts.append(text[pos:a])
        parts.append("\n\n")
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def _kind_of(word: str) -> str:
    word = word.lower()
    return "alternative" if word.startswith("alternativ") else KIND_WORDS.get(word, "alternative")


def _refs(sentence: str, proposals: list[ParsedProposal]) -> list[int]:
    """Indexes of the proposals a sentence refers to."""
    bare = re.sub(r"\([^()]{0,200}\)", " ", sentence)
    found: list[int] = []
    if ADMIN_REF_RE.search(bare):
        found += [i for i, p in enumerate(proposals) if p.kind == "administration"]
    kinds = {_kind_of(k) for k in KIND_REF_RE.findall(bare)}
    orgs = set(orgs_in(bare))
    others = [i for i, p in enumerate(proposals) if p.kind != "administration"]
    candidates = []
    for i in others:
        p = proposals[i]
        kind_ok = not kinds or p.kind in kinds
        org_ok = not orgs or bool(orgs & set(p.proposers))
        if (kinds or orgs) and kind_ok and org_ok:
            candidates.append(i)
    if len(candidates) > 1 and orgs:
        best = max(len(orgs & set(proposals[i].proposers)) for i in candidates)
        exact = [i for i in candidates if set(proposals[i].proposers) == orgs]
        if not WITHDRAWN_RE.search(bare):
            candidates = exact or [
                i for i in candidates if len(orgs & set(proposals[i].proposers)) == best
            ]
    if len(candidates) > 1 and not WITHDRAWN_RE.search(bare) and not (kinds or orgs):
        candidates = []
    return found + [i for i in candidates if i not in found]


def apply_votes(proposals: list[ParsedProposal], handling: str) -> None:
    """Set outcome and vote counts on ``proposals`` from the handling text."""
    if not handling.strip() or not proposals:
        return
    decided: set[int] = set()
    pairs: list[list[int]] = []
    for sentence in SENTENCE_SPLIT_RE.split(handling):
        sentence = " ".join(sentence.split())
        if not sentence:
            continue
        refs = _refs(sentence, proposals)
        if OPPOSED_RE.search(sentence) and len(refs) >= 2:
            pairs.append(refs[:2])
        if WITHDRAWN_RE.search(sentence):
            outcome = "withdrawn"
        elif FELL_RE.search(sentence):
            outcome = "fell"
        elif ADOPTED_RE.search(sentence):
            outcome = "adopted"
        else:
            continue
        if not refs:
            admin = [
                i
                for i, p in enumerate(proposals)
                if p.kind == "administration" and i not in decided
            ]
            undecided = [i for i in range(len(proposals)) if i not in decided]
            if len(undecided) == 1:
                refs = undecided
            elif admin and outcome == "adopted" and not decided:
                refs = admin[:1]
            else:
                continue
        if outcome != "withdrawn" and OPPOSED_RE.search(sentence):
            refs = refs[:1]
        votes = VOTES_RE.search(sentence)
        mot = VOTES_MOT_RE.search(sentence)
        for i in refs:
            p = proposals[i]
            p.outcome = outcome  # type: ignore[assignment]
            decided.add(i)
            if votes and outcome != "withdrawn":
                p.votes_for = int(votes.group(1))
                if votes.group(2):
                    p.votes_against = int(votes.group(2))
            elif mot and outcome != "withdrawn":
                p.votes_for, p.votes_against = int(mot.group(1)), int(mot.group(2))
    counted = [i for i, p in enumerate(proposals) if p.votes_for is not None]
    if not pairs and len(counted) == 2:
        outcomes = {proposals[i].outcome for i in counted}
        if outcomes == {"adopted", "fell"}:
            pairs.append(counted)
    for a, b in pairs:
        pa, pb = proposals[a], proposals[b]
        if pa.votes_for is not None and pb.votes_for is not None:
            if pa.votes_against is None:
                pa.votes_against = pb.votes_for
            if pb.votes_against is None:
                pb.votes_against = pa.votes_for


# ---------------------------------------------------------------- requests

REQUEST_RE = re.compile(
    rf"(?<![\w])(?P<by>[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+){{1,3}})\s*"
    r"\((?P<org>[^()]{1,40})\)\s+(?P<verb>(?i:ber\s+om|bad\s+om|bed\s+om|spør|spurde|spurte|stiller|"
    r"stilte|stilde|tek\s+opp|tok\s+opp|tar\s+opp|kjem\s+med|kom\s+med|viser\s+til|etterlyser|"
    r"etterlyste|ønskjer|ønsker|ønska|ønsket|foreslår|foreslo|orienterer|orienterte|informerer|"
    r"informerte|melder|meldte|reiser|reiste))(?![\w])"
)
AGENDA_ASK_RE = re.compile(
    r"\b(?:ber|bad|bed)\s+om\s+(?:at\s+)?.{0,200}?(?:saksliste|sakliste|dagsorden|ny\s+sak|som\s+(?:ei\s+|en\s+)?sak|"
    r"eiga\s+sak|egen\s+sak|opp\s+som\s+sak|til\s+neste\s+møte|settes\s+opp|setjast\s+opp|"
    r"blir\s+sett\s+opp|vert\s+sett\s+opp|tas\s+opp\s+i|takast\s+opp\s+i|behandla|behandlet|handsama)"
    r"|\b(?:ber|bad|bed)\s+om\s+(?:ei\s+|en\s+|eit\s+|et\s+)?(?:sak|orientering|redegjørelse|"
    r"utgreiing|utredning)\b",
    _I | re.DOTALL,
)
SUBJECT_RE = re.compile(
    r"\b(?:sak|orientering|redegjørelse|utgreiing|utredning)\s+(?:om|vedrørande|vedrørende|knytt\s+til|"
    r"knyttet\s+til|angåande|angående)\s+(?P<subj>.{3,160}?)(?=\s+(?:blir|vert|blei|ble|skal|må|"
    r"kan|settes|setjast|tas|takast|til\s+neste|på\s+saksliste|på\s+sakliste|i\s+neste)\b|[.;:]|$)",
    _I | re.DOTALL,
)
REQUEST_STOP_RE = re.compile(
    r"\n\s*\n(?=[^\n]{0,60}:)|(?<![\w])(?:Orienteringar|Orienteringer|Spørsmål|Eventuelt|"
    r"Møtet\s+(?:vart\s+|ble\s+)?(?:heva|hevet|avslutta|avsluttet))\s*:?",
    _I,
)


def parse_requests(text: str) -> list[ParsedRequest]:
    """Statements 'Name (Org) ber om / spør / tek opp ...' as requests.

    The speaker is kept in ``by`` and ``organisation``; the text starts at the verb ("ber om at
    ..."), so a page showing "Name (Org): text" does not name the speaker twice.
    """
    matches = list(REQUEST_RE.finditer(text))
    out: list[ParsedRequest] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        stop = REQUEST_STOP_RE.search(text, m.end(), end)
        end = min(end, stop.start() if stop else end, m.start() + 1200)
        statement = flat(text[m.start("verb") : end])
        org = canonical_org(m.group("org"), strict_case=False) or flat(m.group("org"))
        asks = bool(AGENDA_ASK_RE.search(statement))
        out.append(ParsedRequest(flat(m.group("by")), org, statement, None, asks))
    return out


def request_subject(text: str) -> str:
    """The subject of a request: 'sak om inngåelse av trepartssamarbeid' -> 'inngåelse av ...'."""
    m = SUBJECT_RE.search(text)
    if m:
        return flat(m.group("subj"))
    m = re.search(
        r"\b(?:ber|bad|bed)\s+om\s+(?:at\s+)?(?P<subj>.{3,160}?)(?:\s+(?:blir|vert|settes)\b|[.;]|$)",
        text,
        _I,
    )
    return flat(m.group("subj")) if m else ""


STOPWORDS = frozenset(
    """
    av og i på til for om med frå fra ein en eit et ei den det dei de som er vert blir ble
    vart sak saka saken sakene kommunen kommunal kommunalt kommunale neste møte møtet at å
    inngåelse inngå etablering etablere oppretting opprette gjennomgang oppfølging
    orientering status ny nytt nye
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def stem(word: str) -> str:
    """Very light Norwegian stemmer for title matching."""
    word = word.lower()
    for suffix in ("ane", "ene", "ar", "er", "en", "et", "a", "e"):
        if len(word) > len(suffix) + 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    words = re.findall(r"[\wæøå]+", text.lower())
    return {stem(w) for w in words if len(w) > 3 and w not in STOPWORDS and not w.isdigit()}


def subject_score(subject: str, title: str) -> float:
    """Share of the subject's content words found in the title (compound-aware)."""
    subj = content_stems(subject)
    if not subj:
        return 0.0
    tit = content_stems(title)
    hits = 0
    for s in subj:
        if s in tit or any(len(s) >= 6 and (s in t or t in s) and len(t) >= 6 for t in tit):
            hits += 1
    return hits / len(subj)
