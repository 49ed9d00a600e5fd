"""Search results: the Retriever shape, section boosting, get(), the citation helpers,
the BM25 index on its own, and retrieval quality with the real model (evaluation set)."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval.corpus_gen import generate_documents
from eval.retrieval import evaluate, load_questions

from opdrachtassistent.knowledge.bm25 import BM25Index, stem, tokenize
from opdrachtassistent.knowledge.corpus import SECTION_KEYS
from opdrachtassistent.knowledge.search import KnowledgeBase
from opdrachtassistent.knowledge.testing import FakeEmbedder
from opdrachtassistent.passages import Passage, Retriever


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("bomen", "boom"),
        ("straten", "straat"),
        ("netbeheerders", "netbeheerder"),
        ("waterschappen", "waterschap"),
        ("budgetten", "budget"),
        ("mogelijkheden", "mogelijkheid"),
        ("Integralië", "integralie"),
    ],
)
def test_dutch_tokens_fold_to_one_form(a: str, b: str) -> None:
    assert tokenize(a) == tokenize(b)


def test_stopwords_are_dropped() -> None:
    tokens = tokenize("Wie moet er bij het riool betrokken worden?")
    assert tokens == [stem("riool"), stem("betrokken")]


def test_bm25_ranks_and_filters() -> None:
    index = BM25Index().build(
        [
            ("a", "Het waterschap beheert het oppervlaktewater."),
            ("b", "De netbeheerder legt kabels en het waterschap kijkt mee."),
            ("c", "Bomen geven schaduw."),
        ]
    )
    assert [doc for doc, _ in index.search("waterschap oppervlaktewater")] == ["a", "b"]
    assert [doc for doc, _ in index.search("waterschap", allowed=["b"])] == ["b"]
    assert index.search("fietsstraat") == []
    assert BM25Index().search("iets") == []


def test_knowledge_base_is_a_retriever(user_kb: KnowledgeBase) -> None:
    retriever: Retriever = user_kb
    assert retriever.get("bestaat#niet") is None


def test_search_results_shape(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    kb = KnowledgeBase.open(tmp_path / "data", embedder=fake_embedder)
    passages = kb.search("Wie betaalt de verlegging van kabels en leidingen?", k=4)
    assert 1 <= len(passages) <= 4
    assert all(isinstance(p, Passage) for p in passages)
    for p in passages:
        assert p.id and "#" in p.id
        assert p.text and p.title and p.source and p.heading
        assert 0.0 < p.score <= 1.0
        assert p.sections and set(p.sections) <= set(SECTION_KEYS)
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert kb.search("   ", k=3) == []
    assert kb.search("riool", k=0) == []


def test_section_boost_prefers_passages_for_that_section(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    kb = KnowledgeBase.open(tmp_path / "data", embedder=fake_embedder)
    query = "goed voorbeeld"
    boosted = kb.search(query, k=3, section="resources")
    assert all("resources" in p.sections for p in boosted)


def test_get_and_citation_helpers(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    kb = KnowledgeBase.open(tmp_path / "data", embedder=fake_embedder)
    passage = kb.get("knelpunten#mandaat-op-het-verkeerde-niveau")
    assert passage is not None
    assert passage.heading == "Mandaat op het verkeerde niveau"
    assert "Stantec" in passage.source
    ids = ["opdracht-doel#waarom-vragen-we-naar-het-doel", "onbekend", passage.id]
    assert [p.id for p in kb.get_many(ids)] == [ids[0], ids[2]]
    assert kb.get("onbekend") is None


def test_generated_bench_documents(tmp_path: Path) -> None:
    paths = generate_documents(tmp_path / "docs", 5)
    assert len(paths) == 5
    assert paths[0].read_text(encoding="utf-8").startswith("# Projectnotitie 0")


# ----------------------------------------------------------------- real model (session index)


def test_retrieval_quality_on_the_evaluation_set(real_kb: KnowledgeBase) -> None:
    questions = load_questions()
    assert len(questions) >= 40
    results = evaluate(real_kb, questions, k=3)
    summary = {m: (r.recall_at_k, r.mrr) for m, r in results.items()}
    print(f"\nrecall@3 / MRR: {summary}")
    assert results["hybrid"].recall_at_k >= 0.85, results["hybrid"].misses
    assert results["dense"].recall_at_k >= 0.75
    assert results["lexical"].recall_at_k >= 0.70


def test_every_eval_expectation_exists(real_kb: KnowledgeBase) -> None:
    for item in load_questions():
        for passage_id in item.acceptable:
            assert real_kb.get(passage_id) is not None, passage_id


@pytest.mark.parametrize(
    ("query", "section", "expected"),
    [
        ("Waarom moet ik dit invullen?", "mandate", "opdracht-mandaat"),
        ("Waarom moet ik dit invullen?", "resources", "opdracht-middelen"),
    ],
)
def test_section_steers_vague_questions(
    real_kb: KnowledgeBase, query: str, section: str, expected: str
) -> None:
    assert real_kb.search(query, k=1, section=section)[0].id.startswith(expected)
