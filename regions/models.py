from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords


class Country(models.Model):
    """A country or territory from ISO 3166-1, loaded from pycountry by a migration."""

    code = models.CharField(
        "ISO code",
        max_length=2,
        unique=True,
        help_text="Lower-case ISO 3166-1 alpha-2 code, as used in addresses (de, gb, us).",
    )
    name = models.CharField(
        max_length=100,
        help_text="The common English name shown to visitors (e.g. 'Bolivia', not "
        "'Bolivia, Plurinational State of').",
    )
    official_name = models.CharField(
        max_length=150,
        blank=True,
        help_text="The full ISO name, used for search; leave blank when it equals the name.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "code"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code=Lower("code")) & models.Q(code__regex=r"^[a-z]{2}$"),
                name="country_code_lower_alpha2",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code.upper()})"


class CountryAlias(models.Model):
    """Another code visitors type for a country: 'uk' for gb, 'el' for gr."""

    alias = models.CharField(
        max_length=10,
        unique=True,
        help_text="Lower-case code that redirects to the country's own address, e.g. 'uk'.",
    )
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="aliases")

    history = HistoricalRecords()

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "country aliases"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(alias=Lower("alias")) & models.Q(alias__regex=r"^[a-z-]+$"),
                name="country_alias_lower",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.alias} → {self.country.code}"

    def clean(self) -> None:
        # An alias equal to a real code would hide that country's own checklist.
        if Country.objects.filter(code=self.alias).exists():
            raise ValidationError({"alias": "This is already a country's own code."})


class Region(models.Model):
    """A named group of countries that rollouts refer to (EU, EEA, Canada, …)."""

    slug = models.SlugField(
        unique=True, help_text="Stable identifier used in the API, e.g. 'eea' or 'gb'."
    )
    name = models.CharField(max_length=100, unique=True, help_text="Shown to visitors.")
    description = models.TextField(
        blank=True, help_text="Which countries belong and why, for editors and the API."
    )
    countries = models.ManyToManyField(
        Country,
        related_name="regions",
        blank=True,
        help_text="Every country in the region. 'All countries' holds every ISO country.",
    )
    visitor_note = models.TextField(
        blank=True,
        help_text="Shown at the top of the checklist of every country in the region, e.g. that "
        "LinkedIn does not run its consumer network there. Leave blank for most regions.",
    )
    translations = models.JSONField(
        default=dict,
        blank=True,
        help_text="Translations, edited in the language fields below; English is the fallback.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[countries])

    TRANSLATABLE = ("visitor_note",)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
