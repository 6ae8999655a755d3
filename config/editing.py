"""No lost edits in the admin: a save made on an out-of-date form is refused, theirs shown.

Each change form (and each row of an inline) carries, hidden and signed, the values it
showed when it was opened. On save, inside the admin's transaction, the row is locked
(`select_for_update`; on SQLite the transaction holds the write lock from its start) and
its stored values are compared with those: if another editor changed any field of the
form since, nothing is saved and the editor sees who changed what, and when, from the
history. Their own input stays in the form; saving it again replaces the other version
knowingly.

Use `GuardedEditsMixin` first among the bases of a ModelAdmin or an inline.
"""

import datetime

from django import forms
from django.core import signing
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.functional import cached_property

FIELD = "edit_base"
_SALT = "config.editing"
# Long texts are cut in the message; the form beside it holds the editor's own whole text.
_SHOWN = 200


class EditBaseField(forms.CharField):
    """The signed values a form was opened with; never a change of its own."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        super().__init__(required=False, **kwargs)

    def has_changed(self, initial, data) -> bool:
        return False


def _plain(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set | models.QuerySet):
        return sorted(str(_plain(item)) for item in value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def snapshot(form_class: type[forms.ModelForm], instance: models.Model) -> dict:
    """The values a fresh form shows for the instance, field by field, as plain data."""
    form = form_class(instance=instance, snapshot_only=True)
    return {
        name: _plain(form.get_initial_for_field(field, name))
        for name, field in form.fields.items()
        if name != FIELD
    }


def _edited(field: forms.Field, opened, data) -> bool:
    """Whether the submitted data differs from the value the form was opened with."""
    if not isinstance(field, forms.ModelChoiceField):
        try:
            opened = field.to_python(opened)
        except forms.ValidationError:
            return True
    return field.has_changed(opened, data)


def _shown(value) -> str:
    if value in (None, "", []):
        text = "(empty)"
    elif isinstance(value, list):
        text = ", ".join(map(str, value))
    else:
        text = str(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class GuardedForm(forms.ModelForm):
    """A ModelForm that refuses to overwrite a change saved since it was opened."""

    # An inline's row, or the form of the object itself.
    inline_row = False

    def __init__(self, *args, snapshot_only: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not snapshot_only and not self.is_bound and self.instance.pk is not None:
            self.initial[FIELD] = self._token(self._stored_values())

    def _stored_values(self) -> dict:
        instance = self.instance
        # Inline rows come straight from the database. The object's own form may show an
        # old version (a history page), which must not count as the version opened.
        if not self.inline_row:
            instance = type(instance)._default_manager.filter(pk=instance.pk).first() or instance
        return snapshot(type(self), instance)

    @staticmethod
    def _token(values: dict) -> str:
        return signing.dumps(
            {"values": values, "at": timezone.now().isoformat()}, salt=_SALT, compress=True
        )

    @cached_property
    def _opened(self) -> dict | None:
        """What the form showed when it was opened, or None if it does not say."""
        token = self.data.get(self.add_prefix(FIELD)) if self.is_bound else None
        if not token:
            return None
        try:
            return signing.loads(token, salt=_SALT)
        except signing.BadSignature:
            return {"forged": True, "values": {}}

    @cached_property
    def changed_data(self) -> list[str]:
        # What the editor changed in the browser: compared with the values the form was
        # opened with, not with the row as it is now, so a row someone else changed
        # meanwhile does not count as this editor's change (and is not saved over).
        opened = (self._opened or {}).get("values")
        if not opened:
            return super().changed_data
        return [
            name
            for name, bound in self._bound_items()
            if (
                _edited(bound.field, opened[name], bound.data)
                if name in opened
                else bound._has_changed()
            )
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        opened = self._opened
        if self.instance.pk is None or opened is None or not self._saves_itself():
            return cleaned
        if opened.get("forged"):
            raise forms.ValidationError(
                "This form could not be checked against the saved version: reload the page."
            )
        model = type(self.instance)
        # Ordered by the key alone: ordering by a nullable relation would join it, and
        # PostgreSQL locks no row on the nullable side of an outer join.
        stored = (
            model._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .order_by("pk")
            .first()
        )
        if stored is None:
            raise forms.ValidationError("Someone else deleted this since you opened it.")
        now = snapshot(type(self), stored)
        changed = [
            name
            for name, value in opened["values"].items()
            if name in now and now[name] != value and name in self.fields
        ]
        if not changed:
            return cleaned
        # Saving again after reading their version replaces it on purpose.
        self.data = self.data.copy()
        self.data[self.add_prefix(FIELD)] = self._token(now)
        messages = [self._headline(stored, opened["at"])]
        messages += [
            f"{self.fields[name].label or name}: theirs “{_shown(now[name])}”, "
            f"before “{_shown(opened['values'][name])}”."
            for name in changed
        ]
        raise forms.ValidationError(messages, code="edit_conflict")

    def _saves_itself(self) -> bool:
        # The admin saves the object itself whatever changed, but only the changed rows of
        # an inline: an unchanged row cannot overwrite anyone.
        return not self.inline_row or self.has_changed()

    def _headline(self, stored: models.Model, opened_at: str) -> str:
        what = f"{stored._meta.verbose_name} “{stored}”"
        since = datetime.datetime.fromisoformat(opened_at)
        history = getattr(stored, "history", None)
        records = (
            list(history.filter(history_date__gt=since).select_related("history_user"))
            if history is not None
            else []
        )
        who = sorted({str(r.history_user) for r in records if r.history_user}) or ["someone"]
        when = (
            f" at {timezone.localtime(max(r.history_date for r in records)):%Y-%m-%d %H:%M %Z}"
            if records
            else ""
        )
        return (
            f"Not saved: {' and '.join(who)} changed {what}{when}, after you opened it. "
            "What they changed is listed here; your own text is still in the form. Copy what "
            "you need, then save again to replace their version with yours, or reload the "
            "page to start from theirs."
        )


class InlineGuardedForm(GuardedForm):
    inline_row = True


def guarded(form_class: type[forms.ModelForm], inline: bool) -> type[forms.ModelForm]:
    base = InlineGuardedForm if inline else GuardedForm
    if issubclass(form_class, base):
        return form_class
    return type(f"Guarded{form_class.__name__}", (base, form_class), {FIELD: EditBaseField()})


class GuardedEditsMixin:
    """For a ModelAdmin or an inline: its forms refuse to overwrite a newer saved version."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from django.contrib.admin.options import InlineModelAdmin

        self.form = guarded(self.form, inline=isinstance(self, InlineModelAdmin))

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or any(FIELD in opts["fields"] for _, opts in fieldsets):
            return fieldsets
        # A hidden field is rendered only where a fieldset names it.
        name, opts = fieldsets[0]
        return [(name, {**opts, "fields": [*opts["fields"], FIELD]}), *fieldsets[1:]]

    def history_form_view(self, request, *args, **kwargs):
        # Restoring a version saves like the change form, which the admin runs in a
        # transaction: the row lock of the check must last until the save.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, *args, **kwargs)
