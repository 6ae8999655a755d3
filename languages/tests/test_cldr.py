"""Dates and place names as each language writes them."""

import datetime

import pytest

from languages.cldr import SHORT_TERRITORY_NAMES, babel_locale, long_date, territory_name

FIRST = datetime.date(2026, 12, 1)
THIRD = datetime.date(2025, 11, 3)


@pytest.mark.parametrize(
    ("language", "first", "third"),
    [
        ("en", "1 December 2026", "3 November 2025"),
        ("fr", "1er décembre 2026", "3 novembre 2025"),
        ("de", "1. Dezember 2026", "3. November 2025"),
        ("nl", "1 december 2026", "3 november 2025"),
        ("it", "1º dicembre 2026", "3 novembre 2025"),
        ("es", "1 de diciembre de 2026", "3 de noviembre de 2025"),
        ("pt", "1º de dezembro de 2026", "3 de novembro de 2025"),
        ("pl", "1 grudnia 2026", "3 listopada 2025"),
        ("zh-hant", "2026年12月1日", "2025年11月3日"),
    ],
)
def test_long_dates_use_the_day_ordinals_each_language_writes(language, first, third):
    assert long_date(FIRST, language) == first
    assert long_date(THIRD, language) == third


def test_only_the_first_of_the_month_takes_an_ordinal():
    assert long_date(datetime.date(2026, 12, 11), "fr") == "11 décembre 2026"
    assert long_date(datetime.date(2026, 12, 10), "it") == "10 dicembre 2026"


@pytest.mark.parametrize(
    ("language", "hong_kong", "macao"),
    [
        ("fr", "Hong Kong", "Macao"),
        ("de", "Hongkong", "Macau"),
        ("nl", "Hongkong", "Macau"),
        ("it", "Hong Kong", "Macao"),
        ("es", "Hong Kong", "Macao"),
        ("pt", "Hong Kong", "Macau"),
        ("pl", "Hongkong", "Makau"),
        ("zh-hant", "香港", "澳門"),
    ],
)
def test_places_with_a_formal_name_go_by_the_name_people_say(language, hong_kong, macao):
    assert territory_name("hk", language) == hong_kong
    assert territory_name("MO", language) == macao


@pytest.mark.parametrize("code", sorted(SHORT_TERRITORY_NAMES))
@pytest.mark.parametrize("language", ["fr", "de", "nl", "it", "es", "pt", "pl", "zh-hant"])
def test_short_names_are_cldrs_long_names_without_the_designation(code, language):
    """Guards against a typo: the short form is inside CLDR's formal name."""
    formal = babel_locale(language).territories[code]
    short = territory_name(code, language)
    assert short != formal and short in formal


def test_other_places_keep_cldrs_name():
    assert territory_name("DE", "fr") == "Allemagne"
    assert territory_name("GB", "zh-hant") == "英國"
    assert territory_name("ZZZ", "fr") is None
