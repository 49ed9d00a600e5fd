"""Errors of the knowledge layer, as subclasses of the package's one exception family."""

from __future__ import annotations

from opdrachtassistent.errors import DocumentError, KnowledgeError

__all__ = ["DocumentError", "EmbeddingUnavailableError"]


class EmbeddingUnavailableError(KnowledgeError):
    """The embedding model cannot load here; search falls back to lexical (BM25) only."""
