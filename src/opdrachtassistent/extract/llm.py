"""The optional LLM extractor: any OpenAI-compatible endpoint through LangChain's `ChatOpenAI`.

Switched on by configuration only (`Settings.llm_enabled`); nothing here touches the network
before the first `extract` call, and `langchain_openai` (~2.4 s to import) is imported then.

Per call:

1. The text is capped (`max_input_chars`) and sent as DATA between `<antwoord>` delimiters
   (delimiters inside the text are neutralised); the system prompt says never to follow it.
2. Structured output into `ExtractionOutput`, a dedicated model in which every field is
   required and nullable and no extra keys are allowed, as strict json_schema demands. The
   method (json_schema, function_calling, json_mode) comes from the settings; for json_mode
   the schema is written into the system prompt, since the server does not receive it.
3. We parse the raw answer ourselves, the same way for all three methods, and validate the
   values (themes from the vocabulary, ISO dates, finite non-negative numbers). A validation
   error (invalid JSON included) gets one re-ask that feeds the errors back; a second
   failure, a connection error, a timeout or an HTTP error raises an `LLMError` subclass with
   a Dutch message, or, when a `fallback` extractor is given, logs a warning and returns the
   fallback's result. After a connection failure or timeout the endpoint is skipped for
   `cooldown_s`, so a dead server does not cost a timeout on every turn.
4. Merge with the offline rules (`merge_extractions`): the rules win for budget, fte and
   deadline (deterministic parsers, tested on Dutch phrasings; a model may round or invent),
   the model wins for free text, stakeholders' roles and interests, commissioner and level;
   either side fills what the other left empty, and lists are united.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from opdrachtassistent.commission import (
    SECTION_TITLES,
    THEMES,
    Level,
    SectionKey,
    Stakeholder,
    Theme,
)
from opdrachtassistent.config import Settings
from opdrachtassistent.errors import LLMError
from opdrachtassistent.extract.base import Extraction, Extractor
from opdrachtassistent.extract.rules import RulesExtractor, is_noise
from opdrachtassistent.fields import RULES_FIRST
from opdrachtassistent.prompts import PromptError, load_prompt, render

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

log = logging.getLogger(__name__)

Method = Literal["json_schema", "function_calling", "json_mode"]
METHODS: tuple[Method, ...] = get_args(Method)

MAX_INPUT_CHARS = 12_000  # ~3,000 tokens: any real answer; longer notes are cut for the model
MAX_REASKS = 1
COOLDOWN_S = 30.0
_NO_KEY = "not-needed"  # local servers (Ollama, vLLM) want no key, the openai client wants one

# Dutch messages for the user (`LLMError.message`); technical detail goes into `.detail`.
MSG_UNREACHABLE = "Het taalmodel op {url} is niet bereikbaar."
MSG_TIMEOUT = "Het taalmodel antwoordde niet binnen {duration}."
MSG_AUTH = "Het taalmodel weigert de toegang (HTTP {status}): controleer de API-sleutel."
MSG_STATUS = "Het taalmodel gaf een foutmelding (HTTP {status})."
MSG_RATE = "Het taalmodel is overbelast of de limiet is bereikt (HTTP {status})."
MSG_OUTPUT = "Het taalmodel gaf {n} keer een antwoord dat niet aan het schema voldoet."
MSG_REFUSAL = "Het taalmodel weigerde het antwoord te verwerken."
MSG_RESPONSE = "Het taalmodel gaf een onbruikbaar antwoord."
MSG_SETUP = "Het taalmodel kan niet worden gebruikt: {reason}"
MSG_COOLDOWN = "Het taalmodel wordt even overgeslagen na een eerdere storing."


class LLMUnreachableError(LLMError):
    """No connection to the endpoint (refused, DNS, TLS, reset)."""


class LLMTimeoutError(LLMUnreachableError):
    """The endpoint did not answer within `llm_timeout_s`."""


class LLMStatusError(LLMError):
    """The endpoint answered with an HTTP error."""

    def __init__(self, message: str, *, status: int, detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.status = status


class LLMOutputError(LLMError):
    """The model's answer did not validate, also after the re-ask."""

    def __init__(self, message: str, *, errors: list[str], detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.errors = errors


# -- the output schema the model fills ---------------------------------------------------

_THEME_ALIASES = {t.replace("_", " "): t for t in THEMES}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    deadline: Text = Field(description="Einddatum, ISO 8601: JJJJ-MM-DD.")
    start: Text = Field(description="Startdatum van de uitvoering, ISO 8601: JJJJ-MM-DD.")
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


def output_schema() -> dict[str, Any]:
    """The JSON schema sent to the model: every field required, no additional properties."""
    return ExtractionOutput.model_json_schema()


# -- merging with the offline rules -------------------------------------------------------


def merge_extractions(llm: Extraction, rules: Extraction) -> Extraction:
    """One extraction from both: rules first where the field table says so (budget, fte and
    deadline), the model first for everything else; the other side fills gaps; lists are
    united (preferred side first) and stakeholders are matched by name, the model's role
    and interest winning."""
    values: dict[str, Any] = {}
    for name in Extraction.model_fields:
        first, second = (rules, llm) if name in RULES_FIRST else (llm, rules)
        a, b = getattr(first, name), getattr(second, name)
        if name == "stakeholders":
            values[name] = _merge_stakeholders(llm.stakeholders, rules.stakeholders)
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


# -- the extractor ------------------------------------------------------------------------

_DELIMITER = re.compile(r"<\s*/?\s*antwoord\s*>", re.IGNORECASE)


def as_data(text: str) -> str:
    """User text made safe to place between `<antwoord>` delimiters: it cannot close them."""
    return _DELIMITER.sub(lambda m: m.group(0).replace("<", "‹").replace(">", "›"), text)


class LLMExtractor:
    """Implements `Extractor` with an OpenAI-compatible chat model (see the module doc)."""

    def __init__(
        self,
        settings: Settings,
        *,
        fallback: Extractor | None = None,
        merge_rules: bool = True,
        max_input_chars: int = MAX_INPUT_CHARS,
        max_reasks: int = MAX_REASKS,
        cooldown_s: float = COOLDOWN_S,
        today: Callable[[], date] = date.today,
    ) -> None:
        if settings.llm_method not in METHODS:
            raise LLMError(MSG_SETUP.format(reason=f"onbekende methode {settings.llm_method!r}."))
        self.settings = settings
        self.fallback = fallback
        self.method: Method = settings.llm_method
        self._rules = RulesExtractor() if merge_rules else None
        self._max_input = max_input_chars
        self._max_reasks = max(0, max_reasks)
        self._cooldown_s = cooldown_s
        self._today = today
        self._lock = threading.Lock()
        self._runnable: Runnable[Any, Any] | None = None
        self._prompts: tuple[str, str, str, str] | None = None
        self._down_until = 0.0

    @property
    def endpoint(self) -> str:
        return self.settings.llm_base_url or "https://api.openai.com/v1"

    def extract(self, text: str, *, section: SectionKey | None = None) -> Extraction:
        text = text if isinstance(text, str) else str(text)
        if not text.strip():
            return Extraction()
        if is_noise(text):  # "ok", "hmm", "?": not worth a call
            return (self._rules or RulesExtractor()).extract(text, section=section)
        try:
            found = self._extract_llm(text, section)
        except LLMError as exc:
            if self.fallback is None:
                raise
            log.warning(
                "LLM extraction failed (%s: %s%s); using the fallback extractor",
                type(exc).__name__,
                exc.message,
                f" [{exc.detail}]" if exc.detail else "",
            )
            return self.fallback.extract(text, section=section)
        if self._rules is None:
            return found
        return merge_extractions(found, self._rules.extract(text, section=section))

    # -- one model call, with one re-ask --------------------------------------------------

    def _extract_llm(self, text: str, section: SectionKey | None) -> Extraction:
        if time.monotonic() < self._down_until:
            raise LLMUnreachableError(MSG_COOLDOWN, detail=self.endpoint)
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

        runnable = self._structured()
        system, user, reask, _ = self._load_prompts()
        messages: list[BaseMessage] = [
            SystemMessage(content=self._system_prompt(system)),
            HumanMessage(content=render(user, self._user_values(text, section))),
        ]
        attempts = self._max_reasks + 1
        errors: list[str] = []
        for attempt in range(1, attempts + 1):
            raw = self._invoke(runnable, messages)
            try:
                return ExtractionOutput.model_validate_json(raw).to_extraction()
            except ValidationError as exc:
                errors = _describe(exc)
            if attempt == attempts:
                break
            log.info("LLM output did not validate (%d errors); re-asking", len(errors))
            messages += [
                AIMessage(content=raw),
                HumanMessage(content=render(reask, {"errors": "\n".join(errors)})),
            ]
        raise LLMOutputError(MSG_OUTPUT.format(n=attempts), errors=errors, detail="; ".join(errors))

    def _invoke(self, runnable: Runnable[Any, Any], messages: list[BaseMessage]) -> str:
        """One request; the raw JSON text the model produced (content or tool arguments)."""
        import openai

        try:
            result = runnable.invoke(messages)
        except openai.APITimeoutError as exc:
            self._down_until = time.monotonic() + self._cooldown_s
            raise LLMTimeoutError(
                MSG_TIMEOUT.format(duration=_duration(self.settings.llm_timeout_s)),
                detail=f"{self.endpoint}: {exc}",
            ) from exc
        except openai.APIConnectionError as exc:
            self._down_until = time.monotonic() + self._cooldown_s
            raise LLMUnreachableError(
                MSG_UNREACHABLE.format(url=self.endpoint), detail=_chain(exc)
            ) from exc
        except openai.APIStatusError as exc:
            status = exc.status_code
            template = (
                MSG_AUTH if status in (401, 403) else MSG_RATE if status == 429 else MSG_STATUS
            )
            raise LLMStatusError(
                template.format(status=status), status=status, detail=_short(str(exc))
            ) from exc
        except (openai.OpenAIError, ValueError, TypeError, KeyError, AttributeError) as exc:
            # A length or content-filter stop, or a server whose answer is not a completion.
            raise LLMError(
                MSG_RESPONSE, detail=f"{type(exc).__name__}: {_short(str(exc))}"
            ) from exc
        self._down_until = 0.0
        return self._raw_json(result)

    def _raw_json(self, result: object) -> str:
        raw = result.get("raw") if isinstance(result, dict) else None
        if raw is None:
            raise LLMError(MSG_RESPONSE, detail=f"unexpected result {type(result).__name__}")
        kwargs = getattr(raw, "additional_kwargs", {}) or {}
        if kwargs.get("refusal"):
            raise LLMError(MSG_REFUSAL, detail=_short(str(kwargs["refusal"])))
        if self.method == "function_calling":
            calls = getattr(raw, "tool_calls", None) or []
            if calls:
                return json.dumps(calls[0]["args"], ensure_ascii=False)
            invalid = getattr(raw, "invalid_tool_calls", None) or []
            if invalid:
                return str(invalid[0].get("args") or "")
        content = getattr(raw, "content", "")
        if isinstance(content, list):  # content blocks
            content = "".join(
                str(part.get("text", "")) if isinstance(part, dict) else str(part)
                for part in content
            )
        return _strip_fence(str(content))

    # -- lazily built client and prompts --------------------------------------------------

    def _structured(self) -> Runnable[Any, Any]:
        with self._lock:
            if self._runnable is None:
                self._runnable = self._build()
            return self._runnable

    def _build(self) -> Runnable[Any, Any]:
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise LLMError(
                MSG_SETUP.format(reason="het pakket langchain-openai ontbreekt."), detail=str(exc)
            ) from exc
        settings = self.settings
        options: dict[str, Any] = {
            "model": settings.llm_model,
            "base_url": settings.llm_base_url,
            "api_key": settings.llm_api_key or _NO_KEY,
            "timeout": settings.llm_timeout_s,
            "max_retries": 0,
            "temperature": 0.0,
            "use_responses_api": False,  # local servers speak chat completions only
        }
        try:
            llm = ChatOpenAI(**options)
        except ValueError as exc:  # pydantic validation of the options
            raise LLMError(MSG_SETUP.format(reason=_short(str(exc))), detail=str(exc)) from exc
        # A plain JSON schema, not the Pydantic class: with the class, the openai client
        # parses json_schema answers itself and a broken answer would raise before we could
        # read it and re-ask. We parse the raw answer ourselves for every method.
        kwargs: dict[str, Any] = {"strict": True} if self.method == "json_schema" else {}
        return llm.with_structured_output(
            output_schema(), method=self.method, include_raw=True, **kwargs
        )

    def _load_prompts(self) -> tuple[str, str, str, str]:
        if self._prompts is None:
            folder = self.settings.prompts_dir
            try:
                self._prompts = (
                    load_prompt("extract_system", directory=folder),
                    load_prompt("extract_user", directory=folder),
                    load_prompt("extract_reask", directory=folder),
                    load_prompt("extract_schema", directory=folder),
                )
            except PromptError as exc:
                raise LLMError(MSG_SETUP.format(reason=exc.message), detail=exc.detail) from exc
        return self._prompts

    def _system_prompt(self, template: str) -> str:
        schema = ""
        if self.method == "json_mode":  # the server gets no schema: put it in the prompt
            schema_template = self._load_prompts()[3]
            schema = render(schema_template, {"schema_json": json.dumps(output_schema())})
        return render(
            template,
            {
                "today": self._today().isoformat(),
                "themes": ", ".join(THEMES),
                "schema": schema,
            },
        )

    def _user_values(self, text: str, section: SectionKey | None) -> dict[str, str]:
        label = (
            f"{SECTION_TITLES[section]} ({section})"
            if section is not None
            else "onbekend: een vrije tekst of notitie"
        )
        return {"section": label, "text": as_data(text[: self._max_input])}


# -- helpers ------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*```(?:json)?\s*\n?(.*?)\n?```\s*$", re.DOTALL | re.IGNORECASE)


def _strip_fence(text: str) -> str:
    """Local models in json_mode sometimes wrap the object in a ```json fence."""
    match = _FENCE.match(text)
    return match.group(1) if match else text


def _describe(exc: ValidationError, limit: int = 12) -> list[str]:
    """Validation errors as short lines for the re-ask ("budget_eur: moet ... zijn")."""
    lines = []
    for error in exc.errors(include_url=False, include_input=False)[:limit]:
        where = ".".join(str(p) for p in error["loc"]) or "(het hele object)"
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"- {where}: {message}")
    return lines


def _chain(exc: BaseException) -> str:
    """The exception and its causes: "OpenAIConnectionError: ... <- ConnectError: refused"."""
    parts: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(parts) < 4:
        parts.append(f"{type(current).__name__}: {_short(str(current), 120)}")
        current = current.__cause__ or current.__context__
    return " <- ".join(parts)


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _duration(seconds: float) -> str:
    """Dutch: "1 seconde", "0,5 seconde", "20 seconden"."""
    number = f"{seconds:g}".replace(".", ",")
    return f"{number} seconde" if seconds <= 1 else f"{number} seconden"
