"""The rules on text: clean text on one line or in prose, and text of a given pattern.

Clean text is what every text of the data must be: not empty, no white space around it, no
control characters (a line break only in prose), and in Unicode NFC. Like every field rule
(see :mod:`innovasjonspris._validators`), each states its test once, as an expression.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, Final, cast

import attrs

from innovasjonspris._errors import brief
from innovasjonspris._validators import Bind, FieldRule, Problem, anchored

__all__ = ["NFC", "Matches", "Text", "check_text", "matches", "text"]

NFC: Final = "A text is in Unicode normal form NFC."

# C0 and C1 controls, lone surrogates (JSON can smuggle them in as \ud800) and the Unicode
# line and paragraph separators, which render as invisible line breaks; as the body of a
# regular expression's character class, which Python and JSON Schema both read.
_CONTROLS = r"\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029"
_FORBIDDEN_IN_PROSE = re.compile(f"[{_CONTROLS}]")
_FORBIDDEN_IN_LINE = re.compile(f"[{_CONTROLS}\n]")
# The same characters where they are Latin-1, as bytes, for the bulk test.
_LATIN1_FORBIDDEN_IN_LINE = bytes(b for b in range(256) if _FORBIDDEN_IN_LINE.match(chr(b)))
_LATIN1_FORBIDDEN_IN_PROSE = bytes(b for b in range(256) if _FORBIDDEN_IN_PROSE.match(chr(b)))
_LONG_TEXT = 64  # characters from which the bulk test pays off


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


@attrs.frozen(repr=False)
class Text(FieldRule):
    """Clean text: no empty text, no surrounding white space, no controls, and NFC.

    A non-empty ``str`` without surrounding white space, in Unicode NFC, and without
    control characters (a line break only where ``multiline`` allows it).
    """

    multiline: bool

    def expression(self, var: str, kind: object, bind: Bind) -> str:
        typed = "" if kind is str else f"type({var}) is str and "
        forbidden = bind(_FORBIDDEN_IN_PROSE if self.multiline else _FORBIDDEN_IN_LINE)
        # Printable text has no controls (nor any other white space than " "); text that
        # is not, say with a no-break space or a line feed, is searched for them.
        anywhere = (
            f"({var}.isprintable() or {forbidden}.search({var}) is None)"
            f" and ({var}.isascii() or {bind(unicodedata.is_normalized)}('NFC', {var}))"
        )
        # Long text is checked in bulk when it is Latin-1, as Norwegian and English prose
        # nearly always is: Latin-1 text is in NFC whatever its letters, and its control
        # characters are bytes, found faster among its bytes than by isprintable().
        latin1, length = f"{var}_latin1", f"{var}_length"
        controls = bind(_LATIN1_FORBIDDEN_IN_PROSE if self.multiline else _LATIN1_FORBIDDEN_IN_LINE)
        in_bulk = (
            f"len({latin1} := {var}.encode('latin-1', 'ignore')) == {length}"
            f" and len({latin1}.translate(None, {controls})) == {length}"
        )
        return (
            f"({typed}{var} != '' and {var} == {var}.strip()"
            f" and (({anywhere}) if ({length} := len({var})) < {_LONG_TEXT}"
            f" else ({in_bulk} or ({anywhere}))))"
        )

    def problem(self, value: object) -> Problem:
        if type(value) is not str:
            return "", f"must be text, not {type(value).__name__}"
        if not value or value.isspace():
            return "", "must not be empty"
        bad = (_FORBIDDEN_IN_PROSE if self.multiline else _FORBIDDEN_IN_LINE).search(value)
        if bad is not None:
            return "", f"must not contain the control character U+{ord(bad.group()):04X}"
        if value != value.strip():
            return "", "must not start or end with white space"
        return "", "must be in Unicode normal form NFC"

    def schema(self) -> dict[str, Any]:
        space = _white_space()
        inner = _CONTROLS if self.multiline else _CONTROLS + r"\n"
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

    def expression(self, var: str, kind: object, bind: Bind) -> str:
        clean = _LINE.expression(var, kind, bind)
        return f"({clean} and {bind(self.pattern)}.fullmatch({var}) is not None)"

    def problem(self, value: object) -> Problem:
        if not _LINE.passes(value):
            return _LINE.problem(value)
        return "", f"must be {self.description}, not {brief(value)}"

    def schema(self) -> dict[str, Any]:
        # Its own pattern first: generators of documents write from the first, test the rest.
        return {"allOf": [{"pattern": anchored(self.pattern.pattern)}, _LINE.schema()]}

    def __repr__(self) -> str:
        return f"<matches validator {self.pattern.pattern!r}>"


def matches(pattern: str, description: str) -> FieldRule:
    """Require clean text that matches ``pattern`` in full; ``description`` says what it is."""
    return Matches(re.compile(pattern), description)
