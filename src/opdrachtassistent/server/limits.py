"""A bound on every request body: by Content-Length before anything is read, and by
counting a streamed body as it arrives. Larger is refused with 413 and a Dutch message.

Ordinary API calls (a chat answer, a section from the editor) get `default` bytes; Gradio's
upload route gets `upload` bytes for exactly one file per request.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opdrachtassistent.documents.limits import MAX_FILE_BYTES

UPLOAD_PATH = "/gradio_api/upload"
# The multipart frame around one file: boundaries, part headers, the file name.
MULTIPART_OVERHEAD = 64 * 1024
# An answer or section at max_input_chars, up to 4 bytes a character, plus the JSON around it.
BYTES_PER_CHAR = 8
MIN_REQUEST_BYTES = 2_000_000

MESSAGES = {
    "too_large": "Het verzoek is te groot ({size} MB); de grens is {limit} MB.",
    "too_large_upload": "Het document is te groot ({size} MB); de grens is {file_limit} MB.",
    "too_many": "Stuur één document per keer.",
    "bad_length": "De lengte van het verzoek (Content-Length) is ongeldig.",
}


@dataclass(frozen=True)
class BodyLimits:
    default: int
    upload: int = MAX_FILE_BYTES + MULTIPART_OVERHEAD
    upload_files: int = 1

    @classmethod
    def for_input_chars(cls, max_input_chars: int) -> BodyLimits:
        return cls(default=max(MIN_REQUEST_BYTES, BYTES_PER_CHAR * max_input_chars))


class _Refused(Exception):
    """Raised inside `receive` to stop the app reading a body that is over the limit."""


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",")


class _Counter:
    """Counts bytes and multipart delimiters of one request body as it streams in."""

    def __init__(self, limit: int, boundary: bytes | None, max_parts: int) -> None:
        self.limit = limit
        self.size = 0
        self.delimiter = b"--" + boundary if boundary else b""
        self.max_delimiters = max_parts + 1  # one per part, plus the closing one
        self.delimiters = 0
        self._tail = b""
        self.refused: str | None = None

    def feed(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            self.refused = "too_large_upload" if self.delimiter else "too_large"
        elif self.delimiter:
            data = self._tail + chunk
            self.delimiters += data.count(self.delimiter)
            self._tail = data[-(len(self.delimiter) - 1) :]
            if self.delimiters > self.max_delimiters:
                self.refused = "too_many"


def _boundary(headers: Headers) -> bytes | None:
    content_type = headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "boundary" and value:
            return value.strip('"').encode("latin-1")
    return None


class BodyLimit:
    """The ASGI layer; see the module docstring."""

    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    def _refusal(self, reason: str, size: int, limit: int) -> PlainTextResponse:
        text = MESSAGES[reason].format(
            size=_mb(size), limit=_mb(limit), file_limit=_mb(MAX_FILE_BYTES)
        )
        return PlainTextResponse(text, status_code=400 if reason == "bad_length" else 413)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        upload = scope["path"].endswith(UPLOAD_PATH)
        limit = self.limits.upload if upload else self.limits.default
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                await self._refusal("bad_length", 0, limit)(scope, receive, send)
                return
            if int(declared) > limit:
                reason = "too_large_upload" if upload else "too_large"
                await self._refusal(reason, int(declared), limit)(scope, receive, send)
                return
        counter = _Counter(limit, _boundary(headers) if upload else None, self.limits.upload_files)
        started = False

        async def counted_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                counter.feed(message.get("body", b""))
                if counter.refused:
                    raise _Refused
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if counter.refused:
                return  # the app's reply to a body it could not finish reading
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            # `_Refused` itself, or whatever the app made of it while reading
            if not counter.refused:
                raise
        if counter.refused and not started:
            await self._refusal(counter.refused, counter.size, limit)(scope, receive, send)
