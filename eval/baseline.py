"""The naive baseline: a fixed form with one question per section, answers stored raw.

It plays through the same runner as the real `Interview` (same `opening`/`answer`/
`commission`/`complete` surface), so both are measured identically. It never parses:
numbers, dates, level and themes stay empty; a whole answer becomes the commissioner,
the one stakeholder, the funding text, the single framework or instrument.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from opdrachtassistent.commission import SECTIONS, Commission, Stakeholder

QUESTIONS: dict[str, str] = {
    "context": "Wat is de aanleiding en de opgave?",
    "goal": "Wat is het doel en wat moet het opleveren?",
    "mandate": "Wie is opdrachtgever en wat is het mandaat?",
    "stakeholders": "Wie zijn de stakeholders?",
    "resources": "Welk budget, welke capaciteit en welke deadline zijn er?",
    "frameworks": "Binnen welke kaders moet het gebeuren?",
    "instruments": "Welke instrumenten zet u in?",
    "organisation": "Hoe organiseert u het werk?",
}


@dataclass(frozen=True)
class BaselineTurn:
    message: str
    asking: str | None
    completeness: float
    sources: list[str] = field(default_factory=list)
    follow_up: bool = False


class BaselineInterview:
    """Asks the eight sections in a fixed order, then the confirmation; stores raw text."""

    def __init__(self) -> None:
        self.commission = Commission()
        self.complete = False
        self._queue: list[str] = [*SECTIONS, "confirm"]
        self._asking: str | None = None

    def _next(self) -> BaselineTurn:
        self._asking = self._queue.pop(0) if self._queue else None
        if self._asking == "confirm":
            message = "Klopt deze samenvatting?"
        elif self._asking is None:
            message = "Dank u wel."
        else:
            message = QUESTIONS[self._asking]
        return BaselineTurn(message, self._asking, self.commission.completeness().fraction)

    def opening(self) -> BaselineTurn:
        return self._next()

    def answer(self, text: str) -> BaselineTurn:
        store(self.commission, self._asking, text)
        if self._asking == "confirm":
            self.complete = True
        return self._next()


def store(c: Commission, section: str | None, text: str) -> None:
    """Put the raw answer in the one slot a naive form has for this section."""
    match section:
        case "context":
            c.context = text
        case "goal":
            c.goal.statement = text
        case "mandate":
            c.mandate.commissioner = text
        case "stakeholders":
            c.stakeholders = [Stakeholder(name=text)]
        case "resources":
            c.resources.funding = text
        case "frameworks":
            c.frameworks = [text]
        case "instruments":
            c.instruments = [text]
        case "organisation":
            c.organisation = text
        case _:
            pass


def draft(text: str) -> Commission:
    """The baseline for notes: the whole note becomes the context, nothing is parsed."""
    return Commission(context=text)
