from django.db import models


class Translatable(models.Model):
    """Content whose visitor-facing fields have a translation per language.

    The translations sit in one JSON field beside the English (see ``store``), so a
    translated page costs no extra query.
    """

    # The fields visitors read, translated field by field.
    TRANSLATABLE: tuple[str, ...] = ()
    # Fields naming what a service shows on screen. Their translation is the service's
    # own label in that language, entered only where it is known, never invented; so a
    # missing one is not a missing translation.
    SCREEN_LABELS: tuple[str, ...] = ()

    translations = models.JSONField(
        default=dict,
        blank=True,
        help_text="Translations, edited in the language fields below; English is the fallback.",
    )

    class Meta:
        abstract = True
