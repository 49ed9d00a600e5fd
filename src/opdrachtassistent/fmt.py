"""Dutch formatting of values, shared by the interview's replies and the renderers."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def euro(amount: float) -> str:
    """€ 2.500.000 (cents only when there are any)."""
    if amount != int(amount):
        whole, cents = f"{amount:,.2f}".split(".")
        return f"€ {whole.replace(',', '.')},{cents}"
    return f"€ {int(amount):,}".replace(",", ".")


def dutch_date(value: date) -> str:
    """31 december 2027."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def number(value: float) -> str:
    """1,5 (Dutch decimal comma, no trailing zeros)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def join_nl(items: list[str]) -> str:
    """'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]
