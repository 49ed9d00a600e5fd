"""One exception family: adapters raise these, and only the edges (CLI, UI) turn them into
a Dutch message for a person."""

from __future__ import annotations


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


class KnowledgeError(OpdrachtError):
    """The knowledge store or the embedding model failed."""


class LLMError(OpdrachtError):
    """The configured language model endpoint failed, was slow or answered nonsense."""


class StorageError(OpdrachtError):
    """Sessions could not be read or written."""
