"""One exception family: adapters raise these, and only the edges (CLI, UI) turn them into
a Dutch message for a person."""

from __future__ import annotations

import errno


class OpdrachtError(Exception):
    """Base of every error this package raises on purpose; `message` is Dutch for the user."""

    exit_code = 1

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class InputError(OpdrachtError):
    """The user's input (a file, an argument) cannot be used as it is."""

    exit_code = 2


class DocumentError(InputError):
    """A document cannot be read (corrupt, encrypted, empty, unsupported); `message` says why."""


class KnowledgeError(OpdrachtError):
    """The knowledge store or the embedding model failed."""


class LLMError(OpdrachtError):
    """The configured language model endpoint failed, was slow or answered nonsense."""


class StorageError(OpdrachtError):
    """Sessions could not be read or written."""


class AuthError(OpdrachtError):
    """Login is not configured safely, or the users file cannot be read or written."""


# Dutch reasons for what the operating system refuses
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: "de map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EEXIST: "er staat al een bestand met die naam",
    errno.ENAMETOOLONG: "de naam is te lang",
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in Dutch (its own words when the case is rare)."""
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    return exc.strerror or type(exc).__name__
