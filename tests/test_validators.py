from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from innovasjonspris import ValidationError
from innovasjonspris import _validators as v
from innovasjonspris._text import check_text


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
