"""A group per service ("Editors: ChatGPT"…) with the Editors group's permissions: an
editor put in one keeps that service only, while the Editors group keeps them all."""

from django.db import migrations, models

PREFIX = "Editors: "


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Platform = apps.get_model("walkthroughs", "Platform")
    editors = Group.objects.filter(name="Editors").first()
    permissions = list(editors.permissions.all()) if editors else []
    for platform in Platform.objects.all():
        group, _ = Group.objects.get_or_create(name=f"{PREFIX}{platform.name}")
        group.permissions.set(permissions)
        platform.editor_groups.add(group)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__startswith=PREFIX, platforms__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("walkthroughs", "0040_merge_editors_and_services"),
    ]

    operations = [
        migrations.AddField(
            model_name="platform",
            name="editor_groups",
            field=models.ManyToManyField(
                blank=True,
                help_text="Groups whose editors keep this service. An editor in such a group "
                "sees and edits only the services of their groups; one in the Editors group, "
                "all.",
                related_name="platforms",
                to="auth.group",
            ),
        ),
        migrations.RunPython(create_groups, remove_groups),
    ]
