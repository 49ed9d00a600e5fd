"""Where passages and their vectors live: a small `VectorStore` interface over ChromaDB.

`EmbeddedChromaStore` uses `chromadb.PersistentClient` under the data directory;
`HttpChromaStore` talks to a Chroma server (`chromadb.HttpClient`) so several app instances can
share one index. Both disable telemetry and never use Chroma's default embedding function:
vectors are always passed in explicitly.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

import numpy as np
import numpy.typing as npt

from opdrachtassistent.config import set_offline_switches
from opdrachtassistent.errors import KnowledgeError

logger = logging.getLogger(__name__)

MetaValue = str | int | float | bool
Metadata = dict[str, MetaValue]


@dataclass(frozen=True)
class StoredChunk:
    """A row of the store: id, text, metadata and (when asked for) its vector."""

    id: str
    text: str
    metadata: Metadata
    embedding: npt.NDArray[np.float32] | None = None


class VectorStore(Protocol):
    """The few operations the knowledge base needs from a vector database."""

    def upsert(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[Metadata],
        embeddings: npt.NDArray[np.float32],
    ) -> None: ...

    def delete(self, ids: Sequence[str]) -> None: ...

    def get(self, ids: Sequence[str], *, with_embeddings: bool = False) -> list[StoredChunk]: ...

    def find(
        self, where: Mapping[str, MetaValue], *, with_embeddings: bool = False
    ) -> list[StoredChunk]: ...

    def all(self, *, with_embeddings: bool = False) -> list[StoredChunk]: ...

    def query(
        self, embedding: npt.NDArray[np.float32], n: int, *, where: Mapping[str, MetaValue] | None
    ) -> list[tuple[str, float]]:
        """Nearest `n` ids with cosine similarity, best first."""
        ...

    def count(self) -> int: ...


def collection_name(embedder_name: str) -> str:
    """A valid Chroma collection name (3-512 chars, [a-zA-Z0-9._-]) per embedding model."""
    cleaned = re.sub(r"[^a-zA-Z0-9._-]+", "-", f"passages-{embedder_name}").strip("-._")
    return cleaned[:512] if len(cleaned) >= 3 else "passages"


def _settings() -> Any:
    set_offline_switches()
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False)


class ChromaStore:
    """`VectorStore` over any Chroma client (embedded or HTTP): same collection API."""

    def __init__(self, client: Any, name: str) -> None:
        self._client = client
        self.name = name
        self._collection = client.get_or_create_collection(
            name=name, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )

    @staticmethod
    def _rows(result: Mapping[str, Any], with_embeddings: bool) -> list[StoredChunk]:
        ids: list[str] = list(result.get("ids") or [])
        documents = result.get("documents")
        metadatas = result.get("metadatas")
        embeddings = result.get("embeddings") if with_embeddings else None
        rows: list[StoredChunk] = []
        for i, chunk_id in enumerate(ids):
            vector = None
            if embeddings is not None and len(embeddings) > i:
                vector = np.asarray(embeddings[i], dtype=np.float32)
            rows.append(
                StoredChunk(
                    id=chunk_id,
                    text=(documents[i] if documents is not None else "") or "",
                    metadata=dict((metadatas[i] if metadatas is not None else None) or {}),
                    embedding=vector,
                )
            )
        return rows

    def _include(self, with_embeddings: bool) -> list[str]:
        return (
            ["documents", "metadatas", "embeddings"]
            if with_embeddings
            else [
                "documents",
                "metadatas",
            ]
        )

    def upsert(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[Metadata],
        embeddings: npt.NDArray[np.float32],
    ) -> None:
        if not ids:
            return
        self._collection.upsert(
            ids=list(ids),
            documents=list(texts),
            metadatas=[dict(m) for m in metadatas],
            embeddings=np.asarray(embeddings, dtype=np.float32),
        )

    def delete(self, ids: Sequence[str]) -> None:
        if ids:
            self._collection.delete(ids=list(ids))

    def get(self, ids: Sequence[str], *, with_embeddings: bool = False) -> list[StoredChunk]:
        if not ids:
            return []
        result = self._collection.get(ids=list(ids), include=self._include(with_embeddings))
        return self._rows(result, with_embeddings)

    def find(
        self, where: Mapping[str, MetaValue], *, with_embeddings: bool = False
    ) -> list[StoredChunk]:
        result = self._collection.get(where=dict(where), include=self._include(with_embeddings))
        return self._rows(result, with_embeddings)

    def all(self, *, with_embeddings: bool = False) -> list[StoredChunk]:
        rows: list[StoredChunk] = []
        page = 1000
        offset = 0
        while True:
            result = self._collection.get(
                include=self._include(with_embeddings), limit=page, offset=offset
            )
            batch = self._rows(result, with_embeddings)
            rows.extend(batch)
            if len(batch) < page:
                return rows
            offset += page

    def query(
        self, embedding: npt.NDArray[np.float32], n: int, *, where: Mapping[str, MetaValue] | None
    ) -> list[tuple[str, float]]:
        total = self.count()
        if total == 0 or n <= 0:
            return []
        result = self._collection.query(
            query_embeddings=np.asarray(embedding, dtype=np.float32).reshape(1, -1),
            n_results=min(n, total),
            where=dict(where) if where else None,
            include=["distances"],
        )
        ids = (result.get("ids") or [[]])[0]
        distances = (result.get("distances") or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=False)]

    def count(self) -> int:
        return int(self._collection.count())


class EmbeddedChromaStore(ChromaStore):
    """Chroma in-process, persisted under `path` (telemetry off)."""

    def __init__(self, path: Path, name: str) -> None:
        try:
            import chromadb

            path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(path), settings=_settings())
        except (ImportError, OSError, ValueError, RuntimeError) as exc:
            raise KnowledgeError(
                f"De kennisbank in {path} kon niet worden geopend.", detail=str(exc)
            ) from exc
        super().__init__(client, name)
        self.path = path


def release_embedded(path: Path) -> None:
    """Stop and forget Chroma's shared in-process system for `path`, so that the next store
    opened there reads the directory afresh (after a damaged index was set aside)."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient
    except ImportError:
        return
    system = SharedSystemClient._identifier_to_system.pop(str(path), None)
    SharedSystemClient._identifier_to_refcount.pop(str(path), None)
    if system is not None:
        try:
            system.stop()
        except Exception as exc:  # a damaged system may fail to stop; it is dropped anyway
            logger.warning("stopping the Chroma system for %s failed: %s", path, exc)


class HttpChromaStore(ChromaStore):
    """A Chroma server reached over HTTP, e.g. `http://127.0.0.1:8000` (telemetry off)."""

    def __init__(self, url: str, name: str, *, headers: Mapping[str, str] | None = None) -> None:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise KnowledgeError(f"Ongeldig adres voor de Chroma-server: {url!r}.")
        ssl = parsed.scheme == "https"
        port = parsed.port or (443 if ssl else 8000)
        try:
            import chromadb

            client = chromadb.HttpClient(
                host=parsed.hostname,
                port=port,
                ssl=ssl,
                headers=dict(headers or {}),
                settings=_settings(),
            )
        except (ImportError, OSError, ValueError, RuntimeError, ConnectionError) as exc:
            raise KnowledgeError(
                f"De Chroma-server op {url} is niet bereikbaar.", detail=str(exc)
            ) from exc
        super().__init__(client, name)
        self.url = url
