"""Small text helpers of the review: fill a `Wording`, join and quote lists, read free text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from opdrachtassistent.reviewing.model import OTHER, Wording

Value = str | int


def fill(wording: Wording, values: Mapping[str, Value]) -> str:
    """The text with its slots filled: each choice picks its word by the value it is on."""
    slots: dict[str, Value] = dict(values)
    for name, choice in wording.choices.items():
        value = values[choice.on]
        slots[name] = choice.words.get(value, choice.words.get(OTHER, str(value)))
    return wording.text.format_map(slots)


def join(items: Iterable[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    seq = list(items)
    if len(seq) <= 1:
        return "".join(seq)
    return ", ".join(seq[:-1]) + " en " + seq[-1]


def quoted(questions: list[str]) -> str:
    """The first three questions in quotes, then '...' if there are more."""
    return "; ".join(f"'{q}'" for q in questions[:3]) + ("; ..." if len(questions) > 3 else "")


def theme_label(theme: str) -> str:
    return theme.replace("_", " ")


def text(value: str | None) -> str:
    return (value or "").strip()


def words(value: str | None) -> int:
    return len(text(value).split())
