"""Guess the visitor's country from request headers, to preselect it. Nothing is stored."""

import re

from django.conf import settings
from django.http import HttpRequest

# A language tag's region subtag: de-CH, fr-CA, en-GB; not es-419 (a UN area code).
_REGION = re.compile(r"^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})$", re.IGNORECASE)
_MAX_HEADER = 512


def accept_language_tags(header: str) -> list[str]:
    """Lower-case language tags from an Accept-Language header, most preferred first."""
    ranked = []
    for position, part in enumerate(header[:_MAX_HEADER].split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        if tag.strip() and quality > 0:
            ranked.append((-quality, position, tag.strip().lower()))
    return [tag for _, _, tag in sorted(ranked)]


def _accept_language_regions(header: str) -> list[str]:
    """Region codes from an Accept-Language header, in the visitor's order of preference."""
    matches = (_REGION.match(tag) for tag in accept_language_tags(header))
    return [match.group(1) for match in matches if match]


def candidate_countries(request: HttpRequest) -> list[str]:
    """Lower-case codes to try, most trustworthy first: the CDN's header, then languages."""
    candidates = []
    if settings.COUNTRY_HEADER:
        value = request.headers.get(settings.COUNTRY_HEADER, "").strip().lower()
        if re.fullmatch(r"[a-z]{2}", value):
            candidates.append(value)
    candidates += _accept_language_regions(request.headers.get("Accept-Language", ""))
    return candidates
