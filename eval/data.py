"""The evaluation data: simulated administrators (personas) and free-text notes.

Both are plain JSON under `eval/cases/` (not `data/`: the root .gitignore ignores that),
validated here so a malformed file fails loudly: one file per persona in
`eval/cases/personas/`, all notes in `eval/cases/notes.json`. `eval/holdout/` has the same
layout: a held-out set that nobody tunes the engine against (`eval/run.py --holdout`).
`eval/real/` has it too: notes and administrators in the registers of published municipal
and water-board texts (`eval/run.py --real`), whose truth also gives the start of the work.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from opdrachtassistent.commission import SECTIONS, Level, SectionKey, Theme

CASES_DIR = Path(__file__).resolve().parent / "cases"
PERSONA_DIR = CASES_DIR / "personas"
NOTES_FILE = CASES_DIR / "notes.json"
HOLDOUT_DIR = Path(__file__).resolve().parent / "holdout"
HOLDOUT_PERSONA_DIR = HOLDOUT_DIR / "personas"
HOLDOUT_NOTES_FILE = HOLDOUT_DIR / "notes.json"
REAL_DIR = Path(__file__).resolve().parent / "real"
REAL_PERSONA_DIR = REAL_DIR / "personas"
REAL_NOTES_FILE = REAL_DIR / "notes.json"

# How a simulated administrator talks; each persona has one or more of these.
Style = Literal[
    "terse",  # a few words per answer
    "verbose",  # long answers with asides
    "off_topic",  # wanders off (parking app, the weather, last council meeting)
    "corrects",  # corrects an earlier value later ("het budget is toch 4 miljoen")
    "skips",  # "weet ik niet", "sla over", "later"
    "multi_answer",  # one answer fills two sections at once
    "words_numbers",  # "drie ton", "anderhalve fte"
    "vague",  # first answers are vague; a follow-up is due
    "formal",  # council-proposal language
]
STYLES: tuple[str, ...] = get_args(Style)

# What the first answer to a section gives:
#   full    - everything the section's completeness criteria ask for: no follow-up is due;
#   partial - part of it (say, budget and deadline without fte): one follow-up is due;
#   vague   - nothing concrete yet: one follow-up is due;
#   skip    - "weet ik niet" / "sla over": recorded as open, revisited once at the end.
AnswerKind = Literal["full", "partial", "vague", "skip"]

NoteKind = Literal[
    "mail",
    "verslag",
    "raadsvoorstel",
    "collegevoorstel",
    "memo",
    "notitie",
    "app",
    # the registers of published documents (eval/real/)
    "nieuwsbericht",
    "collegebesluit",
    "raadsinformatiebrief",
    "begroting",
    "bewonersbrief",
    "projectpagina",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Facts(_Strict):
    """The true values. Every key is required but `start`; null means "not given anywhere".

    `start` (the start of execution) came with the real-register set: a truth that leaves
    the key out does not score it (`has_start`), a truth that gives null expects none.
    """

    budget_eur: float | None
    capacity_fte: float | None
    deadline: date | None
    start: date | None = None
    commissioner: str | None
    level: Level | None
    stakeholders: list[str]
    themes: list[Theme]

    @property
    def has_start(self) -> bool:
        """Whether this truth says anything about the start (older sets do not)."""
        return "start" in self.model_fields_set


class SectionAnswer(_Strict):
    """A persona's answers for one section.

    `answer` is said the first time the section is asked; `detail` when the assistant
    follows up on the same section; `revisit` (optional, falls back to the persona's
    `revisit`) when it comes back to a skipped or vague section at the end.
    `also_covers` lists other sections that `answer` fully answers as well.
    """

    kind: AnswerKind
    answer: str = Field(min_length=1)
    detail: str = Field(min_length=1)
    also_covers: list[SectionKey] = Field(default_factory=list)
    revisit: str | None = None


class Persona(_Strict):
    id: str = Field(pattern=r"^r?p\d{2}-[a-z0-9-]+$")
    description: str = Field(min_length=5)
    municipality: str
    styles: list[Style] = Field(min_length=1)
    opening: str = Field(min_length=10)
    # Sections the opening text alone fully answers (by the completeness criteria).
    opening_covers: list[SectionKey]
    # Sections the opening gives part of (an intention is goal material, a named
    # commissioner mandate material): text taken from the opening is well placed there.
    # Unset: the goal, since an opening states what is wanted.
    opening_partly: list[SectionKey] | None = None
    # The greeting and self-introduction the opening begins with: no free-text field
    # should keep it.
    opening_preamble: str | None = None
    facts: Facts
    answers: dict[SectionKey, SectionAnswer]
    # The answer to "Eerder kon u ... nog niet noemen; weet u het nu?".
    revisit: str = Field(min_length=1)

    @field_validator("answers")
    @classmethod
    def _all_sections(cls, v: dict[SectionKey, SectionAnswer]) -> dict[SectionKey, SectionAnswer]:
        missing = [s for s in SECTIONS if s not in v]
        if missing:
            raise ValueError(f"answers missing for sections: {missing}")
        return v

    @model_validator(mode="after")
    def _preamble_opens(self) -> Persona:
        if self.opening_preamble is not None and not self.opening.startswith(self.opening_preamble):
            raise ValueError(f"{self.id}: opening_preamble is not how the opening begins")
        return self

    def revisit_for(self, section: SectionKey) -> str:
        return self.answers[section].revisit or self.revisit

    def opening_answers(self, section: SectionKey) -> bool:
        """Whether the opening (fully or in part) answers `section`."""
        partly = ["goal"] if self.opening_partly is None else self.opening_partly
        return section in self.opening_covers or section in partly


class Note(_Strict):
    id: str = Field(pattern=r"^[nr]\d{2}-[a-z0-9-]+$")
    kind: NoteKind
    municipality: str
    text: str = Field(min_length=40)
    truth: Facts

    @model_validator(mode="after")
    def _something_to_find(self) -> Note:
        t = self.truth
        if all(v in (None, []) for v in t.model_dump().values()):
            raise ValueError(f"{self.id}: a note without any true value tests nothing")
        return self


def load_personas(directory: Path = PERSONA_DIR) -> list[Persona]:
    personas = [
        Persona.model_validate(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(directory.glob("*.json"))
    ]
    ids = [p.id for p in personas]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate persona ids")
    return personas


def load_notes(path: Path = NOTES_FILE) -> list[Note]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    notes = [Note.model_validate(n) for n in raw]
    ids = [n.id for n in notes]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate note ids")
    return notes
