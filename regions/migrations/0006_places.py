"""Every ISO code that is not a sovereign state, reviewed; Kosovo added; EU law where it applies.

Reviewed on 1 December 2026 (docs/places.md explains the rules). EU law, the GDPR included,
applies in France's outermost regions and in Finland's Åland Islands, which have ISO codes
of their own: they join the European Union, EEA and Designated Countries regions, and leave
the rest of the world. Overseas countries and territories of EU states are outside EU law.
The four regions at the end group places that share a legal situation, so that content
about a platform can speak of them at once.
"""

from django.db import migrations

OUTERMOST = (
    "{state} law applies, and EU law with it, the GDPR included: an outermost region of the EU."
)
OCT = "Governed by {state} under a statute of its own; outside the EU (an overseas country or territory), so EU law does not apply."
DUTCH_COUNTRY = "A country within the Kingdom of the Netherlands, with its own law; outside the EU (an overseas country or territory)."
CROWN = "A British Crown Dependency with its own data protection law; part of neither the UK nor the EU."
BRITISH = "A British Overseas Territory with its own law; part of neither the UK nor the EU."
BRITISH_EMPTY = "A British Overseas Territory without a permanent civilian population; part of neither the UK nor the EU."
US = "A US territory: US federal law applies, but not the privacy laws of the states, such as California's."
AUSTRALIA = "An external territory of Australia: Australian law applies."
FREE_ASSOCIATION = "Self-governing, in free association with New Zealand, with its own law."

# code: (the state responsible, what law applies)
TERRITORIES = {
    # France
    "re": ("fr", OUTERMOST.format(state="French")),
    "gp": ("fr", OUTERMOST.format(state="French")),
    "mq": ("fr", OUTERMOST.format(state="French")),
    "gf": ("fr", OUTERMOST.format(state="French")),
    "yt": ("fr", OUTERMOST.format(state="French")),
    "mf": ("fr", OUTERMOST.format(state="French")),
    "bl": ("fr", OCT.format(state="France") + " It left the EU in 2012."),
    "pm": ("fr", OCT.format(state="France")),
    "nc": ("fr", OCT.format(state="France")),
    "pf": ("fr", OCT.format(state="France")),
    "wf": ("fr", OCT.format(state="France")),
    "tf": ("fr", "French territory without a permanent population; outside the EU."),
    # Finland
    "ax": (
        "fi",
        "An autonomous region of Finland: EU law applies, the GDPR included (tax rules aside).",
    ),
    # Denmark
    "gl": ("dk", "Part of the Danish realm, with home rule; outside the EU since 1985."),
    "fo": (
        "dk",
        "Part of the Danish realm, with home rule and its own data protection law; never part of the EU.",
    ),
    # Netherlands
    "aw": ("nl", DUTCH_COUNTRY),
    "cw": ("nl", DUTCH_COUNTRY),
    "sx": ("nl", DUTCH_COUNTRY),
    "bq": (
        "nl",
        "Special municipalities of the Netherlands with Dutch law adapted for them; outside the EU (overseas countries and territories).",
    ),
    # Norway
    "sj": (
        "no",
        "Norwegian, but outside the EEA Agreement, so EU and EEA data protection law does not apply.",
    ),
    "bv": ("no", "An uninhabited Norwegian island, outside the EEA Agreement."),
    # United Kingdom
    "je": ("gb", CROWN),
    "gg": ("gb", CROWN),
    "im": ("gb", CROWN),
    "gi": (
        "gb",
        "A British Overseas Territory with its own data protection law; part of neither the UK nor, since 2020, the EU.",
    ),
    "ai": ("gb", BRITISH),
    "bm": ("gb", BRITISH),
    "vg": ("gb", BRITISH),
    "ky": ("gb", BRITISH),
    "ms": ("gb", BRITISH),
    "tc": ("gb", BRITISH),
    "fk": ("gb", BRITISH),
    "sh": ("gb", BRITISH),
    "pn": ("gb", BRITISH),
    "io": ("gb", BRITISH_EMPTY),
    "gs": ("gb", BRITISH_EMPTY),
    # United States
    "pr": ("us", US),
    "gu": ("us", US),
    "vi": ("us", US),
    "as": ("us", US),
    "mp": ("us", US),
    "um": ("us", "US islands without a permanent population."),
    # Australia and New Zealand
    "cx": ("au", AUSTRALIA),
    "cc": ("au", AUSTRALIA),
    "nf": ("au", AUSTRALIA),
    "hm": ("au", "Uninhabited Australian islands."),
    "ck": ("nz", FREE_ASSOCIATION),
    "nu": ("nz", FREE_ASSOCIATION),
    "tk": ("nz", "A territory of New Zealand."),
    # China
    "hk": (
        "cn",
        "A Special Administrative Region of China with its own law, including the Personal Data (Privacy) Ordinance.",
    ),
    "mo": (
        "cn",
        "A Special Administrative Region of China with its own law, including its Personal Data Protection Act.",
    ),
}

# Places whose status is disputed or partly recognised, or that belong to no state.
OTHER = {
    "aq": "No state: governed under the Antarctic Treaty, with no permanent population.",
    "eh": "A disputed territory, most of it administered by Morocco.",
    "ps": "Recognised as a state by many countries, not by all; its own law applies.",
    "tw": "Governed by its own government, with its own Personal Data Protection Act; its international status is disputed.",
    "xk": "Recognised as a state by many countries, not by all; its own law applies. Not in ISO 3166-1: XK is the code the EU and most registries use.",
}

# ISO's names with a qualifier nobody says; the ISO name stays for search.
SAID = {
    "mf": "Saint-Martin",
    "sx": "Sint Maarten",
    "vg": "British Virgin Islands",
    "vi": "US Virgin Islands",
    "fk": "Falkland Islands",
}

EU_LAW = ["re", "gp", "mq", "gf", "yt", "mf", "ax"]

# slug, name, description, members
GROUPS = [
    (
        "eu-territories",
        "EU territories with their own code",
        "Places with an ISO code of their own where EU law applies: France's outermost "
        "regions (Réunion, Guadeloupe, Martinique, French Guiana, Mayotte, Saint-Martin) and "
        "Finland's Åland Islands.",
        EU_LAW,
    ),
    (
        "eu-overseas",
        "Overseas countries and territories of EU states, and the Faroe Islands",
        "Places tied to Denmark, France or the Netherlands that are outside the EU, so EU law "
        "does not apply there.",
        ["bl", "pm", "nc", "pf", "wf", "tf", "gl", "fo", "aw", "cw", "sx", "bq"],
    ),
    (
        "british-territories",
        "British Crown Dependencies and Overseas Territories",
        "Jersey, Guernsey, the Isle of Man, Gibraltar and the British Overseas Territories: "
        "each has its own law and is part of neither the UK nor the EU.",
        [code for code, (state, _) in TERRITORIES.items() if state == "gb"],
    ),
    (
        "norway-outside-eea",
        "Norwegian territories outside the EEA",
        "Svalbard and Jan Mayen, and Bouvet Island: Norwegian, but outside the EEA Agreement.",
        ["sj", "bv"],
    ),
]


def load(apps, schema_editor):
    Country = apps.get_model("regions", "Country")
    Region = apps.get_model("regions", "Region")

    kosovo = Country.objects.create(code="xk", name="Kosovo", official_name="Republic of Kosovo")
    for slug in ("all", "rest-of-world"):
        Region.objects.get(slug=slug).countries.add(kosovo)

    countries = {country.code: country for country in Country.objects.all()}
    for code, (state, law) in TERRITORIES.items():
        Country.objects.filter(code=code).update(
            kind="territory", part_of=countries[state], law=law
        )
    for code, name in SAID.items():
        country = countries[code]
        country.official_name = country.official_name or country.name
        country.name = name
        country.save(update_fields=["name", "official_name"])
    for code, law in OTHER.items():
        Country.objects.filter(code=code).update(kind="other", law=law)

    eu_law = [countries[code] for code in EU_LAW]
    for slug in ("eu", "eea", "designated-countries"):
        Region.objects.get(slug=slug).countries.add(*eu_law)
    Region.objects.get(slug="rest-of-world").countries.remove(*eu_law)
    Region.objects.filter(slug="eu").update(
        description="The 27 member states of the European Union, and the places with their "
        "own code where EU law applies: France's outermost regions and the Åland Islands."
    )
    Region.objects.filter(slug="rest-of-world").update(
        description="Every country and territory outside the EEA (with the places where EU "
        "law applies), Switzerland, the UK, Canada, Hong Kong and the United States."
    )

    for slug, name, description, codes in GROUPS:
        region = Region.objects.create(slug=slug, name=name, description=description)
        region.countries.set(countries[code] for code in codes)


def unload(apps, schema_editor):
    Country = apps.get_model("regions", "Country")
    Region = apps.get_model("regions", "Region")
    Region.objects.filter(slug__in=[slug for slug, *_ in GROUPS]).delete()
    eu_law = list(Country.objects.filter(code__in=EU_LAW))
    for slug in ("eu", "eea", "designated-countries"):
        Region.objects.get(slug=slug).countries.remove(*eu_law)
    Region.objects.get(slug="rest-of-world").countries.add(*eu_law)
    Country.objects.update(kind="state", part_of=None, law="")
    Country.objects.filter(code="xk").delete()


class Migration(migrations.Migration):
    dependencies = [("regions", "0005_country_kind_and_law")]

    operations = [migrations.RunPython(load, unload)]
