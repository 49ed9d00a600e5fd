"""Cited knowledge as the core sees it: a passage and the protocol of whatever finds passages.

The core (interview, review) only knows this small interface; the Chroma/BM25 adapter in
`opdrachtassistent.knowledge` implements it, so the core stays pure and testable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, Field


class Passage(BaseModel):
    """One citable piece of the knowledge corpus (or of a document the user added)."""

    id: str = Field(description="Stable id: '<corpus file stem>#<heading slug>' or a content hash.")
    text: str
    title: str = Field(description="Title of the document the passage comes from.")
    source: str = Field(description="Citation: author, publication, where published.")
    heading: str = Field(default="", description="Heading of the passage within its document.")
    score: float = 0.0
    sections: list[str] = Field(
        default_factory=list, description="Section keys of the commission the passage serves."
    )


class Retriever(Protocol):
    """Finds the passages that best support a question or finding."""

    def search(self, query: str, *, k: int = 3, section: str | None = None) -> list[Passage]:
        """Return up to k passages, best first; `section` may narrow or boost by section key."""
        ...

    def get(self, passage_id: str) -> Passage | None:
        """Return one passage by its stable id, or None when it is not in the index."""
        ...


class QuestionRetriever(Retriever, Protocol):
    """A retriever that answers the interview's questions from what it prepared: the sources
    depend only on the question and the set of themes, never on the order they were found."""

    def question_sources(
        self, question: str, themes: Sequence[str], *, k: int = 3, section: str | None = None
    ) -> list[Passage]:
        """Up to k passages for `question` about `themes` (any order), best first."""
        ...
