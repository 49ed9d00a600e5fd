"""What an answer asks the interview to do, as typed commands.

`understand.py` reads an answer into commands; the policy in `interview.py` applies them.
Keeping the two apart means the reading can be tested, and replaced, on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from opdrachtassistent.commission import SectionKey
from opdrachtassistent.extract.base import Extraction


@dataclass(frozen=True)
class SetValue:
    """The answer gives a value for a field (a name in `fields.FIELDS`)."""

    field: str
    value: object


@dataclass(frozen=True)
class CorrectValue:
    """The answer corrects a value given before ("het budget is toch 4 miljoen")."""

    field: str
    value: object


@dataclass(frozen=True)
class Skip:
    """ "Weet ik niet", "sla over", "later": leave the section open for now."""

    section: SectionKey


@dataclass(frozen=True)
class AskAgain:
    """ "Ja" to "weet u het nu?" when a left-open section comes back: ask for it once."""

    section: SectionKey


@dataclass(frozen=True)
class Confirm:
    """The summary is confirmed."""


@dataclass(frozen=True)
class Vague:
    """The answer is too vague to be one ("iets met water"), whatever else it gave."""


@dataclass(frozen=True)
class Refuse:
    """The answer gives a value that cannot be used ("budget: -300 euro", "30 februari"):
    nothing of the answer is taken, and the value is asked for again."""

    field: str
    quote: str
    problem: str


Command = SetValue | CorrectValue | Skip | AskAgain | Confirm | Vague | Refuse
Value = SetValue | CorrectValue


def values(commands: Iterable[Command]) -> list[Value]:
    return [c for c in commands if isinstance(c, SetValue | CorrectValue)]


def as_extraction(commands: Iterable[Command]) -> Extraction:
    """The values of the commands as one extraction, for the merge."""
    return Extraction.model_validate({c.field: c.value for c in values(commands)})


def refusals(commands: Iterable[Command]) -> list[Refuse]:
    return [c for c in commands if isinstance(c, Refuse)]


def is_correction(commands: Iterable[Command]) -> bool:
    return any(isinstance(c, CorrectValue) for c in commands)


def from_extraction(e: Extraction, *, correction: bool) -> list[Command]:
    """One command per field the extraction filled, in the order of the fields."""
    kind = CorrectValue if correction else SetValue
    found: list[Command] = []
    for name in Extraction.model_fields:
        value = getattr(e, name)
        if value is None or value == "" or value == []:
            continue
        found.append(kind(name, value))
    return found
