"""Cited knowledge: the built-in corpus, ingestion of the user's documents and hybrid search.

Importing this package is cheap: ChromaDB and the embedding model load only when a
`KnowledgeBase` first needs them.

    from opdrachtassistent.knowledge import KnowledgeBase
    kb = KnowledgeBase.open()   # per-user data dir; built-in corpus indexed on first use
    kb.search("wie moet ik betrekken bij het riool?", k=3)
    kb.get("knelpunten#mandaat-op-het-verkeerde-niveau")  # one passage by its id
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opdrachtassistent.knowledge.search import IngestReport, KnowledgeBase

__all__ = [
    "IngestReport",
    "KnowledgeBase",
]


def __getattr__(name: str) -> Any:
    if name in ("KnowledgeBase", "IngestReport"):
        from opdrachtassistent.knowledge import search

        return getattr(search, name)
    raise AttributeError(name)
