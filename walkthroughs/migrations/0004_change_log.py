"""The interface changes already seen (docs/facts.md §8), as the change log's first entries."""

import datetime

from django.db import migrations

NOTES = [
    (
        "data-from-others-for-ads",
        datetime.date(2025, 11, 3),
        "LinkedIn renamed Interactions with businesses to Data from others for ads. Earlier "
        "opt-outs were kept.",
    ),
    (
        "ads-off-linkedin",
        # LinkedIn made this change in late 2025, exact day unknown; dated when we recorded it.
        datetime.date(2026, 8, 21),
        "Ads outside of LinkedIn now appears as Ads off LinkedIn; LinkedIn renamed it in "
        "late 2025.",
    ),
    (
        "ad-sharing",
        datetime.date(2026, 2, 23),
        "LinkedIn moved the ad-sharing setting to a new address, from select partners to "
        "trusted partners. The label may have changed with it; we are checking.",
    ),
]


def load(apps, schema_editor):
    Action = apps.get_model("walkthroughs", "Action")
    ChangeNote = apps.get_model("walkthroughs", "ChangeNote")
    for slug, changed_on, note in NOTES:
        action = Action.objects.get(slug=slug, draft_of__isnull=True)
        ChangeNote.objects.create(
            action=action, item_title=action.title, note=note, changed_on=changed_on
        )


def unload(apps, schema_editor):
    apps.get_model("walkthroughs", "ChangeNote").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("walkthroughs", "0003_editors_group")]

    operations = [migrations.RunPython(load, unload)]
