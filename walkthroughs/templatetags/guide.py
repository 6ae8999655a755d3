import datetime
import json

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html_join
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
    """Every country's <option>: built here, as a loop over 250 of them in the template cost
    a fifth of rendering a checklist."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>\n  ',
        (
            (code, mark_safe(" selected") if code == selected else "", name)
            for code, name in choices
        ),
    )


@register.simple_tag(takes_context=True)
def language_versions(context: template.Context) -> list[dict[str, str]]:
    """This page in every offered language: code, name and absolute address."""
    request: HttpRequest = context["request"]
    current = translation.get_language()
    versions = []
    for code, name in settings.LANGUAGES:
        path = translate_url(request.path, code)
        versions.append(
            {
                "code": code,
                "name": name,
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
