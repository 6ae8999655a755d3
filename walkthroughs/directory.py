"""Countries by code and alias, cached until content changes, so pages need no query for them."""

from django.core.cache import cache

from regions.models import Country, CountryAlias

from . import content_version

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
        directory = {
            "countries": countries,
            "aliases": dict(CountryAlias.objects.values_list("alias", "country__code")),
        }
        cache.set(key, directory, timeout=TIMEOUT)
    return directory


def find_country(code: str) -> Country | None:
    """The country a visitor means by a code in any case, or by an alias such as 'uk'."""
    code = code.strip().lower()
    directory = _directory()
    code = directory["aliases"].get(code, code)
    found = directory["countries"].get(code)
    if found is None:
        return None
    pk, name, official = found
    return Country(pk=pk, code=code, name=name, official_name=official)


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country for pickers, in the visitors' alphabetical order."""
    countries = _directory()["countries"]
    return sorted(((code, name) for code, (_, name, _) in countries.items()), key=lambda c: c[1])
