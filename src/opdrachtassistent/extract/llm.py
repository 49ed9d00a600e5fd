"""The optional LLM extractor: any OpenAI-compatible endpoint, called through `llm.client`.

Switched on by configuration only (`Settings.llm_enabled`); nothing here touches the network
before the first call, and `langchain_openai` (~2.4 s to import) is imported then.

Per call:

1. The text is sent as DATA between `<antwoord>` delimiters (delimiters inside it are
   neutralised); the system prompt says never to follow it. A text longer than
   `max_input_chars` (a council proposal) is read in parts, one call each, and merged.
2. Structured output into `ExtractionOutput`, in which every field is required and
   nullable and no extra keys are allowed, as strict json_schema demands. In the interview a
   turn asks for `TurnOutput`: the same facts and the next question phrased by the model,
   in the same call. `ModelClient` picks the method, bounds the call and re-asks once.
3. A failure raises an `LLMError` subclass with a Dutch message or, when a `fallback`
   extractor is given, logs a warning and returns the fallback's result.
4. Merge with the offline rules (`merge_extractions`): the rules win for budget, fte and
   dates (deterministic parsers, tested on Dutch phrasings; a model may round or invent),
   the model wins for free text, stakeholders' roles and interests, commissioner and level;
   either side fills what the other left empty, and lists are united.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from opdrachtassistent.commission import (
    SECTION_TITLES,
    SECTIONS,
    THEMES,
    Level,
    SectionKey,
    Stakeholder,
    Theme,
)
from opdrachtassistent.config import Settings
from opdrachtassistent.errors import LLMError
from opdrachtassistent.extract.base import Extraction, Extractor, PhrasedQuestion, QuestionBrief
from opdrachtassistent.extract.rules import RulesExtractor, is_noise
from opdrachtassistent.fields import RULES_FIRST
from opdrachtassistent.llm.client import (
    METHODS,
    LLMOutputError,
    LLMStatusError,
    LLMTimeoutError,
    LLMUnreachableError,
    Method,
    ModelClient,
)
from opdrachtassistent.prompts import PromptError, load_prompt, render

__all__ = [
    "METHODS",
    "ExtractionOutput",
    "LLMExtractor",
    "LLMOutputError",
    "LLMStatusError",
    "LLMTimeoutError",
    "LLMUnreachableError",
    "Method",
    "TurnOutput",
    "as_data",
    "merge_extractions",
    "output_schema",
]

log = logging.getLogger(__name__)

MAX_INPUT_CHARS = 12_000  # ~3,000 tokens per call; a longer text is read in parts
MAX_PARTS = 8  # a text longer than this many parts: the rest is read by the rules only
MAX_QUESTION_CHARS = 300
MSG_SETUP = "Het taalmodel kan niet worden gebruikt: {reason}"


# -- the output schema the model fills ---------------------------------------------------

_THEME_ALIASES = {t.replace("_", " "): t for t in THEMES}
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # [0-9]: llama.cpp grammars know no \\d
_ISO_DATE = re.compile(ISO_DATE)


def _clean_text(value: object) -> object:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return value


def _clean_list(value: object) -> object:
    if isinstance(value, list):
        seen: set[str] = set()
        out: list[object] = []
        for item in value:
            if isinstance(item, str):
                item = " ".join(item.split())
                if not item or item.casefold() in seen:
                    continue
                seen.add(item.casefold())
            out.append(item)
        return out
    return value


Text = Annotated[str | None, BeforeValidator(_clean_text)]
TextList = Annotated[list[str], BeforeValidator(_clean_list)]


class StakeholderOutput(BaseModel):
    """A party with a role in or an interest at stake in the work."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, BeforeValidator(_clean_text)] = Field(
        min_length=1, description="Naam van de partij, zoals de tekst hem noemt."
    )
    kind: Text = Field(
        description="Soort partij: waterschap, netbeheerder, bewoners, ondernemers, ..."
    )
    role: Text = Field(description="De rol in het werk, bijvoorbeeld medefinancier.")
    interest: Text = Field(description="Het belang of de zorg van de partij.")


class ExtractionOutput(BaseModel):
    """Feiten uit één antwoord van een bestuurder; null of [] betekent: de tekst zegt het niet."""

    model_config = ConfigDict(extra="forbid")

    title: Text = Field(description="Korte naam van het project.")
    context: Text = Field(description="Aanleiding en opgave.")
    goal_statement: Text = Field(description="Het doel van de aanpak.")
    goal_results: TextList = Field(description="Concrete, toetsbare beoogde resultaten.")
    themes: list[Theme] = Field(description="Thema's, alleen uit de vaste lijst.")
    commissioner: Text = Field(description="De opdrachtgever.")
    level: Level | None = Field(description="Niveau van de opdrachtgever.")
    decision_space: Text = Field(description="Wat de opdrachtnemer zelf mag beslissen.")
    escalation: Text = Field(description="Wanneer en naar wie wordt opgeschaald.")
    stakeholders: list[StakeholderOutput] = Field(description="Partijen met rol of belang.")
    budget_eur: float | None = Field(description="Budget in euro, als getal.")
    capacity_fte: float | None = Field(description="Capaciteit in fte, als getal.")
    # The pattern lets a server that compiles the schema into a grammar write only ISO dates.
    deadline: Text = Field(
        description="Einddatum, ISO 8601: JJJJ-MM-DD.", json_schema_extra={"pattern": ISO_DATE}
    )
    start: Text = Field(
        description="Startdatum van de uitvoering, ISO 8601: JJJJ-MM-DD.",
        json_schema_extra={"pattern": ISO_DATE},
    )
    funding: Text = Field(description="Waar het geld vandaan komt.")
    frameworks: TextList = Field(description="Kaders: beleid, wet- en regelgeving.")
    instruments: TextList = Field(description="Instrumenten en werkvormen.")
    organisation: Text = Field(description="Organisatie en werkwijze.")
    open_questions: TextList = Field(
        description=(
            "Alleen als de tekst twee waarden voor hetzelfde noemt (twee budgetten, twee "
            "einddatums): welke is gekozen, als vraag aan de lezer. Anders []."
        )
    )

    @field_validator("themes", mode="before")
    @classmethod
    def _normalise_themes(cls, value: object) -> object:
        """Accept "Kabels en leidingen" for kabels_en_leidingen; anything else must match."""
        if not isinstance(value, list):
            return value
        out: list[object] = []
        for item in value:
            if isinstance(item, str):
                key = " ".join(item.casefold().replace("_", " ").split())
                item = _THEME_ALIASES.get(key, item)
                if item in out:
                    continue
            out.append(item)
        return out

    @field_validator("level", mode="before")
    @classmethod
    def _normalise_level(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip().casefold() or None
        return value

    @field_validator("budget_eur", "capacity_fte")
    @classmethod
    def _non_negative(cls, value: float | None) -> float | None:
        if value is not None and (not math.isfinite(value) or value < 0):
            raise ValueError("moet een eindig getal van 0 of meer zijn")
        return value

    @field_validator("deadline", "start")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not _ISO_DATE.match(value):
            raise ValueError("moet een ISO-datum JJJJ-MM-DD zijn")
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError("moet een bestaande datum JJJJ-MM-DD zijn") from None
        return value

    def to_extraction(self) -> Extraction:
        return Extraction(
            title=self.title,
            context=self.context,
            goal_statement=self.goal_statement,
            goal_results=list(self.goal_results),
            themes=list(self.themes),
            commissioner=self.commissioner,
            level=self.level,
            decision_space=self.decision_space,
            escalation=self.escalation,
            stakeholders=[
                Stakeholder(name=s.name, kind=s.kind, role=s.role, interest=s.interest)
                for s in self.stakeholders
            ],
            budget_eur=self.budget_eur,
            capacity_fte=self.capacity_fte,
            deadline=date.fromisoformat(self.deadline) if self.deadline else None,
            start=date.fromisoformat(self.start) if self.start else None,
            funding=self.funding,
            frameworks=list(self.frameworks),
            instruments=list(self.instruments),
            organisation=self.organisation,
            open_questions=list(self.open_questions),
        )


# -- merging with the offline rules -------------------------------------------------------


def merge_extractions(llm: Extraction, rules: Extraction) -> Extraction:
    """One extraction from both: rules first where the field table says so (budget, fte and
    deadline), the model first for everything else; the other side fills gaps; lists are
    united (preferred side first) and stakeholders are matched by name, the model's role
    and interest winning."""
    return _joined(llm, rules, second_first=RULES_FIRST)


def _joined(
    first: Extraction, second: Extraction, *, second_first: Iterable[str] = ()
) -> Extraction:
    """`first`'s values, `second` filling the gaps (and winning for `second_first`); lists
    united, stakeholders matched by name with `first`'s role and interest winning."""
    swapped = set(second_first)
    values: dict[str, Any] = {}
    for name in Extraction.model_fields:
        one, other = (second, first) if name in swapped else (first, second)
        a, b = getattr(one, name), getattr(other, name)
        if name == "stakeholders":
            values[name] = _merge_stakeholders(first.stakeholders, second.stakeholders)
        elif isinstance(a, list):
            values[name] = _union(a, b)
        else:
            values[name] = a if a is not None else b
    return Extraction.model_validate(values)


def _union(a: Iterable[Any], b: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    seen: set[str] = set()
    for item in [*a, *b]:
        key = item.casefold().strip() if isinstance(item, str) else repr(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _merge_stakeholders(llm: list[Stakeholder], rules: list[Stakeholder]) -> list[Stakeholder]:
    by_name = {s.name.casefold().strip(): s for s in rules}
    out: list[Stakeholder] = []
    for s in llm:
        other = by_name.pop(s.name.casefold().strip(), None)
        if other is None:
            out.append(s.model_copy())
            continue
        merged = s.model_dump()
        for key, value in other.model_dump().items():
            if merged.get(key) is None:
                merged[key] = value
        out.append(Stakeholder.model_validate(merged))
    out.extend(s.model_copy() for s in by_name.values())
    return out


class QuestionOutput(BaseModel):
    """De volgende vraag aan de bestuurder, over één sectie."""

    model_config = ConfigDict(extra="forbid")

    section: SectionKey = Field(description="De sectie waarover de vraag gaat.")
    text: Annotated[str, BeforeValidator(_clean_text)] = Field(
        min_length=1, description="De vraag zelf, één of twee zinnen, eindigend op een '?'."
    )


def _all_required(schema: dict[str, Any]) -> None:
    schema["required"] = list(schema.get("properties", {}))


class TurnOutput(ExtractionOutput):
    """De feiten uit het antwoord en de volgende vraag, in één object."""

    # Listed as required (strict json_schema wants every key), read as absent when a server
    # leaves it out: the facts are worth more than the phrasing.
    model_config = ConfigDict(extra="forbid", json_schema_extra=_all_required)

    question: QuestionOutput | None = Field(
        default=None, description="De volgende vraag, of null als je er geen weet."
    )


# -- the extractor ------------------------------------------------------------------------

_DELIMITER = re.compile(r"<\s*/?\s*(antwoord|bekend|bron)\s*>", re.IGNORECASE)


def as_data(text: str) -> str:
    """User text made safe to place between our delimiters: it cannot close them."""
    return _DELIMITER.sub(lambda m: m.group(0).replace("<", "‹").replace(">", "›"), text)


def parts(text: str, size: int) -> list[str]:
    """The text in pieces of at most `size` characters, cut at a paragraph or sentence end
    where one is near, so a long document is read whole."""
    out: list[str] = []
    rest = text
    while len(rest) > size:
        window = rest[:size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
        cut = cut + 1 if cut > size // 2 else size
        out.append(rest[:cut])
        rest = rest[cut:]
    if rest.strip():
        out.append(rest)
    return out


class LLMExtractor:
    """Implements `Extractor` (and the interview's `extract_turn`) with a chat model."""

    def __init__(
        self,
        settings: Settings,
        *,
        fallback: Extractor | None = None,
        merge_rules: bool = True,
        max_input_chars: int = MAX_INPUT_CHARS,
        max_reasks: int = 1,
        cooldown_s: float = 30.0,
        today: Callable[[], date] = date.today,
        client: ModelClient | None = None,
    ) -> None:
        if settings.llm_method not in METHODS:
            raise LLMError(MSG_SETUP.format(reason=f"onbekende methode {settings.llm_method!r}."))
        self.settings = settings
        self.fallback = fallback
        self.client = client or ModelClient(settings, max_reasks=max_reasks, cooldown_s=cooldown_s)
        self._rules = RulesExtractor() if merge_rules else None
        self._max_input = max_input_chars
        self._today = today
        self._prompts: dict[str, str] = {}

    @property
    def method(self) -> Method:
        return self.settings.llm_method

    @property
    def endpoint(self) -> str:
        return self.client.url

    def extract(self, text: str, *, section: SectionKey | None = None) -> Extraction:
        found, _ = self._read(text, section, None)
        return found

    def extract_turn(
        self, text: str, *, section: SectionKey | None, brief: QuestionBrief
    ) -> tuple[Extraction, PhrasedQuestion | None]:
        """The facts of one answer and the model's phrasing of the next question, in one
        call; the interview's policy decides whether that question is used."""
        return self._read(text, section, brief)

    def _read(
        self, text: str, section: SectionKey | None, brief: QuestionBrief | None
    ) -> tuple[Extraction, PhrasedQuestion | None]:
        text = text if isinstance(text, str) else str(text)
        if not text.strip():
            return Extraction(), None
        if is_noise(text):  # "ok", "hmm", "?": not worth a call
            return (self._rules or RulesExtractor()).extract(text, section=section), None
        question: PhrasedQuestion | None = None
        try:
            if brief is not None and len(text) <= self._max_input:
                found, question = self._turn_call(text, section, brief)
            else:
                found = self._long_call(text, section)
        except LLMError as exc:
            if self.fallback is None:
                raise
            log.warning(
                "LLM extraction failed (%s: %s%s); using the fallback extractor",
                type(exc).__name__,
                exc.message,
                f" [{exc.detail}]" if exc.detail else "",
            )
            return self.fallback.extract(text, section=section), None
        if self._rules is None:
            return found, question
        return merge_extractions(found, self._rules.extract(text, section=section)), question

    # -- the calls ----------------------------------------------------------------------

    def _long_call(self, text: str, section: SectionKey | None) -> Extraction:
        """One call per part of the text; the first part's values win, lists are united."""
        pieces = parts(text, self._max_input)
        if len(pieces) > MAX_PARTS:
            log.info("text of %d parts: the model reads the first %d", len(pieces), MAX_PARTS)
            pieces = pieces[:MAX_PARTS]
        found: Extraction | None = None
        for number, piece in enumerate(pieces, start=1):
            label = self._section_label(section)
            if len(pieces) > 1:
                label += f" (deel {number} van {len(pieces)} van een lange tekst)"
            user = render(self._prompt("extract_user"), {"section": label, "text": as_data(piece)})
            result = self.client.call(ExtractionOutput, self._system(), user)
            assert isinstance(result.value, ExtractionOutput)
            part = result.value.to_extraction()
            found = part if found is None else _joined(found, part)
        return found or Extraction()

    def _turn_call(
        self, text: str, section: SectionKey | None, brief: QuestionBrief
    ) -> tuple[Extraction, PhrasedQuestion | None]:
        system = self._system() + "\n\n" + self._prompt("turn_system")
        user = render(self._prompt("turn_user"), self._turn_values(text, section, brief))
        self.client.prepare()
        deadline = time.monotonic() + self.settings.llm_timeout_s
        result = self.client.call(TurnOutput, system, user, deadline=deadline)
        value = result.value
        assert isinstance(value, TurnOutput)
        asked = value.question
        question = (
            PhrasedQuestion(section=asked.section, text=asked.text[:MAX_QUESTION_CHARS])
            if asked is not None
            else None
        )
        return value.to_extraction(), question

    # -- prompts --------------------------------------------------------------------------

    def _prompt(self, name: str) -> str:
        if name not in self._prompts:
            try:
                self._prompts[name] = load_prompt(name, directory=self.settings.prompts_dir)
            except PromptError as exc:
                raise LLMError(MSG_SETUP.format(reason=exc.message), detail=exc.detail) from exc
        return self._prompts[name]

    def _system(self) -> str:
        return render(
            self._prompt("extract_system"),
            {"today": self._today().isoformat(), "themes": ", ".join(THEMES)},
        )

    @staticmethod
    def _section_label(section: SectionKey | None) -> str:
        return (
            f"{SECTION_TITLES[section]} ({section})"
            if section is not None
            else "onbekend: een vrije tekst of notitie"
        )

    def _turn_values(
        self, text: str, section: SectionKey | None, brief: QuestionBrief
    ) -> dict[str, str]:
        def wanted(key: SectionKey) -> str:
            missing = brief.missing.get(key) or []
            still = "; ".join(missing) if missing else "controleren of alles klopt"
            return f"- `{key}` ({SECTION_TITLES[key]}): nog nodig: {still}"

        sources = "\n\n".join(f"<bron>\n{as_data(p)}\n</bron>" for p in brief.passages) or "(geen)"
        return {
            "section": self._section_label(section),
            "candidates": "\n".join(wanted(k) for k in brief.candidates),
            "sections": ", ".join(SECTIONS),
            "known": as_data(brief.known) or "(nog niets)",
            "sources": sources,
            "text": as_data(text),
        }


def output_schema() -> dict[str, Any]:
    """The JSON schema of one extraction: every field required, no additional properties."""
    return ExtractionOutput.model_json_schema()
