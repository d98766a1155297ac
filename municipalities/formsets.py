"""Formset helpers shared by the apps' data-entry pages."""
from django.forms import BaseInlineFormSet


class SharedChoicesFormSet(BaseInlineFormSet):
    """Load each select's options once per formset instead of once per row.

    A formset of N rows with model selects would otherwise run one query per select per row
    when rendering. List the field names in ``shared_choice_fields``; validation still checks
    the submitted value against the field's queryset.
    """

    shared_choice_fields: tuple[str, ...] = ()

    def _share_choices(self, form):
        cache = self.__dict__.setdefault("_choices_cache", {})
        for name in self.shared_choice_fields:
            field = form.fields.get(name)
            if field is None:
                continue
            if name not in cache:
                cache[name] = list(field.choices)
            field.choices = cache[name]
        return form

    def _construct_form(self, i, **kwargs):
        return self._share_choices(super()._construct_form(i, **kwargs))

    @property
    def empty_form(self):
        return self._share_choices(super().empty_form)
