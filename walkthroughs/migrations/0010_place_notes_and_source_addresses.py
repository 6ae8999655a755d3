"""Notes about places per platform; sources get an archived copy and a reason for no address."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0006_places"),
        ("walkthroughs", "0009_content_revision"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Notes that say precisely what is unsure need more than 300 characters.
        migrations.AlterField(
            model_name="action",
            name="checking_note",
            field=models.CharField(
                blank=True,
                help_text="What exactly we are checking, shown to visitors beside uncertain facts.",
                max_length=500,
            ),
        ),
        migrations.AlterField(
            model_name="historicalaction",
            name="checking_note",
            field=models.CharField(
                blank=True,
                help_text="What exactly we are checking, shown to visitors beside uncertain facts.",
                max_length=500,
            ),
        ),
        migrations.AlterField(
            model_name="historicalrollout",
            name="checking_note",
            field=models.CharField(
                blank=True,
                help_text="What exactly is unverified, shown to visitors when confidence is not confirmed.",
                max_length=500,
            ),
        ),
        migrations.AlterField(
            model_name="rollout",
            name="checking_note",
            field=models.CharField(
                blank=True,
                help_text="What exactly is unverified, shown to visitors when confidence is not confirmed.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsource",
            name="archive_url",
            field=models.URLField(
                blank=True,
                help_text="A dated copy of the version we read, e.g. its Open Terms Archive record. Never a mirror or proxy copy.",
                max_length=500,
                verbose_name="archived copy",
            ),
        ),
        migrations.AddField(
            model_name="historicalsource",
            name="no_url_reason",
            field=models.CharField(
                blank=True,
                help_text="Required when the address is blank, e.g. 'Read in press reports; the regulator's own page is not linked until we have checked it.'",
                max_length=300,
                verbose_name="why there is no address",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="archive_url",
            field=models.URLField(
                blank=True,
                help_text="A dated copy of the version we read, e.g. its Open Terms Archive record. Never a mirror or proxy copy.",
                max_length=500,
                verbose_name="archived copy",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="no_url_reason",
            field=models.CharField(
                blank=True,
                help_text="Required when the address is blank, e.g. 'Read in press reports; the regulator's own page is not linked until we have checked it.'",
                max_length=300,
                verbose_name="why there is no address",
            ),
        ),
        migrations.AlterField(
            model_name="historicalsource",
            name="url",
            field=models.URLField(
                blank=True,
                help_text="Its canonical address: the platform's or the regulator's own page. Leave blank rather than guess (a wrong link costs trust), and say why below.",
                max_length=500,
            ),
        ),
        migrations.AlterField(
            model_name="source",
            name="url",
            field=models.URLField(
                blank=True,
                help_text="Its canonical address: the platform's or the regulator's own page. Leave blank rather than guess (a wrong link costs trust), and say why below.",
                max_length=500,
            ),
        ),
        migrations.CreateModel(
            name="HistoricalPlaceNote",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("notice", "Notice at the top of the checklist"),
                            ("treatment", "We are not sure how the platform treats members there"),
                        ],
                        default="treatment",
                        help_text="A notice is shown once, at the top of the checklist. A treatment note marks every item that depends on where the member lives as uncertain, after the sentence 'We are not sure how <platform> treats members in <place>.'",
                        max_length=9,
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="For a treatment note: what we show and why, e.g. 'EU law applies there, so we show the EU answer; LinkedIn has not said that it counts these places with the EU.'"
                    ),
                ),
                ("updated_at", models.DateTimeField(blank=True, editable=False)),
                (
                    "translations",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        help_text="Translations, edited in the language fields below; English is the fallback.",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="One country or territory; or choose a region instead.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="regions.country",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "platform",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="walkthroughs.platform",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Every country in this region; or choose one country instead.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="regions.region",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical note about a place",
                "verbose_name_plural": "historical notes about places",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PlaceNote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("notice", "Notice at the top of the checklist"),
                            ("treatment", "We are not sure how the platform treats members there"),
                        ],
                        default="treatment",
                        help_text="A notice is shown once, at the top of the checklist. A treatment note marks every item that depends on where the member lives as uncertain, after the sentence 'We are not sure how <platform> treats members in <place>.'",
                        max_length=9,
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="For a treatment note: what we show and why, e.g. 'EU law applies there, so we show the EU answer; LinkedIn has not said that it counts these places with the EU.'"
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "translations",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        help_text="Translations, edited in the language fields below; English is the fallback.",
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        help_text="One country or territory; or choose a region instead.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="place_notes",
                        to="regions.country",
                    ),
                ),
                (
                    "platform",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="place_notes",
                        to="walkthroughs.platform",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        blank=True,
                        help_text="Every country in this region; or choose one country instead.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="place_notes",
                        to="regions.region",
                    ),
                ),
            ],
            options={
                "verbose_name": "note about a place",
                "verbose_name_plural": "notes about places",
                "ordering": ["platform", "kind", "region", "country"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("kind__in", ["notice", "treatment"])),
                        name="place_note_kind_valid",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("country__isnull", False), ("region__isnull", True)),
                            models.Q(("country__isnull", True), ("region__isnull", False)),
                            _connector="OR",
                        ),
                        name="place_note_region_or_country",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("region__isnull", False)),
                        fields=("platform", "kind", "region"),
                        name="place_note_unique_region",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("country__isnull", False)),
                        fields=("platform", "kind", "country"),
                        name="place_note_unique_country",
                    ),
                ],
            },
        ),
    ]
