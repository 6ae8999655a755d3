"""The legal texts the watch follows in Open Terms Archive's version repositories.

Each at the version our content was read at (docs/facts.md, section 5): the ERPN as served
in Ireland, the Privacy Policy as served in Canada, the US Privacy Policy with its state
notices as served in the United States. Sources are found by their canonical address.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DOCUMENTS = [
    (
        "https://www.linkedin.com/legal/privacy/eu",
        "OpenTermsArchive/vlopses-ie-versions",
        "1b38be45ded13b440582b63b69badd26a1f18514",
    ),
    (
        "https://www.linkedin.com/legal/privacy-policy",
        "OpenTermsArchive/vlopses-ca-versions",
        "2496d550c1029a81b37c87ff4703c99f575f6eba",
    ),
    (
        "https://www.linkedin.com/legal/california-privacy-disclosure",
        "OpenTermsArchive/vlopses-us-versions",
        "d290d7ce314c2a22d442b1ba00fc01b3fb9a8ef4",
    ),
]
PATH = "LinkedIn/Privacy Policy.md"


def watch(apps, schema_editor):
    Source = apps.get_model("walkthroughs", "Source")
    WatchedDocument = apps.get_model("walkthroughs", "WatchedDocument")
    for url, repository, version in DOCUMENTS:
        source = Source.objects.filter(url=url).order_by("pk").first()
        if source is not None:
            WatchedDocument.objects.get_or_create(
                repository=repository,
                path=PATH,
                defaults={"source": source, "read_version": version},
            )


def allow_editors(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    app_config = apps.get_app_config("walkthroughs")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        codenames = ["view_alert", "change_alert"] + [
            f"{verb}_watcheddocument" for verb in ("add", "change", "delete", "view")
        ]
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="walkthroughs", codename__in=codenames
            )
        )


def unwatch(apps, schema_editor):
    apps.get_model("walkthroughs", "WatchedDocument").objects.filter(
        repository__in=[repository for _url, repository, _version in DOCUMENTS], path=PATH
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("walkthroughs", "0020_watch")]

    operations = [
        migrations.RunPython(watch, unwatch),
        migrations.RunPython(allow_editors, migrations.RunPython.noop),
    ]
