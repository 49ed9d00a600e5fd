"""What a real llama.cpp server (llama-cpp-python 0.3.36, Gemma 3 270M) does with each way of
asking for structured output, seen through the plain `openai` client and through LangChain's
`ChatOpenAI` (not through the product's code): the facts the model client relies on.

- system messages reach the model (the server's `gemma-system` chat format);
- `response_format` `json_schema` is refused with HTTP 500 whose body names
  `response_format` and "Input should be 'text' or 'json_object'";
- `json_object` with a `schema` gives JSON of that schema; `json_object` alone gives JSON of
  any shape (often cut off by `max_tokens`);
- a forced tool call gives arguments of the tool's schema; its finish_reason is "tool_calls"
  even when `max_tokens` cut the arguments off;
- LangChain passes the `response_format` dict through unchanged but renames `max_tokens` to
  `max_completion_tokens`, which this server ignores; `extra_body={"max_tokens": n}` bounds it;
- a request the client gave up on (timeout) still runs to its `max_tokens` and holds the
  server; a stream the client closes stops at once.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

import httpx
import openai
import pytest
from langchain_core.messages import HumanMessage
from langchain_openai import ChatOpenAI
from tests.support.llama_server import LlamaServer

pytestmark = pytest.mark.realmodel

# Three fields: a string, a number, a list of strings.
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "titel": {"type": "string"},
        "budget": {"type": "number"},
        "gebieden": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["titel", "budget", "gebieden"],
}
QUESTION = (
    "Vat deze opdracht samen als JSON met titel, budget en gebieden: de gemeente wil een "
    "nieuwe fietsbrug over het kanaal, het budget is 180000 euro, en het gaat om de wijken "
    "Oost en Zuid."
)
MESSAGES: list[Any] = [{"role": "user", "content": QUESTION}]
MAX_TOKENS = 200


def _client(server: LlamaServer, *, timeout: float = 120.0) -> openai.OpenAI:
    # max_retries=0: the refusals below are HTTP 500, which the client would otherwise retry.
    return openai.OpenAI(
        base_url=server.base_url, api_key="niet-nodig", max_retries=0, timeout=timeout
    )


def _post(server: LlamaServer, **body: Any) -> httpx.Response:
    payload = {"model": server.model, "messages": MESSAGES, "max_tokens": MAX_TOKENS, **body}
    return httpx.post(f"{server.base_url}/chat/completions", json=payload, timeout=120.0)


def _assert_schema_shape(value: Any) -> None:
    assert isinstance(value, dict)
    assert set(value) == {"titel", "budget", "gebieden"}
    assert isinstance(value["titel"], str)
    assert isinstance(value["budget"], int | float)
    assert isinstance(value["gebieden"], list)
    assert all(isinstance(item, str) for item in value["gebieden"])


def test_server_reports_its_model_and_answers_a_chat(llama_server: LlamaServer) -> None:
    assert llama_server.base_url.endswith("/v1")
    assert llama_server.model.endswith(".gguf")
    answer = _client(llama_server).chat.completions.create(
        model=llama_server.model, messages=MESSAGES, max_tokens=20
    )
    choice = answer.choices[0]
    assert isinstance(choice.message.content, str)
    assert choice.message.content.strip()
    assert choice.finish_reason in {"stop", "length"}
    assert answer.usage is not None
    assert 0 < answer.usage.completion_tokens <= 20


def test_any_model_name_is_served_by_the_one_model(llama_server: LlamaServer) -> None:
    answer = _client(llama_server).chat.completions.create(
        model="een-naam-die-de-server-niet-kent", messages=MESSAGES, max_tokens=5
    )
    assert answer.choices[0].message.content is not None


def test_system_message_reaches_the_model(llama_server: LlamaServer) -> None:
    # llama-cpp-python's `gemma` format would drop it; the server's `gemma-system` format
    # (tests/support/llama_gemma_serve.py) puts it before the first user message.
    client = _client(llama_server)
    system = {"role": "system", "content": "Antwoord altijd in het Nederlands."}
    without = client.chat.completions.create(
        model=llama_server.model, messages=MESSAGES, max_tokens=1
    )
    with_system = client.chat.completions.create(
        model=llama_server.model, messages=[system, *MESSAGES], max_tokens=1
    )
    assert without.usage is not None
    assert with_system.usage is not None
    assert with_system.usage.prompt_tokens > without.usage.prompt_tokens + 5


def test_json_schema_response_format_is_refused_with_500(llama_server: LlamaServer) -> None:
    response = _post(
        llama_server,
        response_format={
            "type": "json_schema",
            "json_schema": {"name": "x", "strict": True, "schema": SCHEMA},
        },
    )
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["type"] == "internal_server_error"
    assert "response_format" in error["message"]
    assert "Input should be 'text' or 'json_object'" in error["message"]
    # The openai client raises it as InternalServerError (and, left at its default, retries).
    with pytest.raises(openai.InternalServerError) as raised:
        _client(llama_server).chat.completions.create(
            model=llama_server.model,
            messages=MESSAGES,
            max_tokens=MAX_TOKENS,
            response_format={
                "type": "json_schema",
                "json_schema": {"name": "x", "strict": True, "schema": SCHEMA},
            },
        )
    assert raised.value.status_code == 500
    assert "response_format" in raised.value.response.text


def test_json_object_with_schema_gives_json_of_that_schema(llama_server: LlamaServer) -> None:
    answer = _client(llama_server).chat.completions.create(
        model=llama_server.model,
        messages=MESSAGES,
        max_tokens=MAX_TOKENS,
        temperature=0,
        response_format={"type": "json_object", "schema": SCHEMA},  # type: ignore[typeddict-unknown-key]
    )
    choice = answer.choices[0]
    assert choice.finish_reason == "stop", choice.message.content
    assert choice.message.content is not None
    _assert_schema_shape(json.loads(choice.message.content))


def test_json_object_without_schema_gives_json_of_any_shape(llama_server: LlamaServer) -> None:
    answer = _client(llama_server).chat.completions.create(
        model=llama_server.model,
        messages=MESSAGES,
        max_tokens=120,  # free JSON runs to the limit, slowly (~8 tokens/s): keep it short
        temperature=0,
        response_format={"type": "json_object"},
    )
    choice = answer.choices[0]
    content = choice.message.content or ""
    assert content.lstrip().startswith("{")
    if choice.finish_reason == "stop":
        assert isinstance(json.loads(content), dict)
    else:
        # Cut off at max_tokens: JSON that does not close.
        assert choice.finish_reason == "length"
        with pytest.raises(json.JSONDecodeError):
            json.loads(content)


def test_cut_off_json_object_reports_length(llama_server: LlamaServer) -> None:
    response = _post(
        llama_server,
        max_tokens=8,
        temperature=0,
        response_format={"type": "json_object", "schema": SCHEMA},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["choices"][0]["finish_reason"] == "length"
    assert body["usage"]["completion_tokens"] == 8


def _tool() -> dict[str, Any]:
    return {
        "type": "function",
        "function": {"name": "x", "description": "De samenvatting.", "parameters": SCHEMA},
    }


def test_forced_tool_call_gives_arguments_of_its_schema(llama_server: LlamaServer) -> None:
    answer = _client(llama_server).chat.completions.create(
        model=llama_server.model,
        messages=MESSAGES,
        max_tokens=MAX_TOKENS,
        temperature=0,
        tools=[_tool()],  # type: ignore[list-item]
        tool_choice={"type": "function", "function": {"name": "x"}},
    )
    choice = answer.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content is None
    assert choice.message.tool_calls is not None
    call = choice.message.tool_calls[0]
    assert call.type == "function"
    assert call.function.name == "x"
    _assert_schema_shape(json.loads(call.function.arguments))


def test_cut_off_tool_call_still_reports_tool_calls(llama_server: LlamaServer) -> None:
    response = _post(
        llama_server,
        max_tokens=8,
        temperature=0,
        tools=[_tool()],
        tool_choice={"type": "function", "function": {"name": "x"}},
    )
    body = response.json()
    choice = body["choices"][0]
    assert choice["finish_reason"] == "tool_calls"  # not "length"
    assert body["usage"]["completion_tokens"] == 8
    with pytest.raises(json.JSONDecodeError):
        json.loads(choice["message"]["tool_calls"][0]["function"]["arguments"])


def test_tool_choice_naming_an_unknown_tool_is_refused(llama_server: LlamaServer) -> None:
    response = _post(
        llama_server,
        tools=[_tool()],
        tool_choice={"type": "function", "function": {"name": "y"}},
    )
    assert response.status_code == 500
    assert response.json()["error"]["message"] == "Tool choice 'y' not found in tools."


def test_tool_choice_required_is_ignored(llama_server: LlamaServer) -> None:
    body = _post(llama_server, max_tokens=10, tools=[_tool()], tool_choice="required").json()
    message = body["choices"][0]["message"]
    assert not message.get("tool_calls")
    assert isinstance(message["content"], str)


def test_max_completion_tokens_is_ignored_by_the_server(llama_server: LlamaServer) -> None:
    payload = {
        "model": llama_server.model,
        "messages": MESSAGES,
        "max_completion_tokens": 8,
        "temperature": 0,
        "response_format": {"type": "json_object", "schema": SCHEMA},
    }
    response = httpx.post(f"{llama_server.base_url}/chat/completions", json=payload, timeout=120)
    body = response.json()
    assert body["usage"]["completion_tokens"] > 8
    assert body["choices"][0]["finish_reason"] == "stop"


class _Recorder:
    """The JSON bodies LangChain sends, seen by an httpx event hook."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> None:
        self.bodies.append(json.loads(request.content))

    def client(self) -> httpx.Client:
        return httpx.Client(event_hooks={"request": [self]})


def _chat_openai(server: LlamaServer, recorder: _Recorder) -> ChatOpenAI:
    return ChatOpenAI(
        base_url=server.base_url,
        api_key="niet-nodig",  # type: ignore[arg-type]
        model=server.model,
        max_retries=0,
        timeout=120,
        temperature=0,
        http_client=recorder.client(),
    )


def test_langchain_bind_passes_response_format_unchanged(llama_server: LlamaServer) -> None:
    recorder = _Recorder()
    response_format = {"type": "json_object", "schema": SCHEMA}
    model = _chat_openai(llama_server, recorder).bind(
        response_format=response_format, max_tokens=MAX_TOKENS
    )
    answer = model.invoke([HumanMessage(QUESTION)])
    (body,) = recorder.bodies
    assert body["response_format"] == {"type": "json_object", "schema": SCHEMA}
    # max_tokens goes out as max_completion_tokens, which this server ignores.
    assert "max_tokens" not in body
    assert body["max_completion_tokens"] == MAX_TOKENS
    assert isinstance(answer.content, str)
    _assert_schema_shape(json.loads(answer.content))


def test_langchain_extra_body_max_tokens_bounds_the_answer(llama_server: LlamaServer) -> None:
    recorder = _Recorder()
    model = _chat_openai(llama_server, recorder).bind(
        response_format={"type": "json_object", "schema": SCHEMA}, extra_body={"max_tokens": 8}
    )
    # With a response_format LangChain goes through the client's parse(), which raises on a
    # cut-off answer.
    with pytest.raises(openai.LengthFinishReasonError):
        model.invoke([HumanMessage(QUESTION)])
    (body,) = recorder.bodies
    assert body["max_tokens"] == 8
    assert "max_completion_tokens" not in body


_EVAL_RUNS = re.compile(r"eval time =.*/\s*(\d+) runs")


def _eval_runs(log: str) -> list[int]:
    """The token counts of the generations the server finished (llama.cpp's timing lines)."""
    return [int(m.group(1)) for m in _EVAL_RUNS.finditer(log)]


# A prompt the base model keeps repeating: it runs to max_tokens.
ECHO = [{"role": "user", "content": "Herhaal: de brug, de brug, de brug, de brug, de brug"}]
LONG = 200


def test_abandoned_request_runs_to_its_limit_and_holds_the_server(
    llama_server: LlamaServer,
) -> None:
    before = len(_eval_runs(llama_server.log()))
    impatient = _client(llama_server, timeout=1.0)
    with pytest.raises(openai.APITimeoutError):
        impatient.chat.completions.create(
            model=llama_server.model, messages=ECHO, max_tokens=LONG, temperature=0
        )
    started = time.perf_counter()
    _client(llama_server).chat.completions.create(
        model=llama_server.model, messages=ECHO, max_tokens=5, temperature=0
    )
    waited = time.perf_counter() - started
    runs = _eval_runs(llama_server.log())[before:]
    # The abandoned request ran to its end before the next one began (llama.cpp counts the
    # first token with the prompt, so one run fewer may be logged).
    assert runs[0] >= LONG - 1, runs
    print(f"second request after an abandoned one: {waited:.1f} s")


def test_closed_stream_stops_the_generation(llama_server: LlamaServer) -> None:
    before = len(_eval_runs(llama_server.log()))
    client = _client(llama_server)
    stream = client.chat.completions.create(
        model=llama_server.model, messages=ECHO, max_tokens=LONG, temperature=0, stream=True
    )
    started = time.perf_counter()
    for chunks, _chunk in enumerate(stream, start=1):
        if chunks >= 10 or time.perf_counter() - started > 1.0:
            break
    stream.close()
    client.chat.completions.create(
        model=llama_server.model, messages=ECHO, max_tokens=5, temperature=0
    )
    assert "disconnected" in llama_server.log()
    assert all(runs < LONG - 1 for runs in _eval_runs(llama_server.log())[before:])
