"""Names and dates as people write them in each language, from the Unicode CLDR via Babel."""

import datetime
import functools
import pickle
import re
import threading

from babel import Locale, localedata
from babel.dates import format_date
from babel.lists import format_list
from django.utils import translation

# Django's language codes to Babel's (CLDR) locale identifiers; British English writes
# dates day first, which readers everywhere understand.
BABEL_LOCALES = {"en": "en_GB", "zh-hant": "zh_Hant"}

# CLDR's short names (alt="short") for the places whose standard name is an administrative
# designation nobody says: "SAR China", "R.A.S. chinoise de", 中國…特別行政區. Babel 2.19
# leaves CLDR's alternate names out of its data, so the ones we need are copied here.
SHORT_TERRITORY_NAMES = {
    "HK": {
        "en": "Hong Kong",
        "fr": "Hong Kong",
        "de": "Hongkong",
        "nl": "Hongkong",
        "it": "Hong Kong",
        "es": "Hong Kong",
        "pt": "Hong Kong",
        "pl": "Hongkong",
        "zh-hant": "香港",
    },
    "MO": {
        "en": "Macao",
        "fr": "Macao",
        "de": "Macau",
        "nl": "Macau",
        "it": "Macao",
        "es": "Macao",
        "pt": "Macau",
        "pl": "Makau",
        "zh-hant": "澳門",
    },
}

# The first of the month is an ordinal where the language writes one: "1er décembre",
# "1º dicembre", and in Brazil "1º de dezembro". CLDR's long format writes a plain 1.
FIRST_OF_THE_MONTH = {"fr": "1er", "it": "1º", "pt": "1º"}


def babel_locale(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(language, language))


def territory_name(code: str, language: str) -> str | None:
    """A country or territory as people name it in the language, or None if CLDR has none."""
    code = code.upper()
    short = SHORT_TERRITORY_NAMES.get(code, {}).get(language)
    return short or babel_locale(language).territories.get(code)


def long_date(value: datetime.date, language: str | None = None) -> str:
    """A date as people write it in the language, e.g. 1er novembre 2025 or 2025年11月3日."""
    return _long_date(value, language or translation.get_language())


# A page shows the same few dates many times, and Babel takes a fifth of a millisecond each.
@functools.lru_cache(maxsize=4096)
def _long_date(value: datetime.date, language: str) -> str:
    text = format_date(value, format="long", locale=babel_locale(language))
    if value.day == 1 and language in FIRST_OF_THE_MONTH:
        text = re.sub(r"^1(?!\d)", FIRST_OF_THE_MONTH[language], text)
    return text


def list_of(items: list[str], language: str | None = None) -> str:
    """Items joined as the language joins them: 'A, B and C', 'A, B et C', 'A、B和C'."""
    return format_list(items, locale=babel_locale(language or translation.get_language()))


_territory_names: dict[str, frozenset[str]] | None = None
_territory_names_lock = threading.Lock()


def territory_names() -> dict[str, frozenset[str]]:
    """Every country's name in every language the CLDR has, by lower-case code.

    Read once per process (about a second; callers meanwhile wait for that one reading):
    each locale's own file, without what it inherits, so that every spelling is read once.
    Read from the file, not through ``localedata.load``: that would cache the locale
    without its inherited data, and every later use of the locale (dates, lists) would
    miss it.
    """
    global _territory_names
    with _territory_names_lock:
        if _territory_names is None:
            names: dict[str, set[str]] = {}
            for identifier in localedata.locale_identifiers():
                with open(localedata.resolve_locale_filename(identifier), "rb") as file:
                    territories = pickle.load(file).get("territories", {})
                for code, name in territories.items():
                    if len(code) == 2 and code.isalpha():
                        names.setdefault(code.lower(), set()).add(name)
            _territory_names = {code: frozenset(found) for code, found in names.items()}
        return _territory_names


def read_territory_names_soon() -> None:
    """Start reading the names in the background, so that the first search need not wait."""
    if _territory_names is None and not _territory_names_lock.locked():
        threading.Thread(target=territory_names, name="cldr-names", daemon=True).start()
