"""Locales and message catalogs, shared by :mod:`~innovasjonspris.formatting` and ``render``.

Babel's :class:`~babel.core.Locale` gives the CLDR data (numbers, dates, plural rules); the
gettext catalogs under ``locale/`` give the words of our own labels and sentences. The
catalogs ship as ``.po`` source files and are read and compiled in memory on first use, so
an editable install and a wheel behave alike and no build step can forget them.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from decimal import Decimal
from importlib import resources
from typing import Final

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from innovasjonspris._errors import ValidationError

__all__ = [
    "CATALOG_LANGUAGES",
    "DOMAIN",
    "Messages",
    "catalog_language",
    "language_tag",
    "messages",
    "parse_locale",
]

DOMAIN: Final = "innovasjonspris"
"""The gettext domain: ``locale/<language>/LC_MESSAGES/innovasjonspris.po``."""

CATALOG_LANGUAGES: Final = ("nb", "nn")
"""Languages with a catalog; English is the source language of the messages."""

_SOURCE_LANGUAGE: Final = "en"

# Babel keeps Norwegian data under both "no" and "nb"; "no" means Bokmål in practice.
_LANGUAGE_ALIASES: Final = {"no": "nb"}

_LOCALE_HINT: Final = "a locale identifier such as 'nb', 'nn', 'en' or 'nb_NO'"

# Language, then subtags (script, territory, variant) joined by one kind of separator.
# Babel also parses POSIX forms such as "nb_NO.utf8" or "nb_NO@euro", dropping or keeping
# parts silently; an identifier is either well formed or refused.
_WELL_FORMED: Final = re.compile(r"[A-Za-z]{2,3}(?:([_-])[A-Za-z0-9]{2,8}(?:\1[A-Za-z0-9]{2,8})*)?")

# The English of the texts is British, and so is a bare "en": dates, ranges and lists as a
# British reader writes them. A caller who wants American English says "en_US".
_DEFAULT_TERRITORIES: Final = {"en": "en_GB"}


def parse_locale(identifier: object) -> Locale:
    """Return the Babel locale for ``identifier``, or raise :class:`ValidationError`.

    An identifier that is not text is a caller's mistake, a :class:`TypeError`.

    Both ``nb_NO`` and ``nb-NO`` are accepted; ``en`` means British English (``en_GB``).
    Babel's own errors never escape.
    """
    if type(identifier) is not str:
        msg = f"locale must be {_LOCALE_HINT}, not {type(identifier).__name__}"
        raise TypeError(msg)
    return _parse_locale(identifier)


# Bounded: identifiers come from callers, and only valid ones are cached.
@functools.lru_cache(maxsize=256)
def _parse_locale(identifier: str) -> Locale:
    if _WELL_FORMED.fullmatch(identifier):
        try:
            return Locale.parse(
                _DEFAULT_TERRITORIES.get(identifier, identifier),
                sep="-" if "-" in identifier else "_",
            )
        except (UnknownLocaleError, ValueError, TypeError):
            pass
    msg = f"{identifier!r} is not a known locale; use {_LOCALE_HINT}"
    raise ValidationError("locale", msg)


def catalog_language(locale: Locale) -> str:
    """Return ``nb``, ``nn`` or ``en`` for a locale our messages exist in, else raise."""
    language = _LANGUAGE_ALIASES.get(locale.language, locale.language)
    if language not in (*CATALOG_LANGUAGES, _SOURCE_LANGUAGE):
        msg = f"no texts in {str(locale)!r}; the texts exist in nb, nn and en"
        raise ValidationError("locale", msg)
    return language


class Messages:
    """The translated messages of one language, chosen by CLDR's plural categories.

    The method names are gettext's, so that ``pybabel extract`` finds every message.
    """

    __slots__ = ("_locale", "_translations")

    def __init__(self, locale: Locale, translations: gettext.NullTranslations) -> None:
        """Wrap ``translations`` for ``locale``, whose plural rules pick the forms."""
        self._locale = locale
        self._translations = translations

    @property
    def language(self) -> str:
        """``nb``, ``nn`` or ``en``: the language of the texts."""
        return catalog_language(self._locale)

    @property
    def locale(self) -> Locale:
        """The locale whose CLDR data writes the numbers, dates and lists beside the texts."""
        return self._locale

    # Each returns the translated template; callers fill in its {placeholders}.

    def gettext(self, message: str, /) -> str:
        """Translate ``message``."""
        return self._translations.gettext(message)

    def pgettext(self, context: str, message: str, /) -> str:
        """Translate ``message`` in ``context``."""
        return self._translations.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, count: int | Decimal, /) -> str:
        """Translate the form of ``singular``/``plural`` that agrees with ``count``."""
        return self._translations.ngettext(singular, plural, self.plural_operand(count))

    def npgettext(self, context: str, singular: str, plural: str, count: int | Decimal, /) -> str:
        """Like :meth:`ngettext`, in ``context``."""
        n = self.plural_operand(count)
        return self._translations.npgettext(context, singular, plural, n)

    def plural_operand(self, count: int | Decimal) -> int:
        """Return a whole number in the same CLDR plural category as ``count``.

        gettext's plural formulas only know whole numbers; CLDR's rules also know that
        «1,50» is plural. Asking CLDR for the category and handing gettext a whole number
        of that category keeps CLDR the one authority on plurals.
        """
        return _representative(self._locale, self._locale.plural_form(count))


@functools.cache
def _representative(locale: Locale, category: str) -> int:
    for number in range(1000):
        if locale.plural_form(number) == category:
            return number
    # Only reachable for a language with a category that holds no whole number below 1000;
    # every category of the languages with texts (nb, nn, en) holds one, as a test checks.
    raise AssertionError(category)  # pragma: no cover - nb, nn and en: each category has one


def messages(locale: Locale) -> Messages:
    """Return the messages for ``locale`` (raises :class:`ValidationError` without any)."""
    return Messages(locale, _translations(catalog_language(locale)))


@functools.cache
def _translations(language: str) -> gettext.NullTranslations:
    if language == _SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = resources.files("innovasjonspris").joinpath(
        "locale", language, "LC_MESSAGES", f"{DOMAIN}.po"
    )
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language_tag(locale: Locale) -> str:
    """Return the BCP 47 tag of ``locale`` for HTML and JSON-LD: ``nb``, ``en-GB``."""
    return "-".join(part for part in (locale.language, locale.script, locale.territory) if part)
