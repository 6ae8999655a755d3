"""Any saved change to content moves the content version, so caches follow at once."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from pagecache import content_version
from regions.models import Country, CountryAlias, Region

from .models import (
    Action,
    ActionWarning,
    ChangeNote,
    PlaceNote,
    Platform,
    PolicyChange,
    Rollout,
    RolloutRegion,
    Screenshot,
    Source,
    Step,
    Verification,
    verified,
)
from .screenshots import delete_files

CONTENT_MODELS = [
    Action,
    ActionWarning,
    ChangeNote,
    Country,
    CountryAlias,
    PlaceNote,
    Platform,
    PolicyChange,
    Region,
    Rollout,
    RolloutRegion,
    Screenshot,
    Source,
    Step,
    Verification,
]


def content_changed(**kwargs) -> None:
    # After commit: a process that reads the new version must also see the new rows.
    transaction.on_commit(content_version.bump)


for model in CONTENT_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"bump-save-{model.__name__}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"bump-delete-{model.__name__}")
for through in [Action.sources.through, PolicyChange.sources.through, Region.countries.through]:
    m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"bump-m2m-{through}")
verified.connect(content_changed, dispatch_uid="bump-verified")


def screenshot_deleted(sender, instance: Screenshot, **kwargs) -> None:
    # Its files go once the deletion is committed: a rolled-back one keeps them.
    names = (instance.image.name, instance.fallback.name)
    transaction.on_commit(lambda: delete_files(*names))


post_delete.connect(screenshot_deleted, sender=Screenshot, dispatch_uid="screenshot-files")
