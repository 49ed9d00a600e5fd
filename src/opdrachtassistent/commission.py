"""The commission document (integrale opdracht) and its completeness rules.

Its JSON (`model_dump(mode="json")`) is a public contract that programme offices build on:
field names and shapes change only with a version bump. Pure: stdlib and pydantic only.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"  # 1.1: resources.start and provenance added

Theme = Literal[
    "riolering",
    "verharding",
    "groen",
    "klimaatadaptatie",
    "energietransitie",
    "mobiliteit",
    "kabels_en_leidingen",
    "openbare_verlichting",
    "leefbaarheid",
    "water",
    "verkeersveiligheid",
    "circulariteit",
]
THEMES: tuple[str, ...] = get_args(Theme)

Level = Literal["bestuurlijk", "ambtelijk"]

SectionKey = Literal[
    "context",
    "goal",
    "mandate",
    "stakeholders",
    "resources",
    "frameworks",
    "instruments",
    "organisation",
]
SECTIONS: tuple[SectionKey, ...] = get_args(SectionKey)

SectionState = Literal["compleet", "gedeeltelijk", "leeg"]

# Dutch names of the sections, for every place a person sees them.
SECTION_TITLES: dict[SectionKey, str] = {
    "context": "Aanleiding en opgave",
    "goal": "Doel en beoogde resultaten",
    "mandate": "Opdrachtgever en mandaat",
    "stakeholders": "Stakeholders",
    "resources": "Middelen: geld, capaciteit en tijd",
    "frameworks": "Context en kaders",
    "instruments": "Instrumentarium",
    "organisation": "Organisatie en werkwijze",
}

MIN_TEXT_WORDS = 4  # a free-text section with fewer words is not yet an answer


class _Section(BaseModel):
    # No infinity or NaN by any route (chat, editor, draft, a saved state): JSON cannot hold
    # them, so such a value would be shown as saved and come back empty after a reload.
    model_config = ConfigDict(validate_assignment=True, extra="forbid", allow_inf_nan=False)


class Goal(_Section):
    """What the integral approach must achieve: complete with a statement and a concrete result."""

    statement: str | None = None
    results: list[str] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)


class Mandate(_Section):
    """Who commissions, at which level, and what may be decided without going back."""

    commissioner: str | None = None
    level: Level | None = None
    decision_space: str | None = None
    escalation: str | None = None


class Stakeholder(_Section):
    """A party with a role in or an interest at stake in the work.

    `kind` is the kind of party ("waterschap", "netbeheerder", "bewoners", ...) when known;
    `influence` and `concern` (1-5) position it on the influence x interest grid of a
    krachtenveldanalyse; None means "use the default for this kind of party".
    """

    name: str
    kind: str | None = None
    role: str | None = None
    interest: str | None = None
    influence: int | None = Field(default=None, ge=1, le=5)
    concern: int | None = Field(default=None, ge=1, le=5)


class Resources(_Section):
    """Money, people and time: complete with a budget, a capacity and a deadline.

    `deadline` is the completion date; `start` (when the work begins) is kept apart because
    real texts name both, and a start is never a deadline.
    """

    budget_eur: float | None = Field(default=None, ge=0)
    capacity_fte: float | None = Field(default=None, ge=0)
    deadline: date | None = None
    start: date | None = None
    funding: str | None = None


Source = Literal["user", "document", "default", "llm", "edit"]


class Origin(BaseModel):
    """Where one value came from, so a reader can check a draft against its source.

    `quote` is the sentence (or line) of the user's answer or the document that gave the
    value, verbatim; `turn` the interview turn (1-based) that gave it; `document` the file
    name. A proposed default (the usual role of a waterschap) has source "default".
    """

    model_config = ConfigDict(extra="forbid")

    source: Source
    quote: str | None = None
    document: str | None = None
    turn: int | None = None


class SectionStatus(BaseModel):
    """How far one section is: its state, and what is still missing, in Dutch."""

    key: SectionKey
    title: str
    state: SectionState
    fraction: float
    missing: list[str] = Field(default_factory=list)


class Completeness(BaseModel):
    """Status per section and the overall fraction (mean of the section fractions)."""

    sections: dict[SectionKey, SectionStatus]
    fraction: float

    @property
    def complete(self) -> bool:
        return all(s.state == "compleet" for s in self.sections.values())


class Commission(_Section):
    """An integral commission for works in public space, as the essay asks for it."""

    schema_version: str = SCHEMA_VERSION
    title: str | None = None
    context: str | None = None
    goal: Goal = Field(default_factory=Goal)
    mandate: Mandate = Field(default_factory=Mandate)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    resources: Resources = Field(default_factory=Resources)
    frameworks: list[str] = Field(default_factory=list)
    instruments: list[str] = Field(default_factory=list)
    organisation: str | None = None
    open_questions: list[str] = Field(default_factory=list)
    # Field path ("resources.budget_eur", "stakeholders.0", "goal.themes.1") -> its origin.
    provenance: dict[str, Origin] = Field(default_factory=dict)

    def section_status(self, key: SectionKey) -> SectionStatus:
        """Apply the documented completeness criteria of one section (see `CRITERIA`)."""
        checks = _checks(self, key)
        done = sum(1 for ok, _ in checks if ok)
        fraction = done / len(checks)
        state: SectionState = (
            "compleet" if done == len(checks) else "leeg" if done == 0 else "gedeeltelijk"
        )
        return SectionStatus(
            key=key,
            title=SECTION_TITLES[key],
            state=state,
            fraction=round(fraction, 4),
            missing=[label for ok, label in checks if not ok],
        )

    def completeness(self) -> Completeness:
        sections = {key: self.section_status(key) for key in SECTIONS}
        fraction = sum(s.fraction for s in sections.values()) / len(sections)
        return Completeness(sections=sections, fraction=round(fraction, 4))

    def stakeholder(self, name: str) -> Stakeholder | None:
        """The stakeholder with this name (case-insensitive), if listed."""
        wanted = name.casefold().strip()
        return next((s for s in self.stakeholders if s.name.casefold().strip() == wanted), None)


def _has_text(value: str | None) -> bool:
    return value is not None and len(value.split()) >= MIN_TEXT_WORDS


# The criteria, documented once: each section is complete when every check holds. A
# description counts from MIN_TEXT_WORDS words (see _has_text); labels are shown to users.
CRITERIA: dict[SectionKey, list[str]] = {
    "context": ["een beschrijving van de aanleiding"],
    "goal": ["een doelstelling", "minstens één concreet beoogd resultaat"],
    "mandate": ["een opdrachtgever", "het niveau (bestuurlijk of ambtelijk)", "de beslisruimte"],
    "stakeholders": [
        "minstens twee stakeholders",
        "bij elke stakeholder een rol of belang",
    ],
    "resources": ["een budget", "de capaciteit in fte", "een einddatum"],
    "frameworks": ["minstens één kader (beleid, wet- of regelgeving, randvoorwaarde)"],
    "instruments": ["minstens één instrument"],
    "organisation": ["een beschrijving van organisatie en werkwijze"],
}


def _checks(c: Commission, key: SectionKey) -> list[tuple[bool, str]]:
    labels = CRITERIA[key]
    match key:
        case "context":
            values = [_has_text(c.context)]
        case "goal":
            values = [bool(c.goal.statement and c.goal.statement.strip()), bool(c.goal.results)]
        case "mandate":
            m = c.mandate
            values = [bool(m.commissioner), m.level is not None, bool(m.decision_space)]
        case "stakeholders":
            values = [
                len(c.stakeholders) >= 2,
                bool(c.stakeholders) and all(s.role or s.interest for s in c.stakeholders),
            ]
        case "resources":
            r = c.resources
            values = [
                r.budget_eur is not None,
                r.capacity_fte is not None,
                r.deadline is not None,
            ]
        case "frameworks":
            values = [bool(c.frameworks)]
        case "instruments":
            values = [bool(c.instruments)]
        case "organisation":
            values = [_has_text(c.organisation)]
    return list(zip(values, labels, strict=True))
