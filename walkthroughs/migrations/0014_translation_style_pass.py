"""The style pass of December 2026: every content translation read against docs/style/.

The seed catalogues (translations/<language>.json and translations/2026-12/<language>.json)
now hold the corrected sentences, so a fresh install stores them from the start. This
migration brings existing databases to the same text: a stored translation is replaced
by the catalogue's sentence for the row's English when it is exactly what an earlier
migration stored (its fingerprint is listed in translations/style-pass/replaced.json).
A translation an editor wrote is left alone, and so is any field whose English changed.
Each replaced translation records the fingerprint of the English it was made from, as
translations/store.py does, so it reads as complete, not outdated.
"""

import contextlib
import json

from django.core.cache import cache
from django.db import migrations
from django.db.models import F
from django.utils import timezone

from ._content import HERE as DECEMBER
from ._content import LANGUAGES, catalogue, fingerprint

SEED = DECEMBER.parent
REPLACED = SEED / "style-pass" / "replaced.json"
# The visitor-facing fields; LinkedIn's own labels are not ours to restyle.
FIELDS = {
    "PolicyChange": ("title", "summary", "exclusion_note"),
    "Rollout": ("prior_data", "note", "checking_note"),
    "Action": ("title", "summary", "choose", "still_used", "checking_note"),
    "Step": ("text",),
    "ActionWarning": ("text",),
    "PlaceNote": ("text",),
}
# pagecache.content_version keeps its copy of the content version under this key.
CONTENT_VERSION_KEY = "content-version"


def sentences(language: str) -> dict[str, str]:
    seed = json.loads((SEED / f"{language}.json").read_text(encoding="utf-8"))["strings"]
    return {**seed, **catalogue(language)}


def restyle(apps, schema_editor):
    replaced = json.loads(REPLACED.read_text(encoding="utf-8"))["replaced"]
    catalogues = {language: sentences(language) for language in LANGUAGES}
    changed = False
    for name, fields in FIELDS.items():
        for row in apps.get_model("walkthroughs", name).objects.all():
            translations = dict(row.translations or {})
            touched = False
            for language in LANGUAGES:
                entry = dict(translations.get(language, {}))
                sources = dict(entry.get("_source", {}))
                for field in fields:
                    english, old = getattr(row, field), entry.get(field, "")
                    new = catalogues[language].get(english)
                    if not (english and old and new) or old == new:
                        continue
                    if fingerprint(old) not in replaced.get(language, ()):
                        continue  # an editor's own translation
                    entry[field] = new
                    sources[field] = fingerprint(english)
                    touched = True
                entry["_source"] = sources
                translations[language] = entry
            if touched:
                row.translations = translations
                row.save(update_fields=["translations"])
                changed = True
    if changed:
        # Cached pages key on the content version: move it, as saving content does.
        ContentRevision = apps.get_model("pagecache", "ContentRevision")
        now = timezone.now()
        if not ContentRevision.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now):
            ContentRevision.objects.create(pk=1, number=1, changed_at=now)
        # An unreachable cache only delays the new text, for a day at most.
        with contextlib.suppress(Exception):
            cache.delete(CONTENT_VERSION_KEY)


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0013_content_revision_to_pagecache"),
        ("pagecache", "0001_initial"),
    ]

    operations = [migrations.RunPython(restyle, migrations.RunPython.noop)]
