"""Wiring: the offline default, and the retrieval cache the interview relies on for speed."""

from __future__ import annotations

from pathlib import Path

from opdrachtassistent.config import Settings
from opdrachtassistent.dialogue.interview import Interview
from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.passages import Passage
from opdrachtassistent.services import CachingRetriever, build_services


class CountingRetriever:
    """A retriever at the outer boundary that counts how often it is really asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []
        self.extra = "reachable through the cache"

    def search(self, query: str, *, k: int = 3, section: str | None = None) -> list[Passage]:
        self.calls.append((query, section))
        return [Passage(id=f"p{i}", text=query, title="T", source="S") for i in range(k)]

    def get(self, passage_id: str) -> Passage | None:
        return Passage(id=passage_id, text="", title="T", source="S")


def test_cache_answers_repeated_questions_once() -> None:
    inner = CountingRetriever()
    cached = CachingRetriever(inner, size=2)
    first = cached.search("vraag", k=2, section="goal")
    first[0].score = 99  # callers cannot change what the cache holds
    again = cached.search("vraag", k=2, section="goal")
    assert len(inner.calls) == 1 and again[0].score == 0.0
    cached.search("andere vraag")
    cached.search("derde vraag")
    cached.search("vraag", k=2, section="goal")  # evicted by size=2: asked again
    assert len(inner.calls) == 4
    assert cached.get("x") is not None
    assert cached.extra == "reachable through the cache"


def test_interview_sources_come_from_the_retriever_and_repeat_from_cache() -> None:
    inner = CountingRetriever()
    cached = CachingRetriever(inner)
    for _ in range(2):
        it = Interview(retriever=cached)
        turn = it.opening()
        assert turn.sources and turn.sources[0].title == "T"
        it.answer("De riolering in de Kerkstraat is op en de straat loopt onder.")
    assert len(inner.calls) == 2  # two different questions, each embedded once


def test_default_services_are_offline(tmp_path: Path) -> None:
    services = build_services(Settings(data_dir=tmp_path))
    assert isinstance(services.extractor, RulesExtractor)
    assert not services.settings.llm_enabled
