"""Translations: the bokmål (default) and English catalogues are complete, and the main pages
in bokmål show no English left behind."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.e2e.climate import add_climate
from tests.e2e.pages import PAGES, ROLES

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["nb", "nn", "en"]


# --- the catalogues -------------------------------------------------------------------------


def _unquote(text: str) -> str:
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgid, msgid_plural, msgstr forms and flags (obsolete ones left out)."""
    entries, entry, field = [], None, None

    def finish():
        if entry and "msgid" in entry:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            finish()
            entry, field = None, None
            continue
        if line.startswith("#~"):
            continue  # obsolete
        if entry is None:
            entry = {"flags": set(), "msgstr": {}, "line": line}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif match := re.match(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+"(.*)"$', line):
            keyword, index, text = match.groups()
            if keyword == "msgstr":
                field = ("msgstr", int(index or 0))
                entry["msgstr"][field[1]] = _unquote(text)
            else:
                field = (keyword, None)
                entry[keyword] = _unquote(text)
        elif line.startswith('"') and field:
            text = _unquote(line.strip()[1:-1])
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += text
            else:
                entry[field[0]] += text
    finish()
    return entries


def messages(language: str) -> list[dict]:
    return [e for e in read_po(LOCALE / language / "LC_MESSAGES" / "django.po") if e["msgid"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    entries = messages(language)
    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not e["msgstr"] or not all(e["msgstr"].values())]
    assert not untranslated, f"{len(untranslated)} untranslated in {language}:\n" + "\n".join(untranslated[:40])


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_fuzzy_translations(language):
    fuzzy = [e["msgid"] for e in messages(language) if "fuzzy" in e["flags"]]
    assert not fuzzy, f"fuzzy (unchecked) translations in {language}:\n" + "\n".join(fuzzy[:40])


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_and_placeholders(language):
    for entry in messages(language):
        if "msgid_plural" in entry:
            assert sorted(entry["msgstr"]) == [0, 1], entry["msgid"]
        placeholders = set(re.findall(r"%\(\w+\)[sd]", entry["msgid"] + entry.get("msgid_plural", "")))
        for text in entry["msgstr"].values():
            assert set(re.findall(r"%\(\w+\)[sd]", text)) <= placeholders, entry["msgid"]
            if "msgid_plural" not in entry:
                assert set(re.findall(r"%\(\w+\)[sd]", text)) == placeholders, entry["msgid"]


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_accepts_the_catalogue(language, tmp_path):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(po)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_english_is_the_source_text():
    for entry in messages("en"):
        assert entry["msgstr"][0] == entry["msgid"], entry["msgid"]


# Strings marked for translation in templates and Python files must be in the catalogue:
# catches a new string whose author did not run makemessages.
_TEMPLATE_STRING = re.compile(
    r"""\{%\s*(?:translate|trans)\s+(["'])(.+?)\1(?:\s+context\s+(["']).+?\3)?(?:\s+as\s+\w+)?\s*%\}"""
)
_PYTHON_STRING = re.compile(r"""\b(?:_|gettext|gettext_lazy|pgettext_lazy)\(\s*(["'])((?:(?!\1).)+)\1\s*[,)]""")
SOURCE_DIRS = ["templates", "municipalities", "meetings", "measures", "dashboards", "partssamarbeid"]


def marked_strings() -> dict[str, str]:
    found = {}
    base = Path(settings.BASE_DIR)
    for folder in SOURCE_DIRS:
        for path in (base / folder).rglob("*"):
            if path.suffix not in (".html", ".py", ".txt") or "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            pattern = _TEMPLATE_STRING if path.suffix != ".py" else _PYTHON_STRING
            for match in pattern.finditer(text):
                found.setdefault(match.group(2).replace("\\'", "'").replace('\\"', '"'), str(path.relative_to(base)))
    return found


def test_marked_strings_are_in_the_catalogue():
    known = {e["msgid"] for e in messages("nb")}
    missing = {s: where for s, where in marked_strings().items() if s not in known and "{{" not in s}
    assert not missing, (
        "run `python manage.py makemessages -l nb -l en --no-location --ignore=.venv --ignore=tests --ignore=node_modules` "
        "and translate:\n" + "\n".join(f"{where}: {s}" for s, where in sorted(missing.items(), key=lambda i: i[1]))
    )


# --- the pages in bokmål --------------------------------------------------------------------

# Words that would only appear on a bokmål page if a string was left untranslated. User data
# (names, titles of items) is Norwegian in the test world; Norwegian words that look English
# ("Status", "Import", "Side" = page) are not on the list.
ENGLISH = [
    "the", "and", "of", "with", "Save", "Edit", "Delete", "Cancel", "Add", "New", "Meeting", "Meetings",
    "Agenda", "Members", "Member", "Body", "Bodies", "Proposal", "Proposals", "Attendance", "Home", "Log",
    "Municipalities", "Municipality", "Name", "Date", "Yes", "Draft", "Published", "Language", "Change",
    "Previous", "Next", "Page", "Skip", "Climate", "Decision", "Request", "Requests", "substitute",
    "absent", "present", "Present", "Absent", "Held", "Planned", "Chair", "Employee", "Employer", "Other",
    "Access", "denied", "found", "Filter", "County", "Number", "Role", "Title", "Case", "Item",
    "Items", "History", "Who", "When", "What", "row", "None", "No", "not", "Not", "yet", "recorded",
]
_ENGLISH = re.compile(r"\b(" + "|".join(map(re.escape, ENGLISH)) + r")\b")


def visible_text(page: str) -> str:
    """Text a person sees or hears: element text, the title, and labels in attributes."""
    page = re.sub(r"<(script|style|template)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<option\b[^>]*>.*?</option>", " ", page, flags=re.S | re.I)  # choices: users' data (people, items)
    attributes = re.findall(r'\s(?:aria-label|title|placeholder|alt)="([^"]*)"', page)
    text = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(" ".join([text, *attributes]))


def english_words(page: str) -> list[str]:
    """English giveaway words in the visible text of an HTML page (sorted, without repeats)."""
    return sorted(set(_ENGLISH.findall(visible_text(page))))


@pytest.fixture
def world(world):
    """The browser tests' world (see tests/e2e/conftest.py): with the climate measures that the
    measure pages of ``PAGES`` show."""
    return add_climate(world)


def render_pages(world, client_for, language: str | None):
    for spec in PAGES:
        role = spec.roles[0]
        key = ROLES[role]
        client = client_for(key) if key else Client()
        if language:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = client.get(spec.path(world), HTTP_ACCEPT_LANGUAGE="nb-NO,nb;q=0.9" if language is None else language)
        assert response.status_code == spec.status, spec.name
        yield spec, response.content.decode()


def english_left(world, client_for, language: str) -> dict:
    """English words per page rendered in ``language`` (each page checked to be in it)."""
    leftovers = {}
    for spec, page in render_pages(world, client_for, language):
        assert f'<html lang="{language}">' in page, spec.name
        words = english_words(page)
        if words:
            leftovers[spec.name] = words
    return leftovers


def test_bokmal_pages_have_no_english_left(world, client_for):
    leftovers = english_left(world, client_for, "nb")
    assert not leftovers, f"English words on bokmål pages: {leftovers}"


def test_the_giveaway_list_catches_english(world, client_for):
    """The check above would see English: the same pages in English are full of those words."""
    for spec, page in render_pages(world, client_for, "en"):
        assert '<html lang="en">' in page, spec.name
        assert _ENGLISH.search(visible_text(page)), spec.name


@pytest.mark.django_db
def test_bokmal_is_the_default_even_for_an_english_browser(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nb">' in response.content.decode()
    client.cookies["django_language"] = "en"
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="nb-NO")
    assert '<html lang="en">' in response.content.decode()


# --- nynorsk ----------------------------------------------------------------------------------


def test_nynorsk_pages_have_no_english_left(world, client_for):
    leftovers = english_left(world, client_for, "nn")
    assert not leftovers, f"English words on nynorsk pages: {leftovers}"


@pytest.mark.django_db
def test_the_municipalitys_written_standard_chooses_the_default_language(client_for):
    from municipalities.models import Municipality
    from municipalities.register import load_municipalities

    Municipality.objects.filter(number__in=["4628", "3205"]).update(written_standard="nn")
    load_municipalities(Municipality)  # the register: Vaksdal writes nynorsk, Lillestrøm bokmål
    assert Municipality.objects.get(number="4628").written_standard == "nn"
    assert Municipality.objects.get(number="3205").written_standard == "nb"
    assert Municipality.objects.filter(written_standard="nn").count() == 78
    vaksdal = client_for("hr_a")  # logs in: the default is remembered for the session
    page = vaksdal.get(reverse("home")).content.decode()
    assert '<html lang="nn">' in page and "Kommunar" in page
    vaksdal.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"  # the switch still wins
    assert '<html lang="nb">' in vaksdal.get(reverse("home")).content.decode()
    adviser = client_for("adviser")  # no municipality: bokmål
    assert '<html lang="nb">' in adviser.get(reverse("home")).content.decode()


def test_the_history_column_is_a_change_not_a_switch():
    nb = {(e.get("msgctxt"), e["msgid"]): e["msgstr"][0] for e in messages("nb")}
    nn = {(e.get("msgctxt"), e["msgid"]): e["msgstr"][0] for e in messages("nn")}
    assert (nb[("history column", "Change")], nb[("language button", "Change")]) == ("Endring", "Bytt")
    assert (nn[("history column", "Change")], nn[("language button", "Change")]) == ("Endring", "Byt")


def test_evidence_codes_are_shown_in_words():
    from django.utils import translation

    from meetings.climate.labels import category_label, place_label

    with translation.override("nb"):
        assert (place_label("administration_proposal"), place_label("proposal[0]"), place_label("text")) == (
            "Administrasjonens forslag", "Forslag 1", "Saksframlegg")
        assert (category_label("work:parking_fee"), category_label("certification"), category_label("new")) == (
            "Arbeidsforhold: Parkeringsavgift for ansatte", "Miljøsertifisering", "new")
    with translation.override("nn"):
        assert (place_label("administration_proposal"), category_label("work:parking_fee")) == (
            "Forslaget frå administrasjonen", "Arbeidsforhold: Parkeringsavgift for tilsette")


def test_numbers_are_written_the_norwegian_way():
    from django.utils import translation

    from dashboards.metrics import METRIC_BY_KEY
    from dashboards.presentation import format_value
    from dashboards.templatetags.dashboards_tags import grouped

    for language in ("nb", "nn"):
        with translation.override(language):
            assert grouped(92000) == "92\xa0000"
            assert format_value(METRIC_BY_KEY["index"], 52.34) == "52,3"
            assert format_value(METRIC_BY_KEY["agenda_items"], 1234) == "1\xa0234"
    with translation.override("en"):
        assert (grouped(92000), format_value(METRIC_BY_KEY["index"], 52.34)) == ("92,000", "52.3")
