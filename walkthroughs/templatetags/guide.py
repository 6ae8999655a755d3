import contextlib
import dataclasses
import datetime
import functools
import itertools
import json
import secrets

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape, escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

from languages.cldr import long_date as format_long_date
from pagecache import content_version

from ..checklists import Item

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


# Kept item markup: name -> what stands in for each of its attributes while the markup is
# made, so that one markup serves every country and checklist address.
_STAND_INS = {"country": ("code", "name", "in_sentence"), "links": ("report",)}
# What the markup may read besides: the key holds each of these (the item whole).
_KEYED = frozenset({"item", "platform", "prefix", "not_english", "preview"})
_LITERALS = frozenset({"True", "False", "None"})
# Marks a stand-in's place in kept markup; made at random, so no content can hold it.
_MARK = f"kept{secrets.token_hex(6)}"
# Distinct markups kept per content version in each process: about 4 KB each, so some
# 8 MB at most; when full, the process starts again from none.
_KEPT_MOST = 2000
_templates = itertools.count()


class _Mark(str):
    """A stand-in's attribute: shown, it is filled in later; used in any other way
    (compared, measured, sliced, tested), it is noted, as the real value might differ."""

    def __new__(cls, text: str, name: str, used: set[str]):
        mark = super().__new__(cls, text)
        mark.name, mark.used = name, used
        return mark

    def _noted(method):  # noqa: N805
        def noted(self, *args):
            self.used.add(self.name)
            return method(self, *args)

        return noted

    __eq__ = _noted(str.__eq__)
    __ne__ = _noted(str.__ne__)
    __lt__ = _noted(str.__lt__)
    __gt__ = _noted(str.__gt__)
    __contains__ = _noted(str.__contains__)
    __len__ = _noted(str.__len__)
    __getitem__ = _noted(str.__getitem__)
    __iter__ = _noted(str.__iter__)
    __bool__ = _noted(lambda self: bool(str(self)))
    __hash__ = str.__hash__
    del _noted


class _StandIn:
    """A context value whose named attributes read as marks; any other use of it is
    noted, and markup that made such a use is not kept (it would carry this value)."""

    def __init__(self, real, name: str, attributes: tuple[str, ...], used: set[str]):
        self._real = real
        self._marks = {
            attribute: _Mark(f"{_MARK}{name}{attribute}x", f"{name}.{attribute}", used)
            for attribute in attributes
        }
        self._used = used
        self._name = name

    def __getattr__(self, attribute: str):
        if attribute in self._marks:
            return self._marks[attribute]
        self._used.add(f"{self._name}.{attribute}")
        return getattr(self._real, attribute)

    def __str__(self) -> str:
        self._used.add(self._name)
        return str(self._real)

    def __bool__(self) -> bool:
        return bool(self._real)

    def fill(self, markup: str) -> str:
        for attribute, mark in self._marks.items():
            markup = markup.replace(str(mark), conditional_escape(getattr(self._real, attribute)))
        return markup


class _OuterLoop(dict):
    """Stands in for the loop the item is in: an inner loop keeps it as its parent, and any
    read of it (the item's number, say) is noted, as that differs from page to page."""

    def __init__(self, used: set[str]):
        super().__init__()
        self.used = used

    def __getitem__(self, key):
        self.used.add(f"forloop.{key}")
        raise KeyError(key)


class _Watched(dict):
    """The top layer of the context while kept markup is made: it answers for the stand-ins
    and notes every other name the markup looks up beneath it."""

    def __init__(self, context: template.Context, stand_ins: dict[str, _StandIn], used: set):
        super().__init__(stand_ins, forloop=_OuterLoop(used))
        self.context = context
        self.used = used

    def __contains__(self, name) -> bool:
        if dict.__contains__(self, name):
            return True
        # ``name in context`` asks every layer, this one too, whatever the markup set
        # above it (a loop's variable, a blocktranslate's): only a name set nowhere above
        # comes from outside the markup.
        dicts = self.context.dicts
        above = dicts[next(i for i in range(len(dicts) - 1, -1, -1) if dicts[i] is self) + 1 :]
        if not any(name in d for d in above):
            self.used.add(name)
        return False


class KeepItemNode(template.Node):
    def __init__(self, nodelist: template.NodeList):
        self.nodelist = nodelist
        # Which parse of the template made the markup: a template read again (in
        # development) never serves markup made from its earlier text.
        self.template = next(_templates)

    def render(self, context: template.Context) -> str:
        item = context.get("item")
        if not isinstance(item, Item) or context.get("preview"):
            return self.nodelist.render(context)
        key = (
            self.template,
            translation.get_language(),
            timezone.get_current_timezone_name(),
            repr(context.get("platform")),
            str(context.get("prefix", "")),
            bool(context.get("not_english")),
            # The reason shows only where an item does not apply, outside this markup; it
            # names the country, and would make every country's markup its own.
            repr(dataclasses.replace(item, reason="")),
        )
        kept = content_version.derived("kept-item-markup", dict)
        markup = kept.get(key)
        used: set[str] = set()
        stand_ins = {
            name: _StandIn(context.get(name), name, attributes, used)
            for name, attributes in _STAND_INS.items()
            if context.get(name) is not None
        }
        if markup is None:
            context.dicts.append(_Watched(context, stand_ins, used))
            try:
                made = self.nodelist.render(context)
            finally:
                context.dicts.pop()
            filled = self._fill(made, stand_ins)
            if used - _KEYED - _LITERALS or _MARK in filled.lower():
                # The markup read something the key does not hold, or changed a mark on
                # its way out: made again for each page, from the real values.
                return self.nodelist.render(context)
            if len(kept) >= _KEPT_MOST:
                kept.clear()
            kept[key] = made
            return filled
        return self._fill(markup, stand_ins)

    def _fill(self, markup: str, stand_ins: dict[str, _StandIn]) -> SafeString:
        for stand_in in stand_ins.values():
            markup = stand_in.fill(markup)
        return mark_safe(markup)


@register.tag
def keep_item(parser: template.base.Parser, token: template.base.Token) -> KeepItemNode:
    """``{% keep_item %}…{% endkeep_item %}``: one checklist item's markup, made once per
    content version in each process and served again to every page that shows the same
    item the same way (README "Benchmarks").

    The key holds the item whole (its text, steps, dates, the notes its country adds), the
    language, the time zone, the platform, ``prefix`` and ``not_english``. The country and
    the checklist's addresses are read through stand-ins (``_STAND_INS``) whose marks are
    filled in on every page, so that Austria and Belgium share the markup of an item that
    reads the same for both. Markup that reads any other context name, or any other
    attribute of those two, is made afresh for every page: add the name to the key
    (``_KEYED``) or to the stand-ins to have it kept.
    """
    nodelist = parser.parse(("endkeep_item",))
    parser.delete_first_token()
    return KeepItemNode(nodelist)
