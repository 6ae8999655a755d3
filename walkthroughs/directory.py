"""Countries by code and alias, kept until content changes, so pages need no query for them.

A visitor's country comes out as a ``Place``: plain data in the visitor's language, what
the engine, the pages and the API read. Names come from the Unicode CLDR data that Babel
ships; English names are the editors' own (from pycountry, correctable in the admin).
"""

import dataclasses
import difflib
import unicodedata

from django.conf import settings
from django.utils import translation

from languages.cldr import territory_name, territory_names
from pagecache import content_version
from regions.models import Country, CountryAlias
from regions.names import everyday_names
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


# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ı": "i", "þ": "th"})


def searchable(text: str) -> str:
    """The text as search compares it: no case, no accents, words apart, any script kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    kept = "".join(
        char if char.isalnum() else " "
        for char in decomposed
        if not unicodedata.category(char).startswith("M")
    )
    return " ".join(kept.split())


@dataclasses.dataclass(frozen=True)
class _Entry:
    """A country's names joined one a line, so that one `in` tests them all."""

    code: str
    # Its codes, aliases, everyday names and names in the nine languages.
    primary: str
    # Its names in every other language of the CLDR.
    other: str


# One index per process for the content version it was built for.
_index: dict[str, list[_Entry]] = {}


def _lines(names) -> str:
    return "\n" + "\n".join(sorted({searchable(name) for name in names if name} - {""})) + "\n"


def _search_index() -> list[_Entry]:
    """Every country's names, built once per content version, never per request."""
    version = content_version.current()
    index = _index.get(version)
    if index is None:
        directory = _directory()
        aliases: dict[str, list[str]] = {}
        for alias, code in directory["aliases"].items():
            aliases.setdefault(code, []).append(alias)
        everywhere = territory_names()
        index = []
        for code, (_, english, official) in directory["countries"].items():
            primary = {
                code,
                english,
                official,
                *aliases.get(code, ()),
                *everyday_names(code),
                *(country_name(code, english, language) for language, _ in settings.LANGUAGES),
            }
            other = everywhere.get(code, frozenset()) - primary
            index.append(_Entry(code=code, primary=_lines(primary), other=_lines(other)))
        _index.clear()
        _index[version] = index
    return index


def _rank(entry: _Entry, needle: str) -> int | None:
    """Lower is better: exact, then start of a name, then start of a word, then anywhere.

    At each level a code, alias, everyday name or name in our nine languages comes before
    a name in another language. None when nothing matches.
    """
    tests = (f"\n{needle}\n", f"\n{needle}", f" {needle}", needle)
    for level, test in enumerate(tests):
        if test in entry.primary:
            return 2 * level
        if test in entry.other:
            return 2 * level + 1
    return None


def search_countries(query: str, limit: int, language: str | None = None) -> list[Place]:
    """Countries by code, alias, everyday name or name in any language, best matches first.

    An exact code, alias or name comes first, then names that start with the query, then
    the rest; within each, in the visitor's alphabetical order.
    """
    needle = searchable(query[:60])
    if not needle:
        return []
    language = _language(language)
    directory = _directory()
    ranked = []
    for entry in _search_index():
        # "The Netherlands" is the Netherlands.
        ranks = [_rank(entry, n) for n in {needle, needle.removeprefix("the ")} if n]
        rank = min((r for r in ranks if r is not None), default=None)
        if rank is not None:
            place = _place(directory, entry.code, language)
            ranked.append((rank, _sort_key(place.name), place))
    ranked.sort(key=lambda found: found[:2])
    return [place for _, _, place in ranked[:limit]]


def close_countries(query: str, limit: int, language: str | None = None) -> list[Place]:
    """For a query that matches nothing: the countries whose names are spelled closest."""
    needle = searchable(query[:60])
    if len(needle) < 3:
        return []
    by_name: dict[str, str] = {}
    for entry in _search_index():
        for name in entry.primary.split("\n"):
            if len(name) > 2:
                by_name.setdefault(name, entry.code)
    close = difflib.get_close_matches(needle, by_name, n=limit * 3, cutoff=0.75)
    codes = list(dict.fromkeys(by_name[name] for name in close))[:limit]
    directory = _directory()
    return [_place(directory, code, _language(language)) for code in codes]
