"""Names and dates as people write them in each language, from the Unicode CLDR via Babel."""

import datetime
import functools

from babel import Locale
from babel.dates import format_date
from django.utils import translation

# Django's language codes to Babel's (CLDR) locale identifiers; British English writes
# dates day first, which readers everywhere understand.
BABEL_LOCALES = {"en": "en_GB", "zh-hant": "zh_Hant"}


def babel_locale(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(language, language))


def long_date(value: datetime.date, language: str | None = None) -> str:
    """A date as people write it in the language, e.g. 3 novembre 2025 or 2025年11月3日."""
    return _long_date(value, language or translation.get_language())


# A page shows the same few dates many times, and Babel takes a fifth of a millisecond each.
@functools.lru_cache(maxsize=4096)
def _long_date(value: datetime.date, language: str) -> str:
    return format_date(value, format="long", locale=babel_locale(language))
