from __future__ import annotations

import string
from collections.abc import Iterable
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import cast

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from innovasjonspris._i18n import messages, parse_locale

LOCALE_DIR = resources.files("innovasjonspris").joinpath("locale")
PACKAGE_DIR = Path(str(resources.files("innovasjonspris")))


def _read(*parts: str) -> Catalog:
    with LOCALE_DIR.joinpath(*parts).open("rb") as po_file:
        return read_po(po_file)


def _ids(message_id: object) -> tuple[str, ...]:
    assert isinstance(message_id, (str, tuple, list))
    return (
        (message_id,)
        if isinstance(message_id, str)
        else tuple(str(i) for i in cast("Iterable[object]", message_id))
    )


def _texts(message_string: object) -> tuple[str, ...]:
    return _ids(message_string)


def _keys(catalog: Catalog) -> set[tuple[tuple[str, ...], str | None]]:
    return {(_ids(message.id), message.context) for message in catalog if message.id}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_template_lists_every_message_in_the_code() -> None:
    found = {
        (_ids(message), context)
        for _file, _line, message, _comments, context in extract_from_dir(str(PACKAGE_DIR))
    }
    assert found == _keys(_read("innovasjonspris.pot")), (
        "run the pybabel commands in docs/translating.md"
    )


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_every_message_is_translated(language: str) -> None:
    catalog = _read(language, "LC_MESSAGES", "innovasjonspris.po")
    assert _keys(catalog) == _keys(_read("innovasjonspris.pot"))
    assert catalog.num_plurals == 2
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        ids = _ids(message.id)
        strings = _texts(message.string)
        assert all(strings), f"{language}: {message.id!r} is not translated"
        # A translation names exactly the placeholders of its message.
        for text in strings:
            assert _fields(text) == _fields(ids[0]), (language, message.id, text)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_gettext_plural_formula_agrees_with_cldr(language: str) -> None:
    catalog = _read(language, "LC_MESSAGES", "innovasjonspris.po")
    rule = Locale.parse(language).plural_form
    assert catalog.plural_expr == "(n != 1)"
    for n in range(1000):
        assert (rule(n) == "one") == (n == 1)


@pytest.mark.parametrize("language", ["nb", "nn", "en", "en_US"])
def test_every_plural_category_has_a_whole_number_for_gettext(language: str) -> None:
    # Messages.plural_operand hands gettext a whole number of the count's CLDR category;
    # for the languages with texts, every category has one.
    words = messages(parse_locale(language))
    rule = Locale.parse(language).plural_form
    for count in (Decimal(1), Decimal("1.0"), Decimal("1.50"), Decimal(0), Decimal(21)):
        operand = words.plural_operand(count)
        assert rule(operand) == rule(count)
    assert {rule(n) for n in range(1000)} == {*rule.tags, "other"}
