from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords


class CountryKind(models.TextChoices):
    STATE = "state", "Sovereign state"
    TERRITORY = "territory", "Territory or special area of a state"
    OTHER = "other", "Disputed, partly recognised, or no state"


class Country(models.Model):
    """A country or territory from ISO 3166-1 (loaded from pycountry), or Kosovo (XK)."""

    Kind = CountryKind

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
    kind = models.CharField(
        max_length=9,
        choices=CountryKind.choices,
        default=CountryKind.STATE,
        help_text="Whether it is a sovereign state or a territory that follows another "
        "state's law.",
    )
    part_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="territories",
        help_text="For a territory: the state responsible for it.",
    )
    law = models.TextField(
        blank=True,
        help_text="For editors and the API: which state's law applies there, and whether EU or "
        "EEA law does. The regions decide what visitors see: a place where EU law applies "
        "belongs to the European Union, EEA and Designated Countries regions.",
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
            models.CheckConstraint(
                condition=models.Q(kind__in=CountryKind.values), name="country_kind_valid"
            ),
            # Only a territory belongs to another state.
            models.CheckConstraint(
                condition=models.Q(kind=CountryKind.TERRITORY) | models.Q(part_of__isnull=True),
                name="country_part_of_only_territories",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code.upper()})"

    def clean(self) -> None:
        if self.kind == self.Kind.TERRITORY and self.part_of_id is None:
            raise ValidationError({"part_of": "Name the state a territory belongs to."})
        if self.part_of_id and self.part_of_id == self.pk:
            raise ValidationError({"part_of": "A place cannot belong to itself."})


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
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[countries])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
