"""Concurrent edits: a version number on a record, carried by its edit form, checked on save.

A versioned record's ``version`` goes up by one on every save (:class:`VersionedModel`). Its
edit form carries the version it was loaded from in a hidden field (:class:`VersionedFormMixin`).
:func:`claim_versions`, called first inside the save's transaction, locks each edited record
with one conditional UPDATE that matches only while the record still has the version the form
was loaded from, so of two saves in turn the second one is refused: :class:`StaleEdit` names
who changed the record and when (from the change history), the view keeps the person's input
on the page and moves the form's version on, so saving again (after reading the message) is a
deliberate overwrite.
"""
from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

#: Bookkeeping that a save(update_fields=...) may write without counting as an edit.
BOOKKEEPING_FIELDS = frozenset({"last_imported_at", "import_snapshot", "updated_at"})


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if not self._state.adding and not (update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS):
            self.version = (self.version or 0) + 1
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)


class VersionedFormMixin:
    """For a ModelForm of a :class:`VersionedModel`: a hidden ``version`` field.

    Not required, so a form posted without it (an old page) saves as before, unchecked.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)

    def loaded_version(self) -> int | None:
        return self.cleaned_data.get("version") if self.instance.pk else None

    def move_version_on(self, version: int) -> None:
        """Show ``version`` in the re-rendered page, keeping everything else the person typed."""
        data = self.data.copy()
        data[self.add_prefix("version")] = str(version)
        self.data = data


@dataclass
class Conflict:
    form: VersionedFormMixin
    current_version: int
    message: str


class StaleEdit(Exception):
    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        super().__init__(" ".join(c.message for c in conflicts))


def _edited_forms(*forms_or_formsets):
    """The main forms, and the rows of formsets that would change or delete an existing record."""
    for entry in forms_or_formsets:
        if isinstance(entry, forms.BaseFormSet):
            for row in entry.initial_forms:
                if isinstance(row, VersionedFormMixin) and row.has_changed():
                    yield row
        elif isinstance(entry, VersionedFormMixin):
            yield entry


def claim_versions(*forms_or_formsets) -> None:
    """Lock every edited versioned record, or raise :class:`StaleEdit`. Call inside the save's
    transaction, before writing: the UPDATE holds the row until the transaction ends."""
    conflicts = []
    for form in _edited_forms(*forms_or_formsets):
        loaded = form.loaded_version()
        if loaded is None:
            continue
        model = type(form.instance)
        if not model.objects.filter(pk=form.instance.pk, version=loaded).update(version=models.F("version")):
            current = model.objects.filter(pk=form.instance.pk).values_list("version", flat=True).first()
            conflicts.append(Conflict(form, current or 0, describe_last_change(form.instance)))
    if conflicts:
        raise StaleEdit(conflicts)


def describe_last_change(instance) -> str:
    """“hr.sarpsborg changed the meeting 12.03.2024 on 27.11.2026 at 10:42 (place, notes) …”."""
    from .services import history_entries  # services imports the models, which import this module

    records = list(instance.history.order_by("-history_date", "-history_id").select_related("history_user")[:2])
    stored = records[0].instance if records else instance  # as saved, not as this form changed it
    what = f"{instance._meta.verbose_name} {history_label(stored)}".strip()
    entries = history_entries(records, what, lambda record: "")
    if not records:
        return _("Someone else changed the %(what)s after you opened the form.") % {"what": what}
    last = records[0]
    changes = entries[-1].changes if entries and entries[-1].when == last.history_date else ()
    when = timezone.localtime(last.history_date)
    values = {
        "who": last.history_user.get_username() if last.history_user else _("an import or the system"),
        "what": what,
        "date": when.strftime("%d.%m.%Y"),
        "time": when.strftime("%H:%M"),
        "fields": ", ".join(changes),
    }
    if changes:
        text = _("%(who)s changed the %(what)s on %(date)s at %(time)s (%(fields)s) after you opened the form.")
    else:
        text = _("%(who)s changed the %(what)s on %(date)s at %(time)s after you opened the form.")
    return text % values


def history_label(instance) -> str:
    date = getattr(instance, "date", None)
    if date is not None:
        return f"{date:%d.%m.%Y}"
    return str(instance)


def show_stale_edit(error: StaleEdit, main_form) -> None:
    """Put the conflict on the page: a message on the main form (and on each stale row), the
    person's input kept, and each stale form moved on to the current version."""
    for conflict in error.conflicts:
        conflict.form.move_version_on(conflict.current_version)
        if conflict.form is not main_form:
            conflict.form.add_error(None, conflict.message)
    main_form.add_error(
        None,
        " ".join(c.message for c in error.conflicts)
        + " "
        + _("Nothing was saved: your input is kept below. Check their change, then save again to replace it with yours."),
    )


def save_edit(request, form, save, saved_message: str, page):
    """Answer the POST of a valid edit page: ``save()``, then ``saved_message`` and a redirect to
    what it saved; or, when someone saved in between (:class:`StaleEdit`), ``page(409)``, the
    page again with the conflict on ``form`` (:func:`show_stale_edit`)."""
    try:
        saved = save()
    except StaleEdit as error:
        show_stale_edit(error, form)
        return page(409)
    messages.success(request, saved_message)
    return redirect(saved)
