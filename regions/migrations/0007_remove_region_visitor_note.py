"""Visitor notes about a platform are platform content now (walkthroughs.PlaceNote)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0006_places"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="historicalregion",
            name="translations",
        ),
        migrations.RemoveField(
            model_name="historicalregion",
            name="visitor_note",
        ),
        migrations.RemoveField(
            model_name="region",
            name="translations",
        ),
        migrations.RemoveField(
            model_name="region",
            name="visitor_note",
        ),
    ]
