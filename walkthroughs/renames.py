"""When the platform renames a label on screen or moves a setting's address: one edit.

The editor names the old label and the new one (and, where known, the platform's own new
label in other languages), or the old and the new address. ``plan_label`` and
``plan_link`` list every item, step, warning and translation that uses it, and what each
becomes; ``apply_label`` and ``apply_link`` make those changes in one transaction with
one public change note. A translation whose English changes is left for a translator:
it is outdated from then on (visitors read the new English) unless the editor gave the
platform's own label in that language.

Given ``platforms`` (an editor's services, see ``kept.py``), a rename touches only those
services' items, steps and warnings, and no source: sources are shared between services.
"""

import dataclasses
import re

from django.db import models, transaction

from translations import store as tr

from .models import Action, ActionWarning, ChangeNote, Source, Step

# Rows whose texts may name a label on screen, in a fixed order for the preview.
LABELLED = (Action, Step, ActionWarning)

# The path from each kind of row to its service.
PLATFORM_PATH = {Action: "platform", Step: "action__platform", ActionWarning: "action__platform"}


def _rows(model: type[models.Model], platforms, lock: bool, **filters) -> models.QuerySet:
    rows = model.objects.filter(**filters).order_by("pk")
    if platforms is not None:
        if model not in PLATFORM_PATH:
            return rows.none()
        rows = rows.filter(**{f"{PLATFORM_PATH[model]}__in": platforms})
    return rows.select_for_update() if lock else rows


@dataclasses.dataclass(frozen=True)
class Change:
    obj: models.Model
    field: str
    # "" for the English; else the language of the translation changed.
    language: str
    before: str
    after: str
    # A translation left outdated for a translator (it is not restamped).
    outdated: bool = False

    @property
    def where(self) -> str:
        meta = self.obj._meta
        return f"{meta.verbose_name.capitalize()}: {self.obj}"

    @property
    def field_name(self) -> str:
        return str(self.obj._meta.get_field(self.field).verbose_name)


def _pattern(label: str) -> re.Pattern:
    # The label as a phrase of its own: "Privacy" is not renamed inside "Data privacy".
    return re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")


def plan_label(
    old: str,
    new: str,
    local: dict[str, str] | None = None,
    *,
    lock: bool = False,
    platforms: models.QuerySet | None = None,
) -> list[Change]:
    """Every use of the label ``old`` and what it becomes; ``local``: the platform's new
    label per language, where known."""
    local = {language: text for language, text in (local or {}).items() if text}
    pattern = _pattern(old)
    changes: list[Change] = []
    for model in LABELLED:
        rows = _rows(model, platforms, lock)
        labels = tr.screen_labels(model)
        for obj in rows:
            translations = obj.translations or {}
            for field in model.TRANSLATABLE:
                english = getattr(obj, field)
                if field in labels:
                    if english != old:
                        continue
                    after = new
                elif english and pattern.search(english):
                    after = pattern.sub(new, english)
                else:
                    continue
                changes.append(Change(obj, field, "", english, after))
                for language in tr.other_languages():
                    text = translations.get(language, {}).get(field, "")
                    if field in labels and language in local:
                        changes.append(Change(obj, field, language, text, local[language]))
                    elif text:
                        changes.append(
                            Change(obj, field, language, text, pattern.sub(new, text), True)
                        )
    return changes


def plan_link(
    old: str, new: str, *, lock: bool = False, platforms: models.QuerySet | None = None
) -> list[Change]:
    """Every item whose deep link, and every source whose address, is ``old``."""
    changes = []
    for model, field in ((Action, "deep_link"), (Source, "url")):
        rows = _rows(model, platforms, lock, **{field: old})
        changes += [Change(obj, field, "", old, new) for obj in rows]
    return changes


def _apply(changes: list[Change], note: str, editor) -> ChangeNote:
    rows: dict[tuple[type, int], models.Model] = {}
    for change in changes:
        obj = rows.setdefault((type(change.obj), change.obj.pk), change.obj)
        if not change.language:
            setattr(obj, change.field, change.after)
    for change in changes:
        obj = rows[(type(change.obj), change.obj.pk)]
        if not change.language:
            continue
        if change.outdated:
            # The text follows the rename, the fingerprint stays the old English's: the
            # translation is outdated until a translator checks it.
            translations = dict(obj.translations or {})
            entry = dict(translations.get(change.language, {}))
            entry[change.field] = change.after
            translations[change.language] = entry
            obj.translations = translations
        else:
            tr.set_translation(obj, change.language, change.field, change.after)
    for obj in rows.values():
        obj._change_reason = f"Renamed: {note}"
        obj.save()
    items = []
    for obj in rows.values():
        item = obj if isinstance(obj, Action) else getattr(obj, "action", None)
        if item is not None and item.draft_of_id is None and item not in items:
            items.append(item)
    titles = ", ".join(item.title for item in items) or "Sources"
    return ChangeNote.objects.create(
        action=items[0] if len(items) == 1 else None,
        item_title=titles if len(titles) <= 150 else titles[:149] + "…",
        note=note,
        editor=editor,
    )


@transaction.atomic
def apply_label(
    old: str,
    new: str,
    local: dict[str, str] | None,
    note: str,
    editor,
    platforms: models.QuerySet | None = None,
) -> tuple[list[Change], ChangeNote | None]:
    """Rename the label everywhere at once, with one public change note (none if unused)."""
    changes = plan_label(old, new, local, lock=True, platforms=platforms)
    return changes, _apply(changes, note, editor) if changes else None


@transaction.atomic
def apply_link(
    old: str, new: str, note: str, editor, platforms: models.QuerySet | None = None
) -> tuple[list[Change], ChangeNote | None]:
    """Point every use of the old address at the new one, with one public change note."""
    changes = plan_link(old, new, lock=True, platforms=platforms)
    return changes, _apply(changes, note, editor) if changes else None
