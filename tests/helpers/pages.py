"""Reading rendered pages: text, field errors, invalid fields, and messages in bokmål."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from django.utils import translation

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ById(HTMLParser):
    """Attributes and text content of every element that has an id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, dict] = {}
        self.text: dict[str, list[str]] = {}
        self.stack: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        element_id = attrs.get("id")
        if element_id:
            self.attrs[element_id] = attrs
            self.text.setdefault(element_id, [])
        if tag not in _VOID:
            self.stack.append(element_id)

    def handle_endtag(self, tag):
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for element_id in self.stack:
            if element_id:
                self.text[element_id].append(data)


def _parsed(response) -> _ById:
    if getattr(response, "_by_id", None) is None:
        parser = _ById()
        parser.feed(response.content.decode())
        response._by_id = parser
    return response._by_id


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def field_error(response, input_id: str) -> str:
    """The error text tied to the input ``input_id`` by aria-describedby (what a screen reader reads).

    Fails when the field is not marked invalid or has no linked error element.
    """
    parser = _parsed(response)
    attrs = parser.attrs[input_id]
    assert attrs.get("aria-invalid") == "true", f"{input_id} is not marked invalid"
    described_by = attrs.get("aria-describedby")
    assert described_by, f"{input_id} has no aria-describedby"
    return squash("".join(parser.text[described_by]))


def invalid_fields(response) -> set[str]:
    """Ids of every input marked aria-invalid on the page."""
    parser = _parsed(response)
    return {element_id for element_id, attrs in parser.attrs.items() if attrs.get("aria-invalid") == "true"}


def page_text(response) -> str:
    """The page's HTML with runs of whitespace squashed."""
    return squash(response.content.decode())


def nb(message: str, **params) -> str:
    """``message`` as the default language (nb) shows it, so tests hold when translations are added."""
    with translation.override("nb"):
        text = str(translation.gettext(message))
    return text % params if params else text

