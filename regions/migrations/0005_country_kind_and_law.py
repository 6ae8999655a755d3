"""What kind of place each code is, which state it belongs to, and which law applies."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0004_mainland_china"),
    ]

    operations = [
        migrations.AddField(
            model_name="country",
            name="kind",
            field=models.CharField(
                choices=[
                    ("state", "Sovereign state"),
                    ("territory", "Territory or special area of a state"),
                    ("other", "Disputed, partly recognised, or no state"),
                ],
                default="state",
                help_text="Whether it is a sovereign state or a territory that follows another state's law.",
                max_length=9,
            ),
        ),
        migrations.AddField(
            model_name="country",
            name="law",
            field=models.TextField(
                blank=True,
                help_text="For editors and the API: which state's law applies there, and whether EU or EEA law does. The regions decide what visitors see: a place where EU law applies belongs to the European Union, EEA and Designated Countries regions.",
            ),
        ),
        migrations.AddField(
            model_name="country",
            name="part_of",
            field=models.ForeignKey(
                blank=True,
                help_text="For a territory: the state responsible for it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="territories",
                to="regions.country",
            ),
        ),
        migrations.AddField(
            model_name="historicalcountry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("state", "Sovereign state"),
                    ("territory", "Territory or special area of a state"),
                    ("other", "Disputed, partly recognised, or no state"),
                ],
                default="state",
                help_text="Whether it is a sovereign state or a territory that follows another state's law.",
                max_length=9,
            ),
        ),
        migrations.AddField(
            model_name="historicalcountry",
            name="law",
            field=models.TextField(
                blank=True,
                help_text="For editors and the API: which state's law applies there, and whether EU or EEA law does. The regions decide what visitors see: a place where EU law applies belongs to the European Union, EEA and Designated Countries regions.",
            ),
        ),
        migrations.AddField(
            model_name="historicalcountry",
            name="part_of",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="For a territory: the state responsible for it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="regions.country",
            ),
        ),
        migrations.AddConstraint(
            model_name="country",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["state", "territory", "other"])),
                name="country_kind_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="country",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("kind", "territory"), ("part_of__isnull", True), _connector="OR"
                ),
                name="country_part_of_only_territories",
            ),
        ),
    ]
