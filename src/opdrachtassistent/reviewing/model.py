"""What a review is made of: findings, a language model's remarks beside them, the review
itself, and the records of the rule table.

Pure: stdlib and pydantic only, besides the commission's section keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from opdrachtassistent.commission import SectionKey
from opdrachtassistent.passages import Passage

Severity = Literal["hoog", "midden", "laag"]
SEVERITIES: tuple[Severity, ...] = ("hoog", "midden", "laag")
SEVERITY_ORDER: dict[Severity, int] = {s: i for i, s in enumerate(SEVERITIES)}


class Finding(BaseModel):
    """One risk for execution: where it sits, how serious it is, what to add, and why."""

    severity: Severity
    section: SectionKey
    rule: str = Field(description="Stable rule id, e.g. 'mandaat_niveau'.")
    message: str = Field(description="Dutch: the risk in execution and what to add.")
    sources: list[Passage] = Field(default_factory=list)
    # The sentence of the user's answer or the document that gave the value the finding is
    # about (from the commission's provenance), so a reader can check it at its source.
    quote: str | None = None


class ModelRemark(BaseModel):
    """A language model's remark on the quality of a free text (is the goal measurable, is
    the decision space concrete): advice for the reader to weigh, never a finding. It changes
    neither the findings nor the verdict nor `ready`."""

    section: SectionKey
    text: str = Field(description="Dutch: one or two short sentences, as the model wrote them.")
    model: str | None = Field(default=None, description="The model that wrote it.")


class Review(BaseModel):
    """All findings (hoog first), a short Dutch verdict, and whether execution can start; the
    rules alone decide those. `model_remarks` (empty without a model) stand beside them."""

    findings: list[Finding] = Field(default_factory=list)
    verdict: str
    ready: bool
    model_remarks: list[ModelRemark] = Field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def for_section(self, section: SectionKey) -> list[Finding]:
        return [f for f in self.findings if f.section == section]

    def rules(self) -> set[str]:
        return {f.rule for f in self.findings}


# --------------------------------------------------------------------------------------------
# Records of the rule table (`reviewing.rules`): data a domain editor can change without logic.

OTHER = "*"  # in a `Choice`: the word for any value not listed


@dataclass(frozen=True)
class Choice:
    """A word that depends on a value the check gives: a count (1 -> 'vraag', else 'vragen')
    or a kind ('afdeling' -> 'één afdeling'). A value not listed and no `OTHER` keeps itself."""

    on: str
    words: Mapping[int | str, str]


@dataclass(frozen=True)
class Wording:
    """A Dutch text with `{name}` slots, filled from a check's values and its choices."""

    text: str
    choices: Mapping[str, Choice] = field(default_factory=dict)


@dataclass(frozen=True)
class Citation:
    """What a finding cites: passages by id first, then a search for `query` to fill up.
    A pinned id missing from the index falls back to the query."""

    query: str
    pinned: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One row of the rule table: a stable id, where and how serious, what it says and cites."""

    id: str
    section: SectionKey | None  # None: the check names the section (open questions)
    severity: Severity  # a check may raise or lower it where `when` says so
    when: str  # in English: when the rule fires
    message: Wording
    cite: Citation
    about: str | None = None  # the value path the finding concerns, to quote its source


@dataclass(frozen=True)
class FrameworkRequirement:
    """A framework a theme (or every integral goal) clearly has; `key` names its aliases in
    `lang.nl.cues.review.FRAMEWORK_ALIASES`."""

    key: str
    label: str
    theme: str | None  # None: required for every integral goal
    severity: Severity
    why: str
    passage: str  # the corpus passage about this framework
