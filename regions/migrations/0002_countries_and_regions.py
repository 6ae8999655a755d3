"""Load every ISO 3166-1 country from pycountry and the regions LinkedIn's terms name."""

import pycountry
from django.db import migrations

EU = [
    "at",
    "be",
    "bg",
    "hr",
    "cy",
    "cz",
    "dk",
    "ee",
    "fi",
    "fr",
    "de",
    "gr",
    "hu",
    "ie",
    "it",
    "lv",
    "lt",
    "lu",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "si",
    "es",
    "se",
]
EEA_ONLY = ["is", "li", "no"]

# slug, name, description, member codes (None: every country)
REGIONS = [
    ("all", "All countries", "Every country and territory in ISO 3166-1.", None),
    ("eu", "European Union", "The 27 member states of the European Union.", EU),
    (
        "eea",
        "European Economic Area",
        "The EU plus Iceland, Liechtenstein and Norway.",
        EU + EEA_ONLY,
    ),
    (
        "designated-countries",
        "Designated Countries",
        "LinkedIn's name for the EEA plus Switzerland, served by LinkedIn Ireland.",
        [*EU, *EEA_ONLY, "ch"],
    ),
    ("ch", "Switzerland", "Switzerland alone.", ["ch"]),
    ("gb", "United Kingdom", "The United Kingdom alone, served by LinkedIn Corporation.", ["gb"]),
    ("ca", "Canada", "Canada alone.", ["ca"]),
    ("hk", "Hong Kong", "Hong Kong alone.", ["hk"]),
    ("us", "United States", "The United States alone.", ["us"]),
]
NAMED = {*EU, *EEA_ONLY, "ch", "gb", "ca", "hk", "us"}

ALIASES = {
    "uk": "gb",  # common for the United Kingdom, and its internet domain
    "el": "gr",  # the EU's own code for Greece
}


def load(apps, schema_editor):
    Country = apps.get_model("regions", "Country")
    CountryAlias = apps.get_model("regions", "CountryAlias")
    Region = apps.get_model("regions", "Region")

    countries = {}
    for record in pycountry.countries:
        name = getattr(record, "common_name", None) or record.name
        official = getattr(record, "official_name", "") or record.name
        countries[record.alpha_2.lower()] = Country.objects.create(
            code=record.alpha_2.lower(),
            name=name,
            official_name="" if official == name else official,
        )
    for alias, code in ALIASES.items():
        CountryAlias.objects.create(alias=alias, country=countries[code])

    for slug, name, description, codes in REGIONS:
        region = Region.objects.create(slug=slug, name=name, description=description)
        members = countries.values() if codes is None else [countries[c] for c in codes]
        region.countries.set(members)
    rest = Region.objects.create(
        slug="rest-of-world",
        name="Rest of the world",
        description="Every country outside the EEA, Switzerland, the UK, Canada, Hong Kong "
        "and the United States.",
    )
    rest.countries.set(c for code, c in countries.items() if code not in NAMED)


def unload(apps, schema_editor):
    apps.get_model("regions", "Region").objects.all().delete()
    apps.get_model("regions", "Country").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
