# ContentRevision now lives in the pagecache app, which took over its table: forget the
# model here without dropping anything.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0012_fact_check_2026_12"),
        ("pagecache", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContentRevision")],
            database_operations=[],
        ),
    ]
