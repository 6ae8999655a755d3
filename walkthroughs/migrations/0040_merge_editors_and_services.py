"""Joins the editors' migrations (issue 13: verification per device, editor names, ...)
and the services' (issue 14: more platforms), written side by side."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0018_editor_names"),
        ("walkthroughs", "0030_platform_position"),
    ]

    operations = []
