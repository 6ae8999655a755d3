"""The seed content in eight more languages, and LinkedIn's own labels where they are known.

Sentences come from translations/<language>.json ({"strings": {english: translation}}),
matched by their English text. LinkedIn labels are entered only where a source gives
LinkedIn's own wording (docs/facts.md §3, one source each); everywhere else the
English label stays, and visitors are told their menu may read differently.
"""

import hashlib
import json
from pathlib import Path

from django.db import migrations

HERE = Path(__file__).resolve().parent / "translations"
LANGUAGES = ["fr", "de", "nl", "it", "es", "pt", "pl", "zh-hant"]
MODELS = ["PolicyChange", "Rollout", "Action", "Step", "ActionWarning"]
TRANSLATABLE = {
    "PolicyChange": ("title", "summary", "exclusion_note"),
    "Rollout": ("prior_data", "note", "checking_note"),
    "Action": ("title", "summary", "setting_label", "choose", "still_used", "checking_note"),
    "Step": ("text", "ui_label"),
    "ActionWarning": ("text",),
}
LABEL_FIELDS = {"setting_label", "ui_label"}

# LinkedIn's own labels in these languages, each from a single source (docs/facts.md §3).
LINKEDIN_LABELS = {
    "nl": {
        "Data for Generative AI Improvement": "Gegevens voor verbetering van generatieve AI",
        "Data privacy": "Gegevensprivacy",
        "Use my data for training content creation AI models": (
            "Mijn gegevens gebruiken voor training van AI-modellen waarmee content wordt gemaakt"
        ),
    },
    "it": {"Data for Generative AI Improvement": "Dati per migliorare l'IA generativa"},
    "pt": {
        "Data for Generative AI Improvement": "Dados para aprimoramento da IA generativa",
        "Data privacy": "Privacidade dos dados",
    },
}


def fingerprint(text):
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def load(apps, schema_editor):
    catalogues = {}
    for language in LANGUAGES:
        path = HERE / f"{language}.json"
        strings = json.loads(path.read_text(encoding="utf-8"))["strings"]
        catalogues[language] = (strings, LINKEDIN_LABELS.get(language, {}))

    for name in MODELS:
        model = apps.get_model("walkthroughs", name)
        for row in model.objects.all():
            translations = dict(row.translations or {})
            for language, (strings, labels) in catalogues.items():
                entry = dict(translations.get(language, {}))
                sources = dict(entry.get("_source", {}))
                for field in TRANSLATABLE[name]:
                    english = getattr(row, field)
                    text = (labels if field in LABEL_FIELDS else strings).get(english)
                    if english and text:
                        entry[field] = text
                        sources[field] = fingerprint(english)
                entry["_source"] = sources
                translations[language] = entry
            row.translations = translations
            row.save(update_fields=["translations"])


def unload(apps, schema_editor):
    for name in MODELS:
        apps.get_model("walkthroughs", name).objects.update(translations={})


class Migration(migrations.Migration):
    dependencies = [("walkthroughs", "0007_translations")]

    operations = [migrations.RunPython(load, unload)]
