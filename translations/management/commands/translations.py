"""Export content for translators, and import their work.

    manage.py translations export fr > fr.json   # {"strings": {english: french or ""}}
    manage.py translations import fr fr.json     # fills every field whose English matches
    manage.py translations status                # missing and outdated, per language

Translations are matched by their English text, so a sentence used in several places
(the same step on iPhone and Android) is translated once. Screen labels (a service's own
words on screen) are not exported: editors enter them only where the service's label is
known. Every installed model with translatable fields takes part.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from translations import store as tr


def _rows():
    for model in tr.translatable_models():
        yield from model.objects.all()


class Command(BaseCommand):
    help = "Export content strings for translators, import translations, or show status."

    def add_arguments(self, parser) -> None:
        parser.add_argument("verb", choices=["export", "import", "status"])
        parser.add_argument("language", nargs="?")
        parser.add_argument("file", nargs="?")

    def handle(self, verb: str, language: str | None, file: str | None, **options) -> None:
        if verb != "status" and language not in tr.other_languages():
            raise CommandError(f"Name a language: one of {', '.join(tr.other_languages())}.")
        getattr(self, f"handle_{verb}")(language, file)

    def handle_export(self, language: str, file: str | None) -> None:
        strings = {}
        for row in _rows():
            labels = tr.screen_labels(type(row))
            for field in tr.translatable_fields(row):
                english = getattr(row, field)
                if english and field not in labels:
                    text, found = tr.get(row, field, language)
                    if found or english not in strings:
                        strings[english] = text if found else ""
        json.dump(
            {"language": language, "strings": strings}, sys.stdout, ensure_ascii=False, indent=1
        )
        sys.stdout.write("\n")

    @transaction.atomic
    def handle_import(self, language: str, file: str | None) -> None:
        if not file:
            raise CommandError("Name the JSON file to import.")
        with open(file, encoding="utf-8") as handle:
            strings = json.load(handle)["strings"]
        changed = 0
        for row in _rows():
            touched = False
            labels = tr.screen_labels(type(row))
            for field in tr.translatable_fields(row):
                english = getattr(row, field)
                if field not in labels and strings.get(english):
                    tr.set_translation(row, language, field, strings[english])
                    touched = True
            if touched:
                row.save(update_fields=["translations"])
                changed += 1
        self.stdout.write(f"Updated {changed} rows in {language}.")

    def handle_status(self, language: str | None, file: str | None) -> None:
        for code in [language] if language else tr.other_languages():
            missing = outdated = 0
            for row in _rows():
                state = tr.status(row, code)
                missing += len(state["missing"])
                outdated += len(state["outdated"])
            self.stdout.write(f"{code}: {missing} missing, {outdated} outdated")
