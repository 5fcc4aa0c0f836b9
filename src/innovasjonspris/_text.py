"""The rules on text: clean text on one line or in prose, and text of a given pattern.

Clean text is what every text of the data must be: not empty, no white space around it, no
control characters (a line break only in prose), and in Unicode NFC. Like every field rule
(see :mod:`innovasjonspris._validators`), each states its checks once, as clauses; a rule on
text of some kind is the clauses of clean text and then its own.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any, Final, cast

import attrs

from innovasjonspris._clauses import Check, Clause, of_type, showing
from innovasjonspris._errors import brief
from innovasjonspris._validators import FieldRule, anchored

__all__ = [
    "ADDRESS",
    "APOSTROPHE",
    "HIDDEN",
    "NFC",
    "ONE_SCRIPT",
    "Matches",
    "Name",
    "Text",
    "address",
    "check_text",
    "matches",
    "mixed_script_letter",
    "proper_name",
    "scripts_of",
    "text",
]

NFC: Final = "A text is in Unicode normal form NFC."
ONE_SCRIPT: Final = "A name keeps each of its words to one script, as Unicode TR39 defines it."

# C0 and C1 controls, lone surrogates (JSON can smuggle them in as \ud800) and the Unicode
# line and paragraph separators, which render as invisible line breaks; as the body of a
# regular expression's character class, which Python and JSON Schema both read.
_CONTROLS = r"\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029"
# Characters that show nothing yet change what a reader sees or what a program compares:
# the bidirectional marks, embeddings, overrides and isolates, which reorder the text
# around them ("Trond\u202eheim"), and the zero-width and invisible format characters,
# which make two texts that look alike differ (a byte order mark inside a text among them).
_HIDDEN_RANGES: Final = (
    (0x061C, 0x061C),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x2069),
    (0xFEFF, 0xFEFF),
)
_HIDDEN = "".join(
    f"\\u{first:04x}" if first == last else f"\\u{first:04x}-\\u{last:04x}"
    for first, last in _HIDDEN_RANGES
)
HIDDEN: Final = frozenset(
    chr(code) for first, last in _HIDDEN_RANGES for code in range(first, last + 1)
)
"""The invisible format characters no text may hold."""
_FORBIDDEN = _CONTROLS + _HIDDEN
_FORBIDDEN_IN_PROSE = re.compile(f"[{_FORBIDDEN}]")
_FORBIDDEN_IN_LINE = re.compile(f"[{_FORBIDDEN}\n]")
# The same characters where they are Latin-1, as bytes, for the bulk test.
_LATIN1_FORBIDDEN_IN_LINE = bytes(b for b in range(256) if _FORBIDDEN_IN_LINE.match(chr(b)))
_LATIN1_FORBIDDEN_IN_PROSE = bytes(b for b in range(256) if _FORBIDDEN_IN_PROSE.match(chr(b)))
_LONG_TEXT = 64  # characters from which the bulk test pays off
APOSTROPHE: Final = "\u2019"
"""The typographic apostrophe, the one character beyond Latin-1 that prose often has."""


@functools.cache
def _white_space() -> str:
    # What str.strip() removes, as a character class body; read off Python's own
    # definition when a schema is first asked for, so that the two cannot differ.
    spaces = [c for c in range(0x10000) if chr(c).isspace()]
    runs: list[list[int]] = []
    for code in spaces:
        if runs and runs[-1][-1] == code - 1:
            runs[-1].append(code)
        else:
            runs.append([code])
    return "".join(
        f"\\u{run[0]:04x}" + (f"-\\u{run[-1]:04x}" if len(run) > 1 else "") for run in runs
    )


def _forbidden(character: str) -> str:
    code = f"U+{ord(character):04X}"
    if character in HIDDEN:
        named = unicodedata.name(character)
        return (
            f"must not contain {code} {named}, an invisible character that hides or reorders text"
        )
    return f"must not contain the control character {code}"


def _no_forbidden(forbidden: re.Pattern[str]) -> Callable[[str], str]:
    def says(value: str) -> str:
        return _forbidden(cast("re.Match[str]", forbidden.search(value)).group())

    return says


@attrs.frozen(repr=False)
class Text(FieldRule):
    """Clean text: no empty text, no surrounding white space, no controls, and NFC.

    A non-empty ``str`` without surrounding white space, in Unicode NFC, and without
    control characters (a line break only where ``multiline`` allows it).
    """

    multiline: bool

    def clauses(self) -> tuple[Clause, ...]:
        forbidden = _FORBIDDEN_IN_PROSE if self.multiline else _FORBIDDEN_IN_LINE
        bytes_forbidden = (
            _LATIN1_FORBIDDEN_IN_PROSE if self.multiline else _LATIN1_FORBIDDEN_IN_LINE
        )
        return (
            of_type(str, "text"),
            # What strip() removes is white space (str.isspace()): all of it, nothing left.
            Check("(value_stripped := value.strip())", "must not be empty"),
            # Long text is checked in bulk when it is Latin-1, as Norwegian and English prose
            # nearly always is but for the typographic apostrophe: its forbidden characters
            # are bytes, found faster among its bytes than by isprintable(), and Latin-1
            # text is in NFC whatever its letters, which the NFC clause below reads. The
            # apostrophe (U+2019) is read as a plain one for this: it is no forbidden
            # character, and nothing in NFC changes or joins it. Printable text has no
            # controls (nor any other white space than " "); text that is not, say with a
            # no-break space or a line feed, is searched for them.
            Check(
                "((value_length := len(value)) >= long"
                ' and (value_latin1 := len(value_bytes := value.replace(apostrophe, "\'")'
                ".encode('latin-1', 'ignore')) == value_length"
                " and len(value_bytes.translate(None, bytes_forbidden)) == value_length))"
                " or value.isprintable() or forbidden.search(value) is None",
                _no_forbidden(forbidden),
                {
                    "long": _LONG_TEXT,
                    "apostrophe": APOSTROPHE,
                    "bytes_forbidden": bytes_forbidden,
                    "forbidden": forbidden,
                },
            ),
            Check("value == value_stripped", "must not start or end with white space"),
            Check(
                "value.isascii() or (value_length >= long and value_latin1)"
                " or is_normalized('NFC', value)",
                "must be in Unicode normal form NFC",
                {"long": _LONG_TEXT, "is_normalized": unicodedata.is_normalized},
            ),
        )

    def schema(self) -> dict[str, Any]:
        space = _white_space()
        inner = _FORBIDDEN if self.multiline else _FORBIDDEN + r"\n"
        edge = f"[^{inner}{space}]"
        return {"type": "string", "pattern": anchored(f"{edge}(?:[^{inner}]*{edge})?")}

    def unstated(self) -> tuple[str, ...]:
        return (NFC,)

    def __repr__(self) -> str:
        return f"<text validator multiline={self.multiline}>"


_LINE = Text(multiline=False)
_PROSE = Text(multiline=True)


def check_text(value: object, field: str, *, multiline: bool = False) -> str:
    """Return ``value`` if it is clean text (see :class:`Text`), else raise for ``field``."""
    return cast("str", (_PROSE if multiline else _LINE).check(value, field))


def text(*, multiline: bool = False) -> FieldRule:
    """Require clean text (see :class:`Text`)."""
    return _PROSE if multiline else _LINE


@attrs.frozen(repr=False)
class Matches(FieldRule):
    """Clean text on one line that matches ``pattern`` in full; ``description`` says what."""

    pattern: re.Pattern[str]
    description: str

    def clauses(self) -> tuple[Clause, ...]:
        fits = Check(
            "pattern.fullmatch(value) is not None",
            showing(f"must be {self.description}"),
            {"pattern": self.pattern},
        )
        return (*_LINE.clauses(), fits)

    def schema(self) -> dict[str, Any]:
        # Its own pattern first: generators of documents write from the first, test the rest.
        return {"allOf": [{"pattern": anchored(self.pattern.pattern)}, _LINE.schema()]}

    def __repr__(self) -> str:
        return f"<matches validator {self.pattern.pattern!r}>"


def matches(pattern: str, description: str) -> FieldRule:
    """Require clean text that matches ``pattern`` in full; ``description`` says what it is."""
    return Matches(re.compile(pattern), description)


ADDRESS: Final = r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?"
"""An absolute http or https address with a dotted host, as a pattern.

No other scheme (``javascript:``, ``data:``, ``file:``), and no address relative to a
page the data cannot know.
"""
_ADDRESS = Matches(re.compile(ADDRESS), "an http(s) address")


def address() -> FieldRule:
    """Require an absolute http or https address in clean text, the one rule for every URL."""
    return _ADDRESS


# --- Names: one script to a word ----------------------------------------------------------

# Letters whose character name starts with one of these belong to no one script (Unicode's
# Common): letter-like symbols, modifier letters, mathematical alphabets.
_NO_SCRIPT: Final = frozenset(
    [
        "ALEF",
        "ANGSTROM",
        "BET",
        "BLACK-LETTER",
        "CARON",
        "DALET",
        "DOUBLE-STRUCK",
        "EULER",
        "GIMEL",
        "INFORMATION",
        "KELVIN",
        "MATHEMATICAL",
        "MICRO",
        "MODIFIER",
        "OHM",
        "PLANCK",
        "ROMAN",
        "SCRIPT",
        "SUPERSCRIPT",
        "TURNED",
        "VEDIC",
        "VERTICAL",
    ]
)
# TR39's augmented script sets: Han is written with kana in Japanese, with Hangul in
# Korean and with Bopomofo in Chinese, so a word may mix those and still be one script.
_AUGMENTED: Final = {
    "CJK": frozenset({"HAN", "JAPANESE", "KOREAN", "BOPOMOFO-HAN"}),
    "IDEOGRAPHIC": frozenset({"HAN", "JAPANESE", "KOREAN", "BOPOMOFO-HAN"}),
    "HIRAGANA": frozenset({"JAPANESE"}),
    "KATAKANA": frozenset({"JAPANESE"}),
    "KATAKANA-HIRAGANA": frozenset({"JAPANESE"}),
    "HENTAIGANA": frozenset({"JAPANESE"}),
    "MASU": frozenset({"JAPANESE"}),
    "HANGUL": frozenset({"KOREAN"}),
    "BOPOMOFO": frozenset({"BOPOMOFO-HAN"}),
    "FEMININE": frozenset({"LATIN"}),
    "MASCULINE": frozenset({"LATIN"}),
}
_WIDTHS: Final = ("FULLWIDTH ", "HALFWIDTH ")


@functools.lru_cache(maxsize=4096)
def scripts_of(character: str) -> frozenset[str] | None:
    """The scripts a letter may be written in; ``None`` for any character of every script.

    Marks take the script of the letter they sit on, and digits, punctuation, symbols and
    letters of no one script go with every script, as in TR39; a letter's script is the
    first word of its Unicode name (``LATIN``, ``CYRILLIC``, ``GREEK``).
    """
    if unicodedata.category(character)[0] != "L":
        return None
    words = unicodedata.name(character, "").removeprefix(_WIDTHS[0]).removeprefix(_WIDTHS[1])
    first = words.split(" ", 1)[0]
    if not first or first in _NO_SCRIPT:
        return None
    return _AUGMENTED.get(first, frozenset({first}))


def mixed_script_letter(value: str) -> tuple[str, str, str] | None:
    """The first word of ``value`` that mixes scripts, with a letter of each of two of them.

    ``None`` when every word keeps to one script; a word is a run of letters and marks.
    """
    start, first, common = 0, "", None
    for index, character in enumerate(value):
        if not _in_word(character):
            start, first, common = index + 1, "", None
            continue
        scripts = scripts_of(character)
        if scripts is None:
            continue
        first = first or character
        common = scripts if common is None else common & scripts
        if not common:
            end = next((i for i in range(index, len(value)) if not _in_word(value[i])), None)
            return first, character, value[start:end]
    return None


def _in_word(character: str) -> bool:
    return unicodedata.category(character)[0] in "LM"


def _mixed_scripts(value: str) -> str:
    found = mixed_script_letter(value)
    first, clash, word = cast("tuple[str, str, str]", found)
    letters = " and ".join(f"U+{ord(c):04X} {unicodedata.name(c)}" for c in (first, clash))
    return f"must not mix scripts in one word: {brief(word)} has {letters}"


@attrs.frozen(repr=False)
class Name(FieldRule):
    """A proper name: clean text on one line, each word of it in one script.

    Following Unicode TR39's mixed-script detection, a word that mixes scripts, such as
    ``Trondheim`` with a Cyrillic ``Т``, is refused: it looks like a name it is not.
    Sámi letters (``Á``, ``Č``, ``Đ``, ``Ŋ``, ``Š``, ``Ŧ``, ``Ž``) are Latin.
    """

    def clauses(self) -> tuple[Clause, ...]:
        # Latin-1 text, ASCII first, keeps each word to one script (Latin) without asking.
        one_script = Check(
            # value_length is the clean-text clauses' own, set before this clause runs.
            "value.isascii() or len(value.encode('latin-1', 'ignore')) == value_length"
            " or mixed_script_letter(value) is None",
            _mixed_scripts,
            {"mixed_script_letter": mixed_script_letter},
        )
        return (*_LINE.clauses(), one_script)

    def schema(self) -> dict[str, Any]:
        return _LINE.schema()

    def unstated(self) -> tuple[str, ...]:
        return (NFC, ONE_SCRIPT)

    def __repr__(self) -> str:
        return "<name validator>"


_NAME = Name()


def proper_name() -> FieldRule:
    """Require a proper name (see :class:`Name`)."""
    return _NAME
