from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from innovasjonspris import Standing, ValidationError
from innovasjonspris import _validators as v
from innovasjonspris._clauses import Check, binder
from innovasjonspris._text import check_text
from innovasjonspris._validators import compile_test
from innovasjonspris.registry._counties import COUNTIES
from innovasjonspris.registry._form import KOMMUNENUMMER


def is_clean(value: str, *, multiline: bool) -> bool:
    """The rule for clean text, written out one condition at a time."""
    allowed_controls: set[str] = {"\n"} if multiline else set()
    return (
        bool(value)
        and value == value.strip()
        and not any(
            (
                (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF)
                and c not in allowed_controls
            )
            or c in "\u2028\u2029"
            for c in value
        )
        and unicodedata.is_normalized("NFC", value)
    )


# Text near the edges of the rule: spaces of every kind, controls, combining marks.
edgy = st.text(
    st.sampled_from(" a\u00e5\u0301\n\t\r\x85\xa0\u2028\u2009\u3000\ud800\x7f\xad")
    | st.characters(codec="utf-8")
    | st.characters(),
    max_size=8,
)


@pytest.mark.property
@given(edgy, st.booleans())
def test_check_text_accepts_exactly_clean_text(value: str, multiline: bool) -> None:  # noqa: FBT001
    if is_clean(value, multiline=multiline):
        assert check_text(value, "f", multiline=multiline) is value
    else:
        with pytest.raises(ValidationError):
            check_text(value, "f", multiline=multiline)


def test_a_rule_that_has_run_is_still_equal_to_one_that_has_not() -> None:
    # The compiled test a rule keeps after its first use is no part of what it is.
    used = v.tuple_of(v.optional(v.integer(0, 9)), unique=True)
    fresh = v.tuple_of(v.optional(v.integer(0, 9)), unique=True)
    assert used.passes((1, 2))
    assert not used.passes((1, 1))
    assert used == fresh
    assert hash(used) == hash(fresh)
    assert repr(used) == repr(fresh)
    with pytest.raises(ValidationError) as caught:
        fresh.check((1, 10), "digits")
    assert (caught.value.field, caught.value.message) == (
        "digits[1]",
        "must be from 0 to 9, not 10",
    )


def forbidden_in(value: str, *, multiline: bool) -> str | None:
    """The first character clean text may not hold, written out one range at a time."""
    hidden = {0x061C, 0xFEFF, *range(0x200B, 0x2010), *range(0x202A, 0x202F)}
    hidden |= {*range(0x2060, 0x2065), *range(0x2066, 0x206A)}
    for character in value:
        code = ord(character)
        control = code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF
        if (control and not (multiline and character == "\n")) or code in {0x2028, 0x2029}:
            return f"must not contain the control character U+{code:04X}"
        if code in hidden:
            named = unicodedata.name(character)
            return (
                f"must not contain U+{code:04X} {named}, "
                "an invisible character that hides or reorders text"
            )
    return None


def text_problem(value: str, *, multiline: bool) -> str:
    """What is wrong with unclean text, told in this order: empty, forbidden, spaces, NFC."""
    if not value.strip():
        return "must not be empty"
    forbidden = forbidden_in(value, multiline=multiline)
    if forbidden is not None:
        return forbidden
    if value != value.strip():
        return "must not start or end with white space"
    return "must be in Unicode normal form NFC"


# Long text too, which the rule reads in bulk where it is Latin-1.
edgy_or_long = edgy | st.builds(
    "".join, st.tuples(edgy, st.text("abcæøå \u00e9", min_size=64, max_size=80), edgy)
)


@pytest.mark.property
@given(edgy_or_long, st.booleans())
def test_unclean_text_is_told_its_first_fault(value: str, multiline: bool) -> None:  # noqa: FBT001
    if is_clean(value, multiline=multiline):
        return
    with pytest.raises(ValidationError) as caught:
        check_text(value, "f", multiline=multiline)
    assert caught.value.message == text_problem(value, multiline=multiline)


def test_a_value_of_another_type_is_not_text() -> None:
    with pytest.raises(ValidationError) as caught:
        check_text(3, "f")
    assert caught.value.message == "must be text, not int"


def test_there_is_nothing_to_say_of_a_value_that_passes() -> None:
    with pytest.raises(ValueError, match=r"passes <integer validator 0\.\.9>"):
        v.integer(0, 9).problem(5)


def test_a_check_names_each_object_once_and_writes_ints_and_text_as_they_are() -> None:
    names: dict[str, object] = {}
    check = Check(
        "value in allowed or value == fallback or value[:most] in allowed",
        "is not allowed",
        {"allowed": frozenset({"a"}), "fallback": "b", "most": 3},
    )
    written = check.written("x", object, binder(names))
    assert written == "(x in _n0 or x == 'b' or x[:3] in _n0)"
    assert names == {"_n0": frozenset({"a"})}


def test_a_check_binds_an_enum_member_rather_than_writing_its_repr() -> None:
    names: dict[str, object] = {}
    check = Check("value is winner", "is not the winner", {"winner": Standing.WINNER})
    assert check.written("x", object, binder(names)) == "x is _n0"
    assert names == {"_n0": Standing.WINNER}


def test_a_check_of_the_type_is_left_out_where_the_type_is_known() -> None:
    rule = v.integer(0, 9)
    assert rule.expression("n", int, binder({})) == "0 <= n <= 9"
    assert rule.expression("n", object, binder({})) == "(type(n) is int and 0 <= n <= 9)"


def kommunenummer_problem(value: str) -> str | None:
    """What is wrong with the form of a kommunenummer, written out one part at a time."""
    counties = {county.number for county in COUNTIES}
    if len(value) != 4 or any(c not in "0123456789" for c in value):
        return f"must be four digits 0-9, not {value!r}"
    if value[2:] == "00":
        return f"{value!r} has no municipality part (it ends in 00)"
    if value[:2] not in counties:
        return f"{value!r} starts with {value[:2]}, which is no county number"
    return None


@pytest.mark.property
@given(st.text(st.sampled_from("0123456789\uff10\u0660x"), max_size=5))
def test_a_kommunenummer_has_its_form_exactly_when_each_part_does(value: str) -> None:
    expected = kommunenummer_problem(value)
    assert KOMMUNENUMMER.passes(value) is (expected is None)
    assert compile_test(KOMMUNENUMMER.expression, str)(value) is (expected is None)
    if expected is not None:
        assert KOMMUNENUMMER.problem(value) == ("", expected)
