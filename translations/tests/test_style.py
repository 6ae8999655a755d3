"""Every translation follows its language's style sheet (docs/style/) and the glossary.

Checked: the interface catalogues (locale/*/LC_MESSAGES/django.po) and every content
translation in a freshly migrated database. A failure names the language, the rule
(a glossary term, a variety or register word, a typography rule), what was found and the
string it was found in; the fix is in docs/style/<language>.md.
"""

import dataclasses
import functools
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from translations import store as tr
from translations import style

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
GLOSSARY = style.glossary()
# Every quote mark any of our languages uses; each language allows only its own.
QUOTE_MARKS = set('«»“”„‚‘’「」『』"')
CJK = r"\u3400-\u9fff\uf900-\ufaff"
FULL_WIDTH = r"\u3000-\u303f\uff00-\uffef"
POLISH_MONTHS = (
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"
    "listopada|grudnia"
)


@dataclasses.dataclass(frozen=True)
class Translation:
    where: str
    english: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}"


@functools.cache
def catalogue(language: str) -> tuple[Translation, ...]:
    path = ROOT / "locale" / language.replace("-hant", "_Hant") / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id]
    found = []
    for message in messages:
        english = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [Translation(f"{path.relative_to(ROOT)} {english!r}", english, s) for s in strings]
    return tuple(found)


@pytest.fixture
def translations(db) -> dict[str, list[Translation]]:
    """Per language: every .po string and every content translation of the seed content."""
    found = {language: list(catalogue(language)) for language in LANGUAGES}
    for model in tr.translatable_models():
        fields = [f for f in model.TRANSLATABLE if f not in tr.screen_labels(model)]
        for row in model.objects.all():
            for language in LANGUAGES:
                entry = (row.translations or {}).get(language, {})
                for field in fields:
                    if entry.get(field):
                        where = f"{model.__name__} {row.pk} {field}"
                        english = getattr(row, field)
                        found[language].append(Translation(where, english, entry[field]))
    return found


def readable(text: str, language: str) -> str:
    """The translation with placeholders and quoted English labels as X, without HTML."""
    for name in GLOSSARY["names"]:
        text = text.replace(name, "X")
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"%%\([a-z_]+\)[sd]|%\([a-z_]+\)[sd]|%%", "X", text)
    for opening, closing in GLOSSARY["languages"][language]["quotes"]:
        # A quoted Off or On stays: our own word for the state is wanted there.
        space, close = "[\u00a0\u202f]?", re.escape(closing)
        keep = rf"(?!(?:Off|On){space}{close})"
        label = rf"({re.escape(opening)}{space}){keep}[\x20-\x7e]*?({space}{close})"
        text = re.sub(label, r"\1X\2", text)
    return text


def rules(language: str, key: str):
    for term in GLOSSARY["terms"]:
        if language in term:
            yield term, term[language].get(key, [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_glossary_term_takes_its_one_rendering(translations, language):
    problems = [
        f"{term['en']!r} is {term[language]['say']!r}, not {found.group(0)!r}, in {t}"
        for t in translations[language]
        for term, avoid in rules(language, "avoid")
        for pattern in avoid
        if (found := re.search(pattern, readable(t.text, language)))
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_glossary_rendering_is_in_use(translations, language):
    """A rendering nothing uses means the glossary no longer describes our text."""
    texts = [readable(t.text, language) for t in translations[language]]
    unused = [
        f"{term['en']!r}: {pattern!r}"
        for term, use in rules(language, "use")
        for pattern in use
        if not any(re.search(pattern, text) for text in texts)
    ]
    assert not unused, "glossary renderings found nowhere:\n" + "\n".join(unused)


@pytest.mark.parametrize("language", LANGUAGES)
def test_fixed_terms_are_rendered_wherever_the_english_has_them(translations, language):
    problems = [
        f"{term['en']!r} must read {term[language]['say']!r} in {t}"
        for term, use in rules(language, "use")
        if term[language].get("require")
        for t in translations[language]
        if re.search(term["en"], t.english)
        and not any(re.search(p, readable(t.text, language)) for p in use)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_mixes_in_another_variety_or_register(translations, language):
    problems = [
        f"{rule['why']}: {found.group(0)!r} in {t}"
        for t in translations[language]
        for rule in GLOSSARY["languages"][language]["avoid"]
        if (found := re.search(rule["pattern"], readable(t.text, language)))
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_quote_marks_are_the_languages_own(translations, language):
    allowed = set("".join(GLOSSARY["languages"][language]["quotes"]))
    problems = []
    for t in translations[language]:
        text = re.sub(r"(?<=\w)[’'](?=\w)", "", t.text)  # apostrophes: l'IA, iPhone'a
        wrong = sorted({c for c in text if c in QUOTE_MARKS - allowed} | set(re.findall("'", text)))
        if wrong:
            problems.append(f"{''.join(wrong)} in {t}")
    assert not problems, f"{language} quotes with {sorted(allowed)} only:\n" + "\n".join(problems)


def breaches(found: list[Translation], rules: list[tuple[str, str]], text) -> str:
    """Each (pattern, rule) that a translation's text matches, one per line."""
    return "\n".join(
        f"needs {why}: {t}" for t in found for pattern, why in rules if re.search(pattern, text(t))
    )


def test_french_puts_no_break_spaces_before_double_punctuation_and_inside_guillemets(
    translations,
):
    rules = [
        (r"(?<![\u202f])[;!?](?=\s|$|\u00a0»)", "a narrow no-break space (U+202F) before ; ! ?"),
        (r"(?<=\w)[ \u202f]?:(?=\s|$)", "a no-break space (U+00A0) before :"),
        (r"(?<![\u00a0]):(?=\s|$)", "a no-break space (U+00A0) before :"),
        (r"«(?!\u00a0)", "a no-break space (U+00A0) after «"),
        (r"(?<!\u00a0)»", "a no-break space (U+00A0) before »"),
    ]
    assert not breaches(translations["fr"], rules, lambda t: t.text)


def test_chinese_uses_full_width_punctuation_and_no_spaces_around_chinese(translations):
    rules = [
        (rf"[{CJK}][,;:?!()]|[,;:?!(][{CJK}]", "full-width punctuation beside Chinese"),
        (rf"[{CJK}]\.", "a full-width full stop (。) after Chinese"),
        (rf"[{CJK}{FULL_WIDTH}] | [{CJK}{FULL_WIDTH}]", "no space beside Chinese"),
    ]
    assert not breaches(translations["zh-hant"], rules, lambda t: readable(t.text, "zh-hant"))


def test_polish_writes_years_one_way(translations):
    """Full dates as CLDR writes them ("3 listopada 2025"); a year alone takes "r."."""
    problems = []
    for t in translations["pl"]:
        text = readable(t.text, "pl")
        for year in re.finditer(r"\b(19|20)\d\d\b", text):
            full_date = re.search(rf"\d{{1,2}} ({POLISH_MONTHS}) $", text[: year.start()])
            followed = text[year.end() :]
            if full_date and followed.startswith((" r.", " roku")):
                problems.append(f"a full date takes no r.: {t}")
            elif not full_date and not followed.startswith(" r."):
                problems.append(f"a year alone takes r. ({year.group(0)} r.): {t}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_style_sheet_gives_the_glossarys_renderings(language):
    sheet = style.style_sheet(language)
    assert sheet is not None, f"docs/style/{language}.md is missing"
    missing = [
        term[language]["say"]
        for term in GLOSSARY["terms"]
        if language in term and f"| {term[language]['say']} |" not in sheet
    ]
    assert not missing, f"docs/style/{language}.md lacks glossary rows for: {missing}"


def test_the_checks_catch_what_the_style_pass_fixed():
    """The rules would have failed the sentences issue 15 reported."""

    def breaks(language: str, text: str) -> bool:
        text = readable(text, language)
        patterns = [r["pattern"] for r in GLOSSARY["languages"][language]["avoid"]]
        patterns += [p for _, avoid in rules(language, "avoid") for p in avoid]
        return any(re.search(p, text) for p in patterns)

    assert breaks("de", "Schalten Sie den Schalter aus.")
    assert breaks("de", "wie gut ihre Anzeigen gewirkt haben")
    assert breaks("it", "Controlla che indichi «Off».")
    assert breaks("fr", "Désactivez le bouton.")
    assert breaks("es", "linkedin.com en una computadora")
    assert breaks("pt", "a sua mensagem ajuda-nos a manter os passos corretos")
    assert breaks("pt", "Desative a opção.")
    assert breaks("pl", "pokażemy Ci Twoją listę")
    assert breaks("pl", "Ogranicz to, co LinkedIn zachowuje z aplikacji o pracę")
    assert breaks("zh-hant", "使用者的隱私")
    assert not breaks("de", "Anzeigen")  # the Show button is a verb, not an ad
    assert not breaks("pl", "Twój kraj: Polska")
