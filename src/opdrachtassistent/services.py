"""Wires the pure core to its adapters, chosen from the settings: the only place that does.

Adapters are built lazily, so a command that needs no knowledge store (a terminal chat
without sources, drafting) never pays for loading one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from opdrachtassistent.commission import SECTIONS, THEMES, Commission
from opdrachtassistent.config import Settings, set_offline_switches
from opdrachtassistent.dialogue import texts, why
from opdrachtassistent.dialogue.interview import Interview, InterviewState
from opdrachtassistent.extract.base import Extractor
from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.llm.engine import EngineInfo, describe
from opdrachtassistent.passages import Passage, Retriever

if TYPE_CHECKING:
    from opdrachtassistent.knowledge.search import KnowledgeBase
    from opdrachtassistent.llm.client import ModelClient
    from opdrachtassistent.reviewing.checks import Review
    from opdrachtassistent.workflow.service import Workflow

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


KnowledgeState = Literal["idle", "opening", "building", "ready", "failed"]
RETRY_S = 30.0  # after a failed attempt, the next one starts no sooner than this


class LiveRetriever:
    """The app's knowledge base: never raises into a turn and never makes one wait.

    The index is opened (and, when empty or damaged, rebuilt) in one background thread; until
    it is ready, and whenever it fails (a damaged file, an unreachable server, any exception
    of Chroma, SQLite or the network), questions go without sources and `notice` says so in
    Dutch. A failure drops the index and starts a new background attempt (at most one at a
    time, the next no sooner than `retry_s` after a failed one); a damaged embedded index is
    set aside (renamed, never deleted) and built afresh. When that is done, sources return.
    """

    def __init__(
        self,
        open_kb: Callable[[], KnowledgeBase],
        *,
        questions: Sequence[str] = (),
        themes: Sequence[str] = (),
        index_dir: Path | None = None,
        retry_s: float = RETRY_S,
    ) -> None:
        self._open = open_kb
        self._questions = tuple(questions)
        self._themes = tuple(themes)
        self._index_dir = index_dir  # the embedded index; None for a Chroma server
        self._retry_s = retry_s
        self._kb: KnowledgeBase | None = None
        self._cache: CachingRetriever | None = None
        self._state: KnowledgeState = "idle"
        self._failed_at = 0.0
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._ready = threading.Event()

    # -- state ----------------------------------------------------------------------------
    @property
    def state(self) -> KnowledgeState:
        return self._state

    @property
    def notice(self) -> str:
        """The Dutch line for the status bar while questions go without sources, else ''."""
        self._start()
        if self._state == "building":
            return texts.SOURCES_REBUILDING
        if self._state == "failed":
            return texts.SOURCES_RETRYING if self._index_dir is None else texts.SOURCES_UNAVAILABLE
        return ""

    def start(self) -> None:
        """Begin opening the index in the background (nothing happens when under way)."""
        self._start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the index is ready (for scripts and tests; the app never waits)."""
        self._start()
        return self._ready.wait(timeout)

    # -- the Retriever protocol -------------------------------------------------------------
    def search(self, query: str, *, k: int = 3, section: str | None = None) -> list[Passage]:
        kb, cache = self._kb, self._cache
        if kb is None or cache is None:
            self._start()
            return []
        try:
            return cache.search(query, k=k, section=section)
        except Exception as exc:  # any failure of the store: no sources, rebuild in background
            self._broken(kb, exc)
            return []

    def get(self, passage_id: str) -> Passage | None:
        kb = self._kb
        if kb is None:
            self._start()
            return None
        try:
            return kb.get(passage_id)
        except Exception as exc:
            self._broken(kb, exc)
            return None

    def question_sources(
        self, question: str, themes: Sequence[str], *, k: int = 3, section: str | None = None
    ) -> list[Passage]:
        kb = self._kb
        if kb is None:
            self._start()
            return []
        try:
            return kb.question_sources(question, themes, k=k, section=section)
        except Exception as exc:
            self._broken(kb, exc)
            return []

    # -- the background work ----------------------------------------------------------------
    def _start(self) -> None:
        with self._lock:
            if self._state == "ready" or (self._thread is not None and self._thread.is_alive()):
                return
            if self._state == "failed" and time.monotonic() - self._failed_at < self._retry_s:
                return
            if self._state == "idle":
                self._state = "opening"
            self._thread = threading.Thread(target=self._build, name="knowledge", daemon=True)
            self._thread.start()

    def _broken(self, kb: KnowledgeBase, exc: Exception) -> None:
        log.warning("knowledge base failed, questions go without sources: %r", exc)
        with self._lock:
            if self._kb is not kb:
                return  # already dropped
            self._kb, self._cache = None, None
            self._ready.clear()
            self._state, self._failed_at = "failed", 0.0  # retry at once, in the background
        self._start()

    def _build(self) -> None:
        kb: KnowledgeBase | None
        try:
            kb = self._prepare()
        except Exception as exc:
            log.warning("the knowledge base cannot be opened: %r", exc)
            kb = self._rebuild() if self._index_dir is not None else None
        with self._lock:
            if kb is None:
                self._state, self._failed_at = "failed", time.monotonic()
                return
            self._kb, self._cache = kb, CachingRetriever(kb)
            self._state = "ready"
            self._ready.set()
        log.info("knowledge base ready: %d passages", kb.store.count())

    def _prepare(self) -> KnowledgeBase:
        kb = self._open()
        if kb.store.count() == 0:
            self._state = "building"
        kb.prepare_questions(self._questions, self._themes)
        return kb

    def _rebuild(self) -> KnowledgeBase | None:
        """Set the damaged embedded index aside and build a new one; None when that fails."""
        from opdrachtassistent.knowledge.store import release_embedded

        assert self._index_dir is not None
        self._state = "building"
        release_embedded(self._index_dir)
        if self._index_dir.exists():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = self._index_dir.with_name(f"{self._index_dir.name}.beschadigd-{stamp}")
            try:
                self._index_dir.rename(aside)
            except OSError as exc:
                log.error("setting the damaged index %s aside failed: %s", self._index_dir, exc)
                return None
            log.warning("the damaged knowledge index was set aside as %s", aside)
        try:
            return self._prepare()
        except Exception as exc:
            log.error("rebuilding the knowledge base failed: %r", exc)
            return None


class Services:
    """The adapters one process uses: extractor, retriever, and what is built on them."""

    def __init__(self, settings: Settings) -> None:
        set_offline_switches()
        self.settings = settings

    @cached_property
    def engine(self) -> EngineInfo:
        """Which engine answers, for the app's banner and the CLI."""
        return describe(self.settings)

    @cached_property
    def model_client(self) -> ModelClient | None:
        """The one client of the configured language model; None when offline. Drafting,
        the interview and the review share it (and so its usage and the endpoint's breaker)."""
        if not self.settings.llm_enabled:
            return None
        from opdrachtassistent.llm.client import ModelClient

        return ModelClient(self.settings)

    @cached_property
    def extractor(self) -> Extractor:
        if self.model_client is not None:
            from opdrachtassistent.extract.llm import LLMExtractor

            return LLMExtractor(self.settings, fallback=RulesExtractor(), client=self.model_client)
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
        """The knowledge base as the commands use it: opened on first use, errors raised."""
        return CachingRetriever(self.knowledge_base)

    @cached_property
    def live_retriever(self) -> LiveRetriever:
        """The knowledge base as the app uses it: in the background, never failing a turn."""
        from opdrachtassistent.knowledge.embeddings import E5Embedder
        from opdrachtassistent.knowledge.search import KnowledgeBase, index_dir

        embedder = E5Embedder()  # one model for every (re)built index
        settings = self.settings

        def open_kb() -> KnowledgeBase:
            return KnowledgeBase.open(
                settings.data_dir,
                chroma_url=settings.chroma_url,
                corpus_dir=settings.corpus_dir,
                embedder=embedder,
            )

        return LiveRetriever(
            open_kb,
            questions=[why.question(section) for section in SECTIONS],
            themes=[why.theme_word(theme) for theme in THEMES],
            index_dir=None if settings.chroma_url else index_dir(settings.data_dir),
        )

    @cached_property
    def workflow(self) -> Workflow:
        """The review loop (share, comment, approve, versions, audit) over the sessions store
        the settings name; `workflow.store` is that store, for the app to save through."""
        from opdrachtassistent.storage.sessions import open_store
        from opdrachtassistent.workflow.service import Workflow

        return Workflow(open_store(self.settings))

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

    def review(
        self,
        commission: Commission,
        *,
        retriever: Retriever | None = None,
        with_sources: bool = True,
        today: date | None = None,
    ) -> Review:
        """The rule review, its citations from `retriever` (default: the services' knowledge
        base; none with `with_sources=False`) and, when a model is configured, the model's
        remarks on the free texts beside the findings: one call, never raising, and never
        changing the findings, the verdict or `ready`."""
        from opdrachtassistent.reviewing.checks import review

        if with_sources and retriever is None:
            retriever = self.retriever
        result = review(commission, retriever=retriever if with_sources else None, today=today)
        if self.model_client is None:
            return result
        from opdrachtassistent.llm.remarks import model_remarks

        remarks = model_remarks(self.model_client, commission)
        return result.model_copy(update={"model_remarks": remarks}) if remarks else result


def build_services(settings: Settings | None = None) -> Services:
    return Services(settings or Settings())


_default: Services | None = None


def default_retriever() -> Retriever:
    """The retriever over the built-in corpus in the default data directory (lazily built)."""
    global _default
    if _default is None:
        _default = build_services()
    return _default.retriever
