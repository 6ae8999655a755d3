"""Translations in the admin: a field per language beside the English, with its status."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from . import store as tr

LANGUAGE_NAMES = dict(settings.LANGUAGES)
# Longer than this, a translation gets a text area, as a text field does.
SHORT_TEXT = 300


def _field_name(language: str, field: str) -> str:
    return f"tr__{language}__{field}"


class TranslationsForm(forms.ModelForm):
    """Adds one optional field per language and translatable field; stores them as JSON."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        model = self._meta.model
        labels = tr.screen_labels(model)
        for language in tr.other_languages():
            state = tr.status(self.instance, language) if self.instance.pk else None
            for field in model.TRANSLATABLE:
                english_field = model._meta.get_field(field)
                long = (
                    isinstance(english_field, models.TextField)
                    or (english_field.max_length or 0) > SHORT_TEXT
                )
                widget = (
                    forms.Textarea(attrs={"rows": 3})
                    if long
                    else forms.TextInput(attrs={"size": 60})
                )
                if field in labels:
                    help_text = (
                        "The service's own label in this language, only where known. Never guess."
                    )
                elif state and field in state["outdated"]:
                    help_text = "OUTDATED: the English changed after this was translated."
                elif state and field in state["missing"] and getattr(self.instance, field):
                    help_text = "Missing: visitors see the English."
                else:
                    help_text = ""
                self.fields[_field_name(language, field)] = forms.CharField(
                    label=f"{english_field.verbose_name.capitalize()} ({LANGUAGE_NAMES[language]})",
                    required=False,
                    widget=widget,
                    help_text=help_text,
                    initial=(self.instance.translations or {}).get(language, {}).get(field, ""),
                    max_length=getattr(english_field, "max_length", None),
                )

    def save(self, commit: bool = True):
        instance = super().save(commit=False)
        for language in tr.other_languages():
            for field in self._meta.model.TRANSLATABLE:
                name = _field_name(language, field)
                old = (instance.translations or {}).get(language, {}).get(field, "")
                new = self.cleaned_data.get(name, "")
                # Re-stamp only what the editor touched, so an untouched outdated
                # translation stays marked outdated.
                if name in self.changed_data or new != old:
                    tr.set_translation(instance, language, field, new)
        if commit:
            instance.save()
            self._save_m2m()
        return instance


def style_sheet_link(language: str) -> str:
    """Where translators of the language find its variety, register and glossary."""
    return format_html(
        'Write as the <a href="{}">{} style sheet</a> says (docs/style/{}.md).',
        reverse("style_sheet", args=[language]),
        LANGUAGE_NAMES[language],
        language,
    )


class TranslationsAdminMixin:
    """Use with a ModelAdmin whose model has TRANSLATABLE fields and a translations field."""

    form = TranslationsForm

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The language fields are made by the form itself, not by the model. (Django asks
        # with fields=None while working out the default fieldsets: leave that alone.)
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"] is not None:
            kwargs["fields"] = [f for f in kwargs["fields"] if not f.startswith("tr__")]
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        # The raw JSON is edited through the language fields only.
        fieldsets = [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != "translations"]})
            for name, opts in fieldsets
        ]
        model = self.model
        for language in tr.other_languages():
            title = LANGUAGE_NAMES[language]
            if obj is not None:
                state = tr.status(obj, language)
                notes = []
                if state["missing"]:
                    notes.append(f"{len(state['missing'])} missing")
                if state["outdated"]:
                    notes.append(f"{len(state['outdated'])} outdated")
                # What visitors read of the item includes its parts: a part behind is not
                # a complete item.
                parts = [tr.status(part, language) for part in self.translation_parts(obj)]
                in_parts = [
                    f"{count} {kind}"
                    for kind in ("missing", "outdated")
                    if (count := sum(len(part[kind]) for part in parts))
                ]
                if in_parts:
                    notes.append(f"{' and '.join(in_parts)} in its {self.parts_name}")
                title += f" ({', '.join(notes)})" if notes else " (complete)"
            fieldsets.append(
                (
                    title,
                    {
                        "classes": ["collapse"],
                        "description": style_sheet_link(language),
                        "fields": [_field_name(language, f) for f in model.TRANSLATABLE],
                    },
                )
            )
        return fieldsets

    # Rows shown to visitors as part of this one (an item's steps), named for editors.
    parts_name = "parts"

    def translation_parts(self, obj) -> list[models.Model]:
        return []

    @admin.display(description="Translations")
    def translation_status(self, obj) -> str:
        """The languages that are behind, or a tick when none is: short enough for a list."""
        marks = {"missing": "missing", "outdated": "OUTDATED"}
        behind = [
            (LANGUAGE_NAMES[language], language, marks[state])
            for language, state in tr.summary(obj, *self.translation_parts(obj)).items()
            if state != "complete"
        ]
        if not behind:
            return format_html("<span title='{}'>✓ all</span>", "Every language is complete")
        return format_html_join(" ", "<span title='{}'>{}: {}</span>", behind)
