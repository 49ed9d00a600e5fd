"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests, shipped beside the adapter.

`FakeOpenAIServer` speaks just enough of the chat completions API for the real `openai`
client and LangChain's `ChatOpenAI` to work against it: `POST /v1/chat/completions` and
`GET /v1/models`. Tests queue canned answers and read back what was sent:

    with FakeOpenAIServer() as server:
        server.enqueue({"title": "Dorpsstraat", ...})   # a JSON payload
        server.enqueue("{niet: geldig")                 # raw text: invalid JSON
        server.enqueue(503)                             # an HTTP error
        server.enqueue({"title": None}, delay_s=3)      # a slow answer
        ... ChatOpenAI(base_url=server.base_url, ...) ...
        server.requests[0].body["messages"]

A payload is answered in the shape the request asks for: when the request forces a tool
(`tool_choice`, the function-calling method) the payload becomes the tool call's arguments;
otherwise (json_schema, json_mode, plain chat) it becomes the message content. An empty queue
answers HTTP 500, so a test that sends more requests than it expected fails loudly.

`FakeExtractor` is an `Extractor` that returns a fixed extraction and records its calls: a
fallback whose use a test can see.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from opdrachtassistent.commission import SectionKey
from opdrachtassistent.extract.base import Extraction

JsonObject = dict[str, Any]

_REASONS = {
    400: ("invalid_request_error", "Bad request"),
    401: ("invalid_api_key", "Incorrect API key provided"),
    404: ("not_found_error", "Not found"),
    429: ("rate_limit_exceeded", "Rate limit reached"),
    500: ("server_error", "The server had an error while processing your request"),
    503: ("server_error", "The engine is currently overloaded"),
}


@dataclass(frozen=True)
class CannedResponse:
    """One queued answer: a payload (JSON-able mapping or raw text), or an HTTP error status."""

    payload: Mapping[str, Any] | str | None = None
    status: int = 200
    delay_s: float = 0.0
    as_content: bool = False


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server received it; header names are lower-case."""

    method: str
    path: str
    headers: dict[str, str]
    body: JsonObject = field(default_factory=dict)

    @property
    def text(self) -> str:
        """All message contents joined: handy for `"..." in request.text` assertions."""
        parts: list[str] = []
        for message in self.body.get("messages", []):
            content = message.get("content")
            if isinstance(content, str):
                parts.append(content)
            elif isinstance(content, list):
                parts.extend(str(p.get("text", "")) for p in content if isinstance(p, dict))
        return "\n".join(parts)


class FakeOpenAIServer:
    """A chat-completions server in a background thread on a free port of 127.0.0.1."""

    def __init__(self, *, model: str = "fake-model") -> None:
        self.model = model
        self.requests: list[RecordedRequest] = []
        self._queue: deque[CannedResponse] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._counter = 0
        # Request forms this server refuses, as some real servers do, every time and
        # without using a queued answer: "json_schema" (response_format type), "json_object",
        # "tools". The refusal names the field, in the words of llama.cpp's server.
        self.refuses: set[str] = set()

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> FakeOpenAIServer:
        if self._httpd is not None:
            return self
        handler = type("_BoundHandler", (_Handler,), {"fake": self})
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True
        self._httpd = httpd
        self._stopping.clear()
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; delayed answers still sleeping are woken and dropped."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("FakeOpenAIServer is not running; call start() first")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The URL to give an OpenAI client: http://127.0.0.1:PORT/v1."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- the queue ----------------------------------------------------------------------

    def enqueue(
        self,
        response: Mapping[str, Any] | str | int | None = None,
        *,
        delay_s: float = 0.0,
        as_content: bool = False,
    ) -> None:
        """Queue one answer: a mapping (sent as JSON), raw text (sent verbatim, e.g. broken
        JSON), or an int (an HTTP error with that status). `delay_s` waits before answering;
        `as_content` answers in the message content even when the request forces a tool, as
        servers that ignore `tool_choice` do."""
        if isinstance(response, bool):
            raise TypeError("enqueue() takes a payload, raw text or an HTTP status, not a bool")
        if isinstance(response, int):
            canned = CannedResponse(status=response, delay_s=delay_s)
        else:
            canned = CannedResponse(payload=response, delay_s=delay_s, as_content=as_content)
        with self._lock:
            self._queue.append(canned)

    @property
    def pending(self) -> int:
        """Answers still queued."""
        with self._lock:
            return len(self._queue)

    @property
    def completions(self) -> list[RecordedRequest]:
        """The chat-completion requests only (not `GET /models`)."""
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    # -- answering (called from the handler threads) -----------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next(self) -> CannedResponse | None:
        with self._lock:
            return self._queue.popleft() if self._queue else None

    def _wait(self, delay_s: float) -> bool:
        """Sleep `delay_s`; False when the server stopped meanwhile."""
        return not self._stopping.wait(delay_s) if delay_s > 0 else True

    def _completion(
        self, body: JsonObject, payload: Mapping[str, Any] | str | None, *, as_content: bool
    ) -> JsonObject:
        with self._lock:
            self._counter += 1
            number = self._counter
        if payload is None:
            text = ""
        elif isinstance(payload, str):
            text = payload
        else:
            text = json.dumps(payload, ensure_ascii=False)
        tool = None if as_content else _forced_tool(body)
        message: JsonObject = {"role": "assistant", "content": None, "refusal": None}
        if tool is not None:
            message["tool_calls"] = [
                {
                    "id": f"call_fake_{number}",
                    "type": "function",
                    "function": {"name": tool, "arguments": text},
                }
            ]
            finish = "tool_calls"
        else:
            message["content"] = text
            finish = "stop"
        prompt_tokens = sum(len(str(m.get("content") or "").split()) for m in body["messages"])
        completion_tokens = len(text.split())
        return {
            "id": f"chatcmpl-fake-{number}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": str(body.get("model") or self.model),
            "choices": [
                {"index": 0, "message": message, "finish_reason": finish, "logprobs": None}
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


def _forced_tool(body: JsonObject) -> str | None:
    """The function the request forces (function-calling method), if any."""
    tools = body.get("tools") or []
    choice = body.get("tool_choice")
    if not tools or choice in (None, "none"):
        return None
    if isinstance(choice, dict):
        name = (choice.get("function") or {}).get("name")
        if isinstance(name, str):
            return name
    first = tools[0].get("function", {}).get("name") if isinstance(tools[0], dict) else None
    return first if isinstance(first, str) else None


def _refused_form(body: JsonObject, refuses: set[str]) -> str | None:
    """The error text for a request form the server refuses, else None."""
    kind = (body.get("response_format") or {}).get("type")
    if kind in refuses:
        return (
            f"1 validation error: response_format.type: Input should be 'text' or "
            f"'json_object' (got {kind!r})"
        )
    if body.get("tools") and "tools" in refuses:
        return "tools and tool_choice are not supported by this server"
    return None


def _headers(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {name.lower(): value for name, value in items}


def _error_body(status: int, message: str | None = None) -> JsonObject:
    kind, default = _REASONS.get(status, ("api_error", f"HTTP {status}"))
    return {"error": {"message": message or default, "type": kind, "param": None, "code": kind}}


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAIServer  # set on the bound subclass
    server_version = "FakeOpenAI/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read `requests` instead of the log."""

    def do_GET(self) -> None:
        self.fake._record(RecordedRequest("GET", self.path, _headers(self.headers.items())))
        if self.path.rstrip("/").endswith("/models"):
            model = {"id": self.fake.model, "object": "model", "created": 0, "owned_by": "fake"}
            self._send(200, {"object": "list", "data": [model]})
        else:
            self._send(404, _error_body(404))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            body = {"_raw": raw.decode("utf-8", "replace")}
        if not isinstance(body, dict):
            body = {"_raw": body}
        self.fake._record(RecordedRequest("POST", self.path, _headers(self.headers.items()), body))
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, _error_body(404))
            return
        if not isinstance(body.get("messages"), list):
            self._send(400, _error_body(400, "'messages' is a required property"))
            return
        if body.get("stream"):
            self._send(400, _error_body(400, "FakeOpenAIServer does not stream"))
            return
        refused = _refused_form(body, self.fake.refuses)
        if refused is not None:
            self._send(500, _error_body(500, refused))
            return
        canned = self.fake._next()
        if canned is None:
            self._send(500, _error_body(500, "FakeOpenAIServer: no canned response queued"))
            return
        if not self.fake._wait(canned.delay_s):
            return  # stopped while sleeping: drop the answer
        if canned.status != 200:
            self._send(canned.status, _error_body(canned.status))
            return
        self._send(200, self.fake._completion(body, canned.payload, as_content=canned.as_content))

    def _send(self, status: int, payload: JsonObject) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to answer


class FakeExtractor:
    """Implements `Extractor`: always returns a copy of `result`, recording (text, section)."""

    def __init__(self, result: Extraction | None = None) -> None:
        self.result = result or Extraction(context="Uit de reserve-extractor.")
        self.calls: list[tuple[str, SectionKey | None]] = []

    def extract(self, text: str, *, section: SectionKey | None = None) -> Extraction:
        self.calls.append((text, section))
        return self.result.model_copy(deep=True)
