"""Countries by code and alias, kept until content changes, so pages need no query for them.

A visitor's country comes out as a ``Place``: plain data in the visitor's language, what
the engine, the pages and the API read. Names come from the Unicode CLDR data that Babel
ships; English names are the editors' own (from pycountry, correctable in the admin).
"""

import dataclasses
import unicodedata

from django.conf import settings
from django.utils import translation

from languages.cldr import territory_name
from pagecache import content_version
from regions.models import Country, CountryAlias
from translations import store as tr

from .models import PlaceNote


@dataclasses.dataclass(frozen=True)
class Place:
    """Where a visitor lives, as they read it."""

    code: str
    name: str
    # The name inside a sentence: "the United States", but "Germany".
    in_sentence: str
    # What each platform's content says about the place, in the visitor's language.
    notes: tuple["Note", ...] = ()

    def notices(self, platform: str) -> tuple[str, ...]:
        """What visitors from there must know first, e.g. that a service left the country."""
        return tuple(n.text for n in self.notes if n.platform == platform and n.is_notice)

    def doubts(self, platform: str) -> tuple[str, ...]:
        """What we do not know about how the platform treats members who live there."""
        return tuple(n.text for n in self.notes if n.platform == platform and not n.is_notice)


@dataclasses.dataclass(frozen=True)
class Note:
    platform: str
    is_notice: bool
    text: str


def _directory() -> dict:
    # Made once per content version in each process: unpickling it from the cache on every
    # call cost a miss more than several of the engine's queries.
    return content_version.derived("country-directory", _load_directory)


def _load_directory() -> dict:
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
    return {
        "countries": countries,
        "aliases": dict(CountryAlias.objects.values_list("alias", "country__code")),
        "notes": notes,
    }


def country_name(code: str, english: str, language: str | None = None) -> str:
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return english
    return territory_name(code, language) or english


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


def _place(directory: dict, code: str, language: str) -> Place:
    """The one place where a Place is made."""
    _, english, _ = directory["countries"][code]
    name = country_name(code, english, language)
    return Place(
        code=code,
        name=name,
        in_sentence=in_sentence(name, language),
        notes=tuple(
            Note(
                platform=note.platform.slug,
                is_notice=note.kind == PlaceNote.Kind.NOTICE,
                text=tr.get(note, "text", language)[0],
            )
            for note in directory["notes"].get(code, [])
        ),
    )


def _language(language: str | None) -> str:
    return language or translation.get_language() or settings.LANGUAGE_CODE


def find_country(code: str, language: str | None = None) -> Place | None:
    """The country a visitor means by a code in any case, or by an alias such as 'uk'.

    In the language given, else the active one.
    """
    code = code.strip().lower()
    directory = _directory()
    code = directory["aliases"].get(code, code)
    if code not in directory["countries"]:
        return None
    return _place(directory, code, _language(language))


def _sort_key(name: str) -> str:
    # Good enough alphabetical order in every offered language without a collation library.
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold() or name


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of every country for pickers, in the language and its order."""
    language = _language(language)

    def choices() -> list[tuple[str, str]]:
        countries = _directory()["countries"]
        named = [
            (code, country_name(code, name, language)) for code, (_, name, _) in countries.items()
        ]
        return sorted(named, key=lambda choice: (_sort_key(choice[1]), choice[1]))

    return list(content_version.derived(f"country-choices:{language}", choices))


def search_countries(query: str, limit: int, language: str | None = None) -> list[Place]:
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
            found.append(_place(directory, code, _language(language)))
    found.sort(key=lambda place: _sort_key(place.name))
    return found[:limit]
