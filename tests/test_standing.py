"""Standing: equal to its value and compared as it, ranked by rank, labelled in nb, nn and en."""

from __future__ import annotations

import operator
import pickle
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factories import award_round, citation
from innovasjonspris import Standing, ValidationError
from innovasjonspris.formatting import format_standing
from innovasjonspris.serialization import from_dict, from_json, to_dict, to_json


def test_a_standing_is_its_value() -> None:
    assert operator.eq(Standing.WINNER, "winner")
    assert operator.eq("honourable_mention", Standing.HONOURABLE_MENTION)
    assert operator.ne(Standing.FINALIST, "winner")
    assert str(Standing.FINALIST) == "finalist"
    assert f"{Standing.FINALIST}" == "finalist"
    assert {"winner": 1}[Standing.WINNER] == 1
    assert Standing("finalist") is Standing.FINALIST
    assert isinstance(Standing.WINNER, str)


def test_the_rank_puts_the_winner_first() -> None:
    assert [standing.rank for standing in Standing] == [1, 2, 3]
    by_rank = sorted(Standing, key=lambda standing: standing.rank, reverse=True)
    assert by_rank == [Standing.HONOURABLE_MENTION, Standing.FINALIST, Standing.WINNER]
    assert min(Standing, key=lambda standing: standing.rank) is Standing.WINNER


def test_standings_compare_as_their_values() -> None:
    # By rank the winner would come first; as text "winner" comes after "finalist".
    assert not operator.lt(Standing.WINNER, "finalist")
    assert operator.gt(Standing.WINNER, Standing.FINALIST)
    assert operator.lt("finalist", Standing.WINNER)
    assert sorted(Standing) == [
        Standing.FINALIST,
        Standing.HONOURABLE_MENTION,
        Standing.WINNER,
    ]
    assert min(Standing) is Standing.FINALIST


COMPARISONS = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
STANDING_OR_TEXT = (
    st.sampled_from(Standing) | st.sampled_from([s.value for s in Standing]) | st.text()
)


@pytest.mark.property
@given(STANDING_OR_TEXT, STANDING_OR_TEXT, st.sampled_from(sorted(COMPARISONS)))
def test_a_comparison_agrees_with_the_comparison_of_the_values(
    left: str, right: str, symbol: str
) -> None:
    compare = COMPARISONS[symbol]
    assert compare(left, right) is compare(str(left), str(right))


@pytest.mark.property
@given(st.lists(STANDING_OR_TEXT))
def test_sorting_agrees_with_sorting_the_values(items: list[str]) -> None:
    assert [str(item) for item in sorted(items)] == sorted(str(item) for item in items)


@pytest.mark.property
@given(st.lists(st.sampled_from(Standing)))
def test_sorting_by_rank_puts_winners_then_finalists_then_mentions(
    standings: list[Standing],
) -> None:
    ranked = sorted(standings, key=lambda standing: standing.rank)
    order = (Standing.WINNER, Standing.FINALIST, Standing.HONOURABLE_MENTION)
    assert ranked == [standing for standing in order for _ in range(standings.count(standing))]


@pytest.mark.parametrize("other", [1, None, 2.5, b"winner"])
@pytest.mark.parametrize("symbol", ["<", "<=", ">", ">="])
def test_ordering_against_other_types_is_a_type_error(other: object, symbol: str) -> None:
    with pytest.raises(TypeError):
        COMPARISONS[symbol](Standing.WINNER, cast("Any", other))
    with pytest.raises(TypeError):
        COMPARISONS[symbol](cast("Any", other), Standing.WINNER)
    assert operator.ne(Standing.WINNER, other)


@pytest.mark.parametrize("standing", list(Standing))
def test_standings_pickle_and_round_trip(standing: Standing) -> None:
    assert pickle.loads(pickle.dumps(standing)) is standing  # noqa: S301 - our own bytes
    award = award_round(
        citations=(
            citation(),
            citation("1516", "Ulstein", standing, ()),
        )
        if standing is not Standing.WINNER
        else (citation(),)
    )
    again = from_json(to_json(award))
    assert again == award
    assert again.citations[-1].standing is standing
    assert f'"standing":"{standing.value}"' in to_json(award).replace(" ", "")


@pytest.mark.parametrize(
    ("locale", "labels"),
    [
        ("nb", ("vinner", "finalist", "hederlig omtale")),
        ("nn", ("vinnar", "finalist", "heiderleg omtale")),
        ("en", ("winner", "finalist", "honourable mention")),
        ("nb_NO", ("vinner", "finalist", "hederlig omtale")),
        ("en_GB", ("winner", "finalist", "honourable mention")),
    ],
)
def test_labels_in_three_languages(locale: str, labels: tuple[str, str, str]) -> None:
    assert tuple(format_standing(s, locale=locale) for s in Standing) == labels
    assert tuple(format_standing(s.value, locale=locale) for s in Standing) == labels


def test_the_default_label_is_bokmaal() -> None:
    assert format_standing(Standing.WINNER) == "vinner"


@pytest.mark.parametrize("value", [None, 1, b"winner", ["winner"]])
def test_a_label_of_something_else_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="must be a Standing or its value"):
        format_standing(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["second", "Winner", "honourable mention", "x" * 1000])
def test_a_label_of_an_unknown_value_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="must be one of 'winner'") as caught:
        format_standing(value)
    assert caught.value.field == "standing"
    assert len(caught.value.message) < 200


@pytest.mark.parametrize("locale", ["xx", "de"])
def test_a_label_in_an_unknown_locale_is_refused(locale: object) -> None:
    with pytest.raises(ValidationError) as caught:
        format_standing(Standing.WINNER, locale=locale)  # type: ignore[arg-type]
    assert caught.value.field == "locale"


def test_a_locale_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"^locale must be"):
        format_standing(Standing.WINNER, locale=7)  # type: ignore[arg-type]


def test_a_round_lists_its_honourable_mentions() -> None:
    mentioned = citation("1516", "Ulstein", Standing.HONOURABLE_MENTION, ())
    finalist = citation("1246", "Fjell", Standing.FINALIST, ())
    award = award_round(citations=(mentioned, citation(), finalist))
    assert award.honourable_mentions == (mentioned,)
    assert award.finalists == (finalist,)
    assert award.winner.standing is Standing.WINNER
    assert award_round().honourable_mentions == ()


def test_data_holds_a_standing_as_plain_text() -> None:
    document = to_dict(award_round())
    assert [type(c["standing"]) for c in document["citations"]] == [str, str, str]
    assert document["citations"][0]["standing"] == "winner"
    assert from_dict(document) == award_round()
