"""What every list's filters share (django-filter): the filter types and their error messages, and
the one FilterSet of a list from which its page and its API each take the parameters they expose.

Each list has one FilterSet (in the ``filters.py`` of the app that owns it) that says, once, how
every parameter is read and checked. The page and the API of the list use that FilterSet, each
with the parameters it has always had (``FilterSet.only``): their names and answers stay as they
were. The API is strict (an invalid value is a 400 naming the parameter, through DRF's
``DjangoFilterBackend``); a page may be lenient (``FilterSet.qs`` leaves an invalid value out).

The FilterSet filters the queryset it is given: a view scopes it to the user first
(``visible_to``), so a filter narrows what the user may see and can never widen it.
"""
from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.http import QueryDict

#: ids are 64-bit integers: a larger number cannot reach the database
MAX_ID = 2**63 - 1


class IsoDateField(forms.DateField):
    """A day as YYYY-MM-DD (ISO 8601, whatever the language of the page)."""

    default_error_messages = {"invalid": "Give a date as YYYY-MM-DD."}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class IdField(forms.Field):
    """A whole number from 0 to :data:`MAX_ID` (an id)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            number = int(value)
        except (TypeError, ValueError) as exc:
            raise forms.ValidationError("Give a whole number.", code="invalid") from exc
        if not 0 <= number <= MAX_ID:
            raise forms.ValidationError(f"Give a whole number from 0 to {MAX_ID}.", code="range")
        return number


class CodeField(forms.Field):
    """One of a fixed set of codes; an other value is refused with the codes listed."""

    def __init__(self, *, codes=(), **kwargs):
        self.codes = list(codes)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return ""
        if value not in self.codes:
            raise forms.ValidationError(f"Choose one of: {', '.join(self.codes)}.", code="invalid_choice")
        return value


class IsoDateFilter(django_filters.Filter):
    field_class = IsoDateField


class IdFilter(django_filters.Filter):
    field_class = IdField


class CodeFilter(django_filters.Filter):
    """``CodeFilter(codes, field_name=...)``: the field equals one of ``codes``."""

    field_class = CodeField

    def __init__(self, codes, **kwargs):
        super().__init__(codes=list(codes), **kwargs)


class FilterSet(django_filters.FilterSet):
    """A list's filters. ``only(...)`` gives the FilterSet of the parameters one view exposes."""

    @classmethod
    def only(cls, *names: str) -> type[FilterSet]:
        """This FilterSet with the filters ``names`` alone (each defined once, here)."""
        unknown = set(names) - set(cls.base_filters)
        if unknown:
            raise ValueError(f"{cls.__name__} has no filter {sorted(unknown)}")
        subset = type(cls.__name__, (cls,), {"__module__": cls.__module__})
        subset.base_filters = {name: cls.base_filters[name] for name in names}
        return subset

    def value(self, name: str, default=""):
        """The cleaned value of ``name`` (``default`` when it was not given or not valid)."""
        self.errors  # noqa: B018 - validates the form, which fills cleaned_data
        value = self.form.cleaned_data.get(name)
        return default if value in (None, "") else value


def query(params: dict[str, str]) -> QueryDict:
    """``params`` as a QueryDict, for ``{% querystring query page=... %}`` in a template: links that
    keep the cleaned parameters (with their defaults) and change one."""
    result = QueryDict(mutable=True)
    for key, value in params.items():
        result[key] = value
    return result
