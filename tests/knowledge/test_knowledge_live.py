"""The app's knowledge base (`LiveRetriever`) never fails a turn nor makes one wait, and the
sources of a question depend only on its section and the set of themes (issue 14, 3 and 10).

Real Chroma stores in tmp_path; the fake embedder only keeps the index builds fast.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

from tests.support.app_process import free_port

from opdrachtassistent.commission import SECTIONS, THEMES, Commission
from opdrachtassistent.dialogue import texts, why
from opdrachtassistent.knowledge.search import KnowledgeBase, index_dir
from opdrachtassistent.knowledge.testing import FakeEmbedder
from opdrachtassistent.services import LiveRetriever

QUESTIONS = [why.question(s) for s in SECTIONS]
THEME_WORDS = [why.theme_word(t) for t in THEMES]


def _live(data_dir: Path, *, chroma_url: str | None = None, retry_s: float = 30.0) -> LiveRetriever:
    embedder = FakeEmbedder()
    return LiveRetriever(
        lambda: KnowledgeBase.open(data_dir, chroma_url=chroma_url, embedder=embedder),
        questions=QUESTIONS,
        themes=THEME_WORDS,
        index_dir=None if chroma_url else index_dir(data_dir),
        retry_s=retry_s,
    )


def _commission(themes: tuple[str, ...]) -> Commission:
    c = Commission()
    c.goal.themes = list(themes)  # type: ignore[arg-type]
    return c


def test_question_sources_do_not_depend_on_theme_order(tmp_path: Path) -> None:
    kb = KnowledgeBase.open(tmp_path, embedder=FakeEmbedder())
    kb.prepare_questions(QUESTIONS, THEME_WORDS)
    chosen = ("riolering", "groen", "mobiliteit", "water")
    for section in ("goal", "stakeholders", "frameworks"):
        seen = {
            tuple(p.id for p in why.sources(kb, section, _commission(order)))
            for order in itertools.permutations(chosen)
        }
        assert len(seen) == 1 and len(next(iter(seen))) == 3
    # duplicates and order in the text query are gone too
    assert why.query("goal", _commission(("water", "groen", "water"))) == why.query(
        "goal", _commission(("groen", "water"))
    )


def test_prepared_question_embeds_nothing_on_the_turn(tmp_path: Path) -> None:
    embedder = FakeEmbedder()
    kb = KnowledgeBase.open(tmp_path, embedder=embedder)
    kb.prepare_questions(QUESTIONS, THEME_WORDS)
    before = len(embedder.queries)
    for section in SECTIONS:
        assert why.sources(kb, section, _commission(("riolering", "verkeersveiligheid")))
    assert len(embedder.queries) == before


def _damage(data_dir: Path) -> None:
    kb = KnowledgeBase.open(data_dir, embedder=FakeEmbedder())
    kb.ensure_ready()
    with (index_dir(data_dir) / "chroma.sqlite3").open("r+b") as fh:
        fh.write(os.urandom(8192))


def test_damaged_index_gives_no_sources_a_notice_and_is_rebuilt(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _damage(data)
    live = _live(data)
    assert live.question_sources(QUESTIONS[0], ["water"], section="context") == []
    assert live.search("riolering") == [] and live.get("x") is None
    assert live.wait_ready(120)
    assert live.notice == ""
    assert live.question_sources(QUESTIONS[0], ["water"], section="context")
    assert list(data.glob("chroma.beschadigd-*"))  # set aside, not deleted


def test_failure_mid_run_drops_the_index_and_rebuilds_in_the_background(tmp_path: Path) -> None:
    data = tmp_path / "data"
    live = _live(data)
    assert live.wait_ready(120)
    assert live.search("riolering")
    kb = live._kb
    assert kb is not None

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk I/O error")

    kb.store.query = broken  # type: ignore[method-assign]  # the store fails under the app
    kb.store.get = broken  # type: ignore[method-assign]
    assert live.search("iets anders") == []
    assert live.notice in ("", texts.SOURCES_REBUILDING, texts.SOURCES_UNAVAILABLE)
    assert live.wait_ready(120)
    assert live.search("iets anders")


def test_deleted_index_does_not_make_the_first_question_wait(tmp_path: Path) -> None:
    live = _live(tmp_path / "fresh")
    started = time.perf_counter()
    first = live.question_sources(QUESTIONS[0], [], section="context")
    waited = time.perf_counter() - started
    assert waited < 0.5, waited
    if not first:  # still building: said so in Dutch
        assert live.notice in ("", texts.SOURCES_REBUILDING)
    assert live.wait_ready(120)
    assert live.question_sources(QUESTIONS[0], [], section="context")


def test_unreachable_server_gives_no_sources_and_a_notice(tmp_path: Path) -> None:
    live = _live(tmp_path, chroma_url=f"http://127.0.0.1:{free_port()}")
    assert live.question_sources(QUESTIONS[0], ["water"]) == []
    deadline = time.monotonic() + 30
    while live.state != "failed" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert live.state == "failed" and live.notice == texts.SOURCES_RETRYING
    assert live.search("riolering") == [] and live.get("x") is None
