"""Agenda titles: where a title ends, what is not part of it, and flattened saksliste columns.

A title ends at the next case number, a blank line (page break), a section label of the case
paper, page furniture, the notice's closing text or signature. Archive numbers printed in the
column next to the title (``13/441``, ``2018/720-3``, ``16/``, ``/5895``) and column headings
(``Innhold``, ``Arkivsaksnr``, ``Lukket``) are not part of it. A saksliste whose columns were
flattened prints several numbers first and then their titles; :func:`split_titles` divides such a
block at the most likely title starts.
"""

from __future__ import annotations

import re

from .dates import LONG_DATE_RE
from .proposals import ADMIN_LABEL_RE
from .textnorm import flat

_I = re.IGNORECASE
UPPER = "A-ZÆØÅÄÖÜÉÁ"
LOWER = "a-zæøåäöüéá"

COLUMN_WORDS_RE = re.compile(
    r"(?<![\w])(?:Utvalgs-?\s*saksnr\.?|Utv\.\s?saksnr\.?|Utvalgssak|Saksnr\.?:?|Sak\s?nr\.?:?|Saknr\.?:?|"
    r"Arkivsaksnr\.?|Arkivsak\s?nr\.?|Arkivsak-dok\.?|Tittel|TITTEL|Innhald|Innhold|Innold|Sakstittel:?|"
    r"Saktittel|Saker\s+til\s+behandling|Unntatt\s+offentlighet|U\.\s?[Oo]ff\.?|Lukket|Gradering|"
    r"Dokumenter|Side(?=\s+(?:Saker|PS|\d))|SAKSKART)(?![\w])"
)
ARCHIVE_RE = re.compile(
    r"(?<![\w/])(?:\d{1,4}/\d{3,6}(?:-\d{1,3})?|\d{4}/\d{1,6}(?:-\d{1,3})?|\d{2,4}/(?=\s|$)|"
    r"/\s?\d{2,6}(?:-\d{1,3})?|/(?=\s+/))(?![\w/])"
)
SHORT_NUMBER_PAIR_RE = re.compile(r"(?<![\w/])\d{1,3}/\d{1,2}(?![\w/])")
LEADING_NUMBERS_RE = re.compile(r"^(?:\d{1,4}/\d{1,6}\s+)+(?=\S)")
KEEP_BEFORE_RE = re.compile(r"(?:gnr|bnr|gnr/bnr|sak|vedtak)\s*$", _I)
TRAILING_JUNK_RE = re.compile(
    r"(?:\s+(?:\d{3}|(?!19|20)\d{4}|[A-Z]\d{2}|X|&\d+|Saksframlegg|Protokoll|Vedlegg)|\s*[/,;]|\s+\d{1,3}/?)$"
)
STOP_RE = re.compile(
    r"\n\s*\n|https?://|(?<![\w])Side\s+(?:\d|nr\.)"
    rf"|\s\d{{1,3}}\s+[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+)?\s+(?:kommune|KOMMUNE|fylkeskommune)(?![\w])"
    r"|(?<![\w])(?:Dokumentene|Saksdokumentene|Saksdokument(?:a|ene)?)\s+(?:er|vert|blir|legges|ligg|ligger)"
    r"|(?<![\w])(?:Eventuelt\s+forfall|Eventuelle\s+forfall|Forfall\s+meldes|Forfall\s+må|Varamedlemmer\s+møter|Møtet\s+er\s+åpent)"
    r"|(?<![\w])(?:Frå|Fra)\s+(?:[\wæøå-]+\s+){1,6}?(?:låg|lå)\s+det\s+føre"
    r"|\s:\s",
    _I,
)
LABEL_STOP_RE = re.compile(
    ADMIN_LABEL_RE.pattern
    + r"|(?<![\w])(?:Behandling|Handsaming|Vedtak|VEDTAK)\s*(?::|i\s)"
    r"|(?<![\w])(?:Saksbehandler|Saksbeh\.|Sakshandsamar|Arkivsak\w*|"
    r"Saksopplysning\w*|Bakgrunn|Vedlegg|Votering|Røysting|SAKSPAPIR|SAKSFRAMLEGG|Saksframlegg|"
    r"Saksfremlegg|Saksutgreiing|Saksutredning|Saksgang|Arkiv:|Arkivkode|Underskrift\w*|"
    r"Møteprotokoll|Tilråding\s+(?:frå|fra)|Innstilling\s*:|Sammendrag)(?![\w])"
)
END_OF_AGENDA_RE = re.compile(r"(?<=\s)(?:EVENTUELT|Eventuelt)(?![\w])")
SIGNATURE_RE = re.compile(
    rf"\s[{UPPER}][{LOWER}-]+(?:\s+kommune)?,\s+(?:den\s+)?(?:\d|[{UPPER}])"
    rf"|\s(?:{LONG_DATE_RE.pattern})\s+[{UPPER}][{LOWER}-]+\s+[{UPPER}]"
    rf"|\s\d{{1,3}}\s+[{UPPER}][{LOWER}]+\s+[{UPPER}]"
    rf"|\s[{UPPER}][{LOWER}-]+\s+[{UPPER}][{LOWER}-]+(?:\s+[{UPPER}][{LOWER}-]+)?\s+"
    r"(?:ordfører|ordførar|leder|leiar|rådmann|sekretær|formannskapssekretær)(?![\w])"
)
CONNECTORS = frozenset(
    ["i", "av", "for", "til", "og", "om", "på", "med", "fra", "frå", "ved", "mot", "etter", "under", "over", "hos", "mellom", "samt", "eller", "-", "–", "&", "/", ",", "ifht", "jf"]
)
TITLE_STARTS = frozenset(
    ["godkjenning", "godkjenning", "referatsaker", "referatsaker", "referater", "orientering", "orienteringar", "orienteringer", "orienteringssaker", "eventuelt", "søknad", "søknader", "valg", "val", "høring", "høyring", "budsjett", "budsjettregulering", "årsmelding", "årsrapport", "rapport", "handlingsplan", "regnskap", "rekneskap", "revidering", "revisjon", "endring", "etablering", "uttalelse", "uttale", "fråsegn", "delegerte", "meldinger", "meldingar", "skriv", "oppstart", "tilstandsrapport", "økonomirapport", "klage", "anke", "avtale", "kjøp", "salg", "sal", "reglement", "retningslinjer", "plan", "planprogram", "kommuneplan", "strategi", "tertialrapport", "tiltak", "interpellasjon", "spørsmål", "likebehandling", "ny", "nytt", "nye", "forslag", "rekruttering", "gjennomgang", "sykefravær", "sjukefråvær", "protokoll", "tildeling"]
)
NOUN_ENDINGS = ("ing", "else", "sjon", "ksjon", "tak", "plan", "rapport", "avtale", "saker", "melding")


def strip_columns(raw: str) -> str:
    """A title without column headings and the archive numbers printed next to it."""
    text = COLUMN_WORDS_RE.sub(" ", raw)
    text = re.sub(r"^\s*[:.\-–]?\s*", "", text)
    out, pos = [], 0
    for m in ARCHIVE_RE.finditer(text):
        if (m.start() == 0 and text[m.end() : m.end() + 3].strip() in ("-", "–")) or KEEP_BEFORE_RE.search(
            text[: m.start()]
        ):
            continue
        out.append(text[pos : m.start()])
        pos = m.end()
    out.append(text[pos:])
    text = flat("".join(out))
    seen: set[str] = set()
    for m in reversed(list(SHORT_NUMBER_PAIR_RE.finditer(text))):
        if text.count(m.group()) > 1 and m.group() not in seen:
            seen.add(m.group())
            text = text[: m.start()] + text[m.end() :]  # the archive column repeats a gnr/bnr
    return flat(text)


def cut_title(raw: str, *, last: bool = False, block: bool = False, max_len: int = 300) -> str:
    """The title at the start of ``raw``: up to a stop, without columns and trailing junk.

    In a ``block`` of titles printed after their numbers (flattened columns) an 'Eventuelt' that
    ends the block is its last title, not the heading after the saksliste."""
    raw = COLUMN_WORDS_RE.sub(" ", raw[:1500])
    for stop_re in (STOP_RE, LABEL_STOP_RE):
        stop = stop_re.search(raw)
        while stop and not raw[: stop.start()].strip(" :.-–\n"):
            stop = stop_re.search(raw, stop.end())
        if stop:
            raw = raw[: stop.start()]
    title = cut_sentence(strip_columns(raw))
    end = END_OF_AGENDA_RE.search(title)
    if end and end.start() > 0 and not (block and not title[end.end() :].strip(" .")):
        title = title[: end.start()]
    if last:
        title = cut_signature(title)
    return trim_junk(title)[:max_len]


#: finite verbs that open the minutes' prose after a title ('Saka vart utsett.', 'Kommunedirektøren
#: orienterte om saken.'), bokmål and nynorsk
SENTENCE_VERBS = frozenset({
    "ble", "blei", "vart", "vert", "blir", "er", "var", "har", "hadde", "tok", "tek", "tar", "fikk", "fekk",
    "gav", "ga", "gikk", "gjekk", "gjorde", "la", "legg", "legger", "drøfta", "drøftet", "handsama",
    "behandla", "behandlet", "vedtok", "vedtek", "godkjente", "godkjende", "slutta", "sluttet", "utsatte",
    "utsette", "ønsker", "ønskjer", "ber", "viser", "mener", "meiner", "foreslår", "gjelder", "gjeld", "vil",
    "skal", "må",
})
SENTENCE_SUBJECT_WORDS = 3  # 'Innkalling og saksliste ble godkjent.'


def _sentence_subject(words: list[str], i: int) -> bool:
    """words[i] can open a sentence's subject: a capitalised word before a lower-case one
    ('Saka vart'), or an acronym before a name ('FNP Eiendom ønsker')."""
    word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
    if _is_caps(word):
        after = words[i + 2] if i + 2 < len(words) else ""
        return len(word) > 1 and nxt[:1].isupper() and not _is_caps(nxt) and after[:1].islower()
    return word[:1].isupper() and nxt[:1].islower() and nxt not in ORGANISATION_WORDS


def _opens_sentence(words: list[str], i: int) -> bool:
    """words[i] opens a sentence: a subject, then a finite verb among the first few words, up to
    a full stop."""
    if not _sentence_subject(words, i):
        return False
    stop = next((j for j in range(i, len(words)) if words[j].endswith(".")), None)
    if stop is None:
        return False
    head = [w.strip(",.") for w in words[i + 1 : min(stop + 1, i + 2 + SENTENCE_SUBJECT_WORDS)]]
    return any(w in SENTENCE_VERBS or w.endswith("erte") for w in head)


def cut_sentence(title: str) -> str:
    """A title without the sentence that follows it when no label or line break ends it
    ('Budsjett for skulen Saka vart utsett.' → 'Budsjett for skulen')."""
    words = title.split()
    cut = next((i for i in range(1, len(words)) if _opens_sentence(words, i)), None)
    return " ".join(words[:cut]) if cut else title


def cut_signature(title: str) -> str:
    """The last title of a notice without the closing place, date and signature that follow it."""
    sig = SIGNATURE_RE.search(title)
    return trim_junk(title[: sig.start()]) if sig and sig.start() > 0 else title


TRAILING_AGENDA_LABEL_RE = re.compile(r"\s+(?:SAKSLISTE|SAKLISTE|SAKSKART)$")


def trim_junk(title: str) -> str:
    if not _is_caps(title):
        title = TRAILING_AGENDA_LABEL_RE.sub("", title)  # a heading printed inside the table
    for _ in range(4):
        trimmed = TRAILING_JUNK_RE.sub("", title)
        if trimmed == title:
            break
        title = trimmed
    return title.strip(" :-–,;")


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def starts_caps_run(words: list[str], i: int) -> bool:
    """A run of capitals starts at a capitalised word of two letters or more, or at two
    capitalised words ('A KLAGE')."""
    if not _is_caps(words[i]):
        return False
    return len(words[i]) > 1 or (i + 1 < len(words) and _is_caps(words[i + 1]))


def caps_run_end(words: list[str], i: int) -> int:
    """Where the run of capitals starting at words[i] ends: it continues over capitalised words
    and words without letters ('-', '2024/25')."""
    j = i
    while j < len(words) and (_is_caps(words[j]) or not any(c.isalpha() for c in words[j])):
        j += 1
    return j


def longest_caps_run(words: list[str]) -> tuple[int, int]:
    """(start, end) of the first longest run of capitals in ``words``; (0, 0) when there is none."""
    best: tuple[int, int] = (0, 0)
    i = 0
    while i < len(words):
        if not starts_caps_run(words, i):
            i += 1
            continue
        j = caps_run_end(words, i)
        if j - i > best[1] - best[0]:
            best = (i, j)
        i = j
    return best


def caps_run(title: str) -> str:
    """The run of upper-case words in a title of an upper-case saksliste ('KLAGE PÅ VEDTAK')."""
    words = title.split()
    start, end = longest_caps_run(words)
    real = [w for w in words[start:end] if sum(c.isalpha() for c in w) >= 3]
    if len(real) < 2:
        return LEADING_NUMBERS_RE.sub("", title)
    return " ".join(words[start:end]).strip(" -–,")


def caps_style(titles: list[str]) -> bool:
    """Most titles of this saksliste are printed in capitals."""
    scored = [t for t in titles if t]
    caps = sum(1 for t in scored if len(caps_run(t).split()) >= 2 and caps_run(t) != t or _is_caps(t))
    return len(scored) >= 2 and caps * 2 > len(scored)


ORGANISATION_WORDS = frozenset({"kommune", "fylkeskommune", "kommunes", "as", "iks", "ba"})


def can_start_title(word: str, prev: str) -> bool:
    """A title starts with a capital and not after a connector ('og', 'i', '-') or a word that
    ends with a hyphen or slash."""
    return word[:1].isupper() and prev.lower() not in CONNECTORS and not prev.endswith(("-", "/"))


def _bare(word: str) -> str:
    return word.strip(",.:;")


def title_word_score(word: str) -> int:
    """A word that typically starts a title ('Godkjenning') +2; a noun ('Etablering') +1."""
    low = _bare(word.lower())
    if low in TITLE_STARTS:
        return 2
    return 1 if low.endswith(NOUN_ENDINGS) else 0


def after_punctuation_score(prev: str) -> int:
    """After a full stop or a closing parenthesis +2; after a comma (a list goes on) -3."""
    if prev.endswith((".", ")")):
        return 2
    return -3 if prev.endswith(",") else 0


def name_shape_score(word: str, prev: str) -> int:
    """An acronym ('NAV', 'IKT') -2; after a capitalised word without a full stop (a name goes
    on: 'Nye Vaksdal') -1."""
    score = -2 if _is_caps(word) and len(word) <= 4 else 0
    if prev[:1].isupper() and not prev.endswith("."):
        score -= 1
    return score


def repeated_name_score(words: list[str], word: str) -> int:
    """A word printed more than once in the block that does not start titles is a name printed
    in several titles ('Porsanger'): -2."""
    if _bare(word.lower()) in TITLE_STARTS:
        return 0
    return -2 if sum(1 for w in words if _bare(w) == _bare(word)) > 1 else 0


def organisation_score(words: list[str], i: int) -> int:
    """A word followed by 'kommune', 'AS', 'IKS' ... is part of an organisation's name: -3."""
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    return -3 if nxt in ORGANISATION_WORDS else 0


def _split_score(words: list[str], i: int) -> int | None:
    """How likely a new title starts at words[i] (None: it cannot)."""
    word, prev = words[i], words[i - 1]
    if not can_start_title(word, prev):
        return None
    return (
        1
        + title_word_score(word)
        + after_punctuation_score(prev)
        + name_shape_score(word, prev)
        + repeated_name_score(words, word)
        + organisation_score(words, i)
    )


def split_titles(block: str, count: int) -> list[str]:
    """Divide a block of ``count`` titles printed one after another into the titles."""
    words = block.split()
    if count <= 1 or len(words) < 2:
        return [block] + [""] * (count - 1)
    scored = [(s, i) for i in range(1, len(words)) if (s := _split_score(words, i)) is not None]
    chosen = sorted(i for _s, i in sorted(scored, key=lambda t: (-t[0], t[1]))[: count - 1])
    bounds = [0, *chosen, len(words)]
    parts = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return parts + [""] * (count - len(parts))
