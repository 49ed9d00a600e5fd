"""One OpenAI-compatible endpoint, called for one structured answer within a deadline.

Every caller (the interview's turn, drafting, the review's remarks) goes through
`ModelClient.call`, which:

- asks for the output in the configured method and, when the server refuses a method (an
  HTTP 4xx/5xx whose text names `response_format`, `json_schema` or `tools`), says so once in
  Dutch, remembers it for the endpoint and tries the next method in the same call: the
  configured one first, then `json_schema`, llama.cpp's `json_object` with a schema,
  `json_mode` and `function_calling`;
- bounds the output (`max_tokens`, sized to the schema by `max_tokens_for`) and the whole
  call, the re-ask and any next method included, by one deadline;
- parses the raw answer itself, the same way for every method, and re-asks once with the
  validation errors when it does not fit;
- after a connection failure or a timeout skips the endpoint for `cooldown_s`, for every
  conversation of the process (the breaker belongs to the endpoint, not to a caller).

`langchain_openai` (~2.4 s to import) is imported on the first call, never before.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from opdrachtassistent.config import Settings
from opdrachtassistent.errors import LLMError
from opdrachtassistent.prompts import PromptError, load_prompt, render

if TYPE_CHECKING:
    from langchain_core.language_models import LanguageModelInput
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

log = logging.getLogger(__name__)

Method = Literal["json_schema", "json_object_schema", "json_mode", "function_calling"]
METHODS: tuple[Method, ...] = get_args(Method)
MAX_REASKS = 1
COOLDOWN_S = 30.0
OPENAI_URL = "https://api.openai.com/v1"
_NO_KEY = "not-needed"  # local servers want no key; the openai client wants one

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
MSG_NO_METHOD = "De server van het taalmodel weigert elke manier om gestructureerd te antwoorden."
MSG_METHOD_REFUSED = (
    "De server van het taalmodel op {url} kent de methode {method} niet (HTTP {status}); "
    "de assistent gebruikt nu {next}. Zet OPDRACHTASSISTENT_LLM_METHOD={next} om deze "
    "melding te voorkomen."
)
# A refusal of the method names the request field it does not accept.
_REFUSED_METHOD = re.compile(
    r"response_format|json_schema|json_object|tool_choice|\btools?\b|function", re.IGNORECASE
)


class LLMUnreachableError(LLMError):
    """No connection to the endpoint (refused, DNS, TLS, reset)."""


class LLMTimeoutError(LLMUnreachableError):
    """The endpoint did not answer within the deadline."""


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


class _MethodRefused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class CallResult:
    """A validated answer and what it cost."""

    value: BaseModel
    tokens_in: int
    tokens_out: int
    seconds: float  # time spent waiting for the endpoint
    method: Method
    requests: int  # HTTP requests made (a re-ask or a refused method adds one)


@dataclass
class Usage:
    """What a client has spent since it was made, failed requests included, for
    `make bench` and the tests: calls (one per `call`), HTTP requests, tokens, seconds."""

    calls: int = 0
    requests: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def called(self) -> None:
        with self.lock:
            self.calls += 1

    def requested(self, tokens_in: int, tokens_out: int, seconds: float) -> None:
        with self.lock:
            self.requests += 1
            self.tokens_in += tokens_in
            self.tokens_out += tokens_out
            self.seconds += seconds


@dataclass
class _Endpoint:
    """What the process knows of one endpoint, shared by every client and conversation."""

    down_until: float = 0.0
    refused: set[Method] = field(default_factory=set)
    notice: str = ""  # the Dutch line about a refused method, until a screen has shown it
    lock: threading.Lock = field(default_factory=threading.Lock)


_ENDPOINTS: dict[tuple[str, str], _Endpoint] = {}
_ENDPOINTS_LOCK = threading.Lock()


def endpoint_state(url: str, model: str) -> _Endpoint:
    with _ENDPOINTS_LOCK:
        return _ENDPOINTS.setdefault((url, model), _Endpoint())


def reset_endpoints() -> None:
    """Forget every endpoint's breaker and refused methods (for tests)."""
    with _ENDPOINTS_LOCK:
        _ENDPOINTS.clear()


# -- the size of an answer ------------------------------------------------------------------

TEXT_CHARS = 200  # a free-text value: two short Dutch sentences
LIST_ITEMS = 4  # items of a list the model fills
MIN_TEXT_CHARS = 24
_CHARS_PER_TOKEN = 2.5  # Dutch text (and a small model's garbage) per token, on the safe side
_TOKENS_SCALAR = 6  # a number, a date, null, an enum value
_TOKENS_KEY = 5  # a key, its quotes and the separators


def _nodes(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _is_text(node: dict[str, Any]) -> bool:
    return node.get("type") == "string" and "enum" not in node and "format" not in node


def _size(schema: dict[str, Any], text_chars: int, items: int) -> int:
    """The tokens of the longest answer `schema` allows with these bounds."""
    defs = schema.get("$defs", {})

    def size(node: dict[str, Any]) -> int:
        if "$ref" in node:
            return size(defs[node["$ref"].rsplit("/", 1)[-1]])
        if "anyOf" in node:
            return max(size(n) for n in node["anyOf"])
        kind = node.get("type")
        if kind == "object":
            props = node.get("properties", {})
            return 2 + sum(_TOKENS_KEY + len(name) // 4 + size(p) for name, p in props.items())
        if kind == "array":
            return 2 + items * (1 + size(node.get("items", {})))
        if _is_text(node):
            return 2 + int(text_chars / _CHARS_PER_TOKEN)
        return _TOKENS_SCALAR

    return size(schema)


def max_tokens_for(model: type[BaseModel], *, ceiling: int = 4096) -> int:
    """A `max_tokens` that fits the longest answer of `model` within the bounds `bounded`
    puts on it, and stops a small model that writes on under a JSON grammar long before
    its context is full."""
    return min(ceiling, _size(model.model_json_schema(), TEXT_CHARS, LIST_ITEMS))


def plain(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` without patterns, as OpenAI's strict json_schema and tools accept it."""
    out = copy.deepcopy(schema)
    for node in _nodes(out):
        node.pop("pattern", None)
    return out


def bounded(schema: dict[str, Any], max_tokens: int) -> dict[str, Any]:
    """`schema` with a `maxLength` on every free text and a `maxItems` on every list, so
    that the longest answer fits `max_tokens`: a server that turns the schema into a
    grammar (llama.cpp) then cannot write on. With a smaller `max_tokens` than the schema's
    own size, texts get proportionally shorter (never below `MIN_TEXT_CHARS`)."""
    out = copy.deepcopy(schema)
    items = LIST_ITEMS  # a tight budget takes fewer items per list first, then shorter texts
    while items > 1 and _size(out, MIN_TEXT_CHARS, items) > max_tokens:
        items -= 1
    full = _size(out, TEXT_CHARS, items)
    bare = _size(out, 0, items)
    chars = TEXT_CHARS
    if max_tokens < full and full > bare:
        chars = int(TEXT_CHARS * max(0.0, max_tokens - bare) / (full - bare))
    chars = max(MIN_TEXT_CHARS, min(TEXT_CHARS, chars))
    for node in _nodes(out):
        pattern = node.pop("pattern", None) if "anyOf" in node else None
        if pattern is not None:  # a nullable string's pattern belongs on its string branch
            for branch in node["anyOf"]:
                if branch.get("type") == "string":
                    branch["pattern"] = pattern
    for node in _nodes(out):
        if "pattern" in node:
            continue  # the pattern bounds it already
        if _is_text(node):
            node["maxLength"] = min(int(node.get("maxLength", chars)), chars)
        elif node.get("type") == "array":
            node["maxItems"] = min(int(node.get("maxItems", items)), items)
    return out


# -- the client -----------------------------------------------------------------------------


class ModelClient:
    """Calls one endpoint (see the module doc); safe to share between threads."""

    def __init__(
        self,
        settings: Settings,
        *,
        max_reasks: int = MAX_REASKS,
        cooldown_s: float = COOLDOWN_S,
    ) -> None:
        self.settings = settings
        self._max_reasks = max(0, max_reasks)
        self._cooldown_s = cooldown_s
        self._endpoint = endpoint_state(self.url, settings.llm_model)
        self._lock = threading.Lock()
        self._chat: Any = None
        self._prompts: tuple[str, str] | None = None
        self.usage = Usage()

    @property
    def url(self) -> str:
        return self.settings.llm_base_url or OPENAI_URL

    @property
    def methods(self) -> list[Method]:
        """The methods still to try, the configured one first."""
        configured: Method = self.settings.llm_method
        order = [configured, *(m for m in METHODS if m != configured)]
        return [m for m in order if m not in self._endpoint.refused]

    def call(
        self,
        output: type[T],
        system: str,
        user: str,
        *,
        max_tokens: int | None = None,
        deadline: float | None = None,
    ) -> CallResult:
        """A validated `output` for the two prompts; `deadline` is a `time.monotonic()`
        moment (default: the configured timeout from now) that bounds everything."""
        self.prepare()  # the first import of LangChain (seconds) is not the model's time
        started = time.monotonic()
        if deadline is None:
            deadline = started + self.settings.llm_timeout_s
        if started < self._endpoint.down_until:
            raise LLMUnreachableError(MSG_COOLDOWN, detail=self.url)
        self.usage.called()
        budget = max_tokens or self.settings.llm_max_tokens or max_tokens_for(output)
        methods = self.methods
        requests = 0
        while methods:
            method = methods[0]
            try:
                result = self._call_method(output, method, system, user, budget, deadline)
            except _MethodRefused as refused:
                requests += 1
                methods = self._refuse(method, refused)
                continue
            return CallResult(
                value=result.value,
                tokens_in=result.tokens_in,
                tokens_out=result.tokens_out,
                seconds=result.seconds,
                method=method,
                requests=requests + result.requests,
            )
        raise LLMStatusError(MSG_NO_METHOD, status=400, detail=self.url)

    def _refuse(self, method: Method, refused: _MethodRefused) -> list[Method]:
        with self._endpoint.lock:
            first = method not in self._endpoint.refused
            self._endpoint.refused.add(method)
        methods = self.methods
        if first:
            message = MSG_METHOD_REFUSED.format(
                url=self.url,
                method=method,
                status=refused.status,
                next=methods[0] if methods else "geen",
            )
            self._endpoint.notice = message
            log.warning(message + " [%s]", refused.detail)
        return methods

    def take_notice(self) -> str:
        """The Dutch line about a method the server refused, once (for the app's status
        line; the log has it too), else ''."""
        with self._endpoint.lock:
            notice, self._endpoint.notice = self._endpoint.notice, ""
        return notice

    def _call_method(
        self, output: type[T], method: Method, system: str, user: str, budget: int, deadline: float
    ) -> CallResult:
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

        schema = output.model_json_schema()
        if method in ("json_object_schema", "json_mode"):
            # A server that compiles the schema into a grammar gets the bounds too (OpenAI's
            # strict json_schema and tools refuse maxLength: they get the plain schema).
            schema = bounded(schema, budget)
        else:
            schema = plain(schema)
        if method == "json_mode":  # the server gets no schema: it goes into the prompt
            system = system + "\n\n" + render(self._load()[1], {"schema_json": json.dumps(schema)})
        messages: list[BaseMessage] = [SystemMessage(content=system), HumanMessage(content=user)]
        attempts = self._max_reasks + 1
        errors: list[str] = []
        tokens_in = tokens_out = 0
        waited = 0.0
        for attempt in range(1, attempts + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0.05:
                raise LLMTimeoutError(
                    MSG_TIMEOUT.format(duration=duration(self.settings.llm_timeout_s)),
                    detail=f"{self.url}: deadline passed before request {attempt}",
                )
            began = time.monotonic()
            try:
                message = self._invoke(method, schema, messages, budget, remaining)
            except BaseException as exc:
                self.usage.requested(*_spent(exc), time.monotonic() - began)
                raise
            spent = time.monotonic() - began
            waited += spent
            usage = getattr(message, "usage_metadata", None) or {}
            used_in, used_out = (
                int(usage.get("input_tokens", 0)),
                int(usage.get("output_tokens", 0)),
            )
            self.usage.requested(used_in, used_out, spent)
            tokens_in += used_in
            tokens_out += used_out
            raw = raw_json(message, method)
            value, errors = parse(output, raw)
            if value is not None:
                return CallResult(value, tokens_in, tokens_out, waited, method, attempt)
            if attempt == attempts:
                break
            log.info("LLM output did not validate (%d errors); re-asking", len(errors))
            messages += [
                AIMessage(content=raw),
                HumanMessage(content=render(self._load()[0], {"errors": "\n".join(errors)})),
            ]
        raise LLMOutputError(MSG_OUTPUT.format(n=attempts), errors=errors, detail="; ".join(errors))

    def _invoke(
        self,
        method: Method,
        schema: dict[str, Any],
        messages: list[BaseMessage],
        budget: int,
        timeout: float,
    ) -> Any:
        import openai

        runnable = self._runnable(method, schema, budget, timeout)
        try:
            return runnable.invoke(messages)
        except openai.APITimeoutError as exc:
            self._endpoint.down_until = time.monotonic() + self._cooldown_s
            raise LLMTimeoutError(
                MSG_TIMEOUT.format(duration=duration(self.settings.llm_timeout_s)),
                detail=f"{self.url}: {exc}",
            ) from exc
        except openai.APIConnectionError as exc:
            self._endpoint.down_until = time.monotonic() + self._cooldown_s
            raise LLMUnreachableError(
                MSG_UNREACHABLE.format(url=self.url), detail=chain(exc)
            ) from exc
        except openai.APIStatusError as exc:
            status = exc.status_code
            text = f"{exc} {_body(exc)}"
            if status not in (401, 403, 404, 429) and _REFUSED_METHOD.search(text):
                raise _MethodRefused(status, short(text)) from exc
            template = (
                MSG_AUTH if status in (401, 403) else MSG_RATE if status == 429 else MSG_STATUS
            )
            raise LLMStatusError(
                template.format(status=status), status=status, detail=short(text)
            ) from exc
        except (openai.OpenAIError, ValueError, TypeError, KeyError, AttributeError) as exc:
            # A length or content-filter stop, or a server whose answer is not a completion.
            raise LLMError(MSG_RESPONSE, detail=f"{type(exc).__name__}: {short(str(exc))}") from exc

    def _runnable(
        self, method: Method, schema: dict[str, Any], budget: int, timeout: float
    ) -> Runnable[LanguageModelInput, BaseMessage]:
        chat = self._client()
        options: dict[str, Any] = {"max_tokens": budget, "timeout": timeout}
        if not self.url.startswith(OPENAI_URL):
            # LangChain sends the bound as `max_completion_tokens` (OpenAI's current name);
            # llama.cpp's and other local servers read only `max_tokens`: send both.
            options["extra_body"] = {"max_tokens": budget}
        name = str(schema.get("title") or "antwoord")
        if method == "function_calling":
            tool = {
                "type": "function",
                "function": {
                    "name": name,
                    "description": schema.get("description", ""),
                    "parameters": schema,
                },
            }
            tools: Runnable[LanguageModelInput, BaseMessage] = chat.bind(
                tools=[tool],
                tool_choice={"type": "function", "function": {"name": name}},
                parallel_tool_calls=False,
                **options,
            )
            return tools
        formats: dict[Method, dict[str, Any]] = {
            "json_schema": {
                "type": "json_schema",
                "json_schema": {"name": name, "strict": True, "schema": schema},
            },
            "json_object_schema": {"type": "json_object", "schema": schema},
            "json_mode": {"type": "json_object"},
        }
        bound: Runnable[LanguageModelInput, BaseMessage] = chat.bind(
            response_format=formats[method], **options
        )
        return bound

    def prepare(self) -> None:
        """Import LangChain and build the chat client now (the app does so at start, in
        the background), so no user's deadline pays for it."""
        self._client()

    def _client(self) -> Any:
        with self._lock:
            if self._chat is None:
                try:
                    from langchain_openai import ChatOpenAI
                except ImportError as exc:  # pragma: no cover - a dependency of the package
                    raise LLMError(
                        MSG_SETUP.format(reason="het pakket langchain-openai ontbreekt."),
                        detail=str(exc),
                    ) from exc
                settings = self.settings
                try:
                    self._chat = ChatOpenAI(
                        model=settings.llm_model,
                        base_url=settings.llm_base_url,
                        api_key=settings.llm_api_key or _NO_KEY,
                        timeout=settings.llm_timeout_s,
                        max_retries=0,
                        temperature=0.0,
                        use_responses_api=False,  # local servers speak chat completions only
                    )
                except ValueError as exc:  # pydantic validation of the options
                    raise LLMError(
                        MSG_SETUP.format(reason=short(str(exc))), detail=str(exc)
                    ) from exc
            return self._chat

    def _load(self) -> tuple[str, str]:
        if self._prompts is None:
            folder = self.settings.prompts_dir
            try:
                self._prompts = (
                    load_prompt("reask", directory=folder),
                    load_prompt("schema", directory=folder),
                )
            except PromptError as exc:
                raise LLMError(MSG_SETUP.format(reason=exc.message), detail=exc.detail) from exc
        return self._prompts


# -- reading an answer ----------------------------------------------------------------------

_FENCE = re.compile(r"^\s*```(?:json)?\s*\n?(.*?)\n?```\s*$", re.DOTALL | re.IGNORECASE)


def raw_json(message: Any, method: Method) -> str:
    """The JSON text the model produced: the tool call's arguments or the content."""
    kwargs = getattr(message, "additional_kwargs", {}) or {}
    if kwargs.get("refusal"):
        raise LLMError(MSG_REFUSAL, detail=short(str(kwargs["refusal"])))
    if method == "function_calling":
        calls = getattr(message, "tool_calls", None) or []
        if calls:
            return json.dumps(calls[0]["args"], ensure_ascii=False)
        invalid = getattr(message, "invalid_tool_calls", None) or []
        if invalid:
            return str(invalid[0].get("args") or "")
    content = getattr(message, "content", "")
    if isinstance(content, list):  # content blocks
        content = "".join(
            str(part.get("text", "")) if isinstance(part, dict) else str(part) for part in content
        )
    text = str(content)
    match = _FENCE.match(text)  # local models in json_mode sometimes fence the object
    return match.group(1) if match else text


def parse(output: type[T], raw: str) -> tuple[T | None, list[str]]:
    """The answer as `output`, or the errors to feed back. A raw control character inside a
    string (a tab or newline that a grammar let through) is accepted, as JSON readers
    commonly do; anything else must be valid JSON of the schema."""
    try:
        data = json.loads(raw, strict=False)
    except json.JSONDecodeError as exc:
        return None, [f"- (het hele object): geen geldige JSON ({exc.msg}, positie {exc.pos})"]
    try:
        return output.model_validate(data), []
    except ValidationError as exc:
        return None, describe(exc)


def describe(exc: ValidationError, limit: int = 12) -> list[str]:
    """Validation errors as short lines for the re-ask ("budget_eur: moet ... zijn")."""
    lines = []
    for error in exc.errors(include_url=False, include_input=False)[:limit]:
        where = ".".join(str(p) for p in error["loc"]) or "(het hele object)"
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"- {where}: {message}")
    return lines


def _spent(exc: BaseException) -> tuple[int, int]:
    """The tokens a failed request still cost (an answer cut off at `max_tokens`)."""
    cause = exc.__cause__
    usage = getattr(getattr(cause, "completion", None), "usage", None)
    if usage is None:
        return 0, 0
    return int(usage.prompt_tokens or 0), int(usage.completion_tokens or 0)


def _body(exc: Any) -> str:
    body = getattr(exc, "body", None)
    try:
        return json.dumps(body, ensure_ascii=False) if body is not None else ""
    except (TypeError, ValueError):
        return str(body)


def chain(exc: BaseException) -> str:
    """The exception and its causes: "APIConnectionError: ... <- ConnectError: refused"."""
    parts: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(parts) < 4:
        parts.append(f"{type(current).__name__}: {short(str(current), 120)}")
        current = current.__cause__ or current.__context__
    return " <- ".join(parts)


def short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def duration(seconds: float) -> str:
    """Dutch: "1 seconde", "0,5 seconde", "20 seconden"."""
    number = f"{seconds:g}".replace(".", ",")
    return f"{number} seconde" if seconds <= 1 else f"{number} seconden"
