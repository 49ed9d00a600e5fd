"""The built-in corpus: enough passages, complete citations, valid keys, valid cited ids."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import opdrachtassistent
from opdrachtassistent.knowledge.chunking import Chunk, chunk_file
from opdrachtassistent.knowledge.corpus import (
    SECTION_KEYS,
    THEMES,
    builtin_corpus_dir,
    corpus_files,
    parse_front_matter,
)


@pytest.fixture(scope="module")
def chunks() -> list[Chunk]:
    result: list[Chunk] = []
    for path in corpus_files():
        result.extend(chunk_file(path, doc_key=path.stem).chunks)
    return result


def test_the_built_in_corpus_is_package_data() -> None:
    root = builtin_corpus_dir()
    assert (root / "knelpunten.md").is_file()
    assert root.is_relative_to(Path(opdrachtassistent.__file__).parent)


def test_at_least_sixty_passages_with_unique_ids(chunks: list[Chunk]) -> None:
    assert len(chunks) >= 60
    duplicates = [i for i, n in Counter(c.id for c in chunks).items() if n > 1]
    assert duplicates == []


def test_every_file_has_title_source_and_valid_keys() -> None:
    for path in corpus_files():
        meta, _ = parse_front_matter(path.read_text(encoding="utf-8"))
        assert meta.title, path.name
        assert len(meta.source) > 20, path.name
        assert meta.sections and set(meta.sections) <= set(SECTION_KEYS), path.name
        assert set(meta.themes) <= set(THEMES), path.name


def test_passages_have_a_readable_length(chunks: list[Chunk]) -> None:
    for chunk in chunks:
        words = len(chunk.text.split())
        assert 40 <= words <= 220, (chunk.id, words)
        assert chunk.heading, chunk.id


def test_every_section_has_a_why_we_ask_passage(chunks: list[Chunk]) -> None:
    """Each section's corpus file explains why the interview asks about it."""
    for section in SECTION_KEYS:
        found = [
            c for c in chunks if section in c.sections and c.heading.startswith("Waarom vragen we")
        ]
        assert found, section
