"""Countries by code and alias, cached until content changes, so pages need no query for them.

Names are in the visitor's language, from the Unicode CLDR data that Babel ships; English
names are the editors' own (from pycountry, correctable in the admin).
"""

import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from regions.models import Country, CountryAlias

from . import content_version
from . import translations as tr
from .languages import babel_locale
from .models import PlaceNote

TIMEOUT = 24 * 60 * 60


def _directory() -> dict:
    key = f"country-directory:{content_version.current()}"
    directory = cache.get(key)
    if directory is None:
        countries = {
            code: (pk, name, official)
            for pk, code, name, official in Country.objects.values_list(
                "pk", "code", "name", "official_name"
            )
        }
        # A note on a region speaks to every country in it; one on a country, to it alone.
        notes: dict[str, list[PlaceNote]] = {}
        for note in PlaceNote.objects.select_related("platform", "country").prefetch_related(
            "region__countries"
        ):
            places = note.region.countries.all() if note.region else [note.country]
            for country in places:
                notes.setdefault(country.code, []).append(note)
        directory = {
            "countries": countries,
            "aliases": dict(CountryAlias.objects.values_list("alias", "country__code")),
            "notes": notes,
        }
        cache.set(key, directory, timeout=TIMEOUT)
    return directory


def country_name(code: str, english: str, language: str | None = None) -> str:
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return english
    return babel_locale(language).territories.get(code.upper(), english)


# English puts "the" before these names in a sentence: "in the United Kingdom".
_WITH_ARTICLE = {
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Maldives",
    "Holy See",
    "Comoros",
    "Isle of Man",
    "French Southern Territories",
    "British Indian Ocean Territory",
}


def in_sentence(name: str, language: str | None = None) -> str:
    """The name as it reads inside a sentence: 'the United States', but 'Germany'."""
    if (language or translation.get_language()) != "en":
        return name
    if (
        name in _WITH_ARTICLE
        or name.startswith("United ")
        or name.endswith((" Islands", " Republic", " Emirates"))
    ):
        return f"the {name}"
    return name


def find_country(code: str, platform: str = "linkedin") -> Country | None:
    """The country a visitor means by a code in any case, or by an alias such as 'uk'.

    Its name is in the active language.
    """
    code = code.strip().lower()
    directory = _directory()
    code = directory["aliases"].get(code, code)
    found = directory["countries"].get(code)
    if found is None:
        return None
    pk, name, official = found
    country = Country(pk=pk, code=code, name=country_name(code, name), official_name=official)
    country.in_sentence = in_sentence(country.name)
    # What visitors from there must know first, and what we do not know about how the
    # platform treats them, in their language where we have it.
    language = translation.get_language() or settings.LANGUAGE_CODE
    notes = [n for n in directory["notes"].get(code, []) if n.platform.slug == platform]
    country.notes = [
        tr.get(n, "text", language)[0] for n in notes if n.kind == PlaceNote.Kind.NOTICE
    ]
    country.treatment = [
        tr.get(n, "text", language)[0] for n in notes if n.kind == PlaceNote.Kind.TREATMENT
    ]
    return country


def _sort_key(name: str) -> str:
    # Good enough alphabetical order in every offered language without a collation library.
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold() or name


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country for pickers, in the active language and its order."""
    countries = _directory()["countries"]
    named = [(code, country_name(code, name)) for code, (_, name, _) in countries.items()]
    return sorted(named, key=lambda choice: (_sort_key(choice[1]), choice[1]))


def search_countries(query: str, limit: int) -> list[Country]:
    """Countries whose name in any offered language, code or alias contains the query."""
    needle = _sort_key(query.strip()[:60])
    if not needle:
        return []
    directory = _directory()
    aliases = {code for alias, code in directory["aliases"].items() if alias == needle}
    found = []
    for code, (_, english, official) in directory["countries"].items():
        names = {english, official} | {
            country_name(code, english, language) for language, _ in settings.LANGUAGES
        }
        if code == needle or code in aliases or any(needle in _sort_key(n) for n in names if n):
            found.append(find_country(code))
    found.sort(key=lambda country: _sort_key(country.name))
    return found[:limit]
