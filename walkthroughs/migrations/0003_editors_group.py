"""The Editors group: exactly the permissions editing content needs, no user management."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"

PERMISSIONS = {
    "walkthroughs": {
        "action": ["add", "change", "view"],
        "step": ["add", "change", "delete", "view"],
        "actionwarning": ["add", "change", "delete", "view"],
        "policychange": ["add", "change", "view"],
        "rollout": ["add", "change", "view"],
        "rolloutregion": ["add", "change", "delete", "view"],
        "source": ["add", "change", "view"],
        "platform": ["view"],
        "changenote": ["add", "change", "view"],
        "report": ["change", "view"],
        # Past versions, to find and restore deleted steps and warnings.
        "historicalstep": ["view"],
        "historicalactionwarning": ["view"],
    },
    "regions": {
        "country": ["change", "view"],
        "countryalias": ["add", "change", "delete", "view"],
        "region": ["add", "change", "view"],
    },
}


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = []
    for app_label, models in PERMISSIONS.items():
        for model, verbs in models.items():
            for verb in verbs:
                wanted.append(
                    Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{verb}_{model}"
                    )
                )
    group.permissions.set(wanted)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0002_linkedin_content"),
        ("regions", "0002_countries_and_regions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
