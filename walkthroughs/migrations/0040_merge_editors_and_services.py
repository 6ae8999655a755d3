"""Joins two lines of migrations written side by side: the editors' (verification per
device, their names for things, reports per step, the watch) and the services' (every
platform beyond LinkedIn)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0021_watched_documents"),
        ("walkthroughs", "0031_other_services_content"),
    ]

    operations = []
