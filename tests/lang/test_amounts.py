"""Amounts a budget cannot be (negative, overflowing, absurd) and the choice between two
amounts a council proposal or budget paragraph names."""

from __future__ import annotations

import pytest

from opdrachtassistent.lang.nl import (
    amount_alternatives,
    bad_amounts,
    bad_fte,
    bad_values,
    parse_amount_eur,
)


@pytest.mark.parametrize(
    ("text", "quote", "problem"),
    [
        ("budget: -300 euro", "-300 euro", "negative"),
        ("Het krediet wordt bijgesteld naar EUR -2,5 mln.", "-2,5 mln", "negative"),
        ("Beschikbaar: € -400.000", "€ -400.000", "negative"),
        ("We houden min 300 euro over als budget.", "min 300 euro", "negative"),
        ("Het budget is 2e308 miljoen.", "2e308 miljoen", "too_large"),
        ("budget 1234567890123456789012345678901234567890 euro", None, "too_large"),
        (
            "Voor de herinrichting is 900 miljard euro gereserveerd.",
            "900 miljard euro",
            "too_large",
        ),
    ],
)
def test_unusable_amounts_are_reported(text: str, quote: str | None, problem: str) -> None:
    found = bad_amounts(text)
    assert [b.problem for b in found] == [problem]
    assert found[0].field == "budget_eur"
    if quote:
        assert found[0].quote == quote
    assert parse_amount_eur(text) is None


def test_a_bare_overflowing_number_counts_only_when_money_was_asked() -> None:
    assert bad_amounts("5e400") == []
    assert [b.problem for b in bad_amounts("5e400", about_money=True)] == ["too_large"]


@pytest.mark.parametrize(
    "text",
    [
        "- 300 euro voor de bewonersavond",  # a bullet, not a minus
        "Het budget ligt tussen 2-3 miljoen.",  # a range
        "GRP 2025-2027: € 3 miljoen voor vervanging.",
        "Het krediet van € 12.345.678.901,50 voor de Zuidas-tunnel.",
        "De Maasboulevard kost € 4,2 miljoen, waarvan € 1,1 miljoen subsidie.",
    ],
)
def test_ordinary_amounts_are_not_reported(text: str) -> None:
    assert bad_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "main", "others"),
    [
        (
            "Het college stelt een krediet van € 4,2 miljoen beschikbaar, waarvan € 1,1 miljoen "
            "een bijdrage van de provincie is.",
            4_200_000,
            [1_100_000],
        ),
        (
            "De kosten werden eerder geraamd op € 3 miljoen; het beschikbare krediet is nu "
            "€ 3,8 miljoen.",
            3_800_000,
            [3_000_000],
        ),
        (
            "Begroting: gemeente € 900.000, waterschap € 300.000, in totaal € 1,2 miljoen.",
            1_200_000,
            [900_000, 300_000],
        ),
        ("Budget 2 miljoen voor 200 bomen en 1,5 fte.", 2_000_000, []),
    ],
)
def test_the_main_amount_and_the_others(text: str, main: float, others: list[float]) -> None:
    assert parse_amount_eur(text) == main
    assert sorted(amount_alternatives(text)) == sorted(others)


@pytest.mark.parametrize(
    ("text", "quote", "problem"),
    [
        ("-2 fte", "-2 fte", "negative_fte"),
        ("capaciteit: 99999 fte", "99999 fte", "too_many_fte"),
        ("5e400 fte", "5e400 fte", "too_many_fte"),
        ("1234567890123456789012345678901234567890 fte", None, "too_many_fte"),
        ("de capaciteit is 5e400", "5e400", "too_many_fte"),
        ("capaciteit: -3", "-3", "negative_fte"),
    ],
)
def test_unusable_capacities_are_reported_as_capacity(
    text: str, quote: str | None, problem: str
) -> None:
    found = bad_values(text, about_money=True)
    assert [(b.field, b.problem) for b in found] == [("capacity_fte", problem)]
    if quote:
        assert found[0].quote == quote


@pytest.mark.parametrize("text", ["2,5 fte", "1.000 fte", "2 à 3 fte", "- 2 fte projectleider"])
def test_usable_capacities_are_not_reported(text: str) -> None:
    assert bad_fte(text) == []
