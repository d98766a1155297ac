"""Formset helpers shared by the apps' data-entry pages: a formset's queries do not grow with its rows.

A model formset of N rows would otherwise query per row: each select's options when rendering;
on a POST, each select's chosen record, each row's own record (its hidden ``id``), each
foreign key again for the model's validation and each check constraint of the model. The
helpers here load what the rows share once, and skip the model validation of rows that are
not changed (the formset does not save them). Validation still checks every submitted value
against its field's queryset. :func:`save_posted` is the save step of a page that edits one formset.
"""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import BaseInlineFormSet
from django.utils.choices import BaseChoiceIterator


class _ChoicesOnce(BaseChoiceIterator):
    """A select's options, read from the database the first time a row renders them (a POST
    that saves renders none)."""

    def __init__(self, source):
        self.source, self.loaded = source, None

    def __iter__(self):
        if self.loaded is None:
            self.loaded = list(iter(self.source))  # iter(): no COUNT query for a length hint
        return iter(self.loaded)

    def __len__(self):
        return sum(1 for _choice in self)


class KeptRowFormMixin:
    """For the form of a formset row: an existing row that is posted back unchanged is not
    validated against the model again (its foreign keys and check constraints each cost a
    query, and the formset saves only changed rows). Its fields are still cleaned."""

    def _post_clean(self):
        if self.is_bound and not self.instance._state.adding and not self.has_changed():
            return
        super()._post_clean()


class SharedChoicesFormSet(BaseInlineFormSet):
    """Load each select's records once per formset instead of once per row.

    List the select fields in ``shared_choice_fields``: their options are rendered from one
    list, and on a POST the records chosen in all rows are read with one query per field
    (from the field's own queryset, so a value outside it is still an invalid choice). Each
    existing row's hidden ``id`` resolves to the record the formset already loaded.
    """

    shared_choice_fields: tuple[str, ...] = ()

    def _share_choices(self, form):
        cache = self.__dict__.setdefault("_choices_cache", {})
        for name in self.shared_choice_fields:
            field = form.fields.get(name)
            if field is None:
                continue
            if name not in cache:
                cache[name] = _ChoicesOnce(field.choices)
            field.choices = cache[name]
            if form.is_bound:
                self._share_lookups(name, field)
        return form

    def _construct_form(self, i, **kwargs):
        return self._share_choices(super()._construct_form(i, **kwargs))

    @property
    def empty_form(self):
        return self._share_choices(super().empty_form)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk_name = self.model._meta.pk.name
        field = form.fields.get(pk_name)
        if form.is_bound and isinstance(field, forms.ModelChoiceField) and not form.instance._state.adding:
            loaded, lookup = form.instance, field.to_python

            def to_python(value, loaded=loaded, lookup=lookup):
                return loaded if str(value) == str(loaded.pk) else lookup(value)

            field.to_python = to_python

    # --- one query per shared field on a POST -------------------------------------------------

    def _posted_values(self, name: str, field) -> set[str]:
        """Every value any row posted for ``name`` (read as the field's widget reads it)."""
        values: set[str] = set()
        for i in range(self.total_form_count()):
            posted = field.widget.value_from_datadict(self.data, self.files, f"{self.add_prefix(i)}-{name}")
            for value in posted if isinstance(posted, (list, tuple)) else [posted]:
                if value not in field.empty_values:
                    values.add(str(value))
        return values

    def _chosen_records(self, name: str, field) -> dict[str, object]:
        """The records of ``field``'s queryset that any row posted for ``name``, by str(pk)."""
        cache = self.__dict__.setdefault("_records_cache", {})
        if name not in cache:
            pk = field.queryset.model._meta.pk
            keys = []
            for value in self._posted_values(name, field):
                try:
                    keys.append(pk.to_python(value))
                except ValidationError:
                    continue  # not a key: answered as an invalid choice by the field
            records = field.queryset.filter(pk__in=keys) if keys else field.queryset.none()
            cache[name] = {str(record.pk): record for record in records}
        return cache[name]

    def _share_lookups(self, name: str, field) -> None:
        if field.to_field_name not in (None, field.queryset.model._meta.pk.attname):
            return
        if isinstance(field, forms.ModelMultipleChoiceField):
            def check_values(values, field=field):
                records = self._chosen_records(name, field)
                chosen = []
                for value in frozenset(str(v) for v in values):
                    if value not in records:
                        raise ValidationError(
                            field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                        )
                    chosen.append(records[value])
                return chosen

            field._check_values = check_values
        elif isinstance(field, forms.ModelChoiceField):
            def to_python(value, field=field):
                if value in field.empty_values:
                    return None
                field.validate_no_null_characters(value)
                record = self._chosen_records(name, field).get(str(value))
                if record is None:
                    raise ValidationError(
                        field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                    )
                return record

            field.to_python = to_python


class SharedRecords:
    """One queryset behind many selects of one form (e.g. a body per meeting of an import): the
    options and the chosen records come from one query, however many fields use it. For small
    querysets (the records are all read once, on first use)."""

    def __init__(self, queryset):
        self.queryset = queryset
        self._choices = None
        self._records: dict[str, object] | None = None

    def records(self) -> dict[str, object]:
        if self._records is None:
            self._records = {str(record.pk): record for record in self.queryset}
        return self._records

    def field(self, **kwargs) -> forms.ModelChoiceField:
        """A ModelChoiceField over the shared queryset."""
        field = forms.ModelChoiceField(self.queryset, **kwargs)
        if self._choices is None:
            self._choices = _ChoicesOnce(field.choices)
        field.choices = self._choices

        def to_python(value, field=field):
            if value in field.empty_values:
                return None
            field.validate_no_null_characters(value)
            record = self.records().get(str(value))
            if record is None:
                raise ValidationError(field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
            return record

        field.to_python = to_python
        return field


def save_posted(request, formset, saved_message: str) -> bool:
    """On a POST whose rows are all valid: save them as one transaction and put ``saved_message``
    on the next page; True when it saved (the view then redirects), else False."""
    if request.method != "POST" or not formset.is_valid():
        return False
    with transaction.atomic():
        formset.save()
    messages.success(request, saved_message)
    return True
