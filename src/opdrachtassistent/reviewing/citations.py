"""How a finding gets its passages: its rule's pinned ids first, then a search to fill up.

The citations themselves are in the rule table (`reviewing.rules`); this is the one source
of review citations. Without a `Retriever` the findings stay the same and cite nothing.
"""

from __future__ import annotations

from opdrachtassistent.commission import SectionKey
from opdrachtassistent.passages import Passage, Retriever
from opdrachtassistent.reviewing.model import Citation
from opdrachtassistent.reviewing.rules import RULES

MAX_SOURCES = 2  # passages cited per finding

CITATIONS: dict[str, Citation] = {rule.id: rule.cite for rule in RULES}


class Sources:
    """Looks up the sources of each rule (and its particular pins) once per review."""

    def __init__(self, retriever: Retriever | None) -> None:
        self._retriever = retriever
        self._cache: dict[tuple[str, tuple[str, ...]], list[Passage]] = {}

    def __call__(self, rule: str, section: SectionKey, pins: tuple[str, ...] = ()) -> list[Passage]:
        if self._retriever is None:
            return []
        key = (rule, pins)
        if key not in self._cache:
            self._cache[key] = self._lookup(self._retriever, rule, section, pins)
        return [p.model_copy() for p in self._cache[key]]

    @staticmethod
    def _lookup(
        retriever: Retriever, rule: str, section: SectionKey, pins: tuple[str, ...]
    ) -> list[Passage]:
        citation = CITATIONS.get(rule, Citation(rule.replace("_", " ")))
        found: list[Passage] = []
        for pid in dict.fromkeys((*pins, *citation.pinned)):
            if len(found) >= MAX_SOURCES:
                break
            passage = retriever.get(pid)
            if passage is not None:
                found.append(passage)
        if len(found) < MAX_SOURCES:
            seen = {p.id for p in found}
            for passage in retriever.search(citation.query, k=MAX_SOURCES + 1, section=section):
                if passage.id not in seen:
                    found.append(passage)
                    seen.add(passage.id)
        return found[:MAX_SOURCES]
