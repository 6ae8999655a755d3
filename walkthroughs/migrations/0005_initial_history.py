"""A first history record for the seeded content, so the first edit shows as a change."""

from django.db import migrations
from django.utils import timezone

MODELS = [
    ("regions", "Country"),
    ("regions", "CountryAlias"),
    ("regions", "Region"),
    ("walkthroughs", "Platform"),
    ("walkthroughs", "Source"),
    ("walkthroughs", "PolicyChange"),
    ("walkthroughs", "Rollout"),
    ("walkthroughs", "RolloutRegion"),
    ("walkthroughs", "Action"),
    ("walkthroughs", "Step"),
    ("walkthroughs", "ActionWarning"),
    ("walkthroughs", "ChangeNote"),
]


def record(apps, schema_editor):
    now = timezone.now()
    for app_label, name in MODELS:
        model = apps.get_model(app_label, name)
        historical = apps.get_model(app_label, f"Historical{name}")
        tracked = {f.attname for f in historical._meta.concrete_fields}
        fields = [f.attname for f in model._meta.concrete_fields if f.attname in tracked]
        historical.objects.bulk_create(
            historical(
                **{attname: getattr(row, attname) for attname in fields},
                history_date=now,
                history_type="+",
                history_change_reason="First content of the site",
            )
            for row in model.objects.all()
        )


def forget(apps, schema_editor):
    for app_label, name in MODELS:
        apps.get_model(app_label, f"Historical{name}").objects.filter(
            history_change_reason="First content of the site"
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0004_change_log"),
        ("regions", "0002_countries_and_regions"),
    ]

    operations = [migrations.RunPython(record, forget)]
