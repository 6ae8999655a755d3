"""Screenshots of steps, and the editors' permission to keep them: the Editors group and
every service's group (which hold the Editors group's permissions) may add, change,
delete and view them."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import walkthroughs.models

CODENAMES = [f"{verb}_screenshot" for verb in ("add", "change", "delete", "view")]


def allow_editors(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    app_config = apps.get_app_config("walkthroughs")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="walkthroughs", codename__in=CODENAMES
    )
    groups = Group.objects.filter(models.Q(name="Editors") | models.Q(platforms__isnull=False))
    for group in groups.distinct():
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0041_service_editor_groups"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Screenshot",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "translations",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        help_text="Translations, edited in the language fields below; English is the fallback.",
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("en", "English"),
                            ("fr", "Français"),
                            ("de", "Deutsch"),
                            ("nl", "Nederlands"),
                            ("it", "Italiano"),
                            ("es", "Español"),
                            ("pt", "Português"),
                            ("pl", "Polski"),
                            ("zh-hant", "繁體中文"),
                        ],
                        help_text="The language the service's screen is in, if it shows words; blank for a screenshot that serves every language.",
                        max_length=7,
                    ),
                ),
                ("image", models.FileField(editable=False, max_length=200, upload_to="")),
                ("fallback", models.FileField(editable=False, max_length=200, upload_to="")),
                ("width", models.PositiveIntegerField(editable=False)),
                ("height", models.PositiveIntegerField(editable=False)),
                (
                    "alt_text",
                    models.CharField(
                        help_text="What the screenshot shows, for people who cannot see it, e.g. 'The Data privacy page, with Data for Generative AI Improvement near the top.'",
                        max_length=300,
                    ),
                ),
                (
                    "taken_on",
                    models.DateField(
                        help_text="The day the screenshot was taken.",
                        validators=[walkthroughs.models.not_in_future],
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "added_by",
                    models.ForeignKey(
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "step",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="screenshots",
                        to="walkthroughs.step",
                    ),
                ),
            ],
            options={
                "ordering": ["step", "language"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("step", "language"), name="screenshot_one_per_language"
                    )
                ],
            },
        ),
        migrations.RunPython(allow_editors, migrations.RunPython.noop),
    ]
