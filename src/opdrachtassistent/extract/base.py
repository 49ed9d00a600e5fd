"""The extraction interface: what a piece of free text says about the commission.

Both the offline Dutch rules (`rules.py`) and the optional LLM extractor implement
`Extractor`; the interview only sees `Extraction`, so it never knows which one ran.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from opdrachtassistent.commission import Level, SectionKey, Stakeholder, Theme


class Extraction(BaseModel):
    """Values found in one text. None or an empty list means: the text does not say."""

    model_config = ConfigDict(allow_inf_nan=False)  # as the commission it is merged into

    title: str | None = None
    context: str | None = None
    goal_statement: str | None = None
    goal_results: list[str] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    commissioner: str | None = None
    level: Level | None = None
    decision_space: str | None = None
    escalation: str | None = None
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    budget_eur: float | None = None
    capacity_fte: float | None = None
    deadline: date | None = None
    start: date | None = None
    funding: str | None = None
    frameworks: list[str] = Field(default_factory=list)
    instruments: list[str] = Field(default_factory=list)
    organisation: str | None = None
    # Choices the text leaves to a person (two budgets, two completion dates), as Dutch
    # questions: the value taken is the one the text marks as the main one.
    open_questions: list[str] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(bool(v) or v == 0 for k, v in self.model_dump().items() if v is not None)


class Extractor(Protocol):
    """Reads free Dutch text; `section` is the section the text answers, when known."""

    def extract(self, text: str, *, section: SectionKey | None = None) -> Extraction: ...


class QuestionBrief(BaseModel):
    """What the interview's policy tells a model that may phrase the next question: the
    sections it may ask about (the current one first), what each still lacks, what is
    known, and the passages behind the question. All of it is sent as data."""

    candidates: list[SectionKey]
    missing: dict[SectionKey, list[str]] = Field(default_factory=dict)
    known: str = ""
    passages: list[str] = Field(default_factory=list)


class PhrasedQuestion(BaseModel):
    """A question a model proposes; used only when it is about the section the policy asks."""

    section: SectionKey
    text: str


@runtime_checkable
class TurnExtractor(Protocol):
    """An extractor that also phrases the next question, in the same call (a model)."""

    def extract(self, text: str, *, section: SectionKey | None = None) -> Extraction: ...

    def extract_turn(
        self, text: str, *, section: SectionKey | None, brief: QuestionBrief
    ) -> tuple[Extraction, PhrasedQuestion | None]: ...
