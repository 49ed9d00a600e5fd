"""Herkomst: where each value came from, in Dutch, shared by the Markdown, Word and the app.

Plain text here; each renderer escapes it for its own format. Rows follow the document's
order (`provenance.value_paths`), so the appendix reads like the commission.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opdrachtassistent.commission import Commission, Origin, Source, Stakeholder
from opdrachtassistent.fmt import dutch_date, euro, number
from opdrachtassistent.provenance import field_of, value_of, value_paths

TITLE = "Bijlage: herkomst"
INTRO = (
    "Waar elke waarde vandaan komt: uit welk antwoord of document, met de zin die haar gaf. "
    "Een voorstel (standaard) heeft de gebruiker niet zelf gegeven."
)
HEADER = ("Onderdeel", "Waarde", "Bron", "Citaat")
NO_QUOTE = "geen citaat"

# The Dutch name of each kind of value, by its path without the index.
FIELD_LABELS: dict[str, str] = {
    "title": "Titel",
    "context": "Aanleiding",
    "goal.statement": "Doelstelling",
    "goal.results": "Beoogd resultaat",
    "goal.themes": "Thema",
    "mandate.commissioner": "Opdrachtgever",
    "mandate.level": "Niveau",
    "mandate.decision_space": "Beslisruimte",
    "mandate.escalation": "Escalatie",
    "stakeholders": "Stakeholder",
    "stakeholders.role": "Rol van {name}",
    "stakeholders.interest": "Belang van {name}",
    "resources.budget_eur": "Budget",
    "resources.capacity_fte": "Capaciteit",
    "resources.deadline": "Einddatum",
    "resources.start": "Startdatum",
    "resources.funding": "Financiering",
    "frameworks": "Kader",
    "instruments": "Instrument",
    "organisation": "Organisatie en werkwijze",
}
SOURCE_LABELS: dict[Source, str] = {
    "user": "uw antwoord",
    "document": "document",
    "default": "voorstel (standaard)",
    "llm": "taalmodel",
    "edit": "bewerkt",
}
MAX_VALUE = 120  # a long free text is shortened in the appendix: the quote shows the rest


@dataclass(frozen=True)
class OriginRow:
    """One line of the Herkomst appendix."""

    path: str
    label: str
    value: str
    source: str
    quote: str | None


def field_label(c: Commission, path: str) -> str:
    """'Budget', 'Kader', 'Rol van waterschap'."""
    label = FIELD_LABELS.get(field_of(path), path)
    if "{name}" in label:
        owner = value_of(c, path.rpartition(".")[0])
        name = owner.name if isinstance(owner, Stakeholder) else ""
        label = label.format(name=name)
    return label


def source_text(origin: Origin) -> str:
    """'uw antwoord (beurt 3)', 'document raadsvoorstel.docx', 'taalmodel (beurt 2)'."""
    text = SOURCE_LABELS[origin.source]
    if origin.source == "document" and origin.document:
        text = f"document {origin.document}"
    elif origin.document and origin.source == "llm":
        text += f" (document {origin.document})"
    if origin.turn is not None:
        text += f" (beurt {origin.turn})"
    return text


def value_text(c: Commission, path: str) -> str:
    """The value as a reader sees it: '€ 2 mln' style amounts, Dutch dates, a party's name."""
    value = value_of(c, path)
    field = field_of(path)
    if isinstance(value, Stakeholder):
        return value.name
    if isinstance(value, date):
        return dutch_date(value)
    if field == "resources.budget_eur" and isinstance(value, float | int):
        return euro(value)
    if field == "resources.capacity_fte" and isinstance(value, float | int):
        return f"{number(value)} fte"
    text = str(value).replace("_", " ") if field == "goal.themes" else str(value)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1].rstrip() + "…"


def origin_rows(c: Commission) -> list[OriginRow]:
    """A row for every value with a recorded origin, in document order."""
    return [
        OriginRow(
            path=path,
            label=field_label(c, path),
            value=value_text(c, path),
            source=source_text(origin),
            quote=origin.quote,
        )
        for path in value_paths(c)
        if (origin := c.provenance.get(path)) is not None
    ]


def bron_text(origin: Origin) -> str:
    """The short line beside a value in the app: 'bron: «...» (uw antwoord, beurt 3)'."""
    where = source_text(origin)
    return f"bron: «{origin.quote}» ({where})" if origin.quote else f"bron: {where}"
