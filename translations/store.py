"""Content in the visitor's language, with English as the fallback.

Each translatable model (a ``Translatable``, or any model with a ``translations`` JSON
field and a ``TRANSLATABLE`` tuple) keeps its translations in that one field:

    {"fr": {"title": "…", "_source": {"title": "<fingerprint of the English>"}}}

The fingerprint records which English text a translation was made from. As soon as the
English changes after it, the translation is outdated: editors see it marked so, and
visitors read the current English instead of the older translation until a translator
brings it up to date.
"""

import hashlib
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models

from .models import Translatable

SOURCE = "_source"

# What a visitor reads of one field in one language.
CURRENT = "current"  # the translation of today's English, or the English itself
MISSING = "missing"  # no translation: the English stands in
OUTDATED = "outdated"  # translated from an earlier English: today's English stands in


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def other_languages() -> list[str]:
    return [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translatable_models() -> list[type[models.Model]]:
    """Every installed model with translatable fields, in the app registry's order."""
    return [model for model in apps.get_models() if hasattr(model, "TRANSLATABLE")]


def translatable_fields(obj: models.Model) -> tuple[str, ...]:
    return type(obj).TRANSLATABLE


def screen_labels(model: type[models.Model]) -> tuple[str, ...]:
    """The fields naming what a service shows on screen (see ``Translatable``)."""
    return model.SCREEN_LABELS if issubclass(model, Translatable) else ()


def lookup(obj: models.Model, field: str, language: str) -> tuple[str, str]:
    """The field as a visitor in the language reads it, and whether that is CURRENT,
    MISSING or OUTDATED (in both of which the English is shown)."""
    english = getattr(obj, field)
    if language == settings.LANGUAGE_CODE or not english:
        return english, CURRENT
    entry = (obj.translations or {}).get(language, {})
    text = entry.get(field, "")
    if not text:
        return english, MISSING
    if entry.get(SOURCE, {}).get(field) != fingerprint(english):
        return english, OUTDATED
    return text, CURRENT


def get(obj: models.Model, field: str, language: str) -> tuple[str, bool]:
    """The field in the language, and whether a current translation was found (else English)."""
    text, state = lookup(obj, field, language)
    return text, state == CURRENT


def set_translation(obj: models.Model, language: str, field: str, text: str) -> None:
    """Store a translation of the field's current English text (not saved yet)."""
    translations = dict(obj.translations or {})
    entry = dict(translations.get(language, {}))
    sources = dict(entry.get(SOURCE, {}))
    text = text.strip()
    if text:
        entry[field] = text
        sources[field] = fingerprint(getattr(obj, field))
    else:
        entry.pop(field, None)
        sources.pop(field, None)
    entry[SOURCE] = sources
    translations[language] = entry
    obj.translations = translations


def status(obj: models.Model, language: str) -> dict[str, list[str]]:
    """Which visitor-facing fields are missing or outdated in the language."""
    entry = (obj.translations or {}).get(language, {})
    sources = entry.get(SOURCE, {})
    missing, outdated = [], []
    labels = screen_labels(type(obj))
    for field in translatable_fields(obj):
        english = getattr(obj, field)
        if not english:
            continue
        if not entry.get(field):
            # A screen label is entered only where it is known: none is not missing.
            if field not in labels:
                missing.append(field)
        elif sources.get(field) != fingerprint(english):
            # A label made for an earlier English names what the screen no longer shows.
            outdated.append(field)
    return {"missing": missing, "outdated": outdated}


def summary(*objs: models.Model) -> dict[str, Any]:
    """Per language: 'complete', 'missing' or 'outdated', for editors' lists.

    With several rows (an item and its steps), the worst of them: outdated before missing.
    """
    result = {}
    for language in other_languages():
        states = [status(obj, language) for obj in objs]
        result[language] = (
            "outdated"
            if any(state["outdated"] for state in states)
            else "missing"
            if any(state["missing"] for state in states)
            else "complete"
        )
    return result


def outdated_rows(language: str) -> list[tuple[models.Model, list[str]]]:
    """Every row with a field whose English changed after its translation, and the fields."""
    rows = []
    for model in translatable_models():
        for obj in model.objects.all():
            if fields := status(obj, language)["outdated"]:
                rows.append((obj, fields))
    return rows
