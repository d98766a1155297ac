"""A meeting document's header: labelled date, time, place and body ('Møtedato:', 'Møtestad:'),
and the municipality named in its masthead.

Works on labels, not on line structure, so a flattened header parses like the original.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import ANY_DATE_RE, make_time, parse_compact_time, parse_date, parse_time_range
from .textnorm import LOWER, UPPER, title_case_if_upper

_I = re.IGNORECASE


DATE_LABEL = r"(?:Møtedato(?:\s?/\s?tid|\s+og\s+tid)?|Dato(?:\s+og\s+tid)?)"
PLACE_LABEL = r"(?:Møtested(?:\s?/\s?lokaler?)?|Møtestad|Møterom|Sted|Stad)"
TIME_LABEL = r"(?:Møtetid|Tidspunkt|Tid|Klokkeslett)"
#: 'Utvalg', 'Utval', 'Organ' and ACOS's 'Utvalg/styre/råd' or 'Styre/råd/utval' in any order
BODY_LABEL = r"(?:(?:Utvalg|Utval|Styre|Råd)(?:\s?/\s?(?:utvalg|utval|styre|råd)){1,2}|Utvalg|Utval|Organ)"
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
HELD_CHARS = 1500  # how far a notice's 'har møte ...' sentence is looked for
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
    ('Formannskapet 20.08.2020'), never from anywhere else in the text. Values printed under a
    column of labels (:func:`stacked_values`) go to their own labels.
    """
    head = Header()
    stacked = stacked_values(text)
    head.date = (
        parse_date(stacked.get("date", ""))
        or _labelled_date(text, DATE_LABEL)
        or _labelled_date(text, TIME_LABEL, leading=True)
        or _heading_date(text)
    )
    head.start, head.end = parse_time_range(stacked.get("time", ""))
    if head.start is None:
        head.start, head.end = _start_end(text)
    head.place = stacked.get("place") or label_value(text, PLACE_LABEL) or held_place(text)
    body = stacked.get("body") or label_value(text, BODY_LABEL, 80)
    if body is None and head.place and BODY_VALUE_RE.fullmatch(head.place):
        # stacked labels ('Utvalg: Møtested: Kommunestyret Dato: ...'): the first value is the body's
        body, head.place = head.place, None
    if body and MEETING_IN_RE.match(body):  # 'Utvalg/styre/råd : Møte i kontrollutvalget i Fjordby kommune'
        body = meeting_in_body(body) or body
    head.body = title_case_if_upper(body) if body else None
    return head


def _time_after(text: str, pos: int, chars: int) -> tuple[dt.time | None, dt.time | None]:
    """A time range ('10:00 - 14:00') or compact time ('1300') in text[pos:pos+chars]."""
    value = text[pos : pos + chars]
    start, end = parse_time_range(value)
    return (start, end) if start else parse_compact_time(value)


def _start_end(text: str) -> tuple[dt.time | None, dt.time | None]:
    """Start and end from the time field, else 'Fra kl. 10.00 Til kl. 12.00', else the first 'kl.'."""
    m = re.search(rf"(?<![\w]){TIME_LABEL}\s*:?\s*", text)
    if m:
        start, end = _time_after(text, m.end(), 40)
        if start:
            return start, end
    m = re.search(r"(?:Fra|Frå)\s+kl\.?\s*:?\s*(\d{1,2})[:.](\d{2})", text, _I)
    if m:
        m2 = re.search(r"Til\s+kl\.?\s*:?\s*(\d{1,2})[:.](\d{2})", text[m.end() : m.end() + 80], _I)
        return make_time(m.group(1), m.group(2)), make_time(m2.group(1), m2.group(2)) if m2 else None
    m = re.search(r"(?<![\w])[Kk]l\.?\s*:?\s*(?=\d)", text[:1500])
    return _time_after(text, m.end(), 30) if m else (None, None)


FIELD_LABELS = {"date": DATE_LABEL, "time": TIME_LABEL, "place": PLACE_LABEL, "body": BODY_LABEL}
#: a line that holds only a label ('Møtested:'); ACOS prints a column of them, then their values
LABEL_LINE_RE = re.compile(rf"[ \t]*([{UPPER}][\w/ .]{{1,30}}?)[ \t]*:[ \t]*")


def _field_of(label: str) -> str | None:
    """Which header field a label names ('Møtestad' → 'place'), if any."""
    return next((f for f, pattern in FIELD_LABELS.items() if re.fullmatch(pattern, label)), None)


def stacked_values(text: str) -> dict[str, str]:
    """Header values printed under a column of labels: two or more lines holding only a label
    ('Utvalg:', 'Møtested:', 'Dato:'), then as many lines with their values, in the same order."""
    lines = [line for line in text.split("\n") if line.strip()]
    label_lines = [LABEL_LINE_RE.fullmatch(line) for line in lines]
    i = 0
    while i < len(lines):
        run = i
        while run < len(lines) and label_lines[run]:
            run += 1
        labels = [m.group(1) for m in label_lines[i:run]]
        fields = [_field_of(label) for label in labels] if len(labels) >= 2 else []
        values = lines[run : run + len(labels)]
        found = {f: " ".join(v.split()) for f, v in zip(fields, values, strict=False) if f}
        if found:
            return found
        i = run + 1
    return {}


#: the words that name a body ('Fylkesutvalet', 'Formannskapet', 'Administrasjonsnemnda')
BODY_STEMS = r"utval|formannskap|kommunestyre|bystyre|heradsstyre|fylkesting|nemnd"
#: a value that is a body's name, not a place ('Kommunestyret'; 'Formannskapssalen' is a place)
BODY_VALUE_RE = re.compile(
    rf"(?:[\wæøå-]+\s+){{0,3}}?(?:\w*(?:{BODY_STEMS})(?:g|get|et|a|en|t)?|AMU|PSU|HAMU)", _I
)


#: 'møte i Fylkesutvalget', 'inn til møte i Arbeidsmiljøutvalet': the body a heading or sentence names
BODY_NAME_RE = re.compile(BODY_VALUE_RE.pattern + r"(?![\w])", _I)  # a whole body's name
MEETING_IN_RE = re.compile(r"(?:møte|møtet)\s+i\s+(?=\S)", _I)


def meeting_in_body(text: str) -> str | None:
    """The body named after 'møte i' ('Protokoll fra møte i Fylkesutvalg' → 'Fylkesutvalg'), capitalised."""
    for m in MEETING_IN_RE.finditer(text):
        body = BODY_NAME_RE.match(text, m.end())
        if body:
            return body.group(0)[:1].upper() + body.group(0)[1:]
    return None


#: the place in a notice's sentence: 'Formannskapet har møte tysdag 12.03.2024 kl. 10.00 i
#: kommunestyresalen', 'Kommunestyret holder møte torsdag kl på Rådhuset', 'Møtet holdes i Kantina'
HELD_PLACE_RE = re.compile(
    r"(?<![\w])(?:(?:har|holder|held|avholder)\s+møte|møtet\s+(?:holdes|avholdes|vert\s+halde|blir\s+halde))"
    r"(?![\w])[^\n]{0,60}?\s"
    r"(?:i|på)\s+(?P<place>[^\W\d_][^\n]{2,80}?)"
    r"(?=\s+(?:kl\.?|klokka|den|med|fra|frå|og\s+starter|(?:man|mån|tirs|tys|ons|tors|fre|lør|laur|søn|sun)dag)(?![\w])"
    r"|\s*[.\n]|\s+\d{1,2}\.|$)",
    _I,
)


def held_place(text: str) -> str | None:
    """The place named where a notice says the body 'har møte ... i/på <place>' (first 1500 chars)."""
    m = HELD_PLACE_RE.search(text[:HELD_CHARS])
    return " ".join(m.group("place").split()).strip(" ,") if m else None


def _heading_date(text: str) -> dt.date | None:
    """A date printed right after the heading of a meeting document or 'har møte ...'."""
    top = text[:400]
    for m in ANY_DATE_RE.finditer(top):
        before = top[max(0, m.start() - 80) : m.start()]
        if re.search(r"frist|datert|søknad|brev|av\s*$|fra\s*$|frå\s*$", before, _I):
            continue
        if MEETING_WORD_RE.search(before) or re.search(rf"(?:(?:{BODY_STEMS})\w*|AMU|PSU)\s*$", before, _I):
            return parse_date(m.group(0))
    m = HELD_DATE_RE.search(text[:HELD_CHARS])
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
