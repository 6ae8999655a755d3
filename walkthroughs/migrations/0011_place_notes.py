"""LinkedIn's notes about places: mainland China's notice moves here from its region, and
the places whose treatment by LinkedIn nobody knows are marked as such.

LinkedIn has never said how it counts members in territories with their own ISO code. We
show the answer their law points to, and say plainly that LinkedIn has not confirmed it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from ._content import translate

TREATMENT = {
    "eu-territories": (
        "EU law applies there, the GDPR included, so we show the answer for the EU. LinkedIn "
        "has not said that it counts these places with the EU."
    ),
    "eu-overseas": (
        "It is outside the EU, so we show the answer for the rest of the world. LinkedIn has "
        "not said how it counts members there: it may treat them like members in the EU "
        "country it is tied to, who have an objection form and whose AI training began on 3 "
        "November 2025."
    ),
    "british-territories": (
        "It is part of neither the UK nor the EU, so we show the answer for the rest of the "
        "world. LinkedIn has not said how it counts members there: it may treat them like "
        "members in the UK, who have an objection form and whose AI training began on 3 "
        "November 2025."
    ),
    "norway-outside-eea": (
        "It is outside the EEA Agreement, so we show the answer for the rest of the world. "
        "LinkedIn has not said how it counts members there: it may treat them like members in "
        "Norway, who have an objection form and whose AI training began on 3 November 2025."
    ),
}


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
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="walkthroughs",
                codename__in=[f"{verb}_placenote" for verb in ("add", "change", "delete", "view")],
            )
        )


def load(apps, schema_editor):
    Platform = apps.get_model("walkthroughs", "Platform")
    PlaceNote = apps.get_model("walkthroughs", "PlaceNote")
    Region = apps.get_model("regions", "Region")
    linkedin = Platform.objects.filter(slug="linkedin").first()
    if linkedin is None:
        return

    # Notices keep their text and translations, with the fingerprints of their English.
    for region in Region.objects.exclude(visitor_note=""):
        translations = {}
        for language, entry in (region.translations or {}).items():
            moved = {"text": entry["visitor_note"]} if entry.get("visitor_note") else {}
            source = entry.get("_source", {}).get("visitor_note")
            translations[language] = {**moved, "_source": {"text": source} if source else {}}
        PlaceNote.objects.create(
            platform=linkedin,
            kind="notice",
            region=region,
            text=region.visitor_note,
            translations=translations,
        )

    for slug, text in TREATMENT.items():
        note = PlaceNote.objects.create(
            platform=linkedin, kind="treatment", region=Region.objects.get(slug=slug), text=text
        )
        translate(note, ["text"])
        note.save(update_fields=["translations"])


def unload(apps, schema_editor):
    PlaceNote = apps.get_model("walkthroughs", "PlaceNote")
    Region = apps.get_model("regions", "Region")
    for note in PlaceNote.objects.filter(kind="notice", region__isnull=False):
        Region.objects.filter(pk=note.region_id).update(
            visitor_note=note.text,
            translations={
                language: {
                    "visitor_note": entry.get("text", ""),
                    "_source": {"visitor_note": entry.get("_source", {}).get("text", "")},
                }
                for language, entry in note.translations.items()
            },
        )
    PlaceNote.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0010_place_notes_and_source_addresses"),
        ("walkthroughs", "0003_editors_group"),
        ("regions", "0006_places"),
    ]
    # The notices are read from the regions before their field is removed.
    run_before = [("regions", "0007_remove_region_visitor_note")]

    operations = [
        migrations.RunPython(allow_editors, migrations.RunPython.noop),
        migrations.RunPython(load, unload),
    ]
