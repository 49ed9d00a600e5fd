""" "Waarom vraag ik dit?" is built once (dialogue/why.py): the interview and the console
chat ask the knowledge base the same question."""

from __future__ import annotations

from opdrachtassistent.commission import SectionKey
from opdrachtassistent.dialogue import texts, why
from opdrachtassistent.dialogue.interview import Interview
from opdrachtassistent.passages import Passage


class RecordingRetriever:
    def __init__(self) -> None:
        self.queries: list[tuple[str, int, str | None]] = []

    def search(self, query: str, *, k: int = 5, section: str | None = None) -> list[Passage]:
        self.queries.append((query, k, section))
        return []


def test_the_interview_asks_what_why_builds() -> None:
    retriever = RecordingRetriever()
    interview = Interview(retriever=retriever)
    interview.opening()
    interview.answer("Het riool in de wijk is op en er is veel wateroverlast bij buien.")
    asking = interview.asking
    assert asking is not None and asking != "confirm"
    section: SectionKey = asking
    query, k, searched = retriever.queries[-1]
    assert (query, k, searched) == (why.query(section, interview.commission), 3, section)
    assert "riolering" in query
    assert why.sources(retriever, section, interview.commission) == []
    assert retriever.queries[-1] == retriever.queries[-2]


def test_every_section_has_a_reason() -> None:
    assert set(texts.WHY) == set(texts.QUESTIONS)
    assert why.reason("mandate") == texts.WHY["mandate"]
