"""The fields an answer can fill, declared once: where each lives, of what kind, who wins.

`Extraction` (extract/base.py), the LLM's `ExtractionOutput` and the interview's merge rules
all follow this table; tests/test_fields.py checks that they and `Commission` agree. Pure:
stdlib and the commission's types only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from opdrachtassistent.commission import SectionKey

# typed: a parsed value (amount, number, date, name, level) that changes only when named;
# free_text: a description, kept unless corrected; list: items are added, never replaced;
# label: a short name, set once.
Kind = Literal["typed", "free_text", "list", "label"]
# Which extractor's value wins when the rules and the LLM both found one.
Winner = Literal["rules", "llm"]


@dataclass(frozen=True)
class Field:
    """One extraction field and its place in the commission (`path`, dotted)."""

    name: str
    section: SectionKey | None
    kind: Kind
    path: str
    label: str
    merge_first: Winner = "llm"


FIELDS: tuple[Field, ...] = (
    Field("title", None, "label", "title", "titel"),
    Field("context", "context", "free_text", "context", "aanleiding"),
    Field("goal_statement", "goal", "free_text", "goal.statement", "doel"),
    Field("goal_results", "goal", "list", "goal.results", "beoogd resultaat"),
    Field("themes", "goal", "list", "goal.themes", "thema's"),
    Field("commissioner", "mandate", "typed", "mandate.commissioner", "opdrachtgever"),
    Field("level", "mandate", "typed", "mandate.level", "niveau"),
    Field("decision_space", "mandate", "free_text", "mandate.decision_space", "beslisruimte"),
    Field("escalation", "mandate", "free_text", "mandate.escalation", "escalatieroute"),
    Field("stakeholders", "stakeholders", "list", "stakeholders", "betrokken"),
    Field("budget_eur", "resources", "typed", "resources.budget_eur", "budget", "rules"),
    Field("capacity_fte", "resources", "typed", "resources.capacity_fte", "capaciteit", "rules"),
    Field("deadline", "resources", "typed", "resources.deadline", "einddatum", "rules"),
    Field("start", "resources", "typed", "resources.start", "startdatum", "rules"),
    Field("funding", "resources", "free_text", "resources.funding", "financiering"),
    Field("frameworks", "frameworks", "list", "frameworks", "kader"),
    Field("instruments", "instruments", "list", "instruments", "instrument"),
    Field("organisation", "organisation", "free_text", "organisation", "werkwijze"),
    Field("open_questions", None, "list", "open_questions", "open vraag"),
)

BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
FIELD_SECTION: dict[str, SectionKey | None] = {f.name: f.section for f in FIELDS}
TYPED_SCALARS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.kind == "typed")
FREE_TEXT_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.kind == "free_text")
# The single values a correction can replace.
SCALAR_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.kind in ("typed", "free_text"))
RULES_FIRST: frozenset[str] = frozenset(f.name for f in FIELDS if f.merge_first == "rules")


def value_at(obj: object, path: str) -> object:
    """The value at a dotted `path` ("resources.budget_eur") of a commission."""
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj
