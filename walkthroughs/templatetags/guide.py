import contextlib
import datetime
import functools
import json

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

from languages.cldr import long_date as format_long_date

register = template.Library()


@register.filter
def long_date(value: datetime.date | datetime.datetime | None) -> str:
    """A date in the visitor's language: 3 November 2025, 3 novembre 2025, 2025年11月3日."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return format_long_date(value)


@register.simple_tag
def country_options(choices: list[tuple[str, str]], selected: str = "") -> str:
    """Every country's <option>, the visitor's own selected.

    Built in Python and kept per list of names, as escaping 250 names for every page cost
    a seventh of rendering a checklist; the selection is marked on the kept markup."""
    options = _options(tuple(choices))
    if selected:
        chosen = f'<option value="{escape(selected)}">'
        options = options.replace(chosen, chosen[:-1] + " selected>", 1)
    return mark_safe(options)


@functools.lru_cache(maxsize=64)
def _options(choices: tuple[tuple[str, str], ...]) -> str:
    """The options of one language's names at one content version (64 fit every language
    of a few versions)."""
    return format_html_join("", '<option value="{}">{}</option>\n  ', choices)


@register.simple_tag(takes_context=True)
def language_versions(context: template.Context) -> list[dict[str, str]]:
    """This page in every offered language: code, name and absolute address."""
    request: HttpRequest = context["request"]
    current = translation.get_language()
    # Django's translate_url, with the address resolved once rather than once a language.
    try:
        match = resolve(request.path)
    except Resolver404:
        match = None
    name = match and (f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name)
    versions = []
    for code, language_name in settings.LANGUAGES:
        path = request.path
        if name:
            with translation.override(code), contextlib.suppress(NoReverseMatch):
                path = reverse(name, args=match.args, kwargs=match.kwargs)
        versions.append(
            {
                "code": code,
                "name": language_name,
                "url": request.build_absolute_uri(path),
                "path": path,
                "current": code == current,
            }
        )
    return versions


@register.filter
def json_attribute(value) -> str:
    """Plain data as JSON for a data-* attribute; the template escapes it for the attribute."""
    return json.dumps(value, ensure_ascii=False)
