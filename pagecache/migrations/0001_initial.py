# ContentRevision moved here from walkthroughs (its 0009); the table is kept as it is, so
# this only tells Django's state where the model now lives.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("walkthroughs", "0009_content_revision"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentRevision",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("number", models.PositiveBigIntegerField(default=0)),
                        ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={
                        "db_table": "walkthroughs_contentrevision",
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("pk", 1)), name="content_revision_single_row"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
