"""Wires the pure core to its adapters, chosen from the settings: the only place that does.

Adapters are built lazily, so a command that needs no knowledge store (a terminal chat
without sources, drafting) never pays for loading one.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from functools import cached_property
from typing import TYPE_CHECKING, Any

from opdrachtassistent.commission import Commission
from opdrachtassistent.config import Settings, set_offline_switches
from opdrachtassistent.dialogue.interview import Interview, InterviewState
from opdrachtassistent.extract.base import Extractor
from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.passages import Passage, Retriever

if TYPE_CHECKING:
    from opdrachtassistent.knowledge.search import KnowledgeBase
    from opdrachtassistent.reviewing.checks import Review

log = logging.getLogger(__name__)


class CachingRetriever:
    """Remembers recent searches: the interview asks the same questions in every session,
    and embedding a query costs milliseconds that a turn should not pay twice."""

    def __init__(self, inner: Retriever, *, size: int = 512) -> None:
        self.inner = inner
        self._size = size
        self._cache: OrderedDict[tuple[str, int, str | None], list[Passage]] = OrderedDict()
        self._lock = threading.Lock()

    def search(self, query: str, *, k: int = 3, section: str | None = None) -> list[Passage]:
        key = (query, k, section)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return [p.model_copy() for p in self._cache[key]]
        found = self.inner.search(query, k=k, section=section)
        with self._lock:
            self._cache[key] = found
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return [p.model_copy() for p in found]

    def get(self, passage_id: str) -> Passage | None:
        return self.inner.get(passage_id)

    def __getattr__(self, name: str) -> Any:
        """Everything else (ingest, get, warnings, ...) goes to the wrapped store."""
        return getattr(self.inner, name)


class Services:
    """The adapters one process uses: extractor, retriever, and what is built on them."""

    def __init__(self, settings: Settings) -> None:
        set_offline_switches()
        self.settings = settings

    @cached_property
    def extractor(self) -> Extractor:
        if self.settings.llm_enabled:
            from opdrachtassistent.extract.llm import LLMExtractor

            return LLMExtractor(self.settings, fallback=RulesExtractor())
        return RulesExtractor()

    @cached_property
    def knowledge_base(self) -> KnowledgeBase:
        """The store itself, for ingest and search commands that need more than a Retriever."""
        from opdrachtassistent.knowledge.search import KnowledgeBase

        return KnowledgeBase.open(
            self.settings.data_dir,
            chroma_url=self.settings.chroma_url,
            corpus_dir=self.settings.corpus_dir,
        )

    @cached_property
    def retriever(self) -> Retriever:
        return CachingRetriever(self.knowledge_base)

    def new_interview(self, *, with_sources: bool = True) -> Interview:
        return Interview(
            extractor=self.extractor, retriever=self.retriever if with_sources else None
        )

    def resume_interview(self, state: InterviewState, *, with_sources: bool = True) -> Interview:
        return Interview.from_state(
            state,
            extractor=self.extractor,
            retriever=self.retriever if with_sources else None,
        )

    def draft(self, text: str, *, document: str | None = None) -> Commission:
        """A draft commission from notes, read by the configured extractor (LLM or rules);
        `document` is the file the text came from, recorded in the provenance."""
        from opdrachtassistent.drafting.notes import draft

        return draft(text, extractor=self.extractor, document=document)

    def review(self, commission: Commission) -> Review:
        from opdrachtassistent.reviewing.checks import review

        return review(commission, retriever=self.retriever)


def build_services(settings: Settings | None = None) -> Services:
    return Services(settings or Settings())


_default: Services | None = None


def default_retriever() -> Retriever:
    """The retriever over the built-in corpus in the default data directory (lazily built)."""
    global _default
    if _default is None:
        _default = build_services()
    return _default.retriever
