"""Content in the visitor's language, with English as the fallback.

Each translatable model (a ``Translatable``, or any model with a ``translations`` JSON
field and a ``TRANSLATABLE`` tuple) keeps its translations in that one field:

    {"fr": {"title": "…", "_source": {"title": "<fingerprint of the English>"}}}

The fingerprint records which English text a translation was made from, so editors see
a translation as outdated as soon as the English changes after it.
"""

import hashlib
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models

from .models import Translatable

SOURCE = "_source"


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


def get(obj: models.Model, field: str, language: str) -> tuple[str, bool]:
    """The field in the language, and whether a translation was found (else English)."""
    english = getattr(obj, field)
    if language == settings.LANGUAGE_CODE or not english:
        return english, True
    text = (obj.translations or {}).get(language, {}).get(field, "")
    return (text, True) if text else (english, False)


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
        if not english or field in labels:
            continue
        if not entry.get(field):
            missing.append(field)
        elif sources.get(field) != fingerprint(english):
            outdated.append(field)
    return {"missing": missing, "outdated": outdated}


def summary(obj: models.Model) -> dict[str, Any]:
    """Per language: 'complete', 'missing' or 'outdated', for editors' lists."""
    result = {}
    for language in other_languages():
        state = status(obj, language)
        result[language] = (
            "outdated" if state["outdated"] else "missing" if state["missing"] else "complete"
        )
    return result
