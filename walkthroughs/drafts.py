"""Drafts: a copy of a published item that editors change and preview before it goes public."""

from django.db import transaction

from .models import Action, ActionWarning, ChangeNote, Step

# Fields copied between an item and its draft; identity, status and bookkeeping are not.
_SKIP = {"id", "draft_of", "is_published", "updated_at", "public_note"}
_ACTION_FIELDS = [
    f.name for f in Action._meta.concrete_fields if f.name not in _SKIP and not f.primary_key
]


@transaction.atomic
def start_draft(action: Action) -> Action:
    """A draft copy of a published item with its steps, warnings and sources."""
    if action.draft_of_id:
        raise ValueError("A draft cannot have a draft of its own.")
    existing = action.drafts.first()
    if existing:
        return existing
    draft = Action(draft_of=action, is_published=False)
    for name in _ACTION_FIELDS:
        setattr(draft, name, getattr(action, name))
    draft.save()
    draft.sources.set(action.sources.all())
    Step.objects.bulk_create(
        Step(
            action=draft,
            surface=step.surface,
            position=step.position,
            text=step.text,
            ui_label=step.ui_label,
            confidence=step.confidence,
            translations=step.translations,
            last_verified_on=step.last_verified_on,
            last_verified_by_id=step.last_verified_by_id,
        )
        for step in action.steps.all()
    )
    ActionWarning.objects.bulk_create(
        ActionWarning(
            action=draft, kind=w.kind, text=w.text, position=w.position, translations=w.translations
        )
        for w in action.warnings.all()
    )
    return draft


@transaction.atomic
def publish_draft(draft: Action, editor=None) -> Action:
    """Apply a draft to its original, field by field so history shows what changed."""
    original = Action.objects.select_for_update().get(pk=draft.draft_of_id)
    for name in _ACTION_FIELDS:
        setattr(original, name, getattr(draft, name))
    note = draft.public_note
    original.save()
    original.sources.set(draft.sources.all())

    _apply_children(
        current={(s.surface, s.position): s for s in original.steps.all()},
        wanted={(s.surface, s.position): s for s in draft.steps.all()},
        fields=[
            "text",
            "ui_label",
            "confidence",
            "translations",
            "last_verified_on",
            "last_verified_by",
        ],
        create=lambda s: Step(action=original, surface=s.surface, position=s.position),
    )
    _apply_children(
        current={w.position: w for w in original.warnings.all()},
        wanted={w.position: w for w in draft.warnings.all()},
        fields=["kind", "text", "translations"],
        create=lambda w: ActionWarning(action=original, position=w.position),
    )
    if note:
        ChangeNote.objects.create(
            action=original, item_title=original.title, note=note, editor=editor
        )
    draft.delete()
    return original


def _apply_children(current: dict, wanted: dict, fields: list[str], create) -> None:
    for key, row in current.items():
        if key not in wanted:
            row.delete()
    for key, source in wanted.items():
        row = current.get(key) or create(source)
        changed = row.pk is None or any(
            getattr(row, name) != getattr(source, name) for name in fields
        )
        if changed:
            for name in fields:
                setattr(row, name, getattr(source, name))
            row.save()
