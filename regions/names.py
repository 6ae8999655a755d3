"""The names people type for a country that neither ISO nor the CLDR gives it.

CLDR has every country's name in hundreds of languages ("Norge", "Schweiz", "España"),
but not the everyday English ones: nobody finds the United States by "USA" or the United
Kingdom by "England" in it. These are found as surely as the country's own name.
"""

import pycountry

EVERYDAY_NAMES: dict[str, tuple[str, ...]] = {
    "ae": ("UAE", "Emirates"),
    "ba": ("Bosnia",),
    "cd": ("DRC", "DR Congo", "Democratic Republic of Congo"),
    "ci": ("Ivory Coast",),
    "cv": ("Cape Verde",),
    "cz": ("Czech Republic", "Czech"),
    "fk": ("Falklands",),
    "gb": (
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "Britain",
        "Great Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    "kr": ("Korea", "Republic of Korea"),
    "kp": ("DPRK",),
    "mk": ("Macedonia",),
    "mm": ("Burma",),
    "mo": ("Macau",),
    "nl": ("Holland",),
    "ps": ("Palestine",),
    "sa": ("KSA", "Saudi"),
    "sz": ("Swaziland",),
    "tl": ("East Timor",),
    "tr": ("Turkey", "Türkiye"),
    "us": ("USA", "US", "America", "United States of America", "the States"),
    "va": ("Vatican", "Vatican City"),
}


def everyday_names(code: str) -> tuple[str, ...]:
    """What people call the country besides its names: everyday names, the ISO alpha-3 code."""
    country = pycountry.countries.get(alpha_2=code.upper())
    alpha_3 = (country.alpha_3,) if country else ()
    return (*EVERYDAY_NAMES.get(code, ()), *alpha_3)
