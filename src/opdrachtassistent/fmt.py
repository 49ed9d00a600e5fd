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
    """€ 2.500.000, with cents only when there are any (€ 1.250,50)."""
    cents = round(amount * 100)
    whole, rest = divmod(cents, 100)
    text = f"{whole:,}".replace(",", ".")
    return f"€ {text},{rest:02d}" if rest else f"€ {text}"


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
