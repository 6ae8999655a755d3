"""Helpers shared by the content migrations from December 2026 on (not a migration itself).

Translations come from translations/<folder>/<language>.json, {"strings": {english: text}},
matched by the English text, as the seed translations were (0008): 2026-12 for LinkedIn's
fact check, 2026-12-services for the other services.
"""

import datetime
import hashlib
import json
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent / "translations" / "2026-12"
LANGUAGES = ["fr", "de", "nl", "it", "es", "pt", "pl", "zh-hant"]


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@cache
def catalogue(language: str, folder: str = "2026-12") -> dict[str, str]:
    path = HERE.parent / folder / f"{language}.json"
    return json.loads(path.read_text(encoding="utf-8"))["strings"]


def translate(row, fields, folder: str = "2026-12") -> None:
    """Give the row's fields the translations made from their current English (not saved).

    A field whose English has no translation in the catalogue keeps what it had, which
    editors then see as outdated.
    """
    translations = dict(row.translations or {})
    for language in LANGUAGES:
        entry = dict(translations.get(language, {}))
        sources = dict(entry.get("_source", {}))
        for field in fields:
            english = getattr(row, field)
            text = catalogue(language, folder).get(english)
            if english and text:
                entry[field] = text
                sources[field] = fingerprint(english)
        entry["_source"] = sources
        translations[language] = entry
    row.translations = translations


def stamp(apps, queryset, day: datetime.date) -> None:
    """Date rows by the day their content says, not the day a server ran the migration.

    Rows an editor has saved since keep their own date: only rows whose every history
    record was written by a migration (no user) are stamped.
    """
    meta = queryset.model._meta
    history = apps.get_model(meta.app_label, f"Historical{meta.object_name}")
    edited = history.objects.filter(history_user__isnull=False).values("id")
    moment = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
    queryset.exclude(pk__in=edited).update(updated_at=moment)
