"""Merging an extraction into the commission: the rules for when a value may change.

A filled value is replaced only by an answer to its own section or by an explicit
correction, so a passing mention never overwrites an answer. Used by the interview and by
drafting from notes.
"""

from __future__ import annotations

from datetime import date

from opdrachtassistent.commission import (
    MIN_TEXT_WORDS,
    Commission,
    Origin,
    SectionKey,
    Source,
    Stakeholder,
)
from opdrachtassistent.dialogue.understand import explicit_fields, names_field
from opdrachtassistent.extract.base import Extraction
from opdrachtassistent.extract.evidence import Evidence
from opdrachtassistent.fields import FIELD_SECTION, SCALAR_FIELDS, TYPED_SCALARS, Field, value_at
from opdrachtassistent.fmt import dutch_date, euro, join_nl, number
from opdrachtassistent.provenance import carry, key_of


def merge_extraction(
    c: Commission,
    e: Extraction,
    *,
    current: SectionKey | None,
    correction: bool,
    text: str = "",
) -> list[tuple[SectionKey | None, str]]:
    """Merge an extraction into the commission; return what changed, as (section, label).

    A filled value is replaced only by an answer to its own section (`current`) or by an
    explicit correction, so a passing mention never overwrites an answer.
    """
    changes: list[tuple[SectionKey | None, str]] = []

    def may_set(field: str, old: object) -> bool:
        if old in (None, "", []):
            return True
        if field in TYPED_SCALARS:
            # A filled value changes only when the text names that field, in a correction or
            # in an answer to its own section: "terug naar de wethouder" keeps the named
            # commissioner, and "het budget is toch 4 miljoen" changes only the budget.
            named = not text or names_field(text, field)
            return named and (correction or FIELD_SECTION[field] == current)
        # Free text is kept unless corrected, so a follow-up does not replace its statement;
        # a fragment too short to count ("een bewonersavond") gives way to a real answer.
        own = FIELD_SECTION[field] == current
        if correction:
            # A correction replaces a description of the section asked, or one it names ("de
            # beslisruimte is toch ..."): "het budget is toch 4 miljoen" replaces none.
            return own or current is None or not text or field in explicit_fields(text)
        fragment = isinstance(old, str) and len(old.split()) < MIN_TEXT_WORDS
        return fragment and own

    def scalar(f: Field, value: object) -> None:
        parent, _, attr = f.path.rpartition(".")
        obj = value_at(c, parent) if parent else c
        old = getattr(obj, attr)
        if value is None or value == "" or value == old or not may_set(f.name, old):
            return
        setattr(obj, attr, value)
        changes.append((f.section, _label(f, value)))

    if e.title and not c.title:
        c.title = e.title
    for f in SCALAR_FIELDS:
        # A level comes with a commissioner, or in answer to (or correction of) the mandate.
        if f.name == "level" and not (
            c.mandate.level is None or e.commissioner or current == "mandate" or correction
        ):
            continue
        scalar(f, getattr(e, f.name))

    new_results = _new_items(c.goal.results, e.goal_results)
    if new_results:
        c.goal.results = [*c.goal.results, *new_results]
        changes.append(
            (
                "goal",
                "beoogd resultaat"
                if len(new_results) == 1
                else f"{len(new_results)} beoogde resultaten",
            )
        )
    new_themes = [t for t in e.themes if t not in c.goal.themes]
    if new_themes:
        c.goal.themes = [*c.goal.themes, *new_themes]
        changes.append(("goal", "thema's " + join_nl([t.replace("_", " ") for t in new_themes])))
    for field, attr, label in (
        ("frameworks", "frameworks", "kader"),
        ("instruments", "instruments", "instrument"),
    ):
        new = _new_items(getattr(c, attr), getattr(e, field))
        if new:
            setattr(c, attr, [*getattr(c, attr), *new])
            changes.append((FIELD_SECTION[field], f"{label} " + join_nl(new)))
    # A choice the text left (two budgets) is asked of a person, never decided silently.
    c.open_questions += _new_items(c.open_questions, e.open_questions)
    added, enriched = _merge_stakeholders(c.stakeholders, e.stakeholders)
    if added:
        changes.append(("stakeholders", "betrokken " + join_nl(added)))
    if enriched:
        changes.append(("stakeholders", "rol van " + join_nl(enriched)))
    return changes


def record_origins(
    before: Commission | None,
    c: Commission,
    text: str,
    *,
    source: Source,
    turn: int | None = None,
    document: str | None = None,
    model: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> None:
    """Give every value that `text` added or changed (since `before`) its origin: `source`
    with the sentence of `text` that gave it; "llm" for the values in `model` (what the
    language model contributed, see `evidence.model_values`). Values already there keep
    theirs."""
    evidence = Evidence(text)

    def fresh(path: str) -> Origin:
        by_model = key_of(c, path) in model
        return Origin(
            source="llm" if by_model else source,
            quote=evidence.quote_at(c, path),
            document=document,
            turn=turn,
        )

    carry(before, c, fresh)


def _label(f: Field, value: object) -> str:
    """How a changed value is acknowledged: "budget € 2 mln", "doel", "niveau bestuurlijk"."""
    if isinstance(value, date):
        return f"{f.label} {dutch_date(value)}"
    if f.name == "budget_eur" and isinstance(value, float | int):
        return f"{f.label} {euro(value)}"
    if f.name == "capacity_fte" and isinstance(value, float | int):
        return f"{f.label} {number(value)} fte"
    return f"{f.label} {value}" if f.kind == "typed" else f.label


def _new_items(existing: list[str], incoming: list[str]) -> list[str]:
    seen = {i.casefold() for i in existing}
    out: list[str] = []
    for item in incoming:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def _merge_stakeholders(
    existing: list[Stakeholder], incoming: list[Stakeholder]
) -> tuple[list[str], list[str]]:
    added: list[str] = []
    enriched: list[str] = []
    for s in incoming:
        match = next((x for x in existing if _same_party(x, s)), None)
        if match is None:
            existing.append(s.model_copy())
            added.append(s.name)
            continue
        if not (match.role or match.interest) and (s.role or s.interest):
            match.role, match.interest = s.role, s.interest
            enriched.append(match.name)
        if match.kind is None and s.kind:
            match.kind = s.kind
    return added, enriched


def _same_party(a: Stakeholder, b: Stakeholder) -> bool:
    x, y = a.name.casefold(), b.name.casefold()
    return x == y or x in y or y in x
